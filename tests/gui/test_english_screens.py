"""English complete on screen: with Latin-only data, no page or key dialog shows a Chinese character.

The database is made the way a commission using English names would make it (set-up, staff,
enterprises, a case, a hearing, observers — all through the services). Every page of the
main window is shown and the key dialogs are opened (the case editor refusing a save, the
scheduling dialog with a conflict); every visible widget's text is read — labels, buttons,
fields, combo items, tab and group titles, table headers and cells, tooltips — and any Han
character fails the test: it is a string the English interface left untranslated.

A few Chinese strings are meant to stay, and are taken out of the text before the check
(:data:`MEANT_TO_STAY`): official numbers and their patterns (``SYLA[2026]第1号``, the
``{年}``/``{号}`` placeholders), examples of how a printed document writes a date, the name of
the Chinese language in itself, and the names of folders and files on disk (the printed
documents are Chinese, and so are their file names).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import TODAY
from tests.integration.data.outreach import add_room
from tribunal.db.engine import Database
from tribunal.domain.enums import CaseType, PanelRole, PartyKind, PartyRole
from tribunal.domain.scheduling import HearingInput
from tribunal.services import (
    cases,
    documents,
    enterprises,
    hearings,
    observers,
    reference,
    settings,
    setup,
)
from tribunal.services.app import open_database
from tribunal.ui import lang, ops

from .helpers import opened

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
TAGS = re.compile(r"<[^>]+>")
MAX_ROWS = 40

#: Chinese that the English screen shows on purpose (see the module docstring).
MEANT_TO_STAY = re.compile("|".join((
    r"[A-Z]+\[\d{4}\]第?\d+(?:-\d+)?号",  # case and certificate numbers (SYLA[2026]第1号)
    r"[A-Z]+\[\{年\}\]第?\{号\}号",  # a number pattern as the commission set it
    r"\{年\}|\{号\}",  # the placeholders of number patterns, named in their labels
    r"uses 第",  # "Case number uses 第": the character the option is about
    r"二〇\S*年\S*月\S*日|\d{4}年\d{1,2}月\d{1,2}日",  # how documents print a date (examples)
    r"中文（简体）",  # the language named in itself, as language menus do
    r"empty: 文书 ",  # the documents folder's name on disk
    r"有限公司/有限责任公司",  # the suffixes of Chinese company names that matching sets aside
    r"(?:[A-Za-z]:)?[/\\][^\n“”]*?\.pdf|\b\d\d_[^\n“”]*?\.pdf|全部文书\.pdf",  # files on disk, as named
)))

# ------------------------------------------------------------------ the data, in Latin letters


def latin_world(db: Database) -> dict[str, object]:
    """A commission, two enterprises, a case, a hearing and invited observers, named in English."""
    setup.set_up_commission(db, setup.CommissionSetup(
        name="Shaoyang Labour Dispute Arbitration Commission",
        seal_text="Shaoyang Labour Dispute Arbitration Commission",
        case_prefix="SYLA", certificate_prefix="SYLT", brackets="[]", year=TODAY.year,
        address="1 Baoqing Avenue, Shaoyang", phone="0739-5201234",
        tribunals=(setup.TribunalEntry(zone="Baoqing Development Zone", name="Baoqing Circuit Tribunal",
                                       address="Zone Office, 1 Baoqing Avenue"),),
        arbitrators=("Li Jianguo", "Wang Shufen", "Chen Ming"), clerks=("Zhao Jing",),
    ))
    settings.set_value(db, "commission.area", "Shaoyang")
    zone = next(z for z in enterprises.list_zones(db))
    host = enterprises.create_enterprise(db, enterprises.EnterpriseInput(
        "Baoqing Precision Machinery Co Ltd", credit_code="91430500MA4T00000K", zone_id=zone.id,
        address="18 Baoqing Avenue", contact_name="Liu Xiaoyan", contact_title="HR Manager",
        contact_phone="13807319999"))
    employer = enterprises.create_enterprise(db, enterprises.EnterpriseInput(
        "Xiangzhong Textile Technology Co Ltd", credit_code="91430500MA4T00010L", zone_id=zone.id,
        contact_name="Chen Zhigang", contact_title="HR Officer", contact_phone="13807318888"))
    guests = [enterprises.create_enterprise(db, enterprises.EnterpriseInput(
        name, credit_code=code, zone_id=zone.id, contact_name=person, contact_title="HR Manager",
        contact_phone=phone)) for name, code, person, phone in (
            ("Zijiang Foods Co Ltd", "91430500MA4T00020M", "Wang Li", "13807310001"),
            ("Chushao New Materials Co Ltd", "91430500MA4T00030N", "Zhao Jianhua", "13807310002"))]
    room_id = add_room(db, host.row.id, 30, name="Staff Meeting Room")  # rooms have no service yet
    case = cases.create_case(db, cases.CaseInput(
        case_type=CaseType.WAGES, received_date=TODAY - dt.timedelta(days=20),
        accepted_date=TODAY - dt.timedelta(days=18),
        parties=(cases.PartyInput(PartyRole.APPLICANT, PartyKind.PERSON, "Zhang San",
                                  phone="13807311234"),
                 cases.PartyInput(PartyRole.RESPONDENT, PartyKind.ORGANISATION,
                                  "Xiangzhong Textile Technology Co Ltd", credit_code="91430500MA4T00010L",
                                  enterprise_id=employer.row.id)),
        claims=(cases.ClaimInput("Unpaid wages for March to May", 1_234_500),),
    ), today=TODAY)
    staff = {s.name: s.id for s in reference.list_staff(db)}
    day = TODAY + dt.timedelta(days=14)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    hearing = hearings.schedule_hearing(db, HearingInput(
        case_id=case.id, starts_at=dt.datetime.combine(day, dt.time(9, 30)),
        ends_at=dt.datetime.combine(day, dt.time(11, 30)), room_id=room_id,
        panel=((staff["Li Jianguo"], PanelRole.SOLE),), clerk_id=staff["Zhao Jing"]),
        override_reason="Parties agreed", today=TODAY)
    observers.invite(db, hearing.id, [g.contacts[0].observer_id for g in guests])
    return {"case": case, "hearing": hearing, "day": day, "room": room_id, "staff": staff}


# ------------------------------------------------------------------ reading the screen


def _model_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model (QStringListModel) keeps columnCount private
        columns = 1
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            heading = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(heading, str):
                yield heading

    def rows(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), MAX_ROWS)):
            if depth and not model.hasChildren(parent):
                break
            for column in range(max(columns, 1)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str):
                        yield value
            if depth < 2:
                yield from rows(model.index(row, 0, parent), depth + 1)

    yield from rows(QModelIndex(), 0)


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything ``widget`` shows."""
    name = f"{type(widget).__name__}({widget.objectName() or ''})"
    if widget.toolTip():
        yield name + ".toolTip", widget.toolTip()
    if widget.isWindow() and widget.windowTitle():
        yield name + ".windowTitle", widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield name, widget.text()
    elif isinstance(widget, QLineEdit):
        yield name, widget.text()
        yield name + ".placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name}[{i}]", widget.itemText(i)
    elif isinstance(widget, QGroupBox):
        yield name, widget.title()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"{name}[{i}]", widget.tabText(i)
            yield f"{name}[{i}].toolTip", widget.tabToolTip(i)
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield name, widget.toPlainText()
    elif isinstance(widget, QAbstractSpinBox):
        yield name, widget.text()
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        for text in _model_texts(widget.model()):
            yield name, text
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            yield name + ".menu", action.text()
            menu = action.menu()
            if menu is not None:
                for sub in menu.actions():
                    yield name + ".menu", sub.text()


def chinese_on_screen(top: QWidget, exempt: tuple[str, ...]) -> list[str]:
    """Every visible text under ``top`` that still has a Han character (exempt strings removed)."""
    found: list[str] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        for where, text in widget_texts(widget):
            plain = MEANT_TO_STAY.sub("", TAGS.sub("", text or ""))
            for allowed in exempt:
                plain = plain.replace(allowed, "")
            if HAN.search(plain):
                found.append(f"{where}: {plain[:160]!r}")
    return sorted(set(found))


# ------------------------------------------------------------------ the test


def visible_views(top: QWidget) -> list[QAbstractItemView]:
    return [v for v in top.findChildren(QAbstractItemView)
            if v.isVisible() and not isinstance(v, QHeaderView) and v.model() is not None]


def visit(top: QWidget, exempt: tuple[str, ...]) -> list[str]:
    """Read ``top`` as it is, then with the first row of every list chosen (so that detail
    panes fill in) and with every tab of every visible tab widget shown in turn."""
    found = set(chinese_on_screen(top, exempt))
    for view in visible_views(top):
        model = view.model()
        if model.rowCount(QModelIndex()) and not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))
            settle()
    found.update(chinese_on_screen(top, exempt))
    for tabs in [t for t in top.findChildren(QTabWidget) if t.isVisible()]:
        for i in range(tabs.count()):
            if tabs.isTabEnabled(i):
                tabs.setCurrentIndex(i)
                settle()
                found.update(chinese_on_screen(top, exempt))
    return sorted(found)



def settle() -> None:
    """Let every read the page started answer and be drawn."""
    assert ops.wait_until_idle()
    QApplication.processEvents()



@pytest.fixture
def latin_db(tmp_path: Path) -> Iterator[tuple[Database, dict[str, object]]]:
    """A new database set up in Latin letters, opened by a clerk with a Latin name."""
    handle = open_database(str(tmp_path / "latin.sqlite3"), actor="Test Clerk")
    try:
        world = latin_world(handle)
        out = tmp_path / "documents"
        out.mkdir()
        hearing = world["hearing"]
        assert isinstance(hearing, hearings.HearingDetail)
        documents.make_pack(handle, hearing.id, out_dir=out)  # the 文书 page lists the pack
        yield handle, world
    finally:
        handle.dispose()


def test_every_page_shows_english_only(qtbot: QtBot, latin_db: tuple[Database, dict[str, object]],
                                       english: None) -> None:
    from tribunal.ui.main_window import MainWindow

    db, _world = latin_db
    assert lang.is_english()
    numbers = tuple(r.number for r in cases.search_cases(db, cases.CaseFilter(), limit=None))
    window = MainWindow(db, settings.get_all(db))
    qtbot.addWidget(window)
    window.resize(1366, 728)
    with qtbot.waitExposed(window):
        window.show()
    window.load_data()
    problems: dict[str, list[str]] = {}
    for page in range(len(window.navigation_texts())):
        window.switch_to(page)
        settle()
        found = visit(window, numbers)
        if found:
            problems[window.navigation_texts()[page]] = found
    # The charts are drawings, not widgets: their titles, axes and notes are read from the SVG.
    from tribunal.ui.reports_page import ReportsPage

    [reports_page] = window.findChildren(ReportsPage)
    qtbot.waitUntil(lambda: bool(getattr(reports_page, "chart_svgs", None)))
    for key, svg in reports_page.chart_svgs.items():
        shown = MEANT_TO_STAY.sub("", re.sub(r"<[^>]+>", " ", svg.decode("utf-8")))
        if HAN.search(shown):
            problems[f"chart {key}"] = sorted(set(HAN.findall(shown)))
    report = "\n".join(f"[{page}]\n  " + "\n  ".join(lines) for page, lines in problems.items())
    assert not problems, "Chinese on the English screen:\n" + report


def test_the_case_editor_refusing_a_save_speaks_english(
        qtbot: QtBot, latin_db: tuple[Database, dict[str, object]], english: None) -> None:
    from tests.gui.helpers import click_save, fill_new_case
    from tribunal.domain.enums import CaseStatus
    from tribunal.ui.case_editor import CaseEditor

    db, _world = latin_db
    editor = CaseEditor(db)
    qtbot.addWidget(editor)
    opened(qtbot, editor)
    editor.resize(1366, 728)
    editor.show()
    fill_new_case(qtbot, editor, applicant="", respondent="Baoqing Precision Machinery Co Ltd",
                  claim="Unpaid wages", amount="12.345", id_number="430102199003070013")
    editor.status.setCurrentIndex(editor.status.findData(CaseStatus.HEARD))  # needs acceptance
    click_save(qtbot, editor)
    settle()
    assert editor.saved_case is None and editor.summary.isVisible()
    reasons = [f.text for f in (editor.feedback("accepted_date"), editor.feedback("parties[0].name"),
                                editor.feedback("claims[0].amount")) if f is not None]
    assert len(reasons) == 3 and all(reasons), reasons
    assert "two decimals" in reasons[2]  # the service's reason, in English
    found = visit(editor, ())
    assert found == [], "\n".join(found)


def test_the_scheduling_dialog_shows_its_conflicts_in_english(
        qtbot: QtBot, latin_db: tuple[Database, dict[str, object]], english: None) -> None:
    from tribunal.domain.scheduling import HARD
    from tribunal.ui.hearing_dialog import HearingDialog

    db, world = latin_db
    booked = world["hearing"]
    staff = world["staff"]
    assert isinstance(booked, hearings.HearingDetail) and isinstance(staff, dict)
    second = cases.create_case(db, cases.CaseInput(
        case_type=CaseType.OVERTIME, received_date=TODAY - dt.timedelta(days=10),
        accepted_date=TODAY - dt.timedelta(days=9),
        parties=(cases.PartyInput(PartyRole.APPLICANT, PartyKind.PERSON, "Li Si"),
                 cases.PartyInput(PartyRole.RESPONDENT, PartyKind.ORGANISATION, "Zijiang Foods Co Ltd")),
        claims=(cases.ClaimInput("Overtime pay", 500_000),),
        arbitrators=(cases.ArbitratorInput(staff["Li Jianguo"], PanelRole.SOLE),)), today=TODAY)
    dialog = HearingDialog(db, today=lambda: TODAY, case_id=second.id)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog)
    dialog.resize(1366, 728)
    dialog.show()
    # The same arbitrator, room and time as the hearing already booked, on a Saturday-free day.
    dialog.host.setCurrentIndex(dialog.host.findData(booked.host_enterprise_id))
    dialog.room.setCurrentIndex(dialog.room.findData(booked.room_id))
    day = booked.starts_at.date()
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.start_time.setTime(QTime(booked.starts_at.hour, booked.starts_at.minute))
    dialog.end_time.setTime(QTime(booked.ends_at.hour, booked.ends_at.minute))
    qtbot.waitUntil(lambda: any(f.rule_key == "staff.double_booked" for f in dialog.panel.findings()),
                    timeout=5000)
    settle()
    clash = next(f for f in dialog.panel.of(HARD) if f.rule_key == "staff.double_booked")
    assert clash.message.startswith("仲裁员Li Jianguo")  # the finding itself stays Chinese …
    assert "The arbitrator Li Jianguo already has a hearing" in dialog.panel.text()  # … the screen is English
    found = visit(dialog, ())
    assert found == [], "\n".join(found)


def test_the_check_in_window_speaks_english(
        qtbot: QtBot, latin_db: tuple[Database, dict[str, object]], english: None) -> None:
    from tribunal.ui.checkin_window import CheckinWindow

    db, world = latin_db
    hearing = world["hearing"]
    assert isinstance(hearing, hearings.HearingDetail)
    arrival = dt.datetime.combine(hearing.starts_at.date(), dt.time(9, 0))
    window = CheckinWindow(db, hearing.id, clock=lambda: arrival)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    with qtbot.waitExposed(window):
        window.show()
    settle()
    found = set(visit(window, ()))
    # A search that finds nobody, then a check-in: the window's own messages.
    window.search.setText("Nobody Of That Name")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    settle()
    found.update(chinese_on_screen(window, ()))
    window.search.setText("Wang Li")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    settle()
    assert window.attended_count() == 1
    found.update(chinese_on_screen(window, ()))
    assert not found, "\n".join(sorted(found))


def test_the_import_wizard_speaks_english(
        qtbot: QtBot, latin_db: tuple[Database, dict[str, object]], english: None, tmp_path: Path) -> None:
    from tribunal.ui.import_wizard import ImportWizard

    db, _world = latin_db
    source = tmp_path / "directory.csv"
    # The headings as a Chinese directory has them (the file's own words, not the screen's).
    headings = ("企业名称", "统一社会信用代码", "联系人", "手机")
    source.write_text(",".join(headings) + "\n"
                      "Zijiang Foods Co Ltd,91430500MA4T00020M,Wang Li,13807310001\n"
                      "New Enterprise Co Ltd,,Sun Hao,138073\n"
                      ",91430500MA4T00030N,Nobody,13807310005\n", encoding="utf-8")
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 728)
    with qtbot.waitExposed(wizard):
        wizard.show()
    # What a directory's heading or name looks like, given as the example it is.
    exempt = (*headings, "such as 企业名称", "For example: 经开区管委会名录")
    found = set(visit(wizard, exempt))
    wizard.file_page.path.setText(str(source))
    for _step in range(3):  # the columns, the trial run, the report
        wizard.next()
        settle()
        found.update(visit(wizard, exempt))
    assert wizard.report is not None
    assert not found, "\n".join(sorted(found))


def test_the_audit_log_speaks_english(
        qtbot: QtBot, latin_db: tuple[Database, dict[str, object]], english: None) -> None:
    from tribunal.ui.audit_log import AuditLogDialog

    db, _world = latin_db
    dialog = AuditLogDialog(db)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 728)
    with qtbot.waitExposed(dialog):
        dialog.show()
    with qtbot.waitSignal(dialog.search().ended, timeout=10_000):
        pass
    settle()
    assert dialog.rows
    # The example of a case number is written as case numbers are: in Chinese.
    found = set(visit(dialog, ("e.g. 邵劳人仲案字〔2026〕第12号",)))
    # Each kind of entry the set-up made, read in the detail pane as the clerk selects it.
    for row in dialog.rows[:40]:
        html = dialog.entry_html(row)
        plain = MEANT_TO_STAY.sub("", TAGS.sub("", html))
        if HAN.search(plain):
            found.add(f"{row.action}: {plain[:160]!r}")
    assert not found, "\n".join(sorted(found))
