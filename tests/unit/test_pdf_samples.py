"""Sample data for the PDF tests (no database), the PDF inspection helpers, and formatting tests."""

from __future__ import annotations

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
