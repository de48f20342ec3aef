"""The settings page: the registry as a form, refusals shown beside their fields."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.services import settings
from tribunal.ui.settings_page import SettingsPage, editable_settings


def open_page(qtbot: QtBot, db: Database) -> SettingsPage:
    page = SettingsPage(db)
    qtbot.addWidget(page)
    page.show()
    page.load()
    return page


def test_every_setting_has_a_field_with_its_chinese_label(qtbot: QtBot, gui_db: Database) -> None:
    page = open_page(qtbot, gui_db)
    assert set(page.editors) == {d.key for d in editable_settings()}
    assert {"commission.name", "ui.language", "clerk.name", "hearing.travel_minutes"} <= set(page.editors)
    assert page.value("commission.name") == "邵阳市劳动人事争议仲裁院"
    assert page.value("ui.language") == "zh_CN"
    labels = [label.text() for label in page.findChildren(type(page.status))]
    assert "仲裁机构名称" in labels and "界面语言" in labels
    assert page.number_example.text() == "邵劳人仲案字〔2026〕第15号"


def test_bad_values_are_refused_beside_their_fields(qtbot: QtBot, gui_db: Database) -> None:
    page = open_page(qtbot, gui_db)
    page.set_field("commission.name", "   ")
    page.set_field("hearing.travel_minutes", 999)
    page.set_field("commission.phone", "0739-5555555")

    assert not page.save()

    name = page.feedback("commission.name")
    assert name.has_error and name.label.isVisible() and name.text == "不能为空"
    assert page.editors["commission.name"].property("invalid") is True
    assert "480" in page.feedback("hearing.travel_minutes").text
    assert "2 项设置未保存" in page.status.text()
    stored = settings.get_all(gui_db)
    assert stored["commission.name"] == "邵阳市劳动人事争议仲裁院"
    assert stored["hearing.travel_minutes"] == 60
    assert stored["commission.phone"] == "0739-5555555"  # the good value was kept


def test_language_change_says_it_needs_a_restart(qtbot: QtBot, gui_db: Database) -> None:
    page = open_page(qtbot, gui_db)
    with qtbot.waitSignal(page.settings_saved) as saved:
        page.set_field("ui.language", "en")
        assert page.save()
    assert saved.args[0] == {"ui.language": "en"}
    assert "重新启动" in page.status.text()
    assert settings.get_all(gui_db)["ui.language"] == "en"


def test_bad_case_number_prefix_shows_the_reason(qtbot: QtBot, gui_db: Database) -> None:
    page = open_page(qtbot, gui_db)
    page.set_field("case_number.prefix", "邵劳人仲2")
    assert "尚不正确" in page.number_example.text()
    assert not page.save()
    assert "数字" in page.feedback("case_number.prefix").text
