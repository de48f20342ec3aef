"""Chinese line breaking and justification for ReportLab paragraphs (避头尾, 两端对齐, 字距).

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
* a number stays with its unit (约8.8万元, 3小时, 第12号), a time of day stays whole
  (上午9时30分, 14:30—16:30, 星期三), and so does every string the paragraph was told to keep
  (:class:`Keep` — the renderer passes personal names and case numbers);
* a paragraph does not end on a line of one character ("金。"): the line before gives up a
  character when it can;
* in justified paragraphs every line but the last is spread to the full measure with
  character spacing (the PDF ``Tc`` operator), as word processors do for Chinese;
* a paragraph style may carry a tracking (``trbTracking``, points added after every
  character) so that body text keeps the 28 characters a line of GB/T 9704-2012 §5.2.3:
  the widths used for breaking include it and the text is drawn with it.

Breaking reads its per-paragraph settings from :data:`CONTEXT`, which the renderer's
paragraph class sets while it breaks lines. :func:`install` is idempotent; styles.py calls it
when the stylesheet module loads. The ReportLab internals replaced or called here are checked
by tests/unit/test_reportlab_internals.py.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

__all__ = ["CANNOT_END", "CANNOT_START", "CONTEXT", "Keep", "breaks", "glue_for", "install"]

#: Characters that must not begin a line.
CANNOT_START = frozenset("，。、；：？！）》〉」』】〕］｝”’…—·％‰°℃,.;:?!)]}%")
#: Characters that must not end a line.
CANNOT_END = frozenset("（《〈「『【〔［｛“‘([{￥$")
_WORD_JOINERS = frozenset("-./:@_#&+'")
_FUZZ = 1e-6
#: Justification adds at most this fraction of the font size between two characters; a line
#: broken early by more (a long name moved down whole in a narrow table cell) stays ragged
#: instead of being pulled apart into s p a c e d  l e t t e r s.
_MAX_GAP = 0.25
_REBALANCE_MAX = 5
#: A line of fewer characters (a narrow table cell) is left ragged rather than spread.
_MIN_SPREAD = 8
_NAME_BREAKS = frozenset("· ")

# Runs that read as one unit and must not be broken: a number with its unit, times, weekdays.
_UNITS = ("万元|亿元|小时|个月|周岁|人次|平方米|公里|日内|元|万|亿|个|人|名|位|家|件|日|天|年|月|号|时|分|秒|"
          "倍|项|页|份|场|次|楼|层|室|条|款|岁|米|%|％|‰")
_UNITS_RE = re.compile(
    r"(?:上午|下午|中午|晚上|凌晨)?\d{1,2}时\d{1,2}分"  # 上午9时30分
    r"|\d{1,2}:\d{2}(?:\s*[—–\-~～至]+\s*\d{1,2}:\d{2})?"  # 9:30, 14:30—16:30
    r"|星期[一二三四五六日天]|周[一二三四五六日]"
    rf"|(?:约|近|逾|第)?[0-9０-９][0-9０-９,，.．]*(?:{_UNITS})?"
)


@dataclass(frozen=True)
class Keep:
    """What one paragraph breaks by: tracking after every character and strings kept whole."""

    tracking: float = 0.0
    words: tuple[str, ...] = ()


#: The settings of the paragraph being broken (set by the renderer's paragraph class).
CONTEXT: ContextVar[Keep | None] = ContextVar("trb_linebreak", default=None)
_PLAIN = Keep()


def _is_word(ch: str) -> bool:
    return len(ch) == 1 and ch.isascii() and (ch.isalnum() or ch in _WORD_JOINERS)


def _no_break_between(before: str, after: str) -> bool:
    return after in CANNOT_START or before in CANNOT_END or (_is_word(before) and _is_word(after))


def glue_for(text: str, words: Sequence[str] = ()) -> Sequence[bool]:
    """``glue[k]`` is True where no line may break between ``text[k-1]`` and ``text[k]``.

    Glued: inside a number with its unit or a time (see the module's docstring), and inside
    every occurrence of ``words`` — except around a middle dot "·", where a long name may
    break (after the dot, since the dot cannot start a line), and between the words of a
    Latin name.
    """
    return _glue(text, tuple(words))


@functools.lru_cache(maxsize=8192)
def _glue(text: str, words: tuple[str, ...]) -> tuple[bool, ...]:
    # A paragraph is broken again for every height it is tried at, and the same wording
    # comes back in every document of a pack: the answer is kept (it never changes).
    glue = [False] * (len(text) + 1)

    def hold(start: int, end: int, dots: bool) -> None:
        for k in range(start + 1, end):
            if dots and (text[k - 1] in _NAME_BREAKS or text[k] in _NAME_BREAKS):
                continue
            glue[k] = True

    for m in _UNITS_RE.finditer(text):
        if m.end() - m.start() > 1:
            hold(m.start(), m.end(), False)
    for word in words:
        if len(word) < 2:
            continue
        start = text.find(word)
        while start >= 0:
            hold(start, start + len(word), True)
            start = text.find(word, start + 1)
    return tuple(glue)


def _legal(chars: Sequence[str], glue: Sequence[bool], k: int) -> bool:
    """Whether a line may break before ``chars[k]``."""
    return not glue[k] and not _no_break_between(chars[k - 1], chars[k])


def breaks(chars: Sequence[str], widths: Sequence[float], forced: Sequence[bool],
           max_widths: Sequence[float], glue: Sequence[bool] | None = None) -> Iterator[tuple[int, int, float, float, bool]]:
    """Yield lines as (start, end, measure, width used, ends with a forced break).

    Greedy filling, then the break is moved back until it is a legal one; when no legal
    break exists on the line (a 40-digit number), the greedy cut is kept. Spaces after the
    break stay at the end of the line and do not count towards its width. Last, a final
    line of a single character takes one more from the line before, when that line can
    spare it and still break legally.
    """
    n = len(chars)
    glue = glue if glue is not None else [False] * (n + 1)
    lines: list[list[Any]] = []
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
            while k > start + 1 and not _legal(chars, glue, k):
                k -= 1
            if _legal(chars, glue, k):
                end = k
            visible = end
            while end < n and chars[end] == " " and not forced[end]:
                end += 1
            used = sum(widths[start:visible])
        lines.append([start, end, measure, used, forced_break])
        i = end
        line_no += 1
    _rebalance(lines, chars, widths, glue)
    for line in lines:
        yield line[0], line[1], line[2], line[3], line[4]


def _rebalance(lines: list[list[Any]], chars: Sequence[str], widths: Sequence[float],
               glue: Sequence[bool]) -> None:
    """Give a one-character last line (punctuation not counted) company from the line before."""
    if len(lines) < 2:
        return
    last, before = lines[-1], lines[-2]
    if before[4]:  # the line before ends with a forced break: the last line stands on its own
        return
    body = [c for c in chars[last[0]:last[1]] if c not in CANNOT_START and not c.isspace()]
    if len(body) > 1:
        return
    start, end = before[0], before[1]
    k = end - 1
    # At most a few characters move: more would leave a gap in the line before.
    while k > max(start + 1, end - _REBALANCE_MAX):
        if _legal(chars, glue, k):
            tail = sum(widths[k:last[1]])
            if tail <= last[2] + _FUZZ:
                before[1], before[3] = k, sum(widths[start:k])
                last[0], last[3] = k, sum(widths[k:last[1]])
            return
        k -= 1


def _word_split(word: Any, max_widths: Any, font_name: str, font_size: float, encoding: str = "utf8") -> list[list[Any]]:
    """Replacement for ``reportlab.lib.textsplit.wordSplit`` (single-style paragraphs)."""
    from reportlab.lib import textsplit

    text = word.decode(encoding) if isinstance(word, bytes) else word
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    context = CONTEXT.get() or _PLAIN
    key = (text, font_name, font_size, tuple(max_widths), context)
    lines = _SPLITS.get(key)
    if lines is None:
        widths = textsplit.getCharWidths(text, font_name, font_size)
        if context.tracking:
            widths = [w + context.tracking for w in widths]
        chars = list(text)
        glue = glue_for(text, context.words)
        lines = [(measure - used, text[start:end])
                 for start, end, measure, used, _forced in breaks(chars, widths, [False] * len(chars), max_widths, glue)]
        if len(_SPLITS) >= _SPLITS_KEPT:
            _SPLITS.clear()
        _SPLITS[key] = lines
    # ReportLab only reads the lines (it builds its own from them), so they can be shared.
    return [[extra, line] for extra, line in lines]


#: Single-style paragraphs already broken: (text, font, size, widths, settings) → lines.
#: Cleared when full; the same text broken the same way always gives the same lines.
_SPLITS: dict[tuple[Any, ...], list[tuple[float, str]]] = {}
_SPLITS_KEPT = 4096


def _cjk_frag_split(frags: Any, max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """Replacement for ``reportlab.platypus.paragraph.cjkFragSplit`` (mixed-style paragraphs)."""
    from reportlab.platypus import paragraph

    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    context = CONTEXT.get() or _PLAIN
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
        widths.append(width + context.tracking if str(unit) else width)
    forced = [hasattr(unit.frag, "lineBreak") for unit in units]
    chars = [str(u) for u in units]
    # Glue is worked out on the text; a unit holding no character (a <br/>, an image) is
    # one position that nothing is glued to.
    joined = "".join(c if len(c) == 1 else "\n" for c in chars)
    glue = glue_for(joined, context.words)
    lines = [
        paragraph.makeCJKParaLine(units[start:end], measure, used, measure - used, forced_break, calc_bounds)
        for start, end, measure, used, forced_break in breaks(chars, widths, forced, max_widths, glue)
    ]
    return paragraph.ParaLines(kind=1, lines=lines)


def _spread(extra: float, glyphs: int, font_size: float, last: bool) -> float | None:
    """Character spacing that fills the line, or None to leave it as ReportLab would."""
    if glyphs < _MIN_SPREAD or last or extra <= 1e-8:
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
                base = getattr(tx, "_trb_track", 0.0)
                paragraph.setXPos(tx, offset)
                tx.setCharSpace(base + spacing)
                tx._textOut(words[0], 1)
                tx.setCharSpace(base)
                paragraph.setXPos(tx, -offset)
                return offset
        return plain(tx, offset, extra, words, last)

    def justify_mixed(tx: Any, offset: float, line: Any, last: int = 0) -> None:
        if getattr(line, "wordCount", 0) == 1 and not line.lineBreak:
            glyphs = sum(len(w.text) for w in line.words if not hasattr(w, "cbDefn"))
            spacing = _spread(line.extraSpace, glyphs, line.fontSize, bool(last))
            if spacing is not None:
                base = getattr(tx, "_trb_track", 0.0)
                tx._x_offset = offset
                paragraph.setXPos(tx, offset)
                tx.setCharSpace(base + spacing)
                paragraph._putFragLine(offset, tx, line, last, "justify")
                tx.setCharSpace(base)
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
