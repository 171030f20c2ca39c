"""The layer rule where import-linter cannot see: Alembic's version scripts.

They are loaded by file name, not imported as a package, so the contracts in
pyproject.toml never meet them; a migration keeps its own copy of what it uses.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted(
    [*ROOT.glob("db/migrations/versions/*.py"), *ROOT.glob("server/migrations/versions/*.py")]
)


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
    return roots


def test_there_are_migration_scripts_to_check():
    assert len(SCRIPTS) >= 5


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: f"{p.parts[-4]}/{p.name}")
def test_a_migration_imports_neither_the_core_nor_the_window(path: Path):
    assert not imported_roots(path) & {"app", "ui", "server", "db"}
