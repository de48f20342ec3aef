"""The packaging scripts' own rules: exclusions, pruning, the glibc check, the menu entry."""

from __future__ import annotations

import configparser
import re
import shutil
import sys
from pathlib import Path

import pytest
from installer import deb, exclusions, smoke_test

ROOT = Path(__file__).resolve().parents[2]
needs_objdump = pytest.mark.skipif(shutil.which("objdump") is None or sys.platform != "linux",
                                   reason="needs binutils' objdump on Linux")


def test_every_exclusion_is_named_once_and_explained() -> None:
    keys = [e.key for e in exclusions.EXCLUSIONS]
    assert len(keys) == len(set(keys))
    for entry in exclusions.EXCLUSIONS:
        assert re.fullmatch(r"[a-z0-9-]+", entry.key)
        assert len(entry.what) > 40, entry.key
        assert entry.modules or entry.files or entry.distribution_libraries or entry.strip
        assert set(entry.platforms) <= {"linux", "win32"}


def test_selection_all_none_and_by_key() -> None:
    linux = exclusions.selected("all", platform="linux")
    assert "opengl-software-renderer" not in {e.key for e in linux}  # Windows only
    assert {e.key for e in exclusions.selected("", platform="win32")} >= {
        "opengl-software-renderer", "qt-translations"}
    assert exclusions.selected("none", platform="linux") == []
    chosen = exclusions.selected(" qt-translations , strip ", platform="linux")
    assert [e.key for e in chosen] == ["qt-translations", "strip"]
    with pytest.raises(ValueError, match="no-such-thing"):
        exclusions.selected("qt-translations,no-such-thing", platform="linux")


def test_selection_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(exclusions.ENVIRONMENT_VARIABLE, "pillow-extras")
    assert [e.key for e in exclusions.selected(platform="linux")] == ["pillow-extras"]
    monkeypatch.delenv(exclusions.ENVIRONMENT_VARIABLE)
    assert len(exclusions.selected(platform="linux")) == sum(
        "linux" in e.platforms for e in exclusions.EXCLUSIONS)


def _entry(key: str) -> exclusions.Exclusion:
    return next(e for e in exclusions.EXCLUSIONS if e.key == key)


@pytest.mark.parametrize(("path", "dropped"), [
    ("PySide6/Qt/translations/qt_de.qm", True),
    ("PySide6/Qt/translations/qtbase_ja.qm", True),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),  # the one the program loads
    ("PySide6\\translations\\qtbase_fr.qm", True),  # the Windows wheel's layout
    ("PySide6\\translations\\qtbase_zh_CN.qm", False),
])
def test_qt_translations_keep_only_chinese(path: str, dropped: bool) -> None:
    assert _entry("qt-translations").drops(path, "/wheel/" + path) is dropped


def test_program_translation_is_never_dropped() -> None:
    """No exclusion may remove anything of the program's own resources."""
    for entry in exclusions.EXCLUSIONS:
        for name in ("tribunal/_resources/translations/tribunal_zh_CN.qm",
                     "tribunal/_resources/icons/tribunal-16.png",
                     "tribunal/_resources/fonts/NotoSerifSC-Regular.ttf",
                     "tribunal/db/migrations/env.py"):
            assert not entry.drops(name, str(ROOT / "resources" / name)), (entry.key, name)


@pytest.mark.parametrize(("path", "key", "dropped"), [
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "qt-embedded-platforms", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "qt-embedded-platforms", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "qt-embedded-platforms", False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "qt-embedded-platforms", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "qt-embedded-platforms", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", "qt-embedded-platforms", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "qt-gtk-theme", True),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "qt-gtk-theme", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "qt-image-formats", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", "qt-image-formats", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "qt-network", True),
    ("PySide6\\opengl32sw.dll", "opengl-software-renderer", True),
])
def test_qt_plugin_patterns(path: str, key: str, dropped: bool) -> None:
    assert _entry(key).drops(path, "/wheel/" + path) is dropped


@pytest.mark.parametrize(("source", "expected"), [
    ("/usr/lib/x86_64-linux-gnu/libX11.so.6", True),
    ("/lib/x86_64-linux-gnu/libssl.so.3", True),
    ("/usr/lib64/libcups.so.2", True),
    ("/usr/lib/libfontconfig.so.1", True),
    # Python's own modules and the interpreter are part of the program.
    ("/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", False),
    ("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", False),
    # Wheels carry their own copies.
    ("/venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Core.so.6", False),
    ("/venv/lib/python3.11/site-packages/pillow.libs/libjpeg-6dc8d115.so.62.4.0", False),
    ("C:\\Windows\\System32\\ucrtbase.dll", False),
])
def test_distribution_libraries_are_recognised(source: str, expected: bool) -> None:
    assert exclusions.is_distribution_library(source) is expected
    assert _entry("distribution-libraries").drops("libX.so", source) is expected


def test_pruning_drops_only_libraries_nothing_kept_needs(monkeypatch: pytest.MonkeyPatch) -> None:
    needed = {
        "/w/PySide6/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/w/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/w/libQt6Core.so.6": ["libicuuc.so.73"],
        "/w/libicuuc.so.73": [],
        "/w/libQt6Network.so.6": ["libQt6Core.so.6"],  # needed only by the removed plugin
        "/w/pypdfium2_raw/libpdfium.so": [],  # loaded by name (ctypes): a root
    }
    monkeypatch.setattr(exclusions, "elf_needed", lambda path: needed[path])
    binaries = [
        ("PySide6/QtGui.abi3.so", "/w/PySide6/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/w/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/w/libicuuc.so.73", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/w/libQt6Network.so.6", "BINARY"),
        ("pypdfium2_raw/libpdfium.so", "/w/pypdfium2_raw/libpdfium.so", "BINARY"),
    ]
    kept = exclusions.prune_unneeded_libraries(binaries, ["PySide6/Qt/plugins/tls/libq.so"])
    assert [e[0] for e in kept] == [e[0] for e in binaries if "Network" not in e[0]]
    # Nothing removed, nothing pruned (the unreduced build stays exactly PyInstaller's).
    assert exclusions.prune_unneeded_libraries(binaries, []) == binaries


def test_links_to_removed_files_are_dropped() -> None:
    datas = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
             ("tribunal/_resources/periods.json", "/r/periods.json", "DATA")]
    kept = exclusions.drop_dangling_links(datas, ["PySide6/Qt/lib/libQt6Core.so.6"])
    assert [e[0] for e in kept] == ["libQt6Core.so.6", "tribunal/_resources/periods.json"]


@needs_objdump
def test_glibc_check_reads_real_elf_files(tmp_path: Path) -> None:
    shutil.copy(sys.executable, tmp_path / "python")
    (tmp_path / "notes.txt").write_text("not an ELF file", encoding="utf-8")
    highest, files = smoke_test.highest_glibc(tmp_path)
    assert highest >= (2, 2, 5)
    assert files == ["python"]


@needs_objdump
def test_glibc_check_fails_above_the_floor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(sys.executable, tmp_path / "python")
    monkeypatch.setattr(smoke_test, "GLIBC_FLOOR", (2, 0))
    with pytest.raises(smoke_test.SmokeFailure, match=r"above the stated floor 2\.0"):
        smoke_test.check_glibc(tmp_path)


def test_readme_states_the_glibc_floor_the_smoke_test_enforces() -> None:
    readme = (ROOT / "installer" / "README.md").read_text(encoding="utf-8")
    floor = ".".join(map(str, smoke_test.GLIBC_FLOOR))
    assert f"**glibc {floor}**" in readme


def test_menu_entry_has_chinese_name_icon_and_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read_string(deb.DESKTOP_ENTRY)
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Name[zh_CN]"] == "巡回仲裁庭书记员工作台"
    assert section["Exec"] == "tribunal"
    assert section["Icon"] == "tribunal"
    assert section["Categories"].endswith(";")
    # Qt sets WM_CLASS to the application name: the desktop matches the window to the entry.
    assert section["StartupWMClass"] == "Tribunal"


def test_launcher_hands_fcitx_users_to_ibus_and_passes_arguments() -> None:
    assert deb.LAUNCHER.startswith("#!/bin/sh\n")
    assert 'exec /opt/tribunal/tribunal "$@"' in deb.LAUNCHER
    assert "QT_IM_MODULE=ibus" in deb.LAUNCHER


def test_inno_setup_script_keeps_the_fixed_app_id_and_the_users_data() -> None:
    script = (ROOT / "installer" / "tribunal.iss").read_text(encoding="utf-8")
    assert "AppId={{7E3B2F41-5C1D-4B8E-9A62-0D4C7B1E2A90}\n" in script
    assert "PrivilegesRequired=lowest\n" in script
    assert "AppVersion={#AppVersion}\n" in script
    assert "[UninstallDelete]\n" not in script  # nothing beyond the installed files is removed
    assert "LOCALAPPDATA" not in re.sub(r"^;.*$", "", script, flags=re.M)


def test_no_exclusion_drops_a_module_the_program_imports() -> None:
    """The bundle leaves modules out by name; none may be one the program imports (the reports'
    charts once lost reportlab.graphics.renderSVG this way, and only the smoke test saw it)."""
    import ast

    excluded = {m for e in exclusions.EXCLUSIONS for m in e.modules}
    src = Path(__file__).resolve().parents[2] / "src" / "tribunal"
    used: dict[str, str] = {}
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                used.setdefault(name, str(path.relative_to(src)))
    clashes = sorted(f"{name} ({where})" for name, where in used.items()
                     if any(name == m or name.startswith(m + ".") for m in excluded))
    assert not clashes, f"excluded from the bundle but imported: {clashes}"


def test_no_exclusion_is_loaded_when_the_documents_and_services_are() -> None:
    """What the program's modules import in turn (renderSVG imports renderPM) must stay too."""
    import subprocess

    excluded = sorted({m for e in exclusions.EXCLUSIONS for m in e.modules
                       if m.split(".")[0] in ("reportlab", "sqlalchemy", "alembic")})
    code = (
        "import importlib, pkgutil, sys, tribunal.documents, tribunal.services\n"
        "for pkg in (tribunal.documents, tribunal.services):\n"
        "    for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import tribunal.documents.charts as charts\n"
        "for kind in ('bars', 'hbars', 'line'):\n"  # drawing a chart loads what renderSVG needs
        "    charts.to_svg(charts.ChartSpec('k', 't', kind, ('一月', '二月'), (('甲', (1, 2)),)))\n"
        "print('\\n'.join(sys.modules))\n"
    )
    loaded = set(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                text=True).stdout.split())
    clashes = [m for m in excluded if any(n == m or n.startswith(m + ".") for n in loaded)]
    assert not clashes, f"excluded from the bundle but loaded by the program: {clashes}"
