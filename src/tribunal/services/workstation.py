"""This computer's own settings file: language, clerk, font files, folders — never in the shared database.

A commission that shares one PostgreSQL server among several clerks must not have one
clerk's interface language or name change every workstation, so these values live in a
small JSON file under the user's configuration folder (``platformdirs.user_config_dir``;
``TRIBUNAL_CONFIG_DIR`` points elsewhere, for tests and portable installs). Which keys
belong here, their types and checks are declared once in :mod:`tribunal.services.settings`
(``scope="workstation"``); this module only reads and writes the file.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

import platformdirs

from tribunal.errors import StorageError
from tribunal.texts import msg

__all__ = ["FILE_NAME", "config_dir", "exists", "read", "settings_path", "write"]

FILE_NAME = "workstation.json"
ENV_DIR = "TRIBUNAL_CONFIG_DIR"

_lock = threading.Lock()
# (path, inode, mtime_ns, size) → (values, problem): the file is read again only when it changed.
_cache: dict[tuple[str, int, int, int], tuple[dict[str, Any], str | None]] = {}


def config_dir() -> Path:
    """The folder of this computer's settings (created when first written)."""
    configured = os.environ.get(ENV_DIR, "").strip()
    if configured:
        return Path(configured)
    return Path(platformdirs.user_config_dir("Tribunal", appauthor=False))


def settings_path() -> Path:
    """The settings file of this computer."""
    return config_dir() / FILE_NAME


def exists() -> bool:
    """Whether this computer has its settings file (False at a workstation's first start)."""
    return settings_path().is_file()


def read() -> tuple[dict[str, Any], str | None]:
    """The values stored in the file, and what is wrong with the file as a whole.

    A missing file is empty and fine. A file that cannot be read, is not JSON or is not a
    JSON object gives no values and one message for the clerk; the values' own checks are
    made by the settings registry.

    Returns:
        (key → stored value, problem or None).
    """
    path = settings_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return {}, None
    except OSError as exc:
        return {}, f"无法读取本机设置文件 {path}（{exc.strerror or exc}），已使用默认设置"
    key = (str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size)
    with _lock:
        cached = _cache.get(key)
    if cached is not None:
        return dict(cached[0]), cached[1]
    result: tuple[dict[str, Any], str | None]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        result = {}, f"本机设置文件 {path} 已损坏或不是设置文件，已使用默认设置；在“设置”页保存一次即可重写"
    else:
        if isinstance(data, dict):
            result = {str(k): v for k, v in data.items()}, None
        else:
            result = {}, f"本机设置文件 {path} 的内容不是设置项，已使用默认设置；在“设置”页保存一次即可重写"
    with _lock:
        _cache.clear()
        _cache[key] = result
    return dict(result[0]), result[1]


def write(values: dict[str, Any]) -> Path:
    """Replace the file's contents with ``values`` (written whole, then renamed into place).

    Returns:
        The path written.

    Raises:
        StorageError: the folder or file cannot be written (nothing is changed).
    """
    path = settings_path()
    text = json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".workstation-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StorageError(msg("无法保存本机设置文件 {path}：{value}", path=path, value=exc.strerror or exc)) from exc
    return path
