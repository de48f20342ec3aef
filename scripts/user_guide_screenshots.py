"""The user guide's screenshots, taken from the real program on the demonstration data.

Usage (from the repository root; no screen needed)::

    python scripts/user_guide_screenshots.py            # → docs/user-guide/images/*.png
    python scripts/user_guide_screenshots.py --out DIR  # somewhere else, to compare

Each picture is ``QWidget.grab()`` of a window, page or dialog at 1366×768 (dialogs at their
own size), offscreen, in Chinese, on a fresh demonstration database (``tribunal demo``'s
data, with history) and a fresh empty database for the set-up wizard. Run it again after
changing a screen the guide shows, and commit the pictures with the change.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "user-guide" / "images")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from tribunal.services import demo, settings
    from tribunal.services.app import open_database
    from tribunal.ui import app as ui_app
    from tribunal.ui import background

    work = Path(tempfile.mkdtemp(prefix="tribunal-guide-"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(work / "qsettings"))  # never the clerk's own
    app = ui_app.create_application()
    ui_app.install_fonts(app)
    ui_app.install_translators(app, "zh_CN")
    failures: list[str] = []
    made: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            QApplication.processEvents()
            background.wait_until_idle(30_000)
        QApplication.processEvents()

    def shot(name: str, make: Callable[[], QWidget], *, size: tuple[int, int] | None = SIZE) -> None:
        try:
            widget = make()
            if size is not None:
                widget.resize(*size)
            widget.show()
            settle()
            path = out / f"{name}.png"
            if not widget.grab().save(str(path)):
                raise OSError(f"cannot write {path}")
            made.append(path)
        except Exception as exc:  # one picture failing must not hide the others
            failures.append(f"{name}: {exc!r}")

    try:
        # --- first run: the set-up wizard on an empty database
        from tribunal.ui.setup_wizard import CommissionWizard, WorkstationWizard

        empty = open_database(str(work / "empty.sqlite3"), actor="示例")
        wizard = CommissionWizard(empty, year=2026)
        shot("setup-start", lambda: wizard, size=None)
        wizard.next()
        wizard.commission.name.setText("株洲市劳动人事争议仲裁院")
        wizard.commission.seal_text.setText("株洲市劳动人事争议仲裁委员会")
        wizard.commission.address.setText("湖南省株洲市天元区神农大道1号")
        wizard.commission.phone.setText("0731-28680000")
        shot("setup-commission", lambda: wizard, size=None)
        wizard.next()
        wizard.numbering.case_prefix.setText("株劳人仲案字")
        wizard.numbering.certificate_prefix.setText("株劳人仲培字")
        wizard.numbering.next_number.setValue(37)
        shot("setup-numbering", lambda: wizard, size=None)
        wizard.next()
        wizard.tribunals.set_line(0, "株洲高新技术产业开发区", "株洲高新区巡回仲裁庭", "株洲市天元区黄河北路")
        wizard.tribunals.set_line(1, "醴陵经济开发区", "醴陵经开区巡回仲裁庭", "醴陵市陶瓷大道")
        shot("setup-tribunals", lambda: wizard, size=None)
        wizard.next()
        wizard.staff.arbitrators.setPlainText("李建国\n王淑芬\n张卫东")
        wizard.staff.clerks.setPlainText("欧阳晓燕\n赵静")
        shot("setup-staff", lambda: wizard, size=None)
        wizard.next()
        shot("setup-workstation", lambda: wizard, size=None)
        wizard.close()
        empty.dispose()

        # --- the demonstration data, as `tribunal demo` loads it
        db = open_database(str(work / "demo.sqlite3"), actor="欧阳晓燕")
        demo.load_demo(db, history=True)
        settings.set_value(db, "clerk.name", "欧阳晓燕")
        values = settings.get_all(db)

        shot("setup-second-computer", lambda: WorkstationWizard(db), size=None)

        from tribunal.ui import main_window as mw

        window = mw.MainWindow(db, values)
        window.resize(*SIZE)
        window.show()
        window.load_data()
        for name, page in (("dashboard", mw.PAGE_DASHBOARD), ("cases", mw.PAGE_CASES),
                           ("hearings", mw.PAGE_HEARINGS), ("enterprises", mw.PAGE_ENTERPRISES),
                           ("observers", mw.PAGE_OBSERVERS), ("training", mw.PAGE_TRAINING),
                           ("documents", mw.PAGE_DOCUMENTS), ("reports", mw.PAGE_REPORTS),
                           ("settings", mw.PAGE_SETTINGS)):
            window.switch_to(page)
            shot(name, lambda: window)

        from tribunal.ui.case_editor import CaseEditor
        from tribunal.ui.checkin_window import CheckinWindow
        from tribunal.ui.hearing_dialog import HearingDialog
        from tribunal.ui.help_window import UserGuideWindow

        shot("case-editor", lambda: CaseEditor(db), size=None)
        shot("hearing-dialog", lambda: HearingDialog(db, hearing_id=1), size=None)
        shot("checkin", lambda: CheckinWindow(db, 1))
        shot("user-guide", lambda: UserGuideWindow(), size=None)
        window.close()
        settle()
        db.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for path in made:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    for failure in failures:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
