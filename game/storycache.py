"""The compiled-story cache: a start with an unchanged story skips YAML and every check.

Like ink's compiled JSON. The key is the story folder's path, every file's
contents (YAML files) or name and size (images), the Python version and the
engine's own source files (their size and time), so any change of story or
game builds afresh. The compiled story is a pickle in the user's cache folder
(platformdirs, or $ROAM_FREELY_HOME/cache), written atomically; a broken,
stale or unreadable cache is silently ignored and rebuilt. Set
ROAM_FREELY_NO_CACHE=1 to bypass it.

Parsed expressions hold closures, which pickle cannot store: each is stored
as its source, its type and the names its scope gives it, and parsed again
when the cache is read (a few hundred small parses at most). Importing this
module does not import the loader: only a miss does.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from game.atomic import write_atomic

FORMAT = 1  # bump when the way stories are stored here changes
KEEP = 8  # compiled stories kept, the most recent ones
_BUILTIN_TYPES = {"score": "int", "tier": "str", "scored": "bool"}


class StoryErrors(Exception):
    """The story has errors (the loader's StoryErrors, with the same message and problems)."""

    def __init__(self, message: str, problems: Any = ()) -> None:
        super().__init__(message)
        self.problems = problems


def load_story(folder: Path | str) -> Any:
    """The story of `folder`, from the cache when its files are unchanged."""
    folder = Path(folder).resolve()
    if os.environ.get("ROAM_FREELY_NO_CACHE"):
        return _compile(folder)
    try:
        key = story_key(folder)
    except OSError:
        return _compile(folder)
    path = cache_dir() / f"{key}.pickle"
    story = _read(path)
    if story is not None:
        return story
    story = _compile(folder)
    _write(path, story, folder)
    return story


def _compile(folder: Path) -> Any:
    from game.engine import load

    try:
        return load.load_story(folder)
    except load.StoryErrors as err:
        raise StoryErrors(str(err), getattr(err, "problems", ())) from err


def cache_dir() -> Path:
    env = os.environ.get("ROAM_FREELY_HOME")
    if env:
        return Path(env) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("roam-freely", appauthor=False)) / "stories"


def story_key(folder: Path) -> str:
    """A name for this folder's files as they are now, with this game's code."""
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{FORMAT}|{sys.version}|{folder}\0".encode())
    code = Path(__file__).resolve().parent
    for sub in ("engine", "rules"):
        for f in sorted((code / sub).glob("*.py")):
            st = f.stat()
            h.update(f"{sub}/{f.name}|{st.st_size}|{st.st_mtime_ns}\0".encode())
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = f.relative_to(folder).as_posix()
        if f.suffix.lower() in (".yaml", ".yml"):
            h.update(f"{rel}\0".encode())
            h.update(f.read_bytes())
        else:
            h.update(f"{rel}|{f.stat().st_size}\0".encode())
    return f"{_folder_tag(folder)}-{h.hexdigest()}"


def _folder_tag(folder: Path) -> str:
    return hashlib.blake2b(str(folder).encode(), digest_size=6).hexdigest()


# -- reading and writing ---------------------------------------------------------------

def _read(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    was_enabled = gc.isenabled()
    gc.disable()  # as the loader does: the story's objects all live on, no rescans
    try:
        story = pickle.loads(data)
    except Exception:  # noqa: BLE001 - any broken or foreign cache is rebuilt
        return None
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
    return story if type(story).__name__ == "Story" else None


def _write(path: Path, story: Any, folder: Path) -> None:
    try:
        buf = io.BytesIO()
        _Pickler(buf, _scopes(story)).dump(story)
    except Exception:  # noqa: BLE001 - a story we cannot store is simply not cached
        return
    try:
        write_atomic(path, buf.getvalue())
        for old in path.parent.glob(f"{_folder_tag(folder)}-*.pickle"):
            if old != path:  # older compilations of the same folder
                old.unlink(missing_ok=True)
        kept = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in kept[:-KEEP]:  # many story folders (tests, authors): keep the latest
            old.unlink(missing_ok=True)
    except OSError:
        pass


# -- expressions ----------------------------------------------------------------------

class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, scopes: dict[int, tuple[Any, ...]]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.scopes = scopes

    def reducer_override(self, obj: Any) -> Any:
        if type(obj).__name__ == "Expr" and hasattr(obj, "fn"):
            names, builtin = self.scopes[id(obj)]  # KeyError: not cached, by design
            return _expr, (obj.source, obj.type, names, builtin)
        return NotImplemented


_PARSED: dict[tuple[Any, ...], Any] = {}
_SCOPES: dict[tuple[Any, ...], Any] = {}


def _expr(source: str, want: str, names: tuple[tuple[str, str], ...],
          builtin: frozenset[str]) -> Any:
    """Parse a stored expression again, in a scope that gives it the same names."""
    key = (source, want, names, builtin)
    if key in _PARSED:
        return _PARSED[key]
    from game.engine.expr import FUNCTIONS, Scope, parse

    scope = _SCOPES.get((names, builtin))
    if scope is None:
        fields = getattr(Scope, "__dataclass_fields__", {})
        extra = {"builtin": builtin} if "builtin" in fields else {}
        scope = Scope(dict(names), frozenset(FUNCTIONS), **extra)
        _SCOPES[(names, builtin)] = scope
    _PARSED[key] = expr = parse(source, scope, want)
    return expr


def _scopes(story: Any) -> dict[int, tuple[Any, ...]]:
    """Which names each expression of the story may use: its scenario's or a ruleset's."""
    found: dict[int, tuple[Any, ...]] = {}
    for scenario in story.scenarios.values():
        types = {k: _type(v) for k, v in scenario.vars.items()}
        names = tuple(sorted({**_BUILTIN_TYPES, **types}.items()))
        _walk(scenario, found, (names, frozenset(_BUILTIN_TYPES) - set(types)))
    rules = (tuple(sorted(_BUILTIN_TYPES.items())), frozenset(_BUILTIN_TYPES))
    for ruleset in story.rulesets.values():
        _walk(ruleset, found, rules)
    return found


def _type(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    return "int" if isinstance(value, int) else "str"


def _walk(root: Any, found: dict[int, tuple[Any, ...]], scope: tuple[Any, ...]) -> None:
    seen: set[int] = set()
    todo = [root]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, (str, int, float, bytes, Path, type(None))):
            continue
        seen.add(id(obj))
        if type(obj).__name__ == "Expr" and hasattr(obj, "fn"):
            found.setdefault(id(obj), scope)
        elif isinstance(obj, dict):
            todo.extend(obj.values())
        elif isinstance(obj, (tuple, list, frozenset, set)):
            todo.extend(obj)
        elif hasattr(obj, "__dataclass_fields__"):
            todo.extend(getattr(obj, f) for f in obj.__dataclass_fields__)
