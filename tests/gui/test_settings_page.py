"""The settings page: this computer's settings and the commission's, refusals shown beside their fields."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from tribunal.db.engine import Database
from tribunal.services import settings, workstation
from tribunal.services.settings import WORKSTATION
from tribunal.ui import settings_page as settings_page_module
from tribunal.ui.settings_page import SettingsPage, editable_settings

from .helpers import settle


def open_page(qtbot: QtBot, db: Database) -> SettingsPage:
    page = SettingsPage(db)
    qtbot.addWidget(page)
    page.show()
    page.load()
    settle(qtbot)
    return page


def save(qtbot: QtBot, page: SettingsPage) -> bool:
    with qtbot.waitSignal(page.save_finished, timeout=5000) as finished:
        page.save()
    return bool(finished.args[0])


def test_every_setting_has_a_field_with_its_chinese_label(qtbot: QtBot, gui_db: Database) -> None:
    page = open_page(qtbot, gui_db)
    assert set(page.editors) == {d.key for d in editable_settings()}
    assert {"commission.name", "ui.language", "clerk.name", "hearing.travel_minutes"} <= set(page.editors)
    assert page.value("commission.name") == "邵阳市劳动人事争议仲裁院"
    assert page.value("ui.language") == "zh_CN"
    labels = [label.text() for label in page.findChildren(type(page.status))]
    assert "仲裁机构名称" in labels and "界面语言" in labels
    assert page.number_example.text() == "邵劳人仲案字〔2026〕第15号"


def test_the_two_groups_say_where_they_are_kept(qtbot: QtBot, gui_db: Database) -> None:
    page = open_page(qtbot, gui_db)
    assert page.workstation_heading.text() == "本机设置" and page.commission_heading.text() == "仲裁机构设置"
    assert str(workstation.settings_path()) in page.workstation_note.text()
    assert "所有" in page.commission_note.text()
    # This computer's settings come first, above the commission's.
    mine = [page.editors[d.key] for d in editable_settings() if d.scope == WORKSTATION]
    shared = [page.editors[d.key] for d in editable_settings() if d.scope != WORKSTATION]
    lowest_mine = max(w.mapTo(page, w.rect().topLeft()).y() for w in mine)
    assert lowest_mine < page.commission_heading.mapTo(page, page.commission_heading.rect().topLeft()).y()
    assert all(w.mapTo(page, w.rect().topLeft()).y() > lowest_mine for w in shared)


def test_choices_are_lists_not_english_words(qtbot: QtBot, gui_db: Database) -> None:
    page = open_page(qtbot, gui_db)
    style = page.editors["documents.date_style"]
    assert isinstance(style, QComboBox)
    assert [style.itemText(i) for i in range(style.count())] == ["汉字：二〇二六年十二月七日", "阿拉伯数字：2026年12月7日"]
    page.set_field("documents.date_style", "arabic")
    assert save(qtbot, page)
    assert settings.get_all(gui_db)["documents.date_style"] == "arabic"


def test_bad_values_are_refused_beside_their_fields(qtbot: QtBot, gui_db: Database) -> None:
    page = open_page(qtbot, gui_db)
    page.set_field("commission.name", "   ")
    page.set_field("hearing.travel_minutes", 999)
    page.set_field("commission.phone", "0739-5555555")
    page.set_field("documents.font_heiti", "C:/Windows/Fonts/msyh.otf")

    assert not save(qtbot, page)

    name = page.feedback("commission.name")
    assert name.has_error and name.label.isVisible() and name.text == "不能为空"
    assert page.editors["commission.name"].property("invalid") is True
    assert "480" in page.feedback("hearing.travel_minutes").text
    assert ".otf" in page.feedback("documents.font_heiti").text
    assert "3 项设置未保存" in page.status.text()
    stored = settings.get_all(gui_db)
    assert stored["commission.name"] == "邵阳市劳动人事争议仲裁院"
    assert stored["hearing.travel_minutes"] == 60
    assert stored["documents.font_heiti"] == ""
    assert stored["commission.phone"] == "0739-5555555"  # the good value was kept


def test_this_computers_settings_go_to_its_file_not_the_database(qtbot: QtBot, gui_db: Database) -> None:
    gui_db.actor_explicit = False  # as when the program starts without --user
    page = open_page(qtbot, gui_db)
    page.set_field("clerk.name", "阿卜杜热合曼·阿卜杜克热木")
    page.set_field("ui.language", "en")
    with qtbot.waitSignal(page.settings_saved) as saved:
        assert save(qtbot, page)
    assert saved.args[0] == {"clerk.name": "阿卜杜热合曼·阿卜杜克热木", "ui.language": "en"}
    assert "重新启动" in page.status.text()
    assert workstation.read()[0]["ui.language"] == "en"
    assert gui_db.actor == "阿卜杜热合曼·阿卜杜克热木"  # the audit names this computer's clerk now
    assert gui_db.path is not None
    con = sqlite3.connect(gui_db.path)
    assert con.execute("SELECT count(*) FROM setting WHERE key IN ('ui.language', 'clerk.name')").fetchone() == (0,)
    con.close()


def test_browse_fills_the_font_and_folder_fields(qtbot: QtBot, gui_db: Database, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    font = tmp_path / "字体" / "simhei.ttf"
    font.parent.mkdir()
    font.write_bytes(b"")
    asked: list[str] = []
    monkeypatch.setattr(settings_page_module, "choose_font_file",
                        lambda _parent, _title, start: asked.append(start) or str(font))
    monkeypatch.setattr(settings_page_module, "choose_folder",
                        lambda _parent, _title, start: asked.append(start) or str(tmp_path))
    page = open_page(qtbot, gui_db)
    assert set(page.browse_buttons) == {"documents.folder", "documents.font_fangsong", "documents.font_xiaobiaosong",
                                        "documents.font_heiti", "documents.font_kaiti"}
    page.browse_buttons["documents.font_heiti"].click()
    assert page.value("documents.font_heiti") == str(font)
    settle(qtbot)  # where it was found is remembered in this computer's file, in the background
    page.browse_buttons["documents.font_kaiti"].click()
    assert asked[-1] == str(font.parent)  # the next font is looked for where the last one was
    page.browse_buttons["documents.folder"].click()
    assert page.value("documents.folder") == str(tmp_path)
    assert save(qtbot, page)
    assert settings.get_all(gui_db)["documents.font_heiti"] == str(font)


def test_a_bad_value_in_this_computers_file_shows_the_default(qtbot: QtBot, gui_db: Database,
                                                            workstation_file: Path) -> None:
    (workstation_file / "workstation.json").write_text('{"ui.language": 7, "clerk.name": "赵静"}', encoding="utf-8")
    page = open_page(qtbot, gui_db)
    assert page.value("ui.language") == "zh_CN" and page.value("clerk.name") == "赵静"
    assert [p for p in settings.workstation_problems() if "界面语言" in p]


def test_bad_case_number_prefix_shows_the_reason(qtbot: QtBot, gui_db: Database) -> None:
    page = open_page(qtbot, gui_db)
    page.set_field("case_number.prefix", "邵劳人仲2")
    assert "尚不正确" in page.number_example.text()
    assert not save(qtbot, page)
    assert "数字" in page.feedback("case_number.prefix").text


def test_a_tribunals_usual_venue_is_set_on_the_settings_page(qtbot: QtBot, seeded_db: Database) -> None:
    from tribunal.services import enterprises, reference

    firm = enterprises.create_enterprise(seeded_db, enterprises.EnterpriseInput(name="邵阳宝庆精密机械有限公司"))
    page = open_page(qtbot, seeded_db)
    tribunal = reference.list_tribunals(seeded_db)[0]
    combo = page.host_combos[tribunal.id]
    assert combo.currentData() is None and "最近一次" in combo.itemText(0)
    combo.setCurrentIndex(combo.findData(firm.row.id))
    assert save(qtbot, page)
    assert reference.list_tribunals(seeded_db)[0].default_host_enterprise_id == firm.row.id
    assert reference.usual_host(seeded_db, tribunal.id) == firm.row.id
