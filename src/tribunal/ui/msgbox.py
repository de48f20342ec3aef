"""Every message box the program shows goes through here, so tests can replace them.

Tests monkeypatch these functions (``information``, ``warning``, ``critical``, ``confirm``,
``ask_text``) and are never blocked by a modal box.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from tribunal.errors import ConflictError, DatabaseError, NotFound, TribunalError, ValidationError
from tribunal.ui import lang


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
         detail: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if detail:
        box.setInformativeText(detail)
    # Messages come from the services and may contain < or &: never read them as HTML.
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def information(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """Tell the clerk something; one OK button."""
    box = _box(parent, QMessageBox.Icon.Information, title, text, detail)
    box.addButton(QCoreApplication.translate("msgbox", "OK"),
                  QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def warning(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """Tell the clerk that something could not be done and why; one OK button."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text, detail)
    box.addButton(QCoreApplication.translate("msgbox", "OK"),
                  QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def critical(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    """Tell the clerk about a serious problem (the database cannot be used); one OK button."""
    box = _box(parent, QMessageBox.Icon.Critical, title, text, detail)
    box.addButton(QCoreApplication.translate("msgbox", "OK"),
                  QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str = "") -> bool:
    """Ask a yes/no question; True when the clerk chose ``yes_text`` (default "Yes")."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    yes_text = yes_text or QCoreApplication.translate("msgbox", "Yes")
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.YesRole)
    no = box.addButton(QCoreApplication.translate("msgbox", "Cancel"),
                       QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for one line of text; None when the clerk cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText(QCoreApplication.translate("msgbox", "OK"))
    dialog.setCancelButtonText(QCoreApplication.translate("msgbox", "Cancel"))
    if dialog.exec():
        return dialog.textValue()
    return None


def show_error(parent: QWidget | None, error: TribunalError) -> None:
    """Show a typed error from the services with a title that says what kind of problem it is."""
    if isinstance(error, ConflictError):
        warning(parent, QCoreApplication.translate("msgbox", "Cannot save"), lang.text(error.message))
    elif isinstance(error, NotFound):
        warning(parent, QCoreApplication.translate("msgbox", "Record not found"), lang.text(error.message))
    elif isinstance(error, ValidationError):
        warning(parent, QCoreApplication.translate("msgbox", "Please check the input"),
                lang.text(error.message))
    elif isinstance(error, DatabaseError):
        critical(parent, QCoreApplication.translate("msgbox", "Database problem"), lang.text(error.message))
    else:
        warning(parent, QCoreApplication.translate("msgbox", "Cannot continue"), lang.text(error.message))
