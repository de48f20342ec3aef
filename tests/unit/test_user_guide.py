"""The user guide: every chapter the index lists exists, every picture a chapter shows exists,
and the guide ships with the program (wheel and bundle read the same list)."""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from pathlib import Path

import pytest

from tribunal.resources import user_guide_dir

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "user-guide"
CHAPTERS = ("install", "first-run", "cases", "hearings", "observers", "documents", "checkin",
            "training", "reports", "backups")


def _links(text: str) -> list[str]:
    return re.findall(r"\]\(([^)#]+)\)", text)


def test_the_index_lists_every_chapter_and_every_link_and_picture_exists() -> None:
    index = (GUIDE / "index.md").read_text(encoding="utf-8")
    listed = [link for link in _links(index) if link.endswith(".md")]
    assert [re.sub(r"^\d+-|\.md$", "", link) for link in listed] == list(CHAPTERS)
    for page in GUIDE.glob("*.md"):
        for link in _links(page.read_text(encoding="utf-8")):
            assert (GUIDE / link).is_file(), f"{page.name} links to missing {link}"


def test_every_picture_in_the_images_folder_is_used() -> None:
    used = {Path(link).name for page in GUIDE.glob("*.md")
            for link in _links(page.read_text(encoding="utf-8")) if link.startswith("images/")}
    on_disk = {p.name for p in (GUIDE / "images").glob("*.png")}
    assert used <= on_disk
    assert len(used) >= 15


def test_the_program_finds_the_guide_and_the_wheel_ships_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # hatch_build.py imports hatchling only for its hook's base class (not installed for tests).
    interface = types.ModuleType("hatchling.builders.hooks.plugin.interface")
    interface.BuildHookInterface = object  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "hatchling.builders.hooks.plugin.interface", interface)
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hatch_build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hatch_build)

    assert (user_guide_dir() / "index.md").is_file()
    mapping = hatch_build.resource_mapping(ROOT)
    assert mapping[str(GUIDE)] == "tribunal/_resources/user-guide"
