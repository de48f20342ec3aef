"""Case notices through the services: printed from the case, checked on the PDFs, served, moving the clocks.

Dates counted by hand (November 2026 has no holiday or make-up day; weekends off):
accepted Wed 11-04 → 组庭通知 within five working days: 11-05, 06, 09, 10, 11 → Wed 11-11.
应诉通知书 served Thu 11-05 → defence period ten working days from the next day:
11-06 (1), 11-09 … 11-13 (2–6), 11-16 … 11-19 (7–10) → Thu 11-19.
Served Mon 11-09 → 11-10 … 11-13 (1–4), 11-16 … 11-20 (5–9), 11-23 (10) → Mon 11-23.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, lawyer, respondent, seed_staff
from tribunal.domain import notices as nk
from tribunal.domain.enums import PanelRole, ServiceMethod
from tribunal.domain.notices import NoticeInput
from tribunal.errors import ValidationError
from tribunal.services import (
    agents,
    cases,
    clocks,
    documents,
    notices,
    participants,
    served_documents,
)

D = dt.date
LONG = "中国建筑第五工程局有限公司湖南分公司邵阳市城市建设投资项目第三标段项目经理部"


@pytest.fixture
def case(db) -> cases.CaseDetail:
    staff = seed_staff(db)
    data = case_input(
        received_date=D(2026, 11, 2), accepted_date=D(2026, 11, 4),
        parties=(applicant("阿卜杜热合曼·阿卜杜克热木", address="邵阳市大祥区敏州路1号"),
                 respondent(LONG, address="邵阳市经开区宝庆大道99号"),
                 respondent("邵阳宝庆劳务派遣有限公司", address="邵阳市北塔区2号")),
        arbitrators=(cases.ArbitratorInput(staff["李建国"], PanelRole.PRESIDING),
                     cases.ArbitratorInput(staff["王淑芬"], PanelRole.MEMBER),
                     cases.ArbitratorInput(staff["张卫东"], PanelRole.MEMBER)),
        clerk_id=staff["赵静"])
    made = cases.create_case(db, data, today=TODAY)
    agents.add_agent(db, made.parties[0].id, lawyer("王某某", address="邵阳市双清区律所路8号"))
    participants.add_participant(db, made.id, "证人", "吴小二", today=TODAY)
    return cases.get_case(db, made.id)


def text_of(path) -> str:
    return text_of_bytes(Path(path).read_bytes())


def text_of_bytes(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "".join("".join((page.extract_text() or "").split()) for page in reader.pages)


def test_every_party_kind_is_printed_with_a_receipt_per_addressee(db, case, tmp_path):
    given = NoticeInput(D(2026, 11, 4), reasons="申请人的请求不属于劳动争议", materials=("劳动合同复印件", "工资条"),
                        effective=D(2026, 11, 20), new_due=D(2027, 1, 3), public_party_id=case.parties[2].id)
    for kind in nk.KINDS:
        if kind.needs_hearing:
            continue
        result = notices.make_notices(db, case.id, kind, given, out_dir=tmp_path)
        titles = [d.title for d in result.documents]
        notices_ = [d for d in result.documents if d.kind.value == "case_notice"]
        receipts = [d for d in result.documents if d.kind.value == "service_receipt"]
        expected = {"applicants": 2, "respondents": 2, "parties": 4, "public": 1}[kind.to]
        assert len(notices_) == expected, titles
        assert len(receipts) == (0 if kind.to == "public" else expected)
        for d in receipts:
            assert len(PdfReader(d.path).pages) == 1  # a proof of service is one sheet
        text = "".join(text_of(d.path) for d in notices_)
        assert kind.title in text
    respond = notices.make_notices(db, case.id, "应诉通知书", given, out_dir=tmp_path)
    long_notice = next(d for d in respond.documents if d.kind.value == "case_notice" and LONG in d.title)
    text = text_of(Path(long_notice.path))
    assert LONG in text and "十日内向本委提交答辩书" in text and "《劳动争议调解仲裁法》第三十条" in text
    assert "附件：仲裁申请书副本" in text
    accept = notices.make_notices(db, case.id, "accept", given, out_dir=tmp_path)
    agent_copy = next(d for d in accept.documents if "王某某" in d.title and d.kind.value == "service_receipt")
    receipt_text = text_of(Path(agent_copy.path))
    assert "邵阳市双清区律所路8号" in receipt_text  # served at the agent's own address
    composition = notices.make_notices(db, case.id, "composition", given, out_dir=tmp_path)
    text = text_of(Path(composition.documents[0].path))
    assert "由李建国担任首席仲裁员" in text and "第三十三条" in text


def test_a_refused_notice_says_what_is_missing(db, case, tmp_path):
    with pytest.raises(ValidationError, match="须写明理由"):
        notices.make_notices(db, case.id, "reject", NoticeInput(TODAY), out_dir=tmp_path)
    with pytest.raises(ValidationError, match="须指明是哪一场开庭"):
        notices.make_notices(db, case.id, "appear", NoticeInput(TODAY), out_dir=tmp_path)
    with pytest.raises(ValidationError, match="没有"):
        notices.make_notices(db, case.id, "nonsense", NoticeInput(TODAY), out_dir=tmp_path)


def test_service_dates_move_the_defence_period_of_each_respondent(db, case, tmp_path):
    notices.make_notices(db, case.id, "respond", NoticeInput(D(2026, 11, 4)), out_dir=tmp_path)
    first, second = case.parties[1].id, case.parties[2].id
    with pytest.raises(ValidationError, match="邮件号"):
        notices.record_service(db, case.id, "respond", method=ServiceMethod.POST, served_on=D(2026, 11, 5),
                               served_by="赵静", party_id=first, today=TODAY)
    with pytest.raises(ValidationError, match="电子送达须经受送达人同意"):
        notices.record_service(db, case.id, "respond", method="电子送达", served_on=D(2026, 11, 5),
                               served_by="赵静", party_id=first, today=TODAY)
    with pytest.raises(ValidationError, match="不是被申请人"):
        notices.record_service(db, case.id, "respond", method="直接送达", served_on=D(2026, 11, 5),
                               served_by="赵静", party_id=case.parties[0].id, today=TODAY)
    notices.record_service(db, case.id, "respond", method="直接送达", served_on=D(2026, 11, 5), served_by="赵静",
                           party_id=first, signed_by="李某", today=TODAY)
    entry = notices.record_service(db, case.id, "respond", method=ServiceMethod.POST, served_on=D(2026, 11, 9),
                                   served_by="赵静", party_id=second, tracking_number="EMS1234567890", today=TODAY)
    assert "邮件号：EMS1234567890" in entry.note
    clock = clocks.case_clock(db, case.id, TODAY)
    defence = {it.party_id: it.due for it in clock.items_of("defence_due")}
    assert defence == {first: D(2026, 11, 19), second: D(2026, 11, 23)}
    assert clock.item("serve_application_by").state == "done"
    # The served notices' bytes are kept with the case (they open even when the file is gone).
    served = [d for d in documents.list_documents(db, case_id=case.id) if str(first) and LONG in d.title]
    assert served
    for d in served:
        Path(d.path).unlink()
        assert LONG in text_of_bytes(served_documents.document_bytes(db, d.id))
    # Composition served on every party, the agent signing for the applicant: the item is done.
    notices.make_notices(db, case.id, "composition", NoticeInput(D(2026, 11, 4)), out_dir=tmp_path)
    for party in case.parties:
        notices.record_service(db, case.id, "composition", method="直接送达", served_on=D(2026, 11, 10),
                               served_by="赵静", party_id=party.id, today=TODAY)
    item = clocks.case_clock(db, case.id, TODAY).item("composition_notice_by")
    assert (item.due, item.state) == (D(2026, 11, 11), "done")


def test_todays_work_list_and_one_pdf(db, tmp_path):
    staff = seed_staff(db)
    # Accepted Fri 11-20: 送达申请书副本 and 组庭通知 both fall due Fri 11-27 (11-23 … 11-27), today.
    due_case = cases.create_case(db, case_input(
        received_date=D(2026, 11, 18), accepted_date=D(2026, 11, 20),
        arbitrators=(cases.ArbitratorInput(staff["李建国"], PanelRole.SOLE),)), today=TODAY)
    # Received Mon 11-23, not accepted: the decision is due Mon 11-30 (11-24 … 11-27, 11-30).
    waiting = cases.create_case(db, case_input(received_date=D(2026, 11, 23)), today=TODAY)
    listed = notices.due_notices(db, TODAY)
    assert [(d.case_id, d.kind, d.due, d.printable) for d in listed] == [
        (due_case.id, "respond", D(2026, 11, 27), True),
        (due_case.id, "composition", D(2026, 11, 27), True),
        (waiting.id, "accept", D(2026, 11, 30), False)]
    result = notices.print_due(db, TODAY, out_dir=tmp_path)
    # 应诉通知书 to the respondent; 组庭通知 to both parties; each with its receipt.
    assert len(result.documents) == 6
    text = text_of(Path(result.combined.path))
    assert text.count("应诉通知书") >= 2 and text.count("仲裁庭组成通知书") >= 3 and text.count("送达回证") == 3
    assert any("受理" in n and "未制作" in n for n in result.notes)
    # The respondent received the application copy (recorded by hand under its own name): the
    # next print leaves its 应诉通知书 out.
    respondent = next(p for p in due_case.parties if p.role.value == "respondent")
    clocks.record_service(db, due_case.id, respondent.id, "申请书副本", ServiceMethod.DIRECT, TODAY, today=TODAY)
    again = notices.print_due(db, TODAY, out_dir=tmp_path)
    assert not any("应诉通知书" in d.title for d in again.documents) and len(again.documents) == 4


class _Stop(Exception):
    """What the progress callback raises when the clerk has pressed 取消."""


def test_printing_the_notices_due_reports_each_notice_and_stops_without_a_trace(db, tmp_path):
    staff = seed_staff(db)
    for received in (D(2026, 11, 18), D(2026, 11, 19)):  # two cases, both due today
        cases.create_case(db, case_input(
            received_date=received, accepted_date=D(2026, 11, 20),
            arbitrators=(cases.ArbitratorInput(staff["李建国"], PanelRole.SOLE),)), today=TODAY)
    for name in ("all", "stopped"):
        (tmp_path / name).mkdir()
    steps: list[tuple[int, int]] = []
    notices.print_due(db, TODAY, out_dir=tmp_path / "all", progress=lambda d, t: steps.append((d, t)))
    # Four notices due: four gathered, then their letters rendered, then one last check.
    assert steps[0] == (0, 8) and steps[-1] == (8, 8)
    assert [d for d, _t in steps] == sorted(d for d, _t in steps) and len(steps) >= 9
    recorded = documents.list_documents(db)

    def stop_after(n: int):
        calls = []

        def progress(done: int, total: int) -> None:
            calls.append(done)
            if len(calls) > n:
                raise _Stop

        return progress

    for n in (1, 5, len(steps) - 1):  # while gathering, while rendering, at the very last step
        with pytest.raises(_Stop):
            notices.print_due(db, TODAY, out_dir=tmp_path / "stopped", force=True, progress=stop_after(n))
        assert documents.list_documents(db) == recorded  # nothing half-recorded
        assert not any((tmp_path / "stopped").iterdir())  # nothing half-written


def test_the_command_line_prints_records_and_lists(db, case, tmp_path, capsys):
    from tribunal.cli import main

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", db.url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = run("notices", "make", case.number, "respond", "--date", "2026-11-04", "--out", str(tmp_path))
    assert code == 0, err
    assert out.count("送达回证") == 2 and "合并文件" in out
    code, out, err = run("notices", "make", case.number, "reject", "--out", str(tmp_path))
    assert (code, out) == (1, "") and "须写明理由" in err
    code, out, err = run("service", "record", case.number, "应诉通知书", "--party", LONG, "--method", "留置送达",
                         "--date", "2026-11-05", "--by", "赵静", "--today", TODAY.isoformat())
    assert code == 1 and "见证人" in err
    code, out, err = run("service", "record", case.number, "应诉通知书", "--party", LONG, "--method", "留置送达",
                         "--witnesses", "社区工作人员刘某", "--date", "2026-11-05", "--by", "赵静",
                         "--today", TODAY.isoformat())
    assert code == 0, err
    code, out, err = run("service", "record", case.number, "appear", "--participant", "吴小二",
                         "--method", "直接送达", "--date", "2026-11-06", "--by", "赵静", "--today", TODAY.isoformat())
    assert code == 0, err
    code, out, err = run("service", "list", case.number, "--json")
    records = json.loads(out)
    assert [(r["party"], r["document"], r["method"], r["served_on"]) for r in records] == [
        (LONG, "应诉通知书", "留置送达", "2026-11-05")]
    assert "见证人：社区工作人员刘某" in records[0]["note"]
    defence = {it.party_id: it.due for it in clocks.case_clock(db, case.id, TODAY).items_of("defence_due")}
    assert defence[case.parties[1].id] == D(2026, 11, 19)
    code, out, err = run("notices", "due", "--today", TODAY.isoformat())
    assert code == 0, err


def test_notices_about_a_scheduled_hearing(demo_db, tmp_path):
    from tribunal.services import hearings

    hearing = next(h for h in hearings.list_hearings(demo_db) if h.status.value == "scheduled")
    detail = hearings.get_hearing(demo_db, hearing.id)
    participants.add_participant(demo_db, detail.case_id, "鉴定人", "欧阳明", today=TODAY)
    given = NoticeInput(TODAY, reasons="被申请人的代理人因病住院", new_time=None)
    appear = notices.make_notices(demo_db, detail.case_id, "appear", given, hearing_id=hearing.id, out_dir=tmp_path)
    letter = next(d for d in appear.documents if "欧阳明" in d.title and d.kind.value == "case_notice")
    text = text_of(letter.path)
    assert "鉴定人" in text and "鉴定意见书原件" in text and "按时出庭" in text
    postpone = notices.make_notices(demo_db, detail.case_id, "postpone", given, hearing_id=hearing.id,
                                    out_dir=tmp_path)
    text = text_of(postpone.documents[0].path)
    assert "因被申请人的代理人因病住院，本委决定延期开庭" in text and "另行书面通知" in text
    other_case = next(h for h in hearings.list_hearings(demo_db) if h.case_id != detail.case_id)
    with pytest.raises(ValidationError, match="不属于案件"):
        notices.make_notices(demo_db, detail.case_id, "appear", given, hearing_id=other_case.id, out_dir=tmp_path)


def test_a_numbering_pattern_per_kind(db, case, tmp_path):
    from tribunal.services import settings

    with pytest.raises(ValidationError, match="没有“nonsense”这种通知"):
        settings.set_value(db, "notices.number_patterns", "nonsense=x")
    with pytest.raises(ValidationError, match="通知种类=文号格式"):
        settings.set_value(db, "notices.number_patterns", "邵劳人仲受字")
    settings.set_value(db, "notices.number_patterns", "受理通知书=邵劳人仲受字〔{年}〕第{号}号；")
    accept = notices.make_notices(db, case.id, "accept", NoticeInput(D(2026, 11, 4)), out_dir=tmp_path)
    assert f"邵劳人仲受字〔{case.year}〕第{case.seq}号" in text_of(accept.documents[0].path)
    respond = notices.make_notices(db, case.id, "respond", NoticeInput(D(2026, 11, 4)), out_dir=tmp_path)
    assert case.number in text_of(respond.documents[0].path)  # no pattern for this kind: the case number


@pytest.mark.postgres
def test_notices_and_their_service_on_postgresql(pg_url, tmp_path):
    from sqlalchemy import create_engine, text

    from tests.conftest import set_up_test_server
    from tribunal.services.app import open_database, upgrade_database

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    upgrade_database(pg_url, dump_folder=tmp_path)  # a server's schema is made by `tribunal db upgrade`
    set_up_test_server(pg_url)
    db = open_database(pg_url, actor="测试书记员")
    try:
        made = cases.create_case(db, case_input(
            received_date=D(2026, 11, 2), accepted_date=D(2026, 11, 4),
            parties=(applicant(), respondent(LONG, address="邵阳市经开区宝庆大道99号"))), today=TODAY)
        notices.make_notices(db, made.id, "respond", NoticeInput(D(2026, 11, 4)), out_dir=tmp_path)
        respondent_id = next(p.id for p in made.parties if p.name == LONG)
        notices.record_service(db, made.id, "respond", method="直接送达", served_on=D(2026, 11, 5),
                               served_by="赵静", party_id=respondent_id, today=TODAY)
        item = clocks.case_clock(db, made.id, TODAY).items_of("defence_due")[0]
        assert item.due == D(2026, 11, 19)  # as counted in the module docstring
        served = [d for d in documents.list_documents(db, case_id=made.id) if LONG in d.title]
        for d in served:
            Path(d.path).unlink()
            assert LONG in text_of_bytes(served_documents.document_bytes(db, d.id))
    finally:
        db.dispose()
