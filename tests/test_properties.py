"""Property test: random lives of every scenario of the bundled story under every
ruleset keep the ledger honest, survive save and restore, and replay from their code.

Each example is one life: a scenario, a ruleset, a seed for the story's chances,
and a seed for the player, who picks uniformly among the choices that can be
taken (closed doors with `instead` too) and may stop at any choice. Checked:

- the ledger chain: steps 1..n in order; under a ruleset that keeps a score,
  each entry starts where the one before ended (the first where the life
  started) and every score stays within the ruleset's [min, max]; under one
  that keeps none, no points move and the ledger as `run --json` prints it
  carries nulls, not zeros;
- save -> restore -> save gives the same record, and the same life;
- the replay code decodes to the same playthrough, which replays to the same
  path, ledger and ending.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.codes import decode, encode
from game.engine.host import Life
from game.engine.load import load_story
from game.engine.play import LoopLimit
from game.rules.model import Ruleset

BUNDLED = Path(__file__).parent.parent / "story"
STORY = load_story(BUNDLED)
SCENARIOS = sorted(STORY.scenarios)
RULESETS = sorted(STORY.rulesets)
NULLED = ("delta", "before", "after", "tier")


def live(scenario: str, ruleset: str, seed: int, player: random.Random,
         stop_chance: float) -> Life:
    """A random life: uniform among `takeable()`, maybe stopping at a choice."""
    life = Life.begin(STORY, scenario, ruleset, seed)
    try:
        life.go_on_while_you_can()
        while not life.ended:
            options = life.takeable()
            if not options or player.random() < stop_chance:
                break
            life.choose(player.choice(options))
            life.go_on_while_you_can()
    except LoopLimit:
        pytest.fail(f"{life!r} hit the scene cap")
    return life


def check_ledger(life: Life, ruleset: Ruleset, start: int) -> None:
    ledger = life.ledger
    assert [e.step for e in ledger] == list(range(1, len(ledger) + 1))
    if ruleset.scored:
        low, high = ruleset.score.min, ruleset.score.max
        before = start
        for entry in ledger:
            assert entry.before == before, entry
            assert low <= entry.after and (high is None or entry.after <= high), entry
            assert entry.tier == ruleset.tier_of(entry.after).id, entry
            before = entry.after
        assert life.state.standing.score == before
        assert all(isinstance(e.as_json(True)[k], int | str) for e in ledger for k in NULLED)
    else:
        assert all(e.delta == 0 and e.applied == 0 for e in ledger)
        assert all(e.as_json(False)[k] is None for e in ledger for k in NULLED)
        assert not life.view.standing.scored


# Every scenario under every ruleset (40 pairs in the bundled story), a few
# random lives each (4,800 lives: about 15 s here).
@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("ruleset", RULESETS)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**63 - 1), player_seed=st.integers(0, 2**32 - 1),
       stop_chance=st.sampled_from([0.0, 0.0, 0.05]))
def test_random_lives_keep_ledger_saves_and_codes_true(
        scenario: str, ruleset: str, seed: int, player_seed: int, stop_chance: float) -> None:
    life = live(scenario, ruleset, seed, random.Random(player_seed), stop_chance)
    rules = STORY.rulesets[ruleset]
    check_ledger(life, rules, rules.score.start)

    # Save -> restore -> save, through JSON as on disk.
    saved = life.save()
    restored = Life.restore(STORY, json.loads(json.dumps(saved)))
    assert restored.save() == saved
    assert (restored.path, restored.ledger, restored.ending) == (
        life.path, life.ledger, life.ending)

    # The replay code names this very life.
    playthrough = decode(STORY, encode(STORY, life.playthrough))
    assert playthrough == life.playthrough
    again, stop = Life.replay(STORY, playthrough)
    assert stop is None
    assert (again.path, again.ledger, again.ending, again.refusals) == (
        life.path, life.ledger, life.ending, life.refusals)
