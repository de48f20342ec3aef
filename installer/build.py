"""Build Tribunal's one-folder bundle on this operating system, smoke-test it and package it.

Usage (from anywhere; needs ``pip install -e '.[bundle]'`` in the Python that runs it)::

    python installer/build.py              # dist/tribunal/, smoke test, and on Linux the .deb
    python installer/build.py --no-deb     # the bundle and its smoke test only
    python installer/build.py --measure    # what each exclusion saves (installer/README.md)

Steps:

1. PyInstaller builds ``dist/tribunal/`` from installer/tribunal.spec (a clean build: nothing
   is reused from an earlier run), leaving out what installer/exclusions.py lists;
2. installer/smoke_test.py runs the bundle (commands, hearing pack, main window offscreen,
   and on Linux the glibc floor);
3. on Linux with dpkg-deb, installer/deb.py packs ``dist/tribunal_VERSION_ARCH.deb``.

On Windows the installer is made afterwards by Inno Setup from the same ``dist/tribunal/``
(``iscc /DAppVersion=VERSION installer\\tribunal.iss``; .github/workflows/windows-installer.yml).
Prints the build time and the bundle's size; exits 1 with a message when a step fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "tribunal.spec"
sys.path.insert(0, str(HERE))
import exclusions  # noqa: E402  (installer/ is not a package)


class BuildError(Exception):
    """A build step failed; the message says which."""


def project_version() -> str:
    """The version in pyproject.toml (the one the program reports and the packages carry)."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def bundle_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of the regular files under ``folder`` (symbolic links not counted)."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def run_pyinstaller(dist: Path, work: Path, choice: str | None = None) -> float:
    """Build the bundle into ``dist``/tribunal; return the seconds it took.

    Args:
        choice: TRIBUNAL_BUNDLE_EXCLUSIONS for this build (None: as in the environment).
    """
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError("PyInstaller is not installed in this Python: "
                         "pip install -e '.[bundle]' (from the repository root)")
    env = dict(os.environ)
    if choice is not None:
        env[exclusions.ENVIRONMENT_VARIABLE] = choice
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
               str(SPEC)]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit status {done.returncode})")
    return time.monotonic() - started


def measure(work: Path) -> str:
    """Build with no exclusion, then add them one at a time; return the Markdown table."""
    chosen = [e for e in exclusions.EXCLUSIONS if sys.platform in e.platforms]
    rows = []
    first = previous = size = count = 0
    for step in range(len(chosen) + 1):
        keys = [e.key for e in chosen[:step]]
        dist = work / "measure" / "dist"
        if dist.exists():
            shutil.rmtree(dist)
        seconds = run_pyinstaller(dist, work / "measure" / "build", ",".join(keys) or "none")
        size, count = bundle_size(dist / "tribunal")
        label = "before (no exclusion)" if step == 0 else f"+ `{keys[-1]}`"
        saved = "" if step == 0 else f"−{megabytes(previous - size)}"
        rows.append(f"| {label} | {megabytes(size)} | {saved} | {count:,} | {seconds:.0f} s |")
        print(rows[-1], flush=True)
        first = first or size
        previous = size
    total = f"−{megabytes(first - size)} ({(first - size) / first:.0%})"
    header = ("| step (cumulative) | bundle | saved | files | build |\n"
              "|---|---:|---:|---:|---:|")
    footer = f"| **after (all)** | **{megabytes(size)}** | **{total}** | {count:,} | |"
    return "\n".join([header, *rows, footer])


def main(argv: list[str] | None = None) -> int:
    """Build, smoke-test and package; 0 when everything passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    parser.add_argument("--no-deb", action="store_true", help="do not pack the .deb (Linux)")
    parser.add_argument("--measure", action="store_true",
                        help="measure what each exclusion saves (one build per exclusion)")
    args = parser.parse_args(argv)
    dist, work = ROOT / "dist", ROOT / "build"
    try:
        if args.measure:
            table = measure(work)
            (work / "measure" / "exclusions.md").write_text(table + "\n", encoding="utf-8")
            print(f"\n{table}\n\n(also in {work / 'measure' / 'exclusions.md'})")
            return 0
        version = project_version()
        seconds = run_pyinstaller(dist, work)
        size, count = bundle_size(dist / "tribunal")
        print(f"bundle dist/tribunal: {megabytes(size)} in {count:,} files, "
              f"built in {seconds:.0f} s (PyInstaller, clean)")
        if not args.no_smoke:
            import smoke_test

            if smoke_test.main([str(dist / "tribunal")]) != 0:
                raise BuildError("the smoke test failed (see above)")
        if sys.platform.startswith("linux") and not args.no_deb:
            if shutil.which("dpkg-deb") is None:
                print("dpkg-deb not found: no .deb packed (Debian: apt-get install dpkg)")
            else:
                import deb

                try:
                    deb.build_deb(dist / "tribunal", version, dist, work)
                except deb.PackagingError as exc:
                    raise BuildError(str(exc)) from exc
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
