"""Reading a PDF's layout back with PDFium: characters with their boxes, lines, and the checks
the documents must pass whatever the data (used by the property-based tests)."""

from __future__ import annotations

import ctypes
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tribunal.documents.linebreak import CANNOT_START


@dataclass(frozen=True)
class Char:
    """One character as PDFium found it: its text, tight box, baseline origin and size."""

    page: int
    text: str
    left: float
    bottom: float
    right: float
    top: float
    x: float  # origin on the baseline
    y: float
    size: float
    index: int  # order in the page's content


@dataclass(frozen=True)
class Segment:
    """Characters of one line that belong together (a cell's line, a paragraph's line)."""

    page: int
    y: float
    left: float
    right: float
    size: float
    text: str


def characters(data: bytes) -> list[list[Char]]:
    """Every visible character of every page (surrogate pairs joined, blanks left out)."""
    pdf = pdfium.PdfDocument(data)
    pages: list[list[Char]] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            text_page = page.get_textpage()
            out: list[Char] = []
            count = text_page.count_chars()
            i = 0
            while i < count:
                code = pdfium_c.FPDFText_GetUnicode(text_page.raw, i)
                step = 1
                if 0xD800 <= code < 0xDC00 and i + 1 < count:
                    low = pdfium_c.FPDFText_GetUnicode(text_page.raw, i + 1)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    step = 2
                char = chr(code)
                if not char.isspace() and code >= 0x20:
                    left, bottom, right, top = text_page.get_charbox(i)
                    pdfium_c.FPDFText_GetCharOrigin(text_page.raw, i, ctypes.byref(x), ctypes.byref(y))
                    size = pdfium_c.FPDFText_GetFontSize(text_page.raw, i)
                    out.append(Char(number + 1, char, left, bottom, right, top, x.value, y.value, size, i))
                i += step
            pages.append(out)
            text_page.close()
            page.close()
    finally:
        pdf.close()
    return pages


def segments(chars: Sequence[Char]) -> list[Segment]:
    """The page's lines, split where a gap wider than a character and a half separates two cells."""
    lines: dict[float, list[Char]] = defaultdict(list)
    for c in chars:
        key = next((k for k in lines if abs(k - c.y) < 0.8), c.y)
        lines[key].append(c)
    out: list[Segment] = []
    for y, line in lines.items():
        line.sort(key=lambda c: c.x)
        run: list[Char] = [line[0]]
        for c in line[1:]:
            if c.x - run[-1].right > 1.5 * max(c.size, run[-1].size):
                out.append(_segment(run, y))
                run = []
            run.append(c)
        out.append(_segment(run, y))
    out.sort(key=lambda s: (-s.y, s.left))
    return out


def _segment(run: list[Char], y: float) -> Segment:
    return Segment(run[0].page, y, run[0].left, run[-1].right, max(c.size for c in run), "".join(c.text for c in run))


# ---------------------------------------------------------------- the checks


def overlapping(chars: Sequence[Char], tolerance: float = 0.6) -> list[tuple[Char, Char]]:
    """Pairs of characters of different lines whose boxes overlap by more than ``tolerance`` points."""
    grid: dict[tuple[int, int], list[Char]] = defaultdict(list)
    cell = 20.0
    for c in chars:
        for gx in range(int(c.left // cell), int(c.right // cell) + 1):
            for gy in range(int(c.bottom // cell), int(c.top // cell) + 1):
                grid[(gx, gy)].append(c)
    found: dict[tuple[int, int], tuple[Char, Char]] = {}
    for members in grid.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if abs(a.y - b.y) < 0.8 and abs(a.index - b.index) <= 2:
                    continue  # neighbours on one line: kerning, not a collision
                w = min(a.right, b.right) - max(a.left, b.left)
                h = min(a.top, b.top) - max(a.bottom, b.bottom)
                if w > tolerance and h > tolerance:
                    found[(min(a.index, b.index), max(a.index, b.index))] = (a, b)
    return list(found.values())


def outside(chars: Sequence[Char], block: tuple[float, float, float, float], *, slack: float = 1.5) -> list[Char]:
    """Characters outside the text block (left, bottom, right, top), the page number excepted.

    The page number stands under the block, in GB/T 9704-2012's place; nothing else may.
    """
    left, bottom, right, top = block
    out = []
    for c in chars:
        inside = (c.left >= left - slack and c.right <= right + slack and c.bottom >= bottom - slack
                  and c.top <= top + slack)
        page_number = c.top < bottom and (c.text.isdigit() or c.text in "—第页共")
        if not inside and not page_number:
            out.append(c)
    return out


def line_starts(chars: Sequence[Char]) -> list[Char]:
    """The first character of every line, in the order the page draws its text.

    ReportLab draws a paragraph (and a table cell) line after line, so a character whose
    baseline differs from the one drawn before it begins a line.
    """
    ordered = sorted(chars, key=lambda c: c.index)
    return [c for i, c in enumerate(ordered) if i == 0 or abs(c.y - ordered[i - 1].y) > 0.8]


def starts_with_closing_punctuation(chars: Sequence[Char]) -> list[Char]:
    """Lines that begin with closing punctuation (the page number's dash excepted)."""
    return [c for c in line_starts(chars) if c.text in CANNOT_START and not (c.text == "—" and c.size >= 13.9
                                                                              and c.top < 100)]


def split_words(chars: Sequence[Char], words: Iterable[str]) -> list[tuple[str, str]]:
    """(word, where) for each word printed across two lines — except at a "·" or a space,
    where a name may break. Found in drawing order, so cells and columns do not mix."""
    ordered = sorted(chars, key=lambda c: c.index)
    text = "".join(c.text for c in ordered)
    out = []
    for word in dict.fromkeys(w.replace(" ", "") for w in words):
        if len(word) < 2:
            continue
        start = text.find(word)
        while start >= 0:
            run = ordered[start:start + len(word)]
            for k in range(1, len(word)):
                if word[k - 1] == "·" or word[k] == "·" or (run[k].text.isascii() and run[k - 1].text.isascii()):
                    continue  # a name may break at "·", a Latin name between words
                if abs(run[k].y - run[k - 1].y) > 0.8:
                    out.append((word, f"{word[:k]}/{word[k:]}"))
                    break
            start = text.find(word, start + 1)
    return out


def page_texts(pages: Sequence[Sequence[Char]]) -> list[str]:
    """Each page's text, in reading order of its lines."""
    return ["".join(s.text for s in segments(chars)) if chars else "" for chars in pages]
