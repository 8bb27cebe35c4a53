"""Pydantic's shape errors, worded for authors: what was expected, what was found,
at which line, and the nearest known key for a typo.

Only a file whose shape is wrong comes here (see `shapes`), so pydantic is
imported only then.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from game.engine.expr import nearest
from game.engine.problems import Problem, describe, line_of

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
