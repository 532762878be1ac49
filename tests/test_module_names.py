"""A module-level name defined twice silently keeps the second definition: the first one's
users get a value they were not written for (two `ASKING_CUES` did so for a while)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"


def _defined_twice(path: Path) -> list[str]:
    names: Counter[str] = Counter()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names[node.name] += 1
    return sorted(name for name, count in names.items() if count > 1)


@pytest.mark.parametrize(
    "path", sorted(BOT.rglob("*.py")), ids=lambda p: str(p.relative_to(BOT.parent))
)
def test_no_module_level_name_is_defined_twice(path):
    assert _defined_twice(path) == []
