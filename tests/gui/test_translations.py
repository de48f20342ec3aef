"""Every shipped translation is complete and loads; the start-up translator follows the setting."""

from __future__ import annotations

import importlib
import importlib.util
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from tribunal.resources import translations_dir
from tribunal.ui import app as ui_app
from tribunal.ui import lang
from tribunal.ui.rows_model import Column

ROOT = Path(__file__).resolve().parents[2]


def _messages(ts: Path) -> list[tuple[str, str, str, str]]:
    """(context, source, disambiguation, translation) of every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message.findtext("comment") or "",
                          message.findtext("translation") or ""))
    return found


def _translations_script():
    spec = importlib.util.spec_from_file_location("translations_script",
                                                  ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def test_the_committed_ts_has_no_unfinished_entry() -> None:
    for ts in translations_dir().glob("tribunal_*.ts"):
        text = ts.read_text(encoding="utf-8")
        assert 'type="unfinished"' not in text, ts.name
        assert 'type="vanished"' not in text and 'type="obsolete"' not in text, ts.name
        assert _translations_script().unfinished(ts.stem.removeprefix("tribunal_")) == []


def test_the_qm_is_built_from_the_current_ts(tmp_path: Path) -> None:
    """The committed .qm answers every message of the .ts with its translation (it is not older
    than the .ts), and lrelease builds as many messages from the .ts as the .qm holds."""
    script = _translations_script()
    for ts in translations_dir().glob("tribunal_*.ts"):
        committed = QTranslator()
        assert committed.load(str(ts.with_suffix(".qm")))
        messages = _messages(ts)
        stale = [(context, source, translation) for context, source, comment, translation in messages
                 if committed.translate(context, source, comment or None) != translation]
        assert stale == [], f"{ts.with_suffix('.qm').name} is older than {ts.name}: {stale[:5]}"

        try:
            tool = script._tool("lrelease")
        except SystemExit:
            pytest.skip("lrelease is not available")
        rebuilt = tmp_path / ts.with_suffix(".qm").name
        run = subprocess.run([*tool, str(ts), "-qm", str(rebuilt)], capture_output=True, text=True,
                             check=True)
        generated = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)",
                              run.stdout + run.stderr)
        assert generated is not None, run.stdout + run.stderr
        total, finished, unfinished = map(int, generated.groups())
        assert (total, finished, unfinished) == (len(messages), len(messages), 0)
        fresh = QTranslator()
        assert fresh.load(str(rebuilt))
        assert all(fresh.translate(c, s, d or None) == committed.translate(c, s, d or None)
                   for c, s, d, _t in messages)


@pytest.mark.parametrize("module_name", [
    "checkin_window", "documents_model", "enterprises_page", "import_wizard", "invitations_page",
    "observers_page", "training_page",
])
def test_column_headings_are_in_the_ts(module_name: str) -> None:
    """lupdate reads only literal contexts: every heading of a module's column lists is extracted
    under the context its RowsModel translates it in."""
    module = importlib.import_module(f"tribunal.ui.{module_name}")
    ts = translations_dir() / "tribunal_zh_CN.ts"
    known = {(c, s) for c, s, _d, _t in _messages(ts)}
    headings = [column.header for value in vars(module).values() if isinstance(value, tuple)
                for column in value if isinstance(column, Column)]
    assert headings, module_name
    missing = [h for h in headings if (module.CONTEXT, h) not in known]
    assert missing == [], f"{module_name}: headings lupdate did not extract: {missing}"
