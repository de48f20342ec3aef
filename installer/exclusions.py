"""What the one-folder bundle leaves out, and why: one named entry per exclusion.

installer/tribunal.spec applies the entries; ``python installer/build.py --measure`` builds the
bundle with none of them, then adds them one at a time in the order listed here and reports
what each saves (the table in installer/README.md). ``TRIBUNAL_BUNDLE_EXCLUSIONS`` selects
them for one build: unset or ``all`` (every entry), ``none``, or keys separated by commas.

Every entry names something the program never uses; the smoke test (installer/smoke_test.py)
runs the bundle through the paths that would break if an entry removed too much: the command
line, SQLite and PostgreSQL, the hearing pack with its QR codes, the main window.
"""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ENVIRONMENT_VARIABLE = "TRIBUNAL_BUNDLE_EXCLUSIONS"

#: Excluded in every build, including the unreduced one that --measure starts from.
ALWAYS_EXCLUDED_MODULES = ("tkinter",)


@dataclass(frozen=True)
class Exclusion:
    """One thing the bundle leaves out.

    Attributes:
        key: Short name, used in TRIBUNAL_BUNDLE_EXCLUSIONS and in the README's table.
        what: What is left out and why the program does not need it (one line).
        modules: Python modules PyInstaller must not collect (with their submodules).
        files: Patterns (fnmatch, ``*`` crosses folders) on a file's path inside the bundle;
            Qt's start with ``PySide6/`` so that none can reach the program's own files.
        keep: Exceptions to ``files``.
        distribution_libraries: Leave out the Linux distribution's own shared libraries; the
            .deb depends on the packages that provide them (installer/deb.py).
        strip: Strip symbol tables and debugging sections from the ELF files (Linux).
        platforms: ``sys.platform`` values on which the entry applies.
    """

    key: str
    what: str
    modules: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    distribution_libraries: bool = False
    strip: bool = False
    platforms: tuple[str, ...] = ("linux", "win32")

    def drops(self, path_in_bundle: str, source: str) -> bool:
        """Whether this entry removes the file collected from ``source`` to ``path_in_bundle``."""
        path = path_in_bundle.replace("\\", "/")
        if self.files and any(fnmatch.fnmatch(path, p) for p in self.files):
            return not any(fnmatch.fnmatch(path, p) for p in self.keep)
        return self.distribution_libraries and is_distribution_library(source)


EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion(
        "pillow-extras",
        "Pillow's AVIF and WebP codecs, font rendering, colour management and Tk, math and "
        "morphology modules: ReportLab imports only Pillow's core (PIL.Image), and the "
        "program draws no raster image (QR codes are vector drawings)",
        modules=("PIL._avif", "PIL._webp", "PIL._imagingft", "PIL._imagingcms",
                 "PIL._imagingtk", "PIL._imagingmath", "PIL._imagingmorph"),
    ),
    Exclusion(
        "python-dev-tools",
        "Python's debugger, doctest, unittest, pydoc and line editing: development tools "
        "that only library self-tests reach",
        modules=("pdb", "doctest", "unittest", "pydoc", "readline", "curses"),
    ),
    Exclusion(
        "reportlab-unused",
        "ReportLab's PostScript renderer, its self-tests and samples, and the "
        "chart types no document draws (the QR widget keeps charts.areas and textlabels; the "
        "reports' charts need renderSVG — which imports renderPM —, barcharts, linecharts and legends)",
        modules=(
            "reportlab.graphics.renderPS",
            "reportlab.graphics.testshapes",
            "reportlab.graphics.testdrawings", "reportlab.graphics.samples",
            "reportlab.graphics.charts.doughnut",
            "reportlab.graphics.charts.lineplots",
            "reportlab.graphics.charts.piecharts", "reportlab.graphics.charts.spider",
            "reportlab.graphics.charts.dotbox", "reportlab.graphics.charts.slidebox",
            "reportlab.lib.pygments2xpre",
        ),
    ),
    Exclusion(
        "sqlalchemy-other-databases",
        "SQLAlchemy's MySQL, SQL Server and Oracle dialects, SQLAlchemy's and Alembic's test "
        "suites: the program speaks to SQLite and PostgreSQL only",
        modules=(
            "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql",
            "sqlalchemy.dialects.oracle", "sqlalchemy.testing", "alembic.testing",
        ),
    ),
    Exclusion(
        "qt-network",
        "QtNetwork with its TLS and network-information plugins: the program opens no "
        "network connection through Qt (PostgreSQL goes through psycopg)",
        modules=("PySide6.QtNetwork",),
        files=("PySide6/*plugins/tls/*", "PySide6/*plugins/networkinformation/*",
               "PySide6/*plugins/networkaccess/*"),
    ),
    Exclusion(
        "qt-translations",
        "Qt's own translations in 40 languages other than Chinese (the program loads only "
        "qtbase_zh_CN for Qt's standard buttons and dialogs)",
        files=("PySide6/*translations/*.qm",),
        keep=("PySide6/*translations/qtbase_zh_CN.qm",),
    ),
    Exclusion(
        "qt-embedded-platforms",
        "Qt's platform plugins for kiosks, embedded boards and remote display (EGLFS, "
        "LinuxFB, VNC, Vulkan display, minimal) and their touch/evdev input plugins; kept: "
        "X11 (xcb), Wayland, offscreen and Windows",
        files=(
            "PySide6/*plugins/platforms/*qeglfs*", "PySide6/*plugins/platforms/*qlinuxfb*",
            "PySide6/*plugins/platforms/*qvnc*", "PySide6/*plugins/platforms/*qvkkhrdisplay*",
            "PySide6/*plugins/platforms/*qminimal*", "PySide6/*plugins/platforms/*qdirect2d*",
            "PySide6/*plugins/egldeviceintegrations/*", "PySide6/*plugins/generic/*",
        ),
    ),
    Exclusion(
        "qt-gtk-theme",
        "Qt's GTK 3 platform theme: it needs the desktop's GTK (not bundled) and would give "
        "the program a different look and file dialog on each desktop; Qt's own (Fusion) is used",
        files=("PySide6/*plugins/platformthemes/*qgtk3*",),
        platforms=("linux",),
    ),
    Exclusion(
        "qt-image-formats",
        "Qt's image-format plugins for GIF, JPEG, TIFF, WebP, TGA, WBMP, ICNS and ICO: the "
        "program shows only PNG (built into Qt) and SVG icons of the desktop theme (kept)",
        files=("PySide6/*plugins/imageformats/*",),
        keep=("PySide6/*plugins/imageformats/*qsvg*",),
    ),
    Exclusion(
        "opengl-software-renderer",
        "Qt's software OpenGL renderer for Windows (opengl32sw.dll): the program draws with "
        "widgets, not OpenGL",
        files=("PySide6/*opengl32sw.dll",),
        platforms=("win32",),
    ),
    Exclusion(
        "distribution-libraries",
        "The Linux distribution's own shared libraries (X11/xcb, fontconfig, GLib, D-Bus, "
        "CUPS, OpenSSL, libstdc++, ...): the .deb depends on their packages instead, so the "
        "distribution keeps them patched and the bundle keeps the Qt wheels' glibc floor",
        distribution_libraries=True,
        platforms=("linux",),
    ),
    Exclusion(
        "strip",
        "Symbol tables and debugging sections of the ELF files (the Python library alone "
        "carries 17 MB of them)",
        strip=True,
        platforms=("linux",),
    ),
)


def selected(value: str | None = None, platform: str = sys.platform) -> list[Exclusion]:
    """The entries chosen by ``value`` (default: the environment variable) on ``platform``.

    Raises:
        ValueError: ``value`` names an unknown entry.
    """
    if value is None:
        value = os.environ.get(ENVIRONMENT_VARIABLE, "all")
    value = value.strip()
    if value in ("", "all"):
        chosen = list(EXCLUSIONS)
    elif value == "none":
        chosen = []
    else:
        by_key = {e.key: e for e in EXCLUSIONS}
        keys = [k.strip() for k in value.split(",") if k.strip()]
        unknown = [k for k in keys if k not in by_key]
        if unknown:
            raise ValueError(f"unknown bundle exclusion(s): {', '.join(unknown)}; "
                             f"known: {', '.join(by_key)}")
        chosen = [by_key[k] for k in keys]
    return [e for e in chosen if platform in e.platforms]


# Folders a Linux distribution installs its shared libraries into (Debian's multiarch
# folders and the traditional ones). Only files directly inside count: Python's own
# extension modules live in sub-folders (python3.11/lib-dynload).
_SYSTEM_LIBRARY_FOLDERS = re.compile(r"^/(usr/)?lib(32|64)?(/[a-z0-9_]+-linux-gnu[a-z0-9_]*)?$")
# Kept even when the build machine's Python comes from the distribution: the interpreter is
# part of the program, and the target's Python (if any) is another version.
_NEVER_DISTRIBUTION = re.compile(r"^libpython\d")


def is_distribution_library(source: str) -> bool:
    """Whether ``source`` is a shared library installed by the Linux distribution itself."""
    if not source.startswith("/"):
        return False
    real = os.path.realpath(source)
    for path in {source, real}:
        folder, name = os.path.split(path)
        if _SYSTEM_LIBRARY_FOLDERS.match(folder) and ".so" in name:
            return not _NEVER_DISTRIBUTION.match(name)
    return False


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED entries (sonames) of the ELF file ``path``; empty if it is not ELF."""
    with open(path, "rb") as handle:
        if handle.read(4) != b"\x7fELF":
            return []
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False)
    return re.findall(r"^\s*NEEDED\s+(\S+)", out.stdout, flags=re.M)


def prune_unneeded_libraries(binaries: Sequence[tuple[str, str, str]],
                             removed: Iterable[str]) -> list[tuple[str, str, str]]:
    """Drop shared libraries that only the removed files needed (Linux, ELF).

    PyInstaller collects a plugin's libraries together with the plugin; when an exclusion
    removes the plugin, its libraries would stay behind unused. Roots are everything that is
    not a plain library in the bundle's top folder or a wheel's ``*.libs`` folder (Python
    extension modules, Qt plugins, PDFium, the Python library); a library stays when a root
    or a kept library names it in DT_NEEDED. Libraries loaded by name at run time are roots
    by position (Qt plugins, pypdfium2_raw), so nothing loaded that way is pruned.

    Args:
        binaries: PyInstaller TOC entries (path in bundle, source, type) left after exclusions.
        removed: Paths in the bundle of the files the exclusions removed; pruning runs only
            when something was removed.
    """
    if not list(removed):
        return list(binaries)

    def is_plain_library(dest: str) -> bool:
        dest = dest.replace("\\", "/")
        folder, name = os.path.split(dest)
        in_library_folder = folder == "" or folder.endswith(".libs") or folder.endswith("Qt/lib")
        return in_library_folder and name.startswith("lib") and ".so" in name \
            and not _NEVER_DISTRIBUTION.match(name)

    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in binaries:
        by_name.setdefault(os.path.basename(entry[0]), []).append(entry)
    kept: set[str] = set()
    queue = [e for e in binaries if not is_plain_library(e[0])]
    for entry in queue:
        kept.add(entry[0])
    while queue:
        entry = queue.pop()
        for soname in elf_needed(entry[1]):
            for dependency in by_name.get(soname, []):
                if dependency[0] not in kept:
                    kept.add(dependency[0])
                    queue.append(dependency)
    return [e for e in binaries if e[0] in kept]


def drop_dangling_links(datas: Sequence[tuple[str, str, str]],
                        present: Iterable[str]) -> list[tuple[str, str, str]]:
    """Drop PyInstaller's SYMLINK entries (path, target, "SYMLINK") whose target is gone."""
    here = {p.replace("\\", "/") for p in present}
    return [e for e in datas if e[2] != "SYMLINK" or e[1].replace("\\", "/") in here]
