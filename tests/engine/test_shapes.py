"""The plain shape specs (`game.engine.shapes`) against schema's pydantic models.

The loader trusts a spec's answer instead of pydantic's, so the two must agree:
field for field, on every story file the project ships, and on broken copies of
them. A spec may give up where pydantic accepts (pydantic then decides), never
the other way round.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from game.engine import schema, shapes
from game.engine.yamlread import YInt, read_yaml_bytes, read_yaml_file
from game.paths import bundled_story

ROOT = Path(__file__).resolve().parents[2]
SPECS = {"story.yaml": shapes.STORY, "sources.yaml": shapes.SOURCES,
         "rulesets": shapes.RULESET, "scenarios": shapes.SCENARIO}


def _spec_for(path: Path) -> shapes.Spec:
    return SPECS.get(path.name) or SPECS[path.parent.name]


def _story_files() -> list[Path]:
    folders = [bundled_story()] + [p.parent for p in ROOT.glob("tests/**/story.yaml")]
    return sorted(f for folder in folders for f in folder.rglob("*.y*ml")
                  if f.name in SPECS or f.parent.name in ("rulesets", "scenarios"))


def _plain(value: Any) -> Any:
    """A shape or a model as plain data, keeping the type of every leaf."""
    if isinstance(value, shapes.Shape):
        return {k: _plain(v) for k, v in vars(value).items()}
    if isinstance(value, BaseModel):
        return {k: _plain(getattr(value, k)) for k in type(value).model_fields}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return (type(value), value)


def _agree(spec: shapes.Spec, data: Any) -> bool:
    """Assert the spec never accepts what pydantic refuses, and builds what it builds.
    True when the spec accepted."""
    model = getattr(schema, spec.model)
    shape = shapes.read_shape(spec, data)
    try:
        parsed = model.model_validate(data)
    except ValidationError:
        assert shape is None, "the spec accepted a file pydantic refuses"
        return False
    if shape is not None:
        assert _plain(shape) == _plain(parsed)
    return shape is not None


def _nested_specs() -> list[shapes.Spec]:
    return [v for v in vars(shapes).values() if isinstance(v, shapes.Spec)]


@pytest.mark.parametrize("spec", _nested_specs(), ids=lambda s: s.model)
def test_each_spec_has_the_keys_and_defaults_of_its_model(spec: shapes.Spec) -> None:
    model = getattr(schema, spec.model)
    keys = {f.alias or name: name for name, f in model.model_fields.items()}
    assert {k: attr for k, (attr, _c) in spec.fields.items()} == keys
    required = {f.alias or name for name, f in model.model_fields.items() if f.is_required()}
    assert spec.required == required
    defaults = {name: f.default for name, f in model.model_fields.items()
                if not f.is_required()}
    assert spec.defaults == defaults


def test_every_shipped_story_file_reads_the_same_both_ways() -> None:
    files = _story_files()
    assert len(files) > 20  # the bundled story, the fixtures and the test stories
    for path in files:
        assert _agree(_spec_for(path), read_yaml_file(path)), path


SLIPS = [None, True, False, 7, 2.5, "word", [], {}, ["a"], {"x": 1}, [{"x": 1}]]
# Mappings whose keys are ids, not field names: any of their keys stands for all.
BY_ID = {"scenes", "sources", "behaviours", "capabilities", "lists", "vars", "set", "add"}


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every key and list item in `data`."""
    out = []
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        out.append(path + (key,))
        if isinstance(value, dict | list):
            out += _places(value, path + (key,))
    return out


def _kind(path: tuple[Any, ...]) -> tuple[Any, ...]:
    """A path with list positions and ids left out: one per field of the format."""
    return tuple("#" if isinstance(p, int) else "*" if i and path[i - 1] in BY_ID else p
                 for i, p in enumerate(path))


def _changed(raw: bytes, path: tuple[Any, ...], how: Any) -> Any:
    copy = read_yaml_bytes(raw, "copy")
    node = copy
    for part in path[:-1]:
        node = node[part]
    if how == "delete":
        del node[path[-1]]
    elif how in ("extra", "if_"):
        if not isinstance(node, dict):
            return None
        node[how] = "n > 1"
    else:
        node[path[-1]] = how
    return copy


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_every_field_broken_every_way_is_never_accepted_where_pydantic_refuses(
        kind: str) -> None:
    # One occurrence of each field of the format, in the shipped files, is deleted,
    # given each kind of wrong value, or joined by a key the format does not have.
    files = [f for f in _story_files() if kind in (f.name, f.parent.name)]
    seen: set[tuple[Any, ...]] = set()
    accepted = refused = 0
    for path in files:
        raw = path.read_bytes()
        for place in _places(read_yaml_file(path)):
            if _kind(place) in seen:
                continue
            seen.add(_kind(place))
            for how in ["delete", "extra", "if_", *SLIPS]:
                data = _changed(raw, place, how)
                if data is None:
                    continue
                if _agree(_spec_for(path), data):
                    accepted += 1
                else:
                    refused += 1
    assert accepted and refused  # both ways were really tried


def test_text_fields_keep_numbers_as_written_and_counts_become_plain_ints() -> None:
    data = read_yaml_bytes(b"scenario: s\ntitle: 1984\nruleset: r\nstart: 007\n"
                           b"vars: {n: 3}\nminutes: 12\n"
                           b"scenes: {a: {text: hi, ending: yes, add: {n: 2}}}\n", "x")
    shape = shapes.read_shape(shapes.SCENARIO, data)
    assert shape is not None
    assert (shape.title, shape.start, shape.scenes["a"].ending) == ("1984", "007", "yes")
    assert type(shape.minutes) is int and type(shape.scenes["a"].add["n"]) is int
    assert type(shape.vars["n"]) is YInt  # a starting value keeps how it was written
    assert _agree(shapes.SCENARIO, data)


def test_left_out_lists_are_never_shared_between_files() -> None:
    one = shapes.read_shape(shapes.SOURCES, read_yaml_bytes(b"{}\n", "a"))
    two = shapes.read_shape(shapes.SOURCES, read_yaml_bytes(b"{}\n", "b"))
    assert one is not None and two is not None
    assert one.sources == {} and one.sources is not two.sources


def test_a_well_formed_story_loads_without_importing_pydantic(tmp_path: Path) -> None:
    # pydantic costs about a tenth of a second to import: only a file with a shape
    # problem needs it, to word the error.
    broken = tmp_path / "story"
    import shutil

    shutil.copytree(bundled_story(), broken)
    story = broken / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8") + "titel: typo\n", encoding="utf-8")
    probe = ("import sys; from game.engine.load import load_with_problems; "
             "s, p = load_with_problems(sys.argv[1]); "
             "print(s is not None, 'pydantic' in sys.modules, p[0] if p else '')")
    out = {}
    for name, folder in (("good", bundled_story()), ("broken", broken)):
        result = subprocess.run([sys.executable, "-c", probe, str(folder)], check=True,
                                capture_output=True, text=True, env={"ROAM_FREELY_NO_CACHE": "1",
                                                                     "PATH": ""})
        out[name] = result.stdout.strip()
    assert out["good"] == "True False"
    assert out["broken"].startswith("False True ")
    assert "unknown key 'titel'" in out["broken"] and "did you mean 'title'" in out["broken"]
