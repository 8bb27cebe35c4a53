"""Problems found in a story folder: what each one is, where, and in what words.

Every problem is `PATH:LINE: error: message` (or `warning:`). `line_of` finds
the line of a value in data read by `yamlread`; `describe` words a found value.
Pydantic's shape errors are worded by `shape_errors`, which only a file with a
shape problem needs (so a well-formed story never imports pydantic).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

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
