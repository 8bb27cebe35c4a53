"""A small story made for the report tests: two rulesets, a blocked door, a perk,
discussion prompts, and story text that tries to inject markup."""

from __future__ import annotations

import pytest
from report_story import STORY

from game.engine.load import load_story
from game.engine.model import Story


@pytest.fixture(scope="session")
def story() -> Story:
    return load_story(STORY)
