"""The libraries' internals the program replaces or calls are still where the patches expect them.

``documents/fonts.py`` and ``documents/linebreak.py`` replace ReportLab functions (the
ToUnicode map, subset embedding, CJK line breaking, justification, character widths) and
``documents/base.py`` reaches into its canvas and document objects; ``domain/legal_calendar.py``
reads ``chinese_calendar``'s data tables. None of these is public API. A release that renames
or reshapes one would not fail loudly: a replacement that is no longer looked up simply stops
working (lines break the old way, rare characters copy out wrong), and a changed parameter
list breaks a render somewhere deep. So each internal is checked here by name and parameter
names, and each failure says which internal moved and which file depends on it.

pyproject.toml bounds reportlab and chinesecalendar to the releases this file passed on;
widen a bound only after this file and ``tests/unit/test_pdf*.py`` pass on the new release.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import inspect
import io
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest

FONTS = "src/tribunal/documents/fonts.py"
LINEBREAK = "src/tribunal/documents/linebreak.py"
BASE = "src/tribunal/documents/base.py"
CALENDAR = "src/tribunal/domain/legal_calendar.py"


@dataclass(frozen=True)
class Internal:
    """One internal: ``module:attribute.path``, the parameters the patch relies on, who relies on it.

    ``replaced``: the program puts its own function in its place, so ReportLab calls ours
    with its own arguments: the parameter list must be exactly ``params``. Otherwise the
    program calls it: ``params`` must come first, by these names, and anything after them
    must be optional.
    """

    path: str
    params: tuple[str, ...] | None
    used_by: str
    replaced: bool = False

    @property
    def name(self) -> str:
        return self.path.split(":")[1]


INTERNALS = (
    # documents/fonts.py
    Internal("reportlab.pdfbase.ttfonts:makeToUnicodeCMap", ("fontname", "subset"), FONTS, replaced=True),
    Internal("reportlab.pdfbase.ttfonts:TTFontFace.get_table", ("self", "tag"), FONTS, replaced=True),
    Internal("reportlab.pdfbase.ttfonts:TTFontFace.addSubsetObjects", ("self", "doc", "fontname", "subset"),
             FONTS, replaced=True),
    Internal("reportlab.pdfbase.ttfonts:TTFontFace.makeSubset", ("self", "subset"), FONTS),
    Internal("reportlab.pdfbase.ttfonts:TTFontFace.getCharWidth", ("self", "code"), FONTS),
    Internal("reportlab.pdfbase.ttfonts:TTFont.addObjects", ("self", "doc"), FONTS, replaced=True),
    Internal("reportlab.pdfbase.ttfonts:TTFont.State", ("asciiReadable",), FONTS),
    Internal("reportlab.pdfbase.ttfonts:TTFont.getSubsetInternalName", ("self", "subset", "doc"), FONTS),
    Internal("reportlab.pdfbase.ttfonts:TTFont.splitString", ("self", "text", "doc"), BASE),
    Internal("reportlab.pdfbase.ttfonts:SUBSETN", ("n",), FONTS),
    Internal("reportlab.pdfbase.ttfonts:FF_SYMBOLIC", None, FONTS),
    Internal("reportlab.pdfbase.ttfonts:FF_NONSYMBOLIC", None, FONTS),
    Internal("reportlab.pdfbase.pdfdoc:PDFTrueTypeFont", (), FONTS),
    Internal("reportlab.pdfbase.pdfdoc:PDFStream", (), FONTS),
    Internal("reportlab.pdfbase.pdfdoc:PDFArray.format", ("self", "document"), FONTS),
    Internal("reportlab.pdfbase.pdfdoc:PDFDictionary", ("dict",), FONTS),
    Internal("reportlab.pdfbase.pdfdoc:PDFName", ("data",), FONTS),
    Internal("reportlab.pdfbase.pdfdoc:PDFArray", ("sequence",), FONTS),
    # fonts._Formatted stands in for a value: ReportLab formats an object by element.format(document).
    Internal("reportlab.pdfbase.pdfdoc:format", ("element", "document"), FONTS),
    # documents/linebreak.py
    Internal("reportlab.lib.textsplit:wordSplit", ("word", "maxWidths", "fontName", "fontSize", "encoding"),
             LINEBREAK, replaced=True),
    Internal("reportlab.platypus.paragraph:wordSplit", ("word", "maxWidths", "fontName", "fontSize", "encoding"),
             LINEBREAK, replaced=True),
    Internal("reportlab.lib.textsplit:getCharWidths", ("word", "fontName", "fontSize"), LINEBREAK, replaced=True),
    Internal("reportlab.platypus.paragraph:cjkFragSplit", ("frags", "maxWidths", "calcBounds", "encoding"),
             LINEBREAK, replaced=True),
    Internal("reportlab.platypus.paragraph:cjkU", ("value", "frag", "encoding"), LINEBREAK),
    Internal("reportlab.platypus.paragraph:makeCJKParaLine",
             ("U", "maxWidth", "widthUsed", "extraSpace", "lineBreak", "calcBounds"), LINEBREAK),
    Internal("reportlab.platypus.paragraph:ParaLines", ("attr",), LINEBREAK),
    Internal("reportlab.platypus.paragraph:_justifyDrawParaLine", ("tx", "offset", "extraspace", "words", "last"),
             LINEBREAK, replaced=True),
    Internal("reportlab.platypus.paragraph:_justifyDrawParaLineX", ("tx", "offset", "line", "last"),
             LINEBREAK, replaced=True),
    Internal("reportlab.platypus.paragraph:_putFragLine", ("cur_x", "tx", "line", "last", "pKind"), LINEBREAK),
    Internal("reportlab.platypus.paragraph:setXPos", ("tx", "dx"), LINEBREAK),
    Internal("reportlab.pdfgen.textobject:PDFTextObject._textOut", ("self", "text", "TStar"), LINEBREAK),
    Internal("reportlab.pdfgen.textobject:PDFTextObject.setCharSpace", ("self", "charSpace"), LINEBREAK),
    # documents/base.py
    Internal("reportlab.pdfgen.canvas:Canvas._startPage", ("self",), BASE),
    Internal("reportlab.pdfgen.canvas:Canvas.showPage", ("self",), BASE, replaced=True),
    Internal("reportlab.pdfgen.canvas:Canvas.save", ("self",), BASE, replaced=True),
    Internal("reportlab.pdfbase.pdfdoc:PDFDocument.updateSignature", ("self", "thing"), BASE),
    Internal("reportlab.graphics.barcode.qrencoder:QRCode", ("version", "errorCorrectLevel"), BASE),
    Internal("reportlab.graphics.barcode.qrencoder:QRCode.getModuleCount", ("self",), BASE),
    Internal("reportlab.graphics.barcode.qrencoder:QRErrorCorrectLevel.M", None, BASE),
    Internal("reportlab.rl_config:useA85", None, BASE),
    # domain/legal_calendar.py
    Internal("chinese_calendar:holidays", None, CALENDAR),
    Internal("chinese_calendar:workdays", None, CALENDAR),
)


@functools.cache
def _pristine(module_name: str) -> ModuleType:
    """A fresh copy of a module, as the library ships it, before the program replaced anything."""
    spec = importlib.util.find_spec(module_name)
    assert spec is not None and spec.origin is not None, module_name
    copy = importlib.util.spec_from_file_location(f"_pristine_{module_name.replace('.', '_')}", spec.origin)
    assert copy is not None and copy.loader is not None, module_name
    module = importlib.util.module_from_spec(copy)
    copy.loader.exec_module(module)
    return module


def _resolve(path: str, *, pristine: bool = False) -> Any:
    """The object at ``module:attribute.path``; ``pristine`` reads the library's own, unpatched copy."""
    module_name, attributes = path.split(":")
    obj: Any = _pristine(module_name) if pristine else importlib.import_module(module_name)
    for attribute in attributes.split("."):
        obj = getattr(obj, attribute)
    return obj


def _moved(internal: Internal, what: str) -> str:
    return (f"{internal.path}: {what}. {internal.used_by} depends on it; adapt that file to this "
            "release (or keep the version bound in pyproject.toml) before widening the range")


@pytest.mark.parametrize("internal", INTERNALS, ids=lambda i: i.path)
def test_internal_exists_with_the_parameters_the_patch_expects(internal: Internal) -> None:
    try:
        obj = _resolve(internal.path, pristine=internal.replaced)
    except (ImportError, AttributeError) as error:
        pytest.fail(_moved(internal, f"no longer exists ({error})"))
    if internal.params is None:
        return
    parameters = list(inspect.signature(obj).parameters.values())
    names = tuple(p.name for p in parameters)
    if internal.replaced:
        assert names == internal.params, _moved(
            internal, f"now takes ({', '.join(names)}), the replacement takes ({', '.join(internal.params)})")
        return
    assert names[: len(internal.params)] == internal.params, _moved(
        internal, f"now takes ({', '.join(names)}), the program passes ({', '.join(internal.params)})")
    required = [p.name for p in parameters[len(internal.params):]
                if p.default is inspect.Parameter.empty
                and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)]
    assert not required, _moved(internal, f"now also requires {', '.join(required)}")


# ---------------------------------------------------------------- the replacements are looked up


@pytest.mark.parametrize(("caller", "name", "used_by"), [
    ("reportlab.platypus.paragraph:Paragraph.breakLinesCJK", "wordSplit", LINEBREAK),
    ("reportlab.platypus.paragraph:Paragraph.breakLinesCJK", "cjkFragSplit", LINEBREAK),
    ("reportlab.platypus.paragraph:Paragraph.breakLinesCJK", "ParaLines", LINEBREAK),
    ("reportlab.platypus.paragraph:Paragraph.drawPara", "_justifyDrawParaLine", LINEBREAK),
    ("reportlab.platypus.paragraph:Paragraph.drawPara", "_justifyDrawParaLineX", LINEBREAK),
    ("reportlab.pdfbase.ttfonts:TTFont.addObjects", "makeToUnicodeCMap", FONTS),
])
def test_reportlab_looks_the_replaced_functions_up_by_module_name(caller: str, name: str, used_by: str) -> None:
    """A replacement works only while ReportLab finds the function as a module global at call time."""
    code = _resolve(caller).__code__
    assert name in code.co_names, (
        f"{caller} no longer refers to {name} as a module global, so the replacement in {used_by} "
        "would be ignored; adapt that file to this release")


def test_line_breaking_and_justification_replacements_are_in_place() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    from tribunal.documents import linebreak

    linebreak.install()
    assert paragraph.wordSplit is linebreak._word_split, LINEBREAK
    assert paragraph.cjkFragSplit is linebreak._cjk_frag_split, LINEBREAK
    assert getattr(paragraph._justifyDrawParaLine, "_trb", False), LINEBREAK
    assert getattr(textsplit.getCharWidths, "_trb", False), LINEBREAK


# ---------------------------------------------------------------- the objects the patches reach into


@pytest.fixture(scope="module")
def drawn() -> dict[str, Any]:
    """A canvas that drew one line in the bundled font, and the objects the patches touch."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    from tribunal.documents.fonts import load_fonts

    name = load_fonts().font("fangsong")
    font = pdfmetrics.getFont(name)
    canvas = Canvas(io.BytesIO(), invariant=1)
    canvas.setFont(name, 12)
    text = canvas.beginText(72, 720)
    text.textOut("巡回仲裁庭䶮")
    canvas.drawText(text)
    return {"canvas": canvas, "doc": canvas._doc, "font": font, "face": font.face, "text": text}


@pytest.mark.parametrize(("owner", "attributes", "used_by"), [
    ("face", ("filename", "name", "subfontNameX", "ascent", "descent", "capHeight", "flags", "bbox",
              "italicAngle", "stemV", "defaultWidth", "charToGlyph"), FONTS),
    ("font", ("fontName", "face", "state", "_asciiReadable"), FONTS),
    ("doc", ("compression", "idToObject", "Reference", "_timeStamp"), f"{FONTS} and {BASE}"),
    ("canvas", ("_doc", "_pageNumber"), BASE),
    ("text", ("_fontsize",), LINEBREAK),
])
def test_objects_carry_the_attributes_the_patches_use(drawn: dict[str, Any], owner: str,
                                                      attributes: tuple[str, ...], used_by: str) -> None:
    missing = [a for a in attributes if not hasattr(drawn[owner], a)]
    assert not missing, f"ReportLab's {owner} object no longer has {', '.join(missing)}, which {used_by} uses"


def test_font_state_holds_subsets_and_freezes(drawn: dict[str, Any]) -> None:
    font, doc = drawn["font"], drawn["doc"]
    state = font.state[doc]
    assert isinstance(state, type(font).State), f"TTFont.state[doc] is no longer a TTFont.State ({FONTS})"
    assert hasattr(state, "subsets") and hasattr(state, "frozen"), (
        f"TTFont.State no longer has subsets/frozen, which {FONTS} reads and sets")
    assert "BasicFonts" in doc.idToObject and hasattr(doc.idToObject["BasicFonts"], "dict"), (
        f"PDFDocument.idToObject['BasicFonts'].dict, where {FONTS} registers each subset, has moved")


def test_the_stand_in_timestamp_has_every_field_of_reportlabs() -> None:
    """documents/base.py swaps the document's TimeStamp for one dated from the data."""
    from reportlab.lib.utils import TimeStamp

    from tribunal.documents.base import _Timestamp

    wanted = set(vars(TimeStamp(invariant=1)))
    missing = wanted - set(vars(_Timestamp(__import__("datetime").date(2026, 1, 5))))
    assert not missing, f"ReportLab's TimeStamp now also has {sorted(missing)}; add them to _Timestamp in {BASE}"


PROBE_TEXT = "邵阳市劳动人事争议仲裁委员会 开庭通知书 䶮𬱖 0739-5551234"


@pytest.fixture(scope="module")
def probe_font(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled font cut down to the probe text, under a face name of its own.

    ReportLab registers one font object per face name: a second TTFont of the bundled file
    would silently be replaced by the (already sped-up) bundled font.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont as FontToolsFont

    from tribunal import resources

    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = FontToolsFont(str(resources.font_path("regular")), lazy=True)
    cutter = subset.Subsetter(options)
    cutter.populate(text=PROBE_TEXT)
    cutter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4, 6):
            record.string = "TrbProbe-Regular"
    path = tmp_path_factory.mktemp("probe") / "probe.ttf"
    font.save(str(path))
    return str(path)


def test_sped_up_font_writes_the_same_bytes_as_reportlabs_own_methods(probe_font: str) -> None:
    """fonts._speed_up mirrors TTFontFace.addSubsetObjects and TTFont.addObjects with caches.

    One font draws the same page first with ReportLab's own methods, then sped up (twice:
    fresh, and from the cache); the three PDFs must be the same bytes but for the subset tag. A release that
    changes what those methods write fails here.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from tribunal.documents import fonts

    font = TTFont("TrbProbe", probe_font, asciiReadable=False)
    pdfmetrics.registerFont(font)
    assert pdfmetrics.getFont("TrbProbe") is font

    def page() -> bytes:
        buffer = io.BytesIO()
        # Uncompressed, so the subset tag can be compared as text (see below).
        canvas = Canvas(buffer, invariant=1, pageCompression=0)
        canvas.setFont("TrbProbe", 12)
        canvas.drawString(72, 720, PROBE_TEXT)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    plain = page()
    fonts._speed_up(font)
    assert font.addObjects.__qualname__.startswith("_speed_up"), f"{FONTS}: _speed_up did not take effect"
    # The one intended difference: ReportLab tags subsets AAAAAA, AAAAAB… by their number;
    # fonts.subset_tag derives the tag from the subset's characters. Same length, so the
    # rest of the file (offsets included) must be byte for byte ReportLab's.
    first = page()
    found = set(re.findall(rb"/BaseFont /([A-Z]{6})\+", first))
    assert len(found) == 1, f"{FONTS}: the probe page should use one subset, found {found}"
    tag = found.pop()
    assert tag != b"AAAAAA", f"{FONTS}: the sped-up font does not write subset_tag's tag"

    def untagged(data: bytes) -> bytes:
        return data.replace(tag + b"+", b"AAAAAA+")

    assert untagged(first) == plain, (
        "TTFontFace.addSubsetObjects or TTFont.addObjects write something different in this "
        f"release; {FONTS} (_speed_up) mirrors them and must be brought in line")
    assert untagged(page()) == plain, f"{FONTS}: a font subset taken from the cache differs from a fresh one"



# ---------------------------------------------------------------- chinese_calendar


def test_chinese_calendar_tables_map_dates_to_english_names() -> None:
    """domain/legal_calendar.py builds the default calendar from these two undocumented tables."""
    import datetime as dt

    import chinese_calendar

    for table in ("holidays", "workdays"):
        data = getattr(chinese_calendar, table)
        day, name = next(iter(data.items()))
        assert isinstance(day, dt.date) and isinstance(name, str), (
            f"chinese_calendar.{table} no longer maps dates to holiday names; {CALENDAR} reads it")
    assert chinese_calendar.holidays.get(dt.date(2024, 10, 1)) == "National Day", (
        f"chinese_calendar.holidays names holidays differently now; {CALENDAR} translates the English names")
