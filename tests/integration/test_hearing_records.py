"""Hearing records: the template from a real case, the journal, the database copy, corrections, the PDF."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input, lawyer, respondent, seed_staff
from tribunal.db.engine import Database
from tribunal.db.models import Hearing, HearingPanelMember, HearingRecordVersion
from tribunal.domain.enums import AgentKind, PanelRole
from tribunal.domain.hearing_record import STAGES, Correction, EvidenceItem
from tribunal.errors import DatabaseError, ValidationError
from tribunal.services import agents, cases, hearing_records, participants

LONG_RESPONDENT = "中国建筑第五工程局有限公司湖南分公司邵阳经济开发区标准厂房建设项目经理部"
UYGHUR = "阿卜杜热合曼·阿卜杜克热木"


def make_hearing(db: Database, *, respondent_name: str = "邵阳宝庆精密机械有限公司", claims: int = 2,
                 panel: int = 3) -> int:
    """A case with an agent on each side and a witness, heard by ``panel`` arbitrators with a clerk."""
    staff = seed_staff(db)
    claim_items = tuple(cases.ClaimInput(f"支付{2020 + i}年度拖欠的工资及加班费第{i + 1}项", 100_000 * (i + 1))
                        for i in range(claims))
    detail = cases.create_case(db, case_input(
        parties=(applicant(UYGHUR, agents=(lawyer("汪婷婷"),)),
                 respondent(respondent_name, legal_representative="周建国",
                            agents=(agents.AgentInput(AgentKind.EMPLOYEE, "刘芳"),))),
        claims=claim_items), today=TODAY)
    participants.add_participant(db, detail.id, "证人", "王五", today=TODAY)
    names = ["李建国", "王淑芬", "张卫东"][:panel]
    with db.session() as s:
        h = Hearing(case_id=detail.id, starts_at=dt.datetime(2026, 12, 10, 9, 30),
                    ends_at=dt.datetime(2026, 12, 10, 11, 30), clerk_id=staff["赵静"])
        for i, name in enumerate(names):
            role = (PanelRole.PRESIDING if i == 0 else PanelRole.MEMBER) if panel > 1 else PanelRole.SOLE
            h.panel.append(HearingPanelMember(staff_id=staff[name], role=role, position=i))
        s.add(h)
        s.flush()
        return h.id


def test_template_follows_the_procedure_and_names_everyone(db, tmp_path):
    hearing_id = make_hearing(db)
    opened = hearing_records.open_record(db, hearing_id, folder=tmp_path)
    content = opened.content
    assert opened.source == "template"
    assert [s.key for s in content.stages] == [k for k, _ in STAGES]
    attendance = content.text_of("attendance")
    for who in (UYGHUR, "邵阳宝庆精密机械有限公司", "汪婷婷", "刘芳", "王五", "赵静", "李建国（首席仲裁员）"):
        assert who in attendance
    assert "申请人阿卜杜热合曼·阿卜杜克热木的委托代理人" in attendance
    assert "法定代表人周建国" in attendance
    assert "书记员赵静担任记录" in content.text_of("opening")
    assert "回避" in content.text_of("opening")
    investigation = content.text_of("investigation")
    assert "1. 支付2020年度拖欠的工资及加班费第1项" in investigation
    assert "仲裁员王淑芬：" in investigation
    assert "调解" in content.text_of("mediation")
    labels = [sp.label for sp in opened.speakers]
    assert labels[:3] == ["仲", "仲裁员王淑芬", "仲裁员张卫东"]
    assert {"申", "被", "申代", "被代", "证人王五"} <= set(labels)
    assert "审" not in labels
    signers = {x.name: x.kind for x in content.signatories}
    assert signers == {UYGHUR: "party", "邵阳宝庆精密机械有限公司": "party", "汪婷婷": "agent", "刘芳": "agent",
                       "王五": "participant", "李建国": "arbitrator", "王淑芬": "arbitrator",
                       "张卫东": "arbitrator", "赵静": "clerk"}
    # A new record is in the journal at once, before anything reaches the database.
    assert opened.journal.latest() == content


def test_journal_newer_than_database_wins_and_sync_catches_up(db, tmp_path):
    hearing_id = make_hearing(db)
    opened = hearing_records.open_record(db, hearing_id, folder=tmp_path)
    first = opened.content.with_text("attendance", opened.content.text_of("attendance") + "\n申：没有异议。")
    assert hearing_records.sync(db, first).written
    later = first.entering("discipline", dt.datetime(2026, 12, 10, 9, 40))
    later = later.with_text("discipline", later.text_of("discipline") + "\n被：清楚。")
    opened.journal.append(later)  # typed, journaled, never synced (the server was unreachable)
    again = hearing_records.open_record(db, hearing_id, folder=tmp_path)
    assert again.source == "journal" and not again.synced
    assert again.content == later
    result = hearing_records.sync(db, again.content)
    assert result.written and result.version_kept == "stage"
    assert hearing_records.open_record(db, hearing_id, folder=tmp_path).source == "database"
    # An older revision never overwrites a newer one.
    assert not hearing_records.sync(db, first).written
    assert hearing_records.stored_record(db, hearing_id) == later


def test_versions_at_stage_changes_and_every_few_minutes_not_every_autosave(db, tmp_path):
    hearing_id = make_hearing(db)
    content = hearing_records.open_record(db, hearing_id, folder=tmp_path).content
    start = dt.datetime(2026, 12, 10, 9, 30)
    text = content.text_of("attendance")
    for second in range(0, 600, 5):  # ten minutes of autosaves every 5 s, one stage
        text += "字"
        content = content.with_text("attendance", text)
        hearing_records.sync(db, content, now=start + dt.timedelta(seconds=second))
    content = content.entering("discipline", start + dt.timedelta(minutes=10))
    hearing_records.sync(db, content, now=start + dt.timedelta(minutes=10))
    kept = hearing_records.versions(db, hearing_id)
    assert [v.reason for v in kept] == ["first", "periodic", "periodic", "periodic", "stage"]
    assert kept[-1].content == content


def test_unreachable_database_is_a_database_error_and_the_journal_still_opens(db, tmp_path):
    hearing_id = make_hearing(db)
    opened = hearing_records.open_record(db, hearing_id, folder=tmp_path)
    typed = opened.content.with_text("debate", "申：坚持仲裁请求。")
    opened.journal.append(typed)
    gone = Database("postgresql+psycopg://nobody@127.0.0.1:1/none")
    gone.display_name  # noqa: B018 - the journal key must not depend on reaching the server
    offline_journal = hearing_records.journal_for(gone, hearing_id, tmp_path)
    offline_journal.append(typed)
    with pytest.raises(DatabaseError):
        hearing_records.sync(gone, typed)
    reopened = hearing_records.open_record(gone, hearing_id, folder=tmp_path)
    assert reopened.source == "journal" and not reopened.synced and reopened.content == typed
    assert "无法连接数据库" in reopened.message
    gone.engine.dispose()


def test_a_torn_last_line_is_skipped(db, tmp_path):
    hearing_id = make_hearing(db)
    opened = hearing_records.open_record(db, hearing_id, folder=tmp_path)
    good = opened.content.with_text("final", "申：请求支持。")
    opened.journal.append(good)
    with open(opened.journal.path, "ab") as f:
        f.write(good.with_text("final", "申：请求支持全部").to_json().encode()[:50])
    assert opened.journal.latest() == good


def test_corrections_after_reading_are_kept_as_corrections(db, tmp_path):
    hearing_id = make_hearing(db)
    content = hearing_records.open_record(db, hearing_id, folder=tmp_path).content
    content = content.with_text("final", "申：请求支持全部仲裁请求。\n被：请求驳回。")
    content = content.with_evidence((EvidenceItem("申请人", "劳动合同", "证明劳动关系", "真实性无异议"),))
    read = content.marked_read(dt.datetime(2026, 12, 10, 11, 20))
    hearing_records.sync(db, read, reason="read")
    # Once read, the text is never silently overwritten: not in the domain, not in the database.
    with pytest.raises(ValidationError, match="补正"):
        read.with_text("final", "申：请求支持部分仲裁请求。")
    import dataclasses
    forged = dataclasses.replace(read, stages=tuple(dataclasses.replace(s, text="改写") if s.key == "final" else s
                                                    for s in read.stages), revision=read.revision + 5)
    with pytest.raises(ValidationError):
        hearing_records.sync(db, forged)
    with pytest.raises(ValidationError):
        read.with_evidence(())
    asked = read.with_correction(Correction("被申请人", "final", "应记为“请求驳回全部仲裁请求”"))
    asked = asked.with_correction(Correction(UYGHUR, "debate", "我说的是三个月工资"))
    decided = asked.deciding(0, "made").deciding(1, "refused", "与庭审录音不符")
    with pytest.raises(ValidationError, match="理由"):
        asked.deciding(1, "refused")
    with pytest.raises(ValidationError):
        decided.deciding(1, "made")
    result = hearing_records.sync(db, decided, reason="correction")
    assert result.version_kept == "correction"
    stored = hearing_records.stored_record(db, hearing_id)
    assert stored.text_of("final") == "申：请求支持全部仲裁请求。\n被：请求驳回。"
    assert [(c.requested_by, c.decision, c.reason) for c in stored.corrections] == [
        ("被申请人", "made", ""), (UYGHUR, "refused", "与庭审录音不符")]
    dropped = dataclasses.replace(decided, corrections=decided.corrections[:1], revision=decided.revision + 1)
    with pytest.raises(ValidationError, match="不能删除"):
        hearing_records.sync(db, dropped)
    with db.session(write=False) as s:
        reasons = s.scalars(select(HearingRecordVersion.reason)).all()
    assert "read" in reasons and "correction" in reasons


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_pdf_with_long_data_signs_every_page_and_the_end(db, tmp_path):
    hearing_id = make_hearing(db, respondent_name=LONG_RESPONDENT, claims=15)
    content = hearing_records.open_record(db, hearing_id, folder=tmp_path).content
    evidence = tuple(EvidenceItem("申请人" if i % 2 else "被申请人", f"证据{i}：2025年{i % 12 + 1}月工资条及银行流水",
                                  "证明用人单位未足额支付劳动报酬及加班费" * 2, "对真实性无异议，对证明目的有异议")
                     for i in range(1, 21))
    content = content.with_evidence(evidence).entering("investigation", dt.datetime(2026, 12, 10, 9, 50))
    content = content.marked_read(dt.datetime(2026, 12, 10, 11, 20))
    content = content.with_correction(Correction("申请人", "debate", "遗漏了加班时间"))
    content = content.deciding(0, "refused", "仲裁庭核对录音后认为记录无误")
    content = content.with_signatory("刘芳", "refused", "不同意笔录内容").with_signatory(UYGHUR, "read_aloud")
    out = hearing_records.export_pdf(db, content, tmp_path / "笔录.pdf")
    if os.environ.get("KEEP_PDF"):
        shutil.copy(out, os.environ["KEEP_PDF"])
    text = _pdf_text(out)
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for n, page in enumerate(pages, 1):
        assert f"第 {n} 页" in page and f"共 {len(pages)} 页" in page
        assert "本页签名" in page and "申请人：" in page
    assert "庭审笔录" in pages[0]
    assert LONG_RESPONDENT[:10] in text
    assert "以上笔录已阅，与陈述一致" in text
    assert "以上笔录已向我宣读，与陈述一致" in text
    assert "刘芳拒绝签名" in text
    assert "不予补正" in text and "仲裁庭核对录音后认为记录无误" in text
    assert "旁听" not in text.split("签名")[-1]
    assert "（09时50分）" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:])


@pytest.mark.postgres
def test_on_a_server_two_workstations_and_an_older_copy(pg_url, tmp_path):
    from sqlalchemy import create_engine, text

    from tests.conftest import set_up_test_server
    from tribunal.services.app import open_database, upgrade_database

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    upgrade_database(pg_url, dump_folder=tmp_path)
    set_up_test_server(pg_url)
    laptop, office = open_database(pg_url, actor="赵静"), open_database(pg_url, actor="李书记员")
    try:
        hearing_id = make_hearing(laptop, respondent_name=LONG_RESPONDENT, claims=15)
        content = hearing_records.open_record(laptop, hearing_id, folder=tmp_path / "laptop").content
        typed = content.with_text("final", "申：𬱖请求支持。").entering("final", dt.datetime(2026, 12, 10, 10, 50))
        assert hearing_records.sync(laptop, typed).written
        # The office PC has no journal: it opens the database's copy, and its stale copy changes nothing.
        seen = hearing_records.open_record(office, hearing_id, folder=tmp_path / "office")
        assert seen.source == "database" and seen.content == typed
        assert not hearing_records.sync(office, content).written
        assert hearing_records.stored_record(office, hearing_id).text_of("final") == "申：𬱖请求支持。"
    finally:
        laptop.dispose()
        office.dispose()


def test_a_copy_over_a_record_saved_elsewhere_is_refused_and_changes_nothing(db, tmp_path):
    from tribunal.errors import StaleEditError
    from tribunal.services.app import open_database

    hearing_id = make_hearing(db)
    mine = hearing_records.open_record(db, hearing_id, folder=tmp_path / "mine")
    first = hearing_records.sync(db, mine.content, expected_version=mine.version)
    # This window's own autosaves pass on the version each returned: they never refuse each other.
    content, version = mine.content, first.version
    for n in range(3):
        content = content.with_text("attendance", f"书记员：核对到庭人员 第{n}稿")
        result = hearing_records.sync(db, content, expected_version=version)
        assert result.written and result.version == version + 1
        version = result.version
    # Another workstation opens the database's copy and saves its own text.
    office = open_database(db.url, actor="王书记员")  # another workstation, same database
    try:
        theirs = hearing_records.open_record(office, hearing_id, folder=tmp_path / "office")
        typed = theirs.content.with_text("attendance", "书记员：王书记员核对的到庭情况")
        assert hearing_records.sync(office, typed, expected_version=theirs.version).written
    finally:
        office.dispose()
    # This window's next autosave (a higher revision) is refused, not written over theirs.
    later = content.with_text("attendance", "书记员：本机继续记录").with_text("attendance", "书记员：本机继续记录。")
    with pytest.raises(StaleEditError) as err:
        hearing_records.sync(db, later, expected_version=version)
    stored = hearing_records.stored_record(db, hearing_id)
    assert stored.text_of("attendance") == "书记员：王书记员核对的到庭情况"
    [(_when, who, _what, fields)] = err.value.changes
    assert who == "王书记员" and fields == (later.stage("attendance").title,)
    assert err.value.details[0][0][1:] == ("书记员：本机继续记录。", "书记员：王书记员核对的到庭情况")
    # Reloaded, the window continues from their copy.
    reloaded, current = hearing_records.open_stored(db, hearing_id)
    assert current == err.value.current_version and reloaded == stored
    assert hearing_records.sync(db, reloaded.with_text("final", "仲：闭庭。"), expected_version=current).written


def test_a_record_recovered_after_a_crash_is_checked_against_saves_made_meanwhile(db, tmp_path):
    from tribunal.errors import StaleEditError
    from tribunal.services.app import open_database

    hearing_id = make_hearing(db)
    mine = hearing_records.open_record(db, hearing_id, folder=tmp_path / "mine")
    first = hearing_records.sync(db, mine.content, expected_version=mine.version)
    mine.journal.base_version = first.version  # as the window does after each copy
    typed = mine.content.with_text("attendance", "书记员：本机记录，尚未复制到数据库")
    mine.journal.append(typed)  # journalled; then the program is killed before the next copy
    # Meanwhile another workstation saves its own text.
    office = open_database(db.url, actor="王书记员")
    try:
        theirs = hearing_records.open_record(office, hearing_id, folder=tmp_path / "office")
        assert hearing_records.sync(office, theirs.content.with_text("attendance", "书记员：王书记员的记录"),
                                    expected_version=theirs.version).written
    finally:
        office.dispose()
    # Reopened here: the journal's text, typed over the older copy, and the clerk is told.
    again = hearing_records.open_record(db, hearing_id, folder=tmp_path / "mine")
    assert again.source == "journal" and again.content == typed
    assert again.version == first.version and "另一台电脑" in again.message
    # Its first copy to the database is refused as stale: the clerk compares before anything is overwritten.
    with pytest.raises(StaleEditError):
        hearing_records.sync(db, again.content, expected_version=again.version)
    assert hearing_records.stored_record(db, hearing_id).text_of("attendance") == "书记员：王书记员的记录"


def test_a_journal_from_before_versions_were_recorded_still_opens(db, tmp_path):
    hearing_id = make_hearing(db)
    opened = hearing_records.open_record(db, hearing_id, folder=tmp_path)
    assert hearing_records.sync(db, opened.content, expected_version=opened.version).written
    typed = opened.content.with_text("attendance", "书记员：旧格式的备份")
    # An entry as written before the database version was kept beside the text.
    with opened.journal.path.open("a", encoding="utf-8") as fh:
        fh.write(typed.to_json() + "\n")
    again = hearing_records.open_record(db, hearing_id, folder=tmp_path)
    assert again.source == "journal" and again.content == typed and "另一台电脑" not in again.message
    assert hearing_records.sync(db, again.content, expected_version=again.version).written
