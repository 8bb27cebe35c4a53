"""Read one YAML file into plain data that remembers its line numbers, safely.

Built on libyaml's event stream (`CSafeLoader` when available, ten times faster
than the pure-Python loader) instead of PyYAML's constructor, for three reasons:
the format's own scalar rules (`yes`/`on` stay words, dates stay text, only
`true`/`false` are booleans), line numbers for every key and value, and one
pass that refuses what the format forbids: explicit tags, anchors and aliases
(so no alias bombs), duplicate keys, more than one document, files over 1 MiB
and invalid UTF-8. It also refuses what would break a reader further on, each
with its own line: nesting deeper than MAX_DEPTH, numbers longer than
MAX_DIGITS, control characters, and the Unicode line and paragraph separators
(which YAML counts as line breaks and editors do not, so every later line
number would be wrong).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: slower, same behaviour
    _Loader = yaml.SafeLoader

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 50  # a story nests about 8 levels; past this a reader would recurse away
MAX_DIGITS = 18  # a plain number with more digits than this is no score, count or chance

# Characters YAML refuses, and those it reads as line breaks (NEL, LS, PS): both
# are found before parsing, so their line is the one an editor shows.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_BREAKS = re.compile(r"[\x85\u2028\u2029]")
_NAMES = {"\x00": "NUL", "\x0c": "form feed", "\x7f": "DEL", "\x85": "next line (U+0085)",
          "\u2028": "line separator (U+2028)", "\u2029": "paragraph separator (U+2029)"}

# A plain scalar starting with none of these is text whatever follows (see scalar()).
_NOT_ONLY_TEXT = frozenset("tfn~0123456789+-.")
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+)\Z")


class YamlError(ValueError):
    """A file that is not acceptable YAML for a story: with its 1-based line."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: error: {message}")
        self.path = path
        self.line = line
        self.message = message


class YInt(int):
    """A plain integer that remembers how it was written (`2018`, `007`), for text fields."""

    text: str


class YFloat(float):
    """A plain number with a point that remembers how it was written."""

    text: str


def _number(cls: type, value: str) -> Any:
    out = cls(value)
    out.text = value
    return out


class YMap(dict[str, Any]):
    """A mapping that knows where it and each of its keys and values stand.

    Only the reader makes them, and it sets every slot itself: no Python
    __init__, which would be a call for each of the thousands of mappings.
    """

    __slots__ = ("line", "key_lines", "value_lines")
    line: int
    key_lines: dict[str, int]
    value_lines: dict[str, int]


class YList(list[Any]):
    """A sequence that knows where it and each of its items stand (made as YMap is)."""

    __slots__ = ("line", "item_lines")
    line: int
    item_lines: list[int]


def read_yaml_file(path: Path, shown: str | None = None) -> Any:
    """Read `path`; errors name it as `shown` (default: the path as given)."""
    name = shown or str(path)
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_BYTES + 1)  # never the whole of a huge file
            if len(raw) > MAX_BYTES:
                _too_big(name, max(len(raw), _size(f)))
    except OSError as exc:
        raise YamlError(name, 1, f"cannot read the file: {exc.strerror or exc}") from None
    return read_yaml_bytes(raw, name)


def _size(f: Any) -> int:
    import os

    return os.fstat(f.fileno()).st_size


def _too_big(name: str, size: int) -> None:
    raise YamlError(name, 1, f"the file is {size:,} bytes; the limit is 1 MiB "
                    f"({MAX_BYTES:,} bytes): split it into several files")


# Bytes that are never part of an odd character in UTF-8: everything but the C0
# controls (tab, LF, CR are fine) and DEL. The C1 controls, the separators and
# U+FFFE/U+FFFF start with 0xc2, 0xe2 or 0xef; only a file with one of those
# lead bytes (most have none) is searched character by character.
_ORDINARY = bytes(b for b in range(256)
                  if b in (0x09, 0x0a, 0x0d) or 0x20 <= b < 0x7f or b >= 0x80)
_LEADS = (b"\xc2", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xef\xbf")


def _may_be_odd(raw: bytes) -> bool:
    """A quick look that misses nothing: False only when `_odd_character` would pass.

    The two regular expressions scan a 200 kB file in about 3 ms; this takes a tenth.
    """
    return bool(raw.translate(None, _ORDINARY)) or any(lead in raw for lead in _LEADS)


def _odd_character(text: str, name: str) -> None:
    """Refuse control characters and YAML-only line breaks, at the line an editor shows."""
    found = _CONTROL.search(text) or _BREAKS.search(text)
    if found is None:
        return
    ch = found.group()
    before = text[:found.start()]
    line, column = before.count("\n") + 1, found.start() - (before.rfind("\n") + 1) + 1
    what = _NAMES.get(ch, f"control character U+{ord(ch):04X}")
    if _BREAKS.match(ch):
        raise YamlError(name, line, f"an invisible {what} at column {column}, as pasted from "
                        "some word processors: YAML reads it as a line break; replace it with "
                        "an ordinary line break or a space")
    raise YamlError(name, line, f"the file contains a {what} at column {column}; "
                    "story files hold text only: remove it")


def read_yaml_bytes(raw: bytes, name: str) -> Any:
    if len(raw) > MAX_BYTES:
        _too_big(name, len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise YamlError(name, line, f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); "
                        "save it as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if _may_be_odd(raw):
        _odd_character(text, name)
    return _Reader(text, name).document()


_SCALAR, _SEQ, _SEQ_END = yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.SequenceEndEvent
_MAP, _MAP_END, _ALIAS = yaml.MappingStartEvent, yaml.MappingEndEvent, yaml.AliasEvent


class _Reader:
    """Turns libyaml's event stream into YMap / YList / scalars in one pass.

    This loop runs once per YAML event (about forty per scene), so it is
    written for speed: exact type checks, locals, one try around the document.
    """

    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.text = text
        self.depth = 0
        self.loader = _Loader(text)
        self.get = self.loader.get_event

    def fail(self, event: Any, message: str) -> YamlError:
        return YamlError(self.name, event.start_mark.line + 1, message)

    def document(self) -> Any:
        try:
            get = self.get
            get()  # StreamStart
            event = get()
            if type(event) is yaml.StreamEndEvent:
                return None
            value = self.node(get())
            get()  # DocumentEnd
            event = get()
            if type(event) is not yaml.StreamEndEvent:
                raise self.fail(event, "more than one YAML document ('---') in one file")
            return value
        except yaml.MarkedYAMLError as exc:
            raise self._syntax(exc) from None
        except yaml.YAMLError as exc:
            raise YamlError(self.name, 1, f"malformed YAML: {exc}") from None
        finally:
            self.loader.dispose()

    def _syntax(self, exc: yaml.MarkedYAMLError) -> YamlError:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        if mark is not None and self._char_at(mark.line, mark.column) == "\t":
            return YamlError(self.name, line, "a tab character: YAML indents with spaces "
                             "only, so replace the tab with spaces")
        problem = exc.problem or exc.context or "malformed YAML"
        if exc.context and exc.context_mark is not None and exc.problem:
            # Where the parser noticed is often a line after the mistake:
            # say where the unfinished part began as well.
            problem += f" ({exc.context} that began at line {exc.context_mark.line + 1})"
        return YamlError(self.name, line, f"malformed YAML: {problem}")

    def _char_at(self, line: int, column: int) -> str:
        lines = self.text.split("\n", line + 1)
        return lines[line][column:column + 1] if line < len(lines) else ""

    def check(self, event: Any) -> None:
        """Refuse aliases, anchors and explicit tags."""
        kind = type(event)
        if kind is _ALIAS:
            raise self.fail(event, f"aliases (*{event.anchor}) are not allowed in story files")
        if event.anchor is not None:
            raise self.fail(event, f"anchors (&{event.anchor}) are not allowed in story files")
        if event.tag is not None:
            implicit = (event.implicit[0] or event.implicit[1]) if kind is _SCALAR else (
                event.implicit)
            if not implicit:
                tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                raise self.fail(event, f"explicit YAML tags ({tag}) are not allowed in "
                                "story files")

    def node(self, event: Any) -> Any:
        kind = type(event)
        # An alias event has an anchor, so this one test catches all three refusals.
        if event.anchor is not None or (kind is not _ALIAS and event.tag is not None):
            self.check(event)
        if kind is _SCALAR:
            return self.scalar(event)
        # No try/finally for the depth: an error ends the whole file anyway.
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(event, f"nested more than {MAX_DEPTH} levels deep; a story needs "
                            "far fewer: is a bracket or an indent wrong?")
        if kind is _MAP:
            out: Any = self.mapping(event)
        elif kind is _SEQ:
            out = self.sequence(event)
        else:
            raise self.fail(event, "malformed YAML")
        self.depth -= 1
        return out

    def sequence(self, start: Any) -> YList:
        out = YList()
        out.line = start.start_mark.line + 1
        lines: list[int] = []
        out.item_lines = lines
        get, node, scalar = self.get, self.node, self.scalar
        while True:
            event = get()
            kind = type(event)
            if kind is _SEQ_END:
                return out
            lines.append(event.start_mark.line + 1)
            if kind is _SCALAR and event.anchor is None and event.tag is None:
                out.append(scalar(event))  # the common case, without node()
            else:
                out.append(node(event))

    def mapping(self, start: Any) -> YMap:
        out = YMap()
        out.line = start.start_mark.line + 1
        key_lines: dict[str, int] = {}
        value_lines: dict[str, int] = {}
        out.key_lines, out.value_lines = key_lines, value_lines
        get, node, scalar = self.get, self.node, self.scalar
        while True:
            event = get()
            kind = type(event)
            if kind is _MAP_END:
                return out
            if kind is not _SCALAR:
                if kind is _ALIAS:
                    self.check(event)
                raise self.fail(event, "a key must be a plain word, not a list or mapping")
            if event.anchor is not None or event.tag is not None:
                self.check(event)
            key = event.value
            if key in out:
                raise self.fail(event, f"duplicate key '{key}' (first at line "
                                f"{key_lines[key]})")
            value_event = get()
            key_lines[key] = event.start_mark.line + 1
            value_lines[key] = value_event.start_mark.line + 1
            if (type(value_event) is _SCALAR and value_event.anchor is None
                    and value_event.tag is None):
                out[key] = scalar(value_event)  # the common case, without node()
            else:
                out[key] = node(value_event)

    def scalar(self, event: Any) -> Any:
        value = event.value
        if event.style or not value:  # quoted or block: always text
            return value if event.style else None
        first = value[0]
        if first not in _NOT_ONLY_TEXT:  # most values: words that cannot be anything else
            return value
        if first in "tf" and value in ("true", "false"):
            return value == "true"
        if value in ("~", "null"):
            return None
        if first in "0123456789+-.":
            if _INT.match(value):
                if len(value.lstrip("+-")) > MAX_DIGITS:
                    raise self.fail(event, f"a number of {len(value.lstrip('+-')):,} digits; "
                                    f"numbers in a story have at most {MAX_DIGITS}")
                return _number(YInt, value)
            if _FLOAT.match(value):
                if len(value) > MAX_DIGITS + 8:
                    raise self.fail(event, f"a number written with {len(value):,} characters; "
                                    "numbers in a story are short")
                return _number(YFloat, value)
        return value
