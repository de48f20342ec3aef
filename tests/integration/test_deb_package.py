"""installer/deb.py packs a bundle folder into a .deb that dpkg reads back as intended.

A stand-in bundle (a copy of coreutils' ``true`` as the program) keeps the test fast; the
real bundle is packed and installed by ``python installer/build.py`` (installer/README.md).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from installer import deb, smoke_test

pytestmark = pytest.mark.skipif(
    sys.platform != "linux" or not all(shutil.which(t) for t in ("dpkg-deb", "dpkg", "objdump")),
    reason="needs a Debian-based Linux with dpkg-deb and binutils",
)


def _dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("deb")
    bundle = work / "tribunal"
    (bundle / "_internal").mkdir(parents=True)
    shutil.copy(Path(shutil.which("true") or "/bin/true").resolve(), bundle / "tribunal")
    (bundle / "_internal" / "notes.txt").write_text("数据", encoding="utf-8")
    return deb.build_deb(bundle, "9.8.7", work / "out", work / "build")


def test_package_name_and_control_fields(package: Path) -> None:
    assert package.name.startswith("tribunal_9.8.7_") and package.suffix == ".deb"
    control = _dpkg_deb("--field", str(package))
    assert "Package: tribunal\n" in control
    assert "Version: 9.8.7\n" in control
    floor = ".".join(map(str, smoke_test.GLIBC_FLOOR))
    depends = next(line for line in control.splitlines() if line.startswith("Depends: "))
    assert depends.startswith(f"Depends: libc6 (>= {floor})")
    assert "巡回仲裁庭书记员工作台" in control


def test_files_land_in_opt_with_launcher_menu_entry_and_icons(package: Path) -> None:
    listing = _dpkg_deb("--contents", str(package))
    entries = {line.split()[-1]: line.split()[0] for line in listing.splitlines()}
    assert entries["./opt/tribunal/tribunal"].startswith("-rwxr-xr-x")
    assert entries["./usr/bin/tribunal"].startswith("-rwxr-xr-x")
    assert "./opt/tribunal/_internal/notes.txt" in entries
    assert "./usr/share/applications/tribunal.desktop" in entries
    for size in (16, 32, 48, 256):
        assert f"./usr/share/icons/hicolor/{size}x{size}/apps/tribunal.png" in entries
    assert "./usr/share/icons/hicolor/scalable/apps/tribunal.svg" in entries
    assert "root/root" in listing.splitlines()[0]
    # Nothing under a home folder or /var: removing the package cannot touch a clerk's data.
    assert not any(path.startswith(("./home", "./root", "./var")) for path in entries)


def test_no_maintainer_scripts_that_could_delete_data(package: Path, tmp_path: Path) -> None:
    _dpkg_deb("--control", str(package), str(tmp_path / "control"))
    assert sorted(p.name for p in (tmp_path / "control").iterdir()) == ["control"]


def test_launcher_starts_the_bundle(package: Path, tmp_path: Path) -> None:
    _dpkg_deb("--extract", str(package), str(tmp_path))
    launcher = (tmp_path / "usr/bin/tribunal").read_text(encoding="utf-8")
    assert launcher == deb.LAUNCHER
    entry = (tmp_path / "usr/share/applications/tribunal.desktop").read_text(encoding="utf-8")
    assert entry == deb.DESKTOP_ENTRY


def test_a_folder_without_a_bundle_is_refused(tmp_path: Path) -> None:
    with pytest.raises(deb.PackagingError, match="no Linux bundle"):
        deb.build_deb(tmp_path, "1.0.0", tmp_path / "out", tmp_path / "build")
