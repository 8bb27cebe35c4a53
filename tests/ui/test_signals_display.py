"""A stale DISPLAY and a supervisor's signals: the game neither hides nor hangs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.ui.conftest import MINI

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, ROAM_FREELY_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    env.pop("SDL_VIDEODRIVER", None)
    env.update(extra)
    return env


def _free_display() -> str:
    n = 91
    while Path(f"/tmp/.X11-unix/X{n}").exists() or Path(f"/tmp/.X{n}-lock").exists():
        n += 1
    return f":{n}"


def test_a_display_with_no_server_falls_back_to_the_terminal_game(tmp_path) -> None:
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--story", str(MINI)],
                          env=_env(tmp_path, DISPLAY=_free_display()), input="q\n",
                          capture_output=True, text=True, timeout=60)
    assert "starting the terminal game instead" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_kiosk_with_a_dead_display_exits_non_zero_for_its_supervisor(tmp_path) -> None:
    proc = subprocess.run([sys.executable, "-m", "game", "play", "--kiosk", "--story",
                           str(MINI)], env=_env(tmp_path, DISPLAY=_free_display()),
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode != 0
    assert proc.stderr.strip().splitlines()[-1].startswith("error: kiosk mode needs a display")


def _kiosk(tmp_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "game", "play", "--kiosk", "--story",
                             str(MINI)], env=_env(tmp_path, SDL_VIDEODRIVER="dummy"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_until_running(proc: subprocess.Popen[str], home: Path) -> None:
    # The kiosk writes its log folder once its window is up and its loop runs.
    for _ in range(200):
        if (home / "logs").exists() or proc.poll() is not None:
            break
        time.sleep(0.05)
    time.sleep(0.5)


def test_a_locked_kiosk_stops_cleanly_on_sigterm(tmp_path) -> None:
    proc = _kiosk(tmp_path)
    try:
        _wait_until_running(proc, tmp_path / "home")
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        proc.kill()


def test_a_locked_kiosk_stops_cleanly_on_ctrl_c(tmp_path) -> None:
    proc = _kiosk(tmp_path)
    try:
        _wait_until_running(proc, tmp_path / "home")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        assert "Traceback" not in (proc.stderr.read() if proc.stderr else "")
    finally:
        proc.kill()
