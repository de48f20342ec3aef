"""``tribunal record show|export-pdf``: the newer of the journal and the database, one clear refusal."""

from __future__ import annotations

import json

from tests.integration.test_hearing_records import UYGHUR, make_hearing
from tribunal.cli import main
from tribunal.services import hearing_records


def test_show_and_export(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(hearing_records.JOURNAL_ENV, str(tmp_path / "journal"))
    hearing_id = make_hearing(db)
    opened = hearing_records.open_record(db, hearing_id)
    opened.journal.append(opened.content.with_text("final", "申：请求支持全部仲裁请求。"))
    base = ["--db", db.url, "--user", "测试书记员", "record"]
    assert main([*base, "show", "--hearing", str(hearing_id)]) == 0
    out = capsys.readouterr().out
    assert "未同步" in out and "【最后陈述】" in out and "申：请求支持全部仲裁请求。" in out and UYGHUR in out
    assert main([*base, "show", "--hearing", str(hearing_id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == "journal" and data["stages"][5]["text"] == "申：请求支持全部仲裁请求。"
    target = tmp_path / "笔录.pdf"
    assert main([*base, "export-pdf", "--hearing", str(hearing_id), "--out", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert main([*base, "show", "--hearing", str(hearing_id)]) == 0
    assert "已同步" in capsys.readouterr().out  # printing copied it to the database


def test_bad_input_gets_one_message(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(hearing_records.JOURNAL_ENV, str(tmp_path / "journal"))
    base = ["--db", db.url, "record"]
    assert main([*base, "show", "--hearing", "999"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "999" in err and "Traceback" not in err
    assert main([*base, "export-pdf", "--hearing", "999", "--out", str(tmp_path / "x.txt")]) == 1
