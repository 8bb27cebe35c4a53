"""A player's name on the debrief: isolated from the page's direction, and checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"


def _report(tmp_path: Path, name: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable.encode(), b"-m", b"game", b"report", b"--story",
                           str(MINI).encode(), b"--scenario", b"courier", b"--choices", b"1,1,2",
                           b"-o", str(tmp_path / "r.html").encode(), b"--name", name],
                          capture_output=True, cwd=ROOT)


def test_a_name_with_bidi_controls_is_isolated(tmp_path) -> None:
    proc = _report(tmp_path, "Ann\u202e\u200bgnp.exe".encode())
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<bdi>Ann\u202e\u200bgnp.exe</bdi>" in html  # it cannot reverse the text after it


def test_a_name_that_is_not_utf8_is_an_error_not_a_crash(tmp_path) -> None:
    proc = _report(tmp_path, b"Ann\xff")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "error: --name is not valid text (UTF-8)"
    assert not (tmp_path / "r.html").exists()
