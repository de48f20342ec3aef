"""Documents from the database: hearing packs, day packs, certificates, privacy, records, reprints."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from tribunal.db.engine import Database
from tribunal.db.models import (
    Case,
    Document,
    Enterprise,
    Hearing,
    Invitation,
    Observer,
    Party,
    PartyAgent,
    Room,
    Staff,
    TrainingAttendance,
    TrainingSession,
    TrainingSessionTopic,
    TrainingTopic,
)
from tribunal.domain.enums import DocumentKind, HearingStatus, InvitationStatus, PartyRole
from tribunal.errors import ConflictError, NotFound, ValidationError
from tribunal.services import documents, settings
from tribunal.services.app import open_database

OBSERVER_KINDS = {DocumentKind.ANNOUNCEMENT, DocumentKind.INVITATION, DocumentKind.OBSERVER_RULES,
                  DocumentKind.SIGN_IN, DocumentKind.HANDOUT, DocumentKind.CERTIFICATE}
SUMMARY = ("申请人{name}（公民身份号码430102199003070012，电话13807311234）于2026年3月4日在车间受伤，"
           "月工资12,345元。{employer}认为其违反操作规程。")


def _text(path: Path | bytes) -> str:
    data = path.read_bytes() if isinstance(path, Path) else path
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_file(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demonstration data (conftest's demo_template), with a summary full of personal data
    to remove."""
    path = tmp_path_factory.mktemp("demo-docs") / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    db = open_database(str(path), actor="测试")
    with db.session() as s:
        hearing = s.get(Hearing, 1)
        applicant = next(p for p in hearing.case.parties if p.role == PartyRole.APPLICANT)
        respondent = next(p for p in hearing.case.parties if p.role == PartyRole.RESPONDENT)
        applicant.phone = "13807311234"
        for agent in applicant.agents:
            agent.phone = "13907315678"
        hearing.case.summary = SUMMARY.format(name=applicant.name, employer=respondent.name)
    db.dispose()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    db = open_database(str(path), actor="测试书记员")
    yield db
    db.dispose()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _parties(db: Database, hearing_id: int) -> list[Party]:
    with db.session(write=False) as s:
        return list(s.get(Hearing, hearing_id).case.parties)


def _facts(db: Database, hearing_id: int = 1) -> tuple[str, dt.date]:
    """The case number and the day of a hearing (they follow the demo's "today")."""
    with db.session(write=False) as s:
        hearing = s.get(Hearing, hearing_id)
        return hearing.case.number, hearing.starts_at.date()


def _count_rows(db: Database) -> int:
    with db.session(write=False) as s:
        return s.scalar(select(func.count(Document.id)))


# ---------------------------------------------------------------- a hearing's pack


def test_pack_writes_every_document_in_print_order_and_records_it(demo: Database, out: Path) -> None:
    result = documents.make_pack(demo, 1, out_dir=out)
    kinds = [d.kind for d in result.documents]
    # The cover list first, then applicant (with an agent) and respondent: notice + proof of
    # service each, in that order.
    assert kinds[0] == DocumentKind.PACK_LIST
    kinds = kinds[1:]
    assert kinds[:6] == [DocumentKind.HEARING_NOTICE, DocumentKind.SERVICE_RECEIPT] * 3
    assert kinds[6] == DocumentKind.ANNOUNCEMENT
    assert kinds[7:16] == [DocumentKind.INVITATION] * 9  # ten invited, one declined
    assert kinds[16:] == [DocumentKind.OBSERVER_RULES, DocumentKind.SIGN_IN, DocumentKind.DAY_LIST,
                          DocumentKind.HANDOUT]
    cover = _text(Path(result.documents[0].path))
    # What the staff do with each document is on the cover, not on the documents.
    assert "请张贴于" in cover and "开庭结束后撤下" in cover and "内部工作用表" in cover
    number, day = _facts(demo)
    assert result.folder == out / f"{number}_{day.isoformat()}"
    assert result.combined is not None
    assert Path(result.combined.path) == result.folder / "全部文书.pdf"
    assert (result.added, result.updated, result.unchanged) == (22, 0, 0)
    assert _count_rows(demo) == 22
    for row in (*result.documents, result.combined):
        path = Path(row.path)
        assert path.is_file() and path.is_absolute()
        assert row.sha256 == _sha(path)
        assert row.generated_by == "测试书记员"
        assert row.case_number == number
    pages = sum(len(PdfReader(d.path).pages) for d in result.documents)
    assert len(PdfReader(result.combined.path).pages) == pages
    assert not list(result.folder.glob(".*.tmp"))  # no temporary files left behind
    # The demo plans the showcase's training session, so the pack has no "not recorded yet" note.
    assert not any("尚未登记培训场次" in n for n in result.notes)
    notice = _text(Path(result.documents[1].path))
    assert "开庭通知书" in notice and "邵阳经开区巡回仲裁庭" in notice and f"{day.month}月{day.day}日" in notice


def test_unchanged_reprint_gives_identical_files_and_no_new_rows(demo: Database, out: Path) -> None:
    first = documents.make_pack(demo, 1, out_dir=out)
    mtimes = {d.path: Path(d.path).stat().st_mtime_ns for d in first.documents}
    second = documents.make_pack(demo, 1, out_dir=out)
    assert (second.added, second.updated, second.unchanged) == (0, 0, 22)
    assert [d.sha256 for d in second.documents] == [d.sha256 for d in first.documents]
    assert [d.id for d in second.documents] == [d.id for d in first.documents]
    assert second.combined.sha256 == first.combined.sha256
    assert {d.path: Path(d.path).stat().st_mtime_ns for d in second.documents} == mtimes
    assert _count_rows(demo) == 22


def test_changed_data_updates_the_rows_it_affects(demo: Database, out: Path) -> None:
    first = {d.path: d for d in documents.make_pack(demo, 1, out_dir=out).documents}
    with demo.session() as s:
        room = s.get(Hearing, 1).room
        room.directions = "从园区北门进入，右转第二栋三楼"
    second = documents.make_pack(demo, 1, out_dir=out)
    # The directions are printed on the notices and the invitations only. The notices were
    # served on the parties (the demonstration records it): they stay exactly as served, and
    # the new ones go beside them; the invitations, never served, are replaced.
    changed = {d.kind for d in second.documents if d.path in first and d.sha256 != first[d.path].sha256}
    assert changed == {DocumentKind.INVITATION}
    new_notices = [d for d in second.documents if d.kind == DocumentKind.HEARING_NOTICE]
    assert len(new_notices) == 3 and all(Path(d.path).name.endswith("（第2版）.pdf") for d in new_notices)
    served = [d for d in first.values() if d.kind == DocumentKind.HEARING_NOTICE]
    assert all(_sha(Path(d.path)) == d.sha256 for d in served)
    assert second.added == 3 and second.updated == 9 + 1  # and the combined file
    assert "从园区北门进入" in _text(Path(new_notices[0].path))
    assert any("已送达当事人" in note for note in second.notes)
    # Printing again with the same data changes nothing, the second versions included.
    third = documents.make_pack(demo, 1, out_dir=out)
    assert (third.added, third.updated) == (0, 0)


def test_observer_documents_name_no_party_and_print_no_number(demo: Database, out: Path) -> None:
    result = documents.make_pack(demo, 1, out_dir=out)
    parties = _parties(demo, 1)
    applicant = next(p for p in parties if p.role == PartyRole.APPLICANT)
    respondent = next(p for p in parties if p.role == PartyRole.RESPONDENT)
    with demo.session(write=False) as s:
        observer_phones = [o.phone for o in s.scalars(select(Observer)) if o.phone]
    number, _day = _facts(demo)
    forbidden = [applicant.name, respondent.name, applicant.id_number, "430102199003070012", "13807311234",
                 "13907315678", respondent.credit_code, number, *observer_phones]
    observer_docs = [d for d in result.documents if d.kind in OBSERVER_KINDS]
    assert len(observer_docs) == 13
    for doc in observer_docs:
        text = _text(Path(doc.path))
        for value in forbidden:
            assert value and value not in text, (doc.title, value)
        if doc.kind != DocumentKind.OBSERVER_RULES:  # the rules name no case at all
            assert f"{applicant.name[0]}某与某纺织科技有限公司" in text, doc.title
    # The parties' own notices do name them.
    assert applicant.name in _text(Path(result.documents[1].path))


def _handout(result: documents.PackResult) -> str:
    return _text(Path(next(d.path for d in result.documents if d.kind == DocumentKind.HANDOUT)))


def test_handout_prints_the_reviewed_teaching_case_never_the_summary(demo: Database, out: Path) -> None:
    applicant = next(p for p in _parties(demo, 1) if p.role == PartyRole.APPLICANT)
    draft = documents.teaching_case(demo, 1)
    assert draft.reviewed and draft.public  # the demo's clerk reviewed it
    handout = _handout(documents.make_pack(demo, 1, out_dir=out))
    assert re.sub(r"\s+", "", draft.text) in handout and "申请劳动人事争议仲裁" in handout
    # The summary, full of personal and health details, never reaches the observers.
    for detail in (applicant.name, "受伤", "车间", "430102", "13807311234", "12,345", "违反操作规程"):
        assert detail not in handout, detail
    # Amounts no closer than 万元.
    assert re.search(r"约\d+万元", handout) and not re.search(r"约\d+\.\d万元|约[\d,]+元", handout)
    # Back to the generated text: printed all the same, and the clerk is told it is unreviewed.
    documents.reset_teaching_case(demo, 1)
    result = documents.make_pack(demo, 1, out_dir=out)
    assert any("尚未复核" in n for n in result.notes)
    assert "尚未复核" in _text(Path(result.documents[0].path))  # on the cover list too
    # The clerk's own words are printed once saved.
    own = "某劳动者在工地作业时受伤后，双方就待遇标准发生争议。\n本案的焦点在于停工留薪期的长短。"
    saved = documents.save_teaching_case(demo, 1, own)
    assert saved.reviewed and saved.reviewed_by == "测试书记员" and saved.warnings  # "受伤" is flagged
    handout = _handout(documents.make_pack(demo, 1, out_dir=out))
    assert "本案的焦点在于停工留薪期的长短" in handout
    # Names of the case are refused, and nothing changes.
    with pytest.raises(ValidationError, match=applicant.name):
        documents.save_teaching_case(demo, 1, f"{applicant.name}在工地作业。")
    with pytest.raises(ValidationError, match="请填写讲义中的案例文字"):
        documents.save_teaching_case(demo, 1, "  \n ")
    assert documents.teaching_case(demo, 1).text == saved.text


def test_handout_uses_the_recorded_training_session(demo: Database, out: Path) -> None:
    with demo.session() as s:
        topic = TrainingTopic(code="t-test", title="停工留薪期的工资怎么发", body="停工留薪期内，原工资福利待遇不变。",
                              legal_basis="《工伤保险条例》第三十三条")
        day = s.get(Hearing, 1).starts_at.date()
        session = TrainingSession(hearing_id=1, title="工伤待遇专题培训", speaker="王淑芬",
                                  starts_at=dt.datetime.combine(day, dt.time(11, 45)),
                                  ends_at=dt.datetime.combine(day, dt.time(12, 45)))
        session.topics.append(TrainingSessionTopic(topic=topic, position=0))
        s.add(session)
    result = documents.make_pack(demo, 1, out_dir=out)
    handout = _text(Path(next(d.path for d in result.documents if d.kind == DocumentKind.HANDOUT)))
    assert "工伤待遇专题培训" in handout
    assert "停工留薪期的工资怎么发" in handout and "《工伤保险条例》第三十三条" in handout
    assert not any("尚未登记培训场次" in n for n in result.notes)
    invitation = _text(Path(next(d.path for d in result.documents if d.kind == DocumentKind.INVITATION)))
    assert "11:45—12:45" in invitation and "主讲人：王淑芬" in invitation


# ---------------------------------------------------------------- closed hearings


def test_closed_hearing_pack_has_no_observer_documents(demo: Database, out: Path) -> None:
    result = documents.make_pack(demo, 4, out_dir=out)
    assert {d.kind for d in result.documents} == {DocumentKind.PACK_LIST, DocumentKind.HEARING_NOTICE,
                                                   DocumentKind.SERVICE_RECEIPT, DocumentKind.DAY_LIST}
    assert any("不公开审理，未制作开庭公告" in n for n in result.notes)
    notice = _text(Path(result.documents[1].path))
    assert "不公开开庭审理" in notice and "涉及个人隐私" in notice


@pytest.mark.parametrize("kind", sorted(OBSERVER_KINDS - {DocumentKind.CERTIFICATE}))
def test_closed_hearing_refuses_each_observer_document(demo: Database, kind: DocumentKind) -> None:
    with pytest.raises(ValidationError, match=r"^不公开审理的案件不制作旁听文书"):
        documents.preview(demo, 4, kind)


def test_closed_hearing_refuses_certificates_and_writes_nothing(demo: Database, out: Path) -> None:
    with pytest.raises(ValidationError, match=r"^不公开审理的案件不制作旁听文书"):
        documents.make_certificates(demo, 4, out_dir=out)
    assert list(out.iterdir()) == []
    assert _count_rows(demo) == 0


def test_cancelled_hearing_gets_no_pack(demo: Database, out: Path) -> None:
    with demo.session() as s:
        s.get(Hearing, 2).status = HearingStatus.CANCELLED
    with pytest.raises(ConflictError, match="已取消"):
        documents.make_pack(demo, 2, out_dir=out)
    assert list(out.iterdir()) == []


# ---------------------------------------------------------------- previews, day packs, certificates


def test_preview_renders_without_writing(demo: Database) -> None:
    parties = _parties(demo, 1)
    applicant = next(p for p in parties if p.role == PartyRole.APPLICANT)
    with demo.session(write=False) as s:
        agent = s.scalars(select(PartyAgent).where(PartyAgent.party_id == applicant.id)).one()
        agent_id, firm, name = agent.id, agent.organisation, agent.name
    r = documents.preview(demo, 1, DocumentKind.HEARING_NOTICE, party_id=applicant.id, agent_id=agent_id)
    assert r.kind == "hearing_notice" and r.pages >= 2
    assert f"{firm}律师{name}（申请人{applicant.name}的委托代理人）" in _text(r.data)
    with pytest.raises(NotFound, match="没有编号为 999999 的代理人"):
        documents.preview(demo, 1, DocumentKind.HEARING_NOTICE, party_id=applicant.id, agent_id=999999)
    with demo.session(write=False) as s:
        observer_id = s.scalar(select(Invitation.observer_id).where(Invitation.hearing_id == 1,
                                                                   Invitation.status == InvitationStatus.CONFIRMED))
    assert documents.preview(demo, 1, DocumentKind.INVITATION, observer_id=observer_id).pages == 4
    assert documents.preview(demo, 1, DocumentKind.SIGN_IN).kind == "sign_in"
    with pytest.raises(NotFound, match="没有编号为 999999 的当事人"):
        documents.preview(demo, 1, DocumentKind.HEARING_NOTICE, party_id=999999)
    with pytest.raises(NotFound, match="找不到编号为 99 的开庭"):
        documents.preview(demo, 99, DocumentKind.HEARING_NOTICE)
    assert _count_rows(demo) == 0


def test_day_pack_puts_the_day_list_first_and_each_hearing_in_its_folder(demo: Database, out: Path) -> None:
    with demo.session(write=False) as s:
        hearing = s.get(Hearing, 1)
        day, tribunal_id = hearing.starts_at.date(), hearing.tribunal_id
        same_day = s.scalar(select(func.count(Hearing.id)).where(
            Hearing.tribunal_id == tribunal_id, func.date(Hearing.starts_at) == day.isoformat()))
    result = documents.make_day_pack(demo, day, tribunal_id, out_dir=out)
    assert [d.kind for d in result.documents[:2]] == [DocumentKind.PACK_LIST, DocumentKind.DAY_LIST]
    assert result.documents[0].title == f"文书清单（邵阳经开区巡回仲裁庭，{day.isoformat()}）"
    number, _day = _facts(demo)
    assert result.documents[1].title == f"开庭排期表（邵阳经开区巡回仲裁庭，{day.isoformat()}）"
    assert Path(result.documents[1].path).parent == result.folder == out / f"{day.isoformat()}_邵阳经开区巡回仲裁庭"
    notice = Path(result.documents[2].path)
    assert notice.parent == result.folder / f"{number}_{day.isoformat()}"
    assert same_day == 1
    # The cover, the day list, the hearing's own pack less its cover and its copy of the day list.
    assert len(result.documents) == 2 + 19
    assert number in _text(Path(result.documents[0].path))
    day_list = _text(Path(result.documents[1].path))
    assert "共1场" in day_list and number in day_list


def test_empty_day_gives_an_empty_day_list_and_says_so(demo: Database, out: Path) -> None:
    result = documents.make_day_pack(demo, dt.date(2026, 12, 25), 1, out_dir=out)
    assert [d.kind for d in result.documents] == [DocumentKind.PACK_LIST, DocumentKind.DAY_LIST]
    assert any("没有排期的开庭" in n for n in result.notes)
    assert "当日没有排期的开庭" in _text(Path(result.documents[1].path))
    assert "没有排期的开庭" in _text(Path(result.documents[0].path))  # the cover's notes say it too
    with pytest.raises(NotFound, match="巡回仲裁庭"):
        documents.make_day_pack(demo, dt.date(2026, 12, 25), 99, out_dir=out)


def test_certificates_for_those_who_came(demo: Database, out: Path) -> None:
    with pytest.raises(ValidationError, match="还没有签到到场"):
        documents.make_certificates(demo, 1, out_dir=out)
    with demo.session() as s:
        invitations = s.scalars(select(Invitation).where(Invitation.hearing_id == 1).order_by(Invitation.id)).all()
        invitations[0].status = InvitationStatus.ATTENDED
        day = s.get(Hearing, 1).starts_at.date()
        invitations[1].checked_in_at = dt.datetime.combine(day, dt.time(9, 12))
        names = [invitations[0].observer.name, invitations[1].observer.name]
        session = TrainingSession(hearing_id=1, title="工伤待遇专题培训", speaker="王淑芬",
                                  starts_at=dt.datetime.combine(day, dt.time(11, 30)),
                                  ends_at=dt.datetime.combine(day, dt.time(12, 30)))
        session.attendance.append(TrainingAttendance(name="陈walk-in", enterprise_name="邵阳市某物业公司"))
        s.add(session)
    result = documents.make_certificates(demo, 1, out_dir=out)
    assert len(result.documents) == 3
    assert result.folder.name == "培训证明"
    texts = [_text(Path(d.path)) for d in result.documents]
    for name in names:
        assert any(f"{name}同志" in t for t in texts)
    assert any("陈walk-in同志" in t for t in texts)
    # The training's own hours (11:30 to 12:30), not the day's from the hearing's start.
    assert all("培训时长1小时" in t and "李某与某纺织科技有限公司工伤保险待遇争议" in t for t in texts)
    assert {d.observer_id is None for d in result.documents} == {False, True}
    numbers = [c.number for c in documents.list_certificates(demo, hearing_id=1)]
    assert numbers == [f"邵劳人仲培字〔{day.year}〕第{n}号" for n in (1, 2, 3)]
    assert all(any(number in t for t in texts) for number in numbers)


# ---------------------------------------------------------------- listing and reprinting


def test_list_filters_by_case_and_hearing(demo: Database, out: Path) -> None:
    documents.make_pack(demo, 1, out_dir=out)
    documents.make_pack(demo, 4, out_dir=out)
    assert len(documents.list_documents(demo)) == 22 + 9
    closed_number, _day = _facts(demo, 4)
    by_case = documents.list_documents(demo, case_number=closed_number)
    assert len(by_case) == 9 and {d.case_number for d in by_case} == {closed_number}
    assert len(documents.list_documents(demo, hearing_id=1)) == 22
    assert [d.kind for d in documents.list_documents(demo, hearing_id=1, kind=DocumentKind.PACK)] == [DocumentKind.PACK]
    assert all(d.file_exists for d in documents.list_documents(demo))
    with pytest.raises(NotFound, match="找不到案号"):
        documents.list_documents(demo, case_number="邵劳人仲案字〔2030〕第1号")


def test_reprint_one_document(demo: Database, out: Path) -> None:
    result = documents.make_pack(demo, 1, out_dir=out)
    notice = result.documents[1]
    assert not documents.reprint(demo, result.documents[0].id).changed  # the cover list too
    again = documents.reprint(demo, notice.id)
    assert not again.changed and again.document.sha256 == notice.sha256
    Path(notice.path).unlink()
    restored = documents.reprint(demo, notice.id)
    assert restored.changed and _sha(Path(notice.path)) == notice.sha256
    with demo.session() as s:
        clerk = s.get(Hearing, 1).clerk
        clerk.phone = "0739-5559999"
    changed = documents.reprint(demo, notice.id)
    # The notice was served: it stays as served, the new one is written beside it.
    assert changed.changed and changed.document.sha256 != notice.sha256
    assert changed.document.id != notice.id and changed.document.path.endswith("（第2版）.pdf")
    assert _sha(Path(notice.path)) == notice.sha256
    assert "0739-5559999" in _text(Path(changed.document.path))
    day_list = next(d for d in result.documents if d.kind == DocumentKind.DAY_LIST)
    assert not documents.reprint(demo, day_list.id).changed
    assert documents.reprint(demo, result.combined.id).changed  # the clerk's phone is in the pack too
    with pytest.raises(NotFound):
        documents.reprint(demo, 999999)


def test_reprint_refuses_observer_documents_of_a_hearing_no_longer_public(demo: Database, out: Path) -> None:
    result = documents.make_pack(demo, 1, out_dir=out)
    invitation = next(d for d in result.documents if d.kind == DocumentKind.INVITATION)
    before = _sha(Path(invitation.path))
    with demo.session() as s:
        s.get(Hearing, 1).public = False
    with pytest.raises(ConflictError, match="不公开审理"):
        documents.reprint(demo, invitation.id)
    assert _sha(Path(invitation.path)) == before


# ---------------------------------------------------------------- folders and settings


def test_default_folder_is_beside_the_database(demo: Database) -> None:
    result = documents.make_pack(demo, 4)
    assert result.folder.parent == demo.path.parent / "文书"
    settings.set_value(demo, "documents.folder", str(demo.path.parent / "elsewhere"))
    moved = documents.make_pack(demo, 4)
    assert moved.folder.parent == demo.path.parent / "elsewhere"


def test_missing_output_folder_is_refused_before_anything_is_made(demo: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="输出文件夹不存在"):
        documents.make_pack(demo, 1, out_dir=tmp_path / "nope")
    assert _count_rows(demo) == 0


def test_font_and_date_settings_reach_the_documents(demo: Database, out: Path) -> None:
    settings.set_value(demo, "documents.font_fangsong", "/no/such/simfang.ttf")
    settings.set_value(demo, "documents.date_style", "arabic")
    result = documents.make_pack(demo, 4, out_dir=out)
    assert any("未找到仿宋（正文）字体文件" in n for n in result.notes)
    with demo.session(write=False) as s:
        created = s.get(Hearing, 4).created_at.date()
    expected = f"{created.year}年{created.month}月{created.day}日"
    assert expected in _text(Path(result.documents[1].path))
    with pytest.raises(ValidationError, match="TrueType"):
        settings.set_value(demo, "documents.font_heiti", "C:/Windows/Fonts/simhei.otf")
    with pytest.raises(ValidationError, match="chinese"):
        settings.set_value(demo, "documents.date_style", "roman")


def test_host_at_the_respondent_is_flagged(demo: Database, out: Path) -> None:
    with demo.session() as s:
        hearing = s.get(Hearing, 1)
        respondent = next(p for p in hearing.case.parties if p.role == PartyRole.RESPONDENT)
        room = s.scalar(select(Room).where(Room.enterprise_id == respondent.enterprise_id))
        if room is None:
            room = Room(enterprise_id=respondent.enterprise_id, name="会议室")
            s.add(room)
            s.flush()
        hearing.host_enterprise_id, hearing.room_id = respondent.enterprise_id, room.id
    result = documents.make_pack(demo, 1, out_dir=out)
    assert any("开庭地点就在被申请人单位" in n for n in result.notes)


def test_staff_and_case_lookups_stay_consistent(demo: Database) -> None:
    """The fixture's hearing is the showcase: public, work injury, ten invitations, with a clerk."""
    with demo.session(write=False) as s:
        hearing = s.get(Hearing, 1)
        assert hearing.public and hearing.case.case_type.value == "work_injury"
        assert len(hearing.invitations) == 10
        assert s.get(Staff, hearing.clerk_id) is not None
        assert s.scalar(select(func.count(Case.id))) == 34


# ---------------------------------------------------------------- facts: numbers, hours, places, warnings


def _attend(db: Database, hearing_id: int, count: int) -> list[str]:
    """Mark the first ``count`` invitations of a hearing as attended; their observers' names."""
    with db.session() as s:
        invitations = s.scalars(select(Invitation).where(Invitation.hearing_id == hearing_id)
                                .order_by(Invitation.id)).all()[:count]
        for invitation in invitations:
            invitation.status = InvitationStatus.ATTENDED
        return [i.observer.name for i in invitations]


def test_certificate_numbers_are_taken_once_kept_and_never_reused(demo: Database, out: Path) -> None:
    names = _attend(demo, 1, 2)
    first = documents.make_certificates(demo, 1, out_dir=out)
    rows = documents.list_certificates(demo, hearing_id=1)
    year = rows[0].issued_on.year if rows else 0
    numbers = sorted(r.number for r in rows)
    assert len(numbers) == 2 and {r.name for r in rows} == set(names)
    # A reprint keeps every number and every byte.
    again = documents.make_certificates(demo, 1, out_dir=out)
    assert (again.added, again.updated) == (0, 0)
    assert sorted(r.number for r in documents.list_certificates(demo, hearing_id=1)) == numbers
    for row in first.documents:
        assert not documents.reprint(demo, row.id).changed
    # Withdrawn: voided, kept, and its number is never given again — a third attendee and the
    # withdrawn person coming back both get new numbers.
    voided = documents.void_certificate(demo, numbers[0], "签到记录有误")
    assert voided.voided and voided.void_reason == "签到记录有误"
    with pytest.raises(ConflictError, match="已于"):
        documents.void_certificate(demo, numbers[0], "再次作废")
    with pytest.raises(ValidationError, match="原因"):
        documents.void_certificate(demo, numbers[1], " ")
    with pytest.raises(NotFound):
        documents.void_certificate(demo, "邵劳人仲培字〔2026〕第999号", "没有")
    _attend(demo, 1, 3)
    third = documents.make_certificates(demo, 1, out_dir=out)
    rows = documents.list_certificates(demo, hearing_id=1)
    live = sorted(r.number for r in rows if not r.voided)
    assert len(rows) == 4 and numbers[0] not in live
    assert {int(re.search(r"第(\d+)号", n).group(1)) for n in live} == {2, 3, 4}  # gap-free, 1 never again
    assert all(f"〔{year}〕" in n for n in live)
    assert len(third.documents) == 3
    reprinted = next(d for d in first.documents if numbers[0] in d.path)
    with pytest.raises(ConflictError, match="已作废"):
        documents.reprint(demo, reprinted.id)
    # A new pattern starts its own series; the old numbers stay as they were.
    settings.set_value(demo, "certificate.number_pattern", "邵仲院培证〔{年}〕{号}号")
    with pytest.raises(ValidationError, match="各含一处"):
        settings.set_value(demo, "certificate.number_pattern", "邵仲院培证〔{年}〕")
    _attend(demo, 1, 4)
    documents.make_certificates(demo, 1, out_dir=out)
    newest = [r.number for r in documents.list_certificates(demo, hearing_id=1) if r.number.startswith("邵仲院")]
    assert newest == [f"邵仲院培证〔{year}〕1号"]


def test_certificate_without_a_recorded_training_certifies_the_hearing_only(demo: Database, out: Path) -> None:
    with demo.session() as s:
        for session in s.scalars(select(TrainingSession).where(TrainingSession.hearing_id == 1)):
            s.delete(session)
    _attend(demo, 1, 1)
    result = documents.make_certificates(demo, 1, out_dir=out)
    text = _text(Path(result.documents[0].path))
    assert "旁听了" in text and "培训时长" not in text and "培训内容" not in text
    assert any("尚未登记培训场次" in n for n in result.notes)


def test_certificate_lists_topics_by_their_formal_titles(demo: Database, out: Path) -> None:
    _attend(demo, 1, 1)
    with demo.session(write=False) as s:
        training = s.scalars(select(TrainingSession).where(TrainingSession.hearing_id == 1)).one()
        formal = [link.topic.formal_title for link in training.topics]
        catchy = [link.topic.title for link in training.topics]
        hours = (training.ends_at - training.starts_at).total_seconds() / 3600
    result = documents.make_certificates(demo, 1, out_dir=out)
    text = _text(Path(result.documents[0].path))
    assert formal and all(title and title in text for title in formal)
    assert not any(title in text for title in catchy)
    assert f"培训时长{hours:g}小时" in text  # the demo's training: 14:30 to 16:00


def test_closed_hearing_in_the_commissions_room_names_no_circuit_tribunal_and_gives_the_address(
        demo: Database, out: Path) -> None:
    with demo.session() as s:
        hearing = s.get(Hearing, 4)
        assert not hearing.public and hearing.room.enterprise_id is None
        hearing.room.address = "邵阳市大祥区宝庆大道1号仲裁院三楼"
        tribunal = hearing.tribunal.name
    result = documents.make_pack(demo, 4, out_dir=out)
    notice = _text(Path(result.documents[1].path))
    assert "不公开开庭审理" in notice and "邵阳市大祥区宝庆大道1号仲裁院三楼" in notice
    assert tribunal not in notice


def test_training_warnings_reach_the_clerk(demo: Database, out: Path) -> None:
    from tribunal.services import training

    with demo.session(write=False) as s:
        hearing = s.get(Hearing, 1)
        ends, arbitrator = hearing.ends_at, hearing.panel[0].staff.name
        session_id = s.scalars(select(TrainingSession.id).where(TrainingSession.hearing_id == 1)).one()
    detail = training.get_session(demo, session_id)
    assert detail.warnings == ()
    changed = training.update_session(demo, session_id, title=detail.title, speaker=arbitrator,
                                      starts_at=ends + dt.timedelta(minutes=10),
                                      ends_at=ends + dt.timedelta(minutes=70), venue=detail.venue,
                                      topic_ids=[t.id for t in detail.topics], hearing_id=1)
    assert len(changed.warnings) == 2
    assert "庭审计划结束后10分钟" in changed.warnings[0] and "至少间隔30分钟" in changed.warnings[0]
    assert arbitrator in changed.warnings[1] and "尚未结案" in changed.warnings[1]
    notes = documents.make_pack(demo, 1, out_dir=out).notes
    assert any("庭审计划结束后10分钟" in n for n in notes) and any(arbitrator in n for n in notes)
    settings.set_value(demo, "training.buffer_minutes", 5)
    assert len(training.get_session(demo, session_id).warnings) == 1


def test_agents_get_their_own_notice_at_their_own_address(demo: Database, out: Path) -> None:
    result = documents.make_pack(demo, 1, out_dir=out)
    with demo.session(write=False) as s:
        agent = s.scalars(select(PartyAgent).join(Party).where(Party.case_id == s.get(Hearing, 1).case_id)).one()
        firm, name, address, party = agent.organisation, agent.name, agent.address, agent.party
        agent_legal_aid = agent.legal_aid
        party_name, party_address = party.name, party.address
    files = [Path(d.path).name for d in result.documents]
    assert f"01_开庭通知书_{party_name}的委托代理人{name}.pdf" in files
    assert all(" " not in f for f in files)
    receipt = _text(next(Path(d.path) for d in result.documents
                         if d.kind == DocumentKind.SERVICE_RECEIPT and name in d.title))
    assert f"{firm}律师{name}（申请人{party_name}的委托代理人）" in receipt
    assert address in receipt and party_address not in receipt
    notice = _text(next(Path(d.path) for d in result.documents
                        if d.kind == DocumentKind.HEARING_NOTICE and name in d.title))
    # A legal-aid lawyer brings the legal-aid body's letter instead of the firm's.
    assert "律师执业证" in notice and "授权委托书" in notice
    assert ("法律援助机构出具的指派公函" in notice) == agent_legal_aid != ("律师事务所出具的所函" in notice)
    assert "本人身份证件" not in notice


def test_cover_list_counts_invitation_letters_whatever_the_invited_names(demo: Database, out: Path) -> None:
    """The cover list gathers a hearing's letters into one line; a first letter addressed to a
    company limited by shares (股份有限公司) once made it read a count out of the company name."""
    with demo.session(write=False) as s:
        counts = s.execute(
            select(Invitation.hearing_id, func.count())
            .join(Observer, Observer.id == Invitation.observer_id)
            .join(Enterprise, Enterprise.id == Observer.enterprise_id)
            .where(Enterprise.name.like("%股份%"))
            .group_by(Invitation.hearing_id)).all()
        hearing_id = next(h for h, _n in counts
                          if s.get(Hearing, h).status == HearingStatus.SCHEDULED and s.get(Hearing, h).public)
    result = documents.make_pack(demo, hearing_id, out_dir=out)
    cover = _text(Path(next(d.path for d in result.documents if Path(d.path).name.startswith("00_"))))
    letters = sum(1 for d in result.documents if d.kind == DocumentKind.INVITATION)
    assert letters >= 2 and f"旁听邀请函（{letters}份）" in cover
