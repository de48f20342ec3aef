"""The one place that locates Tribunal's bundled resources (fonts, icons, translations, topics)."""

from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path

__all__ = [
    "ALL_RESOURCES",
    "APP_ICON_SIZES",
    "PACKAGE_DATA_FOLDERS",
    "app_icon_files",
    "app_icon_path",
    "font_path",
    "resource_path",
    "resource_root",
    "translations_dir",
    "user_guide_dir",
]

#: What the program reads from ``resources/`` at run time: the one list that both the wheel
#: (hatch_build.py) and the PyInstaller bundle (installer/tribunal.spec) ship.
ALL_RESOURCES: tuple[str, ...] = ("fonts", "icons", "translations", "topics", "periods.json")

#: Documentation shipped as a resource: name inside the resource folder → its folder in the
#: repository. The user guide is written in ``docs/user-guide`` and read by 帮助 → 使用说明.
DOC_RESOURCES: dict[str, str] = {"user-guide": "docs/user-guide"}

#: Folders inside the ``tribunal`` package that are read as files, not imported: the Alembic
#: migrations (``script_location``). A wheel carries them as package files anyway; a
#: PyInstaller bundle must copy them beside its archive of compiled modules.
PACKAGE_DATA_FOLDERS: tuple[str, ...] = ("db/migrations",)

#: Sizes (pixels) of the application icon's PNG files in ``resources/icons`` (rendered from
#: the SVG sources there by scripts/icons.py).
APP_ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256)

# Name of the package data folder in an installed wheel. pyproject.toml force-includes the
# repository's top-level ``resources/`` as ``tribunal/_resources`` (underscore: a plain
# ``tribunal/resources`` folder would clash with this module, ``tribunal/resources.py``).
_INSTALLED_FOLDER = "_resources"

_FONT_FILES: dict[str, str] = {
    "regular": "NotoSerifSC-Regular.ttf",
    "bold": "NotoSerifSC-Bold.ttf",
}


@functools.cache
def resource_root() -> Path:
    """Return the folder holding the resources, on the real file system.

    An installed wheel carries them as the package data folder ``tribunal/_resources``;
    a source or editable checkout has them in the repository's top-level ``resources/``
    folder, two levels above ``src/tribunal``.
    """
    package = files("tribunal")
    if not isinstance(package, Path):
        # ReportLab and Qt need real file paths; a zip import cannot provide them.
        raise FileNotFoundError(
            f"Tribunal resources need the tribunal package on the file system, not in {package!r}"
        )
    candidates = (
        package / _INSTALLED_FOLDER,  # installed wheel
        package.parents[1] / "resources",  # checkout: <repo>/src/tribunal -> <repo>/resources
    )
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"Tribunal resource folder not found (looked in: {looked})")


def resource_path(*parts: str) -> Path:
    """Return the path of the resource ``parts`` (e.g. ``"fonts", "OFL.txt"``) under the root.

    Raises FileNotFoundError naming the resource if it does not exist.
    """
    path = resource_root().joinpath(*parts)
    if not path.exists():
        name = "/".join(parts) or "."
        raise FileNotFoundError(f"Tribunal resource {name!r} not found (expected at {path})")
    return path


def font_path(weight: str = "regular") -> Path:
    """Return the bundled Noto Serif SC TrueType font of ``weight`` ("regular" or "bold")."""
    try:
        filename = _FONT_FILES[weight.lower()]
    except KeyError:
        known = ", ".join(repr(w) for w in _FONT_FILES)
        raise ValueError(f"Unknown font weight {weight!r}; expected one of {known}") from None
    return resource_path("fonts", filename)


def app_icon_path(size: int = 256) -> Path:
    """Return the application icon's PNG file of ``size`` pixels (one of APP_ICON_SIZES).

    Raises:
        ValueError: ``size`` is not one of the rendered sizes.
        FileNotFoundError: the icon file is missing.
    """
    if size not in APP_ICON_SIZES:
        known = ", ".join(map(str, APP_ICON_SIZES))
        raise ValueError(f"No application icon of {size} px; rendered sizes: {known}")
    return resource_path("icons", f"tribunal-{size}.png")


def app_icon_files() -> list[Path]:
    """Return every PNG size of the application icon, smallest first (for one QIcon)."""
    return [app_icon_path(size) for size in APP_ICON_SIZES]


def translations_dir() -> Path:
    """Return the folder of Qt translation files (``resources/translations``).

    The folder is neither checked nor created: it may be absent (an empty folder is not
    kept by version control), in which case loading a translation simply finds nothing.
    """
    return resource_root() / "translations"


def user_guide_dir() -> Path:
    """The folder of the user guide (``index.md`` and its chapters and images).

    Raises:
        FileNotFoundError: the guide is not shipped (a broken installation).
    """
    root = resource_root()
    for candidate in (root / "user-guide", root.parent / DOC_RESOURCES["user-guide"]):
        if (candidate / "index.md").is_file():
            return candidate
    raise FileNotFoundError(f"Tribunal user guide not found (looked in {root / 'user-guide'})")
