"""A hand-built register for the report tests: every figure's right answer is worked out by hand.

November 2026 is the period under test; October 2026 and November 2025 hold the cases that
span periods and the same period last year. The answers are written out in
tests/integration/test_reports.py, each with the cases that make it up.

Cases (accepted unless said; "on site" = a hearing held at an enterprise):

=====  ===========  ==========  ==========  =================================================
case   type         accepted    closed      what it is for
=====  ===========  ==========  ==========  =================================================
C1     wages        2026-10-20  2026-11-05  on site E1 11-05, mediated that day (当庭, default),
                                            partly, 30,000 agreed of 50,000 — spans Oct/Nov
C2     overtime     2026-11-02  2026-11-20  on site E1 11-05 (same session as C1), award,
                                            worker, 12,000 of 20,000
C3     work injury  2026-09-01  2026-11-25  suspended 09-10..10-30 (51 days); on site E2 11-12;
                                            mediated later, partly, 80,000 of 100,000
C4     severance    2026-10-05  2026-11-26  on site E2 11-12; extension approved; award,
                                            employer, 0 of 60,000: late without the extension
C5     wages        2026-11-10  2026-11-19  collective, 12 workers; on site E7 (zone B,
                                            tribunal T2) 11-18; withdrawn; 30,000 claimed
C6     wages        2026-10-10  2026-11-03  heard at the commission's own room; mediated —
                                            not a circuit case; worker
C7     severance    2026-10-01  (reopened)  closed 10-15 as withdrawn, closing undone: open
C8     wages        —           —           received 11-15, not accepted: outside the table
C10    social ins.  2026-11-20  —           suspended from 11-25, still suspended
C11    other        2026-11-03  2026-11-24  on site E1 11-24; deemed withdrawn
C12    wages        2025-10-20  2025-11-10  last year: on site E1 2025-11-10, mediated that
                                            day, worker, 5,000 of 8,000
C13    illegal t.   2026-11-01  —           its hearing at E1 on 11-16 is still "scheduled"
C14    labour rel.  2026-11-04  —           its hearing at E2 on 11-17 was postponed
=====  ===========  ==========  ==========  =================================================

Observers: O1 (of E3) attended C1's and C2's hearings on 11-05 (two person-times, one
person); O2 (of E4) attended C1's and, last year, C12's; O3 came as a walk-in (of E5, a name
with ·) to C3's; O4 declined and O5 was absent at C3's; O6 (no employer) attended C5's.
Training: after C1's hearing (topics A and B; O1, O2 and a guest of E6), and a standalone
session on 11-20 (topic B; two people).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, field

from tests.integration.helpers import applicant, respondent
from tribunal.db.engine import Database
from tribunal.db.models import (
    CircuitTribunal,
    Enterprise,
    Hearing,
    Invitation,
    Observer,
    Room,
    TrainingAttendance,
    TrainingSession,
    TrainingSessionTopic,
    TrainingTopic,
    Zone,
)
from tribunal.domain.enums import (
    CaseOutcome,
    CaseResult,
    CaseType,
    HearingStatus,
    InvitationStatus,
)
from tribunal.domain.names import enterprise_name_key
from tribunal.services import cases, clocks

TODAY = dt.date(2026, 12, 10)
LONG_NAME = "中国建筑第五工程局有限公司湖南分公司邵阳经济技术开发区产业园二期项目经理部"
D = dt.date


@dataclass
class ReportWorld:
    """Ids of the hand-built register."""

    zone_a: int = 0
    zone_b: int = 0
    t1: int = 0
    t2: int = 0
    enterprises: dict[str, int] = field(default_factory=dict)  # E1…E8 → id
    cases: dict[str, int] = field(default_factory=dict)  # C1… → id
    hearings: dict[str, int] = field(default_factory=dict)  # H1… → id
    observers: dict[str, int] = field(default_factory=dict)  # O1… → id


def _case(db: Database, w: ReportWorld, key: str, case_type: CaseType, accepted: D | None, *,
          received: D | None = None, tribunal: int | None = None, claim_fen: int | None = None,
          collective: bool = False, workers: int = 1, name: str | None = None) -> int:
    received = received or (accepted - dt.timedelta(days=2) if accepted else D(2026, 11, 15))
    claims = (cases.ClaimInput("支付拖欠的工资等", claim_fen),) if claim_fen is not None else (
        cases.ClaimInput("确认劳动关系"),)
    given = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰"
    index = int(key[1:])
    parties = [applicant(name or f"张{given[index]}")]
    if collective:
        parties += [applicant(f"李{given[n]}") for n in range(1, workers)]
    parties.append(respondent(f"被申请企业{key}有限公司"))
    data = cases.CaseInput(
        case_type=case_type, received_date=received, accepted_date=accepted, parties=tuple(parties),
        claims=claims, tribunal_id=tribunal if tribunal is not None else w.t1,
        collective=collective, worker_count=workers)
    detail = cases.create_case(db, data, today=TODAY)
    w.cases[key] = detail.id
    return detail.id


def _hearing(db: Database, w: ReportWorld, key: str, case: str, when: dt.datetime, host: str | None, *,
             status: HearingStatus = HearingStatus.HELD, tribunal: int | None = None) -> int:
    with db.session() as s:
        host_id = w.enterprises[host] if host else None
        room = Room(enterprise_id=host_id, name=f"{host or '本院'}会议室{key}", capacity=40)
        s.add(room)
        s.flush()
        h = Hearing(case_id=w.cases[case], host_enterprise_id=host_id, room_id=room.id, starts_at=when,
                    ends_at=when + dt.timedelta(hours=2), public=True, status=status,
                    tribunal_id=tribunal if tribunal is not None else w.t1)
        s.add(h)
        s.flush()
        w.hearings[key] = h.id
        return h.id


def _invite(db: Database, w: ReportWorld, observer: str, hearing: str, status: InvitationStatus, *,
            walk_in: bool = False) -> None:
    with db.session() as s:
        h = s.get(Hearing, w.hearings[hearing])
        assert h is not None
        s.add(Invitation(hearing_id=h.id, observer_id=w.observers[observer], status=status,
                         token=secrets.token_hex(16), invited_at=h.starts_at - dt.timedelta(days=3),
                         checked_in_at=h.starts_at if status == InvitationStatus.ATTENDED else None,
                         walk_in=walk_in))


def build(db: Database) -> ReportWorld:
    """Fill ``db`` with the hand-built register and return its ids."""
    w = ReportWorld()
    with db.session() as s:
        za, zb = Zone(name="甲开发区"), Zone(name="乙开发区")
        s.add_all([za, zb])
        s.flush()
        t1 = CircuitTribunal(name="甲区巡回仲裁庭", zone_id=za.id)
        t2 = CircuitTribunal(name="乙区巡回仲裁庭", zone_id=zb.id)
        s.add_all([t1, t2])
        names = {
            "E1": ("甲一机械有限公司", za), "E2": ("甲二纺织有限公司", za), "E3": ("甲三食品有限公司", za),
            "E4": ("甲四电子有限公司", za), "E5": ("甲五物流有限公司", za), "E6": (LONG_NAME, za),
            "E7": ("乙七箱包有限公司", zb), "E8": ("乙八五金有限公司", zb),
        }
        for key, (name, zone) in names.items():
            e = Enterprise(name=name, normalised_name=enterprise_name_key(name), zone_id=zone.id)
            s.add(e)
            s.flush()
            w.enterprises[key] = e.id
        people = {"O1": ("刘晓燕", "E3"), "O2": ("陈志刚", "E4"), "O3": ("阿卜杜热合曼·阿卜杜克热木", "E5"),
                  "O4": ("王丽", "E3"), "O5": ("赵建华", "E4"), "O6": ("李𬱖", None)}
        for key, (name, ent) in people.items():
            o = Observer(name=name, enterprise_id=w.enterprises[ent] if ent else None, title="人事经理")
            s.add(o)
            s.flush()
            w.observers[key] = o.id
        s.flush()
        w.zone_a, w.zone_b, w.t1, w.t2 = za.id, zb.id, t1.id, t2.id

    _case(db, w, "C1", CaseType.WAGES, D(2026, 10, 20), claim_fen=5_000_000)
    _case(db, w, "C2", CaseType.OVERTIME, D(2026, 11, 2), claim_fen=2_000_000)
    _case(db, w, "C3", CaseType.WORK_INJURY, D(2026, 9, 1), claim_fen=10_000_000)
    _case(db, w, "C4", CaseType.SEVERANCE, D(2026, 10, 5), claim_fen=6_000_000)
    _case(db, w, "C5", CaseType.WAGES, D(2026, 11, 10), claim_fen=3_000_000, collective=True, workers=12,
          tribunal=w.t2)
    _case(db, w, "C6", CaseType.WAGES, D(2026, 10, 10), claim_fen=1_000_000)
    _case(db, w, "C7", CaseType.SEVERANCE, D(2026, 10, 1), claim_fen=900_000)
    _case(db, w, "C8", CaseType.WAGES, None, received=D(2026, 11, 15), claim_fen=700_000)
    _case(db, w, "C10", CaseType.SOCIAL_INSURANCE, D(2026, 11, 20), claim_fen=400_000)
    _case(db, w, "C11", CaseType.OTHER, D(2026, 11, 3))
    _case(db, w, "C12", CaseType.WAGES, D(2025, 10, 20), claim_fen=800_000, name="阿卜杜热合曼·阿卜杜克热木")
    _case(db, w, "C13", CaseType.ILLEGAL_TERMINATION, D(2026, 11, 1), claim_fen=1_500_000)
    _case(db, w, "C14", CaseType.LABOR_RELATION, D(2026, 11, 4))

    at = dt.datetime
    _hearing(db, w, "H1", "C1", at(2026, 11, 5, 9, 30), "E1")
    _hearing(db, w, "H2", "C2", at(2026, 11, 5, 14, 30), "E1")
    _hearing(db, w, "H3", "C3", at(2026, 11, 12, 9, 30), "E2")
    _hearing(db, w, "H4", "C4", at(2026, 11, 12, 14, 30), "E2")
    _hearing(db, w, "H5", "C5", at(2026, 11, 18, 9, 30), "E7", tribunal=w.t2)
    _hearing(db, w, "H6", "C6", at(2026, 11, 3, 9, 30), None)
    _hearing(db, w, "H11", "C11", at(2026, 11, 24, 9, 30), "E1")
    _hearing(db, w, "H12", "C12", at(2025, 11, 10, 9, 30), "E1")
    _hearing(db, w, "H13", "C13", at(2026, 11, 16, 9, 30), "E1", status=HearingStatus.SCHEDULED)
    _hearing(db, w, "H14", "C14", at(2026, 11, 17, 9, 30), "E2", status=HearingStatus.POSTPONED)

    _invite(db, w, "O1", "H1", InvitationStatus.ATTENDED)
    _invite(db, w, "O1", "H2", InvitationStatus.ATTENDED)
    _invite(db, w, "O2", "H1", InvitationStatus.ATTENDED)
    _invite(db, w, "O3", "H3", InvitationStatus.ATTENDED, walk_in=True)
    _invite(db, w, "O4", "H3", InvitationStatus.DECLINED)
    _invite(db, w, "O5", "H3", InvitationStatus.ABSENT)
    _invite(db, w, "O6", "H5", InvitationStatus.ATTENDED)
    _invite(db, w, "O2", "H12", InvitationStatus.ATTENDED)

    with db.session() as s:
        ta = TrainingTopic(code="a", title="劳动合同的订立与解除")
        tb = TrainingTopic(code="b", title="工资支付与加班费")
        s.add_all([ta, tb])
        s.flush()
        s1 = TrainingSession(hearing_id=w.hearings["H1"], title="以案释法", starts_at=at(2026, 11, 5, 14, 0))
        s2 = TrainingSession(hearing_id=None, title="园区普法讲座", starts_at=at(2026, 11, 20, 9, 0))
        s.add_all([s1, s2])
        s.flush()
        s.add_all([TrainingSessionTopic(session_id=s1.id, topic_id=ta.id, position=0),
                   TrainingSessionTopic(session_id=s1.id, topic_id=tb.id, position=1),
                   TrainingSessionTopic(session_id=s2.id, topic_id=tb.id, position=0)])
        s.add_all([TrainingAttendance(session_id=s1.id, observer_id=w.observers["O1"], name="刘晓燕"),
                   TrainingAttendance(session_id=s1.id, observer_id=w.observers["O2"], name="陈志刚"),
                   TrainingAttendance(session_id=s1.id, name="周某", enterprise_name=LONG_NAME),
                   TrainingAttendance(session_id=s2.id, name="吴某", enterprise_name="甲三食品有限公司"),
                   TrainingAttendance(session_id=s2.id, name="郑某")])

    clocks.add_suspension(db, w.cases["C3"], D(2026, 9, 10), D(2026, 10, 30), "appraisal", today=TODAY)
    clocks.add_suspension(db, w.cases["C10"], D(2026, 11, 25), None, "appraisal", today=TODAY)
    clocks.approve_extension(db, w.cases["C4"], "仲裁院院长", D(2026, 11, 10), today=TODAY)

    close = cases.close_case
    close(db, w.cases["C1"], CaseOutcome.MEDIATED, D(2026, 11, 5), result=CaseResult.PARTLY,
          amount_fen=3_000_000, today=TODAY)
    close(db, w.cases["C2"], CaseOutcome.AWARDED, D(2026, 11, 20), result=CaseResult.WORKER,
          amount_fen=1_200_000, today=TODAY)
    close(db, w.cases["C3"], CaseOutcome.MEDIATED, D(2026, 11, 25), result=CaseResult.PARTLY,
          amount_fen=8_000_000, today=TODAY)
    close(db, w.cases["C4"], CaseOutcome.AWARDED, D(2026, 11, 26), result=CaseResult.EMPLOYER,
          amount_fen=0, today=TODAY)
    close(db, w.cases["C5"], CaseOutcome.WITHDRAWN, D(2026, 11, 19), today=TODAY)
    close(db, w.cases["C6"], CaseOutcome.MEDIATED, D(2026, 11, 3), result=CaseResult.WORKER,
          amount_fen=600_000, today=TODAY)
    close(db, w.cases["C7"], CaseOutcome.WITHDRAWN, D(2026, 10, 15), today=TODAY)
    cases.reopen_case(db, w.cases["C7"], "误将另案的撤回登记在本案")
    close(db, w.cases["C11"], CaseOutcome.DEEMED_WITHDRAWN, D(2026, 11, 24), today=TODAY)
    close(db, w.cases["C12"], CaseOutcome.MEDIATED, D(2025, 11, 10), result=CaseResult.WORKER,
          amount_fen=500_000, today=TODAY)
    return w
