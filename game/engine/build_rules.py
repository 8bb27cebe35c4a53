"""Build `Ruleset` objects from checked ruleset files, with folder-wide checks.

Ids and their uniqueness, behaviours and capabilities named, lists, tiers in
order, expressions (`if`, `when`) parsed in the ruleset's scope, and fidelity
with its sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine import expr as E
from game.engine.expr import ExprError, Scope, nearest
from game.engine.problems import line_of
from game.rules.model import (
    Consequence,
    Fidelity,
    Rule,
    Ruleset,
    ScoreRange,
    Source,
    Tier,
    Where,
)

if TYPE_CHECKING:
    from game.engine.load import Catalog, Folder


def unknown(kind: str, value: str, known: Any) -> str:
    near = nearest(value, known)
    return f"unknown {kind} '{value}'" + (f" (did you mean '{near}'?)" if near else "")


class Place:
    """Reports problems at lines of one file's data."""

    def __init__(self, folder: Folder, path: Path, data: Any) -> None:
        self.folder = folder
        self.shown = folder.shown(path)
        self.data = data

    def line(self, *keys: Any, key: bool = False) -> int:
        return line_of(self.data, keys, key_line=key)

    def error(self, keys: tuple[Any, ...], message: str, key: bool = False) -> None:
        self.folder.error(self.shown, self.line(*keys, key=key), message)

    def warn(self, keys: tuple[Any, ...], message: str) -> None:
        self.folder.warn(self.shown, self.line(*keys), message)

    def where(self, *keys: Any) -> Where:
        return Where(self.shown, self.line(*keys))

    def sources(self, keys: tuple[Any, ...], ids: list[str], fidelity: str | None,
                catalog: Catalog) -> tuple[Source, ...]:
        """Resolve source ids; fidelity other than dramatized needs at least one."""
        out = []
        for i, sid in enumerate(ids):
            if sid in catalog.sources:
                out.append(catalog.sources[sid])
            else:
                self.error(keys + ("sources", i), unknown("source", sid, catalog.sources)
                           + " (sources are declared in sources.yaml)")
        if fidelity is not None and fidelity != "dramatized" and not ids:
            self.error(keys + ("fidelity",), f"fidelity '{fidelity}' needs sources: add "
                       "`sources: [...]` naming entries of sources.yaml, or label it "
                       "dramatized")
        return tuple(out)

    def expression(self, keys: tuple[Any, ...], source: str, scope: Scope) -> E.Expr | None:
        try:
            return E.parse(source, scope)
        except ExprError as exc:
            self.error(keys, f"in expression `{source}`: {exc.message}")
            return None


class RulesetBuilder:
    """Collects rulesets across files; `built` holds the ones without errors."""

    def __init__(self, folder: Folder, catalog: Catalog) -> None:
        self.folder = folder
        self.catalog = catalog
        self.built: dict[str, Ruleset] = {}
        self.ids: set[str] = set()  # declared, even when broken: no cascades
        self.lists: set[str] = set()  # every list id of every ruleset
        self.first_at: dict[str, str] = {}

    def add(self, path: Path, parsed: Any, data: Any) -> None:
        from game.engine.load import CODE_ID, SIMPLE_ID, bad_id

        place = Place(self.folder, path, data)
        rid = data.get("ruleset") if isinstance(data, dict) else None
        if isinstance(rid, str):
            if rid in self.first_at:
                place.error(("ruleset",), f"duplicate ruleset id '{rid}' "
                            f"(also in {self.first_at[rid]})")
            self.first_at.setdefault(rid, place.shown)
            self.ids.add(rid)
        if isinstance(data, dict) and isinstance(data.get("lists"), dict):
            self.lists.update(k for k in data["lists"] if isinstance(k, str))
        if parsed is None:
            return
        errors_before = len(self.folder.problems)
        if not SIMPLE_ID.match(parsed.ruleset):
            place.error(("ruleset",), bad_id("ruleset", parsed.ruleset, "simple"))
        for lid in parsed.lists:
            if not SIMPLE_ID.match(lid):
                place.error(("lists", lid), bad_id("list", lid, "simple"), key=True)
        tiers = self._tiers(place, parsed)
        scope = self._scope(parsed)
        built_rules = [self._rule(place, i, r, parsed, scope, CODE_ID)
                       for i, r in enumerate(parsed.rules)]
        built_cons = [self._consequence(place, i, c, scope, CODE_ID)
                      for i, c in enumerate(parsed.consequences)]
        rules = tuple(r for r in built_rules if r is not None)
        consequences = tuple(c for c in built_cons if c is not None)
        self._unique(place, "rules", [r.id for r in parsed.rules], "rule")
        self._unique(place, "consequences", [c.id for c in parsed.consequences], "consequence")
        sources = place.sources((), list(parsed.sources), parsed.fidelity, self.catalog)
        score = ScoreRange(parsed.score.start, parsed.score.min, parsed.score.max)
        self._score(place, score)
        if not tiers or any(p.level == "error" for p in self.folder.problems[errors_before:]):
            return
        self.built[parsed.ruleset] = Ruleset(
            id=parsed.ruleset, name=parsed.name, fidelity=Fidelity(parsed.fidelity),
            sources=sources, score=score, tiers=tiers, rules=rules,
            consequences=consequences,
            lists={lid: lst.name for lid, lst in parsed.lists.items()},
            summary=parsed.summary, notice=parsed.notice, where=place.where("ruleset"))

    def _scope(self, parsed: Any) -> Scope:
        lists = set(parsed.lists)
        behaviours = self.catalog.behaviours

        def check(func: str, arg: str) -> str | None:
            if func == "on_list" and arg not in lists:
                return unknown("list", arg, lists) + " in this ruleset's lists"
            if func == "count" and arg not in behaviours:
                return unknown("behaviour", arg, behaviours)
            return None

        return Scope({"score": E.INT, "tier": E.STR}, frozenset({"on_list", "count"}), check,
                     "in rulesets")

    def _tiers(self, place: Place, parsed: Any) -> tuple[Tier, ...]:
        from game.engine.load import SIMPLE_ID, bad_id

        if not parsed.tiers:
            place.error(("tiers",), "a ruleset needs at least one tier")
            return ()
        tiers = tuple(Tier(t.id, t.min, t.label) for t in parsed.tiers)
        for i, tier in enumerate(tiers):
            if not SIMPLE_ID.match(tier.id):
                place.error(("tiers", i, "id"), bad_id("tier", tier.id, "simple"))
            if i and tier.min >= tiers[i - 1].min:
                place.error(("tiers", i, "min"), f"tiers must be listed highest first with "
                            f"strictly falling min: '{tier.id}' (min {tier.min}) follows "
                            f"'{tiers[i - 1].id}' (min {tiers[i - 1].min})")
        self._unique(place, "tiers", [t.id for t in tiers], "tier")
        if tiers[-1].min > parsed.score.min:
            place.error(("tiers", len(tiers) - 1, "min"), f"the last tier '{tiers[-1].id}' "
                        f"starts at {tiers[-1].min}, above score.min {parsed.score.min}: "
                        "some scores would have no tier")
        return tiers

    def _score(self, place: Place, score: ScoreRange) -> None:
        if score.max is not None and score.max < score.min:
            place.error(("score", "max"), f"score.max {score.max} is below score.min {score.min}")
        elif score.clamp(score.start) != score.start:
            place.warn(("score", "start"), f"score.start {score.start} is outside "
                       f"[{score.min}, {score.max}]; play starts from it unclamped")

    def _unique(self, place: Place, key: str, ids: list[str], kind: str) -> None:
        seen: dict[str, int] = {}
        for i, item in enumerate(ids):
            if item in seen:
                place.error((key, i, "id"), f"duplicate {kind} id '{item}' in this ruleset "
                            f"(first at line {place.line(key, seen[item], 'id')})")
            seen.setdefault(item, i)

    def _rule(self, place: Place, i: int, r: Any, parsed: Any, scope: Scope,
              code_id: Any) -> Rule | None:
        keys = ("rules", i)
        ok = True
        if not code_id.match(r.id):
            place.error(keys + ("id",), f"bad rule id '{r.id}': use capital letters, digits "
                        "and '-', like TRAFFIC-RED-LIGHT")
        if r.on not in self.catalog.behaviours:
            place.error(keys + ("on",), unknown("behaviour", r.on, self.catalog.behaviours)
                        + " (behaviours are declared in story.yaml)")
            ok = False
        for key in ("add_to", "remove_from"):
            lid = getattr(r, key)
            if lid is not None and lid not in parsed.lists:
                place.error(keys + (key,), unknown("list", lid, parsed.lists)
                            + " in this ruleset's lists")
        cond = place.expression(keys + ("if",), r.if_, scope) if r.if_ is not None else None
        sources = place.sources(keys, list(r.sources), r.fidelity, self.catalog)
        if not ok:
            return None
        return Rule(id=r.id, on=r.on, reason=r.reason, seen_by=r.seen_by,
                    fidelity=Fidelity(r.fidelity), sources=sources, delta=r.delta, cond=cond,
                    add_to=r.add_to, remove_from=r.remove_from, where=place.where(*keys))

    def _consequence(self, place: Place, i: int, c: Any, scope: Scope,
                     code_id: Any) -> Consequence | None:
        keys = ("consequences", i)
        if not code_id.match(c.id):
            place.error(keys + ("id",), f"bad consequence id '{c.id}': use capital letters, "
                        "digits and '-', like RAIL-BAN")
        own, other = ("blocks", "grants") if c.kind == "restriction" else ("grants", "blocks")
        if getattr(c, own) is None:
            place.error(keys + ("kind",), f"a {c.kind} needs `{own}: [...]`, the capabilities "
                        f"it {'closes' if own == 'blocks' else 'opens'}")
        if getattr(c, other) is not None:
            place.error(keys + (other,), f"a {c.kind} takes `{own}`, not `{other}`")
        for key in ("blocks", "grants"):
            for j, cap in enumerate(getattr(c, key) or ()):
                if cap not in self.catalog.capabilities:
                    place.error(keys + (key, j), unknown("capability", cap,
                                self.catalog.capabilities) + " (capabilities are declared in "
                                "story.yaml)")
        when = place.expression(keys + ("when",), c.when, scope)
        sources = place.sources(keys, list(c.sources), c.fidelity, self.catalog)
        if when is None:
            return None
        return Consequence(id=c.id, kind=c.kind, when=when, explain=c.explain,
                           fidelity=Fidelity(c.fidelity), sources=sources,
                           blocks=tuple(c.blocks or ()), grants=tuple(c.grants or ()),
                           notice=c.notice, where=place.where(*keys))
