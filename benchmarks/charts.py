"""How to draw the report's charts on screen: the evaluation behind the choice in docs/architecture.md.

Run: ``python benchmarks/charts.py [--runs N]`` in an environment that has the candidates:
the program's own (ReportLab + PySide6-Essentials) always; QtCharts needs PySide6-Addons and
pyqtgraph needs pyqtgraph and NumPy, none of which the program depends on — install them
in a scratch environment to compare (``pip install -e '.[chart-comparison]'
PySide6-Addons==<same as Essentials>``).
A candidate that is missing is reported as such.

Each candidate draws the same chart — twelve months, two series of bars (hearings on site and
observers), axis labels and a legend in Chinese — into a 660 × 330 image, offscreen:

(a) ReportLab's own chart (tribunal.documents.charts), written as SVG and painted by QtSvg:
    the very drawing the PDF prints, so one definition serves screen and paper;
(b) QtCharts (QChart, QBarSeries) — screen only; the PDF still needs (a);
(c) pyqtgraph (BarGraphItem) — screen only; the PDF still needs (a).

Measured: start-up (importing what the chart needs, in a fresh interpreter, on top of
PySide6.QtWidgets which the program loads anyway; median of --runs), the size on disk of
what the installed program would have to ship for it, and the time to draw one chart
(median of --runs after one warm-up).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MONTHS = tuple(f"2026-{m:02d}" for m in range(1, 13))
HEARINGS = (3, 5, 2, 8, 6, 4, 7, 9, 3, 2, 6, 5)
OBSERVERS = (20, 35, 12, 60, 41, 22, 50, 71, 18, 9, 40, 33)
WIDTH, HEIGHT = 660, 330

IMPORTS = {
    "a": "import PySide6.QtSvg, PySide6.QtSvgWidgets; import tribunal.documents.charts",
    "b": "import PySide6.QtCharts",
    "c": "import pyqtgraph",
}
BASE = "import PySide6.QtWidgets"


def _available(candidate: str) -> bool:
    module = {"a": "reportlab", "b": "PySide6.QtCharts", "c": "pyqtgraph"}[candidate]
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def import_ms(candidate: str, runs: int) -> float:
    """Median extra milliseconds to import the candidate after PySide6.QtWidgets, fresh interpreter."""
    code = ("import time; " + BASE + "; t = time.perf_counter(); " + IMPORTS[candidate]
            + "; print((time.perf_counter() - t) * 1000)")
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={"PYTHONPATH": str(ROOT / "src"), "QT_QPA_PLATFORM": "offscreen",
                                  "PATH": "/usr/bin:/bin"})
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(samples)


def _size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        elif path.exists():
            total += path.stat().st_size
    return total


def bundle_mb(candidate: str) -> tuple[float, str]:
    """Megabytes on disk the installed program would ship for the candidate, and what they are."""
    import PySide6

    qt = Path(PySide6.__file__).parent
    libs = qt / "Qt" / "lib"
    if candidate == "a":
        files = [qt / "QtSvg.abi3.so", qt / "QtSvgWidgets.abi3.so", *libs.glob("libQt6Svg*.so*"),
                 qt / "QtSvg.pyd", qt / "QtSvgWidgets.pyd", *qt.glob("Qt6Svg*.dll")]
        note = "QtSvg and QtSvgWidgets (already in PySide6-Essentials); ReportLab's charts are already shipped"
        return _size(files) / 1e6, note
    if candidate == "b":
        files = [qt / "QtCharts.abi3.so", *libs.glob("libQt6Charts*.so*"), qt / "QtCharts.pyd",
                 *qt.glob("Qt6Charts*.dll"), qt / "QtOpenGL.abi3.so", qt / "QtOpenGLWidgets.abi3.so",
                 *libs.glob("libQt6OpenGL*.so*")]
        note = "QtCharts with the OpenGL modules it links; installing it means the whole PySide6-Addons wheel"
        return _size(files) / 1e6, note
    import numpy
    import pyqtgraph

    numpy_dir = Path(numpy.__file__).parent
    files = [Path(pyqtgraph.__file__).parent, numpy_dir, numpy_dir.parent / "numpy.libs"]
    return _size(files) / 1e6, "pyqtgraph and NumPy (with its bundled BLAS)"


def addons_wheel_mb() -> float | None:
    """The installed size of the PySide6-Addons distribution (what a bundle would pull in)."""
    try:
        from importlib.metadata import files
    except ImportError:  # pragma: no cover
        return None
    try:
        found = files("PySide6-Addons") or []
    except Exception:
        return None
    return sum((f.locate().stat().st_size for f in found if Path(f.locate()).exists()), 0) / 1e6


# ---------------------------------------------------------------- drawing one chart


def draw_a() -> Callable[[], object]:
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from tribunal.documents.charts import ChartSpec, to_svg

    spec = ChartSpec("monthly", "每月在企业开庭次数与旁听人次", "bars", MONTHS,
                     (("在企业开庭（次）", tuple(map(float, HEARINGS))), ("旁听人次", tuple(map(float, OBSERVERS)))))

    def run() -> QImage:
        renderer = QSvgRenderer(QByteArray(to_svg(spec, WIDTH / 1.5, HEIGHT / 1.5)))
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image
    return run


def draw_b() -> Callable[[], object]:
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QChartView,
        QValueAxis,
    )
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter

    def run() -> object:
        series = QBarSeries()
        for name, values in (("在企业开庭（次）", HEARINGS), ("旁听人次", OBSERVERS)):
            bar = QBarSet(name)
            bar.append([float(v) for v in values])
            series.append(bar)
        chart = QChart()
        chart.addSeries(series)
        chart.setTitle("每月在企业开庭次数与旁听人次")
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        months = QBarCategoryAxis()
        months.append(list(MONTHS))
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(months)
        values = QValueAxis()
        values.setRange(0, 80)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.resize(WIDTH, HEIGHT)
        return view.grab()
    return run


def draw_c() -> Callable[[], object]:
    import pyqtgraph as pg

    pg.setConfigOptions(background="w", foreground="k", antialias=True)

    def run() -> object:
        widget = pg.PlotWidget(title="每月在企业开庭次数与旁听人次")
        x = list(range(len(MONTHS)))
        widget.addItem(pg.BarGraphItem(x=[i - 0.2 for i in x], height=list(HEARINGS), width=0.4, brush="#1f4e79"))
        widget.addItem(pg.BarGraphItem(x=[i + 0.2 for i in x], height=list(OBSERVERS), width=0.4, brush="#d08a2c"))
        widget.getAxis("bottom").setTicks([list(enumerate(MONTHS))])
        widget.addLegend()
        widget.resize(WIDTH, HEIGHT)
        return widget.grab()
    return run


def render_ms(candidate: str, runs: int) -> float:
    make = {"a": draw_a, "b": draw_b, "c": draw_c}[candidate]
    run = make()
    run()  # warm-up: fonts, caches
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from tribunal.resources import font_path

    app = QApplication.instance() or QApplication([])
    QFontDatabase.addApplicationFont(str(font_path("regular")))
    names = {"a": "(a) ReportLab chart → SVG → QtSvg", "b": "(b) QtCharts", "c": "(c) pyqtgraph"}
    for candidate in "abc":
        if not _available(candidate):
            print(f"{names[candidate]}: not installed here")
            continue
        start_ms = import_ms(candidate, max(3, args.runs // 3))
        size, what = bundle_mb(candidate)
        draw = render_ms(candidate, args.runs)
        print(f"{names[candidate]}: start-up +{start_ms:.0f} ms; ships {size:.1f} MB ({what}); "
              f"draws a chart in {draw:.1f} ms")
        if candidate == "a":
            # Where that time is paid: QtSvg on the GUI thread when the 统计 page is first built;
            # ReportLab's graphics on the worker thread, with the first report.
            IMPORTS["a-gui"] = "import PySide6.QtSvg, PySide6.QtSvgWidgets"
            IMPORTS["a-worker"] = "import tribunal.documents.charts"
            print(f"    of which QtSvg +{import_ms('a-gui', 3):.0f} ms (GUI thread, first opening of the page), "
                  f"ReportLab graphics +{import_ms('a-worker', 3):.0f} ms (worker thread, first report)")
    addons = addons_wheel_mb()
    if addons is not None:
        print(f"PySide6-Addons installed size: {addons:.0f} MB")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
