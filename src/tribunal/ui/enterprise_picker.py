"""Pick an enterprise of the directory as a party (被申请人), instead of retyping its name and code."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tribunal.errors import TribunalError
from tribunal.services import cases, enterprises
from tribunal.services.app import Database
from tribunal.services.cases import PartyFromDirectory
from tribunal.services.enterprises import EnterpriseRow
from tribunal.ui import msgbox, ops, window_state
from tribunal.ui.lang import QT_TRANSLATE_NOOP
from tribunal.ui.rows_model import Column, RowsModel, make_table, selected_rows, set_column_widths

#: Translation context of the strings (written out at each string: lupdate reads only literals).
CONTEXT = "EnterprisePicker"
#: At most this many enterprises are listed; a longer directory is narrowed by typing.
LIMIT = 200
SEARCH_DELAY_MS = 250

_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("EnterprisePicker", "Enterprise"), lambda r: r.name, tooltip=lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("EnterprisePicker", "Credit code"), lambda r: r.credit_code),
    Column(QT_TRANSLATE_NOOP("EnterprisePicker", "Zone"), lambda r: r.zone),
    Column(QT_TRANSLATE_NOOP("EnterprisePicker", "Address"), lambda r: r.address, tooltip=lambda r: r.address),
)


class EnterprisePicker(QDialog):
    """Search the directory by name, credit code or contact; Enter or a double-click picks."""

    def __init__(self, db: Database, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.picked: PartyFromDirectory | None = None
        self.setWindowTitle(self.tr("Choose from the enterprise directory"))
        self.search = QLineEdit(text)
        self.search.setPlaceholderText(self.tr("Name, credit code or contact"))
        self.search.setClearButtonEnabled(True)
        self.model = RowsModel(CONTEXT, _COLUMNS, parent=self)
        self.view = make_table(self.model, empty_text=self.tr(
            "No enterprise of the directory matches. Type less of the name, or type the party's "
            "details by hand (the enterprise can be added on the 企业 page later)."))
        set_column_widths(self.view, {0: "湖南湘中纺织科技有限公司邵阳分公司", 1: "91430500MA4L00003Q",
                                      2: "邵阳经济技术开发区"})
        self.view.activated.connect(lambda _index: self.pick())
        self.count = QLabel()
        self.count.setProperty("feedback", "hint")
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Use this enterprise"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.pick)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        window_state.open_at(self, 900, 520)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self._update_button()
        self.reload()

    def reload(self) -> None:
        """Search the directory again (off the GUI thread; an older answer is dropped)."""
        text, db = self.search.text(), self._db
        ops.run_read(self, lambda: enterprises.search_enterprises(db, text, limit=LIMIT + 1),
                     self._fill, key="search")

    def _fill(self, rows: list[EnterpriseRow]) -> None:
        self.model.set_rows(rows[:LIMIT])
        if len(rows) > LIMIT:
            self.count.setText(self.tr("The first {count} are listed: type more to narrow the search.")
                               .format(count=LIMIT))
        else:
            self.count.setText(self.tr("{count} enterprise(s)").format(count=len(rows)))
        if len(rows) == 1:
            self.view.selectRow(0)  # the one match is chosen
        self._update_button()

    def _enter(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.reload()
        elif self.model.rowCount() == 1 or selected_rows(self.view):
            self.pick()

    def _update_button(self) -> None:
        self.ok_button.setEnabled(bool(selected_rows(self.view)))

    def pick(self) -> None:
        """Take the selected enterprise (with its legal representative from its last case)."""
        chosen = selected_rows(self.view)
        if not chosen:
            return
        db, enterprise_id = self._db, chosen[0].id
        try:
            # The editor waits for the party (the window drawing on), then the picker closes.
            self.picked = ops.call(self, lambda: cases.party_from_enterprise(db, enterprise_id))
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return
        self.accept()

    @staticmethod
    def ask(parent: QWidget | None, db: Database, text: str = "") -> PartyFromDirectory | None:
        """Show the picker; the enterprise as a party, or None when the clerk cancelled."""
        dialog = EnterprisePicker(db, text, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        return dialog.picked if dialog.exec() == QDialog.DialogCode.Accepted else None
