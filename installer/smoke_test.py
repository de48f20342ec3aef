"""Smoke test of a built Tribunal bundle or an installed copy: run it the way a clerk's PC would.

Usage::

    python installer/smoke_test.py dist/tribunal        # the bundle folder build.py made
    python installer/smoke_test.py /usr/bin/tribunal    # an installed program (the .deb)

Runs, each in a fresh temporary database and with empty user folders (nothing of the
machine's own settings is read or written):

1. ``--version`` prints the version in pyproject.toml (when run from a checkout);
2. ``demo`` loads the demonstration data into SQLite; ``cases --json`` lists it; ``db check``;
3. ``docs pack`` prints a hearing pack (ReportLab, the bundled fonts, the QR barcode modules)
   and every PDF embeds its fonts;
4. ``report circuit`` prints the circuit-tribunal report of the demo's hearing months as PDF
   (ReportLab's charts included);
5. a malformed command gets one line on stderr and exit status 2, no traceback;
6. the main window is shown offscreen and the program leaves with status 0;
7. with ``TRIBUNAL_SMOKE_PG_URL`` set (an empty PostgreSQL database), the same demo and
   check against PostgreSQL through the bundled driver;
8. every resource file of the checkout (fonts, icons, translations, topics, periods, the
   migrations) is in the bundle, when a bundle folder is tested from a checkout;
9. on Linux, the highest ``GLIBC_`` symbol version any ELF file of the bundle needs
   (``objdump -T``); the test fails above :data:`GLIBC_FLOOR`, the floor stated in
   installer/README.md.

Only the standard library: it runs under any Python 3.11+, also the system's on a test PC.
Exits 0 when every step passed, 1 at the first failure (with the command's output).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The oldest glibc the Linux bundle runs on, as stated in installer/README.md
#: ("Supported machines"). Change both together.
GLIBC_FLOOR = (2, 35)
#: Seconds any one command may take (the first start of a bundle unpacks nothing, but an old
#: PC with a slow disk may take a while to map the Qt libraries).
TIMEOUT = 180
ROOT = Path(__file__).resolve().parents[1]


class SmokeFailure(Exception):
    """A step failed; the message says which and shows the output."""


def _version_in_pyproject() -> str | None:
    pyproject = ROOT / "pyproject.toml"
    if not pyproject.is_file():
        return None
    import tomllib

    return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])


def resolve_program(target: Path) -> tuple[Path, Path]:
    """The program to run and the bundle folder it lives in, from a folder or a program path.

    A program given by path may be a launcher script (``exec /opt/tribunal/tribunal "$@"``);
    the bundle folder is then that of the program the script starts.

    On Windows the console program (tribunal-cli.exe) is run: the windowed tribunal.exe has
    no standard output to read.
    """
    if target.is_dir():
        folder = target
        if os.name == "nt" and not (folder / "tribunal.exe").is_file():
            raise SmokeFailure(f"no tribunal.exe (the program the shortcuts start) in {folder}")
        names = ("tribunal-cli.exe", "tribunal.exe") if os.name == "nt" else ("tribunal",)
        for name in names:
            if (folder / name).is_file():
                return folder / name, folder
        raise SmokeFailure(f"no tribunal program in {folder}")
    found = shutil.which(str(target))
    if found is None:
        raise SmokeFailure(f"{target} is neither a bundle folder nor a program")
    program = Path(found)
    real = program.resolve()
    if real.read_bytes()[:2] == b"#!":
        # A launcher script (the .deb's /usr/bin/tribunal): the bundle is what it starts.
        started = re.search(r"^exec\s+(\S+)", real.read_text(encoding="utf-8"), flags=re.M)
        if started is None:
            raise SmokeFailure(f"{program} is a script that starts no program")
        return program, Path(started.group(1)).resolve().parent
    return program, real.parent


class Runner:
    """Runs the program with a private set of user folders and reports each step."""

    def __init__(self, program: Path, work: Path) -> None:
        self.program = program
        self.work = work
        self.env = dict(os.environ)
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                     "APPDATA", "LOCALAPPDATA"):
            folder = work / "user" / name.lower()
            folder.mkdir(parents=True)
            self.env[name] = str(folder)
        self.env.pop("TRIBUNAL_DB", None)
        self.env["PYTHONIOENCODING"] = "utf-8"

    def run(self, *args: str, expect: int = 0, extra_env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
        env = {**self.env, **(extra_env or {})}
        started = time.monotonic()
        try:
            done = subprocess.run([str(self.program), *args], capture_output=True, text=True,
                                  encoding="utf-8", errors="replace", env=env,
                                  timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise SmokeFailure(f"`tribunal {' '.join(args)}` did not finish in {TIMEOUT} s") from exc
        elapsed = time.monotonic() - started
        shown = " ".join(args).replace(str(self.work), "$TMP")
        if done.returncode != expect or "Traceback" in done.stderr:
            raise SmokeFailure(
                f"`tribunal {shown}` exited {done.returncode} (expected {expect})\n"
                f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}")
        print(f"  ok  tribunal {shown}  ({elapsed:.1f} s)")
        return done


def check_commands(runner: Runner) -> None:
    """Steps 1-6: version, demo, lists, pack, report, bad input, main window."""
    db = str(runner.work / "smoke.sqlite3")
    version = runner.run("--version").stdout.strip()
    expected = _version_in_pyproject()
    if expected is not None and version != f"tribunal {expected}":
        raise SmokeFailure(f"--version printed {version!r}, pyproject.toml says {expected}")

    runner.run("--db", db, "demo")
    cases = json.loads(runner.run("--db", db, "cases", "--json").stdout)
    if len(cases) < 30:
        raise SmokeFailure(f"the demo should list at least 30 cases, got {len(cases)}")
    runner.run("--db", db, "db", "check")

    hearings = json.loads(runner.run("--db", db, "hearings", "--json").stdout)
    public = [h for h in hearings if h["public"]]
    if not public:
        raise SmokeFailure("the demo has no public hearing to print a pack for")
    out = runner.work / "pack"
    out.mkdir()
    runner.run("--db", db, "docs", "pack", "--hearing", str(public[0]["id"]), "--out", str(out))
    pdfs = sorted(out.rglob("*.pdf"))
    if not pdfs:
        raise SmokeFailure("docs pack wrote no PDF")
    for pdf in pdfs:
        data = pdf.read_bytes()
        # ReportLab writes no object streams: an embedded TrueType font shows as /FontFile2.
        if not data.startswith(b"%PDF") or b"/FontFile2" not in data:
            raise SmokeFailure(f"{pdf.name} is not a PDF with embedded fonts")
    print(f"      hearing pack: {len(pdfs)} PDF files, fonts embedded")

    days = sorted(h["start"][:10] for h in hearings)
    first = dt.date.fromisoformat(days[0]).replace(day=1).isoformat()
    last = min(days[-1], dt.date.today().isoformat())
    report = runner.work / "circuit.pdf"
    runner.run("--db", db, "report", "circuit", "--from", first, "--to", last, "--out", str(report))
    if not report.is_file() or not report.read_bytes().startswith(b"%PDF"):
        raise SmokeFailure("report circuit wrote no PDF")
    print(f"      circuit report {first}…{last}: {report.stat().st_size // 1024} KB")

    bad = runner.run("--db", db, "cases", "--limit", "many", expect=2)
    if not bad.stderr.strip() or len(bad.stderr.strip().splitlines()) > 3:
        raise SmokeFailure(f"a malformed command should get one short message:\n{bad.stderr}")

    started = time.time()
    shown = runner.run("--db", db, extra_env={"QT_QPA_PLATFORM": "offscreen",
                                              "TRIBUNAL_BENCH_QUIT_AFTER_SHOW": "1"})
    match = re.search(r"^window-shown (\d+\.\d+)", shown.stdout, flags=re.M)
    if not match:
        raise SmokeFailure(f"the main window was not shown:\n{shown.stdout}\n{shown.stderr}")
    print(f"      main window shown {float(match.group(1)) - started:.2f} s after start")


def check_postgresql(runner: Runner, url: str) -> None:
    """Step 7: demo data and the schema check on a PostgreSQL server, through psycopg."""
    runner.run("--db", url, "demo")
    runner.run("--db", url, "db", "check")
    cases = json.loads(runner.run("--db", url, "cases", "--json").stdout)
    print(f"      PostgreSQL: {len(cases)} cases listed")


def listed_resources() -> tuple[str, ...]:
    """ALL_RESOURCES and PACKAGE_DATA_FOLDERS of the checkout's tribunal/resources.py.

    Read without importing the program, so the test runs under any Python.
    """
    import ast

    module = ast.parse((ROOT / "src" / "tribunal" / "resources.py").read_text(encoding="utf-8"))
    found: dict[str, tuple[str, ...]] = {}
    for node in module.body:
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and node.target.id in ("ALL_RESOURCES", "PACKAGE_DATA_FOLDERS") and node.value):
            found[node.target.id] = tuple(ast.literal_eval(node.value))
    return found["ALL_RESOURCES"], found["PACKAGE_DATA_FOLDERS"]


def check_resources(folder: Path) -> None:
    """Step 8: each file the program reads at run time is in the bundle, byte for byte."""
    package = folder / "_internal" / "tribunal"
    resources, package_folders = listed_resources()
    pairs = []
    for name in resources:
        source = ROOT / "resources" / name
        files = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
        pairs += [(path, package / "_resources" / path.relative_to(ROOT / "resources"))
                  for path in files]
    for name in package_folders:
        source = ROOT / "src" / "tribunal" / name
        pairs += [(path, package / path.relative_to(ROOT / "src" / "tribunal"))
                  for path in sorted(source.rglob("*"))
                  if path.is_file() and "__pycache__" not in path.parts]
    missing = [str(bundled.relative_to(folder)) for source, bundled in pairs
               if not bundled.is_file() or bundled.read_bytes() != source.read_bytes()]
    if missing:
        raise SmokeFailure("resource files missing or different in the bundle: "
                           + ", ".join(missing))
    print(f"      resources: all {len(pairs)} files of the checkout are in the bundle")


def highest_glibc(folder: Path) -> tuple[tuple[int, ...], list[str]]:
    """The highest GLIBC_ version any ELF file under ``folder`` needs, and the files needing it."""
    if shutil.which("objdump") is None:
        raise SmokeFailure("objdump is missing (Debian: apt-get install binutils)")
    highest: tuple[int, ...] = (0,)
    needing: list[str] = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True,
                             check=False).stdout
        versions = {tuple(int(n) for n in v.split(".")) for v in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out)}
        if not versions:
            continue
        top = max(versions)
        name = str(path.relative_to(folder))
        if top > highest:
            highest, needing = top, [name]
        elif top == highest:
            needing.append(name)
    return highest, needing


def check_glibc(folder: Path) -> None:
    """Step 8: print the bundle's glibc floor and fail above the stated one."""
    highest, needing = highest_glibc(folder)
    shown = ".".join(map(str, highest))
    floor = ".".join(map(str, GLIBC_FLOOR))
    print(f"      highest glibc symbol needed: GLIBC_{shown} "
          f"({len(needing)} files, e.g. {', '.join(needing[:4])})")
    if highest > GLIBC_FLOOR:
        raise SmokeFailure(f"the bundle needs glibc {shown}, above the stated floor {floor} "
                           f"(installer/README.md); files: {', '.join(needing)}")


def main(argv: list[str] | None = None) -> int:
    """Run every step against the bundle or program given; 0 when all passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="bundle folder (dist/tribunal) or program")
    args = parser.parse_args(argv)
    try:
        program, folder = resolve_program(args.target)
        print(f"smoke test of {program}")
        with tempfile.TemporaryDirectory(prefix="tribunal-smoke-") as work:
            runner = Runner(program, Path(work))
            check_commands(runner)
            url = os.environ.get("TRIBUNAL_SMOKE_PG_URL")
            if url:
                check_postgresql(runner, url)
            else:
                print("      (TRIBUNAL_SMOKE_PG_URL not set: PostgreSQL step skipped)")
        if args.target.is_dir() and (ROOT / "src" / "tribunal" / "resources.py").is_file():
            check_resources(folder)
        if sys.platform.startswith("linux"):
            check_glibc(folder)
    except SmokeFailure as failure:
        print(f"smoke test FAILED: {failure}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
