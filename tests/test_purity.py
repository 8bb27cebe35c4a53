"""The engine and the rules layer are pure: importing them loads no pygame."""

from __future__ import annotations

import subprocess
import sys


def test_engine_and_rules_do_not_import_pygame() -> None:
    code = ("import sys, game.engine.play, game.engine.view, game.engine.load, game.rules.score, "
            "game.analysis, game.codes, game.cli, game.cli.commands, game.cli.terminal; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
