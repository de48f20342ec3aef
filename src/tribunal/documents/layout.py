"""The flowables behind the renderer base's layout rules: what keeps together, what grows, what continues.

* :class:`Text` — every paragraph of a document: Chinese line breaking with the style's
  tracking and the strings it must keep whole (names, case numbers);
* :class:`KeepHead` — a heading never ends a page: it goes with the first two lines of what
  follows it (the next page takes both when they do not fit);
* :class:`KeepTail` — the signature and seal block (or a 法律依据 line) never stands alone:
  at least the last two lines of text before it go to its page;
* :class:`MinHeight` — a table cell at least so tall (a signature box), growing with its text;
* :class:`Continued` — a table that runs on to another page repeats its header and says so
  above it ("签到表（续）").

ReportLab splits flowables when a page is full; each of these answers that question so the
rule holds, and otherwise lays its parts out exactly as they would be on their own.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Paragraph, Table

from tribunal.documents import linebreak

__all__ = ["Continued", "KeepHead", "KeepTail", "MinHeight", "SectionEnd", "Text"]

_FUZZ = 1e-3


class Text(Paragraph):
    """A paragraph set by the project's rules (see :mod:`tribunal.documents.linebreak`).

    ``keep`` lists strings no line may break inside (a name may still break after "·").
    """

    _trb_keep: tuple[str, ...] = ()

    def __init__(self, text: Any, style: Any = None, *args: Any, keep: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(text, style, *args, **kwargs)
        if keep:
            self._trb_keep = keep

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        context = linebreak.Keep(getattr(self.style, "trbTracking", 0.0), self._trb_keep)
        token = linebreak.CONTEXT.set(context)
        try:
            return super().breakLinesCJK(maxWidths)
        finally:
            linebreak.CONTEXT.reset(token)

    def beginText(self, x: float, y: float) -> Any:
        tx = super().beginText(x, y)
        tracking = getattr(self.style, "trbTracking", 0.0)
        tx._trb_track = tracking
        if tracking:
            # Drawn inside the flowable's own saved graphics state: nothing after it inherits it.
            tx.setCharSpace(tracking)
        return tx

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part._trb_keep = self._trb_keep
        return parts

    @property
    def line_count(self) -> int:
        """Lines after the last wrap (0 before any)."""
        para = getattr(self, "blPara", None)
        return len(para.lines) if para is not None else 0


def _space_after(flowable: Flowable) -> float:
    return float(flowable.getSpaceAfter() or 0)


def _space_before(flowable: Flowable) -> float:
    return float(flowable.getSpaceBefore() or 0)


class _Stack(Flowable):
    """Flowables drawn one under the other with their spacing, as a frame would."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts
        self._sizes: list[tuple[float, float]] = []

    def _gap(self, i: int) -> float:
        return max(_space_after(self.parts[i - 1]), _space_before(self.parts[i])) if i else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._sizes = [part.wrap(availWidth, availHeight) for part in self.parts]
        self.width = availWidth
        self.height = sum(h for _w, h in self._sizes) + sum(self._gap(i) for i in range(len(self.parts)))
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return _space_before(self.parts[0]) if self.parts else 0.0

    def getSpaceAfter(self) -> float:
        return _space_after(self.parts[-1]) if self.parts else 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # Taller than a whole page (ReportLab already moved it to a fresh one): lay the parts
        # out one by one; keeping them together is impossible.
        return list(self.parts) if getattr(self, "_postponed", False) else []

    def draw(self) -> None:
        y = self.height
        for i, (part, (w, h)) in enumerate(zip(self.parts, self._sizes, strict=True)):
            y -= self._gap(i) + h
            align = getattr(part, "hAlign", "LEFT")
            x = 0.0
            if align in ("CENTER", "CENTRE"):
                x = (self.width - w) / 2
            elif align == "RIGHT":
                x = self.width - w
            part.drawOn(self.canv, x, y)


class KeepHead(_Stack):
    """A heading (or a chain of them) kept with the first lines of what follows."""

    def __init__(self, head: Flowable, following: Flowable) -> None:
        super().__init__([head, following])

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        head, following = self.parts
        _w, head_height = head.wrap(availWidth, availHeight)
        room = availHeight - head_height - max(_space_after(head), _space_before(following))
        if room <= _FUZZ:
            return []
        parts = following.split(availWidth, room)
        # Nothing of what follows fits here (a paragraph needs two lines, a table its header
        # and a row): the heading goes to the next page with it.
        if not parts or parts[0] is following:
            return super().split(availWidth, availHeight)
        return [head, *parts]


class KeepTail(_Stack):
    """Closing lines kept with the last lines of text before them.

    ``body`` is the run of paragraphs before the tail; only its first may be split, and at
    least two of the body's lines go to the tail's page. Used for the signature and seal
    block (no page may carry the date and seal alone; GB/T 9704-2012 §7.3.5.5 has line and character
    spacing adjusted first, which the renderer base tries before this keeper moves lines)
    and for a 法律依据 line after its topic.
    """

    def __init__(self, body: list[Flowable], tail: list[Flowable], *, lines: int = 2,
                 on_split: Any = None) -> None:
        super().__init__([*body, *tail])
        self.body, self.tail, self.lines = body, tail, lines
        self.on_split = on_split

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.on_split is not None:
            self.on_split()  # the closing lines did not fit where the text ends
        self.wrap(availWidth, availHeight)
        first, rest = self.body[0] if self.body else None, self.body[1:]
        rest_lines = sum(p.line_count for p in rest if isinstance(p, Text))
        if not isinstance(first, Text) or first.line_count == 0:
            return super().split(availWidth, availHeight)
        need = max(0, self.lines - rest_lines)  # lines of ``first`` that must go with the tail
        leading = float(first.style.leading)
        space = _space_before(first)
        fit = int((availHeight - space + _FUZZ) // leading)
        keep = min(fit, first.line_count - need)
        if keep >= first.line_count:
            # The whole first paragraph fits here and the rest carries two lines already.
            return [first, KeepTail(rest, self.tail, lines=0)] if rest else super().split(availWidth, availHeight)
        if keep < 2:
            return super().split(availWidth, availHeight)
        parts = first.split(availWidth, space + keep * leading + _FUZZ)
        if len(parts) != 2:
            return super().split(availWidth, availHeight)
        # What is left goes on with the same rule: a very long paragraph may need more pages.
        return [parts[0], KeepTail([parts[1], *rest], self.tail, lines=self.lines)]


class MinHeight(Flowable):
    """Content at least ``height`` tall: a box for a signature that still grows with its text."""

    def __init__(self, content: Flowable | None, height: float) -> None:
        super().__init__()
        self.content, self.min_height = content, height
        self._content_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.content is None:
            self.width, self._content_height = 0.0, 0.0
        else:
            self.width, self._content_height = self.content.wrap(availWidth, availHeight)
        self.height = max(self.min_height, self._content_height)
        return self.width, self.height

    def draw(self) -> None:
        if self.content is not None:
            self.content.drawOn(self.canv, 0, self.height - self._content_height)


class Continued(Flowable):
    """A table that says so above its repeated header on every page after the first.

    ``continuation`` (e.g. a paragraph "旁听人员签到表（续）") is drawn above each part of
    the table after the first; ``caption`` is what this part carries (None for the first).
    """

    def __init__(self, table: Table, continuation: Flowable, caption: Flowable | None = None) -> None:
        super().__init__()
        self.table, self.continuation, self.caption = table, continuation, caption
        self._caption_height = 0.0
        self._table_width = 0.0

    def _caption_space(self, availWidth: float, availHeight: float) -> float:
        if self.caption is None:
            return 0.0
        _w, h = self.caption.wrap(availWidth, availHeight)
        return h + _space_after(self.caption)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._caption_height = self._caption_space(availWidth, availHeight)
        self._table_width, h = self.table.wrap(availWidth, availHeight - self._caption_height)
        self.width, self.height = availWidth, h + self._caption_height
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.table.getSpaceBefore() or 0)

    def getSpaceAfter(self) -> float:
        return float(self.table.getSpaceAfter() or 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        room = availHeight - self._caption_space(availWidth, availHeight)
        parts = self.table.split(availWidth, room) if room > _FUZZ else []
        if len(parts) < 2:
            return []
        return [Continued(parts[0], self.continuation, self.caption),
                *(Continued(part, self.continuation, self.continuation) for part in parts[1:])]

    def draw(self) -> None:
        y = self.height
        if self.caption is not None:
            _w, h = self.caption.wrap(self.width, self.height)
            y -= h
            self.caption.drawOn(self.canv, 0, y)
        align = getattr(self.table, "hAlign", "CENTER")
        x = (self.width - self._table_width) / 2 if align in ("CENTER", "CENTRE") else 0.0
        if align == "RIGHT":
            x = self.width - self._table_width
        self.table.drawOn(self.canv, x, 0)


class SectionEnd(Flowable):
    """Marks where a part of a document ends (a letter before its attachments, the last page).

    It takes no room; when drawn it tells ``record`` the page it fell on and how far down.
    """

    def __init__(self, record: Any) -> None:
        super().__init__()
        self.record = record
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.record(canvas.getPageNumber(), y)

    def draw(self) -> None:
        return None
