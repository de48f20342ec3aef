"""Files written for the clerk: atomic, unchanged bytes left alone, ordinary permissions (the umask)."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tribunal.files import temporary_file, write_atomic

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@posix_only
@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_written_files_follow_the_umask(tmp_path: Path, umask: None, mask: int, mode: int) -> None:
    os.umask(mask)
    target = tmp_path / "sub" / "文书.pdf"
    assert write_atomic(target, b"%PDF-1.4 one")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert write_atomic(target, b"%PDF-1.4 two")  # replaced: still the same permissions
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert sorted(p.name for p in target.parent.iterdir()) == ["文书.pdf"]  # no temporary file left


def test_unchanged_bytes_are_not_written_again(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    assert write_atomic(target, b"same")
    before = target.stat().st_mtime_ns
    assert not write_atomic(target, b"same")
    assert target.stat().st_mtime_ns == before and target.read_bytes() == b"same"


def test_temporary_files_get_fresh_names(tmp_path: Path) -> None:
    made = [temporary_file(tmp_path, ".x.", ".tmp") for _ in range(20)]
    for fd, _path in made:
        os.close(fd)
    assert len({path for _fd, path in made}) == 20
    with pytest.raises(OSError):
        temporary_file(tmp_path / "missing", ".x.", ".tmp")
