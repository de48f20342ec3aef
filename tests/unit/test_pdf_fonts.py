"""Fonts of the documents: ToUnicode for rare characters, official fonts with per-glyph fallback,
settings, discovery, and the documents layer's import rules."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from typing import Any

import pytest
from fontTools import subset
from fontTools.ttLib import TTFont as FontToolsFont

from tests.unit.test_pdf_samples import (
    APPLICANT,
    COMMISSION,
    font_report,
    hearing,
    needs_poppler,
    pdf_text,
    poppler_text,
)
from tribunal import resources
from tribunal.documents.fonts import (
    FontSettings,
    find_official_fonts,
    load_fonts,
    to_unicode_cmap,
)
from tribunal.documents.notice import HearingNotice, NoticeTarget

RARE = "䶮𬱖𬉼"  # U+4DAE (extension A), U+2CC56 and U+2C27C (extension E)
# What an official GB2312-era font covers in this test: the common characters of a notice.
COMMON = ("邵阳市劳动人事争议仲裁委员会开庭通知书劳人仲案字第号申请人被申请人张三王五李四有限公司"
          "本委受理的与一案由担任首席书记员定于年月日在公开审现将事项如下：，。、；（）《》")


@pytest.fixture(scope="module")
def official_font(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small TrueType font standing in for simfang.ttf: common characters only, no rare ones."""
    options = subset.Options()
    options.name_IDs = ["*"]
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    font = FontToolsFont(str(resources.font_path("regular")), lazy=True)
    sub = subset.Subsetter(options)
    sub.populate(text=COMMON + "0123456789")
    sub.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4):
            record.string = "TestFangSong"
        elif record.nameID == 6:
            record.string = "TestFangSong-Regular"
    path = tmp_path_factory.mktemp("fonts") / "simfang.ttf"
    font.save(str(path))
    return path


def _with_applicant(name: str) -> Any:
    h = hearing()
    return dataclasses.replace(h, parties=(dataclasses.replace(h.parties[0], name=name), *h.parties[1:]))


# ---------------------------------------------------------------- ToUnicode


def test_tounicode_writes_surrogate_pairs_above_the_bmp() -> None:
    cmap = to_unicode_cmap("F1", [0, 0x5F20, 0x4DAE, 0x2CC56, 0x2C27C])
    assert "<01> <5F20>" in cmap
    assert "<02> <4DAE>" in cmap
    assert "<03> <D873DC56>" in cmap
    assert "<04> <D870DE7C>" in cmap
    # ReportLab's own map would have said <2CC56>: five digits, read as garbage by viewers.
    assert "2CC56>" not in cmap
    assert "<00> <04>" in cmap  # code space covers the subset


def test_tounicode_blocks_hold_at_most_100_entries() -> None:
    cmap = to_unicode_cmap("F1", list(range(0x4E00, 0x4E00 + 256)))
    assert [line for line in cmap.splitlines() if line.endswith("beginbfchar")] == [
        "100 beginbfchar", "100 beginbfchar", "56 beginbfchar"]
    assert "<FF> <4EFF>" in cmap


@needs_poppler
def test_rare_characters_print_and_copy_back(tmp_path: Path) -> None:
    h = _with_applicant(f"张{RARE}")
    r = HearingNotice(COMMISSION).render(NoticeTarget(h, h.parties[0]))
    assert r.missing_characters == ""
    text = poppler_text(r.data, tmp_path)
    assert f"张{RARE}：" in text
    assert f"申请人张{RARE}与被申请人" in text.replace("\n", "")


# ---------------------------------------------------------------- official fonts and fallback


def test_bundled_fonts_by_default() -> None:
    fonts = load_fonts()
    assert fonts.role_font == {"fangsong": "TrbNotoSerifSC", "xiaobiaosong": "TrbNotoSerifSC-Bold",
                               "heiti": "TrbNotoSerifSC-Bold", "kaiti": "TrbNotoSerifSC"}
    assert not fonts.uses_official_fonts
    assert fonts.warnings == ()
    assert fonts.runs(f"张{RARE}", "TrbNotoSerifSC") == [("TrbNotoSerifSC", f"张{RARE}")]


def test_official_font_is_used_and_rare_glyphs_fall_back(official_font: Path) -> None:
    fonts = load_fonts(FontSettings(fangsong=str(official_font)))
    body = fonts.font("fangsong")
    assert body.startswith("TrbOfficial-")
    assert fonts.uses_official_fonts
    assert fonts.font("xiaobiaosong") == "TrbNotoSerifSC-Bold"
    assert fonts.runs(f"张{RARE}三", body) == [(body, "张"), ("TrbNotoSerifSC", RARE), (body, "三")]
    assert fonts.markup("张䶮<", body) == '张<font name="TrbNotoSerifSC">䶮&lt;</font>'
    assert fonts.missing(f"张{RARE}") == ""


@needs_poppler
def test_notice_with_official_font_embeds_both_and_keeps_rare_names(official_font: Path, tmp_path: Path) -> None:
    fonts = load_fonts(FontSettings(fangsong=str(official_font)))
    h = _with_applicant(f"张{RARE}")
    r = HearingNotice(COMMISSION, fonts).render(NoticeTarget(h, h.parties[0]))
    rows = font_report(r.data, tmp_path)
    names = {row[0].split("+", 1)[1] for row in rows}
    assert names == {"TestFangSong-Regular", "NotoSerifSC-Regular", "NotoSerifSC-Bold"}
    assert all(row[-5] == "yes" for row in rows), rows  # the "emb" column
    assert f"张{RARE}" in poppler_text(r.data, tmp_path)
    assert r.missing_characters == ""


def test_missing_or_unusable_official_fonts_fall_back_with_a_warning(tmp_path: Path) -> None:
    fake = tmp_path / "simhei.otf"
    fake.write_bytes(b"OTTO" + b"\0" * 64)
    fonts = load_fonts(FontSettings(kaiti=str(tmp_path / "nowhere.ttf"), heiti=str(fake)))
    assert fonts.font("kaiti") == "TrbNotoSerifSC"
    assert fonts.font("heiti") == "TrbNotoSerifSC-Bold"
    assert len(fonts.warnings) == 2
    assert fonts.warnings[0].startswith("黑体（一级标题）字体文件")
    assert "postscript outlines are not supported" in fonts.warnings[0]
    assert fonts.warnings[0].endswith("已改用内置字体；请选择 TrueType（.ttf/.ttc）字体")
    assert fonts.warnings[1] == f"未找到楷体（二级标题）字体文件“{tmp_path / 'nowhere.ttf'}”，已改用内置字体"


def test_font_settings_from_the_settings_values() -> None:
    values = {"documents.font_fangsong": "C:/Windows/Fonts/simfang.ttf", "documents.font_heiti": None}
    assert FontSettings.from_mapping(values) == FontSettings(fangsong="C:/Windows/Fonts/simfang.ttf")


def test_find_official_fonts_by_their_usual_names(tmp_path: Path) -> None:
    (tmp_path / "SIMFANG.TTF").write_bytes(b"x")
    (tmp_path / "arial.ttf").write_bytes(b"x")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "simkai.ttf").write_bytes(b"x")
    found = find_official_fonts([tmp_path, tmp_path / "absent"])
    assert found == {"fangsong": tmp_path / "SIMFANG.TTF", "kaiti": tmp_path / "more" / "simkai.ttf"}


def test_text_without_poppler_still_extracts_rare_characters() -> None:
    h = hearing()
    r = HearingNotice(COMMISSION).render(NoticeTarget(h, h.parties[0]))
    assert f"{APPLICANT}：" in pdf_text(r.data)


# ---------------------------------------------------------------- layer rule


def test_documents_package_takes_plain_data_only() -> None:
    """documents/ never imports SQLAlchemy, the services, the database layer or Qt."""
    package = Path(__file__).resolve().parents[2] / "src" / "tribunal" / "documents"
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("sqlalchemy", "tribunal.services", "tribunal.db", "PySide6")), (
                    f"{path.name} imports {name}")
