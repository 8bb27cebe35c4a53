"""Build `Scenario` objects from checked scenario files, with folder-wide checks.

Scene ids, `goto` targets, behaviours observed, capabilities required,
variables (declared before use, keeping their type), `if` expressions in the
scenario's scope, `{name}` templates, fact sources and image files. Version 2:
branching `goto` lists, `instead` on a choice with `requires`, and scene text
as a list of paragraphs with conditions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine import expr as E
from game.engine.build_rules import Place, RulesetBuilder, unknown
from game.engine.model import (
    Branch,
    Choice,
    Fact,
    Goto,
    Instead,
    Observation,
    Paragraph,
    Scenario,
    Scene,
    SceneText,
    Value,
)
from game.engine.text import Template, TemplateError, parse_template, plain
from game.rules.model import Where

if TYPE_CHECKING:
    from game.engine.load import Catalog, Folder

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
BUILT_IN = {"score": E.INT, "tier": E.STR, "scored": E.BOOL}
RESERVED_V2 = "scored"  # a built-in from version 2: a version 1 variable of that name wins
TEXT_NAMES = ("score", "tier", "tier_label")


def _scalar(value: Any) -> bool:
    """A number or boolean where text was asked: read as written (`goto: 2024`)."""
    return isinstance(value, int | float)


def _has_braces(text: str) -> bool:
    return "{" in text or "}" in text


def _words(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "text", value))


def _type(value: Any) -> str | None:
    if isinstance(value, bool):
        return E.BOOL
    if isinstance(value, int):
        return E.INT
    if isinstance(value, str):
        return E.STR
    return None


def _argument_check(catalog: Catalog, rulesets: RulesetBuilder,
                    scenes: set[str]) -> Callable[[str, str], str | None]:
    """What is wrong with the argument of can(), on_list(), count() or visited(), if anything."""
    def check(func: str, arg: str) -> str | None:
        if func == "can" and arg not in catalog.capabilities:
            return unknown("capability", arg, catalog.capabilities)
        if func == "on_list" and arg not in rulesets.lists:
            return unknown("list", arg, rulesets.lists) + " in any ruleset"
        if func == "count" and arg not in catalog.behaviours:
            return unknown("behaviour", arg, catalog.behaviours)
        if func == "visited" and arg not in scenes:
            return unknown("scene", arg, scenes) + " in this scenario"
        return None
    return check


class _ScenarioPlace(Place):
    """A Place that also knows the scenario's variables, scenes and scope."""

    def __init__(self, folder: Folder, path: Path, data: Any, builder: ScenarioBuilder,
                 parsed: Any) -> None:
        super().__init__(folder, path, data)
        self.catalog = builder.catalog
        self.rulesets = builder.rulesets
        self.scenes = set(parsed.scenes)
        self.vars: dict[str, Value] = {}
        self.var_types: dict[str, str] = {}
        names = dict(BUILT_IN)
        builtin = frozenset(BUILT_IN)
        for name, value in parsed.vars.items():
            t = _type(value)
            if t is None:
                self.error(("vars", name), f"variable '{name}' must start as a whole number, "
                           f"true/false or text; found {type(value).__name__}")
                continue
            if name == RESERVED_V2:
                self.warn(("vars", name), f"'{name}' is a built-in name from story format 2 "
                          "(true when the ruleset keeps a score); this scenario's variable "
                          "keeps the name and hides the built-in: rename it to use both")
                builtin = builtin - {name}
            elif name in BUILT_IN or name == "tier_label":
                self.error(("vars", name), f"'{name}' is a built-in name; pick another",
                           key=True)
                continue
            self.vars[name] = int(value) if t == E.INT else value
            self.var_types[name] = t
            names[name] = t
        # The argument check must not hold this place: a place holds the file's
        # data, and a cycle through it would keep the data alive after loading
        # (loading runs with the cyclic collector off, then freezes what is left).
        self.scope = E.Scope(names, frozenset(E.FUNCTIONS),
                             _argument_check(self.catalog, self.rulesets, self.scenes),
                             "in scenarios", builtin)

    def template(self, keys: tuple[Any, ...], source: str) -> Template:
        if not _has_braces(source):
            return plain(source)

        def known(name: str) -> str | None:
            if name in self.var_types or name in TEXT_NAMES:
                return None
            near = E.nearest(name, list(self.var_types) + list(TEXT_NAMES))
            hint = f" (did you mean '{{{near}}}'?)" if near else ""
            return (f"unknown name '{{{name}}}' in text{hint}; declare it in vars, or write "
                    "{{ and }} for literal braces")
        try:
            return parse_template(source, known)
        except TemplateError as exc:
            self.error_in(keys, source, exc.offset, exc.message)
            return parse_template(source.replace("{", "{{").replace("}", "}}"),
                                  lambda _n: None)


class ScenarioBuilder:
    """Collects scenarios across files; `built` holds the ones without errors."""

    def __init__(self, folder: Folder, catalog: Catalog, rulesets: RulesetBuilder) -> None:
        self.folder = folder
        self.catalog = catalog
        self.rulesets = rulesets
        self.built: dict[str, Scenario] = {}
        self.first_at: dict[str, str] = {}
        # Where each built scenario names the full one it is a short path of: the
        # file's data is not kept after it is built (it is most of loading's memory).
        self.short_of_at: dict[str, Where] = {}
        self._always: dict[str, tuple[Observation, ...]] = {}

    def add(self, path: Path, parsed: Any, data: Any) -> None:
        from game.engine.load import SIMPLE_ID, bad_id

        if parsed is None:
            return
        place = _ScenarioPlace(self.folder, path, data, self, parsed)
        before = len(self.folder.problems)
        sid = parsed.scenario
        if sid in self.first_at:
            place.error(("scenario",), f"duplicate scenario id '{sid}' "
                        f"(also in {self.first_at[sid]})")
        self.first_at.setdefault(sid, place.shown)
        if not SIMPLE_ID.match(sid):
            place.error(("scenario",), bad_id("scenario", sid, "simple"))
        if parsed.ruleset not in self.rulesets.ids:
            place.error(("ruleset",), unknown("ruleset", parsed.ruleset, self.rulesets.ids))
        if parsed.start not in parsed.scenes:
            place.error(("start",), unknown("scene", parsed.start, parsed.scenes)
                        + " to start from")
        scenes = {}
        for scene_id, scene in parsed.scenes.items():
            if not SIMPLE_ID.match(scene_id):
                place.error(("scenes", scene_id), bad_id("scene", scene_id, "simple"), key=True)
            scenes[scene_id] = self._scene(place, scene_id, scene)
        if any(p.level == "error" for p in self.folder.problems[before:]):
            return
        if parsed.short_of is not None:
            self.short_of_at[sid] = place.where("short_of")
        self.built[sid] = Scenario(
            id=sid, title=parsed.title, ruleset=parsed.ruleset, start=parsed.start,
            scenes=scenes, vars=place.vars, role=parsed.role, blurb=parsed.blurb,
            minutes=parsed.minutes, short_of=parsed.short_of, where=place.where("scenario"))

    def check_short_paths(self) -> None:
        for sid, scenario in self.built.items():
            if scenario.short_of is not None and scenario.short_of not in self.first_at:
                at = self.short_of_at[sid]
                self.folder.error(at.path, at.line, unknown("scenario", scenario.short_of,
                                                            self.first_at))

    # -- scenes and choices ---------------------------------------------------------
    def _scene(self, place: _ScenarioPlace, sid: str, s: Any) -> Scene:
        keys = ("scenes", sid)
        exits = [k for k, v in (("choices", s.choices), ("goto", s.goto), ("ending", s.ending))
                 if v is not None]
        if len(exits) != 1:
            found = ", ".join(exits) if exits else "none of them"
            place.error(keys, f"scene '{sid}' needs exactly one of choices, goto or ending; "
                        f"found {found}", key=True)
        if s.choices is not None and not s.choices:
            place.error(keys + ("choices",), f"scene '{sid}' has an empty choices list")
        goto = None if s.goto is None else self._goto(place, keys + ("goto",), s.goto)
        choices = tuple(self._choice(place, keys + ("choices", i), i + 1, c)
                        for i, c in enumerate(s.choices or ()))
        text = s.text
        # As in _choice: what is left out costs nothing (this runs for every scene).
        return Scene(
            id=sid, text=plain(text) if type(text) is str and not _has_braces(text)
            else self._text(place, keys + ("text",), text),
            choices=choices, goto=goto, ending=None if s.ending is None else place.template(
                keys + ("ending",), s.ending),
            observe=() if s.observe is None else self._observe(place, keys + ("observe",),
                                                               s.observe),
            set=() if s.set is None else self._set(place, keys + ("set",), s.set),
            add=() if s.add is None else self._add(place, keys + ("add",), s.add),
            discuss=None if s.discuss is None else place.template(keys + ("discuss",),
                                                                  s.discuss),
            facts=() if s.facts is None else self._facts(place, keys + ("facts",), s.facts),
            image=None if s.image is None else self._image(place, keys + ("image",), s.image),
            where=Where(place.shown, place.data["scenes"].key_lines[sid]))

    def _choice(self, place: _ScenarioPlace, keys: tuple[Any, ...], position: int,
                c: Any) -> Choice:
        # This runs once per choice of every scenario, so the common cases (a goto to
        # a known scene, text without names, nothing optional) skip the general paths,
        # and each optional part is built only when present.
        goto = c.goto
        if type(goto) is not str or goto not in place.scenes:
            goto = self._goto(place, keys + ("goto",), goto)
        cond = (place.expression(keys + ("if",), c.if_, place.scope)
                if c.if_ is not None else None)
        text = c.text
        return Choice(position=position,
                      text=place.template(keys + ("text",), text) if _has_braces(text)
                      else plain(text),
                      goto=goto, cond=cond,
                      requires=() if c.requires is None else self._requires(
                          place, keys + ("requires",), c.requires),
                      observe=() if c.observe is None else self._observe(
                          place, keys + ("observe",), c.observe),
                      set=() if c.set is None else self._set(place, keys + ("set",), c.set),
                      add=() if c.add is None else self._add(place, keys + ("add",), c.add),
                      instead=None if c.instead is None else self._instead(
                          place, keys, c))

    def _instead(self, place: _ScenarioPlace, keys: tuple[Any, ...], c: Any) -> Instead | None:
        """`instead`: allowed only on a choice with `requires`."""
        i = c.instead
        at = keys + ("instead",)
        if c.requires is None:
            place.error(at, "`instead` says what happens when a closed choice is tried, so "
                        "it needs `requires` on the same choice", key=True)
        return Instead(text=place.template(at + ("text",), i.text),
                       goto=self._goto(place, at + ("goto",), i.goto),
                       observe=self._observe(place, at + ("observe",), i.observe),
                       set=self._set(place, at + ("set",), i.set),
                       add=self._add(place, at + ("add",), i.add))

    def _goto(self, place: _ScenarioPlace, keys: tuple[Any, ...], value: Any) -> Goto:
        """A scene id, or a list of {if, to} entries (the last without `if`)."""
        if isinstance(value, str) or _scalar(value):
            target = _words(value)
            if target not in place.scenes:
                place.error(keys, unknown("scene", target, place.scenes) + " in this scenario")
            return target
        if not isinstance(value, list):
            place.error(keys, "goto should be a scene id, or a list of {if, to} entries "
                        "(the last one without `if`)")
            return ""
        if not value:
            place.error(keys, "goto is an empty list: give at least one entry, the last "
                        "one `{to: scene}` with no `if`")
            return ""
        return tuple(self._branch(place, keys + (i,), item, i == len(value) - 1)
                     for i, item in enumerate(value))

    def _branch(self, place: _ScenarioPlace, keys: tuple[Any, ...], item: Any,
                last: bool) -> Branch:
        if not isinstance(item, dict):
            place.error(keys, "each goto entry should be a mapping {if: condition, to: scene}")
            return Branch(None, "")
        for key in sorted(set(item) - {"if", "to"}, key=str):
            near = E.nearest(str(key), ["if", "to"])
            hint = f" (did you mean '{near}'?)" if near else ""
            place.error(keys + (key,), f"unknown key '{key}' in a goto entry{hint}", key=True)
        to = item.get("to")
        if _scalar(to):
            to = _words(to)  # `to: 2024` names the scene "2024"
        if not isinstance(to, str):
            place.error(keys, "a goto entry needs `to: <scene>`")
            to = ""
        elif to not in place.scenes:
            place.error(keys + ("to",), unknown("scene", to, place.scenes) + " in this scenario")
        source = item.get("if")
        if _scalar(source):
            source = _words(source)  # `if: true` reads as the condition true, as elsewhere
        cond = None
        if source is not None and not isinstance(source, str):
            place.error(keys + ("if",), "the goto entry's `if` should be a condition in quotes")
        elif source is not None:
            cond = place.expression(keys + ("if",), source, place.scope)
        if last and "if" in item:
            place.error(keys + ("if",), "the last goto entry must have no `if`: it is taken "
                        "when no condition above it holds", key=True)
        elif not last and "if" not in item:
            place.error(keys, "only the last goto entry may leave out `if`: the entries "
                        "after this one could never be taken")
        return Branch(cond, to)

    def _text(self, place: _ScenarioPlace, keys: tuple[Any, ...], value: Any) -> SceneText:
        """Scene text: a string, or a list of paragraphs (text or {if, text})."""
        if isinstance(value, str) or _scalar(value):
            return place.template(keys, _words(value))
        if not isinstance(value, list):
            place.error(keys, "text should be text, or a list of paragraphs (each text or "
                        "{if: condition, text: ...})")
            return ()
        out = []
        for i, item in enumerate(value):
            at = keys + (i,)
            if isinstance(item, str) or _scalar(item):
                out.append(Paragraph(None, place.template(at, _words(item))))
                continue
            if not isinstance(item, dict):
                place.error(at, "a paragraph should be text or {if: condition, text: ...}")
                continue
            for key in sorted(set(item) - {"if", "text"}, key=str):
                near = E.nearest(str(key), ["if", "text"])
                hint = f" (did you mean '{near}'?)" if near else ""
                place.error(at + (key,), f"unknown key '{key}' in a paragraph{hint}", key=True)
            text, source = (_words(v) if _scalar(v) else v
                             for v in (item.get("text"), item.get("if")))
            if not isinstance(text, str):
                place.error(at, "a paragraph with `if` needs `text: ...`")
                continue
            if not isinstance(source, str):
                place.error(at, "a paragraph given as a mapping needs `if: condition` "
                            "(write plain text for a paragraph always shown)")
                continue
            cond = place.expression(at + ("if",), source, place.scope)
            out.append(Paragraph(cond, place.template(at + ("text",), text)))
        return tuple(out)

    def _requires(self, place: _ScenarioPlace, keys: tuple[Any, ...],
                  value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            place.error(keys, "requires should be a capability id or a list of them")
            return ()
        for i, cap in enumerate(items):
            if cap not in self.catalog.capabilities:
                sub = keys if isinstance(value, str) else keys + (i,)
                place.error(sub, unknown("capability", cap, self.catalog.capabilities)
                            + " (capabilities are declared in story.yaml)")
        return tuple(items)

    def _observe(self, place: _ScenarioPlace, keys: tuple[Any, ...],
                 value: Any) -> tuple[Observation, ...]:
        if value is None:
            return ()
        if type(value) is str and value in self.catalog.behaviours:
            # The common case, one known behaviour always seen: one shared tuple each.
            found = self._always.get(value)
            if found is None:
                found = self._always[value] = (Observation(value, 1.0, None),)
            return found
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            sub = keys + (i,) if isinstance(value, list) else keys
            obs = self._observation(place, sub, item)
            if obs is not None:
                out.append(obs)
        return tuple(out)

    def _observation(self, place: _ScenarioPlace, keys: tuple[Any, ...],
                     item: Any) -> Observation | None:
        behaviour: Any
        seen_by: str | None
        if isinstance(item, str):
            behaviour, chance, seen_by = item, 1.0, None
        elif isinstance(item, dict):
            extra = set(item) - {"behaviour", "chance", "seen_by"}
            for key in sorted(extra):
                near = E.nearest(key, ["behaviour", "chance", "seen_by"])
                hint = f" (did you mean '{near}'?)" if near else ""
                place.error(keys + (key,), f"unknown key '{key}' in observe{hint}", key=True)
            behaviour = item.get("behaviour")
            chance = item.get("chance", 1.0)
            seen_by = item.get("seen_by")
            if not isinstance(behaviour, str):
                place.error(keys, "observe needs `behaviour: <id>`")
                return None
            if isinstance(chance, bool) or not isinstance(chance, int | float) or not (
                    0.0 <= chance <= 1.0):
                place.error(keys + ("chance",), "chance should be a number from 0 to 1, like "
                            f"0.5; found {chance!r}")
                chance = 1.0
            if seen_by is not None and not isinstance(seen_by, str):
                place.error(keys + ("seen_by",), "seen_by should be text")
                seen_by = None
        else:
            place.error(keys, "observe should be a behaviour id, a mapping {behaviour, "
                        "chance, seen_by}, or a list of these")
            return None
        if behaviour not in self.catalog.behaviours:
            place.error(keys, unknown("behaviour", behaviour, self.catalog.behaviours)
                        + " (behaviours are declared in story.yaml)")
        return Observation(behaviour, float(chance), seen_by)

    def _set(self, place: _ScenarioPlace, keys: tuple[Any, ...],
             value: dict[str, Any] | None) -> tuple[tuple[str, Value], ...]:
        out = []
        for name, literal in (value or {}).items():
            if not self._declared(place, keys + (name,), name):
                continue
            want, got = place.var_types[name], _type(literal)
            if got != want:
                place.error(keys + (name,), f"'{name}' holds {E.TYPE_WORDS[want]}; "
                            f"cannot set it to {E.TYPE_WORDS.get(got or '', repr(literal))}")
                continue
            out.append((name, int(literal) if want == E.INT else literal))
        return tuple(out)

    def _add(self, place: _ScenarioPlace, keys: tuple[Any, ...],
             value: dict[str, int] | None) -> tuple[tuple[str, int], ...]:
        out = []
        for name, amount in (value or {}).items():
            if not self._declared(place, keys + (name,), name):
                continue
            if place.var_types[name] != E.INT:
                place.error(keys + (name,), f"'{name}' holds {E.TYPE_WORDS[place.var_types[name]]}"
                            "; add works only on whole numbers")
                continue
            out.append((name, int(amount)))
        return tuple(out)

    def _declared(self, place: _ScenarioPlace, keys: tuple[Any, ...], name: str) -> bool:
        if name in place.var_types:
            return True
        place.error(keys, unknown("variable", name, place.var_types)
                    + ": declare it in the scenario's vars first", key=True)
        return False

    def _facts(self, place: _ScenarioPlace, keys: tuple[Any, ...],
               facts: Any) -> tuple[Fact, ...]:
        return tuple(Fact(f.text, place.sources(keys + (i,), list(f.sources), None,
                                                self.catalog))
                     for i, f in enumerate(facts or ()))

    def _image(self, place: _ScenarioPlace, keys: tuple[Any, ...],
               name: str | None) -> str | None:
        if name is None:
            return None
        path = self.folder.root / "images" / name
        if Path(name).suffix.lower() not in IMAGE_SUFFIXES:
            place.error(keys, f"image '{name}' should be a PNG, JPEG or SVG file")
        elif "/" in name or "\\" in name or not path.is_file():
            place.error(keys, f"no image file '{name}' in the story's images/ folder")
        return name
