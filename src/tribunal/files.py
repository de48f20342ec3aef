"""Files the program writes for the clerk (documents, calendars, lists): crash-safe and with ordinary permissions.

Every such file is first written to a temporary file beside its target and then renamed over
it, so a crash leaves the old file or the new one, never half of one. The temporary file is
created with the permissions any new file of the user gets (``0666`` less the umask), not the
owner-only ``0600`` of :func:`tempfile.mkstemp`: a document folder shared with colleagues
must not fill with files they cannot open.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

__all__ = ["temporary_file", "write_atomic"]

_ATTEMPTS = 100


def temporary_file(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """Create a new, empty, hidden file in ``folder``; return its descriptor (open for writing) and path.

    The mode is ``0666`` and the operating system applies the umask, as for any file the
    user creates.

    Raises:
        OSError: the folder is missing or not writable.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0)
    for _ in range(_ATTEMPTS):
        path = folder / f"{prefix}{secrets.token_hex(6)}{suffix}"
        try:
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` crash-safely; return False when the file already held it.

    The bytes go to a temporary file in the same folder, are flushed to the disk, and the
    temporary file is then renamed over the target (atomic on the same volume).

    Raises:
        OSError: the folder cannot be created or written.
    """
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = temporary_file(path.parent, f".{path.stem[:20]}.", ".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return True
