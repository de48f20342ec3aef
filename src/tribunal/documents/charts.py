"""The report's charts, defined once with ReportLab's graphics: drawn into the PDF, shown on screen as SVG.

A :class:`ChartSpec` is plain data (categories, series, how to draw them). :func:`drawing`
turns it into a ReportLab ``Drawing``: the PDF renderer places that drawing on the page as
it is, and :func:`to_svg` writes the same drawing as SVG, which the 统计 page shows with
QtSvg. One definition, so the screen and the paper never disagree. Why ReportLab's charts
and not QtCharts or pyqtgraph: docs/architecture.md ("Charts"), with the measured numbers.

Text is set in the bundled Noto Serif SC (also registered with Qt at start-up), so both
outputs draw Chinese the same way on any PC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from tribunal.documents.fonts import load_fonts

__all__ = ["PALETTE", "SVG_FONT_FAMILY", "ChartSpec", "drawing", "to_svg"]

#: Series colours: the program's dark blue, an amber and a green that stay apart in grey print.
PALETTE: Final = ("#1f4e79", "#d08a2c", "#4f8a5b", "#8a4f7d")
#: The family Qt knows the bundled font by (what the SVG names instead of ReportLab's alias).
SVG_FONT_FAMILY: Final = "Noto Serif SC"


@dataclass(frozen=True)
class ChartSpec:
    """One chart: what it shows and how.

    Attributes:
        key: ``monthly``, ``types``, ``mediation`` or ``reach``.
        title: printed above the chart.
        kind: ``bars`` (vertical, grouped), ``hbars`` (horizontal) or ``line``.
        categories: the labels along the category axis.
        series: (name, values) pairs; a value None leaves a gap (a month with nothing to rate).
        percent: values are shares 0–1, labelled as percentages.
        note: a line under the chart (what it counts), "" for none.
        empty_note: written across a chart with nothing to draw.
    """

    key: str
    title: str
    kind: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    percent: bool = False
    note: str = ""
    empty_note: str = "本期没有可统计的数据"

    @property
    def empty(self) -> bool:
        """Nothing to draw: every value is zero or missing."""
        return not any(v for _name, values in self.series for v in values)


def _font() -> str:
    return load_fonts().font("fangsong")


def _step(top: float) -> float:
    """A round value step giving about five grid lines up to ``top``."""
    if top <= 5:
        return 1
    raw = top / 5
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for nice in (1, 2, 5, 10):
        if raw <= nice * magnitude:
            return nice * magnitude
    return 10 * magnitude


def drawing(spec: ChartSpec, width: float = 440, height: float = 220) -> Drawing:
    """The chart as a ReportLab drawing of ``width`` × ``height`` points."""
    font = _font()
    d = Drawing(width, height)
    # The renderers start from the drawing's initial font: left at ReportLab's default it puts
    # an unembedded Helvetica into the PDF even though no text uses it.
    d.initialFontName = font
    d.initialFontSize = 10
    d.add(String(0, height - 12, spec.title, fontName=font, fontSize=11, fillColor=colors.black))
    legend_room = 16 if len(spec.series) > 1 else 0
    top = height - 22 - legend_room
    values = [v for _n, vs in spec.series for v in vs if v is not None]
    highest = max(values, default=0)
    if spec.percent:
        value_max, step = 1.0, 0.2
    else:
        step = _step(highest)
        value_max = max(step, (int(highest / step) + 1) * step) if highest else 5
    if spec.kind == "hbars":
        label_room = min(150.0, 12 + 10.5 * max((len(c) for c in spec.categories), default=2))
        chart: HorizontalBarChart | VerticalBarChart | HorizontalLineChart = HorizontalBarChart()
        chart.x, chart.y = label_room, 16
        chart.width, chart.height = width - label_room - 20, top - 16
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.categoryAxis.reverseDirection = 1
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
    else:
        chart = VerticalBarChart() if spec.kind == "bars" else HorizontalLineChart()
        chart.x, chart.y = 34, 34
        chart.width, chart.height = width - 44, top - 34
        chart.categoryAxis.labels.boxAnchor = "ne" if len(spec.categories) > 6 else "n"
        chart.categoryAxis.labels.angle = 30 if len(spec.categories) > 6 else 0
        chart.categoryAxis.labels.dy = -2
    chart.data = [tuple(values) for _n, values in spec.series]
    nothing_to_draw = isinstance(chart, HorizontalLineChart) and not values
    if nothing_to_draw:
        # ReportLab cannot draw a line without a single point: draw the axes over zeros, unseen.
        chart.data = [tuple(0.0 for _v in vs) for _n, vs in spec.series]
    chart.categoryAxis.categoryNames = list(spec.categories)
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName = font
        axis.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max
    chart.valueAxis.valueStep = step
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.valueAxis.labelTextFormat = (lambda v: f"{v:.0%}") if spec.percent else (
        lambda v: f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}")
    if isinstance(chart, HorizontalLineChart):
        for i in range(len(spec.series)):
            chart.lines[i].strokeColor = None if nothing_to_draw else colors.HexColor(PALETTE[i % len(PALETTE)])
            chart.lines[i].strokeWidth = 2
            chart.lines[i].symbol = None if nothing_to_draw else makeMarker(
                "FilledCircle", size=4, fillColor=colors.HexColor(PALETTE[i % len(PALETTE)]))
        chart.joinedLines = 1
    else:
        chart.barSpacing = 1
        chart.groupSpacing = 6
        for i in range(len(spec.series)):
            chart.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
            chart.bars[i].strokeColor = None
        if spec.kind == "hbars" or len(spec.categories) * len(spec.series) <= 16:
            chart.barLabelFormat = (lambda v: f"{v:.0%}") if spec.percent else "%d"
            chart.barLabels.fontName = font
            chart.barLabels.fontSize = 7.5
            if spec.kind != "hbars":
                chart.barLabels.nudge = 6
    d.add(chart)
    if len(spec.series) > 1:
        legend = Legend()
        legend.x, legend.y = chart.x, height - 24
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 90
        legend.fontName = font
        legend.fontSize = 8
        legend.boxAnchor = "nw"
        legend.colorNamePairs = [(colors.HexColor(PALETTE[i % len(PALETTE)]), name)
                                 for i, (name, _v) in enumerate(spec.series)]
        legend.dxTextSpace = 4
        legend.dx = legend.dy = 8
        legend.variColumn = 1
        legend.autoXPadding = 12
        d.add(legend)
    if spec.empty:
        d.add(String(chart.x + chart.width / 2, chart.y + chart.height / 2, spec.empty_note,
                     fontName=font, fontSize=10, fillColor=colors.HexColor("#777777"), textAnchor="middle"))
    return d


def to_svg(spec: ChartSpec, width: float = 440, height: float = 220) -> bytes:
    """The same chart as an SVG document, its text in :data:`SVG_FONT_FAMILY`."""
    text = renderSVG.drawToString(drawing(spec, width, height))
    # ReportLab names its own alias for the font; Qt knows the file by its family name.
    text = text.replace(_font(), SVG_FONT_FAMILY)
    # The whole-drawing clip is a no-op, and Qt's SVG Tiny renderer paints a clipPath's
    # rectangle as a black box instead of clipping with it.
    text = _CLIP.sub("", text).replace(' style="clip-path: url(#clip)"', "")
    # ReportLab writes Python's None for "no fill"; CSS wants "none" (Qt fills a line black otherwise).
    text = text.replace("fill: None", "fill: none").replace("stroke: None", "stroke: none")
    return text.encode("utf-8")


_CLIP: Final = re.compile(r"<clipPath id=\"clip\">.*?</clipPath>", re.DOTALL)
