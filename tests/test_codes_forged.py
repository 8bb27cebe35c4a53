"""Forged and absurd replay codes: a sentence, never a crash, however long."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game import codes
from game.analysis import Playthrough
from game.codes import CodeError, decode, encode

MINI = Path(__file__).parent / "fixtures" / "mini"


def _forged(story, monkeypatch, **kw) -> str:  # noqa: ANN001
    monkeypatch.setattr(codes, "MAX_SEED", 10**4000)
    code = encode(story, Playthrough("courier", "pilot-city", kw.get("seed", 0),
                                     kw.get("choices", (1, 1, 2))))
    monkeypatch.undo()
    return code


def test_a_code_with_a_3285_digit_seed_is_refused_in_words(mini, monkeypatch) -> None:
    code = _forged(mini, monkeypatch, seed=10**3285)
    with pytest.raises(CodeError, match="far too large"):
        decode(mini, code)
    out = subprocess.run([sys.executable, "-m", "game", "report", "--story", str(MINI),
                          "--code", code, "-o", "/dev/null"], capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.startswith("error: The replay code is damaged")


def test_the_largest_seed_still_round_trips(mini) -> None:
    pt = Playthrough("courier", "pilot-city", codes.MAX_SEED, (1, 1, 2))
    assert decode(mini, encode(mini, pt)) == pt
    with pytest.raises(CodeError):
        encode(mini, Playthrough("courier", "pilot-city", codes.MAX_SEED + 1, (1,)))


@pytest.mark.parametrize("letters", [400_000, 1_000_000])
def test_a_very_long_code_is_refused(mini, letters) -> None:
    with pytest.raises(CodeError):
        decode(mini, "RF-" + "7" * letters)
