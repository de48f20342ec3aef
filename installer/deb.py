"""Pack the Linux one-folder bundle into a .deb for Debian-based desktops, with dpkg-deb only.

Usage (build.py calls it after the smoke test)::

    python installer/deb.py dist/tribunal --version 0.1.0 --out dist

The package (no network at build time; nothing is downloaded):

* ``/opt/tribunal/`` — the bundle as built;
* ``/usr/bin/tribunal`` — a small shell script that starts ``/opt/tribunal/tribunal``, so
  ``tribunal`` is on every user's PATH (see :data:`LAUNCHER` for what it adds);
* ``/usr/share/applications/tribunal.desktop`` — the menu entry (Chinese name
  巡回仲裁庭书记员工作台), its icon in the hicolor theme (``/usr/share/icons/hicolor``);
* ``Depends`` — glibc at the bundle's floor and the distribution packages that provide every
  shared library the bundle needs but does not carry (found with ``objdump -p``, ``ldconfig
  -p`` and ``dpkg -S`` on the build machine, like dpkg-shlibdeps does for a source package).

No maintainer scripts: the desktop and icon caches are refreshed by the dpkg triggers of
desktop-file-utils and the icon theme. Removing or purging the package deletes only the files
above: every user's database, settings and backups live in their home folders
(``~/.local/share/Tribunal``, ``~/.config/Tribunal``), which dpkg never touches.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from smoke_test import GLIBC_FLOOR  # noqa: E402  (installer/ is not a package)

PACKAGE = "tribunal"
INSTALL_DIR = "/opt/tribunal"
MAINTAINER = "Tribunal maintainers <tribunal@localhost>"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The command on the PATH. Chinese input: the bundled Qt carries the IBus input-method plugin
# but not fcitx's (a plugin built for the distribution's Qt cannot load into the bundled Qt);
# fcitx 5 serves IBus programs through its IBus frontend, enabled by default, so a desktop
# that asks Qt for fcitx gets IBus instead of no input method at all.
LAUNCHER = f"""\
#!/bin/sh
# Starts Tribunal (巡回仲裁庭书记员工作台), installed in {INSTALL_DIR} by the tribunal package.
case "${{QT_IM_MODULE-}}" in
  fcitx|fcitx5) QT_IM_MODULE=ibus; export QT_IM_MODULE ;;
esac
exec {INSTALL_DIR}/tribunal "$@"
"""
# Menu entry: English by default, Chinese for zh_CN desktops (the name on the window title).
DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.4
Name=Tribunal
Name[zh_CN]=巡回仲裁庭书记员工作台
GenericName=Circuit tribunal workbench
GenericName[zh_CN]=劳动人事争议巡回仲裁庭工作台
Comment=Register labour-dispute cases, schedule circuit hearings, invite observers, print hearing packs
Comment[zh_CN]=登记劳动争议案件、安排巡回庭审、邀请旁听、打印庭审文书
Exec=tribunal
Icon=tribunal
Terminal=false
Categories=Office;
Keywords=arbitration;labour;tribunal;hearing;
Keywords[zh_CN]=仲裁;劳动争议;巡回庭;开庭;书记员;
StartupNotify=true
StartupWMClass=Tribunal
"""
DESCRIPTION = """\
Circuit tribunal workbench for labour-dispute arbitration clerks
 巡回仲裁庭书记员工作台: register labour-dispute cases, schedule hearings at an
 enterprise without breaking statutory time limits or double-booking, invite
 HR managers of other enterprises to observe, check them in, print the
 hearing pack and report what the circuit tribunal achieved.
 .
 Data stays in one SQLite file per user (~/.local/share/Tribunal) or on a
 commission's shared PostgreSQL server; removing the package keeps it."""


class PackagingError(Exception):
    """The package cannot be built; the message says why."""


def run(*command: str) -> str:
    """Run a build tool and return its standard output; raise with its message on failure."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PackagingError(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return done.stdout


def elf_files(folder: Path) -> list[Path]:
    """Every ELF file (programs and shared libraries) under ``folder``, links not followed."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) == b"\x7fELF":
                found.append(path)
    return found


def needed_from_system(folder: Path) -> set[str]:
    """Sonames the bundle's ELF files need that the bundle does not carry itself."""
    carried = {path.name for path in folder.rglob("*")}
    needed: set[str] = set()
    for path in elf_files(folder):
        needed.update(re.findall(r"^\s*NEEDED\s+(\S+)", run("objdump", "-p", str(path)), re.M))
    return {soname for soname in needed if soname not in carried}


def system_library_paths() -> dict[str, str]:
    """Soname → path of the build machine's shared libraries for this architecture (ldconfig)."""
    flag = {"x86_64": "x86-64", "aarch64": "AArch64"}.get(os.uname().machine, "")
    paths: dict[str, str] = {}
    for line in run("/sbin/ldconfig", "-p").splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and flag in match.group(2):
            paths.setdefault(match.group(1), match.group(3))
    return paths


def owning_package(path: str) -> str:
    """The Debian package that installed ``path`` (tried as given and resolved: merged /usr)."""
    candidates = [path, os.path.realpath(path)]
    candidates += [c.removeprefix("/usr") for c in list(candidates) if c.startswith("/usr/lib")]
    candidates += ["/usr" + c for c in list(candidates) if c.startswith("/lib")]
    for candidate in dict.fromkeys(candidates):
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True,
                              check=False)
        if done.returncode == 0:
            return done.stdout.split(":")[0].split(",")[0].strip()
    raise PackagingError(f"no Debian package owns {path}")


def dependencies(folder: Path) -> list[str]:
    """The Depends field: libc6 at the glibc floor, then each library package, sorted."""
    paths = system_library_paths()
    packages: set[str] = set()
    missing = []
    for soname in sorted(needed_from_system(folder)):
        if soname not in paths:
            missing.append(soname)
            continue
        packages.add(owning_package(paths[soname]))
    if missing:
        raise PackagingError("the build machine lacks libraries the bundle needs: "
                             + ", ".join(missing))
    floor = ".".join(map(str, GLIBC_FLOOR))
    packages.discard("libc6")
    return [f"libc6 (>= {floor})", *sorted(packages)]


def installed_size_kib(folder: Path) -> int:
    """Installed-Size: the staged files in KiB, symbolic links counted as one block."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink():
            total += 1024
        elif path.is_file():
            total += path.stat().st_size
    return (total + 1023) // 1024


def stage(bundle: Path, staging: Path, version: str, architecture: str) -> list[str]:
    """Lay out the package's files under ``staging``; return the Depends list."""
    if staging.exists():
        shutil.rmtree(staging)
    opt = staging / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, opt, symlinks=True)
    (staging / "usr/bin").mkdir(parents=True)
    launcher = staging / "usr/bin/tribunal"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    launcher.chmod(0o755)

    applications = staging / "usr/share/applications"
    applications.mkdir(parents=True)
    (applications / "tribunal.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        target = staging / f"usr/share/icons/hicolor/{size}x{size}/apps/tribunal.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(icons / f"tribunal-{size}.png", target)
    scalable = staging / "usr/share/icons/hicolor/scalable/apps/tribunal.svg"
    scalable.parent.mkdir(parents=True)
    shutil.copyfile(icons / "tribunal.svg", scalable)

    doc = staging / "usr/share/doc/tribunal"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Tribunal (巡回仲裁庭书记员工作台)\n\n"
        "Files: opt/tribunal/_internal/tribunal/_resources/fonts/*.ttf\n"
        "License: OFL-1.1 (opt/tribunal/_internal/tribunal/_resources/fonts/OFL.txt)\n\n"
        "The bundle also carries Python, Qt (PySide6, LGPL-3.0), ReportLab (BSD), SQLAlchemy "
        "and Alembic (MIT), PDFium (pypdfium2, BSD/Apache-2.0) and psycopg (LGPL-3.0) under "
        "their own licences.\n", encoding="utf-8")

    depends = dependencies(opt)
    control = staging / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {architecture}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_size_kib(staging)}\n"
        f"Depends: {', '.join(depends)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n", encoding="utf-8")
    # dpkg-deb refuses group- or world-writable control folders (umask 002 machines).
    for path in (control.parent, *staging.rglob("*")):
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022)
    return depends


def build_deb(bundle: Path, version: str, out: Path, work: Path) -> Path:
    """Stage and pack ``bundle`` into ``out``/tribunal_VERSION_ARCH.deb; return its path."""
    for tool in ("dpkg-deb", "dpkg", "objdump"):
        if shutil.which(tool) is None:
            raise PackagingError(f"{tool} is missing (Debian: apt-get install dpkg binutils)")
    if not (bundle / "tribunal").is_file():
        raise PackagingError(f"{bundle} holds no Linux bundle (build it first)")
    architecture = run("dpkg", "--print-architecture").strip()
    staging = work / "deb-root"
    depends = stage(bundle, staging, version, architecture)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{PACKAGE}_{version}_{architecture}.deb"
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(staging), str(target))
    print(f"built {target} ({target.stat().st_size / 1e6:.1f} MB); Depends: {', '.join(depends)}")
    return target


def main(argv: list[str] | None = None) -> int:
    """Build the .deb from a bundle folder; 0 on success, 1 with a message otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder (dist/tribunal)")
    parser.add_argument("--version", required=True, help="package version (pyproject.toml's)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    try:
        build_deb(args.bundle, args.version, args.out, args.work)
    except PackagingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
