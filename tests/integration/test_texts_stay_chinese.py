"""An English interface never makes the printed documents or the command line English.

The GUI translates service texts only where it shows them (``tribunal.ui.lang.text``); no
process-wide language is switched. So while the interface language is English, a pack made
on a worker thread (as the GUI makes it) prints Chinese, the command line still writes
``错误：…`` in Chinese, and the very same message reads English only on the screen.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.integration.test_documents import demo_file  # noqa: F401 - the shared demo database
from tribunal.cli import main
from tribunal.db.engine import Database
from tribunal.domain.enums import DocumentKind
from tribunal.errors import NotFound
from tribunal.services import documents
from tribunal.services.app import open_database
from tribunal.ui import lang

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english() -> Iterator[None]:
    """The interface language set to English, as the GUI sets it, and put back afterwards."""
    before = lang.language()
    lang.set_language("en")
    yield
    lang.set_language(before)


@pytest.fixture
def db_file(demo_file: Path, tmp_path: Path) -> Path:  # noqa: F811 - the fixture imported above
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


def _text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(path.read_bytes())).pages))


def test_a_pack_made_on_a_worker_while_the_screen_is_english_prints_chinese(
        db_file: Path, tmp_path: Path, english: None) -> None:
    out = tmp_path / "out"
    out.mkdir()
    db: Database = open_database(str(db_file), actor="测试书记员")
    try:
        with ThreadPoolExecutor(max_workers=1) as worker:
            result = worker.submit(documents.make_pack, db, 1, out_dir=out).result()
    finally:
        db.dispose()
    assert lang.is_english()
    notice = next(d for d in result.documents if d.kind == DocumentKind.HEARING_NOTICE)
    day_list = next(d for d in result.documents if d.kind == DocumentKind.DAY_LIST)
    notice_text, day_text = _text(Path(notice.path)), _text(Path(day_list.path))
    assert "开庭通知书" in notice_text and "劳动人事争议仲裁" in notice_text
    assert re.search(r"星期[一二三四五六日]", day_text)  # weekdays as a document writes them
    for text in (notice_text, day_text):
        assert not re.search(r"\b(Hearing|notice|Monday|Tuesday|Wednesday|Thursday|Friday|Arbitration)\b", text)
    assert all(HAN.search(note) for note in result.notes)  # what the pack reports stays Chinese too


def test_the_command_line_speaks_chinese_while_the_screen_is_english(
        db_file: Path, capsys: pytest.CaptureFixture[str], english: None) -> None:
    code = main(["--db", str(db_file), "docs", "pack", "--hearing", "9999"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("错误：") and "找不到编号为 9999 的开庭" in err

    # The same refusal, as the GUI shows it: English on the screen, Chinese underneath.
    db = open_database(str(db_file), actor="测试书记员")
    try:
        with pytest.raises(NotFound) as caught:
            documents.make_pack(db, 9999)
    finally:
        db.dispose()
    assert str(caught.value) == "找不到编号为 9999 的开庭，可能已被删除"
    assert lang.text(caught.value.message) == "No hearing numbered 9999; it may have been deleted"
