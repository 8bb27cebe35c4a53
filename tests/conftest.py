"""Shared fixtures: the small test story, copied where a test may change it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    """A private copy of tests/fixtures/mini, safe to edit."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture(scope="session")
def mini():
    from game.engine.load import load_story

    return load_story(MINI)


# CI installs Xvfb, Chromium and redis-server and then names them here, so that a
# test that would skip for want of one of them fails instead: a missing tool must
# not let CI pass by accident. Local runs without the variable skip as before.
_REQUIRED = [w.strip().lower() for w in os.environ.get("ROAM_FREELY_REQUIRE", "").split(",")
             if w.strip()]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):  # noqa: ANN001, ANN201 - pytest's hook signature
    outcome = yield
    report = outcome.get_result()
    if not (_REQUIRED and report.skipped):
        return
    reason = str(report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr)
    missing = [tool for tool in _REQUIRED if tool in reason.lower()]
    if missing:
        report.outcome = "failed"
        report.longrepr = (f"skipped although CI requires {', '.join(missing)}: {reason}")
