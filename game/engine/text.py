"""Text with `{name}` interpolation: parsed at load, filled in at play time.

`{{` and `}}` are literal braces. Names are checked at load, so filling in
never fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

_PIECE = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|\{|\}")


class TemplateError(ValueError):
    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Template:
    """Literal pieces and names, in order; `names` lists the names used."""

    source: str
    pieces: tuple[tuple[bool, str], ...]  # (is_name, text)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(text for is_name, text in self.pieces if is_name)

    def fill(self, values: Mapping[str, Any]) -> str:
        if len(self.pieces) == 1 and not self.pieces[0][0]:
            return self.pieces[0][1]
        return "".join(_show(values[t]) if is_name else t for is_name, t in self.pieces)

    def __str__(self) -> str:
        return self.source


def _show(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def parse_template(source: str, known: Callable[[str], str | None]) -> Template:
    """Parse `source`; `known(name)` returns an error message for an unknown name, else None."""
    if "{" not in source and "}" not in source:
        return plain(source)
    pieces: list[tuple[bool, str]] = []
    literal: list[str] = []
    pos = 0
    for m in _PIECE.finditer(source):
        literal.append(source[pos:m.start()])
        token = m.group()
        if token == "{{":
            literal.append("{")
        elif token == "}}":
            literal.append("}")
        elif m.group(1) is not None:
            name = m.group(1).strip()
            problem = known(name) if name else "empty {} in text (write {{ for a brace)"
            if problem:
                raise TemplateError(problem, m.start())
            if literal:
                pieces.append((False, "".join(literal)))
                literal = []
            pieces.append((True, name))
        else:
            raise TemplateError(f"a lone '{token}' in text: write '{token * 2}' for a brace",
                                m.start())
        pos = m.end()
    literal.append(source[pos:])
    joined = "".join(literal)
    if joined or not pieces:
        pieces.append((False, joined))
    return Template(source, tuple(pieces))


def plain(source: str) -> Template:
    """A template with no names (for text that never interpolates)."""
    return Template(source, ((False, source),))
