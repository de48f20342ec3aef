"""Adding or editing an enterprise of the directory (企业信息), and adding an HR contact to it."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tribunal.errors import ConflictError, StaleEditError, TribunalError, ValidationError
from tribunal.services import enterprises
from tribunal.services.app import Database
from tribunal.services.enterprises import (
    ContactRow,
    EnterpriseDetail,
    EnterpriseInput,
    EnterpriseRow,
    ZoneRow,
)
from tribunal.texts import Text
from tribunal.ui import lang, msgbox, ops, stale_edit
from tribunal.ui.feedback import FORM_STYLE, FieldFeedback, place_errors

#: Keys of the fields, as the service names them in ``ValidationError.fields``.
FIELDS = ("name", "credit_code", "zone", "address", "contact_name", "contact_title",
          "contact_phone", "size", "notes")


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setVerticalSpacing(8)
    return form


def _buttons(ok_text: str, cancel_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setDefault(True)
    box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    return box


class EnterpriseDialog(QDialog):
    """企业信息: name, credit code, zone, address, primary HR contact, size and notes.

    Each field is checked as the clerk leaves it; the reason for a refusal is shown under
    the field. A likely duplicate (same credit code or same name once 有限公司, brackets and
    spaces are set aside) is pointed out under the name before saving.
    """

    def __init__(self, db: Database, enterprise_id: int | None = None, *,
                 zone_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._enterprise_id = enterprise_id
        # A failing code the clerk already confirmed need not be confirmed again.
        self._confirmed_code = ""
        self.saved: EnterpriseDetail | None = None
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(560)
        self.setWindowTitle(self.tr("New enterprise") if enterprise_id is None
                            else self.tr("Edit enterprise"))

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Full name as on the business licence"))
        self.credit_code = QLineEdit()
        self.credit_code.setPlaceholderText(self.tr("18 characters, as on the business licence"))
        self.credit_code_confirmed = QCheckBox(
            self.tr("Checked against the business licence: the code is correct"))
        self.credit_code_confirmed.hide()
        self.zone = QComboBox()
        self.zone.addItem(self.tr("(no development zone)"), None)
        self.address = QLineEdit()
        self.contact_name = QLineEdit()
        self.contact_name.setPlaceholderText(self.tr("The HR manager to invite"))
        self.contact_title = QLineEdit()
        self.contact_title.setPlaceholderText(self.tr("For example: HR manager"))
        self.contact_phone = QLineEdit()
        self.contact_phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.headcount = QLineEdit()
        self.headcount.setPlaceholderText(self.tr("For example: 350 or 50–300"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.notes.setTabChangesFocus(True)

        self._feedback = {
            "name": FieldFeedback(self.name),
            "credit_code": FieldFeedback(self.credit_code, extra=self.credit_code_confirmed),
            "zone": FieldFeedback(self.zone),
            "address": FieldFeedback(self.address),
            "contact_name": FieldFeedback(self.contact_name),
            "contact_title": FieldFeedback(self.contact_title),
            "contact_phone": FieldFeedback(self.contact_phone),
            "size": FieldFeedback(self.headcount),
            "notes": FieldFeedback(self.notes),
        }
        fb = self._feedback
        form = _form()
        form.addRow(self.tr("Name"), fb["name"].container)
        form.addRow(self.tr("Credit code"), fb["credit_code"].container)
        form.addRow(self.tr("Development zone"), fb["zone"].container)
        form.addRow(self.tr("Address"), fb["address"].container)
        form.addRow(self.tr("HR contact"), fb["contact_name"].container)
        form.addRow(self.tr("Contact's title"), fb["contact_title"].container)
        form.addRow(self.tr("Contact's phone"), fb["contact_phone"].container)
        form.addRow(self.tr("Size"), fb["size"].container)
        form.addRow(self.tr("Notes"), fb["notes"].container)

        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = _buttons(self.tr("Save"), self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._fields = QWidget()
        self._fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self._fields)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.stale = stale_edit.StaleWatch(self, db, "enterprise", ops.Changes.ENTERPRISES,
                                           self.reload_record, layout)

        for key in ("name", "credit_code", "contact_name", "contact_title", "contact_phone",
                    "address", "size"):
            field = fb[key].field
            assert isinstance(field, QLineEdit)
            field.editingFinished.connect(self.check)
            field.textEdited.connect(lambda _text, k=key: self._retyped(k))

        self._zone_id = zone_id

        def read() -> tuple[list[ZoneRow], EnterpriseDetail | None]:
            detail = (enterprises.get_enterprise(db, enterprise_id, show_phones=True)
                      if enterprise_id is not None else None)
            return enterprises.list_zones(db), detail

        self.loading = ops.FormLoad(self, read, self._opened, fields=[self._fields],
                                    buttons=[self.save_button], layout=layout, index=1)
        self.loading.start()

    @property
    def save_button(self) -> QPushButton:
        """保存."""
        return self.buttons.buttons()[0]  # type: ignore[return-value]  # only push buttons are added

    def _opened(self, answer: tuple[list[ZoneRow], EnterpriseDetail | None]) -> None:
        zones, detail = answer
        for zone in zones:
            self.zone.addItem(zone.name, zone.id)
        if detail is not None:
            self._fill(detail)
        elif self._zone_id is not None:
            index = self.zone.findData(self._zone_id)
            self.zone.setCurrentIndex(max(index, 0))

    def _fill(self, detail: EnterpriseDetail) -> None:
        row = detail.row
        self._loaded_version: int | None = row.version
        self.name.setText(row.name)
        self.credit_code.setText(row.credit_code)
        index = self.zone.findData(row.zone_id) if row.zone_id is not None else 0
        self.zone.setCurrentIndex(max(index, 0))
        self.address.setText(row.address)
        self.contact_name.setText(row.contact_name)
        self.contact_title.setText(row.contact_title)
        self.contact_phone.setText(row.contact_phone)
        self.headcount.setText(row.size)
        self.notes.setPlainText(row.notes)
        if not row.credit_code_unconfirmed:
            self._confirmed_code = row.credit_code
        self.stale.track(row.id)

    def reload_record(self) -> None:
        """重新载入: show the enterprise as saved now; what was typed here is dropped."""
        if self._enterprise_id is None:
            return
        db, enterprise_id = self._db, self._enterprise_id
        self.loading.start(lambda: enterprises.get_enterprise(db, enterprise_id, show_phones=True),
                           self._reloaded)

    def _reloaded(self, detail: EnterpriseDetail) -> None:
        for feedback in self._feedback.values():
            feedback.clear()
        self.summary.hide()
        self._fill(detail)

    # ------------------------------------------------------------------ data

    def feedback(self, key: str) -> FieldFeedback:
        """The message line of one field (keys of :data:`FIELDS`)."""
        return self._feedback[key]

    def current_input(self) -> EnterpriseInput:
        """What the form holds, as the service takes it."""
        return EnterpriseInput(
            name=self.name.text(), credit_code=self.credit_code.text(),
            credit_code_confirmed=self.credit_code_confirmed.isChecked(),
            zone_id=self.zone.currentData(), address=self.address.text(),
            contact_name=self.contact_name.text(), contact_title=self.contact_title.text(),
            contact_phone=self.contact_phone.text(), size=self.headcount.text(),
            notes=self.notes.toPlainText(),
        )

    def _retyped(self, key: str) -> None:
        if self._feedback[key].has_error:
            self._feedback[key].clear()

    # ------------------------------------------------------------------ checking

    def check(self) -> bool:
        """Check every field as typed, without saving; True when nothing is refused."""
        clean, errors, warnings = enterprises.check_enterprise_input(self.current_input())
        for key in ("name", "credit_code", "contact_name", "contact_title", "contact_phone",
                    "address", "size"):
            if key in errors:
                self._feedback[key].show_error(_field_reason(errors[key]))
            elif self._feedback[key].kind == "error":
                self._feedback[key].clear()
        self._check_code_warning(clean.credit_code, warnings, errors)
        self._check_duplicates(errors)
        return not errors

    def _check_code_warning(self, code: str, warnings: list[str], errors: dict[str, str]) -> None:
        feedback = self._feedback["credit_code"]
        if "credit_code" in errors:
            self.credit_code_confirmed.hide()
            return
        if warnings and not (self._confirmed_code and code == self._confirmed_code):
            feedback.show_warning(warnings[0] + "。" + self.tr(
                "If it matches the business licence, tick the box below."))
            self.credit_code_confirmed.show()
        else:
            if feedback.kind == "warning":
                feedback.clear()
            self.credit_code_confirmed.hide()
            self.credit_code_confirmed.setChecked(False)

    def _check_duplicates(self, errors: dict[str, str]) -> None:
        if "name" in errors or not self.name.text().strip():
            return
        db, name, code, exclude = self._db, self.name.text(), self.credit_code.text(), self._enterprise_id
        ops.run_read(self, lambda: enterprises.find_duplicates(db, name, code, exclude_id=exclude),
                     self._show_duplicates, on_failed=lambda _e: None, key="duplicates")

    def _show_duplicates(self, dups: list[EnterpriseRow]) -> None:
        if dups:
            other = dups[0]
            self._feedback["name"].show_warning(
                self.tr("The directory already has “{name}” (no. {number}); it cannot be "
                        "entered twice.").format(name=other.name, number=other.id))
        elif self._feedback["name"].kind == "warning":
            self._feedback["name"].clear()

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Save the enterprise; on a refusal show the reasons beside the fields and stay open."""
        if not self.loading.ready:
            return False
        self.summary.hide()
        data = self.current_input()
        db, enterprise_id = self._db, self._enterprise_id
        version = getattr(self, "_loaded_version", None)

        def work() -> EnterpriseDetail:
            if enterprise_id is None:
                return enterprises.create_enterprise(db, data)
            return enterprises.update_enterprise(db, enterprise_id, data, expected_version=version)

        try:
            # On the writer thread; the page that asked broadcasts what was saved.
            self.saved = ops.call(self, work, write=True)
            if enterprise_id is not None:
                self._loaded_version = self.saved.row.version
        except ValidationError as exc:
            placed = [k for k in exc.fields if k in self._feedback]
            if placed:
                # Focus first: leaving the field the clerk was in runs its live check, which
                # must not overwrite the reasons placed below.
                self._feedback[placed[0]].field.setFocus()
            for key in placed:
                self._feedback[key].show_error(_field_reason(exc.fields[key]))
            if "credit_code" in exc.fields:
                self.credit_code_confirmed.setVisible(
                    enterprises.credit_code_needs_confirmation(self.credit_code.text().strip().upper()))
            if not placed:
                self.summary.setText(lang.text(exc.message))
                self.summary.show()
            return False
        except StaleEditError as exc:
            stale_edit.resolve(self, exc, self.reload_record)
            return False
        except ConflictError as exc:
            self.summary.setText(lang.text(exc.message))
            self.summary.show()
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, enterprise_id: int | None = None, *,
            zone_id: int | None = None) -> EnterpriseDetail | None:
        """Open the dialog for a new enterprise (``enterprise_id`` None) or an existing one.

        Returns:
            The saved enterprise, or None when the clerk cancelled (or it could not be opened,
            which has been explained).
        """
        dialog = cls(db, enterprise_id, zone_id=zone_id, parent=parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()


def _field_reason(reason: str) -> str:
    # “联系电话：…” under the phone field already says which field it is.
    if isinstance(reason, Text):
        whole = re.fullmatch(r"(联系人姓名|联系电话|身份证号码)：\{(\w+)\}", reason.template)
        return lang.text(reason.params[whole.group(2)] if whole else reason)
    for prefix in ("联系人姓名：", "联系电话：", "身份证号码："):
        if reason.startswith(prefix):
            return reason[len(prefix):]
    return reason


class ContactDialog(QDialog):
    """添加联系人: another HR person of an enterprise (name, title, phone), possibly the main one."""

    def __init__(self, db: Database, enterprise_id: int, enterprise_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._enterprise_id = enterprise_id
        self.saved: ContactRow | None = None
        self.setStyleSheet(FORM_STYLE)
        self.setMinimumWidth(440)
        self.setWindowTitle(self.tr("Add a contact to {name}").format(name=enterprise_name))
        self.name = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("For example: HR manager"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Mobile, or landline with area code"))
        self.primary = QCheckBox(self.tr("Make this person the enterprise's main contact"))
        self._feedback = {"name": FieldFeedback(self.name), "title": FieldFeedback(self.title),
                          "phone": FieldFeedback(self.phone)}
        form = _form()
        form.addRow(self.tr("Name"), self._feedback["name"].container)
        form.addRow(self.tr("Title"), self._feedback["title"].container)
        form.addRow(self.tr("Phone"), self._feedback["phone"].container)
        form.addRow("", self.primary)
        self.summary = QLabel()
        self.summary.setObjectName("errorSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = _buttons(self.tr("Add"), self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._fields = QWidget()
        self._fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self._fields)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def feedback(self, key: str) -> FieldFeedback:
        return self._feedback[key]

    def save(self) -> bool:
        """Add the contact; reasons for a refusal go under the fields."""
        for fb in self._feedback.values():
            fb.clear()
        self.summary.hide()
        db, enterprise_id = self._db, self._enterprise_id
        name, title, phone, primary = self.name.text(), self.title.text(), self.phone.text(), self.primary.isChecked()
        try:
            self.saved = ops.call(self, lambda: enterprises.add_contact(db, enterprise_id, name, title, phone,
                                                                        primary=primary), write=True)
        except ValidationError as exc:
            placed = place_errors(self._feedback, exc)
            if not placed:
                self.summary.setText(lang.text(exc.message))
                self.summary.show()
            return False
        except ConflictError as exc:
            self.summary.setText(lang.text(exc.message))
            self.summary.show()
            return False
        except TribunalError as exc:
            msgbox.show_error(self, exc)
            return False
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, enterprise_id: int,
            enterprise_name: str) -> ContactRow | None:
        """Show the dialog; the contact added, or None if the clerk cancelled."""
        dialog = cls(db, enterprise_id, enterprise_name, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved
            return None
        finally:
            dialog.deleteLater()
