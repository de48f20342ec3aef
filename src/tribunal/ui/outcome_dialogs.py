"""Dialogs for what follows the hearing, opened from the case detail: 调解书, 裁决书, 仲裁建议书.

Each dialog gathers what the clerk types and hands it to the services on the background
thread; the services check it, print the documents and close the case when the last receipt
or service is recorded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tribunal.domain.enums import CaseResult, FinalityCategory
from tribunal.domain.money import format_yuan, parse_yuan
from tribunal.domain.recommendations import PRACTICES
from tribunal.errors import TribunalError, ValidationError
from tribunal.services import awards, cases, mediation, recommendations
from tribunal.services.app import Database
from tribunal.texts import reason_of
from tribunal.ui import combos, lang, msgbox, ops
from tribunal.ui.dates import DateField, pydate, qdate
from tribunal.ui.feedback import FORM_STYLE

__all__ = ["AwardDialog", "MediationDialog", "RecommendationDialog"]


def _date_edit() -> DateField:
    return DateField(dt.date.today())


def _yuan(text: str, field: str) -> int | None:
    if not text.strip():
        return None
    try:
        return parse_yuan(text)
    except ValueError as exc:
        raise ValidationError(reason_of(exc), {field: reason_of(exc)}) from None


class _OutcomeDialog(QDialog):
    """Common frame: the case, a status line, a party picker and the background calls."""

    changed = Signal(int)  # the case id, when something was saved

    def __init__(self, db: Database, case: cases.CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case = case
        self.setStyleSheet(FORM_STYLE)
        self.resize(760, 620)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.party = QComboBox()
        for p in case.parties:
            self.party.addItem(p.name, p.id)

    def _run(self, work: Any, done: Any, *, writes: bool = True) -> None:
        self.setEnabled(False)

        def finished(result: Any) -> None:
            self.setEnabled(True)
            done(result)
            if writes:
                self.changed.emit(self._case.id)

        def failed(error: TribunalError) -> None:
            self.setEnabled(True)
            msgbox.show_error(self, error)

        if writes:
            # What the outcome changes (the case, its clocks, its hearings) is broadcast.
            ops.run_write(self, work, changes=ops.Changes.CASES | ops.Changes.CLOCKS | ops.Changes.HEARINGS,
                          on_done=finished, on_failed=failed)
        else:
            ops.run_read(self, work, finished, on_failed=failed)


class MediationDialog(_OutcomeDialog):
    """调解书: the agreed terms, printing, each party's signed receipt, or a party backing out."""

    def __init__(self, db: Database, case: cases.CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(db, case, parent)
        self.setWindowTitle(self.tr("Mediation statement — %1").replace("%1", case.number))
        self.mediation_id: int | None = None
        self.terms = QPlainTextEdit()
        self.terms.setPlaceholderText(self.tr("One term a line, as the parties agreed"))
        self.amount = QLineEdit()
        self.result_box = QComboBox()
        combos.add_members(self.result_box, CaseResult)
        self.statement_date = _date_edit()
        self.received_on = _date_edit()
        form = QFormLayout()
        form.addRow(self.tr("Agreed terms"), self.terms)
        form.addRow(self.tr("Amount agreed (yuan)"), self.amount)
        form.addRow(self.tr("Result"), self.result_box)
        form.addRow(self.tr("Date of the statement"), self.statement_date)
        self.print_button = QPushButton(self.tr("Save and print"))
        self.print_button.clicked.connect(self._print)
        self.sign_button = QPushButton(self.tr("Record signed receipt"))
        self.sign_button.clicked.connect(self._sign)
        self.back_out_button = QPushButton(self.tr("Party backs out"))
        self.back_out_button.clicked.connect(self._back_out)
        receipts = QHBoxLayout()
        for w in (self.party, self.received_on, self.sign_button, self.back_out_button):
            receipts.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.print_button)
        layout.addWidget(QLabel(self.tr("Receipts (the statement takes effect when every party has signed)")))
        layout.addLayout(receipts)
        layout.addWidget(self.status)
        self._load()

    def _load(self) -> None:
        case_id = self._case.id
        self._run(lambda: mediation.mediations_of_case(self._db, case_id), self._show_latest, writes=False)

    def _show_latest(self, found: list[mediation.MediationDetail]) -> None:
        live = [m for m in found if m.status.value != "failed"]
        self._show(live[-1] if live else None)

    def _show(self, m: mediation.MediationDetail | None) -> None:
        if m is None:
            self.status.setText(self.tr("No statement yet."))
            return
        self.mediation_id = m.id
        self.terms.setPlainText(m.terms)
        self.amount.setText(format_yuan(m.agreed_fen) if m.agreed_fen is not None else "")
        lines = [lang.label(m.status), *(lang.text(w) for w in m.warnings)]
        lines += [self.tr("{party}: {day}").format(party=r.party, day=r.served_on or self.tr("not yet signed for"))
                  for r in m.receipts]
        if m.case_closed:
            lines.append(self.tr("The case is closed by mediation."))
        self.status.setText("\n".join(lines))

    def _print(self) -> None:
        try:
            amount = _yuan(self.amount.text(), "agreed_fen")
        except ValidationError as exc:
            msgbox.show_error(self, exc)
            return
        terms, day = self.terms.toPlainText(), pydate(self.statement_date.date())
        result = combos.current_member(self.result_box, CaseResult)
        case_id, db, draft_id = self._case.id, self._db, self.mediation_id

        def work() -> mediation.MediationDetail:
            m = mediation.draft_mediation(db, case_id, terms, agreed_fen=amount, result=result, statement_date=day,
                                          mediation_id=draft_id if draft_id is not None and
                                          mediation.get_mediation(db, draft_id).status.value == "draft" else None)
            return mediation.issue_mediation(db, m.id, issued_on=day)[0]

        self._run(work, self._show)

    def _sign(self) -> None:
        if self.mediation_id is None:
            return
        mid, party, day = self.mediation_id, int(self.party.currentData()), pydate(self.received_on.date())
        self._run(lambda: mediation.record_receipt(self._db, mid, party, served_on=day), self._show)

    def _back_out(self) -> None:
        if self.mediation_id is None:
            return
        note = msgbox.ask_text(self, self.tr("Party backs out"), self.tr("Reason given"))
        if note is None:
            return
        mid, party, day = self.mediation_id, int(self.party.currentData()), pydate(self.received_on.date())
        self._run(lambda: mediation.back_out(self._db, mid, party, on=day, note=note), self._show)


_FINALITY = ("suggested", "final", "nonfinal")


class AwardDialog(_OutcomeDialog):
    """裁决书: per-claim category, amount and finality; facts, reasons; printing; service."""

    def __init__(self, db: Database, case: cases.CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(db, case, parent)
        self.setWindowTitle(self.tr("Award — %1").replace("%1", case.number))
        self.award_id: int | None = None
        self.claims = QTableWidget(len(case.claims), 4)
        self.claims.setHorizontalHeaderLabels([self.tr("Claim"), self.tr("Category"), self.tr("Awarded (yuan)"),
                                               self.tr("Final")])
        for row, claim in enumerate(case.claims):
            self.claims.setItem(row, 0, QTableWidgetItem(claim.item))
            category = QComboBox()
            combos.add_members(category, FinalityCategory)
            self.claims.setCellWidget(row, 1, category)
            self.claims.setCellWidget(row, 2, QLineEdit())
            final = QComboBox()
            for value, label in zip(_FINALITY, (self.tr("As suggested"), self.tr("Final"), self.tr("Not final")),
                                    strict=True):
                final.addItem(label, value)
            self.claims.setCellWidget(row, 3, final)
        self.claims.resizeColumnsToContents()
        self.claims.setMinimumHeight(180)
        self.facts = QPlainTextEdit()
        self.reasons = QPlainTextEdit()
        for text in (self.facts, self.reasons):
            text.setMaximumHeight(110)
        self.result_box = QComboBox()
        combos.add_members(self.result_box, CaseResult)
        self.award_date = _date_edit()
        self.partial = QCheckBox(self.tr("Partial award (facts of these claims are clear)"))
        self.served_on = _date_edit()
        form = QFormLayout()
        form.addRow(self.tr("Facts in dispute"), self.facts)
        form.addRow(self.tr("Reasons"), self.reasons)
        form.addRow(self.tr("Result"), self.result_box)
        form.addRow(self.tr("Date of the award"), self.award_date)
        form.addRow("", self.partial)
        self.print_button = QPushButton(self.tr("Save and print"))
        self.print_button.clicked.connect(self._print)
        self.serve_button = QPushButton(self.tr("Record service"))
        self.serve_button.clicked.connect(self._serve)
        service = QHBoxLayout()
        for w in (self.party, self.served_on, self.serve_button):
            service.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.claims)
        layout.addLayout(form)
        layout.addWidget(self.print_button)
        layout.addLayout(service)
        layout.addWidget(self.status)

    def _items(self) -> list[awards.ItemInput]:
        out = []
        for row, claim in enumerate(self._case.claims):
            amount_edit = self.claims.cellWidget(row, 2)
            category_box = self.claims.cellWidget(row, 1)
            final_box = self.claims.cellWidget(row, 3)
            assert isinstance(amount_edit, QLineEdit) and isinstance(category_box, QComboBox)
            assert isinstance(final_box, QComboBox)
            if self.partial.isChecked() and not amount_edit.text().strip():
                continue  # a partial award decides only the claims filled in
            category = combos.current_member(category_box, FinalityCategory) or FinalityCategory.OTHER
            choice = final_box.currentData()
            final = None if choice == "suggested" else choice == "final"
            out.append(awards.ItemInput(claim.id, category, _yuan(amount_edit.text(), "awarded_fen"), "", final))
        return out

    def _print(self) -> None:
        try:
            items = self._items()
        except ValidationError as exc:
            msgbox.show_error(self, exc)
            return
        from tribunal.domain.enums import AwardKind

        kind = AwardKind.PARTIAL if self.partial.isChecked() else AwardKind.FULL
        facts, reasons = self.facts.toPlainText(), self.reasons.toPlainText()
        day, result = pydate(self.award_date.date()), combos.current_member(self.result_box, CaseResult)
        case_id, db = self._case.id, self._db

        def work() -> awards.AwardDetail:
            a = awards.draft_award(db, case_id, kind=kind, award_date=day, facts=facts, reasons=reasons,
                                   items=items, result=result)
            return awards.issue_award(db, a.id, issued_on=day)[0]

        self._run(work, self._show)

    def _show(self, a: awards.AwardDetail) -> None:
        self.award_id = a.id
        lines = [self.tr("{kind}: {status}, {count} award document(s)").format(
            kind=lang.label(a.kind), status=lang.label(a.status), count=a.documents)]
        lines += [f"{i.item} | {lang.label(i.category)} | {self.tr('final') if i.final else self.tr('not final')}"
                  for i in a.items]
        lines += [self.tr("{party}: {day}").format(party=name, day=day or self.tr("not yet served"))
                  for name, day in a.served]
        if a.case_closed:
            lines.append(self.tr("The case is closed by award."))
        self.status.setText("\n".join(lines))

    def _serve(self) -> None:
        if self.award_id is None:
            return
        aid, party, day = self.award_id, int(self.party.currentData()), pydate(self.served_on.date())
        self._run(lambda: awards.record_service(self._db, aid, party, served_on=day), self._show)


class RecommendationDialog(_OutcomeDialog):
    """仲裁建议书 to the employer of the case: practices found, details, reply date; printing."""

    def __init__(self, db: Database, case: cases.CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(db, case, parent)
        self.setWindowTitle(self.tr("Recommendation to the employer — %1").replace("%1", case.number))
        self.practices: list[tuple[str, QCheckBox]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Practices found")))
        for p in PRACTICES:
            box = QCheckBox(p.label)
            box.setToolTip(lang.citation(p.basis))
            self.practices.append((p.code, box))
            layout.addWidget(box)
        self.details = QPlainTextEdit()
        self.issued_on = _date_edit()
        self.reply_by = _date_edit()
        self.reply_by.setDate(qdate(dt.date.today() + dt.timedelta(days=30)))
        form = QFormLayout()
        form.addRow(self.tr("What the case showed"), self.details)
        form.addRow(self.tr("Date sent"), self.issued_on)
        form.addRow(self.tr("Reply by"), self.reply_by)
        layout.addLayout(form)
        self.print_button = QPushButton(self.tr("Save and print"))
        self.print_button.clicked.connect(self._print)
        layout.addWidget(self.print_button)
        layout.addWidget(self.status)
        # The employer's written reply to the oldest recommendation of the case still open.
        self.open_label = QLabel()
        self.open_label.setWordWrap(True)
        self.reply = QLineEdit()
        self.reply.setPlaceholderText(self.tr("Summary of the employer's written reply"))
        self.replied_on = _date_edit()
        self.reply_button = QPushButton(self.tr("Record reply"))
        self.reply_button.clicked.connect(self._record_reply)
        reply_row = QHBoxLayout()
        for w in (self.reply, self.replied_on, self.reply_button):
            reply_row.addWidget(w)
        layout.addWidget(self.open_label)
        layout.addLayout(reply_row)
        self._open_id: int | None = None
        self._load_open()

    def _load_open(self) -> None:
        case_id = self._case.id
        self._run(lambda: recommendations.list_recommendations(self._db, open_only=True, case_id=case_id),
                  self._show_open, writes=False)

    def _show_open(self, rows: list[recommendations.RecommendationRow]) -> None:
        oldest = rows[-1] if rows else None
        self._open_id = oldest.id if oldest else None
        self.reply_button.setEnabled(oldest is not None)
        if oldest is None:
            self.open_label.setText(self.tr("No recommendation of this case is awaiting a reply."))
        else:
            text = self.tr("Awaiting a reply: issued {issued}, reply due by {due}").format(
                issued=oldest.issued_on, due=oldest.reply_due)
            if oldest.overdue(dt.date.today()):
                text += self.tr(" (overdue)")
            self.open_label.setText(text)

    def _record_reply(self) -> None:
        if self._open_id is None:
            return
        rid, text, day = self._open_id, self.reply.text(), pydate(self.replied_on.date())

        def work() -> list[recommendations.RecommendationRow]:
            recommendations.record_reply(self._db, rid, replied_on=day, reply=text)
            return recommendations.list_recommendations(self._db, open_only=True, case_id=self._case.id)

        self._run(work, self._show_open)

    def _print(self) -> None:
        codes = [code for code, box in self.practices if box.isChecked()]
        details, sent, due = self.details.toPlainText(), pydate(self.issued_on.date()), pydate(self.reply_by.date())
        case_id, db = self._case.id, self._db

        def work() -> tuple[recommendations.RecommendationRow, str]:
            r = recommendations.create_recommendation(db, case_id, codes, issued_on=sent, details=details,
                                                      reply_due=due)
            return r, recommendations.print_recommendation(db, r.id)[0].path

        self._run(work, self._show)

    def _show(self, done: tuple[recommendations.RecommendationRow, str]) -> None:
        r, path = done
        self.status.setText(self.tr("To {addressee}; reply due by {due}").format(addressee=r.addressee, due=r.reply_due)
                            + f"\n{path}")
        self._load_open()
