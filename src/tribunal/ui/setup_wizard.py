"""First run: the commission set-up wizard (empty database) and the workstation set-up wizard.

On an empty database the commission wizard asks for the commission's name, the issuer name
printed where the seal is stamped, its numbering (case-number 代字, brackets, the next number
of the year, the certificate 代字), its zones and circuit tribunals, its arbitrators and
clerks, and this computer's language, clerk and documents folder; nothing is saved until 完成, and
then all of it in one transaction. Its first page offers the demonstration data instead.
A second computer opening a database that is already set up is asked only for its own
language, clerk and documents folder (the workstation wizard). This computer's answers go
to its own settings file (tribunal.services.workstation), never to the shared database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from tribunal.domain.case_numbers import CaseNumberPattern
from tribunal.domain.enums import StaffRole
from tribunal.errors import TribunalError, ValidationError
from tribunal.services import reference, settings, setup, workstation
from tribunal.services.app import Database, follow_workstation_clerk
from tribunal.ui import lang, msgbox, ops
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback
from tribunal.ui.lang import QT_TRANSLATE_NOOP

BRACKETS = ("〔〕", "（）", "[]", "()")

PAGE_START, PAGE_COMMISSION, PAGE_NUMBERING, PAGE_TRIBUNALS, PAGE_STAFF, PAGE_WORKSTATION = range(6)


# ---------------------------------------------------------------- this computer's settings
# The three functions below are the wizard's only knowledge of where a workstation's own
# settings live: this computer's settings file (tribunal.services.workstation).


def workstation_is_new() -> bool:
    """Whether this computer has never been set up (it has no settings file yet)."""
    return not workstation.exists()


def store_workstation(db: Database, clerk: str, folder: str, language: str | None = None) -> None:
    """Store this computer's clerk, documents folder and language in its settings file
    (all or none; safe off the GUI thread), and name the clerk in the audit from now on.

    Raises:
        ValidationError: a value the settings refuse (nothing is stored).
        StorageError: the settings file cannot be written.
    """
    values: dict[str, object] = {"clerk.name": clerk, "documents.folder": folder}
    if language is not None:
        values["ui.language"] = language
    settings.set_workstation_values(values)
    follow_workstation_clerk(db)


def mark_workstation_set_up() -> None:
    """Remember that this computer has been set up: its settings file, written by
    :func:`store_workstation`, says so; nothing more to keep."""


def check_folder(folder: str) -> str | None:
    """Why the documents folder cannot be used ("" is the default folder and fine)."""
    text = folder.strip()
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.is_absolute():
        return QCoreApplication.translate("setup", "Give the whole path, e.g. D:\\文书")
    if path.exists() and not path.is_dir():
        return QCoreApplication.translate("setup", "This is a file, not a folder")
    if not path.exists() and not path.parent.is_dir():
        return QCoreApplication.translate("setup", "The folder above it does not exist")
    return None


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


# ---------------------------------------------------------------- pages


class StartPage(QWizardPage):
    """Set up this commission (下一步), or try the demonstration data first (its own button)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(self.tr("The database is empty. Tell the program about your commission once; "
                                 "every notice, number and report uses what you enter here."))
        self.demo = QPushButton(self.tr("Try the demonstration data first (a separate demo database, "
                                        "never mixed with real cases)"))
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(self.tr("Press Next to set up your commission: its name, numbering, "
                                        "zones and circuit tribunals, arbitrators and clerks. Nothing is "
                                        "saved until you press Finish on the last page.")))
        layout.addSpacing(24)
        layout.addWidget(self.demo, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(_intro(self.tr("The demonstration uses an invented commission in Shaoyang; its "
                                        "window title says 演示数据. Start the program again to set up "
                                        "your own commission.")))
        layout.addStretch(1)


class CommissionPage(QWizardPage):
    """The commission's name, address, phone and the issuer name printed at the seal."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The commission"))
        self.setSubTitle(self.tr("As it is printed on notices and certificates."))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 株洲市劳动人事争议仲裁院"))
        self.seal_text = QLineEdit()
        self.seal_text.setPlaceholderText(self.tr("e.g. 株洲市劳动人事争议仲裁委员会"))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.feedback = {key: FieldFeedback(widget) for key, widget in (
            ("name", self.name), ("seal_text", self.seal_text), ("phone", self.phone))}
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Commission name"), self.feedback["name"].container)
        form.addRow(self.tr("Name printed at the seal"), self.feedback["seal_text"].container)
        form.addRow("", _intro(self.tr("Printed where the seal is stamped by hand; the program never "
                                       "prints a seal image.")))
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Phone"), self.feedback["phone"].container)
        self.name.editingFinished.connect(self._suggest_seal_text)

    def _suggest_seal_text(self) -> None:
        name = self.name.text().strip()
        if name and not self.seal_text.text().strip():
            self.seal_text.setText(name.replace("仲裁院", "仲裁委员会"))

    def validatePage(self) -> bool:
        errors = setup.check_commission(self.name.text(), self.seal_text.text(), self.phone.text())
        return _show_errors(self.feedback, errors)


class NumberingPage(QWizardPage):
    """Case-number 代字 and brackets, the year's next number, the certificate 代字."""

    def __init__(self, year: int) -> None:
        super().__init__()
        self.year = year
        self.setTitle(self.tr("Numbering"))
        self.setSubTitle(self.tr("How case numbers and training certificate numbers are written."))
        self.case_prefix = QLineEdit()
        self.case_prefix.setPlaceholderText(self.tr("e.g. 株劳人仲案字"))
        self.brackets = QComboBox()
        for pair in BRACKETS:
            self.brackets.addItem(f"{pair[0]}{year}{pair[1]}", pair)
        self.next_number = QSpinBox()
        self.next_number.setRange(1, setup.NEXT_NUMBER_MAX)
        self.next_number.setValue(1)
        self.certificate_prefix = QLineEdit()
        self.certificate_prefix.setPlaceholderText(self.tr("e.g. 株劳人仲培字"))
        self.preview = QLabel()
        self.preview.setProperty("feedback", "hint")
        self.feedback = {key: FieldFeedback(widget) for key, widget in (
            ("case_prefix", self.case_prefix), ("next_number", self.next_number),
            ("certificate_prefix", self.certificate_prefix))}
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Case-number 代字"), self.feedback["case_prefix"].container)
        form.addRow(self.tr("Year brackets"), self.brackets)
        form.addRow(self.tr("Next case number in {year}").format(year=year), self.feedback["next_number"].container)
        form.addRow("", _intro(self.tr("A commission that starts using the program during the year enters "
                                       "the number after the last one in its register; otherwise 1.")))
        form.addRow(self.tr("Certificate-number 代字"), self.feedback["certificate_prefix"].container)
        form.addRow(self.tr("The first numbers will be"), self.preview)
        for edit in (self.case_prefix, self.certificate_prefix):
            edit.textChanged.connect(self._show_preview)
        self.brackets.currentIndexChanged.connect(self._show_preview)
        self.next_number.valueChanged.connect(self._show_preview)
        self.case_prefix.editingFinished.connect(self._suggest_certificate_prefix)
        self._show_preview()

    def _suggest_certificate_prefix(self) -> None:
        prefix = self.case_prefix.text().strip()
        if prefix.endswith("案字") and not self.certificate_prefix.text().strip():
            self.certificate_prefix.setText(prefix[:-2] + "培字")

    def _show_preview(self) -> None:
        parts: list[str] = []
        with contextlib.suppress(ValueError):
            parts.append(CaseNumberPattern(prefix=self.case_prefix.text().strip(),
                                           brackets=self.brackets.currentData()).format(
                self.year, self.next_number.value()))
        if self.certificate_prefix.text().strip():
            parts.append(setup.certificate_pattern_for(self.certificate_prefix.text(), self.brackets.currentData())
                         .replace("{年}", str(self.year)).replace("{号}", "1"))
        self.preview.setText("\n".join(parts) or self.tr("(fill in the 代字 above)"))

    def validatePage(self) -> bool:
        errors = setup.check_numbering(self.case_prefix.text(), self.brackets.currentData(),
                                       self.next_number.value(), self.certificate_prefix.text())
        return _show_errors(self.feedback, errors)


class TribunalsPage(QWizardPage):
    """The development zones and the circuit tribunal stationed in each."""

    COLUMNS = (QT_TRANSLATE_NOOP("TribunalsPage", "Development zone"),
               QT_TRANSLATE_NOOP("TribunalsPage", "Circuit tribunal"),
               QT_TRANSLATE_NOOP("TribunalsPage", "Address"))

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Zones and circuit tribunals"))
        self.setSubTitle(self.tr("One line per circuit tribunal and the zone (园区) it serves. "
                                 "More can be added later; empty lines are left out."))
        self.table = QTableWidget(4, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(True)
        add = QPushButton(self.tr("Add a line"))
        add.clicked.connect(lambda: self.table.insertRow(self.table.rowCount()))
        remove = QPushButton(self.tr("Remove the line"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow())
                               if self.table.currentRow() >= 0 else None)
        self.feedback = {"tribunals": FieldFeedback(self.table)}
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.feedback["tribunals"].container)
        layout.addLayout(buttons)

    def set_line(self, row: int, zone: str, tribunal: str = "", address: str = "") -> None:
        """Fill one line (for tests and for a clerk pasting in)."""
        while self.table.rowCount() <= row:
            self.table.insertRow(self.table.rowCount())
        for column, text in enumerate((zone, tribunal, address)):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def entries(self) -> tuple[setup.TribunalEntry, ...]:
        """The lines filled in, in order."""
        found: list[setup.TribunalEntry] = []
        for row in range(self.table.rowCount()):
            cells = [(self.table.item(row, c).text().strip() if self.table.item(row, c) else "")  # type: ignore[union-attr]  # checked in the same expression
                     for c in range(len(self.COLUMNS))]
            if any(cells):
                found.append(setup.TribunalEntry(zone=cells[0], name=cells[1], address=cells[2]))
        return tuple(found)

    def validatePage(self) -> bool:
        return _show_errors(self.feedback, setup.check_tribunals(self.entries()))


class StaffPage(QWizardPage):
    """The commission's arbitrators and clerks, one name a line."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Arbitrators and clerks"))
        self.setSubTitle(self.tr("One name per line. More can be added later."))
        self.arbitrators = QPlainTextEdit()
        self.clerks = QPlainTextEdit()
        self.feedback = {"arbitrators": FieldFeedback(self.arbitrators), "clerks": FieldFeedback(self.clerks)}
        form = QFormLayout(self)
        form.addRow(self.tr("Arbitrators"), self.feedback["arbitrators"].container)
        form.addRow(self.tr("Clerks"), self.feedback["clerks"].container)

    def validatePage(self) -> bool:
        return _show_errors(self.feedback, setup.check_staff(_lines(self.arbitrators), _lines(self.clerks)))


class WorkstationPage(QWizardPage):
    """This computer's clerk and documents folder."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("This computer"))
        self.setSubTitle(self.tr("Who works at this computer, and where its documents are saved. "
                                 "Other computers sharing the database keep their own."))
        self.language = QComboBox()
        for choice in settings.LANGUAGES:
            self.language.addItem(choice.label_zh, choice.value)
        self.clerk = QComboBox()
        self.clerk.setEditable(True)
        self.clerk.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.folder = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        # The message goes under the folder and its 浏览… button together.
        self.feedback = {"clerk": FieldFeedback(self.clerk), "folder": FieldFeedback(self.folder, embed=False)}
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.feedback["folder"].container)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Clerk at this computer"), self.feedback["clerk"].container)
        form.addRow(self.tr("Documents folder"), holder)
        form.addRow("", _intro(self.tr("Leave the folder empty to use the one shown in grey.")))
        where = _intro(self.tr("Saved in {path}").format(path=workstation.settings_path()))
        where.setProperty("feedback", "hint")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", where)

    def show_defaults(self, folder: str, language: str) -> None:
        """The default documents folder (shown in grey) and the language this computer uses now."""
        self.folder.setPlaceholderText(folder)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))

    def set_clerks(self, names: list[str]) -> None:
        """Offer these names (the clerk may still type another)."""
        current = self.clerk.currentText()
        self.clerk.clear()
        self.clerk.addItems(names)
        self.clerk.setCurrentText(current or (names[0] if names else ""))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Documents folder"),
                                                  self.folder.text() or self.folder.placeholderText())
        if chosen:
            self.folder.setText(chosen)

    def validatePage(self) -> bool:
        errors: dict[str, str] = {}
        if not self.clerk.currentText().strip():
            errors["clerk"] = self.tr("Enter the name of the clerk at this computer")
        elif len(self.clerk.currentText().strip()) > 60:
            errors["clerk"] = self.tr("At most 60 characters")
        problem = check_folder(self.folder.text())
        if problem:
            errors["folder"] = problem
        return _show_errors(self.feedback, errors)


def _show_errors(feedback: dict[str, FieldFeedback], errors: dict[str, str]) -> bool:
    """Show each message beside its field; True when there are none."""
    for key, fb in feedback.items():
        if key in errors:
            fb.show_error(lang.text(errors[key]))
        else:
            fb.clear()
    first = next((fb for key, fb in feedback.items() if key in errors), None)
    if first is not None:
        first.field.setFocus()
    return not errors


def _busy(wizard: QWizard, busy: bool) -> None:
    """While saving: no second 完成, no going back."""
    for button in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                   QWizard.WizardButton.CancelButton):
        wizard.button(button).setEnabled(not busy)


def _workstation_defaults(db: Database, *, clerks: bool) -> tuple[str, str, list[str]]:
    """The default documents folder, this computer's language now and (if asked) the clerks'
    names — read off the GUI thread when a wizard opens."""
    from tribunal.services import documents

    try:
        folder = str(documents.documents_folder(db))
    except TribunalError:
        folder = ""
    current, _problems = settings.workstation_values()
    names: list[str] = []
    if clerks:
        try:
            names = [s.name for s in reference.list_staff(db, StaffRole.CLERK)]
        except TribunalError:
            names = []  # the names are only a convenience; typing works without them
    return folder, str(current["ui.language"]), names


def _read_defaults(wizard: QWizard, db: Database, page: WorkstationPage, *, clerks: bool) -> None:
    """Fill ``page`` with this computer's defaults, read in the background (the page waits)."""

    def show(answer: tuple[str, str, list[str]]) -> None:
        folder, language, names = answer
        page.show_defaults(folder, language)
        if clerks:
            page.set_clerks(names)
        page.setEnabled(True)

    page.setEnabled(False)
    ops.run_read(wizard, lambda: _workstation_defaults(db, clerks=clerks), show,
                 on_failed=lambda _error: page.setEnabled(True), key="defaults")


def _prepare(wizard: QWizard, title: str) -> None:
    wizard.setWindowTitle(title)
    wizard.setStyleSheet(FORM_STYLE)
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
    wizard.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
    wizard.setButtonText(QWizard.WizardButton.NextButton, QCoreApplication.translate("setup", "Next >"))
    wizard.setButtonText(QWizard.WizardButton.BackButton, QCoreApplication.translate("setup", "< Back"))
    wizard.setButtonText(QWizard.WizardButton.FinishButton, QCoreApplication.translate("setup", "Finish"))
    wizard.setButtonText(QWizard.WizardButton.CancelButton, QCoreApplication.translate("setup", "Cancel"))
    wizard.resize(760, 540)


class CommissionWizard(QWizard):
    """Sets up the commission on an empty database, or chooses the demonstration data.

    After ``exec()``: ``chose_demo`` is True when the clerk chose the demonstration; else
    ``saved`` says the commission was set up.
    """

    def __init__(self, db: Database, parent: QWidget | None = None, *, year: int | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.year = year or dt.date.today().year
        self.chose_demo = False
        self.saved = False
        _prepare(self, self.tr("Setting up the program"))
        self.start = StartPage()
        self.commission = CommissionPage()
        self.numbering = NumberingPage(self.year)
        self.tribunals = TribunalsPage()
        self.staff = StaffPage()
        self.workstation = WorkstationPage()
        _read_defaults(self, db, self.workstation, clerks=False)
        for page_id, page in ((PAGE_START, self.start), (PAGE_COMMISSION, self.commission),
                              (PAGE_NUMBERING, self.numbering), (PAGE_TRIBUNALS, self.tribunals),
                              (PAGE_STAFF, self.staff), (PAGE_WORKSTATION, self.workstation)):
            self.setPage(page_id, page)
        self.setStartId(PAGE_START)
        self.start.demo.clicked.connect(self.choose_demo)
        self.currentIdChanged.connect(self._entered)

    def _entered(self, page_id: int) -> None:
        if page_id == PAGE_WORKSTATION:
            self.workstation.set_clerks(list(_lines(self.staff.clerks)))

    def data(self) -> setup.CommissionSetup:
        """What the pages hold, as the set-up service takes it."""
        c, n = self.commission, self.numbering
        return setup.CommissionSetup(
            name=c.name.text(), seal_text=c.seal_text.text(), address=c.address.text(), phone=c.phone.text(),
            case_prefix=n.case_prefix.text(), brackets=n.brackets.currentData(), year=self.year,
            next_number=n.next_number.value(), certificate_prefix=n.certificate_prefix.text(),
            tribunals=self.tribunals.entries(), arbitrators=_lines(self.staff.arbitrators),
            clerks=_lines(self.staff.clerks))

    def choose_demo(self) -> None:
        """Close, saving nothing: the program opens the demonstration's own database instead."""
        self.chose_demo = True
        QDialog.accept(self)  # not QWizard.accept: the current page is not to be checked

    def accept(self) -> None:
        """完成: save everything off the GUI thread; a refusal keeps the wizard open."""
        if not self.validateCurrentPage():  # QWizard.accept checks the last page; this replaces it
            return
        db, data = self._db, self.data()
        clerk, folder = self.workstation.clerk.currentText(), self.workstation.folder.text()
        language = self.workstation.language.currentData()

        def work() -> str:
            setup.set_up_commission(db, data)
            try:
                store_workstation(db, clerk, folder, language)
            except TribunalError as exc:  # the commission is saved: say so, do not undo it
                return lang.text(exc.message)
            return ""

        _busy(self, True)
        ops.run_write(self, work, changes=ops.Changes.ALL, on_done=self._saved, on_failed=self._refused)

    def _saved(self, workstation_problem: str) -> None:
        _busy(self, False)
        self.saved = True
        if workstation_problem:
            msgbox.warning(self, self.tr("This computer"), self.tr(
                "The commission was set up, but this computer's settings were not saved; "
                "set them on the Settings page."), workstation_problem)
        else:
            mark_workstation_set_up()
        QDialog.accept(self)

    def _refused(self, exc: TribunalError) -> None:
        _busy(self, False)
        if isinstance(exc, ValidationError):
            self._show_refusal(exc)
        else:
            msgbox.warning(self, self.tr("Not saved"), self.tr("The set-up was not saved."), lang.text(exc.message))

    def _show_refusal(self, exc: ValidationError) -> None:
        pages: tuple[tuple[int, QWizardPage, dict[str, FieldFeedback]], ...] = (
            (PAGE_COMMISSION, self.commission, self.commission.feedback),
            (PAGE_NUMBERING, self.numbering, self.numbering.feedback),
            (PAGE_TRIBUNALS, self.tribunals, self.tribunals.feedback),
            (PAGE_STAFF, self.staff, self.staff.feedback))
        for _page_id, _page, feedback in pages:
            if any(key in exc.fields for key in feedback):
                _show_errors(feedback, {k: v for k, v in exc.fields.items() if k in feedback})
                while self.currentPage() is not _page and self.currentId() != PAGE_START:
                    self.back()
                return
        msgbox.warning(self, self.tr("Not saved"), self.tr("The set-up was not saved."), lang.text(exc.message))


class WorkstationWizard(QWizard):
    """A second computer's first start on a database that is set up: its clerk and folder only."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.saved = False
        _prepare(self, self.tr("Setting up this computer"))
        self.workstation = WorkstationPage()
        self.addPage(self.workstation)
        _read_defaults(self, db, self.workstation, clerks=True)
        self.resize(640, 360)

    def accept(self) -> None:
        """完成: store this computer's settings off the GUI thread; a refusal keeps the wizard open."""
        if not self.validateCurrentPage():
            return
        db = self._db
        clerk, folder = self.workstation.clerk.currentText(), self.workstation.folder.text()
        language = self.workstation.language.currentData()
        _busy(self, True)
        ops.run_write(self, lambda: store_workstation(db, clerk, folder, language), changes=ops.Changes.SETTINGS,
                      on_done=self._saved, on_failed=self._refused)

    def _saved(self, _result: object) -> None:
        _busy(self, False)
        mark_workstation_set_up()
        self.saved = True
        QDialog.accept(self)

    def _refused(self, exc: TribunalError) -> None:
        _busy(self, False)
        if isinstance(exc, ValidationError):
            _show_errors(self.workstation.feedback, {
                "clerk" if "clerk.name" in exc.fields else "folder": lang.text(exc.message)})
        else:
            msgbox.warning(self, self.tr("Not saved"), self.tr("This computer's settings were not saved."),
                           lang.text(exc.message))
