"""Chinese line breaking and justification for ReportLab paragraphs (避头尾, 两端对齐).

ReportLab's CJK wrap cuts "like a knife" between characters and, when the character that
would start the next line is closing punctuation, hangs it into the right margin — past the
edge of the text block, and past a table's rule inside a cell. It also cannot justify CJK
lines: its justification stretches word spaces, and a Chinese line has none. Official
documents are set flush on both sides with no punctuation at a line start, so this module
replaces the two line-breaking functions ReportLab's ``Paragraph`` calls and its two
justified-line drawers:

* a line never starts with closing punctuation (，。、；：？！）》” …) and never ends with
  opening punctuation (（《“ …): the character before the break moves down with it (推出),
  so nothing ever sticks out of the text block;
* a run of Latin letters and digits (a phone number, 0739-5551234) is not split across lines
  unless it is longer than a line;
* in justified paragraphs every line but the last is spread to the full measure with
  character spacing (the PDF ``Tc`` operator), as word processors do for Chinese.

:func:`install` is idempotent; styles.py calls it when the stylesheet module loads. The
ReportLab internals replaced or called here are checked by tests/unit/test_reportlab_internals.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["CANNOT_END", "CANNOT_START", "breaks", "install"]

#: Characters that must not begin a line.
CANNOT_START = frozenset("，。、；：？！）》〉」』】〕］｝”’…—·％‰°℃,.;:?!)]}%")
#: Characters that must not end a line.
CANNOT_END = frozenset("（《〈「『【〔［｛“‘([{￥$")
_WORD_JOINERS = frozenset("-./:@_#&+'")
_FUZZ = 1e-6
#: Justification adds at most this fraction of the font size between two characters; a line
#: broken early (a case number moved down whole, a narrow table cell) stays ragged instead of
#: being pulled apart into s p a c e d  l e t t e r s.
_MAX_GAP = 0.12


def _is_word(ch: str) -> bool:
    return len(ch) == 1 and ch.isascii() and (ch.isalnum() or ch in _WORD_JOINERS)


def _no_break_between(before: str, after: str) -> bool:
    return after in CANNOT_START or before in CANNOT_END or (_is_word(before) and _is_word(after))


def breaks(chars: Sequence[str], widths: Sequence[float], forced: Sequence[bool],
           max_widths: Sequence[float]) -> Iterator[tuple[int, int, float, float, bool]]:
    """Yield lines as (start, end, measure, width used, ends with a forced break).

    Greedy filling, then the break is moved back until it is a legal one; when no legal
    break exists on the line (a 40-digit number), the greedy cut is kept. Spaces after the
    break stay at the end of the line and do not count towards its width.
    """
    n = len(chars)
    i = line_no = 0
    while i < n:
        measure = max_widths[min(line_no, len(max_widths) - 1)]
        start, used, j, forced_break = i, 0.0, i, False
        while j < n:
            if forced[j]:
                j += 1
                forced_break = True
                break
            if used + widths[j] > measure + _FUZZ and j > start:
                break
            used += widths[j]
            j += 1
        end = j
        if not forced_break and end < n:
            k = end
            while k > start + 1 and _no_break_between(chars[k - 1], chars[k]):
                k -= 1
            if not _no_break_between(chars[k - 1], chars[k]):
                end = k
            visible = end
            while end < n and chars[end] == " " and not forced[end]:
                end += 1
            used = sum(widths[start:visible])
        yield start, end, measure, used, forced_break
        i = end
        line_no += 1


def _word_split(word: Any, max_widths: Any, font_name: str, font_size: float, encoding: str = "utf8") -> list[list[Any]]:
    """Replacement for ``reportlab.lib.textsplit.wordSplit`` (single-style paragraphs)."""
    from reportlab.lib import textsplit

    text = word.decode(encoding) if isinstance(word, bytes) else word
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    widths = textsplit.getCharWidths(text, font_name, font_size)
    chars = list(text)
    return [[measure - used, text[start:end]]
            for start, end, measure, used, _forced in breaks(chars, widths, [False] * len(chars), max_widths)]


def _cjk_frag_split(frags: Any, max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """Replacement for ``reportlab.platypus.paragraph.cjkFragSplit`` (mixed-style paragraphs)."""
    from reportlab.platypus import paragraph

    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    units: list[Any] = []
    for frag in frags:
        text = frag.text.decode(encoding) if isinstance(frag.text, bytes) else frag.text
        if text:
            units.extend(paragraph.cjkU(ch, frag, encoding) for ch in text)
        else:
            units.append(paragraph.cjkU(text, frag, encoding))
    widths = []
    for unit in units:
        width = unit.width
        if hasattr(width, "normalizedValue"):
            width._normalizer = max_widths[0]
            width = width.normalizedValue(max_widths[0])
        widths.append(width)
    forced = [hasattr(unit.frag, "lineBreak") for unit in units]
    lines = [
        paragraph.makeCJKParaLine(units[start:end], measure, used, measure - used, forced_break, calc_bounds)
        for start, end, measure, used, forced_break in breaks([str(u) for u in units], widths, forced, max_widths)
    ]
    return paragraph.ParaLines(kind=1, lines=lines)


def _spread(extra: float, glyphs: int, font_size: float, last: bool) -> float | None:
    """Character spacing that fills the line, or None to leave it as ReportLab would."""
    if glyphs < 2 or last or extra <= 1e-8:
        return None
    gap = extra / (glyphs - 1)
    return gap if gap <= _MAX_GAP * font_size else None


def _install_justification() -> None:
    from reportlab.platypus import paragraph

    plain, mixed = paragraph._justifyDrawParaLine, paragraph._justifyDrawParaLineX
    if getattr(plain, "_trb", False):
        return

    def justify_plain(tx: Any, offset: float, extra: float, words: list[str], last: int = 0) -> float:
        if len(words) == 1:
            spacing = _spread(extra, len(words[0]), tx._fontsize or 10, bool(last))
            if spacing is not None:
                paragraph.setXPos(tx, offset)
                tx.setCharSpace(spacing)
                tx._textOut(words[0], 1)
                tx.setCharSpace(0)
                paragraph.setXPos(tx, -offset)
                return offset
        return plain(tx, offset, extra, words, last)

    def justify_mixed(tx: Any, offset: float, line: Any, last: int = 0) -> None:
        if getattr(line, "wordCount", 0) == 1 and not line.lineBreak:
            glyphs = sum(len(w.text) for w in line.words if not hasattr(w, "cbDefn"))
            spacing = _spread(line.extraSpace, glyphs, line.fontSize, bool(last))
            if spacing is not None:
                tx._x_offset = offset
                paragraph.setXPos(tx, offset)
                tx.setCharSpace(spacing)
                paragraph._putFragLine(offset, tx, line, last, "justify")
                tx.setCharSpace(0)
                paragraph.setXPos(tx, -offset)
                return
        mixed(tx, offset, line, last)

    # A marker on the installed function keeps install() idempotent; functions take attributes
    # at run time, which a type checker does not know.
    justify_plain._trb = True  # type: ignore[attr-defined]
    paragraph._justifyDrawParaLine = justify_plain
    paragraph._justifyDrawParaLineX = justify_mixed


def _install_char_width_cache() -> None:
    """Let line breaking look character widths up instead of measuring each one again.

    ReportLab measures every character with ``stringWidth`` (its own comment: "the
    performance is going to SUCK"), a fifth of a document's time. The cached function
    returns the very same floats, keyed by font, size and character.
    """
    from reportlab.lib import textsplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if getattr(textsplit.getCharWidths, "_trb", False):
        return
    tables: dict[tuple[str, float], dict[str, float]] = {}

    def get_char_widths(word: str, font_name: str, font_size: float) -> list[float]:
        table = tables.get((font_name, font_size))
        if table is None:
            table = tables[(font_name, font_size)] = {}
        out = []
        for ch in word:
            width = table.get(ch)
            if width is None:
                width = table[ch] = stringWidth(ch, font_name, font_size)
            out.append(width)
        return out

    get_char_widths._trb = True  # type: ignore[attr-defined]  # idempotence marker, as above
    textsplit.getCharWidths = get_char_widths


def install() -> None:
    """Put the Chinese line breaking, justification and width cache in place (idempotent)."""
    from reportlab.platypus import paragraph

    _install_char_width_cache()
    paragraph.wordSplit = _word_split
    paragraph.cjkFragSplit = _cjk_frag_split
    _install_justification()
