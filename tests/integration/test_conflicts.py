"""Every scheduling conflict rule, with both sides of each boundary, on a small exact data set."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import update

from tests.conftest import TODAY, copy_database
from tests.integration.helpers import (
    VALID_CODE,
    VALID_ID,
    applicant,
    case_input,
    lawyer,
    respondent,
    seed_staff,
)
from tribunal.db.engine import Database
from tribunal.db.models import (
    Case,
    Enterprise,
    Hearing,
    Invitation,
    Observer,
    Room,
    Staff,
)
from tribunal.domain.enums import (
    InvitationStatus,
    PanelRole,
    ServiceMethod,
    StaffRole,
)
from tribunal.domain.scheduling import HARD, INFO, WARNING, Finding, HearingConflict, HearingInput
from tribunal.services import cases, clocks, hearings, reference, settings
from tribunal.services.app import open_database

SOLE = PanelRole.SOLE


@dataclass
class World:
    """Two accepted cases, five arbitrators/clerks, three host enterprises and their rooms."""

    db: Database
    staff: dict[str, int]
    ent: dict[str, int]
    room: dict[str, int]
    case1: cases.CaseDetail
    case2: cases.CaseDetail

    def hearing(self, day: dt.date, start: str, end: str, room: str = "B1", *, case: int = 1,
                panel: tuple[tuple[str, PanelRole], ...] | None = None, clerk: str | None = None,
                **kw: object) -> HearingInput:
        """A proposal in the words of a test: day, "09:00", "11:00", room key, names."""
        detail = self.case1 if case == 1 else self.case2
        if panel is None:
            panel = (("李建国", SOLE),) if case == 1 else (("王淑芬", SOLE),)
        if clerk is None:
            clerk = "赵静" if case == 1 else "孙浩"
        return HearingInput(
            case_id=detail.id,
            starts_at=dt.datetime.combine(day, dt.time.fromisoformat(start)),
            ends_at=dt.datetime.combine(day, dt.time.fromisoformat(end)),
            room_id=self.room[room],
            panel=tuple((self.staff[n], r) for n, r in panel),
            clerk_id=self.staff[clerk] if clerk else None,
            **kw,  # type: ignore[arg-type]
        )

    def schedule(self, data: HearingInput, reason: str | None = None) -> hearings.HearingDetail:
        return hearings.schedule_hearing(self.db, data, reason, today=TODAY)

    def check(self, data: HearingInput, hearing_id: int | None = None,
              today: dt.date = TODAY) -> list[Finding]:
        return hearings.check_hearing(self.db, data, hearing_id=hearing_id, today=today)

    def invite(self, hearing_id: int, name: str, ent: str | None,
               status: InvitationStatus = InvitationStatus.INVITED) -> None:
        with self.db.session() as s:
            observer = Observer(name=name, enterprise_id=self.ent[ent] if ent else None, title="人事经理",
                                phone="13900001111")
            s.add(observer)
            s.flush()
            s.add(Invitation(hearing_id=hearing_id, observer_id=observer.id, status=status,
                             token=secrets.token_hex(8)))


def make_world(db: Database) -> World:
    staff = seed_staff(db)
    staff["孙浩"] = reference.add_staff(db, "孙浩", StaffRole.CLERK, phone="13700002222").id
    staff["陈玉梅"] = reference.add_staff(db, "陈玉梅", StaffRole.ARBITRATOR).id
    with db.session() as s:
        ents = {
            "A": Enterprise(name="邵阳宝庆精密机械有限公司", normalised_name="邵阳宝庆精密机械有限公司",
                            credit_code=VALID_CODE, address="邵阳市宝庆大道18号",
                            contact_name="刘晓燕", contact_title="人力资源部经理", contact_phone="13811112222"),
            "B": Enterprise(name="湖南湘中纺织科技有限公司", normalised_name="湖南湘中纺织科技有限公司",
                            address="邵阳市宝庆大道66号", contact_name="陈志刚", contact_title="人事主管",
                            contact_phone="13833334444"),
            "C": Enterprise(name="邵阳市资江食品有限公司", normalised_name="邵阳市资江食品有限公司",
                            address="邵阳市资江路9号", contact_name="王丽", contact_phone="13855556666"),
            "D": Enterprise(name="邵阳双清电子科技有限公司", normalised_name="邵阳双清电子科技有限公司",
                            address="邵阳市双清路120号"),
        }
        s.add_all(ents.values())
        s.flush()
        rooms = {
            "A1": Room(enterprise_id=ents["A"].id, name="会议室", capacity=30),
            "B1": Room(enterprise_id=ents["B"].id, name="小会议室", capacity=3),
            "B2": Room(enterprise_id=ents["B"].id, name="大会议室", capacity=30),
            "C1": Room(enterprise_id=ents["C"].id, name="职工之家", capacity=30),
            "R1": Room(enterprise_id=None, name="第一仲裁庭", capacity=40, address="仲裁院三楼"),
            "R2": Room(enterprise_id=None, name="第二仲裁庭", capacity=20, address="仲裁院三楼"),
        }
        s.add_all(rooms.values())
        s.flush()
        ent_ids = {k: e.id for k, e in ents.items()}
        room_ids = {k: r.id for k, r in rooms.items()}
    case1 = cases.create_case(db, case_input(
        accepted_date=dt.date(2026, 11, 3),
        parties=(applicant(id_number=VALID_ID, phone="138 0731 1234", agents=(lawyer("李律师", phone="13912345678"),)),
                 respondent(credit_code=VALID_CODE, enterprise_id=ent_ids["A"], phone="0739-5321234")),
        arbitrators=(cases.ArbitratorInput(staff["李建国"], SOLE),), clerk_id=staff["赵静"],
    ), today=TODAY)
    case2 = cases.create_case(db, case_input(
        accepted_date=dt.date(2026, 11, 3),
        # No tribunal registered on this one, so any panel may sit without a warning.
        parties=(applicant("王五"), respondent("邵阳市雪峰物流有限公司")), clerk_id=staff["孙浩"],
    ), today=TODAY)
    return World(db, staff, ent_ids, room_ids, case1, case2)


# The world is built once per run (scheduling_world_file in conftest.py); ``w`` gives each
# test that writes a private copy.


@pytest.fixture(scope="module")
def ro(scheduling_world_file: tuple[Path, World], tmp_path_factory: pytest.TempPathFactory
       ) -> Iterator[World]:
    """One copy of the world shared by this module's tests that only check and never write."""
    path, proto = scheduling_world_file
    db = open_database(str(copy_database(path, tmp_path_factory.mktemp("ro"), "world.sqlite3")),
                       actor="测试书记员")
    yield replace(proto, db=db)
    db.dispose()


def keys(findings: list[Finding], severity: str | None = None) -> set[str]:
    return {f.rule_key for f in findings if severity is None or f.severity == severity}


def only(findings: list[Finding], key: str) -> Finding:
    matching = [f for f in findings if f.rule_key == key]
    assert len(matching) == 1, findings
    return matching[0]


WED = dt.date(2026, 12, 9)
SAT = dt.date(2026, 12, 12)
MON = dt.date(2026, 12, 14)


# ---------------------------------------------------------------- a clean proposal


def test_a_clean_proposal_has_only_the_notes_about_service(ro):
    findings = ro.check(ro.hearing(WED, "09:00", "11:00"))
    assert keys(findings, HARD) == set() and keys(findings, WARNING) == set()
    assert [f.message for f in findings] == ["尚未向申请人张三送达开庭通知",
                                             "尚未向被申请人邵阳宝庆精密机械有限公司送达开庭通知",
                                             "尚未登记被申请人邵阳宝庆精密机械有限公司收到申请书副本的日期，无法核对其答辩期"]
    assert {f.severity for f in findings} == {INFO}
    # Served on Tue 12-01, five full working days (12-02, 03, 04, 07, 08) lie before Wed 12-09.
    assert findings[0].fix == "最迟于 2026-12-01 送达"


# ---------------------------------------------------------------- times


@pytest.mark.parametrize(("start", "end", "bad"), [
    ("07:00", "09:00", None),
    ("06:59", "09:00", "input.starts_at"),
    ("19:00", "21:00", None),
    ("19:00", "21:01", "input.ends_at"),
    ("10:00", "10:00", "input.ends_at"),
    ("10:00", "09:59", "input.ends_at"),
])
def test_time_window_boundaries(ro, start, end, bad):
    findings = ro.check(ro.hearing(WED, start, end))
    assert keys(findings, HARD) == ({bad} if bad else set())


def test_a_hearing_must_end_on_its_day(ro):
    data = replace(ro.hearing(WED, "20:00", "21:00"), ends_at=dt.datetime(2026, 12, 10, 8, 0))
    assert only(ro.check(data), "input.ends_at").message == "开庭应在同一天内开始和结束"


def test_a_past_day_is_a_warning(ro):
    assert "time.past" not in keys(ro.check(ro.hearing(WED, "09:00", "10:00"), today=WED))
    finding = only(ro.check(ro.hearing(WED, "09:00", "10:00"), today=WED + dt.timedelta(days=1)), "time.past")
    assert finding.severity == WARNING


# ---------------------------------------------------------------- people booked twice


def test_a_booking_stored_across_midnight_still_holds_its_arbitrator_and_room(w):
    """The program never saves a hearing that runs past midnight (test_a_hearing_must_end_on_its_day),
    but the database may hold one written by another program or edited by hand: the check reads
    the day before as well, so such a hearing still occupies its people and its room the next morning.
    """
    tuesday = WED - dt.timedelta(days=1)
    other = w.schedule(w.hearing(tuesday, "19:00", "21:00", "B2", case=2, panel=(("李建国", SOLE),)))
    with w.db.session() as s:
        s.execute(update(Hearing).where(Hearing.id == other.id)
                  .values(ends_at=dt.datetime.combine(WED, dt.time(9, 30))))
    findings = w.check(w.hearing(WED, "08:30", "10:00", "B2"))
    clash = only(findings, "staff.double_booked")
    assert clash.severity == HARD and "仲裁员李建国在 2026-12-08 19:00–09:30" in clash.message
    assert only(findings, "room.double_booked").severity == HARD
    # Once it has ended, the morning is free again.
    assert not {"staff.double_booked", "room.double_booked"} & keys(w.check(w.hearing(WED, "09:30", "11:00", "B2")))


def test_arbitrator_booked_twice_names_the_clash_and_touching_is_fine(w):
    w.schedule(w.hearing(WED, "09:30", "11:30", "B1", case=2, panel=(("李建国", SOLE),)))
    clash = only(w.check(w.hearing(WED, "11:29", "12:30", "B2")), "staff.double_booked")
    assert clash.severity == HARD
    assert clash.message == (f"仲裁员李建国在 2026-12-09 09:30–11:30 已安排 {w.case2.number} 的开庭"
                             "（湖南湘中纺织科技有限公司 小会议室）")
    assert clash.fix == "改到 11:30 之后，或换一名仲裁员"
    # Ending exactly when the other starts, or starting when it ends, is no overlap.
    assert "staff.double_booked" not in keys(w.check(w.hearing(WED, "11:30", "12:30", "B2")))
    assert "staff.double_booked" not in keys(w.check(w.hearing(WED, "08:00", "09:30", "B2")))
    assert "staff.double_booked" in keys(w.check(w.hearing(WED, "08:00", "09:31", "B2")))


def test_clerk_booked_twice(w):
    w.schedule(w.hearing(WED, "09:00", "11:00", "B1", case=2, clerk="赵静"))
    clash = only(w.check(w.hearing(WED, "10:00", "12:00", "B2")), "staff.double_booked")
    assert clash.message.startswith("书记员赵静在 2026-12-09 09:00–11:00")
    assert clash.fix == "改到 11:00 之后，或换一名书记员"


def test_cancelled_postponed_and_the_edited_hearing_do_not_clash(w):
    other = w.schedule(w.hearing(WED, "09:00", "11:00", "B1", case=2, panel=(("李建国", SOLE),)))
    data = w.hearing(WED, "10:00", "12:00", "B1")
    assert "staff.double_booked" in keys(w.check(data))
    # The other hearing checked against itself: no clash.
    assert "staff.double_booked" not in keys(w.check(w.hearing(WED, "09:00", "11:00", "B1", case=2,
                                                                panel=(("李建国", SOLE),)), other.id))
    hearings.postpone_hearing(w.db, other.id, "当事人申请延期", today=TODAY)
    assert keys(w.check(data), HARD) == set()
    third = w.schedule(w.hearing(WED, "09:00", "11:00", "B1", case=2, panel=(("李建国", SOLE),)))
    assert "room.double_booked" in keys(w.check(data))
    hearings.cancel_hearing(w.db, third.id, "申请人撤回申请")
    assert keys(w.check(data), HARD) == set()


def test_a_held_hearing_still_occupies_its_time(w):
    other = w.schedule(w.hearing(WED, "09:00", "11:00", "B1", case=2, panel=(("李建国", SOLE),)))
    hearings.mark_held(w.db, other.id, today=WED)
    assert "staff.double_booked" in keys(w.check(w.hearing(WED, "10:00", "12:00", "B2")))


# ---------------------------------------------------------------- travel between venues


def test_travel_time_boundary_between_two_venues(w):
    w.schedule(w.hearing(WED, "09:00", "11:00", "B1", case=2, panel=(("李建国", SOLE),)))
    # Exactly the 60 minutes needed: fine. One minute less: a hard conflict.
    assert "staff.travel" not in keys(w.check(w.hearing(WED, "12:00", "13:00", "C1")))
    clash = only(w.check(w.hearing(WED, "11:59", "13:00", "C1")), "staff.travel")
    assert clash.severity == HARD
    assert clash.message == (f"仲裁员李建国当天 09:00–11:00 在 湖南湘中纺织科技有限公司 小会议室 开庭"
                             f"（{w.case2.number}），与本场相隔 59 分钟，不足路途所需的 60 分钟")
    assert clash.fix == "把本场改到 12:00 或之后开始，或换一名仲裁员"
    # Before the other hearing: must end an hour before it starts.
    assert "staff.travel" not in keys(w.check(w.hearing(WED, "07:00", "08:00", "C1")))
    before = only(w.check(w.hearing(WED, "07:00", "08:01", "C1")), "staff.travel")
    assert before.fix == "本场在 08:00 或之前结束，或换一名仲裁员"


def test_no_travel_needed_at_the_same_venue_or_on_another_day(w):
    w.schedule(w.hearing(WED, "09:00", "11:00", "B1", case=2, panel=(("李建国", SOLE),)))
    # Another room of the same enterprise is the same place.
    assert keys(w.check(w.hearing(WED, "11:00", "12:00", "B2")), HARD) == set()
    assert "staff.travel" not in keys(w.check(w.hearing(WED + dt.timedelta(days=1), "07:30", "08:00", "C1")))


def test_commission_rooms_are_one_venue(w):
    w.schedule(w.hearing(WED, "09:00", "11:00", "R1", case=2, panel=(("李建国", SOLE),)))
    assert "staff.travel" not in keys(w.check(w.hearing(WED, "11:00", "12:00", "R2")))
    assert "staff.travel" in keys(w.check(w.hearing(WED, "11:00", "12:00", "C1")))


def test_travel_minutes_come_from_the_settings(w):
    w.schedule(w.hearing(WED, "09:00", "11:00", "B1", case=2, panel=(("李建国", SOLE),)))
    settings.set_value(w.db, "hearing.travel_minutes", 30)
    assert "staff.travel" not in keys(w.check(w.hearing(WED, "11:30", "12:30", "C1")))
    assert "staff.travel" in keys(w.check(w.hearing(WED, "11:29", "12:30", "C1")))
    settings.set_value(w.db, "hearing.travel_minutes", 0)
    assert "staff.travel" not in keys(w.check(w.hearing(WED, "11:00", "12:30", "C1")))


# ---------------------------------------------------------------- rooms


def test_room_booked_twice(w):
    w.schedule(w.hearing(WED, "09:00", "11:00", "B2", case=2))
    clash = only(w.check(w.hearing(WED, "10:59", "12:00", "B2")), "room.double_booked")
    assert clash.message == f"湖南湘中纺织科技有限公司 大会议室 在 2026-12-09 09:00–11:00 已安排 {w.case2.number} 的开庭"
    assert clash.fix == "换一个会议室，或改到 11:00 之后"
    assert "room.double_booked" not in keys(w.check(w.hearing(WED, "11:00", "12:00", "B2")))
    assert "room.double_booked" not in keys(w.check(w.hearing(WED, "10:00", "12:00", "B1")))


def test_observers_up_to_the_capacity(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B1"))
    for name in ("甲", "乙", "丙"):
        w.invite(h.id, f"观察员{name}", "D")
    w.invite(h.id, "谢绝者", "D", InvitationStatus.DECLINED)
    data = h.to_input()
    assert "room.capacity" not in keys(w.check(data, h.id))
    w.invite(h.id, "观察员丁", "D", InvitationStatus.CONFIRMED)
    clash = only(w.check(data, h.id), "room.capacity")
    assert clash.message == "已邀请旁听 4 人，超过 湖南湘中纺织科技有限公司 小会议室 的容量 3 人"
    assert clash.fix == "换一个更大的会议室，或减少 1 名旁听人员"
    assert "room.capacity" not in keys(w.check(replace(data, room_id=w.room["B2"]), h.id))


def test_missing_or_inactive_room_and_wrong_host(w):
    assert "room.missing" in keys(w.check(replace(w.hearing(WED, "09:00", "10:00"), room_id=None)))
    assert "room.missing" in keys(w.check(replace(w.hearing(WED, "09:00", "10:00"), room_id=99999)))
    mismatch = replace(w.hearing(WED, "09:00", "10:00", "B1"), host_enterprise_id=w.ent["C"])
    assert "room.host_mismatch" in keys(w.check(mismatch))
    assert "room.host_mismatch" not in keys(w.check(replace(mismatch, host_enterprise_id=w.ent["B"])))
    with w.db.session() as s:
        s.execute(update(Room).where(Room.id == w.room["B1"]).values(active=False))
    assert "room.inactive" in keys(w.check(w.hearing(WED, "09:00", "10:00", "B1")))


# ---------------------------------------------------------------- parties, hosts and observers


def test_host_enterprise_that_is_a_party(ro):
    clash = only(ro.check(ro.hearing(WED, "09:00", "10:00", "A1")), "host.is_party")
    assert clash.severity == HARD
    assert clash.message == "东道企业 邵阳宝庆精密机械有限公司 是本案被申请人，不宜在该企业开庭"
    assert "host.is_party" not in keys(ro.check(ro.hearing(WED, "09:00", "10:00", "C1")))


@pytest.mark.parametrize("party", [
    respondent(credit_code=VALID_CODE),  # matched by credit code
    respondent("邵阳 宝庆精密机械有限公司"),  # matched by the name, spaces aside
])
def test_host_is_matched_without_the_enterprise_link(w, party):
    detail = cases.update_case(w.db, w.case2.id, replace(w.case2.to_input(), parties=(applicant("王五"), party)),
                               today=TODAY)
    data = w.hearing(WED, "09:00", "10:00", "A1", case=2)
    assert detail.parties[1].enterprise_id is None
    assert "host.is_party" in keys(w.check(data))


def test_collective_dispute_may_sit_at_the_employer_with_a_reason(w):
    with w.db.session() as s:
        s.execute(update(Case).where(Case.id == w.case1.id).values(collective=True, worker_count=12))
    finding = only(w.check(w.hearing(WED, "09:00", "10:00", "A1")), "host.is_party")
    assert finding.severity == WARNING
    assert "集体争议" in finding.message and finding.legal_basis


def test_observer_from_a_party_may_not_observe(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    w.invite(h.id, "刘晓燕", "A", InvitationStatus.DECLINED)
    assert "observer.is_party" not in keys(w.check(h.to_input(), h.id))
    w.invite(h.id, "孙立新", "A")
    clash = only(w.check(h.to_input(), h.id), "observer.is_party")
    assert clash.severity == HARD
    assert clash.message == "旁听人员孙立新（邵阳宝庆精密机械有限公司）所在单位是本案被申请人，与本案有利害关系，不得旁听"
    assert clash.fix == "取消对孙立新的旁听邀请"


def test_closed_hearing_admits_no_observers(w):
    h = w.schedule(w.hearing(WED, "09:00", "11:00", "B2"))
    closed = replace(h.to_input(), public=False, closed_reason="privacy")
    assert "observer.closed_hearing" not in keys(w.check(closed, h.id))
    w.invite(h.id, "观察员", "D", InvitationStatus.DECLINED)
    assert "observer.closed_hearing" not in keys(w.check(closed, h.id))
    w.invite(h.id, "观察员乙", "D")
    clash = only(w.check(closed, h.id), "observer.closed_hearing")
    assert clash.message == "本场不公开审理，但已邀请 1 名旁听人员"
    assert clash.legal_basis == "《劳动争议调解仲裁法》第二十六条"
    assert "observer.closed_hearing" not in keys(w.check(h.to_input(), h.id))


@pytest.mark.parametrize(("reason", "ok"), [
    ("privacy", True), ("涉及商业秘密", True), ("当事人协议不公开进行", True),
    ("涉及个人隐私，申请人要求不公开", True), ("", False), ("领导要求", False), (None, False),
])
def test_closed_hearing_needs_a_lawful_reason(ro, reason, ok):
    data = ro.hearing(WED, "09:00", "10:00", public=False, closed_reason=reason)
    assert ("input.closed_reason" in keys(ro.check(data))) is not ok


# ---------------------------------------------------------------- the tribunal


@pytest.mark.parametrize(("panel", "problem"), [
    ((("李建国", SOLE),), None),
    ((("李建国", PanelRole.PRESIDING), ("王淑芬", PanelRole.MEMBER), ("张卫东", PanelRole.MEMBER)), None),
    ((("李建国", PanelRole.PRESIDING), ("王淑芬", PanelRole.MEMBER)), "panel.composition"),
    ((("李建国", SOLE), ("王淑芬", SOLE)), "panel.composition"),
    ((("李建国", PanelRole.PRESIDING), ("李建国", PanelRole.MEMBER), ("张卫东", PanelRole.MEMBER)),
     "panel.composition"),
    ((), "panel.missing"),
])
def test_panel_composition(ro, panel, problem):
    findings = ro.check(ro.hearing(WED, "09:00", "10:00", panel=panel))
    hard = keys(findings, HARD)
    assert hard == ({problem} if problem else set())


def test_panel_differing_from_the_case_is_a_warning(ro):
    three = (("李建国", PanelRole.PRESIDING), ("王淑芬", PanelRole.MEMBER), ("张卫东", PanelRole.MEMBER))
    finding = only(ro.check(ro.hearing(WED, "09:00", "10:00", panel=three)), "panel.differs_from_case")
    assert finding.severity == WARNING


def test_clerk_on_the_panel_and_missing_clerk(ro):
    data = ro.hearing(WED, "09:00", "10:00")
    on_panel = replace(data, clerk_id=ro.staff["李建国"])
    assert only(ro.check(on_panel), "panel.clerk_on_panel").severity == HARD
    no_clerk = replace(data, clerk_id=None)
    assert only(ro.check(no_clerk), "panel.no_clerk").message == "尚未指定书记员"
    clerk_as_arbitrator = ro.hearing(WED, "09:00", "10:00", panel=(("赵静", SOLE),), clerk="孙浩")
    assert "panel.not_arbitrator" in keys(ro.check(clerk_as_arbitrator))


def test_inactive_staff_cannot_be_booked(w):
    data = w.hearing(WED, "09:00", "10:00")
    assert "staff.inactive" not in keys(w.check(data))
    with w.db.session() as s:
        s.execute(update(Staff).where(Staff.id.in_([w.staff["李建国"], w.staff["赵静"]])).values(active=False))
    messages = {f.message for f in w.check(data) if f.rule_key == "staff.inactive"}
    assert messages == {"仲裁员李建国已停用", "书记员赵静已停用"}


# ---------------------------------------------------------------- case state


def test_case_must_be_accepted_and_open(w):
    unaccepted = cases.create_case(w.db, case_input(), today=TODAY)
    data = replace(w.hearing(WED, "09:00", "10:00"), case_id=unaccepted.id)
    assert "case.not_accepted" in keys(w.check(data))
    assert "case.missing" in keys(w.check(replace(data, case_id=987654)))
    before = w.hearing(dt.date(2026, 11, 2), "09:00", "10:00")
    assert "case.before_acceptance" in keys(w.check(before, today=dt.date(2026, 11, 1)))
    cases.close_case(w.db, w.case1.id, cases.CaseOutcome.WITHDRAWN, TODAY, today=TODAY)
    assert only(w.check(w.hearing(WED, "09:00", "10:00")), "case.closed").severity == HARD


# ---------------------------------------------------------------- service of the hearing notice


def _served(w: World, hearing_id: int, when: dt.date, method: ServiceMethod = ServiceMethod.DIRECT,
            confirmed: bool | None = None) -> None:
    for party in w.case1.parties:
        hearings.add_service_record(w.db, hearing_id, party.id, method, when, party.name, confirmed, today=TODAY)


def test_notice_five_full_working_days_boundary(w):
    h = w.schedule(w.hearing(MON, "09:00", "10:00"))
    # Served Fri 12-04: 12-07 … 12-11 are five full working days before Mon 12-14.
    _served(w, h.id, dt.date(2026, 11, 20))
    assert {"notice.too_late", "notice.not_served"}.isdisjoint(keys(w.check(h.to_input(), h.id)))
    moved = replace(h.to_input(), starts_at=dt.datetime(2026, 11, 27, 9), ends_at=dt.datetime(2026, 11, 27, 10))
    clash = [f for f in w.check(moved, h.id) if f.rule_key == "notice.too_late"]
    assert len(clash) == 2 and clash[0].severity == HARD
    assert clash[0].message == "申请人张三于 2026-11-20 收到开庭通知，距开庭日 2026-11-27 只有 4 个完整工作日，不足 5 个"
    assert clash[0].fix == "改到 2026-11-30 或之后开庭"
    assert clash[0].legal_basis.startswith("《劳动争议调解仲裁法》第三十五条")
    ok = replace(moved, starts_at=dt.datetime(2026, 11, 30, 9), ends_at=dt.datetime(2026, 11, 30, 10))
    assert "notice.too_late" not in keys(w.check(ok, h.id))


def test_notice_boundary_around_national_day(w):
    # domain §2.4: hearing Mon 2026-10-12; served Mon 09-28 is in time (09-29, 09-30, 10-08, 10-09 and
    # the make-up Saturday 10-10), served Tue 09-29 is not.
    with w.db.session() as s:
        s.execute(update(Case).where(Case.id == w.case1.id).values(accepted_date=dt.date(2026, 9, 21),
                                                                   received_date=dt.date(2026, 9, 20)))
    day = dt.date(2026, 10, 12)
    h = hearings.schedule_hearing(w.db, w.hearing(day, "09:00", "10:00"), today=dt.date(2026, 9, 22))
    party = w.case1.parties[0]
    hearings.add_service_record(w.db, h.id, party.id, ServiceMethod.DIRECT, dt.date(2026, 9, 29), "张三",
                                today=TODAY)
    late = only(w.check(h.to_input(), h.id, today=dt.date(2026, 9, 29)), "notice.too_late")
    assert "只有 4 个完整工作日" in late.message
    hearings.add_service_record(w.db, h.id, party.id, ServiceMethod.POST, dt.date(2026, 9, 28), "张三",
                                today=TODAY)
    assert "notice.too_late" not in keys(w.check(h.to_input(), h.id, today=dt.date(2026, 9, 29)))


def test_unconfirmed_simplified_notice_is_a_warning(w):
    h = w.schedule(w.hearing(MON, "09:00", "10:00"))
    party = w.case1.parties[0]
    hearings.add_service_record(w.db, h.id, party.id, ServiceMethod.PHONE, dt.date(2026, 11, 20), "", today=TODAY)
    finding = only(w.check(h.to_input(), h.id), "notice.unconfirmed")
    assert finding.severity == WARNING and finding.legal_basis == "《劳动人事争议仲裁办案规则》第五十九条"
    hearings.add_service_record(w.db, h.id, party.id, ServiceMethod.PHONE, dt.date(2026, 11, 21), "张三",
                                confirmed=True, today=TODAY)
    assert "notice.unconfirmed" not in keys(w.check(h.to_input(), h.id))


def test_not_served_becomes_a_warning_once_the_last_day_is_past(ro):
    data = ro.hearing(WED, "09:00", "10:00")
    # The last day to serve for Wed 12-09 is Tue 12-01.
    assert keys(ro.check(data, today=dt.date(2026, 12, 1)), WARNING) == set()
    late = [f for f in ro.check(data, today=dt.date(2026, 12, 2)) if f.rule_key == "notice.not_served"]
    assert {f.severity for f in late} == {WARNING}
    assert late[0].message == "尚未向申请人张三送达开庭通知，且已过最迟送达日 2026-12-01"


# ---------------------------------------------------------------- the award deadline


def test_award_deadline_boundary(ro):
    # Accepted 11-03: 45 natural days → Fri 12-18.
    assert "deadline.award" not in keys(ro.check(ro.hearing(dt.date(2026, 12, 18), "09:00", "10:00")))
    clash = only(ro.check(ro.hearing(dt.date(2026, 12, 21), "09:00", "10:00")), "deadline.award")
    assert clash.severity == HARD
    assert clash.message == f"开庭日 2026-12-21 晚于案件 {ro.case1.number} 的审理期限届满日 2026-12-18"
    assert clash.fix == "把开庭提前到 2026-12-18 或之前，或经批准延长审理期限并登记后再排期"
    assert clash.legal_basis.startswith("《劳动争议调解仲裁法》第四十三条")


def test_suspension_days_push_the_deadline(w):
    clocks.add_suspension(w.db, w.case1.id, dt.date(2026, 11, 10), dt.date(2026, 11, 19), "appraisal：等待工伤认定",
                          today=TODAY)
    # Ten days not counted: 11-03 + 55 = Mon 12-28.
    assert "deadline.award" not in keys(w.check(w.hearing(dt.date(2026, 12, 28), "09:00", "10:00")))
    assert "deadline.award" in keys(w.check(w.hearing(dt.date(2026, 12, 29), "09:00", "10:00")))


def test_extension_moves_the_deadline(w):
    with w.db.session() as s:
        s.execute(update(Case).where(Case.id == w.case1.id).values(
            received_date=dt.date(2026, 10, 10), accepted_date=dt.date(2026, 10, 12)))
    day = dt.date(2026, 12, 11)  # 60 days after 10-12; 45 days gave 11-26
    assert "deadline.award" in keys(w.check(w.hearing(day, "09:00", "10:00")))
    clocks.approve_extension(w.db, w.case1.id, "仲裁院院长", dt.date(2026, 11, 20), today=TODAY)
    assert "deadline.award" not in keys(w.check(w.hearing(day, "09:00", "10:00")))
    clash = only(w.check(w.hearing(dt.date(2026, 12, 14), "09:00", "10:00")), "deadline.award")
    assert "延长后的审理期限届满日 2026-12-11" in clash.message


# ---------------------------------------------------------------- the calendar


@pytest.mark.parametrize(("day", "message"), [
    (dt.date(2026, 12, 12), "开庭日 2026-12-12 是星期六（休息日）"),
    (dt.date(2026, 12, 13), "开庭日 2026-12-13 是星期日（休息日）"),
    (dt.date(2026, 10, 1), "开庭日 2026-10-01 是国庆节（法定节假日）"),
    (dt.date(2026, 10, 10), None),  # a make-up working Saturday
    (dt.date(2026, 12, 11), None),
])
def test_weekends_and_holidays_warn(w, day, message):
    with w.db.session() as s:
        s.execute(update(Case).where(Case.id == w.case1.id).values(
            received_date=dt.date(2026, 9, 1), accepted_date=dt.date(2026, 9, 2)))
    clocks.approve_extension(w.db, w.case1.id, "仲裁院院长", dt.date(2026, 10, 15), today=TODAY)
    findings = [f for f in w.check(w.hearing(day, "09:00", "10:00"), today=dt.date(2026, 9, 3))
                if f.rule_key == "calendar.rest_day"]
    assert [f.message for f in findings] == ([message] if message else [])
    assert all(f.severity == WARNING for f in findings)


def test_a_year_without_a_holiday_schedule_warns_once_and_does_not_crash(ro):
    findings = ro.check(ro.hearing(dt.date(2027, 1, 5), "09:00", "10:00"))
    unknown = [f for f in findings if f.rule_key == "calendar.unknown_year"]
    assert [f.message for f in unknown] == ["2027 年的法定节假日安排尚未载入，无法核对该年的工作日和节假日"]
    assert unknown[0].severity == WARNING
    # The award deadline is still known (it falls in 2026) and is exceeded.
    assert "deadline.award" in keys(findings, HARD)


# ---------------------------------------------------------------- blocking and overriding


def test_hard_conflicts_block_and_warnings_need_a_reason(w):

    w.schedule(w.hearing(WED, "09:00", "11:00", "B2", case=2))
    with pytest.raises(HearingConflict) as hard:
        w.schedule(w.hearing(WED, "10:00", "12:00", "B2"), reason="领导同意")
    assert not hard.value.needs_override
    assert str(hard.value).startswith("开庭安排有冲突，未保存：湖南湘中纺织科技有限公司 大会议室 在")
    with pytest.raises(HearingConflict) as warn:
        w.schedule(w.hearing(SAT, "09:00", "11:00", "B2"))
    assert warn.value.needs_override
    assert [f.rule_key for f in warn.value.findings if f.severity == WARNING] == ["calendar.rest_day"]
    assert hearings.list_hearings(w.db, SAT, SAT) == []


def test_a_deadline_in_an_unloaded_year_does_not_warn_while_the_hearing_is_early(w):
    # Accepted 11-25: day 45 is 2027-01-09, a year without a schedule yet. A hearing on
    # 12-09 is in time whatever 2027's holidays are, so nothing about 2027 is said.
    with w.db.session() as s:
        s.execute(update(Case).where(Case.id == w.case1.id).values(accepted_date=dt.date(2026, 11, 25)))
    assert "calendar.unknown_year" not in keys(w.check(w.hearing(WED, "09:00", "10:00")))
    assert "deadline.award" not in keys(w.check(w.hearing(dt.date(2026, 12, 31), "09:00", "10:00")))


def test_a_running_suspension_turns_the_deadline_into_a_warning(w):
    clocks.add_suspension(w.db, w.case1.id, dt.date(2026, 11, 20), None, "appraisal：等待伤残等级鉴定", today=TODAY)
    # Eight days stood still up to today (11-20 … 11-27): 11-03 + 53 = Sat 12-26, rolled to Mon 12-28.
    assert "deadline.award" not in keys(w.check(w.hearing(dt.date(2026, 12, 28), "09:00", "10:00")))
    finding = only(w.check(w.hearing(dt.date(2026, 12, 29), "09:00", "10:00")), "deadline.award")
    assert finding.severity == WARNING
    assert finding.message == (f"开庭日 2026-12-29 晚于案件 {w.case1.number} 的审理期限届满日 2026-12-28"
                               "（案件中止审理中，届满日将随中止期间顺延）")
