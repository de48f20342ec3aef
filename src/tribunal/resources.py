"""The one place that locates Tribunal's bundled resources (fonts, translations, topics)."""

from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path

__all__ = [
    "ALL_RESOURCES",
    "font_path",
    "resource_path",
    "resource_root",
    "translations_dir",
]

#: Sub-folders of ``resources/`` that an installer or wheel must ship.
ALL_RESOURCES: tuple[str, ...] = ("fonts", "translations", "topics", "periods.json")

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


def translations_dir() -> Path:
    """Return the folder of Qt translation files (``resources/translations``).

    The folder is neither checked nor created: it may be absent (an empty folder is not
    kept by version control), in which case loading a translation simply finds nothing.
    """
    return resource_root() / "translations"
