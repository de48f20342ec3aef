"""帮助 → 关于: the program's version and the licences of the program and of what it ships."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tribunal import __version__
from tribunal.resources import resource_path
from tribunal.services import app as app_service
from tribunal.services.app import Database


def data_folder(db: Database) -> Path:
    """The folder 打开数据文件夹 opens (the database file's, or the program's data folder)."""
    return app_service.data_folder(db)


def program_licence() -> str:
    """The program's licence as its package declares it."""
    try:
        meta = metadata.metadata("tribunal")
    except metadata.PackageNotFoundError:
        return ""
    for field in ("License-Expression", "License"):
        values = meta.get_all(field) or []
        if values and values[0]:
            return str(values[0])
    return ""


def font_licence_text() -> str:
    """The bundled fonts' licence (SIL Open Font License 1.1), as shipped beside them."""
    try:
        return resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError, ValueError):
        return "SIL Open Font License 1.1 — https://openfontlicense.org"


class AboutDialog(QDialog):
    """Version, database, and the licences: the program, Noto Serif SC (OFL), Qt for Python (LGPL)."""

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Tribunal"))
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        icon = QLabel()
        window_icon = parent.windowIcon() if parent is not None else self.windowIcon()
        icon.setPixmap(window_icon.pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        licence = program_licence()
        if licence.lower() == "proprietary":
            licence = self.tr("proprietary; all rights reserved")
        self.summary = QLabel(
            self.tr("<h3>Tribunal — circuit tribunal workbench</h3>"
                    "<p>Version {version}</p>"
                    "<p>For the clerks of labour-dispute arbitration commissions: cases, hearings at "
                    "enterprises, observers, documents and reports.</p>"
                    "<p>Database: {database}</p>"
                    "<p>Program licence: {licence}</p>").format(
                version=__version__, database=db.display_name if db is not None else "—",
                licence=licence or self.tr("see the installation folder")))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)

        self.licences = QTabWidget()
        fonts = QPlainTextEdit(font_licence_text())
        fonts.setReadOnly(True)
        self.licences.addTab(fonts, self.tr("Fonts (Noto Serif SC, SIL OFL 1.1)"))
        qt = QLabel(self.tr(
            "<p>The interface is built with Qt {qt} and Qt for Python (PySide6) {pyside}, used under "
            "the GNU Lesser General Public License version 3 (LGPL-3.0). Their source code is "
            "available from <a href=\"https://download.qt.io/official_releases/\">download.qt.io</a>; "
            "you may replace the Qt libraries in the installation folder with your own build.</p>").format(
                qt=qVersion(), pyside=pyside_version))
        qt.setWordWrap(True)
        qt.setOpenExternalLinks(True)
        qt.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.licences.addTab(qt, self.tr("Qt (LGPL-3.0)"))
        layout.addWidget(self.licences, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 480)
