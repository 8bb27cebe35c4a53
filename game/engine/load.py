"""load_story(): a story folder in, a frozen `Story` out, or every problem at once.

Reads each file with `yamlread` (safe, with lines) and checks its shape: with
the plain specs of `shapes`, and only when they do not accept a file, with the
pydantic models of `schema`, whose errors `shape_errors` words. Then it builds
the engine's frozen objects while checking everything that needs the whole
folder: ids, references, expressions, text templates, fidelity and sources,
tiers. Every problem is reported as `PATH:LINE: error: message`; nothing is
played from a folder with errors.
"""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path
from typing import Any

from game.engine import shapes as S
from game.engine.build_rules import RulesetBuilder
from game.engine.build_scenes import ScenarioBuilder
from game.engine.model import Capability, Story
from game.engine.problems import (
    FIRST,
    SOURCES,
    STORY,
    YAML,
    Problem,
    StoryErrors,
    line_of,
    locate,
)
from game.engine.yamlread import YamlError, read_yaml_file
from game.rules.model import Source, Where

__all__ = ["load_story", "load_with_problems", "StoryErrors", "Problem"]

SIMPLE_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
DOTTED_ID = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*\Z")
CODE_ID = re.compile(r"[A-Z0-9][A-Z0-9-]*\Z")
YAML_SUFFIXES = (".yaml", ".yml")
SOURCE_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


class Folder:
    """One story folder being loaded: its files, shown paths and problems so far."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        # story.yaml / sources.yaml, by kind (STORY, SOURCES), when it cannot be
        # trusted to declare its ids: shown path and whether YAML failed.
        self.broken: dict[str, tuple[str, bool]] = {}
        self._lines: dict[str, list[str]] = {}

    def shown(self, path: Path) -> str:
        return os.path.join(str(self.root), os.path.relpath(path, self.root))

    def error(self, path: str, line: int, message: str, kind: str = "") -> None:
        self.problems.append(Problem(path, line, message, "error", kind))

    def warn(self, path: str, line: int, message: str) -> None:
        self.problems.append(Problem(path, line, message, "warning"))

    def lines(self, shown: str) -> list[str]:
        """The lines of a file already read (read again: only when there is a problem)."""
        if shown not in self._lines:
            try:
                self._lines[shown] = Path(shown).read_text(encoding="utf-8").split("\n")
            except (OSError, UnicodeDecodeError):
                self._lines[shown] = []
        return self._lines[shown]

    def at(self, shown: str, line: int, source: str, offset: int) -> tuple[int, str]:
        """(line, " (column N)") of character `offset` of a text value that begins at `line`."""
        found, column = locate(self.lines(shown), line, source, offset)
        if column is None:
            return found, f" (column {offset + 1} of the expression)"
        return found, f" (column {column})"

    def read(self, path: Path, spec: S.Spec) -> tuple[Any, Any]:
        """(the file's shape or None, raw data with lines or None)."""
        shown = self.shown(path)
        try:
            data = read_yaml_file(path, shown)
        except YamlError as exc:
            self.error(exc.path, exc.line, exc.message, YAML)
            return None, None
        if data is None:
            self.error(shown, 1, "the file is empty", YAML)
            return None, None
        parsed = S.read_shape(spec, data)
        if parsed is not None:
            return parsed, data
        # Something the plain spec did not accept: pydantic decides, and words why.
        from pydantic import ValidationError

        from game.engine.shape_errors import shape_problems

        model = _model(spec)
        try:
            return model.model_validate(data), data
        except ValidationError as exc:
            self.problems.extend(shape_problems(model, data, shown, exc))
            return None, data

    def files(self, sub: str) -> list[Path]:
        """The story files of a subfolder; any other file there is a warning."""
        folder = self.root / sub
        if not folder.is_dir():
            return []
        out = []
        for p in sorted(folder.iterdir()):
            if p.name.startswith(".") or not p.is_file():
                continue  # editors' and systems' hidden files, subfolders
            if p.suffix in YAML_SUFFIXES:
                out.append(p)
            else:
                self.warn(self.shown(p), 1, f"this file is not read: only files ending in "
                          f".yaml or .yml in {sub}/ are story files")
        return out


def load_with_problems(root: Path | str) -> tuple[Story | None, list[Problem]]:
    """Load a folder; return the story (None when it has errors) and every problem,
    first things first (see `first_things_first`)."""
    folder = Folder(Path(root))
    # Loading makes hundreds of thousands of small objects that all live on;
    # the cyclic collector would rescan them again and again (measured: it
    # makes loading grow faster than linearly), so it waits until the end.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        story = _load(folder)
    finally:
        if was_enabled:
            # The story lives as long as the process: freeze what loading made, or the
            # first collections after this scan all of it again (measured: -8 % CPU for
            # validate of a 5,000-scene story).
            gc.freeze()
            gc.enable()
    errors = [p for p in folder.problems if p.level == "error"]
    return (None if errors else story), first_things_first(folder)


def load_story(root: Path | str) -> Story:
    """Load a folder or raise StoryErrors listing every error."""
    story, problems = load_with_problems(root)
    if story is None:
        raise StoryErrors(problems)
    return story


def first_things_first(folder: Folder) -> list[Problem]:
    """The folder's problems in the order an author fixes them (STORY-FORMAT.md,
    "Errors, first things first").

    Malformed YAML first of all, then story.yaml's and sources.yaml's problems,
    then the other files'. While story.yaml (sources.yaml) cannot be trusted, an
    unknown behaviour or capability (source) elsewhere only follows from it: such
    errors are left out and counted in one line at the top of that file.
    """
    problems = set(folder.problems)
    for kind, (shown, _by_yaml) in folder.broken.items():
        follows = {p for p in problems if p.kind == kind}
        if not follows:
            continue
        problems -= follows
        n = len(follows)
        problems.add(Problem(shown, 1, f"fix this file first ({n} error{'s' * (n != 1)} that "
                             f"follow{'s' * (n == 1)} from it {'are' if n != 1 else 'is'} "
                             "not shown)", "error", FIRST))
    story_file = folder.shown(folder.root / "story.yaml")
    rank = {story_file: 0, folder.shown(folder.root / "sources.yaml"): 1}
    by_yaml = {shown for shown, yaml in folder.broken.values() if yaml}

    def order(p: Problem) -> tuple[int, int, str, bool, int, str]:
        first = p.kind == YAML or (p.kind == FIRST and p.path in by_yaml)
        return (0 if first else 1, rank.get(p.path, 2), p.path, p.kind == FIRST, p.line,
                p.message)

    return sorted(problems, key=order)


def _load(folder: Folder) -> Story | None:
    root = folder.root
    if not root.is_dir():
        folder.error(str(root), 1, "no such story folder")
        return None
    story_path = root / "story.yaml"
    if story_path.is_file():
        story_file, story_data = folder.read(story_path, S.STORY)
    else:
        folder.error(folder.shown(story_path), 1, "every story folder needs a story.yaml "
                     "(title, behaviours, capabilities)", YAML)
        story_file, story_data = None, None
    if story_file is None and _untrusted(story_data, S.STORY):
        folder.broken[STORY] = (folder.shown(story_path), story_data is None)
    sources = _sources(folder)
    behaviours, capabilities, behaviour_where = _catalogs(folder, story_path, story_file,
                                                          story_data)
    catalog = Catalog(behaviours, capabilities, sources)
    rulesets = _rulesets(folder, catalog)
    scenarios = _scenarios(folder, catalog, rulesets)
    if story_file is None:
        return None
    # In file order, as version 1 kept them (layered rulesets are built last).
    built = {rid: rulesets.built[rid] for rid in rulesets.pending if rid in rulesets.built}
    # The identity replay codes check is computed on first use
    # (game.engine.identity.story_identity): validating or starting needs none.
    return Story(title=story_file.title, behaviours=behaviours, capabilities=capabilities,
                 sources=sources, rulesets=built, scenarios=scenarios, root=root,
                 behaviour_where=behaviour_where)


def _model(spec: S.Spec) -> Any:
    """The pydantic model in `schema` that `spec` stands for (imported on first need)."""
    from game.engine import schema

    return getattr(schema, spec.model)


def _untrusted(data: Any, spec: S.Spec) -> bool:
    """Whether a file that failed its checks may not declare what it seems to:
    missing, not YAML, not a mapping, or a top-level key unknown or of the wrong
    type (so its lists of ids may be missing or wrong)."""
    if not isinstance(data, dict):
        return True
    from pydantic import ValidationError

    try:
        _model(spec).model_validate(data)
    except ValidationError as exc:
        return any(len(err["loc"]) == 1 and err["type"] != "missing" for err in exc.errors())
    return False


class Catalog:
    """What the whole folder declares: behaviours, capabilities, sources."""

    def __init__(self, behaviours: dict[str, str], capabilities: dict[str, Capability],
                 sources: dict[str, Source]) -> None:
        self.behaviours = behaviours
        self.capabilities = capabilities
        self.sources = sources


def _sources(folder: Folder) -> dict[str, Source]:
    path = folder.root / "sources.yaml"
    if not path.is_file():
        return {}
    parsed, data = folder.read(path, S.SOURCES)
    if parsed is None:
        if _untrusted(data, S.SOURCES):
            folder.broken[SOURCES] = (folder.shown(path), data is None)
        # Keep the ids the file declares, so a typo in one source does not make
        # every rule that cites another one an error too.
        return {sid: Source(sid, "", "", "") for sid in _keys(data, "sources")}
    out = {}
    shown = folder.shown(path)
    for sid, src in parsed.sources.items():
        if not SIMPLE_ID.match(sid):
            folder.error(shown, line_of(data, ["sources", sid], key_line=True),
                         bad_id("source", sid, "simple"))
        problem = date_problem(src.date)
        if problem:
            folder.error(shown, line_of(data, ["sources", sid, "date"]), problem)
        out[sid] = Source(sid, src.title, src.outlet, src.date, src.url)
    return out


def date_problem(date: str) -> str | None:
    """Why a source's date is not YYYY, YYYY-MM or YYYY-MM-DD (a real one); None if it is."""
    import calendar

    m = SOURCE_DATE.match(date)
    problem = None
    if m is None:
        problem = "should be written YYYY, YYYY-MM or YYYY-MM-DD, like 2019-07-22"
    elif m.group(2) and not 1 <= int(m.group(2)) <= 12:
        problem = f"has month {m.group(2)}; months run from 01 to 12"
    elif m.group(3):
        days = calendar.monthrange(int(m.group(1)), int(m.group(2)))[1]
        if not 1 <= int(m.group(3)) <= days:
            problem = f"has day {m.group(3)}; that month has {days} days"
    return None if problem is None else f"the date '{date}' {problem}"


def _catalogs(folder: Folder, path: Path, parsed: Any, data: Any
              ) -> tuple[dict[str, str], dict[str, Capability], dict[str, Where]]:
    if parsed is None:
        # As with sources: the declared ids still count, to avoid cascades.
        caps = {cid: Capability(cid, cid, True) for cid in _keys(data, "capabilities")}
        return {bid: bid for bid in _keys(data, "behaviours")}, caps, {}
    shown = folder.shown(path)
    where: dict[str, Where] = {}
    for bid in parsed.behaviours:
        line = line_of(data, ["behaviours", bid], key_line=True)
        where[bid] = Where(shown, line)
        if not DOTTED_ID.match(bid):
            folder.error(shown, line, bad_id("behaviour", bid, "dotted"))
    caps = {}
    for cid, cap in parsed.capabilities.items():
        if not DOTTED_ID.match(cid):
            folder.error(shown, line_of(data, ["capabilities", cid], key_line=True),
                         bad_id("capability", cid, "dotted"))
        caps[cid] = Capability(cid, cap.name, cap.default)
    for cid in set(caps) & set(parsed.behaviours):
        folder.error(shown, line_of(data, ["capabilities", cid], key_line=True),
                     f"'{cid}' is both a behaviour and a capability; ids are unique in the "
                     "story folder")
    return dict(parsed.behaviours), caps, where


def _keys(data: Any, key: str) -> list[str]:
    section = data.get(key) if isinstance(data, dict) else None
    return [k for k in section if isinstance(k, str)] if isinstance(section, dict) else []


def _rulesets(folder: Folder, catalog: Catalog) -> RulesetBuilder:
    builder = RulesetBuilder(folder, catalog)
    for path in folder.files("rulesets"):
        parsed, data = folder.read(path, S.RULESET)
        builder.add(path, parsed, data)
    builder.finish()
    return builder


def _scenarios(folder: Folder, catalog: Catalog, rulesets: RulesetBuilder) -> dict[str, Any]:
    builder = ScenarioBuilder(folder, catalog, rulesets)
    paths = folder.files("scenarios")
    for path in paths:
        # Read and built one file at a time, each file's data freed before the next
        # is read: a smaller peak of memory, so fewer pages for the system to hand over.
        builder.add(path, *folder.read(path, S.SCENARIO))
    builder.check_short_paths()
    if not paths:
        folder.error(folder.shown(folder.root / "story.yaml"), 1, "the story has no scenario: "
                     "add a file to scenarios/ (see docs/story-format.md)")
    return builder.built


_ID_RULES = {
    "simple": "lowercase letters, digits, '-' and '_', starting with a letter or digit",
    "dotted": "lowercase words of letters, digits and '_' joined by dots, like traffic.red_light",
    "code": "capital letters, digits and '-', like TRAFFIC-RED-LIGHT",
}


def bad_id(kind: str, value: str, style: str) -> str:
    return f"bad {kind} id '{value}': use {_ID_RULES[style]}"


def checksum(root: Path) -> str:
    """A digest of every file in the folder (names and bytes), hex."""
    import hashlib  # only for version 1 replay codes: not paid by every start

    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") or part == "__pycache__" for part in rel.split("/")):
            continue
        digest.update(rel.encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
