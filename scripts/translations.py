"""Regenerate the interface translations (Qt Linguist) and build the files the program loads.

Usage (from the repository root)::

    python scripts/translations.py            # update .ts from the sources, then build .qm
    python scripts/translations.py --check    # also fail if any string is left untranslated
    python scripts/translations.py --release  # only build .qm from the committed .ts

What it does:

1. ``pyside6-lupdate`` reads every ``self.tr(...)``, ``QCoreApplication.translate(...)`` and
   ``QT_TRANSLATE_NOOP(...)`` in ``src/tribunal/ui/`` and updates
   ``resources/translations/tribunal_<locale>.ts``. Existing translations are kept; new
   strings are added as "unfinished"; strings no longer in the code are dropped.
2. Translate the new strings in Qt Linguist (``pyside6-linguist resources/translations/tribunal_zh_CN.ts``)
   or any text editor, then run this script again.
3. ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` file that the program loads at
   start-up. Both the ``.ts`` and the ``.qm`` are committed, so an installed program needs no
   Qt tools.

The source strings are English; English is shown when no translation is loaded. The
tools are the ones shipped in the PySide6 wheel (``pyside6-lupdate``/``pyside6-lrelease`` on
PATH, or the ``lupdate``/``lrelease`` binaries inside the PySide6 package folder).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "tribunal" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LOCALES = ("zh_CN",)


def _tool(name: str) -> list[str]:
    """The command that runs the Qt tool ``name`` ("lupdate" or "lrelease")."""
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper:
        return [wrapper]
    try:
        import PySide6  # noqa: TID251 - a build script, not program code
    except ImportError:
        sys.exit(f"PySide6 is not installed: cannot find {name}")
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return [str(candidate)]
    sys.exit(f"Cannot find pyside6-{name} or the {name} binary in {folder}")


def ts_file(locale: str) -> Path:
    return TRANSLATIONS / f"tribunal_{locale}.ts"


def qm_file(locale: str) -> Path:
    return TRANSLATIONS / f"tribunal_{locale}.qm"


def update(locale: str) -> None:
    """Refresh the .ts of ``locale`` from the sources."""
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [*_tool("lupdate"), *sources, "-no-obsolete", "-locations", "none",
         "-source-language", "en", "-target-language", locale,
         "-ts", str(ts_file(locale).relative_to(ROOT))],
        cwd=ROOT, check=True,
    )


def release(locale: str) -> None:
    """Compile the .ts of ``locale`` into the .qm the program loads."""
    subprocess.run(
        [*_tool("lrelease"), str(ts_file(locale)), "-qm", str(qm_file(locale))],
        cwd=ROOT, check=True,
    )


def unfinished(locale: str) -> list[str]:
    """Source strings of ``locale`` that have no finished translation."""
    missing = []
    for message in ET.parse(ts_file(locale)).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", "")
        done = translation is not None and translation.get("type") not in (
            "unfinished", "vanished", "obsolete")
        empty = translation is not None and not (translation.text or "").strip()
        if not done or empty:
            missing.append(source)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only build .qm from the .ts files")
    parser.add_argument("--check", action="store_true", help="fail if any string is untranslated")
    args = parser.parse_args(argv)
    status = 0
    for locale in LOCALES:
        if not args.release:
            update(locale)
        release(locale)
        missing = unfinished(locale)
        if missing:
            print(f"{ts_file(locale).name}: {len(missing)} string(s) not translated yet:")
            for source in missing:
                print(f"  - {source}")
            if args.check:
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
