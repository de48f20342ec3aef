"""``tribunal docs``: pack, day, certificates, list and reprint — and one clear line for every error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.integration.test_documents import demo_file  # noqa: F401 - the shared demo database
from tribunal.cli import main
from tribunal.db.engine import Database
from tribunal.db.models import Invitation
from tribunal.domain.enums import InvitationStatus


@pytest.fixture
def db_path(demo_file: Path, tmp_path: Path) -> Path:  # noqa: F811 - the fixture imported above
    """The conftest's database, holding the demonstration data already: ``db`` opens it (SQLite)
    or loads its rows into the suite's server database (PostgreSQL)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_pack_prints_each_file_and_a_summary(db: Database, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(capsys, "--db", db.url, "docs", "pack", "--hearing", "1", "--out", str(out))
    assert code == 0
    lines = stdout.strip().splitlines()
    assert lines[0].startswith("文书清单\t文书清单（")
    assert lines[1].startswith("开庭通知书\t开庭通知书（")
    assert any(line.startswith("全部文书\t开庭文书（") for line in lines)
    assert lines[-1].startswith("共 22 个文件（新增 22，更新 0，未变 0），保存在 ")
    assert len(_files(out)) == 22
    code, stdout, _ = run(capsys, "--db", db.url, "docs", "pack", "--hearing", "1", "--out", str(out), "--json")
    report = json.loads(stdout)
    assert code == 0 and (report["added"], report["unchanged"]) == (0, 22)
    assert len(report["documents"]) == 21 and report["combined"]["kind"] == "pack"
    assert all(Path(d["path"]).is_file() for d in report["documents"])


def test_day_list_and_reprint(db: Database, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(capsys, "--db", db.url, "docs", "pack", "--hearing", "4", "--out", str(out), "--json")
    day = json.loads(stdout)["documents"][-1]
    assert day["kind"] == "day_list"
    date = day["title"].split("，")[1].rstrip("）")
    code, stdout, _ = run(capsys, "--db", db.url, "docs", "day", "--date", date, "--tribunal", "1",
                          "--out", str(out))
    assert code == 0 and "开庭排期表" in stdout
    code, stdout, _ = run(capsys, "--db", db.url, "docs", "list", "--json")
    rows = json.loads(stdout)
    # The closed hearing's pack (cover + 6 + day list + combined), then the day pack: its cover
    # and day list, the same hearing's 6 documents in their own folder, and the combined file.
    assert len(rows) == 9 + 9
    assert {r["kind"] for r in rows} == {"pack_list", "hearing_notice", "service_receipt", "day_list", "pack"}
    case_number = next(r["case_number"] for r in rows if r["case_number"])
    code, stdout, _ = run(capsys, "--db", db.url, "docs", "list", "--case", case_number)
    assert code == 0 and all(case_number in line for line in stdout.strip().splitlines())
    code, stdout, _ = run(capsys, "--db", db.url, "docs", "list", "--hearing", "4", "--kind", "送达回证")
    assert code == 0 and len(stdout.strip().splitlines()) == 6  # three recipients, printed twice
    code, stdout, _ = run(capsys, "--db", db.url, "docs", "reprint", str(rows[0]["id"]))
    assert code == 0 and stdout.startswith("已重印：") and "内容未变" in stdout
    code, stdout, _ = run(capsys, "--db", db.url, "docs", "list", "--hearing", "99")
    assert code == 0 and stdout.strip() == "没有符合条件的文书。"


@pytest.mark.parametrize(("argv", "message"), [
    (["docs", "pack", "--hearing", "999"], "错误：找不到编号为 999 的开庭"),
    (["docs", "certificates", "--hearing", "4"], "错误：不公开审理的案件不制作旁听文书"),
    (["docs", "certificates", "--hearing", "1"], "错误：这场开庭还没有签到到场的旁听人员"),
    (["docs", "day", "--date", "2026-12-09", "--tribunal", "9"], "错误：找不到编号为 9 的巡回仲裁庭"),
    (["docs", "list", "--case", "邵劳人仲案字〔2030〕第1号"], "错误：找不到案号为“邵劳人仲案字〔2030〕第1号”的案件"),
    (["docs", "list", "--kind", "离婚协议"], "错误：未知的文书种类“离婚协议”"),
    (["docs", "reprint", "999"], "错误：找不到编号为 999 的文书记录"),
])
def test_errors_are_one_line_and_write_nothing(db: Database, out: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    extra = ["--out", str(out)] if argv[1] in ("pack", "day", "certificates") else []
    code, _stdout, stderr = run(capsys, "--db", db.url, *argv, *extra)
    assert code == 1
    assert stderr.startswith(message)
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert _files(out) == []


def test_missing_output_folder(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-such-folder"
    code, _, stderr = run(capsys, "--db", db.url, "docs", "pack", "--hearing", "1", "--out", str(missing))
    assert code == 1 and stderr.strip() == f"错误：输出文件夹不存在：{missing}"
    assert not missing.exists()


def test_usage_errors(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Malformed command lines are refused before any database is opened: one backend is enough."""
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(db_path), "docs", "day", "--date", "2026-13-01", "--tribunal", "1"])
    assert exc.value.code == 2
    assert "日期格式应为 YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(db_path), "docs", "pack"])
    assert exc.value.code == 2
    assert main(["--db", str(db_path), "docs"]) == 2
    assert "pack" in capsys.readouterr().out


def test_teaching_case_from_the_command_line(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", db.url, "docs", "teaching", "--hearing", "1")
    assert code == 0 and "已由" in out and "申请劳动人事争议仲裁" in out
    code, out, _ = run(capsys, "--db", db.url, "docs", "teaching", "--hearing", "1", "--reset")
    assert code == 0 and "尚未复核" in out
    text = tmp_path / "case.txt"
    text.write_text("某劳动者与某公司就加班费发生争议。\n右手受伤后停工。", encoding="utf-8")
    code, out, _ = run(capsys, "--db", db.url, "docs", "teaching", "--hearing", "1", "--file", str(text))
    assert code == 0 and "某劳动者与某公司就加班费发生争议" in out and "提示：" in out  # 手 is flagged
    code, _, err = run(capsys, "--db", db.url, "docs", "teaching", "--hearing", "1", "--file",
                       str(tmp_path / "missing.txt"))
    assert code == 1 and err.startswith("错误：无法读取文件")
    code, _, err = run(capsys, "--db", db.url, "docs", "teaching", "--hearing", "1", "--text", " ")
    assert code == 1 and "请填写讲义中的案例文字" in err


def test_certificate_numbers_listed_and_voided(db: Database, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with db.session() as s:
        first = s.scalars(select(Invitation).order_by(Invitation.id).limit(1)).one()
        first.status = InvitationStatus.ATTENDED
    code, _, _ = run(capsys, "--db", db.url, "docs", "certificates", "--hearing", "1", "--out", str(out))
    assert code == 0
    code, listed, _ = run(capsys, "--db", db.url, "docs", "certificate-list", "--json")
    [row] = json.loads(listed)
    assert row["number"].startswith("邵劳人仲培字〔") and row["voided_on"] is None
    code, said, _ = run(capsys, "--db", db.url, "docs", "void-certificate", row["number"], "--reason", "重复签到")
    assert code == 0 and "不再使用" in said
    code, listed, _ = run(capsys, "--db", db.url, "docs", "certificate-list")
    assert "已作废" in listed and "重复签到" in listed
    code, _, err = run(capsys, "--db", db.url, "docs", "void-certificate", row["number"], "--reason", "再来")
    assert code == 1 and "已于" in err
