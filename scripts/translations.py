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

The same run keeps the other catalogue in step: the texts the layers below the GUI make
with ``tribunal.texts.msg("中文模板…")`` (errors, field reasons, scheduling findings, deadline
names). Their source is Chinese and the English is in
``resources/translations/tribunal_texts_en.po`` (gettext, maintained with Babel):

4. Babel extracts every ``msg(...)`` template from ``src/tribunal`` outside ``ui/`` and
   updates the .po: existing English is kept, new templates are added with an empty
   translation, templates no longer in the code are dropped.
5. Write the English of each new entry in the .po (plain English a clerk reads; keep every
   ``{field}`` of the template), then run this script again.
6. The .po is compiled into ``tribunal_texts_en.mo``, which the GUI loads with the standard
   library's gettext. Both files are committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "tribunal" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LOCALES = ("zh_CN",)
#: The texts made below the GUI with ``tribunal.texts.msg``: Chinese source, English catalogue.
TEXT_SOURCES = ROOT / "src" / "tribunal"
TEXTS_PO = TRANSLATIONS / "tribunal_texts_en.po"
TEXTS_MO = TRANSLATIONS / "tribunal_texts_en.mo"
TEXT_KEYWORDS = {"msg": None}


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


def extract_texts() -> dict[str, list[tuple[str, int]]]:
    """Every ``msg(...)`` template below the GUI → where it occurs (file, line)."""
    found: dict[str, list[tuple[str, int]]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            TEXT_SOURCES, method_map=[("**.py", "python")], keywords=TEXT_KEYWORDS,
            comment_tags=(), strip_comment_tags=True):
        if filename.startswith("ui/") or not isinstance(message, str) or not message:
            continue
        found.setdefault(message, []).append((f"src/tribunal/{filename}", line))
    return found


def read_texts_catalogue() -> Catalog:
    """The English catalogue of the texts as committed (an empty one if there is none)."""
    if not TEXTS_PO.exists():
        return Catalog(locale="en", project="tribunal")
    with TEXTS_PO.open("rb") as file:
        return read_po(file, locale="en")


def update_texts() -> None:
    """Refresh the .po from the sources, keeping the English already written."""
    old = read_texts_catalogue()
    # The header keeps its first creation date, so that a run with nothing new changes nothing.
    new = Catalog(locale="en", project="tribunal", version="1", fuzzy=False,
                  last_translator="Tribunal", language_team="Tribunal", msgid_bugs_address="",
                  creation_date=old.creation_date, revision_date=old.creation_date,
                  header_comment=(
        "# English of the texts Tribunal's services and rules make with tribunal.texts.msg.\n"
        "# msgid: the Chinese template; msgstr: the English, with the same {fields}.\n"
        "# Updated by scripts/translations.py; write the English of every empty msgstr."))
    for template, locations in sorted(extract_texts().items()):
        existing = old.get(template)
        english = existing.string if existing is not None and isinstance(existing.string, str) else ""
        new.add(template, english, locations=[(path, None) for path, _line in locations])
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    with TEXTS_PO.open("wb") as file:
        # File names without line numbers: an edit elsewhere in a file changes nothing here.
        write_po(file, new, width=0, sort_output=True, include_lineno=False)


def release_texts() -> None:
    """Compile the .po into the .mo the GUI loads."""
    with TEXTS_MO.open("wb") as file:
        write_mo(file, read_texts_catalogue(), use_fuzzy=False)


def untranslated_texts() -> list[str]:
    """Templates of the texts catalogue that have no English yet."""
    return [m.id for m in read_texts_catalogue() if m.id and isinstance(m.id, str)
            and not (isinstance(m.string, str) and m.string.strip())]


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
    if not args.release:
        update_texts()
    release_texts()
    missing = untranslated_texts()
    if missing:
        print(f"{TEXTS_PO.name}: {len(missing)} text(s) not translated yet:")
        for source in missing:
            print(f"  - {source}")
        if args.check:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
