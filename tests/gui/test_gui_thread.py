"""The GUI thread only draws: walking every page and saving in the main editors calls no service on it.

Every public function of every ``tribunal.services`` module is wrapped for the test; a call
made on the GUI (main) thread is recorded unless it is named in :data:`ALLOWED`. Work routed
through ``ops.run_read`` / ``ops.run_write`` / ``ops.call`` runs on a pool thread and is not.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractItemView, QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tribunal.db.engine import Database
from tribunal.services import cases, enterprises, hearings, observers, settings, training
from tribunal.ui import main_window as mw
from tribunal.ui.case_editor import CaseEditor
from tribunal.ui.enterprise_dialog import EnterpriseDialog
from tribunal.ui.hearing_dialog import HearingDialog
from tribunal.ui.observers_page import PersonDialog
from tribunal.ui.training_page import SessionDialog

from .gui_thread_guard import calls_on_the_gui_thread
from .helpers import MessageBoxes, opened, settle

#: Service functions the GUI thread may call: cheap, in memory, no database or file.
ALLOWED = {
    "report_export.format_value": "formats a figure already read, for a table cell",
    "audit.shown_value": "formats a value of an audit entry already read",
    "cases.check_case_input": "checks the typed case in memory (the form's own reasons)",
    "enterprises.check_enterprise_input": "checks the typed enterprise in memory",
    "enterprises.credit_code_needs_confirmation": "the credit code's check character, computed",
    "workstation.settings_path": "the path of this PC's settings file, not its content",
    "field_labels.field_label": "the clerk's name for a field of an audit entry already read",
    "field_labels.value_text": "a value of an audit entry already read, as the clerk reads it",
    "enterprise_import.suggest_mapping": "which field a column heading names, worked out from the headings",
    "enterprise_import.check_mapping": "checks the column matching the clerk chose, in memory",
    "setup.check_commission": "checks the typed commission page in memory",
    "setup.check_numbering": "checks the typed numbering page in memory",
    "setup.check_tribunals": "checks the typed zones and tribunals in memory",
    "setup.check_staff": "checks the typed staff names in memory",
    "setup.certificate_pattern_for": "the certificate number pattern of a typed prefix",
    "reports.dashboard_request": "this month's period, worked out from today's date",
    # Not cheap enough to stay for good: the case list's lazy model reads the block of 100 rows
    # (by id) that the view is about to paint. A few milliseconds even on 100,000 cases; making
    # the model fill its rows in the background is the step still to take.
    "cases.case_rows": "the case list's lazy model: the block of rows being painted",
}

#: Reads still made on the GUI thread, named so that the list can only shrink (empty: none).
NOT_YET_MOVED: dict[str, str] = {}


def unexpected(seen: list[str]) -> list[str]:
    return sorted({call for call in seen if call not in ALLOWED and call not in NOT_YET_MOVED})


def test_the_allowed_calls_are_service_functions() -> None:
    from .gui_thread_guard import service_functions

    names = {f"{module.__name__.rsplit('.', 1)[-1]}.{name}" for module, name, _f in service_functions()}
    assert set(ALLOWED) | set(NOT_YET_MOVED) <= names


def test_the_guard_sees_a_call_on_the_gui_thread(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with calls_on_the_gui_thread(monkeypatch) as seen:
        hearings.list_hearings(demo_db)
    assert seen == ["hearings.list_hearings"]


def test_walking_every_page_reads_nothing_on_the_gui_thread(
        qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    values = settings.get_all(demo_db)
    with calls_on_the_gui_thread(monkeypatch) as seen:
        window = mw.MainWindow(demo_db, values)
        qtbot.addWidget(window)
        window.resize(1366, 728)
        window.show()
        window.load_data()  # as the program does once the window is on screen
        settle(qtbot)
        for index in range(window.nav.count()):
            window.nav.setCurrentRow(index)
            settle(qtbot)
            page = window.page(index)
            # Choose the first row of every list on the page: its detail pane reads too.
            for view in page.findChildren(QAbstractItemView):
                model = view.model()
                if view.isVisible() and model is not None and model.rowCount() > 0:
                    view.setCurrentIndex(model.index(0, 0))
                    settle(qtbot)
        hearings_page = window.page(mw.PAGE_HEARINGS)
        hearing = next(h for h in hearings.list_hearings.__wrapped__(demo_db) if h.public)
        hearings_page.open_day(hearing.starts_at.date())  # type: ignore[attr-defined]
        settle(qtbot)
        hearings_page.open_hearing(hearing.id)  # type: ignore[attr-defined]
        settle(qtbot)
        assert hearings_page.detail.hearing_id() == hearing.id  # type: ignore[attr-defined]
    assert unexpected(seen) == [], ", ".join(unexpected(seen))


def _saved(dialog: QDialog) -> None:
    assert dialog.save(), dialog  # type: ignore[attr-defined]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_opening_and_saving_the_main_editors_reads_and_writes_off_the_gui_thread(
        qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from tribunal.ui import hearing_dialog

    # A warning (not a conflict) asks why it is set aside: the clerk's answer.
    monkeypatch.setattr(hearing_dialog.OverrideReasonDialog, "ask",
                        staticmethod(lambda _parent, _findings: "当事人同意"))
    case = cases.case_rows(demo_db, cases.search_case_ids(demo_db, cases.CaseFilter()))[0]
    enterprise = enterprises.search_enterprises(demo_db)[0]
    person = observers.search_observers(demo_db)[0]
    session = training.list_sessions(demo_db)[0]
    hearing = next(h for h in hearings.list_hearings(demo_db) if h.starts_at.date() > TODAY)
    with calls_on_the_gui_thread(monkeypatch) as seen:
        # Opening reads the record and the choice lists in the background; the fields wait.
        editors = [CaseEditor(demo_db, case.id), CaseEditor(demo_db),
                   EnterpriseDialog(demo_db, enterprise.id), EnterpriseDialog(demo_db),
                   PersonDialog(demo_db, person.id), PersonDialog(demo_db),
                   SessionDialog(demo_db, session.id, today=TODAY),
                   SessionDialog(demo_db, today=TODAY, hearing_id=hearing.id),
                   HearingDialog(demo_db, hearing_id=hearing.id, today=lambda: TODAY),
                   HearingDialog(demo_db, today=lambda: TODAY)]
        for editor in editors:
            qtbot.addWidget(editor)
            editor.show()
            assert not editor.loading.ready  # type: ignore[attr-defined]
        for editor in editors:
            opened(qtbot, editor)
            assert editor.loading.ready, editor  # type: ignore[attr-defined]
        for editor in editors[::2]:  # the existing records: saved as they are
            if isinstance(editor, HearingDialog):
                editor.case_search.setText("")  # a search as typed (the case cannot change here)
                editor.check_in_background()  # the check as typed
                settle(qtbot)
            if isinstance(editor, EnterpriseDialog):
                editor.check()
                settle(qtbot)
            _saved(editor)
        # Choosing another case in a new hearing reads that case's facts in the background.
        new_hearing = editors[-1]
        assert isinstance(new_hearing, HearingDialog)
        new_hearing.case_search.setText(hearing.case_number)
        qtbot.waitUntil(lambda: new_hearing.case.currentData() == hearing.case_id, timeout=10_000)
        settle(qtbot)
        assert new_hearing.case_info.text()
    settle(qtbot)
    assert unexpected(seen) == [], ", ".join(unexpected(seen))


def test_the_smaller_dialogs_and_panels_read_and_write_off_the_gui_thread(
        qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes,
        tmp_path: Path) -> None:
    from tribunal.domain.enums import ParticipantRole
    from tribunal.ui import hearings_page as hearings_page_module
    from tribunal.ui import settings_page as settings_page_module
    from tribunal.ui.case_detail import CaseDetailPane
    from tribunal.ui.checkin_window import BackEntryDialog, CheckinWindow
    from tribunal.ui.invitations_page import TAB_CALLS, TAB_PICK, InvitationsPanel
    from tribunal.ui.legal_calendar_dialog import LegalCalendarDialog
    from tribunal.ui.participants_widgets import ParticipantDialog
    from tribunal.ui.period_rules_dialog import PeriodRulesDialog
    from tribunal.ui.settings_page import SettingsPage
    from tribunal.ui.setup_wizard import CommissionWizard, WorkstationWizard
    from tribunal.ui.teaching_dialog import TeachingCaseDialog, review_before_print
    from tribunal.ui.topics_dialog import TopicsDialog

    showcase = next(h for h in hearings.list_hearings(demo_db) if h.public)
    case = cases.get_case(demo_db, showcase.case_id)
    boxes.confirm_answer = True
    boxes.text_answer = "测试"

    def shown(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        widget.show()
        settle(qtbot)
        return widget

    with calls_on_the_gui_thread(monkeypatch) as seen:
        # 培训主题库: read, change the wording, deactivate and offer again.
        topics = shown(TopicsDialog(demo_db))
        assert isinstance(topics, TopicsDialog) and topics.titles()
        topics.legal_basis.setPlainText("《劳动合同法》第十条")
        assert topics.save() is not None
        settle(qtbot)
        assert topics.toggle_active() is not None
        settle(qtbot)

        # 讲义案例: read when it opens, saved as reviewed; the print asks first only when unreviewed.
        teaching = shown(TeachingCaseDialog(demo_db, showcase.id))
        assert isinstance(teaching, TeachingCaseDialog) and teaching.text.toPlainText()
        assert teaching.save()
        assert review_before_print(None, demo_db, showcase.id)

        # 法定节假日 and 期间规则 (设置): the years, a year's days, one day corrected.
        calendar = shown(LegalCalendarDialog(demo_db))
        assert isinstance(calendar, LegalCalendarDialog) and calendar.loaded_years()
        calendar.day_edit.setDate(QDate(calendar.loaded_years()[0], 12, 31))
        assert calendar.correct_day()
        settle(qtbot)
        rules = shown(PeriodRulesDialog(demo_db))
        assert isinstance(rules, PeriodRulesDialog) and rules.model.rowCount()

        # 设置: a folder chosen with 浏览… is remembered for the next time.
        page = shown(SettingsPage(demo_db))
        assert isinstance(page, SettingsPage)
        monkeypatch.setattr(settings_page_module, "choose_folder", lambda *_a: str(tmp_path))
        page.browse("documents.folder")
        settle(qtbot)
        assert page.value("documents.folder") == str(tmp_path)

        # 邀请旁听: the hearings, the invitations, the enterprises to pick from, the call list;
        # an invitation, a reply and the list exported.
        panel = shown(InvitationsPanel(demo_db, today=TODAY))
        assert isinstance(panel, InvitationsPanel) and panel.select_hearing(showcase.id)
        settle(qtbot)
        panel.tabs.setCurrentIndex(TAB_PICK)
        settle(qtbot)
        panel.tabs.setCurrentIndex(TAB_CALLS)
        settle(qtbot)
        assert panel.model.rowCount()
        panel.view.selectRow(0)
        panel.confirm_selected()
        settle(qtbot)
        assert panel.export_to(tmp_path / "旁听人员.xlsx")
        settle(qtbot)

        # 签到: the list, a search as typed, Enter on a name, undo, the paper sheet.
        checkin = CheckinWindow.open_for(None, demo_db, showcase.id,
                                         clock=lambda: showcase.starts_at - dt.timedelta(minutes=10))
        assert checkin is not None
        qtbot.addWidget(checkin)
        settle(qtbot)
        name = checkin.shown_names()[0]
        checkin.search.setText(name)
        checkin.apply_filter()
        settle(qtbot)
        checkin.submit()
        settle(qtbot)
        checkin.undo()
        settle(qtbot)
        monkeypatch.setattr(BackEntryDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
        checkin.back_entry()
        settle(qtbot)
        checkin.close()

        # 其他参与人 in the case pane: listed, one added through its dialog, then deleted.
        pane = CaseDetailPane(db=demo_db)
        qtbot.addWidget(pane)
        pane.show_case(case, [])
        settle(qtbot)

        def add_witness(dialog: ParticipantDialog) -> int:
            opened(qtbot, dialog)
            dialog.role.setCurrentIndex(dialog.role.findData(ParticipantRole.WITNESS.value))
            dialog.name.setText("欧阳晓燕")
            dialog.save()
            return dialog.result()

        monkeypatch.setattr(ParticipantDialog, "exec", add_witness)
        added = pane.participants.add_participant()
        assert added is not None
        settle(qtbot)
        assert pane.participants.select(added.id)
        assert pane.participants.remove_participant()
        settle(qtbot)

        # 导出 .ics from the hearings page.
        hearings_view = shown(hearings_page_module.HearingsPage(demo_db, today=lambda: TODAY))
        assert isinstance(hearings_view, hearings_page_module.HearingsPage)
        monkeypatch.setattr(hearings_page_module.ExportIcsDialog, "ask",
                            classmethod(lambda cls, _p, first, last, _people: (first, last, None)))
        monkeypatch.setattr(hearings_page_module, "choose_save_file",
                            lambda *_a: str(tmp_path / "开庭排期.ics"))
        assert hearings_view.export_calendar() is not None

        # 导入企业名录: the zones, the file read, the matching saved and chosen, the import.
        from tribunal.ui.import_wizard import PAGE_REPORT, ImportWizard

        listing = tmp_path / "名录.csv"
        listing.write_text("企业名称,统一社会信用代码,联系人\n邵阳市北塔区新来的物流有限公司,,王丽\n",
                           encoding="utf-8")
        importer = shown(ImportWizard(demo_db))
        assert isinstance(importer, ImportWizard)
        importer.file_page.path.setText(str(listing))
        importer.next()
        settle(qtbot)
        importer.mapping_page.mapping_name.setText("测试格式")
        assert importer.mapping_page.save_mapping()
        settle(qtbot)
        importer.next()
        importer.next()
        settle(qtbot)
        assert importer.currentId() == PAGE_REPORT and importer.report is not None

        # The set-up wizards: this computer's defaults and the clerks to choose from.
        for wizard in (WorkstationWizard(demo_db), CommissionWizard(demo_db)):
            shown(wizard)
            assert wizard.workstation.isEnabled()  # type: ignore[attr-defined]
    settle(qtbot)
    assert unexpected(seen) == [], ", ".join(unexpected(seen))
    assert [kind for kind, *_ in boxes.shown if kind not in ("confirm", "information")] == [], boxes.texts()


def test_the_case_hearing_and_document_dialogs_read_off_the_gui_thread(
        qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch, boxes: MessageBoxes) -> None:
    from tribunal.domain.enums import CaseStatus
    from tribunal.ui.calculator_dialog import CalculatorDialog
    from tribunal.ui.case_dialogs import CloseCaseDialog, ReopenCaseDialog
    from tribunal.ui.claim_calculator_dialog import ClaimCalculatorDialog, WageParametersDialog
    from tribunal.ui.clock_widgets import PublicNoticeDialog, ServiceDialog
    from tribunal.ui.document_dialogs import DayPickerDialog, HearingPickerDialog
    from tribunal.ui.enterprise_picker import EnterprisePicker
    from tribunal.ui.hearing_detail import PostponeDialog, ServiceRecordDialog
    from tribunal.ui.notice_service_dialog import NoticeServiceDialog
    from tribunal.ui.training_page import AttendanceDialog

    showcase = next(h for h in hearings.list_hearings(demo_db) if h.public)
    case = cases.get_case(demo_db, showcase.case_id)
    closed = cases.search_cases(demo_db, cases.CaseFilter(status=CaseStatus.CLOSED), limit=1)[0]
    session = training.list_sessions(demo_db)[0]
    hearing = hearings.get_hearing(demo_db, showcase.id)
    with calls_on_the_gui_thread(monkeypatch) as seen:
        dialogs: list[QDialog] = [
            CloseCaseDialog(demo_db, case.id, case.number),
            CloseCaseDialog(demo_db, closed.id, closed.number, correcting=True),
            ReopenCaseDialog(demo_db, closed.id, closed.number),
            AttendanceDialog(demo_db, session.id),
            NoticeServiceDialog(demo_db, case.id, case.number, TODAY),
            PublicNoticeDialog(demo_db, case.id, case.number, TODAY),
            ServiceDialog(demo_db, case.id, case.number, TODAY),
            ServiceRecordDialog(demo_db, hearing, TODAY),
            PostponeDialog(demo_db, hearing, TODAY),
            HearingPickerDialog(demo_db, "t", "p", today=TODAY),
            DayPickerDialog(demo_db, today=TODAY),
            CalculatorDialog(demo_db),
            ClaimCalculatorDialog(demo_db),
            WageParametersDialog(demo_db),
        ]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
        settle(qtbot)
        for dialog in dialogs:
            loading = getattr(dialog, "loading", None)
            assert loading is None or loading.ready, dialog
        # Choosing another outcome proposes 当庭调解 from the case's hearings, in the background.
        closing = dialogs[0]
        assert isinstance(closing, CloseCaseDialog)
        closing.outcome.setCurrentIndex(closing.outcome.count() - 1)
        attendance = dialogs[3]
        assert isinstance(attendance, AttendanceDialog)
        attendance.add_checked_in()
        postpone = dialogs[8]
        assert isinstance(postpone, PostponeDialog)
        postpone.reload_record()
        settle(qtbot)
        # 从企业名录选择: the enterprise becomes a party (its representative from its last case).
        picker = EnterprisePicker(demo_db)
        qtbot.addWidget(picker)
        picker.show()
        settle(qtbot)
        picker.view.selectRow(0)
        picker.pick()
        assert picker.picked is not None
    settle(qtbot)
    assert unexpected(seen) == [], ", ".join(unexpected(seen))
    assert boxes.shown == [], boxes.texts()
