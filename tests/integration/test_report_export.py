"""Report exports: the .xlsx recalculated by a real spreadsheet program, the PDF, refusals.

LibreOffice (Debian's libreoffice-calc-nogui, installed by .ci/run) opens the exported
workbook headless, recalculates every formula and saves a copy; the copy's totals must
equal the program's own figures.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from tests.conftest import copy_database
from tests.integration.data.reports import TODAY
from tribunal.db.models import Enterprise
from tribunal.domain.names import enterprise_name_key
from tribunal.errors import ValidationError
from tribunal.services import report_export, reports
from tribunal.services.reports import ReportRequest

NOVEMBER = ReportRequest(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
FORMULA_NAME = '=HYPERLINK("http://example.invalid","点此领取补贴")有限公司'


@pytest.fixture
def db_path(report_world_file, tmp_path):
    """The conftest's database, holding the hand-built register already (built once per run)."""
    return copy_database(report_world_file[0], tmp_path)


@pytest.fixture
def world(report_world_file, db):
    w = report_world_file[1]
    with db.session() as s:  # an imported name that looks like a formula, never reached
        s.add(Enterprise(name=FORMULA_NAME, normalised_name=enterprise_name_key(FORMULA_NAME), zone_id=w.zone_a))
    return w


def _recalculate(source: Path, out_dir: Path) -> Path:
    """Open ``source`` in LibreOffice headless, recalculate, save as .xlsx in ``out_dir``."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
    profile = out_dir / "profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--calc",
         "--convert-to", "xlsx", "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    result = out_dir / source.name
    assert result.exists(), "LibreOffice wrote no file"
    return result


def _rows_by_label(sheet) -> dict[str, tuple]:
    return {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]}


def test_workbook_recalculated_by_libreoffice_matches_the_figures(db, world, tmp_path):
    circuit = reports.circuit_report(db, NOVEMBER, today=TODAY)
    stats = reports.stats_report(db, NOVEMBER, today=TODAY)
    (tmp_path / "out").mkdir()
    circuit_file = report_export.export_report(db, circuit, tmp_path / "巡回庭.xlsx")
    stats_file = report_export.export_report(db, stats, tmp_path / "统计表.xlsx")

    # As written: totals are formulas (no cached values), numbers are numbers, text is text.
    book = openpyxl.load_workbook(circuit_file)
    sheet = book["主要数据"]
    assert sheet.freeze_panes == "B4"
    assert [c.value for c in sheet[3]] == ["项目", "本期", "去年同期", "说明"]
    assert sheet.column_dimensions["A"].width == 46
    formulas = {row[0].value: row[1].value for row in sheet.iter_rows(min_row=4) if row[1].data_type == "f"}
    assert set(formulas) >= {"现场审理案件（件）", "巡回庭案件结案（件）", "调解成功率", "按期结案率（不含延长）"}
    sessions = next(r for r in sheet.iter_rows(min_row=4) if r[0].value == "巡回开庭场次（场）")
    assert sessions[1].value == 4 and sessions[1].data_type == "n" and sessions[1].number_format == "#,##0"
    money = next(r for r in sheet.iter_rows(min_row=4) if r[0].value == "调解金额（元）")
    assert money[1].value == 110_000 and money[1].number_format == "#,##0.00"
    never = book["从未覆盖的企业"]
    cell = next(c for row in never.iter_rows(min_row=4) for c in row if c.value == FORMULA_NAME)
    assert cell.data_type == "s"

    # Recalculated by LibreOffice.
    recalculated = _recalculate(circuit_file, tmp_path / "out")
    calc = openpyxl.load_workbook(recalculated, data_only=True)
    rows = _rows_by_label(calc["主要数据"])
    c = circuit.current
    assert rows["现场审理案件（件）"][1:3] == (c.cases_on_site, circuit.last_year.cases_on_site)
    assert rows["巡回庭案件结案（件）"][1] == c.circuit_closed
    assert rows["调解成功率"][1] == pytest.approx(c.mediation_rate)
    assert rows["按期结案率（不含延长）"][1] == pytest.approx(c.on_time_rate)
    assert rows["按期结案率（含经批准延长）"][1] == pytest.approx(c.on_time_allowed_rate)
    monthly = _rows_by_label(calc["月度数据"])
    assert monthly["合计"][1:6] == (sum(m.sessions for m in circuit.monthly), sum(m.hearings for m in circuit.monthly),
                                  sum(m.observers for m in circuit.monthly), sum(m.mediated for m in circuit.monthly),
                                  sum(m.awarded for m in circuit.monthly))
    assert monthly["2026-11"][6] == pytest.approx(0.5)
    zones = _rows_by_label(calc["各开发区覆盖"])
    assert zones["合计"][1:3] == (sum(z.reached for z in circuit.reach_by_zone),
                                sum(z.directory for z in circuit.reach_by_zone))
    # The look-alike formula stayed text through a real spreadsheet program.
    names = [row[1] for row in calc["从未覆盖的企业"].iter_rows(min_row=4, values_only=True)]
    assert FORMULA_NAME in names

    stats_calc = openpyxl.load_workbook(_recalculate(stats_file, tmp_path / "out"), data_only=True)
    table = _rows_by_label(stats_calc["主要数据"])
    assert table["本期受理案件（件）"][1] == stats.value("accepted") == 6
    assert table["本期结案（件）"][1] == stats.value("closed") == 7
    assert table["期末未结案件（件）"][1:3] == (stats.value("carried_forward"),
                                          next(line.last for line in stats.lines if line.key == "carried_forward"))


def _text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))


def test_pdf_has_the_figures_the_charts_and_page_x_of_y(db, world, tmp_path):
    circuit = reports.circuit_report(db, NOVEMBER, today=TODAY)
    path = report_export.export_report(db, circuit, tmp_path / "巡回庭.pdf")
    data = path.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    pages = len(reader.pages)
    assert pages >= 2
    text = _text(data)
    assert "巡回仲裁庭工作情况统计表" in text and "统计期间：2026年11月" in text
    assert f"第1页共{pages}页" in text and f"第{pages}页共{pages}页" in text
    assert "巡回开庭场次（场）41" in text  # this period 4, last year 1
    assert "每月在企业开庭次数与旁听人次" in text and "各开发区覆盖企业" in text  # the charts
    assert "乙八五金有限公司" in text and "调解成功率＝调解结案数" in text
    for page in reader.pages:  # every font embedded (no Helvetica from the charts)
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(k in descriptor.get_object() for k in ("/FontFile2", "/FontFile", "/FontFile3")), font["/BaseFont"]
    stats = reports.stats_report(db, NOVEMBER, today=TODAY)
    stats_text = _text(report_export.pdf_bytes(db, stats))
    assert "劳动人事争议处理情况统计表" in stats_text and "期末未结案件（件）40" in stats_text


def test_charts_as_svg_for_the_screen(db, world):
    svgs = report_export.chart_svgs(reports.circuit_report(db, NOVEMBER, today=TODAY))
    assert set(svgs) == {"monthly", "types", "mediation", "reach"}
    for svg in svgs.values():
        text = svg.decode("utf-8")
        assert text.startswith("<?xml") and "<svg" in text
        assert "clipPath" not in text and "Noto Serif SC" in text and "TrbNoto" not in text
    assert "现场审理案件按案由" in svgs["types"].decode()


def test_bad_export_targets_change_nothing(db, world, tmp_path):
    report = reports.stats_report(db, NOVEMBER, today=TODAY)
    with pytest.raises(ValidationError, match=r"\.xlsx 或 \.pdf"):
        report_export.export_report(db, report, tmp_path / "统计.csv")
    with pytest.raises(ValidationError, match="文件夹不存在"):
        report_export.export_report(db, report, tmp_path / "没有这个文件夹" / "统计.xlsx")
    (tmp_path / "是文件夹.xlsx").mkdir()
    with pytest.raises(ValidationError, match="是文件夹"):
        report_export.export_report(db, report, tmp_path / "是文件夹.xlsx")
    # A name the file system refuses (over 255 bytes): the temporary file is removed again.
    with pytest.raises(ValidationError, match="无法写入"):
        report_export.export_report(db, report, tmp_path / ("统计" * 50 + ".xlsx"))
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("tribunal.sqlite3")) == [
        "是文件夹.xlsx"]
