"""Set-up on a fresh machine: the README's commands, CI's script, the sdist, the assets."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("python3 -m venv")]


def test_readme_commands_make_and_use_a_private_environment() -> None:
    play, test = _readme_commands()[:2]
    for command in (play, test):
        # A stock Debian has no `python` and refuses a system-wide pip install.
        assert command.startswith("python3 -m venv .venv && .venv/bin/python -m pip install")
    assert play.endswith(".venv/bin/python -m game") and "[test]" not in play
    assert test.endswith(".venv/bin/python -m pytest") and "'.[test]'" in test


def _ci_copy(tmp_path: Path, test_command: str) -> Path:
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "run", tmp_path / ".ci" / "run")
    (tmp_path / "README.md").write_text(
        f"# x\n\n<!-- test-command -->\n```sh\n{test_command}\n```\n", encoding="utf-8")
    return tmp_path


# .ci/run installs its tools first when they are missing; run it only where they are.
ci_tools = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("Xvfb", "xdotool", "xwininfo", "chromium",
                                          "chromedriver", "redis-server")),
    reason="CI's tools are not installed here (xvfb, xdotool, chromium, redis)")


@ci_tools
def test_ci_fails_when_the_readme_test_command_fails(tmp_path: Path) -> None:
    repo = _ci_copy(tmp_path, 'python3 -c "import sys; sys.exit(3)"')
    proc = subprocess.run(["bash", ".ci/run"], cwd=repo, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode != 0
    assert "ruff" not in proc.stdout + proc.stderr  # it stopped at the failure


@ci_tools
def test_ci_fails_without_a_readme_test_command(tmp_path: Path) -> None:
    repo = _ci_copy(tmp_path, "echo no marker")
    (repo / "README.md").write_text("# nothing to run\n", encoding="utf-8")
    proc = subprocess.run(["bash", ".ci/run"], cwd=repo, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode != 0


def test_licence_is_an_spdx_expression_that_covers_the_fonts() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT AND OFL-1.1"
    for name in project["license-files"]:
        assert (ROOT / name).is_file(), name


def test_sdist_carries_what_a_packager_needs_to_run_the_tests(tmp_path: Path) -> None:
    code = ("import sys; from setuptools import build_meta; "
            "print(build_meta.build_sdist(sys.argv[1]))")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    name = proc.stdout.strip().splitlines()[-1]
    with tarfile.open(tmp_path / name) as tar:
        members = {m.split("/", 1)[1] for m in tar.getnames() if "/" in m}
    for needed in ("tests/conftest.py", "tests/fixtures/mini/story.yaml", "docs/story-format.md",
                   "story/story.yaml", "assets/fonts/OFL.txt", "LICENSE"):
        assert needed in members, needed


def test_an_installed_game_ignores_a_stray_assets_folder_in_site_packages(tmp_path: Path) -> None:
    # Lay out site-packages as a wheel does: game/ with its own _assets, and an
    # unrelated package's assets/ folder beside it.
    site = tmp_path / "site-packages"
    (site / "game" / "_assets" / "fonts").mkdir(parents=True)
    (site / "assets" / "images").mkdir(parents=True)
    shutil.copy(ROOT / "game" / "paths.py", site / "game" / "paths.py")
    spec = importlib.util.spec_from_file_location("installed_paths", site / "game" / "paths.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.assets() == site / "game" / "_assets"
    assert module.bundled_story() == site / "game" / "_story"


def test_a_skip_for_a_tool_ci_requires_fails_the_run(tmp_path: Path) -> None:
    (tmp_path / "test_tool.py").write_text(
        "import pytest\n\n@pytest.mark.skipif(True, reason='headless Chromium is not installed')\n"
        "def test_needs_browser():\n    pass\n", encoding="utf-8")
    run = [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-q", "-rs", "-p",
           "no:cacheprovider", str(tmp_path / "test_tool.py")]
    required = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=120,
                              env={**_env(), "ROAM_FREELY_REQUIRE": "xvfb,chromium"})
    assert required.returncode == 1
    assert "skipped although CI requires chromium" in required.stdout
    relaxed = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=120,
                             env={**_env(), "ROAM_FREELY_REQUIRE": ""})
    assert relaxed.returncode == 0 and "1 skipped" in relaxed.stdout


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)
