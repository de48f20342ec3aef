"""Every shipped translation is complete and loads; the start-up translator follows the setting."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from tribunal.resources import translations_dir
from tribunal.ui import app as ui_app
from tribunal.ui import lang


def test_every_shipped_locale_loads() -> None:
    shipped = sorted(translations_dir().glob("tribunal_*.qm"))
    assert [p.stem for p in shipped] == ["tribunal_zh_CN"]
    for path in shipped:
        translator = QTranslator()
        assert translator.load(str(path)), path
        assert translator.translate("MainWindow", "Cases") == "案件"


def test_every_string_is_translated() -> None:
    for ts in translations_dir().glob("tribunal_*.ts"):
        unfinished = [
            m.findtext("source") for m in ET.parse(ts).getroot().iter("message")
            if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
            or not (m.find("translation").text or "").strip()
        ]
        assert unfinished == [], f"{ts.name}: untranslated {unfinished}"


def test_placeholders_survive_translation() -> None:
    for ts in translations_dir().glob("tribunal_*.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            for name in ("{count}", "{number}", "{name}", "{amount}", "{date}", "{year}", "{n}",
                         "{reason}", "{sex}", "{page}", "{key}"):
                assert (name in source) == (name in translation), (source, translation)


def test_switching_language(qapp: QApplication) -> None:
    assert ui_app.install_translators(qapp, "zh_CN")
    assert QCoreApplication.translate("CasesPage", "Clear filters") == "清除筛选"
    assert not ui_app.install_translators(qapp, "en")
    assert lang.is_english()
    assert QCoreApplication.translate("CasesPage", "Clear filters") == "Clear filters"
