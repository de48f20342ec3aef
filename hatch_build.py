"""Wheel build hook: ship the resources listed in tribunal.resources.ALL_RESOURCES.

The same list drives the PyInstaller bundle (installer/tribunal.spec), so the wheel and the
bundle cannot drift apart. The list is read from ``src/tribunal/resources.py`` without
importing the package (its dependencies need not be installed in the build environment).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: Where the resources go inside the wheel (tribunal.resources looks there first).
INSTALLED_FOLDER = "tribunal/_resources"


def listed_resources(root: Path) -> tuple[str, ...]:
    """The names assigned to ALL_RESOURCES in ``root``/src/tribunal/resources.py."""
    module = ast.parse((root / "src" / "tribunal" / "resources.py").read_text(encoding="utf-8"))
    for node in module.body:
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and node.target.id == "ALL_RESOURCES" and node.value is not None):
            value = ast.literal_eval(node.value)
            return tuple(str(name) for name in value)
    raise RuntimeError("src/tribunal/resources.py defines no ALL_RESOURCES")


def listed_doc_resources(root: Path) -> dict[str, str]:
    """The DOC_RESOURCES mapping in ``root``/src/tribunal/resources.py (the user guide)."""
    module = ast.parse((root / "src" / "tribunal" / "resources.py").read_text(encoding="utf-8"))
    for node in module.body:
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and node.target.id == "DOC_RESOURCES" and node.value is not None):
            return dict(ast.literal_eval(node.value))
    return {}


def resource_mapping(root: Path) -> dict[str, str]:
    """Each listed resource's path in the checkout → its path inside the wheel."""
    mapping = {}
    for name in listed_resources(root):
        source = root / "resources" / name
        if not source.exists():
            raise RuntimeError(f"resources/{name} is listed in ALL_RESOURCES but missing")
        mapping[str(source)] = f"{INSTALLED_FOLDER}/{name}"
    for name, folder in listed_doc_resources(root).items():
        mapping[str(root / folder)] = f"{INSTALLED_FOLDER}/{name}"
    return mapping


class ResourcesBuildHook(BuildHookInterface):
    """Adds the listed resources to a regular wheel (an editable install reads the checkout)."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        build_data["force_include"].update(resource_mapping(Path(self.root)))
