"""Hostile input at every command and import: exit status, one clear line, no traceback, nothing changed.

Each case runs the real command line in-process against a copy of a demonstration database
and checks, besides the exit status (1 for a refusal, 2 for a malformed command line):

* standard error is exactly one line, led by ``错误：`` or the usage complaint, with no
  control or direction-override character echoed raw, and no traceback;
* the exit status is never 70 (an unforeseen error);
* every file in the working folder is byte for byte as before and no file was added —
  the database included (no ``-wal``/``-shm`` left beside a refused file).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import TODAY
from tests.integration.helpers import database_state
from tribunal.cli import EXIT_INTERNAL, main
from tribunal.services.app import open_database

# ---------------------------------------------------------------- hostile values

HUGE_IDS = ["99999999999999999999", "18446744073709551616", "2147483648", "9223372036854775808",
            "-1", "0", "²", "①", "١٢", "１２", "1e3", "0x10", "1.5", "abc", " ", "", "1\x00", "\x00", "1_000",
            "+7", "12\u202e"]
BAD_DATES = ["9999-12-31", "0001-01-01", "1899-12-31", "2100-01-01", "20260101", "2026-W50-1", "2026-13-01",
             "2026-02-30", "2026-1-1", "２０２６-０１-０１", "2026-01-01T00:00", "", "\x00", "2026-01-01\u202e",
             "2026/01/01", "now", "99999-01-01"]
BAD_YEARS = ["99999", "0", "-1", "²", "1899", "2100", "99999999999999999999", "20２6", "", "\x00"]
CONTROL_TEXTS = ["a\x00b", "\x1b[31m红色\x1b[0m", "名\x07称", "a\x08b", "x\x7f", "\ud800", "\x9b31m"]
LONG_TEXT = "长" * 120_000
URLS = ["postgresql+psycopg://u@h:port/db", "postgresql+psycopg://[::1/x", "postgresql://",
        "postgresql+psycopg://postgres@127.0.0.1:99999/x", "mysql://a@b/c", "://", "nonsense+driver://x",
        "postgresql+psycopg://po\x00stgres@127.0.0.1/x", "x" * 5000, "sqlite:////nonexistent/dir/x.db",
        "postgresql+nodriver://x/y", "/dev/null", "oracle://scott@tiger/x"]


@dataclass
class Case:
    """One hostile input: the arguments after ``--db`` and the exit status expected."""

    argv: list[str]
    code: int
    fragment: str = ""
    files: dict[str, bytes] = field(default_factory=dict)  # files to create in the folder first
    db: str | None = None  # another --db than the demo copy ("{dir}" is the folder)


def _cases() -> list[tuple[str, Case]]:
    out: list[tuple[str, Case]] = []

    def add(label: str, case: Case) -> None:
        if any(0xD800 <= ord(ch) <= 0xDFFF for a in case.argv for ch in a):
            # Bytes that were not UTF-8 reach Python as lone surrogates: refused as a malformed command line.
            case = Case(case.argv, 2, "无法识别的字符", case.files, case.db)
        out.append((label, case))

    # Ids beyond the database's integers, Unicode digits, signs, blanks.
    id_options = [("hearings", "--tribunal"), ("docs pack", "--hearing"), ("docs certificates", "--hearing"),
                  ("docs list", "--hearing"), ("observers list", "--hearing"), ("observers call-list", "--hearing"),
                  ("ics --from 2026-12-01 --to 2026-12-31 --out {dir}/x.ics", "--arbitrator"),
                  ("docs day --date 2026-12-17", "--tribunal")]
    for command, option in id_options:
        for value in HUGE_IDS:
            add(f"{command} {option} {value!r}", Case([*command.split(), option, value], 2, "命令行参数有误"))
    for command in ("docs reprint", "participants remove"):
        for value in HUGE_IDS:
            add(f"{command} {value!r}", Case([*command.split(), value], 2, "命令行参数有误"))
    for value in [*HUGE_IDS, "2147483647", "第1号", "邵劳人仲案字〔2030〕第9号", "'; DROP TABLE case; --",
                  "x" * 5000, *CONTROL_TEXTS]:
        if value.strip() in ("", "2147483647") or value.startswith(("-", "+")):
            continue
        add(f"case {value[:30]!r}", Case(["case", value], 1))
        add(f"participants list {value[:30]!r}", Case(["participants", "list", value], 1))
    add("case ''", Case(["case", ""], 1, "请写出案号"))
    add("case 2147483647", Case(["case", "2147483647"], 1, "找不到"))
    # Counts and years.
    for value in ["99999999999999999999", "-5", "²", "1e9", "10000001", "", "\x00"]:
        add(f"cases --limit {value!r}", Case(["cases", "--limit", value], 2, "命令行参数有误"))
        add(f"demo --cases {value!r}", Case(["demo", "--cases", value], 2, "命令行参数有误"))
    for value in BAD_YEARS:
        add(f"cases --year {value!r}", Case(["cases", "--year", value], 2, "命令行参数有误"))
        add(f"calendar show {value!r}", Case(["calendar", "show", value], 2, "命令行参数有误"))
        add(f"calendar import --year {value!r}",
            Case(["calendar", "import", "{dir}/cal.csv", "--year", value, "--source", "x"], 2, "命令行参数有误",
                 files={"cal.csv": "2027-01-01,放假,元旦\n".encode()}))
    # Dates: only YYYY-MM-DD, 1900–2099.
    for value in BAD_DATES:
        for option in ("--received", "--accepted", "--served", "--hearing"):
            add(f"clock {option} {value!r}", Case(["clock", option, value], 2, "命令行参数有误"))
        add(f"calendar set {value!r}", Case(["calendar", "set", value, "holiday"], 2, "命令行参数有误"))
        add(f"docs day --date {value!r}", Case(["docs", "day", "--date", value, "--tribunal", "1"], 2,
                                                 "命令行参数有误"))
        add(f"hearings --from {value!r}", Case(["hearings", "--from", value], 1, "错误："))
        add(f"hearings --to {value!r}", Case(["hearings", "--to", value], 1, "错误："))
        add(f"ics --from {value!r}", Case(["ics", "--from", value, "--to", "2026-12-31", "--out", "{dir}/x.ics"],
                                          1, "错误："))
    # Search boxes: far too long, control characters.
    for command in (["cases", "--search"], ["enterprises", "--search"]):
        for value in [LONG_TEXT, "x" * 201, " ".join(["词"] * 11), *CONTROL_TEXTS]:
            add(f"{' '.join(command)} {value[:12]!r}", Case([*command, value], 1, "查找"))
    # Enum-like options.
    for value in ["飞了", "\x00", LONG_TEXT, "\u202e已结案"]:
        add(f"cases --status {value[:10]!r}", Case(["cases", "--status", value], 1, "未知的状态"))
        add(f"cases --type {value[:10]!r}", Case(["cases", "--type", value], 1, "未知的案由"))
        add(f"docs list --kind {value[:10]!r}", Case(["docs", "list", "--kind", value], 1, "未知的文书种类"))
    # Settings: values a setting refuses, text a database must not hold.
    for key, value in [("case_number.prefix", "12[3]"), ("ui.language", "fr"), ("backup.keep", "0"),
                       ("backup.keep", "99999999999999999999"), ("backup.keep", "²"), ("clock.due_soon_days", "-1"),
                       ("commission.name", ""), ("documents.font_heiti", "x.otf"),
                       ("import.enterprise_mappings", "[" * 100_000), ("hearing.travel_minutes", "1e9"),
                       ("no.such.key", "1"), ("case_number.use_di", "maybe"),
                       *[("commission.name", t) for t in CONTROL_TEXTS], ("commission.address", "地址\x00")]:
        add(f"settings {key} {value[:12]!r}", Case(["settings", key, value], 1, "错误："))
    # Participants: hostile fields refused before anything is stored.
    base = ["participants", "add", "1", "--role", "证人", "--name", "王小二"]
    for option, value in [("--name", t) for t in CONTROL_TEXTS] + [
            ("--name", LONG_TEXT), ("--phone", "1380731\x0012"), ("--phone", "²" * 11), ("--id-number", "\x00" * 18),
            ("--id-number", "43010219900307001Z"), ("--notes", "备注\x00"), ("--notes", LONG_TEXT),
            ("--enterprise", "不存在的企业"), ("--enterprise", "\x00"), ("--role", "法官")]:
        argv = [a for a in base]
        if option in argv:
            argv[argv.index(option) + 1] = value
        else:
            argv += [option, value]
        add(f"participants add {option} {value[:10]!r}", Case(argv, 1, "错误："))
    # Output paths: never the database, never a foreign file, only the right extension.
    ics = ["ics", "--from", "2026-12-01", "--to", "2026-12-31", "--out"]
    export = ["observers", "export", "--hearing", "1"]
    for label, target, fragment, files in [
        ("the database", "{dir}/demo.sqlite3", "数据库", {}),
        ("the database's -wal", "{dir}/demo.sqlite3-wal", "数据库", {}),
        ("a foreign file", "{dir}/名单{ext}", "--force", {"名单{ext}": b"a clerk's own file"}),
        ("a CSV", "{dir}/名单.csv", "结尾", {"名单.csv": b"a,b\n1,2\n"}),
        ("another database", "{dir}/other{ext}", "数据库", {"other{ext}": b"SQLite format 3\x00" + b"\x00" * 200}),
        ("a missing folder", "{dir}/no/such/x{ext}", "不存在", {}),
        ("a folder", "{dir}", "文件夹", {}),
        ("/proc", "/proc/x{ext}", "写入", {}),
        ("an empty name", "", "", {}),
        ("NUL in the name", "{dir}/a\x00b{ext}", "保存位置", {}),
        ("no extension", "{dir}/名单", "结尾", {}),
    ]:
        for command, ext in ((ics, ".ics"), (export, ".xlsx")):
            argv = [*command, target.replace("{ext}", ext)]
            add(f"{command[0]} into {label}", Case(argv, 1, fragment,
                                                   files={k.replace("{ext}", ext): v for k, v in files.items()}))
    for label, out_dir, fragment in [("a missing folder", "{dir}/nope", "不存在"), ("a file", "{dir}/f.txt", "不存在")]:
        add(f"docs pack into {label}", Case(["docs", "pack", "--hearing", "1", "--out", out_dir], 1, fragment,
                                            files={"f.txt": b"x"}))
    # Database locations and server addresses.
    for url in URLS:
        add(f"--db {url[:30]!r}", Case(["cases"], 1, "错误：", db=url))
    add("--db a folder", Case(["cases"], 1, "文件夹", db="{dir}"))
    add("--db a junk file", Case(["cases"], 1, "不是数据库", db="{dir}/junk.sqlite3",
                                 files={"junk.sqlite3": b"\x00\x01binary junk" * 50}))
    add("--db a newer database", Case(["cases"], 1, "更新版本", db="{dir}/newer.sqlite3"))
    add("--db a foreign database", Case(["cases"], 1, "其他程序", db="{dir}/foreign.sqlite3"))
    add("db check a newer database", Case(["db", "check"], 1, "更新版本", db="{dir}/newer.sqlite3"))
    add("db upgrade a foreign database", Case(["db", "upgrade"], 1, "其他程序", db="{dir}/foreign.sqlite3"))
    add("--db a missing folder", Case(["cases"], 1, "不存在", db="{dir}/no/such/x.sqlite3"))
    # Backups: bad folders and files; copies to bad targets.
    for folder, fragment in [("{dir}/nope", "不存在"), ("{dir}/f.txt", "不是文件夹"), ("", "请选择"),
                             ("/proc", "无法写入")]:
        add(f"db backup {folder!r}", Case(["db", "backup", folder], 1, fragment, files={"f.txt": b"x"}))
    for name, content, fragment in [
        ("junk.sqlite3", b"not a database" * 100, "不是 Tribunal 的备份"), ("empty.sqlite3", b"", "空的"),
        ("fake.tribunal-dump.zip", b"PK\x03\x04" + b"\x00" * 100, "不是 Tribunal 的备份"),
        ("nomanifest.tribunal-dump.zip", None, "缺少"), ("deep.tribunal-dump.zip", None, "损坏"),
        ("newer.sqlite3", None, "更新版本"), ("foreign.sqlite3", None, "其他程序"),
    ]:
        files = {name: content} if content is not None else {}
        add(f"db restore {name}", Case(["db", "restore", f"{{dir}}/{name}"], 1, fragment, files=files))
    add("db restore a folder", Case(["db", "restore", "{dir}"], 1, "不是一个文件"))
    add("db restore a missing file", Case(["db", "restore", "{dir}/missing.sqlite3"], 1, "不存在"))
    add("db restore the database itself", Case(["db", "restore", "{dir}/demo.sqlite3"], 1, "自己"))
    for url in ["{dir}/x.sqlite3", "sqlite:///{dir}/x.sqlite3", "postgresql+psycopg://u@h:port/db", "mysql://a@b/c",
                "postgresql+psycopg://postgres@127.0.0.1:1/none", ""]:
        add(f"db copy --to {url[:25]!r}", Case(["db", "copy", "--to", url], 1, "错误："))
    # Imports: files that are not what they claim, too large, damaged, nested, NUL-laden.
    csv_head = "企业名称,统一社会信用代码,联系人,联系电话\n".encode()
    imports = {
        "empty.csv": b"", "binary.csv": b"\x00\x01\x02" * 1000, "excel.csv": b"PK\x03\x04" + b"\x00" * 64,
        "nul-late.csv": csv_head + "湖南某某有限公司,,,\n".encode() * 400 + b"\x00late",
        "renamed.xlsx": b"name,code\n", "old.xls": b"\xd0\xcf\x11\xe0" + b"\x00" * 100,
        "noheading.csv": b"a,b\n1,2\n", "huge.csv": None, "bomb.xlsx": None, "wide.csv": None,
        "many.csv": None, "gbk-broken.csv": b"\xff\xfe\xfd" * 10, "odd-utf16.csv": b"\xff\xfea\x00b",
    }
    for name, content in imports.items():
        files = {name: content} if content is not None else {}
        # A preview shows whatever it can read; these it can, so only the import refuses them.
        actions = ("import",) if name in ("noheading.csv", "gbk-broken.csv") else ("inspect", "import")
        for action in actions:
            add(f"enterprises {action} {name}", Case(["enterprises", action, f"{{dir}}/{name}"], 1, "错误：",
                                                     files=files))
    add("enterprises import a folder", Case(["enterprises", "import", "{dir}"], 1, "错误："))
    add("enterprises import a missing file", Case(["enterprises", "import", "{dir}/none.xlsx"], 1, "找不到"))
    add("enterprises import --column broken", Case(["enterprises", "import", "{dir}/ok.csv", "--column", "无等号"], 1,
                                                   "列标题=字段", files={"ok.csv": csv_head}))
    for name, content in {"deep.json": b"[" * 100_000 + b"]" * 100_000, "nul.csv": b"2027-01-01,\x00,x\n",
                          "big.csv": b"2027-01-01,holiday,x\n" * 20_000, "bad.json": b"{not json",
                          "object.json": b'{"days": 5}', "wrong-year.csv": "2026-01-01,放假,元旦\n".encode(),
                          "words.csv": "元旦,放假\n".encode(), "controls.csv": "2027-01-01,放假,元\x1b旦\n".encode()}.items():
        add(f"calendar import {name}", Case(["calendar", "import", f"{{dir}}/{name}", "--year", "2027",
                                            "--source", "国务院办公厅通知"], 1, "错误：", files={name: content}))
    for source in CONTROL_TEXTS:
        add(f"calendar import --source {source[:8]!r}",
            Case(["calendar", "import", "{dir}/cal.csv", "--year", "2027", "--source", source], 1, "错误：",
                 files={"cal.csv": "2027-01-01,放假,元旦\n".encode()}))
    return out


CASES = _cases()
#: The default run takes the first few values of every command and option (so every path is
#: covered each time); the rest of the table runs in the slow tier.
DEFAULT_PER_GROUP = 4


#: On the server, the first value of each: every path is still taken there each run.
DEFAULT_PER_GROUP_ON_SERVER = 1


def _params(cases: list[tuple[str, Case]] = CASES, per_group: int = DEFAULT_PER_GROUP) -> list[object]:
    seen: dict[str, int] = {}
    params = []
    for label, case in cases:
        group = label.rsplit(" ", 1)[0] if label.endswith("'") else label
        seen[group] = seen.get(group, 0) + 1
        marks = [pytest.mark.slow] if seen[group] > per_group else []
        params.append(pytest.param(label, case, id=label, marks=marks))
    return params


def _on_a_server(case: Case) -> bool:
    """Whether the case means the same with ``--db`` naming a server instead of the demo file:
    not when it names another database, nor when it is about the database's own file."""
    return case.db is None and not any("demo.sqlite3" in a for a in case.argv)


SERVER_CASES = [(label, case) for label, case in CASES if _on_a_server(case)]


# ---------------------------------------------------------------- files made on demand


def _make_special(folder: Path, template: Path) -> None:
    """Files too large or too structured to spell out in the table."""
    shutil.copyfile(template, folder / "newer.sqlite3")
    con = sqlite3.connect(folder / "newer.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    con = sqlite3.connect(folder / "foreign.sqlite3")
    con.execute("CREATE TABLE things (x)")
    con.commit()
    con.close()
    with (folder / "huge.csv").open("wb") as fh:
        fh.write("企业名称,联系电话\n".encode())
        line = "湖南某某新材料科技有限公司,13807311234\n".encode()
        fh.write(line * (21 * 1024 * 1024 // len(line) + 1))
    with zipfile.ZipFile(folder / "bomb.xlsx", "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            chunk = (b"<row><c t='inlineStr'><is><t>" + b"A" * 4000 + b"</t></is></c></row>") * 256
            for _ in range(299 * 1024 * 1024 // len(chunk)):
                fh.write(chunk)
    (folder / "wide.csv").write_bytes(("企业名称," + ",".join(f"列{i}" for i in range(300)) + "\n"
                                       + "某公司," + ",".join("x" for _ in range(300)) + "\n").encode())
    with (folder / "many.csv").open("wb") as fh:
        fh.write("企业名称\n".encode())
        for i in range(21_000):
            fh.write(f"湖南第{i}号有限公司\n".encode())
    with zipfile.ZipFile(folder / "nomanifest.tribunal-dump.zip", "w") as zf:
        zf.writestr("tables/party.jsonl", "[]\n")
    with zipfile.ZipFile(folder / "deep.tribunal-dump.zip", "w") as zf:
        zf.writestr("manifest.json", "[" * 100_000 + "]" * 100_000)


@pytest.fixture(scope="module")
def specials(tmp_path_factory, template_db) -> Path:
    folder = tmp_path_factory.mktemp("hostile-files")
    _make_special(folder, template_db)
    return folder


def _snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _fill(text: str, folder: Path) -> str:
    return text.replace("{dir}", str(folder))


def _prepare(case: Case, folder: Path, specials: Path) -> None:
    folder.mkdir()
    for name, content in case.files.items():
        (folder / name).write_bytes(content)
    needed = {Path(_fill(a, Path("{dir}"))).name for a in [*case.argv, case.db or ""]}
    for special in specials.iterdir():
        if special.name in needed and not (folder / special.name).exists():
            shutil.copyfile(special, folder / special.name)


@pytest.mark.parametrize(("label", "case"), _params())
def test_hostile_input_is_refused_in_one_line_and_changes_nothing(label, case, demo_template, specials, tmp_path):
    folder = tmp_path / "work"
    _prepare(case, folder, specials)
    shutil.copyfile(demo_template, folder / "demo.sqlite3")
    before = _snapshot(folder)
    db = _fill(case.db, folder) if case.db is not None else str(folder / "demo.sqlite3")
    _refused_in_one_line(case, ["--db", db, *(_fill(a, folder) for a in case.argv)])
    assert _snapshot(folder) == before, "a refused input changed or added files"


@pytest.fixture(scope="module")
def demo_server(request: pytest.FixtureRequest, demo_template: Path) -> Iterator[dict[str, object]]:
    """The demonstration data on the suite's PostgreSQL database, loaded once for the module
    and again only after a test changed it (which fails that test)."""
    if not os.environ.get("TRIBUNAL_TEST_PG_URL"):
        pytest.skip("TRIBUNAL_TEST_PG_URL is not set: no PostgreSQL server for this run")
    suite = request.getfixturevalue("suite_server_database")
    server = open_database(suite.url, actor="测试")
    yield {"suite": suite, "server": server, "state": None}
    server.dispose()


@pytest.mark.parametrize(("label", "case"), _params(SERVER_CASES, DEFAULT_PER_GROUP_ON_SERVER))
def test_hostile_input_on_a_server_is_refused_in_one_line_and_changes_nothing(
        label, case, demo_server, demo_template, specials, tmp_path):
    suite, server = demo_server["suite"], demo_server["server"]
    if demo_server["state"] is None:
        suite.reset(demo_template)
        demo_server["state"] = database_state(server)
    expected = demo_server["state"]
    folder = tmp_path / "work"
    _prepare(case, folder, specials)
    before = _snapshot(folder)
    try:
        _refused_in_one_line(case, ["--db", suite.url, *(_fill(a, folder) for a in case.argv)])
        assert _snapshot(folder) == before, "a refused input changed or added files"
    finally:
        after = database_state(server)
        if after != expected:
            demo_server["state"] = None  # the next test starts from the demonstration data again
    assert after == expected, "a refused input changed the server's data"


def _refused_in_one_line(case: Case, argv: list[str]) -> None:
    err, out = io.StringIO(), io.StringIO()
    with redirect_stderr(err), redirect_stdout(out):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    message = err.getvalue()
    assert code != EXIT_INTERNAL, message
    assert code == case.code, (code, message)
    assert "Traceback" not in message
    lines = message.strip().splitlines()
    assert len(lines) == 1, message
    assert lines[0].startswith("错误：") or "命令行参数有误" in lines[0], lines[0]
    assert case.fragment in lines[0], lines[0]
    assert not any(ch in lines[0] for ch in "\x00\x1b\x07\x08\u202e\x9b"), repr(lines[0])


def test_the_table_is_large(request):
    """The table covers every command and import path with several hundred inputs."""
    commands = {case.argv[0] for _label, case in CASES if case.argv}
    assert len(CASES) >= 500
    assert commands >= {"case", "cases", "hearings", "ics", "clock", "calendar", "enterprises", "observers", "docs",
                        "participants", "settings", "db", "demo"}


# ---------------------------------------------------------------- forms: the services behind them


FORM_VALUES = CONTROL_TEXTS


@pytest.fixture
def seeded(db):
    from tests.integration.helpers import seed_staff
    from tribunal.services import legal_calendar

    seed_staff(db)
    # The legal calendar is seeded on its first use (a one-time write that any deadline
    # computation makes); seed it here so a refused form is compared with a settled file.
    legal_calendar.calendar(db)
    return db


def _form_calls(db):
    """Every form's save, with one field replaced by a hostile value."""
    import dataclasses

    from tests.integration.helpers import applicant, case_input, lawyer
    from tribunal.domain.enums import ParticipantRole
    from tribunal.services import cases, enterprises, observers, participants, settings, training

    def case_with(**party_fields):
        return lambda v: cases.create_case(db, case_input(parties=(applicant(**{k: v for k in party_fields}),
                                                                   *case_input().parties[1:])), today=TODAY)

    def agent_with(field):
        return lambda v: cases.create_case(db, case_input(parties=(applicant(agents=(lawyer(**{field: v}),)),
                                                                   *case_input().parties[1:])), today=TODAY)

    detail = cases.create_case(db, case_input(), today=TODAY)
    return {
        "case party name": case_with(name=True),
        "case party address": case_with(address=True),
        "case agent name": agent_with("name"),
        "case agent firm": agent_with("organisation"),
        "case agent address": agent_with("address"),
        "case summary": lambda v: cases.create_case(db, case_input(summary=v), today=TODAY),
        "case claim": lambda v: cases.create_case(db, case_input(claims=(cases.ClaimInput(v, 100),)), today=TODAY),
        "case edit summary": lambda v: cases.update_case(db, detail.id, dataclasses.replace(detail.to_input(),
                                                                                              summary=v), today=TODAY),
        "close note": lambda v: cases.close_case(db, detail.id, cases.CaseOutcome.WITHDRAWN, TODAY, v, today=TODAY),
        "enterprise name": lambda v: enterprises.create_enterprise(db, enterprises.EnterpriseInput(name=v)),
        "enterprise address": lambda v: enterprises.create_enterprise(
            db, enterprises.EnterpriseInput(name="湖南某某有限公司", address=v)),
        "enterprise notes": lambda v: enterprises.create_enterprise(
            db, enterprises.EnterpriseInput(name="湖南另一家有限公司", notes=v)),
        "enterprise contact": lambda v: enterprises.create_enterprise(
            db, enterprises.EnterpriseInput(name="湖南第三家有限公司", contact_name=v)),
        "observer name": lambda v: observers.add_observer(db, v),
        "observer title": lambda v: observers.add_observer(db, "张三", title=v),
        "observer notes": lambda v: observers.add_observer(db, "李四", notes=v),
        "participant name": lambda v: participants.add_participant(db, detail.id, ParticipantRole.WITNESS, v,
                                                                    today=TODAY),
        "participant notes": lambda v: participants.add_participant(db, detail.id, ParticipantRole.WITNESS, "王五",
                                                                     notes=v, today=TODAY),
        "topic title": lambda v: training.add_topic(db, v),
        "topic body": lambda v: training.add_topic(db, "新主题", v),
        "setting": lambda v: settings.set_value(db, "commission.name", v),
        "zone": lambda v: enterprises.add_zone(db, v),
    }


@pytest.mark.parametrize("value", FORM_VALUES, ids=[repr(v[:10]) for v in FORM_VALUES])
def test_every_form_refuses_control_characters_and_overlong_text(seeded, value):
    from tests.integration.helpers import database_state
    from tribunal.errors import ValidationError

    calls = _form_calls(seeded)
    for name, call in calls.items():
        before = database_state(seeded)
        with pytest.raises(ValidationError) as exc:
            call(value)
        assert exc.value.message and "\n" not in exc.value.message, name
        assert database_state(seeded) == before, name


def test_direction_overrides_are_removed_not_stored(seeded):
    from tribunal.db.models import Enterprise
    from tribunal.services import enterprises

    row = enterprises.create_enterprise(seeded, enterprises.EnterpriseInput(
        name="湖南\u202e司公限有\u202c科技有限公司", notes="备注\u2066\u2069\n第二行")).row
    with seeded.session(write=False) as s:
        stored = s.get(Enterprise, row.id)
        assert stored.name == "湖南司公限有科技有限公司" and stored.notes == "备注\n第二行"


def test_a_large_zip_bomb_is_refused_fast_with_little_memory(specials, db):
    import time
    import tracemalloc

    from tribunal.errors import ValidationError
    from tribunal.services import enterprise_import

    bomb = specials / "bomb.xlsx"
    assert bomb.stat().st_size < 5 * 1024 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ValidationError, match="解压后"):
        enterprise_import.import_enterprises(db, bomb)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Refused from the ZIP directory alone: well under a second on an idle machine.
    assert elapsed < 5.0 and peak < 20 * 1024 * 1024, (elapsed, peak)


def test_a_late_nul_in_a_csv_is_refused_with_its_line(tmp_path, db):
    from tribunal.errors import ValidationError
    from tribunal.services import enterprise_import

    path = tmp_path / "list.csv"
    path.write_bytes("企业名称\n".encode() + "湖南某某有限公司\n".encode() * 500 + "湖南\x00公司\n".encode())
    with pytest.raises(ValidationError, match="第 502 行含有空字符"):
        enterprise_import.import_enterprises(db, path)


def test_a_row_with_control_characters_is_refused_and_the_rest_imported(tmp_path, db):
    from tribunal.services import enterprise_import, enterprises

    path = tmp_path / "list.csv"
    path.write_text("企业名称,联系人\n湖南甲有限公司,张三\n湖南\x1b[2J乙有限公司,李四\n湖南丙\u202e有限公司,王五\n",
                    encoding="utf-8")
    report = enterprise_import.import_enterprises(db, path)
    refused = [o for o in report.outcomes if o.action == "rejected"]
    assert len(refused) == 1 and "控制字符" in refused[0].detail and "\x1b" not in refused[0].name
    names = sorted(r.name for r in enterprises.search_enterprises(db))
    assert names == ["湖南丙有限公司", "湖南甲有限公司"]


def test_refused_databases_get_no_side_files(tmp_path, template_db, capsys):
    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(template_db, newer)
    con = sqlite3.connect(newer)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite3"]
    for argv in (["cases"], ["db", "check"], ["db", "upgrade"], ["settings"]):
        assert main(["--db", str(newer), *argv]) == 1
        assert "更新版本" in capsys.readouterr().err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite3"], argv


def test_an_unwritable_data_folder_is_one_line(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setattr("tribunal.db.engine.default_database_path", lambda: blocker / "Tribunal" / "t.sqlite3")
    monkeypatch.delenv("TRIBUNAL_DB", raising=False)
    assert main(["cases"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：无法建立数据文件夹") and len(err.strip().splitlines()) == 1
