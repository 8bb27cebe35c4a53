"""One run in a real X window (Xvfb): autoplay to the end, and real key presses (xdotool).

Skipped cleanly when Xvfb is not installed (.ci/run installs it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ui.conftest import MINI

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")

GAME = """
import sys, pygame
from pathlib import Path
from game.ui.app import run
from game.ui.options import PlayOptions
auto = [int(x) for x in sys.argv[2].split(',')] if sys.argv[2] else None
shots = Path(sys.argv[3]) if sys.argv[3] else None
pygame.display.init(); print(pygame.display.get_driver(), flush=True)
sys.exit(run(PlayOptions(story=Path(sys.argv[1]), autoplay=auto, screenshots=shots,
                         size=(1280, 720))))
"""


@pytest.fixture
def display(tmp_path):  # noqa: ANN201
    # -displayfd: Xvfb picks a free display number and writes it when it is ready.
    proc = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    num = proc.stdout.readline().strip()
    if not num:
        proc.kill()
        pytest.skip("Xvfb did not start")
    env = dict(os.environ, DISPLAY=f":{num}", ROAM_FREELY_HOME=str(tmp_path / "home"),
               PYTHONPATH=str(ROOT))
    env.pop("SDL_VIDEODRIVER", None)
    yield env
    proc.terminate()
    proc.wait(5)


def test_autoplay_in_a_real_x_window(display, tmp_path) -> None:
    shots = tmp_path / "shots"
    out = subprocess.run([sys.executable, "-c", GAME, str(MINI), "1,1,2", str(shots)],
                         env=display, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[0] == "x11"
    names = " ".join(p.name for p in shots.glob("*.png"))
    assert "debrief" in names and "whatif" in names and "sources" in names


@pytest.mark.skipif(shutil.which("xdotool") is None or shutil.which("xwininfo") is None,
                    reason="xdotool or xwininfo is not installed")
def test_real_keys_change_a_setting(display, tmp_path) -> None:
    game = subprocess.Popen([sys.executable, "-c", GAME, str(MINI), "", ""], env=display,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):  # the window is up when the root has a child named "Mini"
            tree = subprocess.run(["xwininfo", "-root", "-tree"], env=display,
                                  capture_output=True, text=True).stdout
            if '"Mini"' in tree:
                break
            time.sleep(0.1)
        assert '"Mini"' in tree, "the game window never appeared"
        # No window manager: keyboard focus follows the pointer, so put it on the window.
        subprocess.run(["xdotool", "mousemove", "1200", "700"], env=display, check=True)
        time.sleep(2.0)  # the title's intro
        for key in ("Tab", "Tab", "Return", "Tab", "Return"):  # Settings, then Text size
            subprocess.run(["xdotool", "key", key], env=display, check=True)
            time.sleep(0.4)
        settings = Path(display["ROAM_FREELY_HOME"]) / "settings.json"
        for _ in range(50):
            if settings.exists():
                break
            time.sleep(0.1)
        assert json.loads(settings.read_text())["text_step"] == 1
        game.terminate()  # SIGTERM: SDL turns it into a QUIT event, the window closes cleanly
        assert game.wait(10) == 0
    finally:
        if game.poll() is None:
            game.kill()
