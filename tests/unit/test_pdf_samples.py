"""Sample data for the PDF tests (no database), the PDF inspection helpers, and formatting tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tribunal.documents.data import (
    AgentInfo,
    Certificate,
    ClaimSummary,
    Commission,
    DayList,
    DayListRow,
    HearingInfo,
    InvitationLetter,
    Invitee,
    PanelSeat,
    PartyInfo,
    PublicHearing,
    StaffMember,
    TeachingCase,
    TopicInfo,
    TrainingInfo,
    Venue,
)
from tribunal.documents.formatting import (
    approx_yuan,
    arabic_date,
    chinese_date,
    clock,
    hearing_time,
    signature_date,
    time_span,
)
from tribunal.domain.enums import AgentKind

COMMISSION = Commission(
    issuer="邵阳市劳动人事争议仲裁委员会", institute="邵阳市劳动人事争议仲裁院",
    address="邵阳市大祥区宝庆大道1号", phone="0739-5551234",
)
# A rare character of the BMP extension A and one of extension E: both must print and copy.
APPLICANT = "张䶮𬱖"
APPLICANT_ID = "430102199003070012"
APPLICANT_PHONE = "13807311234"
RESPONDENT = "邵阳宝庆精密机械有限公司"
VENUE = Venue(host="湖南湘中纺织科技有限公司", room="职工活动中心会议室", address="邵阳市宝庆大道66号",
              directions="从厂区正门进入，沿主干道直行约100米，右手边二楼")
PANEL = (PanelSeat("presiding", "首席仲裁员", "李建国"), PanelSeat("member", "仲裁员", "王淑芬"),
         PanelSeat("member", "仲裁员", "张卫东"))
CLERK = StaffMember("赵静", "0739-5550001")
STARTS = dt.datetime(2026, 12, 9, 9, 30)
ENDS = dt.datetime(2026, 12, 9, 11, 30)
ISSUED = dt.date(2026, 11, 27)


LAWYER = AgentInfo(7, AgentKind.LAWYER, "王某某", "湖南宝庆律师事务所",
                   address="湖南省邵阳市双清区东大路88号宝庆大厦12楼")


def parties(extra_applicants: int = 0, address: str = "湖南省邵阳市大祥区城南路12号") -> tuple[PartyInfo, ...]:
    applicants = [PartyInfo(1, "applicant", "申请人", False, APPLICANT, address=address,
                            agents=(LAWYER,))]
    applicants += [PartyInfo(100 + i, "applicant", "申请人", False, f"欧阳{'明亮清'[i % 3]}{i}号")
                   for i in range(extra_applicants)]
    return (*applicants,
            PartyInfo(2, "respondent", "被申请人", True, RESPONDENT, address="邵阳市宝庆大道18号",
                      legal_representative="李四", legal_representative_title="总经理"),
            PartyInfo(3, "third_party", "第三人", True, "邵阳市天成保安服务有限公司"))


def hearing(*, public: bool = True, extra_applicants: int = 0, address: str | None = None) -> HearingInfo:
    kw = {"address": address} if address is not None else {}
    return HearingInfo(
        id=3, case_id=1, case_number="邵劳人仲案字〔2026〕第1号", case_type_label="工伤保险待遇",
        parties=parties(extra_applicants, **kw), starts_at=STARTS, ends_at=ENDS, venue=VENUE, public=public,
        closed_reason="" if public else "涉及个人隐私（《劳动争议调解仲裁法》第二十六条）",
        panel=PANEL, clerk=CLERK, tribunal="邵阳经开区巡回仲裁庭", issue_date=ISSUED,
    )


TOPICS = (
    TopicInfo("work_injury", "工伤事故发生后三十日内申请认定",
              "用人单位应当自事故伤害发生之日起三十日内提出工伤认定申请。\n\n未参保的，由用人单位支付工伤保险待遇。",
              "《工伤保险条例》第十七条、第六十二条"),
    TopicInfo("burden", "单位掌握的证据要提供", "与争议事项有关的证据属于用人单位掌握管理的，用人单位应当提供。",
              "《劳动争议调解仲裁法》第六条"),
)
TRAINING = TrainingInfo("以案释法：工伤保险待遇争议的预防与处理", "李建国", ENDS,
                        ENDS + dt.timedelta(hours=1), "同一会议室", TOPICS)
PUBLIC = PublicHearing(
    hearing_id=3, caption="张某与某精密机械有限公司工伤保险待遇争议", case_type_label="工伤保险待遇",
    starts_at=STARTS, ends_at=ENDS, venue=VENUE, panel=PANEL, clerk=CLERK, tribunal="邵阳经开区巡回仲裁庭",
    issue_date=ISSUED, training=TRAINING,
)


def invitees(count: int = 3, enterprise: str = "邵阳市资江食品有限公司") -> tuple[Invitee, ...]:
    return tuple(Invitee(invitation_id=10 + i, observer_id=20 + i, name=f"刘晓{'燕红梅'[i % 3]}{i}",
                         enterprise=enterprise, title="人力资源部经理", token=f"{0xABC000 + i:016x}")
                 for i in range(count))


def letter(count: int = 2) -> InvitationLetter:
    people = invitees(count)
    return InvitationLetter(addressee=people[0].enterprise, enterprise=people[0].enterprise,
                            invitees=people, reply_by=dt.date(2026, 12, 6))


TEACHING = TeachingCase(
    caption=PUBLIC.caption, case_type_label="工伤保险待遇",
    summary="张某在车间操作冲压设备时右手受伤，经认定为工伤，评定为九级伤残。\n双方对停工留薪期工资有争议。",
    claims=(ClaimSummary("支付一次性伤残补助金", "约5.6万元"), ClaimSummary("支付拖欠的工资", "约8,000元")),
    applied_month="2026年11月",
)
DAY = DayList(tribunal="邵阳经开区巡回仲裁庭", day=STARTS.date(), issue_date=STARTS.date(), rows=(
    DayListRow(STARTS, ENDS, "邵劳人仲案字〔2026〕第1号", APPLICANT, RESPONDENT, "工伤保险待遇",
               VENUE.place, "首席仲裁员李建国，仲裁员王淑芬、张卫东", "赵静", True),
    DayListRow(STARTS.replace(hour=14), ENDS.replace(hour=16), "邵劳人仲案字〔2026〕第2号", "王五",
               "湖南楚邵新材料股份有限公司", "社会保险", "邵阳市劳动人事争议仲裁院第一仲裁庭", "独任仲裁员王淑芬",
               "孙浩", False),
))
CERTIFICATE = Certificate(number="〔2026〕巡培字第3-1号", name="刘晓燕", enterprise="邵阳市资江食品有限公司",
                          title="人力资源部经理", hours="3", issue_date=STARTS.date())


# ---------------------------------------------------------------- PDF inspection helpers

needs_poppler = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm", "pdffonts")),
    reason="poppler-utils (pdftotext, pdftoppm, pdffonts) is not installed",
)


def pdf_text(data: bytes) -> str:
    """Text of every page as pypdf extracts it."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def poppler_text(data: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def font_report(data: bytes, tmp_path: Path) -> list[list[str]]:
    """pdffonts' table: one row of columns per font (name, type, encoding, emb, sub, uni, …)."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True).stdout.decode()
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(io.BytesIO(data)).pages]


# ---------------------------------------------------------------- formatting


@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2026, 12, 9), "二〇二六年十二月九日"),
    (dt.date(2026, 11, 27), "二〇二六年十一月二十七日"),
    (dt.date(2030, 1, 10), "二〇三〇年一月十日"),
    (dt.date(2026, 10, 31), "二〇二六年十月三十一日"),
    (dt.date(2026, 2, 20), "二〇二六年二月二十日"),
])
def test_chinese_date_uses_ling_and_tens(day: dt.date, expected: str) -> None:
    assert chinese_date(day) == expected


def test_signature_date_style_setting() -> None:
    assert signature_date(dt.date(2026, 3, 4)) == "二〇二六年三月四日"
    assert signature_date(dt.date(2026, 3, 4), "arabic") == "2026年3月4日"
    assert arabic_date(dt.date(2026, 3, 4)) == "2026年3月4日"


@pytest.mark.parametrize(("moment", "expected"), [
    (dt.datetime(2026, 12, 9, 9, 30), "上午9时30分"),
    (dt.datetime(2026, 12, 9, 9, 0), "上午9时00分"),
    (dt.datetime(2026, 12, 9, 11, 59), "上午11时59分"),
    (dt.datetime(2026, 12, 9, 12, 0), "中午12时00分"),
    (dt.datetime(2026, 12, 9, 13, 0), "下午1时00分"),
    (dt.datetime(2026, 12, 9, 14, 30), "下午2时30分"),
    (dt.datetime(2026, 12, 9, 18, 0), "晚上6时00分"),
])
def test_clock_periods_on_both_sides_of_each_boundary(moment: dt.datetime, expected: str) -> None:
    assert clock(moment) == expected


def test_hearing_time_and_span() -> None:
    assert hearing_time(dt.datetime(2026, 12, 9, 9, 30)) == "2026年12月9日（星期三）上午9时30分"
    assert time_span(STARTS, ENDS) == "9:30—11:30"


@pytest.mark.parametrize(("fen", "expected"), [
    (None, ""), (0, ""), (-5, ""), (4_000, "约100元"), (349_900, "约3,500元"),
    (999_900, "约1万元"), (994_900, "约9,900元"), (1_000_000, "约1万元"), (5_612_300, "约5.6万元"), (12_049_900, "约12万元"),
])
def test_approx_yuan_rounds_for_teaching(fen: int | None, expected: str) -> None:
    assert approx_yuan(fen) == expected


# ---------------------------------------------------------------- data at the extremes real data reaches

LONG_ENTERPRISE = "中国建筑第五工程局有限公司湖南分公司邵阳经济技术开发区标准化厂房二期建设项目经理部"  # 41
UYGHUR = "阿卜杜热合曼·阿卜杜克热木"
LONG_TITLE = "人力资源部副经理兼劳动关系专员"
LONG_ADDRESS = "湖南省邵阳市经济技术开发区宝庆大道与邵阳大道交汇处东南角标准厂房二期三号楼二单元"
LONG_VENUE = Venue(host=LONG_ENTERPRISE, room="项目部二楼职工之家多功能会议室", address=LONG_ADDRESS,
                   directions="从宝庆大道北门进入工地生活区，凭通知书登记后沿蓝色通道步行约300米，项目部办公楼二楼东侧")
LONG_CLAIMS = tuple(ClaimSummary(item, approx) for item, approx in (
    ("支付2025年3月至2026年8月拖欠的工资", "约8.8万元"), ("支付延长工作时间的加班费", "约3.2万元"),
    ("支付休息日加班费", "约1.5万元"), ("支付法定休假日加班费", "约6,800元"),
    ("支付未签订书面劳动合同的二倍工资差额", "约5.5万元"), ("支付未休年休假工资", "约4,200元"),
    ("支付违法解除劳动合同赔偿金", "约12万元"), ("支付一次性伤残补助金", "约5.6万元"),
    ("支付一次性工伤医疗补助金", "约3万元"), ("支付一次性伤残就业补助金", "约3万元"),
    ("支付停工留薪期工资", "约2.4万元"), ("支付住院伙食补助费", "约1,500元"),
    ("补缴2023年1月至2026年8月的社会保险费", ""), ("出具解除劳动合同的证明", ""),
    ("返还入职时收取的工作服押金", "约500元")))


def long_parties() -> tuple[PartyInfo, ...]:
    agents = (AgentInfo(8, AgentKind.LAWYER, "欧阳娜娜", "湖南宝庆律师事务所邵阳经济技术开发区分所",
                        address=LONG_ADDRESS, legal_aid=True),
              AgentInfo(9, AgentKind.CLOSE_RELATIVE, "阿依古丽·买买提", address="湖南省邵阳市大祥区城南路12号"))
    return (PartyInfo(1, "applicant", "申请人", False, UYGHUR, address=LONG_ADDRESS, agents=agents),
            PartyInfo(2, "respondent", "被申请人", True, LONG_ENTERPRISE, address=LONG_ADDRESS,
                      legal_representative="欧阳建国", legal_representative_title="项目经理"))


def long_hearing(*, public: bool = True) -> HearingInfo:
    return dataclasses.replace(hearing(public=public), parties=long_parties(), venue=LONG_VENUE,
                               case_number="邵阳经济技术开发区劳人仲案字〔2026〕第1234号")


LONG_TRAINING = TrainingInfo("以案释法：建设工程项目劳动用工与工伤保险待遇争议的预防与处理（第二期）", "李建国",
                             ENDS + dt.timedelta(hours=3), ENDS + dt.timedelta(hours=4, minutes=30),
                             LONG_VENUE.place, TOPICS * 3)
LONG_PUBLIC = dataclasses.replace(
    PUBLIC, caption=f"阿某与{LONG_ENTERPRISE[:4]}某某某工程局有限公司某分公司某项目经理部工伤保险待遇争议",
    venue=LONG_VENUE, training=LONG_TRAINING)


def long_invitees(count: int = 60) -> tuple[Invitee, ...]:
    names = (UYGHUR, "张三", "欧阳娜娜", "𬱖䶮", "Maria Gonzalez", "阿依古丽·买买提", "李建国")
    return tuple(Invitee(invitation_id=100 + i, observer_id=200 + i, name=names[i % len(names)],
                         enterprise=LONG_ENTERPRISE if i % 2 == 0 else "邵阳市资江食品有限公司",
                         title=LONG_TITLE if i % 3 == 0 else "人事行政经理", token=f"{0xDEF000 + i:016x}")
                 for i in range(count))


LONG_TEACHING = dataclasses.replace(TEACHING, caption=LONG_PUBLIC.caption, claims=LONG_CLAIMS,
                                    summary="劳动者一方在项目工地从事钢筋工作业，双方对是否存在劳动关系、"
                                            "工资标准和工伤保险待遇有争议。" * 3)
LONG_DAY = dataclasses.replace(DAY, rows=tuple(
    DayListRow(STARTS.replace(hour=8 + i // 2, minute=30 * (i % 2)), ENDS.replace(hour=9 + i // 2),
               f"邵阳经济技术开发区劳人仲案字〔2026〕第{1000 + i}号", UYGHUR if i % 2 else "张三、李四、王五",
               LONG_ENTERPRISE, "工伤保险待遇", LONG_VENUE.place,
               "首席仲裁员阿卜杜热合曼·阿卜杜克热木，仲裁员王淑芬、欧阳建国", "赵静", i % 3 != 0)
    for i in range(8)))
LONG_CERTIFICATE = Certificate(number="邵劳人仲培字〔2026〕第1234号", name=UYGHUR, enterprise=LONG_ENTERPRISE,
                               title=LONG_TITLE, hours="1.5", issue_date=STARTS.date())
