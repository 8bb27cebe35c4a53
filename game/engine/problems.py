"""Problems found in a story folder, and how they are worded for authors.

Every problem is `PATH:LINE: error: message` (or `warning:`). Pydantic's shape
errors are translated here into what an author understands: what was expected,
what was found, and the nearest known key for a typo.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from game.engine.expr import nearest
from game.engine.yamlread import YList, YMap


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    level: str = "error"  # "error" | "warning"
    # Why the problem is there, for the order problems are shown in (STORY-FORMAT.md,
    # "Errors, first things first"); not part of its identity:
    # YAML: the file cannot be read as YAML; STORY / SOURCES: an unknown id that
    # only follows from what story.yaml / sources.yaml declares; FIRST: the line
    # that stands for the follow-on errors left out.
    kind: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


YAML, STORY, SOURCES, FIRST = "yaml", "story", "sources", "first"


def locate(lines: Sequence[str], line: int, source: str,
           offset: int) -> tuple[int, int | None]:
    """Where character `offset` of a text value that begins at `line` stands in the file.

    Returns (line, column), both 1-based; column None when the text cannot be
    found as written (escapes in quotes, a folded paragraph), and `line` as
    given when even the word around `offset` cannot. Inside a block scalar
    (`text: |`) this is the line that holds the character, not the key's line.
    """
    offset = max(0, min(offset, len(source)))
    start = source.rfind("\n", 0, offset) + 1
    end = source.find("\n", offset)
    piece = source[start:len(source) if end < 0 else end]
    within = offset - start
    word_start = piece.rfind(" ", 0, within) + 1
    word_end = piece.find(" ", within)
    word = piece[word_start:len(piece) if word_end < 0 else word_end]
    # The value spans at most this many file lines (a folded paragraph
    # wraps, so allow for short lines too).
    span = source.count("\n") + len(source) // 8 + 2
    for needle, into in ((piece.strip(), within - (len(piece) - len(piece.lstrip()))),
                         (word, within - word_start)):
        if not needle.strip() or into < 0:
            continue
        for n in range(max(line, 1), min(line + span, len(lines)) + 1):
            at = lines[n - 1].find(needle)
            if at >= 0:
                return n, at + into + 1
    return line, None


class StoryErrors(Exception):
    """A story folder with errors; `problems` lists every one (warnings too)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.errors))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


def line_of(node: Any, path: Iterable[Any], key_line: bool = False) -> int:
    """The line of the value at `path` inside YAML data (or the nearest enclosing line)."""
    line = getattr(node, "line", 1)
    parts = list(path)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(node, YMap) and part in node:
            line = node.key_lines[part] if (last and key_line) else node.value_lines[part]
            node = node[part]
        elif isinstance(node, YList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return line


def describe(value: Any) -> str:
    """How a found value reads in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {getattr(value, 'text', value)}"
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


_EXPECTED = {
    "string_type": "text", "int_type": "a whole number", "float_type": "a number",
    "bool_type": "true or false (only those two words are booleans)",
    "dict_type": "a mapping (key: value lines)", "list_type": "a list",
    "model_type": "a mapping (key: value lines)", "model_attributes_type": "a mapping",
    "int_from_float": "a whole number",
}


def _dotted(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _known_keys(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """The keys the model accepts at the mapping that holds `loc`'s last key."""
    current: Any = model
    for part in loc[:-1]:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _unwrap(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] down to the type inside."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType):
            inner = [a for a in get_args(annotation) if a is not type(None)]
            if len(inner) != 1:
                return annotation
            annotation = inner[0]
        else:
            return annotation


def _step(annotation: Any, part: Any) -> Any:
    """The annotation one key or index deeper."""
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, f in annotation.model_fields.items():
            if part in (name, f.alias):
                return f.annotation
        return None
    origin = get_origin(annotation)
    if origin is dict:
        return get_args(annotation)[1]
    if origin is list:
        return get_args(annotation)[0]
    return None


def shape_problems(model: type[BaseModel], data: Any, path: str,
                   exc: ValidationError) -> list[Problem]:
    """Translate pydantic's errors into author-facing problems with lines."""
    out: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors():
        loc = tuple(err["loc"])
        if loc in seen:
            continue
        seen.add(loc)
        kind = err["type"]
        where = _dotted(loc)
        if kind == "missing":
            line = line_of(data, loc[:-1])
            parent = _dotted(loc[:-1])
            message = f"missing required key '{loc[-1]}'" + (
                f" in {parent}" if loc[:-1] else "")
        elif kind == "extra_forbidden":
            line = line_of(data, loc, key_line=True)
            near = nearest(str(loc[-1]), _known_keys(model, loc))
            hint = f" (did you mean '{near}'?)" if near else ""
            known = ", ".join(_known_keys(model, loc))
            message = f"unknown key '{loc[-1]}' in {_dotted(loc[:-1])}{hint}" + (
                "" if near or not known else f"; known keys: {known}")
        elif kind == "literal_error":
            line = line_of(data, loc)
            allowed = err.get("ctx", {}).get("expected", "")
            near = nearest(str(err["input"]), [a.strip(" '") for a in allowed.split(",")])
            hint = f" (did you mean '{near}'?)" if near else ""
            message = f"{where} must be one of {allowed}; found {describe(err['input'])}{hint}"
        else:
            line = line_of(data, loc)
            expected = _EXPECTED.get(kind, err["msg"].lower().removeprefix("input should be "))
            message = f"{where} should be {expected}; found {describe(err['input'])}"
        out.append(Problem(path, line, message))
    return out
