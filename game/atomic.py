"""Atomic file writes, and clean-up of what an interrupted write leaves behind.

Settings, saves, debriefs and class reports are all written here: a temporary
file beside the target, flushed to disk, then renamed over it, so a crash or a
kill leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

# `.NAME.PID.RANDOM.tmp`: the pid says whether the writer may still be running.
_TMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: str | os.PathLike[str], text: str | bytes) -> Path:
    """Write `text` (UTF-8, LF) or bytes to `path` so a crash never leaves half a file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; these are ordinary files
        with (os.fdopen(fd, "wb") if isinstance(text, bytes)
              else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its file alone
    return True


def sweep_stale(folder: Path) -> list[Path]:
    """Remove the temporary files of writes that were killed; return what was removed.

    Only files of our own pattern whose writing process is gone: a write still
    under way (another window, a kiosk's supervisor restarting us) is kept.
    """
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        m = _TMP.match(entry.name)
        if m and not _alive(int(m["pid"])):
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed
