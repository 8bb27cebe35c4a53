"""Each story file's shape, read without pydantic when the file is well formed.

`schema` (pydantic) describes every file's shape once, for the JSON Schema and
for the error messages `shape_errors` words. Importing it costs about 0.1 s, and
its check about 10 µs a scene, which `validate` and a cold game start paid for
every file although almost every file is well formed. So the loader first reads
a file against the plain specs here. They build what pydantic would have built
from the same data: text as written (`title: 1984` is "1984"), whole numbers as
`int`, plain dicts and lists, defaults for what was left out; the builders read
the result by attribute, as they read a pydantic model.

At the first thing a spec does not accept (a missing key, an unknown one, a
type it does not expect) `read_shape` gives up and returns None, and the loader
asks pydantic, whose answer (a model or its errors) is then the only one used.
So a file is never accepted here that pydantic would refuse, and every error
message still comes from one place. `tests/engine/test_shapes.py` checks the
specs against schema's models field by field and the two readers against each
other on good and broken files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine.yamlread import YFloat, YInt

Convert = Callable[[Any], Any]


class _Off(Exception):
    """The data is not what a spec expects: let pydantic say why."""


_OFF = _Off()


class Shape:
    """What a file, or a mapping in it, holds, by attribute (like a pydantic model).
    Made by `Spec`, which hands it its finished attribute dict."""

    def __repr__(self) -> str:
        return f"Shape({self.__dict__!r})"


class Spec:
    """The keys one mapping accepts: YAML key -> (attribute, convert, default).

    `REQUIRED` as the default marks a key that must be there. `model` names the
    pydantic model in `schema` this spec stands for.
    """

    def __init__(self, model: str, fields: dict[str, tuple[str, Convert, Any]]) -> None:
        self.model = model
        self.fields = {key: (attr, convert) for key, (attr, convert, _d) in fields.items()}
        self.size = len(fields)
        self.required = frozenset(k for k, (_a, _c, d) in fields.items() if d is REQUIRED)
        # Every attribute at its default; a mapping's own values are laid over a copy.
        self.defaults = {attr: d for attr, _c, d in fields.values() if d is not REQUIRED}
        # An empty {} or [] default is made anew for each mapping, as pydantic does,
        # so no two files ever share one.
        self.fresh = tuple((attr, type(d)) for attr, d in self.defaults.items()
                           if isinstance(d, dict | list))

    def __call__(self, data: Any) -> Shape:
        # Runs for every scene and choice: a dict lookup, and a call only where a
        # value needs converting (text that is text, and `anything`, need none).
        if not isinstance(data, dict):
            raise _OFF
        values = self.defaults.copy()
        for attr, make in self.fresh:
            values[attr] = make()
        fields = self.fields
        try:
            for key, value in data.items():
                attr, convert = fields[key]
                if convert is text:
                    values[attr] = value if type(value) is str else text(value)
                elif convert is anything:
                    values[attr] = value
                else:
                    values[attr] = convert(value)
        except KeyError:
            raise _OFF from None  # an unknown key (or `if_`, which pydantic also takes)
        if len(values) != self.size:
            raise _OFF  # a required key is missing
        shape = Shape()
        shape.__dict__ = values  # the finished dict itself, not a copy of it
        return shape


REQUIRED: Any = object()


def read_shape(spec: Spec, data: Any) -> Shape | None:
    """`data` read against `spec`, or None when pydantic must look at it."""
    try:
        return spec(data)
    except _Off:
        return None


# -- the kinds of value -----------------------------------------------------------
# Each mirrors pydantic's strict mode with schema's `_as_text` before text.

def text(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return value  # type: ignore[no-any-return]
    if kind is YInt or kind is YFloat:
        return value.text  # type: ignore[no-any-return]
    if kind is bool:
        return "true" if value else "false"
    raise _OFF


def whole(value: Any) -> int:
    kind = type(value)
    if kind is YInt or kind is int:
        return int(value)
    raise _OFF


def boolean(value: Any) -> bool:
    if type(value) is bool:
        return value
    raise _OFF


def anything(value: Any) -> Any:
    return value


def one_of(*allowed: str) -> Convert:
    def convert(value: Any) -> str:
        if type(value) is str and value in allowed:
            return value
        raise _OFF
    return convert


def maybe(convert: Convert) -> Convert:
    def optional(value: Any) -> Any:
        return None if value is None else convert(value)
    return optional


def list_of(convert: Convert) -> Convert:
    def items(value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise _OFF
        return [convert(v) for v in value]
    return items


def dict_of(convert: Convert) -> Convert:
    def entries(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _OFF
        # Keys from yamlread are always text; strict pydantic wants exactly that.
        return {k: convert(v) for k, v in value.items()}
    return entries


FIDELITY = one_of("documented", "reported", "contested", "dramatized")


def _spec(model: str, **fields: tuple[Convert, Any]) -> Spec:
    """A spec from attribute=(convert, default); `if_` is written `if` in YAML."""
    return Spec(model, {name.rstrip("_") if name == "if_" else name: (name, conv, default)
                        for name, (conv, default) in fields.items()})


# -- story.yaml and sources.yaml ---------------------------------------------------------

CAPABILITY = _spec("CapabilityFile", name=(text, REQUIRED), default=(boolean, REQUIRED))
STORY = _spec("StoryFile", title=(text, REQUIRED), behaviours=(dict_of(text), {}),
              capabilities=(dict_of(CAPABILITY), {}))
SOURCE = _spec("SourceFile", title=(text, REQUIRED), outlet=(text, REQUIRED),
               date=(text, REQUIRED), url=(maybe(text), None))
SOURCES = _spec("SourcesFile", sources=(dict_of(SOURCE), {}))

# -- rulesets/*.yaml ---------------------------------------------------------------------

_TEXTS = list_of(text)
SCORE = _spec("ScoreFile", start=(whole, REQUIRED), min=(whole, 0), max=(maybe(whole), None))
TIER = _spec("TierFile", id=(text, REQUIRED), min=(whole, REQUIRED), label=(text, REQUIRED))
LIST = _spec("ListFile", name=(text, REQUIRED))
RULE = _spec("RuleFile", id=(text, REQUIRED), on=(text, REQUIRED), delta=(whole, 0),
             if_=(maybe(text), None), add_to=(maybe(text), None),
             remove_from=(maybe(text), None), reason=(text, REQUIRED),
             seen_by=(text, REQUIRED), fidelity=(FIDELITY, REQUIRED), sources=(_TEXTS, []))
CONSEQUENCE = _spec("ConsequenceFile", id=(text, REQUIRED),
                    kind=(one_of("restriction", "privilege"), REQUIRED),
                    when=(text, REQUIRED), blocks=(maybe(_TEXTS), None),
                    grants=(maybe(_TEXTS), None), notice=(text, ""), explain=(text, REQUIRED),
                    fidelity=(FIDELITY, REQUIRED), sources=(_TEXTS, []))
RULESET = _spec("RulesetFile", ruleset=(text, REQUIRED), name=(text, REQUIRED),
                summary=(text, ""), fidelity=(FIDELITY, REQUIRED), sources=(_TEXTS, []),
                notice=(text, ""), includes=(maybe(_TEXTS), None),
                score=(maybe(SCORE), None), tiers=(maybe(list_of(TIER)), None),
                lists=(dict_of(LIST), {}), rules=(list_of(RULE), []),
                consequences=(list_of(CONSEQUENCE), []))

# -- scenarios/*.yaml --------------------------------------------------------------------

_VALUES = maybe(dict_of(anything))
_ADDS = maybe(dict_of(whole))
FACT = _spec("FactFile", text=(text, REQUIRED), sources=(_TEXTS, []))
INSTEAD = _spec("InsteadFile", text=(text, REQUIRED), goto=(anything, REQUIRED),
                observe=(anything, None), set=(_VALUES, None), add=(_ADDS, None))
CHOICE = _spec("ChoiceFile", text=(text, REQUIRED), goto=(anything, REQUIRED),
               if_=(maybe(text), None), requires=(anything, None), observe=(anything, None),
               set=(_VALUES, None), add=(_ADDS, None), instead=(maybe(INSTEAD), None))
SCENE = _spec("SceneFile", text=(anything, REQUIRED), choices=(maybe(list_of(CHOICE)), None),
              goto=(anything, None), ending=(maybe(text), None), observe=(anything, None),
              set=(_VALUES, None), add=(_ADDS, None), discuss=(maybe(text), None),
              facts=(maybe(list_of(FACT)), None), image=(maybe(text), None))
SCENARIO = _spec("ScenarioFile", scenario=(text, REQUIRED), title=(text, REQUIRED),
                 role=(text, ""), blurb=(text, ""), ruleset=(text, REQUIRED),
                 start=(text, REQUIRED), vars=(dict_of(anything), {}),
                 scenes=(dict_of(SCENE), REQUIRED), minutes=(maybe(whole), None),
                 short_of=(maybe(text), None))
