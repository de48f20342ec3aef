"""Fonts of the documents: bundled Noto Serif SC, the commission's official fonts, per-glyph fallback.

Four typographic roles follow GB/T 9704-2012: 仿宋 for the body, 小标宋 for titles, 黑体 for
first-level headings and 楷体 for second-level headings. By default every role uses the bundled
Noto Serif SC (Regular for 仿宋/楷体, Bold for 小标宋/黑体), which is embedded as a subset so a
print looks the same on every PC. A commission that has licensed official fonts installed
(simfang.ttf, simhei.ttf, simkai.ttf, 方正小标宋) points the settings at them; a character such
a font lacks — official GB2312 fonts have no 䶮 or 𬱖 — is drawn from the bundled font instead,
glyph by glyph, so a rare character in a name never prints as an empty box.

This module also fixes ReportLab's ToUnicode maps for characters outside the Basic
Multilingual Plane (see :func:`to_unicode_cmap`). The ReportLab internals it replaces or calls
are checked by tests/unit/test_reportlab_internals.py, and pyproject.toml bounds ReportLab to
the releases that test passed on.
"""

from __future__ import annotations

import functools
import hashlib
import os
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc, pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, TTFError, TTFont

from tribunal.resources import font_path

__all__ = [
    "OFFICIAL_FILE_NAMES",
    "ROLES",
    "ROLE_LABELS",
    "FontSet",
    "FontSettings",
    "bundled_font",
    "find_official_fonts",
    "install_tounicode_fix",
    "load_fonts",
    "subset_tag",
    "to_unicode_cmap",
]

#: The four roles, in the order the settings list them.
ROLES: tuple[str, ...] = ("fangsong", "xiaobiaosong", "heiti", "kaiti")

ROLE_LABELS: dict[str, str] = {
    "fangsong": "仿宋（正文）",
    "xiaobiaosong": "小标宋（标题）",
    "heiti": "黑体（一级标题）",
    "kaiti": "楷体（二级标题）",
}

# Which weight of the bundled font stands in for each role, and catches its missing glyphs.
_BUNDLED_WEIGHT: dict[str, str] = {
    "fangsong": "regular",
    "xiaobiaosong": "bold",
    "heiti": "bold",
    "kaiti": "regular",
}
_BUNDLED_NAME = {"regular": "TrbNotoSerifSC", "bold": "TrbNotoSerifSC-Bold"}

#: File names under which the official fonts are usually installed (Windows and common
#: commercial packages); :func:`find_official_fonts` looks for them.
OFFICIAL_FILE_NAMES: dict[str, tuple[str, ...]] = {
    "fangsong": ("simfang.ttf", "仿宋_GB2312.ttf", "FangSong_GB2312.ttf", "STFANGSO.TTF"),
    "xiaobiaosong": ("FZXBSJW.TTF", "方正小标宋简体.ttf", "FZXiaoBiaoSong-B05S.ttf"),
    "heiti": ("simhei.ttf", "黑体.ttf", "STHEITI.TTF"),
    "kaiti": ("simkai.ttf", "楷体_GB2312.ttf", "KaiTi_GB2312.ttf", "STKAITI.TTF"),
}

# Characters that carry no glyph of their own and would otherwise print as .notdef boxes:
# variation selectors, zero-width joiners and the byte-order mark.
_INVISIBLE = frozenset(
    [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
)


# ---------------------------------------------------------------- ToUnicode fix


def _utf16_hex(code_point: int) -> str:
    """Return the UTF-16BE code units of ``code_point`` as hex (a surrogate pair above U+FFFF)."""
    if code_point > 0xFFFF:
        offset = code_point - 0x10000
        return f"{0xD800 + (offset >> 10):04X}{0xDC00 + (offset & 0x3FF):04X}"
    return f"{code_point:04X}"


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """Build the ToUnicode CMap of one font subset, with correct UTF-16 for every character.

    ReportLab's own version writes a character such as 𬱖 (U+2CC56) as the five hex digits
    ``<2CC56>``; a PDF reader takes destination strings as UTF-16BE, so copy, search and
    pdftotext then return garbage. Here it is the surrogate pair ``<D873DC56>``. Entries are
    written in blocks of at most 100, the limit the CMap specification sets.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    for start in range(0, len(subset), 100):
        block = subset[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines += [f"<{start + i:02X}> <{_utf16_hex(cp)}>" for i, cp in enumerate(block)]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def install_tounicode_fix() -> None:
    """Make ReportLab use :func:`to_unicode_cmap` (idempotent; done when this module loads)."""
    ttfonts.makeToUnicodeCMap = to_unicode_cmap


install_tounicode_fix()


# ---------------------------------------------------------------- settings and discovery


@dataclass(frozen=True)
class FontSettings:
    """Paths of the commission's official fonts, one per role; empty means the bundled font."""

    fangsong: str = ""
    xiaobiaosong: str = ""
    heiti: str = ""
    kaiti: str = ""

    def path(self, role: str) -> str:
        """The configured file of ``role`` ("" when none)."""
        return str(getattr(self, role)).strip()

    @classmethod
    def from_mapping(cls, values: Mapping[str, object], prefix: str = "documents.font_") -> FontSettings:
        """Read the four paths from a settings mapping (keys ``documents.font_fangsong`` …)."""
        return cls(**{f.name: str(values.get(prefix + f.name) or "") for f in fields(cls)})


def _font_folders() -> list[Path]:
    folders = []
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        folders.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    home = Path.home()
    folders += [home / ".fonts", home / ".local" / "share" / "fonts", home / "Library" / "Fonts",
                Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/Library/Fonts")]
    return folders


def find_official_fonts(folders: Iterable[Path] | None = None) -> dict[str, Path]:
    """Look for installed official fonts by their usual file names; returns role → file.

    Only the top of each folder and one level below are searched (font folders are flat on
    Windows; Linux packages add one level), so this is quick enough for a settings page.
    """
    wanted = {name.lower(): role for role, names in OFFICIAL_FILE_NAMES.items() for name in names}
    found: dict[str, Path] = {}
    for folder in folders if folders is not None else _font_folders():
        if not folder.is_dir():
            continue
        candidates = list(folder.iterdir())
        candidates += [p for sub in candidates if sub.is_dir() for p in sub.iterdir()]
        for path in sorted(candidates):
            role = wanted.get(path.name.lower())
            if role and role not in found and path.is_file():
                found[role] = path
    return found


# ---------------------------------------------------------------- loading


_SUBSET_CACHE_SIZE = 96


def _speed_up(font: TTFont) -> None:
    """Make building this font's subsets cheap when the same subset is needed again.

    Two things cost most of a small document's time, and neither changes the bytes written:

    * ReportLab slices the whole ``glyf`` table (14 MB for a CJK font) out of the file data
      for every subset. The tables never change, so each is read once and kept.
    * Documents of one kind share their standing wording, and the renderer base assigns
      those characters first (see ``DocumentRenderer.GLYPH_SEED``), so their first subsets
      are the same list of characters from one document to the next. The finished,
      compressed font program of a subset is kept (least recently used first out) and
      reused — exactly the bytes ReportLab would have produced again; likewise the subset's
      /Widths array and ToUnicode map.
    """
    face = font.face
    if getattr(face, "_trb_tables", None) is not None:
        return
    tables: dict[str, bytes] = {}
    original_get_table = face.get_table

    def get_table(tag: str) -> bytes:
        try:
            return tables[tag]
        except KeyError:
            value = tables[tag] = original_get_table(tag)
            return value

    programs: OrderedDict[tuple[int, ...], tuple[bytes, bytes]] = OrderedDict()

    def add_subset_objects(doc: pdfdoc.PDFDocument, fontname: str, subset: list[int]) -> pdfdoc.PDFObject:
        # Mirrors TTFontFace.addSubsetObjects (ReportLab 4.x/5.x), with the program cached.
        key = tuple(subset)
        entry = programs.get(key)
        if entry is None:
            raw = face.makeSubset(subset)
            entry = programs[key] = (raw, zlib.compress(raw))
            if len(programs) > _SUBSET_CACHE_SIZE:
                programs.popitem(last=False)
        else:
            programs.move_to_end(key)
        raw, packed = entry
        font_file = pdfdoc.PDFStream()
        font_file.dictionary["Length1"] = len(raw)
        if doc.compression:
            font_file.content = packed
            font_file.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        else:
            font_file.content = raw
        font_file_ref = doc.Reference(font_file, f"fontFile:{face.filename}({fontname})")
        descriptor = pdfdoc.PDFDictionary({
            "Type": "/FontDescriptor",
            "Ascent": face.ascent,
            "CapHeight": face.capHeight,
            "Descent": face.descent,
            "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
            "FontBBox": pdfdoc.PDFArray(face.bbox),
            "FontName": pdfdoc.PDFName(fontname),
            "ItalicAngle": face.italicAngle,
            "StemV": face.stemV,
            "FontFile2": font_file_ref,
            "MissingWidth": face.defaultWidth,
        })
        return doc.Reference(descriptor, "fontDescriptor:" + fontname)

    # The /Widths array and the ToUnicode map of a subset depend on its characters and its
    # name only; formatting 256 widths through ReportLab's generic number formatter and
    # compressing the map again for every document is a third of the time left after the
    # font programs are cached.
    dictionaries: OrderedDict[tuple[str, tuple[int, ...]], tuple[bytes, bytes]] = OrderedDict()

    def subset_dictionaries(doc: pdfdoc.PDFDocument, base_name: str, subset: list[int]) -> tuple[bytes, bytes]:
        key = (base_name, tuple(subset))
        entry = dictionaries.get(key)
        if entry is None:
            widths = pdfdoc.PDFArray([face.getCharWidth(code) for code in subset]).format(doc)
            entry = dictionaries[key] = (widths, zlib.compress(to_unicode_cmap(base_name, subset).encode("latin-1")))
            if len(dictionaries) > _SUBSET_CACHE_SIZE:
                dictionaries.popitem(last=False)
        else:
            dictionaries.move_to_end(key)
        return entry

    def add_objects(doc: pdfdoc.PDFDocument) -> None:
        # Mirrors TTFont.addObjects (ReportLab 4.x/5.x), with the per-subset parts cached.
        state = font.state.get(doc)
        if state is None:
            state = font.state[doc] = TTFont.State(font._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = font.getSubsetInternalName(n, doc)[1:]
            base_name = b"".join((subset_tag(face.name, subset), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            widths, cmap = subset_dictionaries(doc, base_name, subset)
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {font.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = _Formatted(widths)
            cmap_stream = pdfdoc.PDFStream()
            if doc.compression:
                cmap_stream.content = cmap
                cmap_stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
            else:
                cmap_stream.content = zlib.decompress(cmap)
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_name)
            pdf_font.FontDescriptor = face.addSubsetObjects(doc, base_name, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del font.state[doc]

    face._trb_tables = tables
    face.get_table = get_table
    face.addSubsetObjects = add_subset_objects
    font.addObjects = add_objects


def subset_tag(font_name: bytes, subset: list[int]) -> bytes:
    """The six-letter tag of a font subset ("AAAAAA+" in ``/BaseFont``), from what it holds.

    ReportLab numbers a document's subsets AAAAAA, AAAAAB … so every document has an
    AAAAAA+ subset, and a combined PDF would hold many different subsets under one name —
    which PDF readers may take for one font. A tag derived from the font and the characters
    of the subset differs between different subsets, is the same for the same subset, and
    depends on nothing else, so the same document always gets the same bytes.
    """
    digest = hashlib.sha256(font_name + b"\0" + ",".join(map(str, subset)).encode("ascii")).digest()
    value = int.from_bytes(digest[:8], "big")
    letters = []
    for _ in range(6):
        value, rest = divmod(value, 26)
        letters.append(65 + rest)
    return bytes(letters)


class _Formatted(pdfdoc.PDFObject):
    """A PDF value already formatted to bytes (kept from an earlier document)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        return self.data


_RUNS_KEPT = 8192


def bundled_font(weight: str = "regular") -> TTFont:
    """The bundled Noto Serif SC of ``weight`` ("regular" or "bold"), registered with ReportLab.

    Always this one object per process: ReportLab keeps one font object per face name, so a
    second TTFont of the same file registered under another name would be silently replaced
    by whichever was registered first — and if that one is not sped up (:func:`_speed_up`), no
    document would tag its subsets.
    """
    return _bundled(weight)


@functools.cache
def _bundled(weight: str) -> TTFont:
    name = _BUNDLED_NAME[weight]
    # asciiReadable=False: ReportLab would otherwise embed all of ASCII in every document.
    font = TTFont(name, str(font_path(weight)), asciiReadable=False)
    _speed_up(font)
    pdfmetrics.registerFont(font)
    return font


@functools.cache
def _official(path: str) -> TTFont:
    """Load and register an official font file (raises OSError / TTFError when unusable)."""
    digest = hashlib.sha1(os.fsencode(os.path.abspath(path))).hexdigest()[:10]
    font = TTFont(f"TrbOfficial-{digest}", path, asciiReadable=False)
    _speed_up(font)
    pdfmetrics.registerFont(font)
    return font


@dataclass
class FontSet:
    """The fonts one rendering uses: a registered ReportLab font name per role, plus fallback.

    Use :meth:`markup` for text going into a Paragraph and :meth:`runs` for text drawn
    directly on a canvas; both route characters the role's font lacks to the bundled font.
    """

    role_font: dict[str, str]
    warnings: tuple[str, ...] = ()
    _coverage: dict[str, Mapping[int, int]] = field(default_factory=dict, repr=False)
    _fallback_of: dict[str, str] = field(default_factory=dict, repr=False)
    #: Text already split into runs, by (text, font): the same wording comes back in every
    #: document of a pack. Cleared when full.
    _runs: dict[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict, repr=False,
                                                                       compare=False)

    def font(self, role: str) -> str:
        """The registered font name of ``role`` (one of :data:`ROLES`)."""
        return self.role_font[role]

    @property
    def uses_official_fonts(self) -> bool:
        """True when at least one role is drawn with an installed official font."""
        return any(name.startswith("TrbOfficial-") for name in self.role_font.values())

    def _split(self, text: str, font_name: str) -> tuple[tuple[str, str], ...]:
        key = (text, font_name)
        runs = self._runs.get(key)
        if runs is None:
            if len(self._runs) >= _RUNS_KEPT:
                self._runs.clear()
            runs = self._runs[key] = tuple(self._split_now(text, font_name))
        return runs

    def _split_now(self, text: str, font_name: str) -> list[tuple[str, str]]:
        primary = self._coverage[font_name]
        fallback = self._fallback_of.get(font_name, font_name)
        runs: list[tuple[str, str]] = []
        for ch in text:
            code = ord(ch)
            if code in _INVISIBLE:
                continue
            name = font_name if (code in primary or ch.isspace() or fallback == font_name) else fallback
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + ch)
            else:
                runs.append((name, ch))
        return runs

    def runs(self, text: str, font_name: str) -> list[tuple[str, str]]:
        """Split ``text`` into (font name, text) runs for drawing with ``font_name``."""
        return list(self._split(text, font_name))

    def markup(self, text: str, font_name: str) -> str:
        """Escape ``text`` for a Paragraph in ``font_name``, wrapping fallback runs in <font>."""
        out = []
        for name, chunk in self._split(text, font_name):
            if name == font_name:
                out.append(escape(chunk))
            else:
                out.append(f'<font name="{name}">{escape(chunk)}</font>')
        return "".join(out)

    def missing(self, text: str) -> str:
        """The distinct characters of ``text`` that no available font can draw, in order."""
        seen: dict[str, None] = {}
        bundled = self._coverage[_BUNDLED_NAME["regular"]]
        for ch in text:
            code = ord(ch)
            if code in bundled or code in _INVISIBLE or ch.isspace():
                continue
            seen[ch] = None
        return "".join(seen)


@functools.lru_cache(maxsize=8)
def load_fonts(settings: FontSettings | None = None) -> FontSet:
    """Register the fonts for ``settings`` (bundled ones when None) and return the set.

    An official font that is missing or unusable (ReportLab reads only TrueType outlines; a
    CFF ``.otf`` is refused) is replaced by the bundled font, and the reason is put into
    :attr:`FontSet.warnings` for the clerk to see. The first call in a process costs about
    0.2 s (reading two 15 MB files); later calls are free.
    """
    settings = settings or FontSettings()
    regular, bold = _bundled("regular"), _bundled("bold")
    coverage: dict[str, Mapping[int, int]] = {
        regular.fontName: regular.face.charToGlyph,
        bold.fontName: bold.face.charToGlyph,
    }
    role_font: dict[str, str] = {}
    fallback_of: dict[str, str] = {}
    warnings: list[str] = []
    for role in ROLES:
        bundled_name = _BUNDLED_NAME[_BUNDLED_WEIGHT[role]]
        role_font[role] = bundled_name
        path = settings.path(role)
        if not path:
            continue
        label = ROLE_LABELS[role]
        if not Path(path).is_file():
            warnings.append(f"未找到{label}字体文件“{path}”，已改用内置字体")
            continue
        try:
            font = _official(os.path.abspath(path))
        except (OSError, TTFError, ValueError) as exc:
            warnings.append(f"{label}字体文件“{path}”无法使用（{exc}），已改用内置字体；"
                            "请选择 TrueType（.ttf/.ttc）字体")
            continue
        role_font[role] = font.fontName
        coverage[font.fontName] = font.face.charToGlyph
        fallback_of[font.fontName] = bundled_name
    return FontSet(role_font=role_font, warnings=tuple(warnings), _coverage=coverage,
                   _fallback_of=fallback_of)
