"""Every window and dialog of the program is usable on a 1366×768 screen with a taskbar.

Such a screen leaves about 1366×728 pixels to a window, and the window's title bar and
borders take about 16×39 of that. Each window is opened with the demonstration data (the
longest names the data set has) and both its smallest size and the size it opens at must
fit what is left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY, copy_database
from tribunal.db.engine import Database
from tribunal.services import cases, hearings, settings, training
from tribunal.services.app import open_database
from tribunal.services.cases import CaseFilter
from tribunal.ui import window_state

from .helpers import settle

#: What a 1366×768 screen with a taskbar leaves for a window's contents.
SCREEN = QSize(1366, 728)
FRAME = QSize(16, 39)
ROOM = SCREEN - FRAME


def _ids(db: Database) -> dict[str, object]:
    hearing_row = hearings.list_hearings(db)[0]
    hearing = hearings.get_hearing(db, hearing_row.id)
    case = cases.get_case(db, cases.search_case_ids(db, CaseFilter())[0])
    sessions = training.list_sessions(db)
    return {"hearing": hearing, "case": case, "session": sessions[0].id if sessions else None}


def _factories() -> dict[str, Callable[[Database, dict[str, object]], QWidget]]:
    from tribunal.domain.scheduling import WARNING, Finding
    from tribunal.ui.calculator_dialog import CalculatorDialog
    from tribunal.ui.case_dialogs import CloseCaseDialog, ReopenCaseDialog
    from tribunal.ui.case_editor import CaseEditor
    from tribunal.ui.checkin_window import BackEntryDialog, CheckinWindow, WalkInDialog
    from tribunal.ui.clock_widgets import (
        ExtensionDialog,
        RecountDialog,
        ServiceDialog,
        SuspensionDialog,
    )
    from tribunal.ui.document_dialogs import DayPickerDialog, HearingPickerDialog, PdfPreviewWindow
    from tribunal.ui.enterprise_dialog import ContactDialog, EnterpriseDialog
    from tribunal.ui.hearing_detail import PostponeDialog, RecipientsDialog, ServiceRecordDialog
    from tribunal.ui.hearing_dialog import HearingDialog, OverrideReasonDialog
    from tribunal.ui.hearings_page import ExportIcsDialog
    from tribunal.ui.import_wizard import ImportWizard
    from tribunal.ui.legal_calendar_dialog import LegalCalendarDialog
    from tribunal.ui.main_window import MainWindow
    from tribunal.ui.observers_page import PersonDialog
    from tribunal.ui.participants_widgets import ParticipantDialog
    from tribunal.ui.setup_wizard import WorkstationWizard
    from tribunal.ui.topics_dialog import TopicsDialog
    from tribunal.ui.training_page import AttendanceDialog, SessionDialog

    def h(ids: dict[str, object]) -> hearings.HearingDetail:
        hearing = ids["hearing"]
        assert isinstance(hearing, hearings.HearingDetail)
        return hearing

    def c(ids: dict[str, object]) -> cases.CaseDetail:
        case = ids["case"]
        assert isinstance(case, cases.CaseDetail)
        return case

    at = dt.datetime.combine(TODAY, dt.time(9, 30))
    return {
        "main window": lambda db, _ids: MainWindow(db, settings.get_all(db)),
        "check-in": lambda db, ids: CheckinWindow(db, h(ids).id, clock=lambda: at),
        "walk-in": lambda db, ids: WalkInDialog(db, h(ids).id, at),
        "paper sheet": lambda db, ids: BackEntryDialog(db, h(ids).id),
        "case editor (new)": lambda db, _ids: CaseEditor(db),
        "case editor": lambda db, ids: CaseEditor(db, c(ids).id),
        "close case": lambda db, ids: CloseCaseDialog(db, c(ids).id, c(ids).number),
        "reopen case": lambda db, ids: ReopenCaseDialog(db, c(ids).id, c(ids).number),
        "schedule hearing": lambda db, ids: HearingDialog(db, case_id=c(ids).id, today=lambda: TODAY),
        "change hearing": lambda db, ids: HearingDialog(db, hearing_id=h(ids).id, today=lambda: TODAY),
        "override reason": lambda _db, _ids: OverrideReasonDialog(
            [Finding("calendar.rest_day", WARNING, "开庭日 2026-12-12 是星期六（休息日）", None, "改到工作日")]),
        "postpone": lambda db, ids: PostponeDialog(db, h(ids), TODAY),
        "service record": lambda db, ids: ServiceRecordDialog(db, h(ids), TODAY),
        "recipients": lambda _db, _ids: RecipientsDialog("请通知以下人员", "开庭已取消", [
            hearings.Recipient("party", "阿卜杜热合曼·阿卜杜克热木", "申请人"),
            hearings.Recipient("host", "欧阳晓燕", "东道企业联系人",
                               "中国建筑第五工程局有限公司湖南分公司邵阳经开区项目经理部")] * 10),
        "export calendar": lambda _db, _ids: ExportIcsDialog(TODAY, TODAY + dt.timedelta(days=30), []),
        "suspension": lambda db, ids: SuspensionDialog(db, c(ids).id, c(ids).number, TODAY),
        "extension": lambda db, ids: ExtensionDialog(db, c(ids).id, c(ids).number, TODAY),
        "recount": lambda db, ids: RecountDialog(db, c(ids).id, c(ids).number, TODAY),
        "service": lambda db, ids: ServiceDialog(db, c(ids).id, c(ids).number, TODAY),
        "participant": lambda db, ids: ParticipantDialog(db, c(ids).id, c(ids).number, TODAY),
        "calculator": lambda db, _ids: CalculatorDialog(db, today=lambda: TODAY),
        "enterprise": lambda db, _ids: EnterpriseDialog(db),
        "contact": lambda db, _ids: ContactDialog(db, 1, "中国建筑第五工程局有限公司湖南分公司邵阳经开区项目经理部"),
        "observer": lambda db, _ids: PersonDialog(db),
        "import wizard": lambda db, _ids: ImportWizard(db),
        "training session": lambda db, _ids: SessionDialog(db, today=TODAY),
        "attendance": lambda db, ids: AttendanceDialog(db, int(ids["session"] or 0)),
        "topics": lambda db, _ids: TopicsDialog(db),
        "hearing picker": lambda db, _ids: HearingPickerDialog(db, "打印", "选择开庭", today=TODAY),
        "day picker": lambda db, _ids: DayPickerDialog(db, today=TODAY),
        "pdf preview": lambda _db, _ids: PdfPreviewWindow("开庭通知书"),
        "legal calendar": lambda db, _ids: LegalCalendarDialog(db),
        "this computer": lambda db, _ids: WorkstationWizard(db),
    }


FACTORIES = _factories()


@pytest.fixture(scope="module")
def shown_db(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, object]]]:
    """One copy of the demonstration data for the module: the windows only read it."""
    handle = open_database(str(copy_database(demo_template, tmp_path_factory.mktemp("fit"))),
                           actor="测试书记员")
    yield handle, _ids(handle)
    handle.dispose()


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_the_window_fits_a_1366x768_screen(qtbot: QtBot, shown_db: tuple[Database, dict[str, object]],
                                           name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows size themselves to the screen they are on: here, the clerk's 1366×768 one.
    monkeypatch.setattr(window_state, "available_size", lambda _widget: SCREEN)
    demo_db, ids = shown_db
    if name == "attendance" and ids["session"] is None:
        pytest.fail("the demonstration data has no training session")
    window = FACTORIES[name](demo_db, ids)
    qtbot.addWidget(window)
    opening = window.size()
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)  # filled with what it read when it opened
    smallest = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert smallest.width() <= ROOM.width() and smallest.height() <= ROOM.height(), (
        f"{name}: cannot be made smaller than {smallest.width()}×{smallest.height()}")
    assert opening.width() <= ROOM.width() and opening.height() <= ROOM.height(), (
        f"{name}: opens at {opening.width()}×{opening.height()}")


def test_a_window_opens_no_bigger_than_the_screen_leaves() -> None:
    from tribunal.ui.window_state import opening_size

    # 1366×768 with a taskbar: the main window's 1280×720 would hide its bottom under the taskbar.
    assert opening_size(QSize(1280, 720), QSize(1366, 728)) == QSize(1280, 689)
    assert opening_size(QSize(1280, 720), QSize(1920, 1040)) == QSize(1280, 720)
    assert opening_size(QSize(1280, 720), QSize(1024, 728)) == QSize(1008, 689)
