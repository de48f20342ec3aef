"""The teaching case is reviewed before a pack is printed; a training certificate is withdrawn from the documents page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tribunal.db.engine import Database
from tribunal.db.models import Invitation
from tribunal.domain.enums import DocumentKind, InvitationStatus
from tribunal.services import cases, hearings
from tribunal.services import documents as document_service
from tribunal.services.app import open_database
from tribunal.ui import teaching_dialog
from tribunal.ui.documents_page import DocumentsPage
from tribunal.ui.teaching_dialog import TeachingCaseDialog

from .helpers import MessageBoxes, opened, settle

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo_file(demo_template: Path) -> Path:
    return demo_template  # the session's demonstration register, as of the same day


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "t.sqlite3"
    path.write_bytes(demo_file.read_bytes())
    handle = open_database(str(path), actor="测试书记员")
    yield handle
    handle.dispose()


def _public_id(db: Database) -> int:
    return next(h.id for h in hearings.list_hearings(db) if h.public)


def test_the_dialog_shows_the_text_and_saves_it_as_reviewed(qtbot: QtBot, db: Database) -> None:
    hearing_id = _public_id(db)
    document_service.reset_teaching_case(db, hearing_id)
    dialog = TeachingCaseDialog(db, hearing_id, before_print=True)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    assert dialog.text.toPlainText() == dialog.draft.default_text
    assert "尚未复核" in dialog.state.text() and dialog.save_button.text() == "保存并制作文书"
    dialog.text.setPlainText("某劳动者与某公司就工资标准发生争议。\n庭审将围绕考勤记录展开。")
    assert dialog.save()
    saved = document_service.teaching_case(db, hearing_id)
    assert saved.reviewed and saved.text == "某劳动者与某公司就工资标准发生争议。\n庭审将围绕考勤记录展开。"
    assert dialog.saved == saved


def test_a_name_of_the_case_is_refused_beside_the_text(qtbot: QtBot, db: Database) -> None:
    hearing_id = _public_id(db)
    applicant = cases.get_case(db, hearings.get_hearing(db, hearing_id).case_id).parties[0].name
    dialog = TeachingCaseDialog(db, hearing_id)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    before = document_service.teaching_case(db, hearing_id).text
    dialog.text.setPlainText(f"{applicant}在工地作业。")
    assert not dialog.save()
    assert dialog.text_feedback.has_error and applicant in dialog.text_feedback.text
    assert document_service.teaching_case(db, hearing_id).text == before
    dialog.default_button.click()
    assert dialog.text.toPlainText() == dialog.draft.default_text and not dialog.text_feedback.has_error


def test_printing_asks_for_review_only_when_the_text_is_unreviewed(db: Database,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    hearing_id = _public_id(db)
    asked: list[int] = []
    monkeypatch.setattr(TeachingCaseDialog, "ask", classmethod(
        lambda cls, parent, database, hid, before_print=False, draft=None: asked.append(hid)))  # None: cancelled
    assert teaching_dialog.review_before_print(None, db, hearing_id)  # the demo reviewed it
    document_service.reset_teaching_case(db, hearing_id)
    assert not teaching_dialog.review_before_print(None, db, hearing_id)
    assert asked == [hearing_id]
    closed = next(h.id for h in hearings.list_hearings(db) if not h.public)
    assert teaching_dialog.review_before_print(None, db, closed)  # nothing to teach from a closed hearing


def test_withdrawing_a_certificate_from_the_page(qtbot: QtBot, db: Database, boxes: MessageBoxes) -> None:
    with db.session() as s:
        invitation = s.scalars(select(Invitation).order_by(Invitation.id)).first()  # the showcase's
        invitation.status = InvitationStatus.ATTENDED
        hearing_id = invitation.hearing_id
    made = document_service.make_certificates(db, hearing_id)
    page = DocumentsPage(db)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitExposed(page):
        page.show()
    settle(qtbot)
    certificate = made.documents[0]
    assert page.select_document(certificate.id)
    assert page.void_button.isEnabled()
    boxes.text_answer = None  # cancelled: nothing happens
    assert page.void_selected() is None
    boxes.text_answer = "签到登记有误"
    voided = page.void_selected()
    assert voided is not None and voided.voided and voided.void_reason == "签到登记有误"
    assert voided.number in boxes.texts() and "不会再" in boxes.texts()
    assert [r.voided for r in document_service.list_certificates(db, hearing_id=hearing_id)] == [True]
    # Only a certificate can be withdrawn.
    combined = made.combined
    assert combined is not None and combined.kind == DocumentKind.PACK
    assert page.select_document(combined.id) and not page.void_button.isEnabled()
