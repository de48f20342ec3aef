"""Helpers of the GUI tests: typing like a clerk, registering cases, recording message boxes."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.domain.enums import CaseType, PartyKind, PartyRole
from tribunal.services import cases, reference
from tribunal.ui.case_editor import CaseEditor

VALID_ID = "430102199003070012"
VALID_CODE = "91430100MA4L00003Q"
VALID_MOBILE = "13807311234"


class MessageBoxes:
    """Stands in for tribunal.ui.msgbox (and the stale-save dialog, kind "stale"): records what
    would have been shown, never blocks."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str, str]] = []  # kind, title, text, detail
        self.confirm_answer = True
        self.text_answer: str | None = None
        #: The answer to a stale-save dialog: True 重新载入, False 返回修改.
        self.stale_reload = False

    def kinds(self) -> list[str]:
        return [kind for kind, *_ in self.shown]

    def texts(self) -> str:
        return "\n".join(f"{title}：{text} {detail}" for _kind, title, text, detail in self.shown)


def staff_id(db: Database, name: str) -> int:
    return next(s.id for s in reference.list_staff(db, active_only=False) if s.name == name)


def make_case(db: Database, applicant: str = "张三", respondent: str = "邵阳宝庆精密机械有限公司",
              *, case_type: CaseType = CaseType.WAGES, received: dt.date | None = None,
              accepted: dt.date | None = None, amount_fen: int | None = 1_234_500) -> cases.CaseDetail:
    """Register a case through the service (for tests that start from existing cases)."""
    data = cases.CaseInput(
        case_type=case_type,
        received_date=received or dt.date.today(),
        accepted_date=accepted,
        parties=(
            cases.PartyInput(PartyRole.APPLICANT, PartyKind.PERSON, applicant),
            cases.PartyInput(PartyRole.RESPONDENT, PartyKind.ORGANISATION, respondent),
        ),
        claims=(cases.ClaimInput("支付拖欠的工资", amount_fen),),
    )
    return cases.create_case(db, data)


def type_into(qtbot: QtBot, field: QLineEdit, text: str, *, leave: bool = True) -> None:
    """Replace the field's text by typing, then leave it (which runs the live check).

    Latin letters and digits are typed as key presses; Chinese arrives the way an input
    method delivers it, as a committed string (QTest can only press ASCII keys).
    """
    field.selectAll()
    field.del_()
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(field, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(field, event)
    if leave:
        field.editingFinished.emit()


def fill_new_case(qtbot: QtBot, editor: CaseEditor, *, applicant: str = "张三",
                  id_number: str = VALID_ID, phone: str = VALID_MOBILE,
                  respondent: str = "邵阳宝庆精密机械有限公司", credit_code: str = VALID_CODE,
                  claim: str = "支付2026年3月至5月拖欠的工资", amount: str = "12,345") -> None:
    """Type a complete, valid case into a new-case editor (applicant, respondent, one claim)."""
    applicant_form, respondent_form = editor.party_forms()[:2]
    type_into(qtbot, applicant_form.name, applicant)
    type_into(qtbot, applicant_form.id_number, id_number)
    type_into(qtbot, applicant_form.phone, phone)
    type_into(qtbot, respondent_form.name, respondent)
    type_into(qtbot, respondent_form.credit_code, credit_code)
    row = editor.claim_rows()[0]
    type_into(qtbot, row.item, claim)
    type_into(qtbot, row.amount, amount)


def click_save(qtbot: QtBot, editor: CaseEditor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def finish(qtbot: QtBot, op: object, timeout: int = 60_000) -> object:
    """Wait until an op of tribunal.ui.ops has answered; its result, or None when it failed."""
    from tribunal.ui.ops import Op

    assert isinstance(op, Op)
    results: list[object] = []
    op.finished.connect(results.append)
    if op.running:
        with qtbot.waitSignal(op.ended, timeout=timeout):
            pass
    return results[0] if results else None


def settle(qtbot: QtBot, timeout: int = 30_000) -> None:
    """Wait until every read and write of tribunal.ui.ops has answered and its answer was shown."""
    from tribunal.ui import ops

    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=timeout)


def opened(qtbot: QtBot, dialog: QWidget, timeout: int = 30_000) -> QWidget:
    """Wait until an editor's opening read (``dialog.loading``, an ops.FormLoad) has filled it."""
    loading = dialog.loading  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: loading.ready or loading.failed, timeout=timeout)
    settle(qtbot, timeout)
    return dialog
