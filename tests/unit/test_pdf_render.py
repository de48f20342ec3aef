"""Every document renders: expected fields, embedded fonts, A4, wrapping inside the text block,
identical bytes for identical data, a non-blank page — from plain data, without a database."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from tests.unit.test_pdf_samples import (
    APPLICANT,
    CERTIFICATE,
    COMMISSION,
    DAY,
    PUBLIC,
    RESPONDENT,
    TEACHING,
    hearing,
    invitees,
    letter,
    needs_poppler,
    page_sizes,
    pdf_text,
)
from tribunal.documents.announcement import HearingAnnouncement
from tribunal.documents.base import DocumentRenderer, Rendered
from tribunal.documents.certificate import AttendanceCertificate, CertificateData
from tribunal.documents.day_list import DayListSheet
from tribunal.documents.handout import HandoutData, TrainingHandout
from tribunal.documents.invitation import InvitationData, ObserverInvitation
from tribunal.documents.notice import HearingNotice, NoticeTarget
from tribunal.documents.observer_rules import ObserverRules
from tribunal.documents.service_receipt import ServiceReceipt
from tribunal.documents.sign_in import SignInData, SignInSheet

A4 = (595.2756, 841.8898)
A4_LANDSCAPE = (841.8898, 595.2756)


def _squash(text: str) -> str:
    """Extracted text without the line breaks and spaces the layout put in."""
    return re.sub(r"\s+", "", text)


@dataclasses.dataclass(frozen=True)
class Case:
    """One document to render and what its text must (and must not) contain."""

    name: str
    make: Callable[[], tuple[type[DocumentRenderer[Any]], Any]]
    expected: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    pages: int = 1
    size: tuple[float, float] = A4


CASES = [
    Case("notice", lambda: (HearingNotice, NoticeTarget(hearing(), hearing().parties[0])),
         ("邵阳市劳动人事争议仲裁委员会", "开庭通知书", "邵劳人仲案字〔2026〕第1号", f"{APPLICANT}：",
          "申请人张䶮𬱖与被申请人邵阳宝庆精密机械有限公司、第三人邵阳市天成保安服务有限公司工伤保险待遇争议一案",
          "由李建国担任首席仲裁员，王淑芬、张卫东担任仲裁员，组成仲裁庭，由赵静担任书记员",
          "2026年12月9日（星期三）上午9时30分", "湖南湘中纺织科技有限公司职工活动中心会议室（邵阳经开区巡回仲裁庭）",
          "地址：邵阳市宝庆大道66号", "路线：从厂区正门进入", "应携带的材料", "可以视为撤回仲裁申请",
          "《劳动争议调解仲裁法》第三十五条", "开庭三日前", "书记员赵静，联系电话：0739-5550001",
          "二〇二六年十一月二十七日"),
         forbidden=("缺席裁决",), pages=2),
    Case("notice to the respondent", lambda: (HearingNotice, NoticeTarget(hearing(), hearing().parties[1])),
         (f"{RESPONDENT}：", "营业执照复印件", "可以缺席裁决"), forbidden=("视为撤回",), pages=2),
    Case("notice to an agent", lambda: (HearingNotice, NoticeTarget(hearing(), hearing().parties[0],
                                                                     hearing().parties[0].agents[0])),
         ("湖南宝庆律师事务所律师王某某（申请人张䶮𬱖的委托代理人）：", "请转告被代理人", "律师执业证",
          "律师事务所出具的所函", "授权委托书"), forbidden=("本人身份证件",), pages=2),
    Case("proof of service on an agent", lambda: (ServiceReceipt, NoticeTarget(hearing(), hearing().parties[0],
                                                                                hearing().parties[0].agents[0])),
         ("湖南宝庆律师事务所律师王某某（申请人张䶮𬱖的委托代理人）", "湖南省邵阳市双清区东大路88号宝庆大厦12楼"),
         forbidden=("城南路12号",)),
    Case("notice of a closed hearing",
         lambda: (HearingNotice, NoticeTarget(dataclasses.replace(hearing(public=False), id=4), hearing().parties[1])),
         ("不公开开庭审理", "本案依法不公开审理，理由：涉及个人隐私"), forbidden=("旁听人员的材料",), pages=2),
    Case("proof of service", lambda: (ServiceReceipt, NoticeTarget(hearing(), hearing().parties[0])),
         ("送达回证", "邵劳人仲案字〔2026〕第1号", "工伤保险待遇争议", APPLICANT,
          "开庭通知书（定于2026年12月9日（星期三）上午9时30分开庭）", "湖南省邵阳市大祥区城南路12号",
          "□直接送达", "赵静", "签名或者盖章", "收到日期", "代收理由", "《民事诉讼法》第八十九条")),
    Case("announcement", lambda: (HearingAnnouncement, PUBLIC),
         ("开庭公告", "本委定于2026年12月9日（星期三）上午9时30分",
          "公开开庭审理张某与某精密机械有限公司工伤保险待遇争议一案", "首席仲裁员李建国和仲裁员王淑芬、张卫东组成",
          "特此公告"), forbidden=(APPLICANT, RESPONDENT, "第1号", "请张贴", "撤下")),
    Case("invitation", lambda: (ObserverInvitation, InvitationData(PUBLIC, letter(2))),
         ("旁听邀请函", "邵阳市资江食品有限公司：", "诚邀贵单位刘晓燕0、刘晓红1参加", "9:10—9:30", "签到入场",
          "庭审观摩：张某与某精密机械有限公司工伤保险待遇争议一案", "以案释法：工伤保险待遇争议的预防与处理",
          "请于2026年12月6日前交回回执", "本次为贵单位预留旁听席位2个", "附件1", "旁听须知", "附件2", "签到码",
          "附件3", "回执", "手机号码", "是否参加培训", "本函所涉案件的当事人已作隐名处理"),
         forbidden=(APPLICANT, RESPONDENT, "第1号"), pages=4),
    Case("observers' rules", lambda: (ObserverRules, PUBLIC),
         ("旁听须知", "年满十八周岁", "不得录音、录像、拍照", "保密义务", "《劳动人事争议仲裁办案规则》第四十三条")),
    Case("sign-in sheet", lambda: (SignInSheet, SignInData(PUBLIC, invitees(3))),
         ("巡回仲裁庭审观摩暨劳动法律培训签到表", "庭审案件：张某与某精密机械有限公司工伤保险待遇争议",
          "序号", "签到时间", "签名", "刘晓燕0", "人力资源部经理", "个人信息说明", "六个月内销毁"),
         forbidden=(APPLICANT, "联系电话", "身份证")),
    Case("day list", lambda: (DayListSheet, DAY),
         ("邵阳经开区巡回仲裁庭开庭排期表", "2026年12月9日（星期三）共2场", "申请人：张䶮𬱖",
          "被申请人：邵阳宝庆精密机械有限公司", "不公开", "独任仲裁员王淑芬", "内部工作用表"),
         size=A4_LANDSCAPE),
    Case("handout", lambda: (TrainingHandout, HandoutData(PUBLIC, TEACHING)),
         ("劳动法律培训讲义", "案例：张某与某精密机械有限公司工伤保险待遇争议", "2026年11月，劳动者一方申请",
          "支付一次性伤残补助金，约5.6万元", "工伤事故发生后三十日内申请认定", "法律依据：《工伤保险条例》第十七条",
          "12333", "本讲义仅供学习交流"), forbidden=(APPLICANT, RESPONDENT), pages=2),
    Case("certificate", lambda: (AttendanceCertificate, CertificateData(PUBLIC, CERTIFICATE)),
         ("培训证明", "〔2026〕巡培字第3-1号", "兹证明邵阳市资江食品有限公司刘晓燕同志（人力资源部经理）",
          "旁听了张某与某精密机械有限公司工伤保险待遇争议一案的庭审", "培训时长3小时", "特此证明"),
         forbidden=(APPLICANT,)),
]


@pytest.fixture(scope="module")
def rendered() -> dict[str, Rendered]:
    out = {}
    for case in CASES:
        cls, data = case.make()
        out[case.name] = cls(COMMISSION).render(data)
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_text_holds_the_expected_fields(case: Case, rendered: dict[str, Rendered]) -> None:
    text = _squash(pdf_text(rendered[case.name].data))
    for field in case.expected:
        assert _squash(field) in text, field
    for field in case.forbidden:
        assert _squash(field) not in text, field


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_pages_are_a4_and_counted(case: Case, rendered: dict[str, Rendered]) -> None:
    r = rendered[case.name]
    sizes = page_sizes(r.data)
    assert len(sizes) == r.pages == case.pages
    for width, height in sizes:
        assert width == pytest.approx(case.size[0], abs=0.01)
        assert height == pytest.approx(case.size[1], abs=0.01)


def _fonts(data: bytes) -> list[Any]:
    fonts = []
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).get_object().values():
            fonts.append(ref.get_object())
    return fonts


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_every_font_is_embedded_truetype(case: Case, rendered: dict[str, Rendered]) -> None:
    fonts = _fonts(rendered[case.name].data)
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType", font.get("/BaseFont")
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]
        assert "/ToUnicode" in font
        assert "NotoSerifSC" in font["/BaseFont"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_same_data_gives_the_same_bytes(case: Case, rendered: dict[str, Rendered]) -> None:
    cls, data = case.make()
    again = cls(COMMISSION).render(data)
    assert again.data == rendered[case.name].data
    assert again.missing_characters == ""


def test_documents_differ_from_each_other_in_their_file_id(rendered: dict[str, Rendered]) -> None:
    ids = {PdfReader(io.BytesIO(r.data)).trailer["/ID"][0] for r in rendered.values()}
    assert len(ids) == len(rendered)


def test_creation_date_comes_from_the_issue_date(rendered: dict[str, Rendered]) -> None:
    info = PdfReader(io.BytesIO(rendered["notice"].data)).metadata
    assert info["/CreationDate"] == "D:20261127000000+08'00'"
    assert info["/Title"] == f"开庭通知书（{APPLICANT}）"


def test_bytes_do_not_depend_on_what_the_process_rendered_before(rendered: dict[str, Rendered],
                                                                  tmp_path: Path) -> None:
    """A fresh process (cold caches) writes exactly the same notice."""
    script = (
        "import sys\n"
        "from tests.unit.test_pdf_samples import COMMISSION, hearing\n"
        "from tribunal.documents.notice import HearingNotice, NoticeTarget\n"
        "h = hearing()\n"
        "sys.stdout.buffer.write(HearingNotice(COMMISSION).render(NoticeTarget(h, h.parties[0])).data)\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {"PYTHONPATH": f"{root / 'src'}:{root}", "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "random"}
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, cwd=root, env=env)
    assert out.stdout == rendered["notice"].data


def test_a_notice_stays_under_100_kb(rendered: dict[str, Rendered]) -> None:
    assert len(rendered["notice"].data) < 100_000


def test_a_character_no_font_has_is_reported() -> None:
    h = hearing()
    odd = dataclasses.replace(h.parties[0], name="张三😀")
    r = HearingNotice(COMMISSION).render(NoticeTarget(h, odd))
    assert r.missing_characters == "😀"
    assert r.warnings == ("《开庭通知书（张三😀）》中有字体无法显示的字符：😀，请核对姓名或改用其他写法",)


# ---------------------------------------------------------------- layout checks with poppler


def _word_boxes(data: bytes, tmp_path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) for every word pdftotext finds."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(data)
    # Positions are what matter here; poppler's HTML output writes a supplementary-plane
    # character as two surrogates, which is not valid UTF-8, hence errors="replace".
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8", errors="replace")
    boxes = []
    for page_no, page in enumerate(html.split("<page ")[1:], 1):
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                             page):
            boxes.append((page_no, *(float(m.group(i)) for i in range(1, 5)), m.group(5)))
    return boxes


def _long_address_receipt() -> tuple[Any, Any]:
    h = hearing(address="湖南省邵阳市大祥区" + "城南路十二号院内东侧" * 12)
    return ServiceReceipt, NoticeTarget(h, h.parties[0])


def _many_applicants_notice() -> tuple[Any, Any]:
    h = hearing(extra_applicants=40)
    return HearingNotice, NoticeTarget(h, h.parties[0])


@needs_poppler
@pytest.mark.parametrize(("make", "min_pages"), [
    (_many_applicants_notice, 2),
    (_long_address_receipt, 1),
    (lambda: (DayListSheet, dataclasses.replace(DAY, rows=DAY.rows * 12)), 2),
    (lambda: (SignInSheet, SignInData(PUBLIC, invitees(30, enterprise="湖南省邵阳市经济技术开发区某某智能装备制造股份有限公司"))),
     3),
], ids=["notice-40-applicants", "receipt-long-address", "day-list-24-rows", "sign-in-30-observers"])
def test_long_content_wraps_inside_the_text_block(make: Callable[[], tuple[Any, Any]], min_pages: int,
                                                  tmp_path: Path) -> None:
    cls, data = make()
    r = cls(COMMISSION).render(data)
    assert r.pages >= min_pages
    width, _height = cls.PAGE_SIZE
    left, right = cls.LEFT_MARGIN, width - cls.RIGHT_MARGIN
    boxes = _word_boxes(r.data, tmp_path)
    assert boxes
    for page, x_min, y_min, x_max, _y_max, word in boxes:
        assert x_min >= left - 1, (page, word, x_min)
        assert x_max <= right + 1, (page, word, x_max)
        assert y_min >= 8 * mm, (page, word, y_min)  # nothing falls off the foot of the page
    # Every page of the text block is used: nothing was squeezed onto fewer pages.
    assert {b[0] for b in boxes} == set(range(1, r.pages + 1))


def test_page_numbers_say_x_of_y_on_forms_and_dashes_on_letters(rendered: dict[str, Rendered]) -> None:
    sheet = SignInSheet(COMMISSION).render(SignInData(PUBLIC, invitees(30)))
    text = _squash(pdf_text(sheet.data))
    assert sheet.pages == 4  # 30 invitees with their codes and 10 blank rows
    assert all(f"第{n}页共4页" in text for n in (1, 2, 3, 4))
    notice = _squash(pdf_text(rendered["notice"].data))
    assert "—1—" in notice and "—2—" in notice and "共2页" not in notice
    # One-page documents carry no page number at all.
    assert "—1—" not in _squash(pdf_text(rendered["announcement"].data))


@needs_poppler
def test_qr_code_draws_exactly_like_reportlabs_own(tmp_path: Path) -> None:
    """The fast QR drawing puts every module where ReportLab's QR flowable puts it."""
    from reportlab.graphics.barcode.qr import QrCode
    from reportlab.pdfgen.canvas import Canvas

    from tribunal.documents.base import QrMark

    value = "TRB1:00000000abc00001"
    images = []
    for name, flowable in (("ours", QrMark(value, 60 * mm)),
                           ("reportlab", QrCode(value, width=60 * mm, height=60 * mm, qrBorder=2, qrLevel="M"))):
        canvas = Canvas(str(tmp_path / f"{name}.pdf"), pagesize=(60 * mm, 60 * mm))
        flowable.wrapOn(canvas, 60 * mm, 60 * mm)
        flowable.drawOn(canvas, 0, 0)
        canvas.save()
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-gray", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
        images.append(Image.open(tmp_path / f"{name}.png").convert("L"))
    ours, theirs = images
    assert ours.size == theirs.size
    # Compare module by module, at each module's centre: 25 modules (version 2) + 2 × 2 border.
    units = 29
    step = ours.size[0] / units
    centres = [(int((c + 0.5) * step), int((r + 0.5) * step)) for r in range(units) for c in range(units)]
    ours_dark = [ours.getpixel(xy) < 128 for xy in centres]
    assert ours_dark == [theirs.getpixel(xy) < 128 for xy in centres]
    assert 0.3 < sum(ours_dark) / len(centres) < 0.7  # a real code, not an empty square


@needs_poppler
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_first_page_renders_to_a_non_blank_png(case: Case, rendered: dict[str, Rendered], tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(rendered[case.name].data)
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(tmp_path / "page")], check=True)
    image = Image.open(tmp_path / "page.png").convert("L")
    histogram = image.histogram()
    dark = sum(histogram[:128]) / sum(histogram)
    width, height = image.size
    assert width / height == pytest.approx(case.size[0] / case.size[1], rel=0.01)
    assert 0.005 < dark < 0.5, dark
