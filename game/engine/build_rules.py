"""Build `Ruleset` objects from checked ruleset files, with folder-wide checks.

Ids and their uniqueness, behaviours and capabilities named, lists, tiers in
order, expressions (`if`, `when`) parsed in the ruleset's scope, and fidelity
with its sources. Version 2: rulesets that keep no score (no `score`, no
`tiers`), and `includes` layers, combined here into one `Ruleset` each
(STORY-FORMAT.md, "Layered rulesets").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.engine import expr as E
from game.engine.expr import ExprError, Scope, nearest
from game.engine.problems import SOURCES, STORY, line_of
from game.rules.model import (
    Consequence,
    ConsequenceKind,
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


# Unknown ids that only follow from what story.yaml / sources.yaml declare: left
# out while that file cannot be read (load.first_things_first).
FOLLOWS = {"unknown behaviour": STORY, "unknown capability": STORY, "unknown source": SOURCES}


def follows(message: str) -> str:
    """STORY or SOURCES when `message` names an id one of those files declares, else ''."""
    return next((kind for start, kind in FOLLOWS.items() if message.startswith(start)), "")


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
        self.folder.error(self.shown, self.line(*keys, key=key), message, follows(message))

    def error_in(self, keys: tuple[Any, ...], source: str, offset: int, message: str,
                 kind: str = "") -> None:
        """An error at character `offset` of the text at `keys`: its own line and column."""
        line, column = self.folder.at(self.shown, self.line(*keys), source, offset)
        self.folder.error(self.shown, line, message + column, kind)

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
            self.error_in(keys, source, exc.column, f"in expression `{source}`: {exc.message}",
                          follows(exc.message))
            return None


class _Pending:
    """One ruleset file read and checked for shape, waiting to be built."""

    def __init__(self, place: Place, parsed: Any) -> None:
        self.place = place
        self.parsed = parsed

    @property
    def scored(self) -> bool:
        return self.parsed.score is not None or self.parsed.tiers is not None


class RulesetBuilder:
    """Collects rulesets across files; `built` holds the ones without errors.

    `add` only reads; `finish` builds, the rulesets that include nothing first,
    so that a ruleset with `includes` finds its layers built.
    """

    def __init__(self, folder: Folder, catalog: Catalog) -> None:
        self.folder = folder
        self.catalog = catalog
        self.built: dict[str, Ruleset] = {}
        self.ids: set[str] = set()  # declared, even when broken: no cascades
        self.lists: set[str] = set()  # every list id of every ruleset
        self.lists_of: dict[str, set[str]] = {}  # declared lists of each ruleset
        self.first_at: dict[str, str] = {}
        self.pending: dict[str, _Pending] = {}  # by ruleset id, in file order

    def add(self, path: Path, parsed: Any, data: Any) -> None:
        place = Place(self.folder, path, data)
        rid = data.get("ruleset") if isinstance(data, dict) else None
        if isinstance(rid, str):
            if rid in self.first_at:
                place.error(("ruleset",), f"duplicate ruleset id '{rid}' "
                            f"(also in {self.first_at[rid]})")
            self.first_at.setdefault(rid, place.shown)
            self.ids.add(rid)
            if isinstance(data.get("lists"), dict):
                declared = {k for k in data["lists"] if isinstance(k, str)}
                self.lists.update(declared)
                self.lists_of.setdefault(rid, set()).update(declared)
        if parsed is None or parsed.ruleset in self.pending:
            return
        self.pending[parsed.ruleset] = _Pending(place, parsed)

    def finish(self) -> None:
        """Build every ruleset read: the ones that include nothing first."""
        ordered = sorted(self.pending.values(), key=lambda p: bool(p.parsed.includes))
        for pending in ordered:
            self._build(pending.place, pending.parsed)

    def _build(self, place: Place, parsed: Any) -> None:
        from game.engine.load import CODE_ID, SIMPLE_ID, bad_id

        errors_before = len(self.folder.problems)
        if not SIMPLE_ID.match(parsed.ruleset):
            place.error(("ruleset",), bad_id("ruleset", parsed.ruleset, "simple"))
        for lid in parsed.lists:
            if not SIMPLE_ID.match(lid):
                place.error(("lists", lid), bad_id("list", lid, "simple"), key=True)
        scored = self._keeps_score(place, parsed)
        tiers = self._tiers(place, parsed) if parsed.tiers is not None else ()
        layers = self._layers(place, parsed)
        lists = set(parsed.lists)
        for rid in parsed.includes or ():  # declared lists, even of a broken layer
            lists |= self.lists_of.get(rid, set())
        scope = self._scope(lists)
        rid = parsed.ruleset
        built_rules = [self._rule(place, i, r, lists, scope, CODE_ID, scored, rid)
                       for i, r in enumerate(parsed.rules)]
        built_cons = [self._consequence(place, i, c, scope, CODE_ID, rid)
                      for i, c in enumerate(parsed.consequences)]
        rules = tuple(r for r in built_rules if r is not None)
        consequences = tuple(c for c in built_cons if c is not None)
        self._unique(place, "rules", [r.id for r in parsed.rules], "rule")
        self._unique(place, "consequences", [c.id for c in parsed.consequences], "consequence")
        sources = place.sources((), list(parsed.sources), parsed.fidelity, self.catalog)
        score = ScoreRange(0, 0, 0)
        if parsed.score is not None:
            score = ScoreRange(parsed.score.start, parsed.score.min, parsed.score.max)
            self._score(place, score)
        if (scored and not tiers) or layers is None or any(
                p.level == "error" for p in self.folder.problems[errors_before:]):
            return
        own_lists = {lid: lst.name for lid, lst in parsed.lists.items()}
        self.built[parsed.ruleset] = Ruleset(
            id=parsed.ruleset, name=parsed.name, fidelity=Fidelity(parsed.fidelity),
            sources=sources, score=score, tiers=tiers,
            rules=tuple(r for layer in layers for r in layer.rules) + rules,
            consequences=tuple(c for layer in layers for c in layer.consequences)
            + consequences,
            lists={lid: name for layer in layers for lid, name in layer.lists.items()}
            | own_lists,
            summary=parsed.summary, notice=parsed.notice, where=place.where("ruleset"),
            scored=scored, includes=tuple(parsed.includes or ()),
            list_layers={lid: layer.id for layer in layers for lid in layer.lists})

    def _keeps_score(self, place: Place, parsed: Any) -> bool:
        """Whether the ruleset keeps a score: `score` and `tiers` go together."""
        if (parsed.score is None) != (parsed.tiers is None):
            has, lacks = ("score", "tiers") if parsed.tiers is None else ("tiers", "score")
            place.error((has,), f"this ruleset has `{has}` but no `{lacks}`: give both, or "
                        "leave both out for a ruleset that keeps no score", key=True)
        return parsed.score is not None or parsed.tiers is not None

    def _layers(self, place: Place, parsed: Any) -> tuple[Ruleset, ...] | None:
        """The built rulesets this one includes, in order; None when one cannot be used.

        Errors stand at the `includes` line: an unknown ruleset, one that keeps a
        score or includes others itself, and an id declared in two layers.
        """
        if not parsed.includes:
            return ()
        layers: list[Ruleset] = []
        usable = True
        for j, rid in enumerate(parsed.includes):
            keys = ("includes", j)
            pending = self.pending.get(rid)
            if rid == parsed.ruleset:
                place.error(keys, f"ruleset '{rid}' cannot include itself")
            elif rid not in self.ids:
                place.error(keys, unknown("ruleset", rid, self.ids) + " to include")
            elif rid in parsed.includes[:j]:
                place.error(keys, f"ruleset '{rid}' is included twice")
            elif pending is None:
                pass  # its own errors are reported in its file
            elif pending.parsed.includes:
                place.error(keys, f"ruleset '{rid}' includes other rulesets itself "
                            f"({pending.place.shown}); only a ruleset that includes nothing "
                            "can be included")
            elif pending.scored:
                place.error(keys, f"ruleset '{rid}' keeps a score ({pending.place.shown}); "
                            "only a ruleset that keeps no score (no `score`, no `tiers`) "
                            "can be included")
            elif rid in self.built:
                layers.append(self.built[rid])
                continue
            usable = False
        if usable:
            self._unique_across(place, parsed, layers)
        return tuple(layers) if usable else None

    def _unique_across(self, place: Place, parsed: Any, layers: list[Ruleset]) -> None:
        """Rule, consequence and list ids must be unique across the layers."""
        line = place.line("includes", key=True)
        files = [(self.pending[layer.id].place, self.pending[layer.id].parsed)
                 for layer in layers] + [(place, parsed)]
        for kind, key in (("rule", "rules"), ("consequence", "consequences"), ("list", "lists")):
            first: dict[str, tuple[int, Where]] = {}
            for n, (at, data) in enumerate(files):
                if key == "lists":
                    found = [(lid, at.where("lists", lid)) for lid in data.lists]
                else:
                    found = [(x.id, at.where(key, i, "id"))
                             for i, x in enumerate(getattr(data, key))]
                for item, where in found:
                    if item in first and first[item][0] != n:  # within one file: _unique
                        self.folder.error(place.shown, line, f"duplicate {kind} id '{item}' "
                                          f"across layers: in {first[item][1]} and in {where}")
                    first.setdefault(item, (n, where))

    def _scope(self, lists: set[str]) -> Scope:
        behaviours = self.catalog.behaviours

        def check(func: str, arg: str) -> str | None:
            if func == "on_list" and arg not in lists:
                return unknown("list", arg, lists) + " in this ruleset's lists"
            if func == "count" and arg not in behaviours:
                return unknown("behaviour", arg, behaviours)
            return None

        return Scope({"score": E.INT, "tier": E.STR, "scored": E.BOOL},
                     frozenset({"on_list", "count"}), check, "in rulesets")

    def _tiers(self, place: Place, parsed: Any) -> tuple[Tier, ...]:
        from game.engine.load import SIMPLE_ID, bad_id

        if not parsed.tiers:
            place.error(("tiers",), "a ruleset needs at least one tier (or, to keep no "
                        "score, leave out both score and tiers)")
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
        if parsed.score is not None and tiers[-1].min > parsed.score.min:
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

    def _rule(self, place: Place, i: int, r: Any, lists: set[str], scope: Scope,
              code_id: Any, scored: bool, rid: str) -> Rule | None:
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
            if lid is not None and lid not in lists:
                place.error(keys + (key,), unknown("list", lid, lists)
                            + " in this ruleset's lists")
        if r.delta and not scored:
            place.error(keys + ("delta",), f"this ruleset keeps no score (no score, no "
                        f"tiers), so rule {r.id} cannot have delta {r.delta}: remove the "
                        "delta, or give the ruleset a score and tiers")
        cond = place.expression(keys + ("if",), r.if_, scope) if r.if_ is not None else None
        sources = place.sources(keys, list(r.sources), r.fidelity, self.catalog)
        if not ok:
            return None
        return Rule(id=r.id, on=r.on, reason=r.reason, seen_by=r.seen_by,
                    fidelity=Fidelity(r.fidelity), sources=sources, delta=r.delta, cond=cond,
                    add_to=r.add_to, remove_from=r.remove_from, where=place.where(*keys),
                    layer=rid)

    def _consequence(self, place: Place, i: int, c: Any, scope: Scope,
                     code_id: Any, rid: str) -> Consequence | None:
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
        return Consequence(id=c.id, kind=ConsequenceKind(c.kind), when=when,
                           explain=c.explain, fidelity=Fidelity(c.fidelity), sources=sources,
                           blocks=tuple(c.blocks or ()), grants=tuple(c.grants or ()),
                           notice=c.notice, where=place.where(*keys),
                           layer=rid)
