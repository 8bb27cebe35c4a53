"""The shape of each story file, as strict pydantic models: one source for
validation and for the JSON Schema that `schema` prints for editors.

These models check shape only (keys, types, required fields). Everything that
needs the whole folder (ids, references, expressions, fidelity and sources) is
checked by `game.engine.load` when it builds the engine's frozen objects.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

FIDELITIES = ("documented", "reported", "contested", "dramatized")


def _as_text(value: Any) -> Any:
    # Where the format asks for text, a plain scalar is its text as written:
    # `title: 1984` and `date: 2018` are text, not numbers.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return getattr(value, "text", str(value))
    return value


Text = Annotated[str, BeforeValidator(_as_text)]
Fidelity = Literal["documented", "reported", "contested", "dramatized"]
Scalar = Annotated[Any, Field(json_schema_extra={"type": ["integer", "boolean", "string"]})]
Observe = Annotated[Any, Field(json_schema_extra={
    "description": "a behaviour id, {behaviour, chance, seen_by}, or a list of either"})]
# Checked by hand in build_scenes (pydantic's union errors would read badly).
Goto = Annotated[Any, Field(json_schema_extra={
    "description": "a scene id, or a list of {if, to} entries: the first whose `if` holds "
                   "is taken; only the last has no `if`",
    "anyOf": [{"type": "string"}, {"type": "array", "items": {
        "type": "object", "properties": {"if": {"type": "string"}, "to": {"type": "string"}},
        "required": ["to"], "additionalProperties": False}}]})]
SceneText = Annotated[Any, Field(json_schema_extra={
    "description": "text, or a list of paragraphs: each text or {if, text}",
    "anyOf": [{"type": "string"}, {"type": "array", "items": {"anyOf": [
        {"type": "string"}, {"type": "object", "properties": {
            "if": {"type": "string"}, "text": {"type": "string"}},
            "required": ["if", "text"], "additionalProperties": False}]}}]})]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=True)


# -- story.yaml and sources.yaml -------------------------------------------------

class CapabilityFile(_Strict):
    name: Text
    default: bool


class StoryFile(_Strict):
    title: Text
    behaviours: dict[str, Text] = {}
    capabilities: dict[str, CapabilityFile] = {}


class SourceFile(_Strict):
    title: Text
    outlet: Text
    date: Text
    url: Text | None = None


class SourcesFile(_Strict):
    sources: dict[str, SourceFile] = {}


# -- rulesets/*.yaml ----------------------------------------------------------------

class ScoreFile(_Strict):
    start: int
    min: int = 0
    max: int | None = None


class TierFile(_Strict):
    id: Text
    min: int
    label: Text


class ListFile(_Strict):
    name: Text


class RuleFile(_Strict):
    id: Text
    on: Text
    delta: int = 0
    if_: Text | None = Field(default=None, alias="if")
    add_to: Text | None = None
    remove_from: Text | None = None
    reason: Text
    seen_by: Text
    fidelity: Fidelity
    sources: list[Text] = []


class ConsequenceFile(_Strict):
    id: Text
    kind: Literal["restriction", "privilege"]
    when: Text
    blocks: list[Text] | None = None
    grants: list[Text] | None = None
    notice: Text = ""
    explain: Text
    fidelity: Fidelity
    sources: list[Text] = []


class RulesetFile(_Strict):
    ruleset: Text
    name: Text
    summary: Text = ""
    fidelity: Fidelity
    sources: list[Text] = []
    notice: Text = ""
    includes: list[Text] | None = None  # version 2: layers that keep no score
    score: ScoreFile | None = None  # version 2: score and tiers both left out: no score
    tiers: list[TierFile] | None = None
    lists: dict[str, ListFile] = {}
    rules: list[RuleFile] = []
    consequences: list[ConsequenceFile] = []


# -- scenarios/*.yaml ---------------------------------------------------------------

class FactFile(_Strict):
    text: Text
    sources: list[Text] = []


class InsteadFile(_Strict):
    text: Text
    goto: Goto
    observe: Observe = None
    set: dict[str, Scalar] | None = None
    add: dict[str, int] | None = None


class ChoiceFile(_Strict):
    text: Text
    goto: Goto
    if_: Text | None = Field(default=None, alias="if")
    requires: Annotated[Any, Field(json_schema_extra={
        "description": "one capability id or a list of them"})] = None
    observe: Observe = None
    set: dict[str, Scalar] | None = None
    add: dict[str, int] | None = None
    instead: InsteadFile | None = None  # version 2: what trying it while closed does


class SceneFile(_Strict):
    text: SceneText
    choices: list[ChoiceFile] | None = None
    goto: Goto = None
    ending: Text | None = None
    observe: Observe = None
    set: dict[str, Scalar] | None = None
    add: dict[str, int] | None = None
    discuss: Text | None = None
    facts: list[FactFile] | None = None
    image: Text | None = None


class ScenarioFile(_Strict):
    scenario: Text
    title: Text
    role: Text = ""
    blurb: Text = ""
    ruleset: Text
    start: Text
    vars: dict[str, Scalar] = {}
    scenes: dict[str, SceneFile]
    # Extensions (optional; see docs/story-format.md): play time for the scenario
    # card, and the full scenario this one is the short kiosk path of.
    minutes: int | None = None
    short_of: Text | None = None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of every kind of story file, for editors."""
    kinds: dict[str, type[BaseModel]] = {
        "story": StoryFile, "sources": SourcesFile, "ruleset": RulesetFile,
        "scenario": ScenarioFile}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Roam Freely story format, version 2",
        "description": "scenarios/*.yaml match 'scenario', rulesets/*.yaml 'ruleset', "
                       "story.yaml 'story', sources.yaml 'sources'.",
        "files": {name: model.model_json_schema(by_alias=True) for name, model in kinds.items()},
    }
