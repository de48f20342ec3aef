"""A realistic demonstration data set, plus bulk synthetic cases for benchmarks.

Every name, number and address here is invented; ID numbers and credit codes are
generated with valid check characters so the editors accept them.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass, field

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from tribunal.db.engine import Database
from tribunal.db.models import (
    Case,
    CaseNumberCounter,
    CircuitTribunal,
    Enterprise,
    Hearing,
    HearingPanelMember,
    Invitation,
    Observer,
    Party,
    Room,
    ServiceRecord,
    Staff,
    Zone,
)
from tribunal.domain.enums import (
    CaseOutcome,
    CaseStatus,
    CaseType,
    HearingStatus,
    InvitationStatus,
    PanelRole,
    PartyKind,
    PartyRole,
    ServiceMethod,
    StaffRole,
)
from tribunal.domain.validators import credit_code_check_character, id_check_character
from tribunal.services import audit, cases, numbering, settings

DEMO_ZONE = "邵阳经济技术开发区"

ZONES = (
    (DEMO_ZONE, "湖南省邵阳市大祥区宝庆大道"),
    ("邵东经济开发区", "湖南省邵东市金龙大道"),
)
TRIBUNALS = (
    ("邵阳经开区巡回仲裁庭", DEMO_ZONE, "邵阳经济技术开发区管委会一楼", "#2f6fb0"),
    ("邵东经开区巡回仲裁庭", "邵东经济开发区", "邵东经济开发区劳动保障服务站", "#b0602f"),
)
# (name, zone index, industry-ish address street, HR contact, title)
ENTERPRISES = (
    ("邵阳宝庆精密机械有限公司", 0, "宝庆大道18号", "刘晓燕", "人力资源部经理"),
    ("湖南湘中纺织科技有限公司", 0, "宝庆大道66号", "陈志刚", "人事主管"),
    ("邵阳市资江食品有限公司", 0, "资江路9号", "王丽", "行政人事部经理"),
    ("湖南楚邵新材料股份有限公司", 0, "科技园路3号", "赵建华", "人力资源总监"),
    ("邵阳双清电子科技有限公司", 0, "双清路120号", "李娟", "人事经理"),
    ("邵阳市雪峰物流有限公司", 0, "物流园区B区", "周海波", "综合部部长"),
    ("湖南宝庆智能装备有限公司", 0, "智造路1号", "黄敏", "人力资源部部长"),
    ("邵阳市龙山建材有限公司", 0, "龙山路58号", "吴春花", "人事专员"),
    ("邵阳湘运汽车零部件有限公司", 0, "汽配产业园2栋", "孙立新", "人力资源经理"),
    ("湖南南岭医药有限公司", 0, "药谷路7号", "朱晓红", "人事行政经理"),
    ("邵阳市蔡锷制衣有限公司", 0, "纺织工业园12号", "胡永平", "厂长助理"),
    ("邵阳市白水洞印务有限公司", 0, "印刷产业园5号", "郭美玲", "人事主管"),
    ("湖南邵商电子商务有限公司", 0, "电商产业园A栋", "何小军", "人力资源部经理"),
    ("邵东市五峰箱包有限公司", 1, "箱包产业园8号", "罗桂英", "人事经理"),
    ("邵东市廉桥中药饮片有限公司", 1, "廉桥镇药材市场路", "梁建国", "办公室主任"),
    ("邵东市金龙五金制品有限公司", 1, "五金城二期", "宋玉兰", "人事主管"),
    ("邵东市湘商打火机有限公司", 1, "轻工业园6号", "谢文斌", "人力资源部经理"),
    ("邵阳市天成保安服务有限公司", 0, "敏州西路33号", "唐国庆", "总经理助理"),
)
ARBITRATORS = (("李建国", True), ("王淑芬", True), ("张卫东", True), ("陈玉梅", False), ("刘明远", False))
CLERKS = ("赵静", "孙浩", "周婷")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅海燕文俊鹏飞晓东春花雪梅德华永生小龙婷婷宇航浩然子涵欣怡思远家豪"
CLAIMS = {
    CaseType.WAGES: ("支付拖欠的工资", 800_000, 4_500_000),
    CaseType.OVERTIME: ("支付延长工作时间加班费", 300_000, 2_000_000),
    CaseType.DOUBLE_WAGE: ("支付未订立书面劳动合同的二倍工资差额", 1_500_000, 5_500_000),
    CaseType.SEVERANCE: ("支付解除劳动合同经济补偿", 1_000_000, 6_000_000),
    CaseType.ILLEGAL_TERMINATION: ("支付违法解除劳动合同赔偿金", 2_000_000, 12_000_000),
    CaseType.WORK_INJURY: ("支付一次性伤残补助金", 3_000_000, 9_000_000),
    CaseType.SOCIAL_INSURANCE: ("赔偿未缴纳社会保险造成的损失", 500_000, 3_000_000),
    CaseType.ANNUAL_LEAVE: ("支付未休年休假工资", 100_000, 800_000),
    CaseType.LABOR_RELATION: ("确认双方自入职之日起存在劳动关系", 0, 0),
    CaseType.OTHER: ("出具解除劳动合同证明并办理档案转移手续", 0, 0),
}
CLOSED_REASON_PRIVACY = "涉及个人隐私，当事人申请不公开审理（《劳动争议调解仲裁法》第二十六条）"


@dataclass
class DemoReport:
    """What the demo load did, for the command line to print."""

    created_base: bool = False
    cases: int = 0
    hearings: int = 0
    observers: int = 0
    invitations: int = 0
    synthetic: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = []
        if self.created_base:
            lines.append(
                f"已载入演示数据：{len(ZONES)} 个开发区、{len(TRIBUNALS)} 个巡回仲裁庭、{len(ENTERPRISES)} 家企业、"
                f"{len(ARBITRATORS)} 名仲裁员、{len(CLERKS)} 名书记员、{self.cases} 件案件、"
                f"{self.hearings} 场开庭、{self.observers} 名旁听人员（{self.invitations} 份邀请）。"
            )
        lines += self.notes
        if self.synthetic:
            lines.append(f"另批量生成 {self.synthetic} 件合成案件，用时 {self.seconds:.1f} 秒。")
        return "\n".join(lines) or "没有改动。"


def _id_number(rng: random.Random, birth: dt.date, male: bool) -> str:
    area = rng.choice(("430502", "430503", "430511", "430521", "430522", "430581"))
    seq = rng.randrange(0, 99) * 10 + (rng.choice((1, 3, 5, 7, 9)) if male else rng.choice((0, 2, 4, 6, 8)))
    first17 = f"{area}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_character(first17)


def _credit_code(rng: random.Random) -> str:
    charset = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + rng.choice(("430500", "430502", "430582")) + "MA4" + "".join(
        rng.choice(charset) for _ in range(6)
    )
    return body + credit_code_check_character(body)


def _mobile(rng: random.Random) -> str:
    return rng.choice(("138", "139", "150", "151", "158", "177", "186", "189")) + f"{rng.randrange(10**8):08d}"


def _person(rng: random.Random) -> tuple[str, bool]:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return name, rng.random() < 0.6


def load_demo(db: Database, *, extra_cases: int = 0, seed: int = 2026,
              today: dt.date | None = None) -> DemoReport:
    """Fill the database with the demonstration set (once) and ``extra_cases`` synthetic cases."""
    import time

    today = today or dt.date.today()
    rng = random.Random(seed)
    report = DemoReport()
    with db.session(write=False) as s:
        has_base = s.scalar(select(Zone.id).where(Zone.name == DEMO_ZONE)) is not None
    if has_base:
        report.notes.append("演示数据已经载入过，未重复载入。")
    else:
        _load_base(db, rng, today, report)
    if extra_cases:
        start = time.perf_counter()
        report.synthetic = add_synthetic_cases(db, extra_cases, seed=seed, today=today)
        report.seconds = time.perf_counter() - start
    return report


def _load_base(db: Database, rng: random.Random, today: dt.date, report: DemoReport) -> None:
    with db.session() as s:
        zones = [Zone(name=n, address=a) for n, a in ZONES]
        s.add_all(zones)
        s.flush()
        by_zone = {z.name: z for z in zones}
        tribunals = [CircuitTribunal(name=n, zone=by_zone[z], address=a, colour=c) for n, z, a, c in TRIBUNALS]
        s.add_all(tribunals)
        enterprises = []
        for name, zi, street, contact, title in ENTERPRISES:
            ent = Enterprise(
                name=name, normalised_name=name, credit_code=_credit_code(rng), zone=zones[zi],
                address=f"{ZONES[zi][1].split('市')[0]}市{street}" if zi == 0 else f"湖南省邵东市{street}",
                contact_name=contact, contact_title=title, contact_phone=_mobile(rng),
                size=rng.choice(("50人以下", "50-300人", "300-1000人", "1000人以上")),
            )
            enterprises.append(ent)
        s.add_all(enterprises)
        s.flush()
        for ent in enterprises[:8] + enterprises[13:15]:
            s.add(Room(enterprise=ent, name="职工活动中心会议室", capacity=rng.choice((30, 40, 60)),
                       directions="从厂区正门进入，沿主干道直行约100米，右手边二楼"))
        s.add(Room(enterprise=None, name="第一仲裁庭", capacity=40, address="邵阳市劳动人事争议仲裁院三楼"))
        s.add(Room(enterprise=None, name="第二仲裁庭", capacity=20, address="邵阳市劳动人事争议仲裁院三楼"))
        for name, full_time in ARBITRATORS:
            s.add(Staff(name=name, role=StaffRole.ARBITRATOR, full_time=full_time, phone=_mobile(rng)))
        for name in CLERKS:
            s.add(Staff(name=name, role=StaffRole.CLERK, phone=_mobile(rng)))
        audit.record(s, db.actor, "demo.load", "database", None, "载入演示数据")
    report.created_base = True

    with db.session(write=False) as s:
        arbitrators = list(s.scalars(select(Staff.id).where(Staff.role == StaffRole.ARBITRATOR).order_by(Staff.id)))
        clerks = list(s.scalars(select(Staff.id).where(Staff.role == StaffRole.CLERK).order_by(Staff.id)))
        ents = s.execute(select(Enterprise.id, Enterprise.name, Enterprise.credit_code, Enterprise.address,
                                Enterprise.zone_id).order_by(Enterprise.id)).all()
        tribunal_ids = list(s.scalars(select(CircuitTribunal.id).order_by(CircuitTribunal.id)))

    # 34 cases spread over the last ten months, in every state a register really holds.
    plan: list[tuple[CaseType, str]] = []
    types = [t for t in CLAIMS]
    states = ["received"] * 4 + ["accepted"] * 12 + ["scheduled"] * 6 + ["heard"] * 4 + ["closed"] * 8
    for i, state in enumerate(states):
        plan.append((types[i % len(types)], state))
    plan[0] = (CaseType.WORK_INJURY, "scheduled")  # the showcase hearing at an enterprise
    inputs = []
    for i, (case_type, state) in enumerate(plan):
        ent = ents[(i * 7) % 13] if i else ents[1]
        inputs.append((state, i, _demo_case(rng, today, i, case_type, state, ent, arbitrators, clerks,
                                            tribunal_ids)))
    # A register numbers cases in the order they arrive.
    inputs.sort(key=lambda x: (x[2].received_date, x[1]))
    created: list[cases.CaseDetail] = []
    for state, i, data in inputs:
        detail = cases.create_case(db, data, today=today)
        if state == "closed":
            outcome = (CaseOutcome.MEDIATED, CaseOutcome.MEDIATED, CaseOutcome.AWARDED, CaseOutcome.WITHDRAWN)[i % 4]
            accepted = data.accepted_date or data.received_date
            closed_on = min(accepted + dt.timedelta(days=rng.randrange(15, 44)), today)
            note = "庭审中经仲裁庭主持调解达成协议" if outcome == CaseOutcome.MEDIATED else ""
            detail = cases.close_case(db, detail.id, outcome, closed_on, note, today=today)
        created.append(detail)
    report.cases = len(created)
    _demo_hearings(db, rng, today, created, ents, report)


def _demo_case(rng: random.Random, today: dt.date, i: int, case_type: CaseType, state: str,
               ent: tuple, arbitrators: list[int], clerks: list[int], tribunal_ids: list[int]) -> cases.CaseInput:
    age = {"received": 2, "accepted": rng.randrange(6, 40), "scheduled": rng.randrange(10, 30),
           "heard": rng.randrange(20, 40), "closed": rng.randrange(60, 280)}[state]
    received = today - dt.timedelta(days=age + rng.randrange(3, 6))
    accepted = None if state == "received" else min(received + dt.timedelta(days=rng.randrange(1, 5)), today)
    n_applicants = 3 if case_type == CaseType.WAGES and i % 3 == 0 else 1
    parties = []
    for _ in range(n_applicants):
        name, male = _person(rng)
        birth = dt.date(rng.randrange(1965, 2003), rng.randrange(1, 13), rng.randrange(1, 29))
        parties.append(cases.PartyInput(
            role=PartyRole.APPLICANT, kind=PartyKind.PERSON, name=name,
            id_number=_id_number(rng, birth, male), phone=_mobile(rng),
            address=f"湖南省邵阳市{rng.choice(('大祥区', '双清区', '北塔区', '邵东市'))}"
                    f"{rng.choice(('城南', '城北', '学院', '红旗', '西湖'))}路{rng.randrange(1, 300)}号",
            agent_name=("湖南宝庆律师事务所律师 " + _person(rng)[0]) if i % 4 == 0 else "",
        ))
    ent_id, ent_name, credit_code, address, _zone = ent
    parties.append(cases.PartyInput(
        role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=ent_name, credit_code=credit_code,
        address=address or "", legal_representative=_person(rng)[0], legal_representative_title="总经理",
        phone=_mobile(rng), enterprise_id=ent_id,
    ))
    item, low, high = CLAIMS[case_type]
    claims = [cases.ClaimInput(item, rng.randrange(low, high + 1, 100) if high else None)]
    if case_type in (CaseType.ILLEGAL_TERMINATION, CaseType.WORK_INJURY):
        claims.append(cases.ClaimInput("支付拖欠的工资", rng.randrange(300_000, 1_200_000, 100)))
    if case_type == CaseType.WORK_INJURY:
        claims.append(cases.ClaimInput("支付一次性工伤医疗补助金和一次性伤残就业补助金",
                                       rng.randrange(2_000_000, 6_000_000, 100)))
    if i % 5 == 0:
        seats = (cases.ArbitratorInput(arbitrators[i % 5], PanelRole.PRESIDING),
                 cases.ArbitratorInput(arbitrators[(i + 1) % 5], PanelRole.MEMBER),
                 cases.ArbitratorInput(arbitrators[(i + 2) % 5], PanelRole.MEMBER))
    else:
        seats = (cases.ArbitratorInput(arbitrators[i % len(arbitrators)], PanelRole.SOLE),)
    status = {"received": CaseStatus.RECEIVED, "accepted": CaseStatus.ACCEPTED, "scheduled": CaseStatus.SCHEDULED,
              "heard": CaseStatus.HEARD, "closed": CaseStatus.HEARD}[state]
    summary = {
        CaseType.WORK_INJURY: "申请人在车间操作冲压设备时右手受伤，经认定为工伤，评定为九级伤残；"
                              "申请人要求解除劳动关系并支付工伤保险待遇，被申请人对停工留薪期工资有异议。",
    }.get(case_type, f"申请人主张被申请人{item.replace('支付', '未支付')}，双方协商未果。")
    return cases.CaseInput(
        case_type=case_type, received_date=received, accepted_date=accepted, status=status,
        parties=tuple(parties), claims=tuple(claims), summary=summary,
        arbitrators=seats if state != "received" else (),
        clerk_id=clerks[i % len(clerks)] if state != "received" else None,
        tribunal_id=tribunal_ids[0] if ent[4] == 1 else tribunal_ids[-1],
        collective=False, worker_count=n_applicants,
    )


def _next_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _demo_hearings(db: Database, rng: random.Random, today: dt.date, created: list[cases.CaseDetail],
                   ents: list[tuple], report: DemoReport) -> None:
    scheduled = [c for c in created if c.status == CaseStatus.SCHEDULED]
    # The showcase work-injury case goes first: it gets the enterprise venue and the observers.
    scheduled.sort(key=lambda c: c.case_type != CaseType.WORK_INJURY)
    with db.session() as s:
        rooms = {r.enterprise_id: r for r in s.scalars(select(Room))}
        for n, c in enumerate(scheduled):
            respondent = next(p for p in c.parties if p.role == PartyRole.RESPONDENT)
            if n == 0:
                # The showcase: a work-injury case heard at a neighbouring enterprise's door.
                host_id = ents[0][0]
            else:
                host_id = next(e[0] for e in ents[(n * 3):] + ents if e[0] in rooms and e[0] != respondent.enterprise_id)
            day = _next_weekday(today + dt.timedelta(days=10 + 2 * n))
            start = dt.datetime.combine(day, dt.time(9 if n % 2 == 0 else 14, 30))
            public = n != 3
            hearing = Hearing(
                case_id=c.id, tribunal_id=c.tribunal_id, host_enterprise_id=host_id if public else None,
                room_id=rooms[host_id].id if public else rooms[None].id,
                starts_at=start, ends_at=start + dt.timedelta(hours=2), public=public,
                closed_reason=None if public else CLOSED_REASON_PRIVACY,
                status=HearingStatus.SCHEDULED, clerk_id=c.clerk_id,
            )
            for pos, seat in enumerate(c.arbitrators):
                hearing.panel.append(HearingPanelMember(staff_id=seat.staff_id, role=seat.role, position=pos))
            for p in c.parties:
                hearing.service_records.append(ServiceRecord(
                    case_id=c.id, party_id=p.id, document="开庭通知书",
                    method=ServiceMethod.DIRECT if p.role == PartyRole.APPLICANT else ServiceMethod.POST,
                    served_on=today - dt.timedelta(days=rng.randrange(0, 3)), signed_by=p.name[:60],
                ))
            s.add(hearing)
            s.flush()
            report.hearings += 1
            if n == 0:
                _invite_observers(s, rng, hearing, ents, respondent.enterprise_id, host_id, report)
            audit.record(s, db.actor, "hearing.create", "hearing", hearing.id, f"排期开庭 {c.number}")


def _invite_observers(s: Session, rng: random.Random, hearing: Hearing, ents: list[tuple],
                      respondent_id: int | None, host_id: int, report: DemoReport) -> None:
    """HR managers of ten other enterprises in the zone are invited to watch."""
    guests = [e for e in ents if e[0] not in (respondent_id, host_id) and e[4] == ents[0][4]][:10]
    statuses = [InvitationStatus.CONFIRMED] * 6 + [InvitationStatus.INVITED] * 3 + [InvitationStatus.DECLINED]
    contacts = {e.id: e for e in s.scalars(select(Enterprise).where(Enterprise.id.in_([g[0] for g in guests])))}
    for ent_row, status in zip(guests, statuses, strict=False):
        ent = contacts[ent_row[0]]
        observer = Observer(name=ent.contact_name or _person(rng)[0], enterprise_id=ent.id,
                            title=ent.contact_title, phone=ent.contact_phone)
        s.add(observer)
        s.flush()
        replied = None if status == InvitationStatus.INVITED else dt.datetime.now().replace(microsecond=0)
        s.add(Invitation(hearing_id=hearing.id, observer_id=observer.id, status=status,
                         token=secrets.token_hex(8), replied_at=replied))
        report.observers += 1
        report.invitations += 1


def add_synthetic_cases(db: Database, count: int, *, seed: int = 2026, today: dt.date | None = None,
                        batch: int = 5_000) -> int:
    """Bulk-load ``count`` plausible cases (two parties each) for benchmarks, with Core inserts.

    Numbers are taken from the same gap-free counter as hand-registered cases.
    """
    today = today or dt.date.today()
    rng = random.Random(seed + count)
    types = list(CaseType)
    statuses = [CaseStatus.ACCEPTED, CaseStatus.SCHEDULED, CaseStatus.HEARD, CaseStatus.CLOSED, CaseStatus.CLOSED]
    with db.session(write=False) as s:
        ent_names = [n for (n,) in s.execute(select(Enterprise.name))] or [e[0] for e in ENTERPRISES]
    made = 0
    while made < count:
        n = min(batch, count - made)
        days = sorted((rng.randrange(0, 3 * 365) for _ in range(n)), reverse=True)
        received = [today - dt.timedelta(days=d) for d in days]
        with db.session() as s:
            pattern = settings.case_number_pattern(settings.read_all(s))
            by_year: dict[int, list[int]] = {}
            for idx, r in enumerate(received):
                by_year.setdefault(r.year, []).append(idx)
            seqs = [0] * n
            numbers = [""] * n
            for year, idxs in by_year.items():
                first, _ = numbering.allocate(s, pattern, year)
                s.execute(update(CaseNumberCounter)
                          .where(CaseNumberCounter.year == year, CaseNumberCounter.prefix == pattern.prefix)
                          .values(last_seq=first + len(idxs) - 1))
                for k, idx in enumerate(idxs):
                    seqs[idx] = first + k
                    numbers[idx] = pattern.format(year, first + k)
            case_rows = []
            people = []
            for k in range(n):
                applicant = _person(rng)[0]
                respondent = rng.choice(ent_names)
                status = rng.choice(statuses)
                ctype = rng.choice(types)
                accepted = received[k] + dt.timedelta(days=rng.randrange(0, 5))
                case_rows.append({
                    "number": numbers[k], "number_prefix": pattern.prefix, "year": received[k].year,
                    "seq": seqs[k], "case_type": ctype, "status": status, "procedure": "ordinary",
                    "received_date": received[k], "accepted_date": min(accepted, today),
                    "outcome": CaseOutcome.MEDIATED if status == CaseStatus.CLOSED else None,
                    "closed_date": min(accepted + dt.timedelta(days=30), today) if status == CaseStatus.CLOSED else None,
                    "applicant_names": applicant, "respondent_names": respondent,
                    "claim_total_fen": rng.randrange(100_000, 10_000_000, 100),
                    "collective": False, "worker_count": 1, "extension_approved": False,
                    "summary": None,
                })
                people.append((applicant, respondent))
            # Core executemany on the table: one statement for the batch, not the ORM's unit of work.
            conn = s.connection()
            conn.execute(insert(Case.__table__), case_rows)
            ids = dict(s.execute(select(Case.number, Case.id).where(Case.number.in_(numbers))).all())
            party_rows = []
            for k in range(n):
                cid = ids[numbers[k]]
                applicant, respondent = people[k]
                party_rows.append({"case_id": cid, "position": 0, "role": PartyRole.APPLICANT,
                                   "kind": PartyKind.PERSON, "name": applicant})
                party_rows.append({"case_id": cid, "position": 1, "role": PartyRole.RESPONDENT,
                                   "kind": PartyKind.ORGANISATION, "name": respondent})
            conn.execute(insert(Party.__table__), party_rows)
            audit.record(s, db.actor, "demo.synthetic", "database", None, f"批量生成 {n} 件合成案件")
        made += n
    return made
