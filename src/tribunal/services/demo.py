"""A realistic demonstration data set, plus bulk synthetic cases for benchmarks.

Every name, number and address here is invented; ID numbers and credit codes are
generated with valid check characters so the editors accept them. Cases, hearings,
service records, observers, invitations and the training session are made through the
same services a clerk uses, so the demonstration obeys every rule those services check:
each demo hearing passes the scheduling check without a hard conflict (notice served five
full working days before, before the award is due, nobody booked twice, on a working day).
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import func, insert, select, update

from tribunal.db.engine import Database
from tribunal.db.models import (
    Case,
    CaseClockEvent,
    CaseNumberCounter,
    CircuitTribunal,
    Enterprise,
    Hearing,
    Invitation,
    Observer,
    Party,
    Room,
    Staff,
    TrainingAttendance,
    TrainingSession,
    TrainingSessionTopic,
    TrainingTopic,
    Zone,
)
from tribunal.domain.enums import (
    AgentAuthority,
    AgentKind,
    CaseOutcome,
    CaseResult,
    CaseStatus,
    CaseType,
    HearingStatus,
    InvitationStatus,
    PanelRole,
    ParticipantRole,
    PartyKind,
    PartyRole,
    ServiceMethod,
    SpecialAuthority,
    StaffRole,
)
from tribunal.domain.legal_calendar import LegalCalendar
from tribunal.domain.names import enterprise_name_key
from tribunal.domain.scheduling import HARD, WARNING, HearingInput
from tribunal.domain.validators import credit_code_check_character, id_check_character
from tribunal.errors import TribunalError
from tribunal.services import (
    agents,
    audit,
    cases,
    clocks,
    conflicts,
    documents,
    hearings,
    numbering,
    observers,
    participants,
    reference,
    settings,
    training,
)
from tribunal.services import enterprises as enterprise_service
from tribunal.services.legal_calendar import calendar

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
# Given names people really carry, of the generations now at work (born 1960s–2000s).
GIVEN_MALE = (
    "建国", "国庆", "建华", "建军", "卫东", "卫国", "志强", "志刚", "志明", "国强", "国平", "德华", "春生",
    "海波", "海涛", "晓东", "立新", "红军", "文斌", "明远", "振华", "志勇", "建平", "新民", "利民", "建新",
    "伟", "强", "军", "磊", "勇", "刚", "涛", "斌", "鹏", "杰", "浩", "俊杰", "鹏飞", "浩然", "宇航", "子轩",
    "思远", "家豪", "梓豪", "一鸣", "博文", "宇轩", "明轩", "天佑", "俊熙", "文博", "晨阳", "志鹏",
)
GIVEN_FEMALE = (
    "秀英", "桂英", "秀兰", "玉兰", "玉梅", "春花", "冬梅", "淑芬", "淑珍", "凤英", "丽娟", "丽华", "海燕",
    "红梅", "晓红", "美玲", "雪梅", "晓燕", "秀珍", "丽萍", "春燕", "玉华", "晓梅", "慧敏", "文静", "雅琴",
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "燕", "琳", "倩", "婷婷", "欣怡", "子涵", "雨桐",
    "梓涵", "思琪", "佳怡", "诗涵", "一诺", "欣然", "梦琪", "紫萱",
)
#: Every character of those given names, for older callers that build names from characters.
GIVEN = "".join(dict.fromkeys("".join(GIVEN_MALE + GIVEN_FEMALE)))
# The random draws of a name are kept as they were when given names were single random
# characters (one or two draws below this bound), so a seed still gives the same cases,
# dates and case numbers; only the mapping from draws to a name changed.
_GIVEN_DRAW = 65
# Names the demo's staff and HR contacts carry: a party never gets one of them.
_RESERVED_NAMES = frozenset([name for name, _ in ARBITRATORS] + list(CLERKS) + [e[3] for e in ENTERPRISES])
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
    past_hearings: int = 0  # held at an enterprise before today (the reports' history)
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
            if self.past_hearings:
                lines.append(f"另有已审结和已开庭的案件在企业开过 {self.past_hearings} 场庭（含旁听签到和庭后培训），"
                             "供统计报表使用。")
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


def person_name(rng: random.Random) -> str:
    """A plausible full name (surname and a given name of the demo's lists), for benchmarks."""
    return _person(rng)[0]


def _person(rng: random.Random) -> tuple[str, bool]:
    """A plausible full name and whether the person is a man (six in ten are)."""
    surname = rng.choice(SURNAMES)
    draws = [rng.randrange(_GIVEN_DRAW) for _ in range(rng.choice((1, 2)))]
    male = rng.random() < 0.6
    given = GIVEN_MALE if male else GIVEN_FEMALE
    index = draws[0] if len(draws) == 1 else draws[0] * _GIVEN_DRAW + draws[1]
    name = surname + given[index % len(given)]
    for step in range(1, len(given)):  # never a name of the demo's own staff or HR contacts
        if name not in _RESERVED_NAMES:
            break
        name = surname + given[(index + step) % len(given)]
    return name, male


DEMO_FILE_NAME = "tribunal-demo.sqlite3"


def demo_database_path() -> Path:
    """The demonstration database's own file, beside the default database (never the real one)."""
    from tribunal.db.engine import default_database_path

    return default_database_path().with_name(DEMO_FILE_NAME)


def open_demo_database(*, actor: str | None = None) -> Database:
    """Open (creating it if needed) the separate demonstration database; load it with
    :func:`load_demo` if :func:`has_demo` says it is still empty.

    Raises:
        DatabaseError: the file cannot be opened or created.
    """
    from tribunal.services.app import open_database

    path = demo_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return open_database(str(path), actor=actor)


def has_demo(db: Database) -> bool:
    """Whether the demonstration set is loaded in ``db``."""
    with db.session(write=False) as s:
        return s.scalar(select(Zone.id).where(Zone.name == DEMO_ZONE)) is not None


def load_demo(db: Database, *, extra_cases: int = 0, seed: int = 2026,
              today: dt.date | None = None, history: bool = False) -> DemoReport:
    """Fill the database with the demonstration set (once) and ``extra_cases`` synthetic cases.

    With ``history`` (what ``tribunal demo`` loads), the heard and closed cases were heard at
    an enterprise, with observers and training, so the reports have a past to count; without
    it (the smaller set the tests of other areas build on) they were closed without hearings.
    """
    import time

    today = today or dt.date.today()
    rng = random.Random(seed)
    report = DemoReport()
    with db.session(write=False) as s:
        has_base = s.scalar(select(Zone.id).where(Zone.name == DEMO_ZONE)) is not None
    if has_base:
        report.notes.append("演示数据已经载入过，未重复载入。")
    else:
        _load_base(db, rng, today, report, seed, history)
    if extra_cases:
        start = time.perf_counter()
        report.synthetic = add_synthetic_cases(db, extra_cases, seed=seed, today=today)
        report.seconds = time.perf_counter() - start
    return report


DEMO_COMMISSION = {
    "commission.name": "邵阳市劳动人事争议仲裁院",
    "commission.seal_text": "邵阳市劳动人事争议仲裁委员会",
    "commission.area": "邵阳市",
    "case_number.prefix": "邵劳人仲案字",
    "certificate.number_pattern": "邵劳人仲培字〔{年}〕第{号}号",
    "commission.address": "湖南省邵阳市大祥区城南路1号（市人力资源和社会保障局三楼）",
    "commission.phone": "0739-5201234",
}


def _use_demo_commission(db: Database) -> None:
    """Give the database the demonstration's commission, unless it has its own, and mark it."""
    for key, value in DEMO_COMMISSION.items():
        if not settings.get(db, key):  # a commission's own name and address are never overwritten
            settings.set_value(db, key, value)
    if not settings.get(db, "demo.data"):
        settings.set_value(db, "demo.data", True)  # the window's title says 演示数据


class _DemoEnterprise(NamedTuple):
    """An enterprise of the demonstration directory, as the demo cases and hearings use it."""

    id: int
    name: str
    credit_code: str | None
    address: str | None
    zone_id: int | None


def _load_base(db: Database, rng: random.Random, today: dt.date, report: DemoReport, seed: int,
               history: bool) -> None:
    _use_demo_commission(db)
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
                name=name, normalised_name=enterprise_name_key(name), credit_code=_credit_code(rng), zone=zones[zi],
                address=f"{ZONES[zi][1].split('市')[0]}市{street}" if zi == 0 else f"湖南省邵东市{street}",
                contact_name=contact, contact_title=title, contact_phone=_mobile(rng),
                size=rng.choice(("50人以下", "50-300人", "300-1000人", "1000人以上")),
            )
            enterprises.append(ent)
        s.add_all(enterprises)
        s.flush()
        for ent in enterprises:
            # Every enterprise's HR contact is also a person of the directory, ready to invite.
            enterprise_service.sync_primary_contact(s, ent)
        for host in enterprises[:8] + enterprises[13:15]:
            s.add(Room(enterprise=host, name="职工活动中心会议室", capacity=rng.choice((30, 40, 60)),
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
        ents = [_DemoEnterprise(**r._mapping) for r in s.execute(
            select(Enterprise.id, Enterprise.name, Enterprise.credit_code, Enterprise.address, Enterprise.zone_id)
            .order_by(Enterprise.id))]
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
        respondent = ents[(i * 7) % 13] if i else ents[1]
        inputs.append((state, i, _demo_case(rng, today, i, case_type, state, respondent, arbitrators, clerks,
                                            tribunal_ids)))
    # A register numbers cases in the order they arrive.
    inputs.sort(key=lambda x: (x[2].received_date, x[1]))
    # Service dates draw on their own generator, so the cases stay what the seed always gave.
    paper = random.Random(f"{seed}:service")
    unserved = _left_unserved(inputs, today)
    created: list[cases.CaseDetail] = []
    # Closed and heard cases were heard at an enterprise before they ended: their hearings,
    # observers and closings are made after the future hearings (see _past_sessions).
    past: list[tuple[cases.CaseDetail, CaseOutcome | None, int]] = []
    for state, i, data in inputs:
        detail = cases.create_case(db, data, today=today)
        if i not in unserved:
            _serve_papers(db, paper, detail, today)
        if state == "closed":
            outcome = (CaseOutcome.MEDIATED, CaseOutcome.MEDIATED, CaseOutcome.AWARDED, CaseOutcome.WITHDRAWN)[i % 4]
            past.append((detail, outcome, rng.randrange(15, 44)))
        elif state == "heard":
            past.append((detail, None, 0))
        created.append(detail)
    report.cases = len(created)
    _demo_hearings(db, rng, today, created, ents, report)
    if history:
        _past_sessions(db, random.Random(f"{seed}:past"), today, past, ents, report)
    else:
        for case, ending, gap in past:
            if ending is not None and case.accepted_date is not None:
                _close(db, case, ending, min(case.accepted_date + dt.timedelta(days=gap), today), today)


def _demo_lawyer(rng: random.Random, i: int) -> agents.AgentInput:
    """A lawyer of an invented firm; every other one with special authority to settle."""
    special = i % 8 == 0
    name = _person(rng)[0]
    own = random.Random(i)  # the rest from a stream of its own: the demo's other data stays as it was
    return agents.AgentInput(
        kind=AgentKind.LAWYER, name=name, organisation="湖南宝庆律师事务所",
        address=f"湖南省邵阳市双清区东大路{own.randrange(1, 400)}号宝庆大厦{own.randrange(5, 20)}楼",
        phone=_mobile(own), licence_number=f"143052{own.randrange(10**10, 10**11)}",
        legal_aid=i % 12 == 0,
        authority=AgentAuthority.SPECIAL if special else AgentAuthority.GENERAL,
        special_items=(SpecialAuthority.SETTLE, SpecialAuthority.CHANGE) if special else (),
    )


def _demo_case(rng: random.Random, today: dt.date, i: int, case_type: CaseType, state: str,
               ent: _DemoEnterprise, arbitrators: list[int], clerks: list[int],
               tribunal_ids: list[int]) -> cases.CaseInput:
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
            agents=(_demo_lawyer(rng, i),) if i % 4 == 0 else (),
        ))
    parties.append(cases.PartyInput(
        role=PartyRole.RESPONDENT, kind=PartyKind.ORGANISATION, name=ent.name, credit_code=ent.credit_code or "",
        address=ent.address or "", legal_representative=_person(rng)[0], legal_representative_title="总经理",
        phone=_mobile(rng), enterprise_id=ent.id,
    ))
    item, low, high = CLAIMS[case_type]
    claims = [cases.ClaimInput(item, rng.randrange(low, high + 1, 100) if high else None)]
    if case_type in (CaseType.ILLEGAL_TERMINATION, CaseType.WORK_INJURY):
        claims.append(cases.ClaimInput("支付拖欠的工资", rng.randrange(300_000, 1_200_000, 100)))
    if case_type == CaseType.WORK_INJURY:
        claims.append(cases.ClaimInput("支付一次性工伤医疗补助金和一次性伤残就业补助金",
                                       rng.randrange(2_000_000, 6_000_000, 100)))
    seats: tuple[cases.ArbitratorInput, ...]
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
        tribunal_id=tribunal_ids[0] if ent.zone_id == 1 else tribunal_ids[-1],
        collective=False, worker_count=n_applicants,
    )


def _next_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


# ---------------------------------------------------------------- service of the case papers


def _left_unserved(inputs: list[tuple[str, int, cases.CaseInput]], today: dt.date) -> set[int]:
    """Plan indexes of accepted cases whose papers are not recorded as served.

    Those accepted in the last week are simply not served yet (their five working days still
    run, so the dashboard shows them as due); of the older ones, the one accepted longest ago
    is left as a genuinely overdue duty, so the dashboard has something to warn about.
    """
    waiting = [(data.accepted_date, i) for state, i, data in inputs
               if state == "accepted" and data.accepted_date is not None]
    recent = {i for accepted, i in waiting if accepted >= today - dt.timedelta(days=7)}
    older = sorted(x for x in waiting if x[1] not in recent)
    return recent | ({older[0][1]} if older else set())


def _serve_papers(db: Database, rng: random.Random, case: cases.CaseDetail, today: dt.date) -> None:
    """Record the application copy (申请书副本) on each respondent and the composition notice
    (仲裁庭组成通知书) on every party, a few days after acceptance, through the clock service."""
    if case.accepted_date is None:
        return
    for party in case.parties:
        documents = ["仲裁庭组成通知书"] if case.arbitrators else []
        if party.role == PartyRole.RESPONDENT:
            documents.insert(0, "申请书副本")
        for document in documents:
            served = min(case.accepted_date + dt.timedelta(days=rng.randrange(0, 4)), today)
            person = party.kind == PartyKind.PERSON
            clocks.record_service(
                db, case.id, party.id, document, ServiceMethod.DIRECT if person else ServiceMethod.POST,
                served, party.name if person else (party.legal_representative or "单位收发室"), today=today)


# ---------------------------------------------------------------- hearings


_SLOTS = (dt.time(9, 30), dt.time(14, 30))
_SEARCH_DAYS = 12


def _candidates(preferred: dt.datetime, today: dt.date) -> list[dt.datetime]:
    """Times to try: the preferred one, then nearby working days (later first), both half-days."""
    out = []
    other = next(t for t in _SLOTS if t != preferred.time())
    for offset in [0] + [sign * n for n in range(1, _SEARCH_DAYS + 1) for sign in (1, -1)]:
        day = preferred.date() + dt.timedelta(days=offset)
        if day <= today or day.weekday() >= 5:
            continue
        out += [dt.datetime.combine(day, preferred.time()), dt.datetime.combine(day, other)]
    return out


def _known(cal: LegalCalendar, day: dt.date) -> bool:
    return cal.is_known_year(day.year)


def _find_slot(db: Database, data: HearingInput, today: dt.date,
               cal: LegalCalendar) -> tuple[HearingInput, str | None] | None:
    """The first candidate time with no hard conflict and no warning, by the service's own check.

    When no such time exists in a year whose holidays are loaded (today lies late in the
    year), a time in the unloaded year is taken whose only warnings are that its holidays
    are unknown; it is saved with that reason. None when nothing fits at all.
    """
    length = data.ends_at - data.starts_at
    fallback: HearingInput | None = None
    # In an unloaded year the check cannot tell whether the award would be late; keep such a
    # hearing within the 45 natural days, which are in time whatever the holidays.
    award = conflicts.award_clock(db, data.case_id, today)
    last_safe = award.unrolled if award is not None else None
    for start in _candidates(data.starts_at, today):
        if not _known(cal, start.date()) and (
                fallback is not None or last_safe is None or start.date() > last_safe):
            continue
        proposal = replace(data, starts_at=start, ends_at=start + length)
        findings = hearings.check_hearing(db, proposal, today=today)
        if any(f.severity == HARD for f in findings):
            continue
        warnings = [f for f in findings if f.severity == WARNING]
        if not warnings and _known(cal, start.date()):
            return proposal, None
        if fallback is None and warnings and all(f.rule_key == "calendar.unknown_year" for f in warnings):
            fallback = proposal
    if fallback is None:
        return None
    year = next(y for y in range(today.year, fallback.starts_at.year + 1) if not cal.is_known_year(y))
    return fallback, f"演示数据：{year} 年法定节假日安排尚未载入，暂无法核对送达期间和休息日，载入后请重新核对"


def _demo_hearings(db: Database, rng: random.Random, today: dt.date, created: list[cases.CaseDetail],
                   ents: list[_DemoEnterprise], report: DemoReport) -> None:
    scheduled = [c for c in created if c.status == CaseStatus.SCHEDULED]
    # The showcase work-injury case goes first: it gets the enterprise venue and the observers.
    scheduled.sort(key=lambda c: c.case_type != CaseType.WORK_INJURY)
    with db.session(write=False) as s:
        # One room per host; the commission's own rooms share the key None (the last one wins).
        rooms = {r.enterprise_id: r.id for r in s.scalars(select(Room).order_by(Room.id))}
    cal = calendar(db)
    unknown_years: set[int] = set()
    for n, c in enumerate(scheduled):
        respondent = next(p for p in c.parties if p.role == PartyRole.RESPONDENT)
        if n == 0:
            # The showcase: a work-injury case heard at a neighbouring enterprise's door.
            host_id = ents[0].id
        else:
            host_id = next(e.id for e in ents[(n * 3):] + ents if e.id in rooms and e.id != respondent.enterprise_id)
        day = _next_weekday(today + dt.timedelta(days=10 + 2 * n))
        start = dt.datetime.combine(day, _SLOTS[n % 2])
        public = n != 3
        wanted = HearingInput(
            case_id=c.id, starts_at=start, ends_at=start + dt.timedelta(hours=2),
            room_id=rooms[host_id] if public else rooms[None], public=public,
            closed_reason=None if public else CLOSED_REASON_PRIVACY,
            panel=tuple((seat.staff_id, seat.role) for seat in c.arbitrators), clerk_id=c.clerk_id,
            tribunal_id=c.tribunal_id,
        )
        slot = _find_slot(db, wanted, today, cal)
        if slot is None:
            report.notes.append(f"案件 {c.number} 在 {day} 前后找不到没有冲突的开庭时间，未安排演示开庭。")
            continue
        data, reason = slot
        if reason is not None:
            unknown_years.add(data.starts_at.year)
        try:
            hearing = hearings.schedule_hearing(db, data, reason, today=today)
        except TribunalError as error:  # the check said yes a moment ago; never stop half-loaded
            report.notes.append(f"案件 {c.number} 的演示开庭未能安排：{error}")
            continue
        for p in c.parties:
            served = today - dt.timedelta(days=rng.randrange(0, 3))
            hearings.add_service_record(
                db, hearing.id, p.id, ServiceMethod.DIRECT if p.role == PartyRole.APPLICANT else ServiceMethod.POST,
                served, p.name[:60], today=today)
        report.hearings += 1
        if public:
            # The demo's clerk has read the handout's teaching case and kept the generated text.
            documents.save_teaching_case(db, hearing.id, documents.teaching_case(db, hearing.id).default_text)
        if n == 0:
            _showcase_extras(db, hearing, c, ents, respondent.enterprise_id, host_id, today, report)
    for year in sorted(unknown_years):
        report.notes.append(f"{year} 年的法定节假日安排尚未载入：该年的演示开庭已按提醒保存，"
                            "载入该年安排后请在开庭排期中重新核对。")


def _past_sessions(db: Database, rng: random.Random, today: dt.date,
                   past: list[tuple[cases.CaseDetail, CaseOutcome | None, int]], ents: list[_DemoEnterprise],
                   report: DemoReport) -> None:
    """The circuit tribunal's past work: heard and closed cases were heard at an enterprise.

    Each hearing is scheduled as the clerk would have done it two days after acceptance (the
    scheduling check runs with that day as "today"), its notices served, observers invited
    and checked in (one walk-in now and then), the hearing recorded as held, a training held
    after some of them, and the closed cases closed with their results: the first mediation
    on the hearing day itself (当庭调解), the rest later.
    """
    with db.session(write=False) as s:
        rooms = {r.enterprise_id: r.id for r in s.scalars(select(Room).where(Room.enterprise_id.is_not(None))
                                                             .order_by(Room.id))}
        contacts = dict(s.execute(
            select(Observer.enterprise_id, Observer.id).join(Enterprise, Enterprise.id == Observer.enterprise_id)
            .where(Observer.name == Enterprise.contact_name).order_by(Observer.id)).all())
    cal = calendar(db)
    topics = [t.id for t in training.suggest_topics(db, CaseType.WAGES)[:3]]
    mediated_on_the_day = False
    for n, (case, outcome, gap) in enumerate(sorted(past, key=lambda x: x[0].accepted_date or today)):
        if case.accepted_date is None:
            continue
        respondent = next(p for p in case.parties if p.role == PartyRole.RESPONDENT)
        zone = next((e[4] for e in ents if e[0] == respondent.enterprise_id), ents[0][4])
        hosts = [e for e in ents if e[0] in rooms and e[0] != respondent.enterprise_id and e[4] == zone] or \
            [e for e in ents if e[0] in rooms and e[0] != respondent.enterprise_id]
        host = hosts[n % len(hosts)]
        scheduled_on = case.accepted_date + dt.timedelta(days=2)
        start = dt.datetime.combine(_next_weekday(case.accepted_date + dt.timedelta(days=14)), _SLOTS[n % 2])
        wanted = hearings.HearingInput(
            case_id=case.id, starts_at=start, ends_at=start + dt.timedelta(hours=2), room_id=rooms[host[0]],
            public=True, closed_reason=None, panel=tuple((seat.staff_id, seat.role) for seat in case.arbitrators),
            clerk_id=case.clerk_id, tribunal_id=case.tribunal_id)
        slot = _find_slot(db, wanted, scheduled_on, cal)
        if slot is None or slot[0].starts_at.date() >= today:
            report.notes.append(f"案件 {case.number} 找不到合适的过去开庭时间，未安排演示开庭。")
            continue
        data, reason = slot
        try:
            hearing = hearings.schedule_hearing(db, data, reason, today=scheduled_on)
            for p in case.parties:
                hearings.add_service_record(
                    db, hearing.id, p.id, ServiceMethod.DIRECT if p.role == PartyRole.APPLICANT else ServiceMethod.POST,
                    scheduled_on, p.name[:60], today=scheduled_on)
            day = hearing.starts_at.date()
            guests = [contacts[e[0]] for e in ents
                      if e[0] in contacts and e[0] not in (respondent.enterprise_id, host[0]) and e[4] == zone]
            rng.shuffle(guests)
            invited = observers.invite(db, hearing.id, guests[:rng.randrange(3, 7)],
                                       at=dt.datetime.combine(scheduled_on, dt.time(10, 0)))
            came = []
            for k, invitation in enumerate(invited):
                if k < len(invited) - 1 or rng.random() < 0.5:  # now and then somebody does not come
                    row = observers.check_in(db, invitation.id,
                                             at=hearing.starts_at - dt.timedelta(minutes=20 - 3 * k))
                    came.append(row.observer_id)
            if n % 3 == 0:
                walk_in = observers.add_walk_in(
                    db, hearing.id, _person(rng)[0], enterprise_name=hosts[(n + 1) % len(hosts)][1],
                    title="人事专员", at=hearing.starts_at + dt.timedelta(minutes=5))
                came.append(walk_in.observer_id)
            hearings.mark_held(db, hearing.id, today=today)
            if n % 2 == 0 and topics:
                session = training.create_session(
                    db, hearing.id, "以案释法：劳动争议的预防与处理", hearing.panel[0].name if hearing.panel else "",
                    dt.datetime.combine(day, dt.time(14, 30)) if hearing.starts_at.hour < 12
                    else dt.datetime.combine(day, dt.time(16, 40)),
                    None, hearing.venue, topics, notes="巡回庭开庭后的普法培训")
                training.record_attendance(db, session.id, came, [(_person(rng)[0], host[1])])
            report.past_hearings += 1
            if outcome is None:
                continue
            if outcome == CaseOutcome.MEDIATED:
                on_the_day = not mediated_on_the_day
                mediated_on_the_day = True
                closed_on = day if on_the_day else min(day + dt.timedelta(days=gap // 3), today)
            elif outcome == CaseOutcome.AWARDED:
                closed_on = min(day + dt.timedelta(days=gap // 2), today)
            else:
                closed_on = min(day + dt.timedelta(days=3), today)
            _close(db, case, outcome, closed_on, today)
        except TribunalError as error:  # a demonstration must not stop half-loaded
            report.notes.append(f"案件 {case.number} 的演示开庭或结案未能完成：{error}")


def _close(db: Database, case: cases.CaseDetail, outcome: CaseOutcome, closed_on: dt.date, today: dt.date) -> None:
    """Close a demo case with the result and amount its outcome would carry."""
    claimed = sum(c.amount_fen or 0 for c in case.claims)
    result, amount = None, None
    if outcome == CaseOutcome.MEDIATED:
        result = CaseResult.PARTLY
        amount = claimed * 6 // 10 // 100 * 100 if claimed else None
    elif outcome == CaseOutcome.AWARDED:
        result = CaseResult.WORKER
        amount = claimed * 8 // 10 // 100 * 100 if claimed else None
    note = "庭审中经仲裁庭主持调解达成协议" if outcome == CaseOutcome.MEDIATED else ""
    cases.close_case(db, case.id, outcome, closed_on, note, result=result, amount_fen=amount, today=today)


def _showcase_extras(db: Database, hearing: hearings.HearingDetail, case: cases.CaseDetail,
                     ents: list[_DemoEnterprise], respondent_id: int | None, host_id: int, today: dt.date,
                     report: DemoReport) -> None:
    """The showcase hearing's witness, invited observers and the training after it."""
    participants.add_participant(db, case.id, ParticipantRole.WITNESS, "彭志强", enterprise_id=respondent_id,
                                 notes="被申请人冲压车间主任，证明受伤经过", today=today)
    _invite_observers(db, hearing, ents, respondent_id, host_id, today, report)
    try:
        topics = [t.id for t in training.suggest_topics(db, case.case_type)[:4]]
        day = hearing.starts_at.date()
        # The speaker is an arbitrator who does not sit on this case: one who does would be
        # explaining a case not yet decided (the training service warns about that).
        sitting = {seat.name for seat in hearing.panel}
        speaker = next((a.name for a in reference.list_staff(db, StaffRole.ARBITRATOR) if a.name not in sitting), "")
        # After lunch, in the same room: the morning belongs to the hearing itself.
        training.create_session(
            db, hearing.id, "以案释法：工伤保险待遇争议的预防与处理", speaker,
            dt.datetime.combine(day, dt.time(14, 30)), dt.datetime.combine(day, dt.time(16, 0)),
            hearing.venue, topics, notes="面向开发区企业人力资源负责人")
    except TribunalError as error:  # a demonstration must not stop half-loaded
        report.notes.append(f"演示培训未能安排：{error}")


def _invite_observers(db: Database, hearing: hearings.HearingDetail, ents: list[_DemoEnterprise],
                      respondent_id: int | None, host_id: int, today: dt.date, report: DemoReport) -> None:
    """HR managers of ten other enterprises in the zone are invited; six said yes, one no."""
    guests = [e for e in ents if e.id not in (respondent_id, host_id) and e.zone_id == ents[0].zone_id][:10]
    with db.session(write=False) as s:
        # The HR contacts were put into the directory with their enterprises.
        contacts = dict(s.execute(
            select(Observer.enterprise_id, Observer.id)
            .join(Enterprise, Enterprise.id == Observer.enterprise_id)
            .where(Observer.enterprise_id.in_([g.id for g in guests]), Observer.name == Enterprise.contact_name)
            .order_by(Observer.id)
        ).all())
    people = [contacts[g.id] for g in guests]
    report.observers += len(people)
    invited_at = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(10, 0))
    invitations = observers.invite(db, hearing.id, people, at=invited_at)
    report.invitations += len(invitations)
    replied = dt.datetime.combine(today, dt.time(9, 0))
    for k, invitation in enumerate(invitations):
        if k < 6:
            observers.confirm(db, invitation.id, at=replied + dt.timedelta(minutes=7 * k))
        elif k == 9:
            observers.decline(db, invitation.id, reason="当天单位有上级检查，无法参加",
                              at=replied + dt.timedelta(minutes=70))


_SYNTHETIC_PLACES = ("宝庆", "资江", "双清", "雪峰", "龙山", "湘运", "南岭", "蔡锷", "白水", "五峰", "廉桥", "金龙",
                     "湘商", "天成", "楚邵", "湘中", "云山", "崀山", "紫阳", "夫夷")
_SYNTHETIC_TRADES = ("精密机械", "纺织科技", "食品", "新材料", "电子科技", "物流", "智能装备", "建材", "汽车零部件",
                     "医药", "制衣", "印务", "电子商务", "箱包", "五金制品")
#: How synthetic closings split (the shares a busy commission reports): mediation, award,
#: withdrawal, deemed withdrawal, dismissal.
_CLOSINGS = ((CaseOutcome.MEDIATED, 55), (CaseOutcome.AWARDED, 26), (CaseOutcome.WITHDRAWN, 15),
             (CaseOutcome.DEEMED_WITHDRAWN, 3), (CaseOutcome.DISMISSED, 1))


@dataclass
class _Directory:
    """What the synthetic activity draws on: tribunals, hosts and HR contacts per zone."""

    tribunals: list[tuple[int, int | None]]  # (tribunal id, zone id)
    names: list[str]
    hosts: dict[int | None, list[tuple[int, int | None]]]  # zone → (enterprise id, room id)
    people: dict[int | None, list[int]]  # zone → observer ids
    topics: list[int]


def _synthetic_directory(db: Database, rng: random.Random) -> _Directory:
    """The directory the synthetic cases use; 1,200 enterprises are added when it is small."""
    training.seed_topics(db)
    with db.session() as s:
        zones = list(s.scalars(select(Zone.id).order_by(Zone.id)))
        if not zones:
            zone = Zone(name=DEMO_ZONE, address=ZONES[0][1])
            s.add(zone)
            s.flush()
            zones = [zone.id]
        if not s.scalar(select(CircuitTribunal.id).limit(1)):
            s.add(CircuitTribunal(name=TRIBUNALS[0][0], zone_id=zones[0]))
        existing = s.scalar(select(func.count(Enterprise.id))) or 0
        if existing < 200:
            rows: list[dict[str, Any]] = []
            seen = set(s.scalars(select(Enterprise.name)))
            while len(rows) < 1200:
                name = (f"{rng.choice(('邵阳', '邵东', '新邵', '隆回', '武冈'))}{rng.choice(_SYNTHETIC_PLACES)}"
                        f"{rng.choice(_SYNTHETIC_TRADES)}有限公司")
                if name in seen:
                    continue
                seen.add(name)
                rows.append({"name": name, "normalised_name": enterprise_name_key(name),
                             "zone_id": zones[len(rows) % len(zones)], "contact_name": _person(rng)[0],
                             "contact_title": "人力资源部经理"})
            s.execute(insert(Enterprise), rows)
            new = s.execute(select(Enterprise.id, Enterprise.contact_name, Enterprise.zone_id)
                            .where(Enterprise.name.in_([r["name"] for r in rows])).order_by(Enterprise.id)).all()
            # Half of them have an HR contact in the directory who can be invited.
            s.execute(insert(Observer), [{"name": c, "enterprise_id": e, "title": "人力资源部经理"}
                                         for e, c, _z in new[::2]])
            # One in seven of them has a room where the circuit tribunal sits.
            s.execute(insert(Room), [{"enterprise_id": e, "name": "职工活动中心会议室", "capacity": 40,
                                      "active": True} for e, _c, _z in new[::7]])
        tribunals = [(t, z) for t, z in s.execute(select(CircuitTribunal.id, CircuitTribunal.zone_id)
                                                  .order_by(CircuitTribunal.id))]
        names = [n for (n,) in s.execute(select(Enterprise.name).order_by(Enterprise.id))]
        hosts: dict[int | None, list[tuple[int, int | None]]] = {}
        for ent, zone_id, room in s.execute(
            select(Enterprise.id, Enterprise.zone_id, func.min(Room.id)).join(Room, Room.enterprise_id == Enterprise.id)
            .group_by(Enterprise.id, Enterprise.zone_id).order_by(Enterprise.id)
        ):
            hosts.setdefault(zone_id, []).append((ent, room))
        people: dict[int | None, list[int]] = {}
        for oid, zone_id in s.execute(select(Observer.id, Enterprise.zone_id)
                                   .join(Enterprise, Enterprise.id == Observer.enterprise_id).order_by(Observer.id)):
            people.setdefault(zone_id, []).append(oid)
        topics = list(s.scalars(select(TrainingTopic.id).where(TrainingTopic.active.is_(True)).order_by(TrainingTopic.id)))
    return _Directory(tribunals, names, hosts, people, topics)


def _working_day(day: dt.date) -> dt.date:
    return _next_weekday(day)


def add_synthetic_cases(db: Database, count: int, *, seed: int = 2026, today: dt.date | None = None,
                        batch: int = 5_000, activity: bool = True) -> int:
    """Bulk-load ``count`` plausible cases (two parties each) for benchmarks, with Core inserts.

    Numbers are taken from the same gap-free counter as hand-registered cases. Cases received
    over the last three years run their course: most older ones are closed (mediated, awarded,
    withdrawn… with a result and an amount), a few were suspended or extended. With
    ``activity`` (the default), the circuit tribunals' work comes too: about a third of the
    cases that reached a hearing were heard at an enterprise on a circuit day (several cases
    per session), with HR managers of the zone checked in as observers, walk-ins, training
    sessions after some sessions, and mediation on the spot on the hearing day; so the reports
    have something realistic to count.
    """
    today = today or dt.date.today()
    _use_demo_commission(db)  # invented cases are numbered as the demonstration's commission's
    rng = random.Random(seed + count)
    types = list(CaseType)
    directory = _synthetic_directory(db, random.Random(seed)) if activity else None
    ent_names = (directory.names if directory else None) or [e[0] for e in ENTERPRISES]
    with db.session(write=False) as s:
        if not activity:
            ent_names = [n for (n,) in s.execute(select(Enterprise.name).order_by(Enterprise.id))] or ent_names
    outcomes = [o for o, _w in _CLOSINGS]
    weights = [w for _o, w in _CLOSINGS]
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
            plans: list[dict[str, Any]] = []
            for k in range(n):
                applicant = _person(rng)[0]
                respondent = rng.choice(ent_names)
                ctype = rng.choice(types)
                accepted = min(received[k] + dt.timedelta(days=rng.randrange(0, 5)), today)
                claimed = rng.randrange(100_000, 10_000_000, 100)
                age = (today - accepted).days
                cycle = int(rng.triangular(8, 62, 32))
                closed = accepted + dt.timedelta(days=cycle)
                tribunal = rng.choice(directory.tribunals) if directory and directory.tribunals else (None, None)
                row: dict[str, Any] = {
                    "number": numbers[k], "number_prefix": pattern.prefix, "year": received[k].year,
                    "seq": seqs[k], "case_type": ctype, "procedure": "ordinary",
                    "received_date": received[k], "accepted_date": accepted,
                    "applicant_names": applicant, "respondent_names": respondent, "claim_total_fen": claimed,
                    "collective": False, "worker_count": 1, "summary": None,
                    "tribunal_id": tribunal[0], "outcome": None, "closed_date": None, "result": None,
                    "result_amount_fen": None, "mediated_on_site": False, "status": CaseStatus.ACCEPTED,
                }
                plan: dict[str, Any] = {"suspend": None, "hearing": None, "extend": None}
                if rng.random() < 0.012:
                    row["collective"], row["worker_count"] = True, rng.randrange(10, 45)
                if closed <= today and rng.random() < 0.97:
                    outcome = rng.choices(outcomes, weights)[0]
                    row.update(status=CaseStatus.CLOSED, outcome=outcome, closed_date=closed)
                    if outcome == CaseOutcome.MEDIATED:
                        row["result"] = rng.choices((CaseResult.PARTLY, CaseResult.WORKER, CaseResult.EMPLOYER),
                                                    (70, 25, 5))[0]
                        row["result_amount_fen"] = claimed * rng.randrange(40, 90) // 100 // 100 * 100
                    elif outcome == CaseOutcome.AWARDED:
                        row["result"] = rng.choices((CaseResult.WORKER, CaseResult.PARTLY, CaseResult.EMPLOYER),
                                                    (45, 35, 20))[0]
                        row["result_amount_fen"] = 0 if row["result"] == CaseResult.EMPLOYER else \
                            claimed * rng.randrange(50, 100) // 100 // 100 * 100
                    elif outcome in (CaseOutcome.WITHDRAWN, CaseOutcome.DEEMED_WITHDRAWN) and rng.random() < 0.3:
                        row["result"] = CaseResult.EMPLOYER
                    if cycle > 45 and rng.random() < 0.6:
                        plan["extend"] = accepted + dt.timedelta(days=40)
                else:
                    row["status"] = rng.choice((CaseStatus.ACCEPTED, CaseStatus.SCHEDULED, CaseStatus.HEARD))
                if age > 20 and rng.random() < 0.025:
                    stop_from = accepted + dt.timedelta(days=rng.randrange(5, 15))
                    last = stop_from + dt.timedelta(days=rng.randrange(15, 60))
                    if row["closed_date"] is not None:
                        row["closed_date"] = max(row["closed_date"], last + dt.timedelta(days=rng.randrange(3, 20)))
                        if row["closed_date"] > today:
                            row.update(status=CaseStatus.SUSPENDED, outcome=None, closed_date=None, result=None,
                                       result_amount_fen=None)
                    elif last >= today:
                        row["status"] = CaseStatus.SUSPENDED
                    plan["suspend"] = (stop_from, None if last >= today else last)
                heard = row["status"] in (CaseStatus.CLOSED, CaseStatus.HEARD, CaseStatus.SCHEDULED)
                if directory and heard and age > 10 and rng.random() < 0.36:
                    end = row["closed_date"] or min(accepted + dt.timedelta(days=40), today + dt.timedelta(days=20))
                    lo = accepted + dt.timedelta(days=10)
                    if lo <= end:
                        day: dt.date | None = _working_day(
                            lo + dt.timedelta(days=rng.randrange(0, max(1, (end - lo).days))))
                        if row["closed_date"] is not None and day > row["closed_date"]:
                            day = row["closed_date"] if row["closed_date"].weekday() < 5 else None
                        if day is not None:
                            plan["hearing"] = day
                            if (row["outcome"] == CaseOutcome.MEDIATED and day <= today
                                    and rng.random() < 0.45):
                                row.update(closed_date=day, mediated_on_site=True)
                case_rows.append(row)
                people.append((applicant, respondent))
                plans.append(plan)
            # Core executemany on the table: one statement for the batch, not the ORM's unit of work.
            conn = s.connection()
            conn.execute(insert(Case), case_rows)
            ids = dict(s.execute(select(Case.number, Case.id).where(Case.number.in_(numbers))).all())
            party_rows = []
            for k in range(n):
                cid = ids[numbers[k]]
                applicant, respondent = people[k]
                party_rows.append({"case_id": cid, "position": 0, "role": PartyRole.APPLICANT,
                                   "kind": PartyKind.PERSON, "name": applicant})
                party_rows.append({"case_id": cid, "position": 1, "role": PartyRole.RESPONDENT,
                                   "kind": PartyKind.ORGANISATION, "name": respondent})
            conn.execute(insert(Party), party_rows)
            extensions = [{"case_id": ids[numbers[k]], "kind": "extension", "event_date": plans[k]["extend"],
                           "ground": "", "approved_by": "仲裁院院长", "entered_by": "演示数据"}
                          for k in range(n) if plans[k]["extend"] is not None]
            if extensions:
                conn.execute(insert(CaseClockEvent), extensions)
            if directory is not None:
                _synthetic_activity(conn, rng, directory, today,
                                    [(ids[numbers[k]], case_rows[k], plans[k]) for k in range(n)])
            audit.record(s, db.actor, "demo.synthetic", "database", None, f"批量生成 {n} 件合成案件")
        made += n
    # Core inserts pass by the clocks' keeper: the next deadlines are computed once, in bulk.
    clocks.refresh_next_deadlines(db, today, every_case=True)
    return made


def _synthetic_activity(conn: Any, rng: random.Random, directory: _Directory, today: dt.date,
                        batch: list[tuple[int, dict[str, Any], dict[str, Any]]]) -> None:
    """Suspensions, hearings at enterprises, observers and trainings of one batch of synthetic cases."""
    # Suspensions as clock events: the first day, then the last day referring to it.
    suspensions = [{"case_id": cid, "kind": "suspension", "event_date": plan["suspend"][0],
                    "end_date": plan["suspend"][1], "ground": "appraisal", "entered_by": "演示数据"}
                   for cid, _row, plan in batch if plan["suspend"]]
    if suspensions:
        conn.execute(insert(CaseClockEvent), suspensions)
        ended = {row["case_id"]: row["end_date"] for row in suspensions if row["end_date"] is not None}
        if ended:
            starts = conn.execute(select(CaseClockEvent.case_id, CaseClockEvent.id).where(
                CaseClockEvent.kind == "suspension", CaseClockEvent.case_id.in_(list(ended)))
                .order_by(CaseClockEvent.id)).all()
            conn.execute(insert(CaseClockEvent), [
                {"case_id": cid, "kind": "suspension_end", "event_date": ended[cid], "ref_id": sid,
                 "ground": "", "entered_by": "演示数据"} for cid, sid in starts])
    zone_of = dict(directory.tribunals)
    hearing_rows = []
    for cid, row, plan in batch:
        day = plan["hearing"]
        if day is None:
            continue
        zone = zone_of.get(row["tribunal_id"])
        hosts = directory.hosts.get(zone) or next(iter(directory.hosts.values()), [])
        if not hosts:
            continue
        # A circuit day visits a few enterprises of the zone: cases of that day share them.
        ent, room = hosts[(day.toordinal() * 7 + rng.randrange(3)) % len(hosts)]
        start = dt.datetime.combine(day, rng.choice(_SLOTS))
        hearing_rows.append({
            "case_id": cid, "tribunal_id": row["tribunal_id"], "host_enterprise_id": ent, "room_id": room,
            "starts_at": start, "ends_at": start + dt.timedelta(hours=2), "public": True,
            "status": HearingStatus.HELD if day <= today else HearingStatus.SCHEDULED,
        })
    if not hearing_rows:
        return
    conn.execute(insert(Hearing), hearing_rows)
    case_ids = [r["case_id"] for r in hearing_rows]
    held = conn.execute(select(Hearing.id, Hearing.starts_at, Hearing.host_enterprise_id, Hearing.tribunal_id)
                        .where(Hearing.case_id.in_(case_ids), Hearing.status == HearingStatus.HELD)
                        .order_by(Hearing.id)).all()
    invitations, sessions_seen = [], {}
    for hid, starts, host, tribunal in held:
        pool = directory.people.get(zone_of.get(tribunal)) or []
        came = rng.sample(pool, min(len(pool), rng.choice((0, 1, 2, 3, 3, 4, 5, 6))))
        for k, oid in enumerate(came):
            invitations.append({"hearing_id": hid, "observer_id": oid, "status": InvitationStatus.ATTENDED,
                                "token": secrets.token_hex(16), "invited_at": starts - dt.timedelta(days=3),
                                "checked_in_at": starts - dt.timedelta(minutes=15 - k),
                                "walk_in": rng.random() < 0.1})
        key = (starts.date(), host)
        if key not in sessions_seen and rng.random() < 0.3:
            sessions_seen[key] = (hid, starts, came)
    if invitations:
        conn.execute(insert(Invitation), invitations)
    for hid, starts, came in sessions_seen.values():
        session_id = conn.execute(insert(TrainingSession).values(
            hearing_id=hid, title="以案释法：劳动争议的预防与处理", starts_at=starts + dt.timedelta(hours=2, minutes=30),
            ends_at=starts + dt.timedelta(hours=4))).inserted_primary_key[0]
        chosen = rng.sample(directory.topics, min(len(directory.topics), rng.randrange(1, 4)))
        if chosen:
            conn.execute(insert(TrainingSessionTopic), [{"session_id": session_id, "topic_id": t, "position": i}
                                                        for i, t in enumerate(chosen)])
        if came:
            conn.execute(insert(TrainingAttendance), [{"session_id": session_id, "observer_id": oid,
                                                       "name": "学员"} for oid in came])
