"""The layers stay apart: Qt only in ui/, SQLAlchemy never in domain/ or ui/ (checked on every run)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "tribunal"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _modules(where: Path) -> list[Path]:
    return sorted(p for p in where.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", _modules(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layer_rules(path: Path) -> None:
    layer = path.relative_to(PACKAGE).parts[0]
    imports = _imports(path)
    if layer != "ui":
        assert "PySide6" not in imports, f"{path}: PySide6 belongs in src/tribunal/ui/ only"
    if layer in ("domain", "ui"):
        assert "sqlalchemy" not in imports, f"{path}: no SQLAlchemy in {layer}/"
    if layer == "domain":
        assert not {"alembic", "reportlab"} & imports, f"{path}: domain/ is pure"


def test_every_module_has_a_docstring() -> None:
    missing = [str(p.relative_to(PACKAGE)) for p in _modules(PACKAGE)
               if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
               and "versions" not in p.parts]
    assert not missing, missing
