"""Imports across game/ go one way: front ends -> engine -> rules, never back.

Walks every module's import statements (ast: no module is run), including
imports inside functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

GAME = Path(__file__).parent.parent.parent / "game"


def imported(path: Path, game: Path = GAME) -> set[str]:
    """Every game.* module a file imports, absolute or relative."""
    package = ".".join(path.relative_to(game.parent).with_suffix("").parts[:-1])
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in out if m == "game" or m.startswith("game.")}


def modules(sub: str) -> list[Path]:
    return sorted((GAME / sub).rglob("*.py"))


@pytest.mark.parametrize("path", modules("rules"), ids=lambda p: p.name)
def test_the_rules_layer_imports_only_itself(path: Path) -> None:
    outside = {m for m in imported(path) if not m.startswith("game.rules")}
    assert not outside, f"{path.name} imports {sorted(outside)}"


@pytest.mark.parametrize("path", modules("engine"), ids=lambda p: p.name)
def test_the_engine_imports_only_itself_and_the_rules_layer(path: Path) -> None:
    outside = {m for m in imported(path)
               if not m.startswith(("game.engine", "game.rules"))}
    assert not outside, f"{path.name} imports {sorted(outside)}"


def test_the_walk_sees_imports_that_would_break_the_rule(tmp_path: Path) -> None:
    # the checker itself can fail: a rules module importing the engine is caught
    game = tmp_path / "game"
    (game / "rules").mkdir(parents=True)
    bad = game / "rules" / "probe.py"
    bad.write_text("def f():\n    from game.engine.expr import Env\n    from ..engine "
                   "import play\n", encoding="utf-8")
    assert imported(bad, game) >= {"game.engine.expr", "game.engine.play"}


def test_the_packages_say_what_they_export() -> None:
    for name in ("game.engine", "game.rules"):
        package = importlib.import_module(name)
        assert package.__doc__ and len(package.__doc__) > 200
        for export in package.__all__:
            assert getattr(package, export) is not None, f"{name}.{export}"
