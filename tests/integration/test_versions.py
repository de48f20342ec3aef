"""No lost updates: every edited record carries a version; a stale save is refused and says who changed what."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest
from sqlalchemy import select, update

from tests.conftest import TODAY
from tests.integration.helpers import applicant, case_input
from tribunal.db.models import Case
from tribunal.domain.enums import HearingStatus, ParticipantRole
from tribunal.errors import ConflictError, StaleEditError
from tribunal.services import cases, enterprises, hearings, observers, participants, training
from tribunal.services.app import open_database


def _as(url, actor):
    return open_database(url, actor=actor)


def test_two_saves_within_one_second_do_not_lose_the_first(db):
    """The lost update of second-resolution stamps: editor B loaded before A saved, saves after."""
    first = cases.create_case(db, case_input(), today=TODAY)
    other = _as(db.url, "王书记员")
    try:
        loaded_by_b = cases.get_case(other, first.id)
        a = cases.update_case(db, first.id, dataclasses.replace(first.to_input(), summary="甲的修改"),
                              expected_version=first.version, today=TODAY)
        assert a.version == first.version + 1
        with pytest.raises(StaleEditError) as err:
            cases.update_case(other, first.id, dataclasses.replace(loaded_by_b.to_input(), summary="乙的修改"),
                              expected_version=loaded_by_b.version, today=TODAY)
    finally:
        other.dispose()
    # Nothing of B's save was kept; the refusal names who saved and which fields.
    assert cases.get_case(db, first.id).summary == "甲的修改"
    exc = err.value
    assert (exc.entity, exc.entity_id, exc.expected_version, exc.current_version) == (
        "case", first.id, first.version, a.version)
    [(_when, who, what, fields)] = exc.changes
    assert who == "测试书记员" and "修改案件" in what and "summary" in fields
    assert "测试书记员" in exc.message and first.number in exc.message
    # Stamps are precise to the microsecond, so they differ within one second too.
    assert a.updated_at != first.updated_at


def test_an_editor_saving_again_does_not_conflict_with_itself(db):
    detail = cases.create_case(db, case_input(), today=TODAY)
    version = detail.version
    for n in range(5):  # an autosaved draft: each save passes the version the last one returned
        saved = cases.update_case(db, detail.id, dataclasses.replace(detail.to_input(), summary=f"草稿{n}"),
                                  expected_version=version, today=TODAY)
        assert saved.version == version + 1
        version = saved.version
    assert cases.get_case(db, detail.id).summary == "草稿4"


def test_a_change_of_parties_alone_moves_the_version(db):
    detail = cases.create_case(db, case_input(), today=TODAY)
    parties = (applicant("李四"), *detail.to_input().parties[1:])
    saved = cases.update_case(db, detail.id, dataclasses.replace(detail.to_input(), parties=parties),
                              expected_version=detail.version, today=TODAY)
    assert saved.version == detail.version + 1
    with pytest.raises(StaleEditError):
        cases.update_case(db, detail.id, detail.to_input(), expected_version=detail.version, today=TODAY)


def test_closing_a_case_after_it_was_edited_elsewhere_is_refused(db):
    detail = cases.create_case(db, case_input(accepted_date=dt.date(2026, 11, 2)), today=TODAY)
    cases.update_case(db, detail.id, dataclasses.replace(detail.to_input(), summary="改"),
                      expected_version=detail.version, today=TODAY)
    with pytest.raises(StaleEditError):
        cases.close_case(db, detail.id, cases.CaseOutcome.WITHDRAWN, TODAY, today=TODAY,
                         expected_version=detail.version)


def test_a_write_based_on_an_old_row_changes_nothing(db):
    """The version check in the UPDATE itself: the row moved on after this session read it."""
    detail = cases.create_case(db, case_input(), today=TODAY)
    with pytest.raises(ConflictError, match="刚刚被其他人修改"), db.session() as s:
        case = s.get(Case, detail.id)
        # Another writer's committed save, as SQLite serialises it: the row is now a version on.
        s.execute(update(Case).where(Case.id == detail.id).values(summary="先到", version=Case.version + 1)
                  .execution_options(synchronize_session=False))
        case.summary = "后到"
    assert cases.get_case(db, detail.id).summary == detail.summary


@pytest.mark.postgres
def test_two_workstations_on_a_server_cannot_overwrite_each_other(pg_url):
    from sqlalchemy import create_engine, text

    from tests.conftest import set_up_test_server
    from tribunal.services.app import upgrade_database

    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    upgrade_database(pg_url)
    set_up_test_server(pg_url)  # a new server database holds no commission yet
    a, b = open_database(pg_url, actor="甲"), open_database(pg_url, actor="乙")
    try:
        detail = cases.create_case(a, case_input(), today=TODAY)
        with pytest.raises(ConflictError, match="刚刚被其他人修改"), b.session() as s:
            case = s.get(Case, detail.id)  # B reads version 1 (PostgreSQL takes no lock to read)
            cases.update_case(a, detail.id, dataclasses.replace(detail.to_input(), summary="甲"),
                              expected_version=detail.version, today=TODAY)
            case.summary = "乙"  # B's UPDATE … WHERE version = 1 now matches no row
        assert cases.get_case(a, detail.id).summary == "甲"
    finally:
        a.dispose()
        b.dispose()


def test_threads_saving_the_same_case_lose_nothing(db_path):
    handle = open_database(str(db_path), actor="甲")
    detail = cases.create_case(handle, case_input(), today=TODAY)
    handle.dispose()
    outcomes: list[str] = []

    def editor(name: str) -> None:
        mine = open_database(str(db_path), actor=name)
        try:
            loaded = cases.get_case(mine, detail.id)
            cases.update_case(mine, detail.id, dataclasses.replace(loaded.to_input(), summary=name),
                              expected_version=loaded.version, today=TODAY)
            outcomes.append("saved:" + name)
        except ConflictError:
            outcomes.append("refused:" + name)
        finally:
            mine.dispose()

    threads = [threading.Thread(target=editor, args=(f"书记员{i}",)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = [o.split(":")[1] for o in outcomes if o.startswith("saved:")]
    check = open_database(str(db_path))
    try:
        final = cases.get_case(check, detail.id)
        # Every save that was accepted moved the version by one; the text is the last accepted one.
        assert final.version == detail.version + len(saved)
        assert final.summary in saved
        with check.session(write=False) as s:
            assert s.scalar(select(Case.version).where(Case.id == detail.id)) == final.version
    finally:
        check.dispose()


def test_every_edited_record_refuses_a_stale_save(demo_db):
    db = demo_db  # the demonstration register as of TODAY
    # Enterprise
    ent = enterprises.search_enterprises(db)[0]
    detail = enterprises.get_enterprise(db, ent.id, show_phones=True)
    data = enterprises.EnterpriseInput(name=detail.row.name, credit_code=detail.row.credit_code,
                                       zone_id=detail.row.zone_id, notes="第一次")
    saved = enterprises.update_enterprise(db, ent.id, data, expected_version=detail.row.version)
    assert saved.row.version == detail.row.version + 1
    with pytest.raises(StaleEditError, match="企业"):
        enterprises.update_enterprise(db, ent.id, dataclasses.replace(data, notes="第二次"),
                                      expected_version=detail.row.version)
    # Observer
    person = observers.search_observers(db)[0]
    saved_person = observers.update_observer(db, person.id, person.name, enterprise_id=person.enterprise_id,
                                             notes="甲", expected_version=person.version)
    with pytest.raises(StaleEditError, match="旁听人员"):
        observers.update_observer(db, person.id, person.name, enterprise_id=person.enterprise_id, notes="乙",
                                  expected_version=person.version)
    assert observers.update_observer(db, person.id, person.name, enterprise_id=person.enterprise_id,
                                     notes="丙", expected_version=saved_person.version).notes == "丙"
    # Participant (audited under its case)
    showcase = next(r for r in hearings.list_hearings(db) if r.public)
    [witness] = participants.list_participants(db, showcase.case_id)
    participants.update_participant(db, witness.id, ParticipantRole.WITNESS, witness.name, notes="甲",
                                    expected_version=witness.version, today=TODAY)
    with pytest.raises(StaleEditError) as err:
        participants.update_participant(db, witness.id, ParticipantRole.WITNESS, witness.name, notes="乙",
                                        expected_version=witness.version, today=TODAY)
    assert err.value.changes and err.value.changes[-1][1] == db.actor
    # Training topic and session
    topic = training.list_topics(db)[0]
    training.update_topic(db, topic.id, body="新的正文", expected_version=topic.version)
    with pytest.raises(StaleEditError, match="培训主题"):
        training.update_topic(db, topic.id, body="旧的正文", expected_version=topic.version)
    [session_row] = training.list_sessions(db, hearing_id=showcase.id)
    ts = training.get_session(db, session_row.id)
    kwargs = dict(title=ts.title, speaker=ts.speaker, starts_at=ts.starts_at, ends_at=ts.ends_at, venue=ts.venue,
                  topic_ids=[t.id for t in ts.topics][:2], hearing_id=ts.hearing_id)
    after = training.update_session(db, ts.id, **kwargs, expected_version=ts.version)
    assert after.version == ts.version + 1  # the topics alone changed, the version moved
    with pytest.raises(StaleEditError, match="培训"):
        training.update_session(db, ts.id, **kwargs, expected_version=ts.version)
    # Hearing
    h = hearings.get_hearing(db, showcase.id)
    moved = hearings.update_hearing(db, h.id, h.to_input(), today=TODAY, expected_version=h.version)
    assert moved.version == h.version + 1
    with pytest.raises(StaleEditError, match="开庭"):
        hearings.update_hearing(db, h.id, h.to_input(), today=TODAY, expected_version=h.version)


def test_a_stale_save_of_the_teaching_case_is_refused_and_changes_nothing(demo_db):
    from tribunal.services import documents

    showcase = next(r for r in hearings.list_hearings(demo_db) if r.public)
    loaded = documents.teaching_case(demo_db, showcase.id)
    other = open_database(str(demo_db.path), actor="王书记员")
    try:
        theirs = documents.save_teaching_case(other, showcase.id, "某公司拖欠某员工加班费的案例（王书记员复核）",
                                              expected_version=documents.teaching_case(other, showcase.id).version)
    finally:
        other.dispose()
    with pytest.raises(StaleEditError) as err:
        documents.save_teaching_case(demo_db, showcase.id, "本机书记员的文字", expected_version=loaded.version)
    with pytest.raises(StaleEditError):
        documents.reset_teaching_case(demo_db, showcase.id, expected_version=loaded.version)
    stored = documents.teaching_case(demo_db, showcase.id)
    assert (stored.text, stored.reviewed_by, stored.version) == (theirs.text, "王书记员", theirs.version)
    [(_when, who, _what, fields)] = err.value.changes
    assert who == "王书记员" and fields == ("text",)
    assert "培训讲义案例" in err.value.message and showcase.case_number in err.value.message
    # The same clerk saving again passes the version the last save returned: no self-conflict.
    mine = documents.save_teaching_case(demo_db, showcase.id, "本机书记员的文字", expected_version=stored.version)
    again = documents.save_teaching_case(demo_db, showcase.id, "本机书记员的第二稿", expected_version=mine.version)
    assert again.text == "本机书记员的第二稿"


def test_correcting_the_hearing_does_not_refuse_its_teaching_case(demo_db):
    from tribunal.services import documents

    showcase = next(r for r in hearings.list_hearings(demo_db) if r.public)
    loaded = documents.teaching_case(demo_db, showcase.id)
    h = hearings.get_hearing(demo_db, showcase.id)
    hearings.update_hearing(demo_db, h.id, h.to_input(), today=TODAY, expected_version=h.version)
    saved = documents.save_teaching_case(demo_db, showcase.id, "某公司未足额支付工资的案例",
                                         expected_version=loaded.version)
    assert saved.text == "某公司未足额支付工资的案例" and saved.version > loaded.version


def test_postponing_a_hearing_changed_elsewhere_is_refused_and_changes_nothing(demo_db):
    row = next(r for r in hearings.list_hearings(demo_db, TODAY) if r.status == HearingStatus.SCHEDULED)
    shown = hearings.get_hearing(demo_db, row.id)
    other = open_database(str(demo_db.path), actor="王书记员")
    try:
        theirs = hearings.get_hearing(other, row.id)
        later = theirs.ends_at - dt.timedelta(minutes=30)
        moved = hearings.update_hearing(other, row.id, dataclasses.replace(theirs.to_input(), ends_at=later),
                                        "测试", today=TODAY, expected_version=theirs.version)
    finally:
        other.dispose()
    count = len(hearings.list_hearings(demo_db, TODAY))
    with pytest.raises(StaleEditError) as err:
        hearings.postpone_hearing(demo_db, row.id, "被申请人申请延期", shown.starts_at + dt.timedelta(days=14),
                                  shown.ends_at + dt.timedelta(days=14), today=TODAY,
                                  expected_version=shown.version)
    now = hearings.get_hearing(demo_db, row.id)
    assert (now.status, now.version, now.ends_at) == (HearingStatus.SCHEDULED, moved.version, later)
    assert len(hearings.list_hearings(demo_db, TODAY)) == count  # no new hearing either
    assert err.value.changes[-1][1] == "王书记员" and any("ends_at" in f for f in err.value.changes[-1][3])
    # Shown the hearing as saved now, the clerk postpones it.
    new, _told = hearings.postpone_hearing(demo_db, row.id, "被申请人申请延期", expected_version=now.version,
                                           today=TODAY)
    assert new.status == HearingStatus.POSTPONED


def test_a_hearing_postponed_elsewhere_names_who_postponed_it(demo_db):
    row = next(r for r in hearings.list_hearings(demo_db, TODAY) if r.status == HearingStatus.SCHEDULED)
    shown = hearings.get_hearing(demo_db, row.id)
    other = open_database(str(demo_db.path), actor="王书记员")
    try:
        hearings.postpone_hearing(other, row.id, "仲裁员回避", today=TODAY, expected_version=shown.version)
    finally:
        other.dispose()
    with pytest.raises(StaleEditError) as err:
        hearings.postpone_hearing(demo_db, row.id, "被申请人申请延期", today=TODAY, expected_version=shown.version)
    assert err.value.changes[-1][1] == "王书记员"
    assert hearings.get_hearing(demo_db, row.id).status_reason == "仲裁员回避"


def test_a_stale_save_of_the_settings_page_is_refused_and_changes_nothing(demo_db):
    from tribunal.services import settings

    loaded = settings.get_all(demo_db)
    other = open_database(str(demo_db.path), actor="王书记员")
    try:
        settings.save_settings(other, {"commission.address": "邵阳市大祥区新址 1 号", "backup.keep": 20},
                               {"commission.address": loaded["commission.address"], "backup.keep": loaded["backup.keep"]})
    finally:
        other.dispose()
    mine = {"commission.address": "本机书记员填写的地址", "commission.name": "本机改的名称",
            "hearing.travel_minutes": 45}
    with pytest.raises(StaleEditError) as err:
        settings.save_settings(demo_db, mine, {key: loaded[key] for key in mine})
    after = settings.get_all(demo_db)
    assert after["commission.address"] == "邵阳市大祥区新址 1 号"  # theirs kept
    assert after["commission.name"] == loaded["commission.name"]  # nothing of this save stored
    assert after["hearing.travel_minutes"] == loaded["hearing.travel_minutes"]
    exc = err.value
    assert [c[3] for c in exc.changes] == [("commission.address",)]  # only the key both changed
    assert exc.changes[0][1] == "王书记员" and "仲裁机构地址" in exc.message and "王书记员" in exc.message
    assert exc.details[0][0][2] == "邵阳市大祥区新址 1 号"
    # A key the other clerk changed but this page did not touch does not refuse the save.
    saved, refused = settings.save_settings(demo_db, {"commission.name": "本机改的名称"},
                                            {"commission.name": loaded["commission.name"]})
    assert saved == {"commission.name": "本机改的名称"} and not refused
    assert settings.get_all(demo_db)["backup.keep"] == 20
    # Saving again from what this page now shows passes (no conflict with itself).
    settings.save_settings(demo_db, {"commission.name": "再改一次"}, {"commission.name": "本机改的名称"})
    assert settings.get(demo_db, "commission.name") == "再改一次"
