"""The safe expression language of `if` and `when`: parsed once at load, evaluated many times.

A small hand-written parser (never Python's eval): literals, names, `and or not`,
comparisons (not chained), `+ - *`, unary minus, `in (...)` / `not in (...)`,
parentheses and four functions taking one string literal. Parsing checks names,
functions, their arguments and types, so a loaded expression cannot fail at play
time; `Expr.fn` is a tree of closures, a cheap call per evaluation.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from game.rules.condition import Env, Expr

__all__ = ["BOOL", "INT", "STR", "Env", "Expr", "ExprError", "FUNCTIONS", "Scope",
           "nearest", "parse"]

INT, BOOL, STR = "int", "bool", "str"
TYPE_WORDS = {INT: "a number", BOOL: "true or false", STR: "text"}

FUNCTIONS: dict[str, str] = {"can": BOOL, "on_list": BOOL, "count": INT, "visited": BOOL}
KEYWORDS = {"and", "or", "not", "in", "true", "false"}
# Limits of the format (docs/story-format.md, "Limits"): an expression a person
# writes is a line or two; past these, parsing or evaluating it could exhaust
# the stack, so they are load errors instead of crashes in play.
MAX_CHARS = 2000
MAX_TOKENS = 500
MAX_NESTING = 32  # parentheses, `not` and unary minus, counted together
MAX_DIGITS = 18
COMPARISONS = {"==", "!=", "<", "<=", ">", ">="}


class ExprError(ValueError):
    """An expression that does not parse or names something unknown."""

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True)
class Scope:
    """What an expression may name: typed names, allowed functions, an argument checker.

    `check_arg(function, argument)` returns an error message, or None when the
    argument names something that exists. `builtin` lists the names read from
    the rules layer (score, tier, scored) rather than from the variables: a
    version 1 scenario with a variable `scored` drops `scored` from it.
    """

    names: dict[str, str]
    functions: frozenset[str]
    check_arg: Callable[[str, str], str | None] = lambda _f, _a: None
    where: str = "here"  # "in scenarios" / "in rulesets", for messages
    builtin: frozenset[str] = frozenset({"score", "tier", "scored"})
    cache: dict[tuple[str, str], Expr] = field(default_factory=dict, compare=False, repr=False)


_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<int>\d+)
  | (?P<str>'[^']*'|"[^"]*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|\(|\)|,)
""", re.VERBOSE)


def _tokenize(source: str) -> list[tuple[str, str, int]]:
    if len(source) > MAX_CHARS:
        raise ExprError(f"the expression is {len(source):,} characters long; at most "
                        f"{MAX_CHARS:,} are allowed: split it with a variable", MAX_CHARS)
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if m is None:
            ch = source[pos]
            if ch in "'\"":
                raise ExprError(f"text starting with {ch} is never closed", pos)
            hint = " (use == to compare)" if ch == "=" else ""
            raise ExprError(f"unexpected character {ch!r}{hint}", pos)
        kind = m.lastgroup or ""
        if kind != "ws":
            text = m.group()
            if kind == "name" and text in KEYWORDS:
                kind = "kw"
            elif kind == "int" and len(text) > MAX_DIGITS:
                raise ExprError(f"a number of {len(text):,} digits; numbers in a story have "
                                f"at most {MAX_DIGITS}", pos)
            tokens.append((kind, text, pos))
            if len(tokens) > MAX_TOKENS:
                raise ExprError(f"the expression has more than {MAX_TOKENS} words and signs; "
                                "split it with a variable", pos)
        pos = m.end()
    tokens.append(("end", "", len(source)))
    return tokens


# A parsed node: (type, closure, constant-or-_NOCONST)
_NOCONST = object()
Node = tuple[str, Callable[[Env], Any], Any]


class _Parser:
    def __init__(self, source: str, scope: Scope) -> None:
        self.source = source
        self.scope = scope
        self.tokens = _tokenize(source)
        self.i = 0
        self.depth = 0
        self.calls: list[tuple[str, str]] = []
        self.names: set[str] = set()

    # -- token helpers -------------------------------------------------
    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def at(self, text: str) -> bool:
        kind, value, _ = self.peek()
        return value == text and kind in ("op", "kw")

    def expect(self, text: str) -> None:
        kind, value, pos = self.peek()
        if not self.at(text):
            found = "the end" if kind == "end" else repr(value)
            raise ExprError(f"expected {text!r}, found {found}", pos)
        self.i += 1

    def deeper(self, pos: int) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ExprError(f"nested more than {MAX_NESTING} levels deep (parentheses, "
                            "'not' and '-' together)", pos)

    # -- grammar -------------------------------------------------------
    def parse(self) -> Node:
        node = self.or_()
        kind, value, pos = self.peek()
        if kind != "end":
            raise ExprError(f"unexpected {value!r} after a complete expression", pos)
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.at("or"):
            pos = self.take()[2]
            node = _logic("or", node, self.and_(), pos)
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.at("and"):
            pos = self.take()[2]
            node = _logic("and", node, self.not_(), pos)
        return node

    def not_(self) -> Node:
        if self.at("not"):
            pos = self.take()[2]
            self.deeper(pos)
            t, f, c = self.not_()
            self.depth -= 1
            _need(t, BOOL, "'not'", pos)
            if c is not _NOCONST:
                return BOOL, (lambda e, v=not c: v), not c
            return BOOL, (lambda e: not f(e)), _NOCONST
        return self.comparison()

    def comparison(self) -> Node:
        left = self.sum()
        kind, value, pos = self.peek()
        if kind == "op" and value in COMPARISONS:
            self.take()
            node = _compare(value, left, self.sum(), pos)
        elif self.at("in") or (self.at("not") and self.tokens[self.i + 1][1] == "in"):
            negate = self.at("not")
            self.i += 2 if negate else 1
            node = _member(left, self.tuple_(), negate, pos)
        else:
            return left
        kind, value, pos = self.peek()
        if (kind == "op" and value in COMPARISONS) or self.at("in"):
            raise ExprError("comparisons cannot be chained; join them with 'and'", pos)
        return node

    def tuple_(self) -> list[Node]:
        self.expect("(")
        items = [self.sum()]
        while self.at(","):
            self.take()
            if self.at(")"):
                break
            items.append(self.sum())
        self.expect(")")
        return items

    def sum(self) -> Node:
        node = self.product()
        while self.at("+") or self.at("-"):
            op, pos = self.take()[1:]
            node = _arith(op, node, self.product(), pos)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.at("*"):
            pos = self.take()[2]
            node = _arith("*", node, self.unary(), pos)
        return node

    def unary(self) -> Node:
        if self.at("-"):
            pos = self.take()[2]
            self.deeper(pos)
            t, f, c = self.unary()
            self.depth -= 1
            _need(t, INT, "'-'", pos)
            if c is not _NOCONST:
                return INT, (lambda e, v=-c: v), -c
            return INT, (lambda e: -f(e)), _NOCONST
        return self.atom()

    def atom(self) -> Node:
        kind, value, pos = self.take()
        if kind == "int":
            v = int(value)
            return INT, (lambda e: v), v
        if kind == "str":
            s = value[1:-1]
            return STR, (lambda e: s), s
        if kind == "kw" and value in ("true", "false"):
            b = value == "true"
            return BOOL, (lambda e: b), b
        if kind == "op" and value == "(":
            self.deeper(pos)
            node = self.or_()
            self.expect(")")
            self.depth -= 1
            return node
        if kind == "name":
            if self.at("("):
                return self.call(value, pos)
            return self.name(value, pos)
        found = "the end of the expression" if kind == "end" else repr(value)
        raise ExprError(f"expected a value, found {found}", pos)

    def name(self, name: str, pos: int) -> Node:
        if name in FUNCTIONS:
            raise ExprError(f"{name} is a function: write {name}('...')", pos)
        t = self.scope.names.get(name)
        if t is None:
            known = ", ".join(sorted(self.scope.names)) or "none"
            near = nearest(name, self.scope.names)
            hint = f" (did you mean {near!r}?)" if near else f" (known names: {known})"
            raise ExprError(f"unknown name {name!r}{hint}", pos)
        self.names.add(name)
        if name in self.scope.builtin:
            if name == "score":
                return t, (lambda e: e.score), _NOCONST
            if name == "tier":
                return t, (lambda e: e.tier), _NOCONST
            if name == "scored":
                return t, (lambda e: e.scored), _NOCONST
        return t, (lambda e: e.values[name]), _NOCONST

    def call(self, func: str, pos: int) -> Node:
        if func not in FUNCTIONS or func not in self.scope.functions:
            allowed = ", ".join(sorted(self.scope.functions))
            if func in FUNCTIONS:
                raise ExprError(f"{func}() cannot be used {self.scope.where} "
                                f"(functions here: {allowed})", pos)
            near = nearest(func, self.scope.functions)
            hint = f"did you mean {near}()?" if near else f"functions here: {allowed}"
            raise ExprError(f"unknown function {func}() ({hint})", pos)
        self.expect("(")
        kind, value, apos = self.take()
        if kind != "str":
            raise ExprError(f"{func}() takes one quoted id, like {func}('...')", apos)
        self.expect(")")
        arg = value[1:-1]
        problem = self.scope.check_arg(func, arg)
        if problem:
            raise ExprError(problem, apos)
        self.calls.append((func, arg))
        return FUNCTIONS[func], _function(func, arg), _NOCONST


def _function(func: str, arg: str) -> Callable[[Env], Any]:
    if func == "on_list":
        return lambda e: arg in e.lists
    if func == "count":
        return lambda e: e.counts.get(arg, 0)
    if func == "visited":
        return lambda e: arg in e.visited
    return lambda e: e.can(arg)


def _need(found: str, wanted: str, what: str, pos: int) -> None:
    if found != wanted:
        raise ExprError(f"{what} needs {TYPE_WORDS[wanted]}, found {TYPE_WORDS[found]}", pos)


def _fold(node: Node, *parts: Node) -> Node:
    """Turn a node whose parts are all constants into a constant."""
    if all(p[2] is not _NOCONST for p in parts):
        value = node[1](None)  # type: ignore[arg-type]
        return node[0], (lambda e: value), value
    return node


def _logic(op: str, a: Node, b: Node, pos: int) -> Node:
    _need(a[0], BOOL, f"'{op}'", pos)
    _need(b[0], BOOL, f"'{op}'", pos)
    fa, fb = a[1], b[1]
    f = (lambda e: fa(e) and fb(e)) if op == "and" else (lambda e: fa(e) or fb(e))
    return _fold((BOOL, f, _NOCONST), a, b)


# The operator module's functions are C: one Python frame fewer per comparison.
_CMP: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
    ">": operator.gt, ">=": operator.ge,
}


def _compare(op: str, a: Node, b: Node, pos: int) -> Node:
    if op in ("==", "!="):
        if a[0] != b[0]:
            raise ExprError(f"cannot compare {TYPE_WORDS[a[0]]} with {TYPE_WORDS[b[0]]} "
                            f"using {op}", pos)
    else:
        _need(a[0], INT, f"'{op}'", pos)
        _need(b[0], INT, f"'{op}'", pos)
    fa, fb, cmp = a[1], b[1], _CMP[op]
    if b[2] is not _NOCONST and a[2] is _NOCONST:
        c = b[2]  # the usual shape, `money >= 200`: no call for the constant side
        return BOOL, (lambda e: cmp(fa(e), c)), _NOCONST
    return _fold((BOOL, lambda e: cmp(fa(e), fb(e)), _NOCONST), a, b)


def _member(a: Node, items: list[Node], negate: bool, pos: int) -> Node:
    for item in items:
        if item[0] != a[0]:
            raise ExprError(f"'in' compares {TYPE_WORDS[a[0]]} with a list holding "
                            f"{TYPE_WORDS[item[0]]}", pos)
    fa = a[1]
    fs = tuple(i[1] for i in items)
    if all(i[2] is not _NOCONST for i in items):
        values = frozenset(i[2] for i in items)
        f = (lambda e: fa(e) not in values) if negate else (lambda e: fa(e) in values)
    else:
        f = ((lambda e: all(fa(e) != g(e) for g in fs)) if negate
             else (lambda e: any(fa(e) == g(e) for g in fs)))
    return _fold((BOOL, f, _NOCONST), a, *items)


def _arith(op: str, a: Node, b: Node, pos: int) -> Node:
    _need(a[0], INT, f"'{op}'", pos)
    _need(b[0], INT, f"'{op}'", pos)
    fa, fb = a[1], b[1]
    if op == "+":
        f = lambda e: fa(e) + fb(e)  # noqa: E731
    elif op == "-":
        f = lambda e: fa(e) - fb(e)  # noqa: E731
    else:
        f = lambda e: fa(e) * fb(e)  # noqa: E731
    return _fold((INT, f, _NOCONST), a, b)


def parse(source: str, scope: Scope, want: str = BOOL) -> Expr:
    """Parse and type-check `source`; raise ExprError with the column of the problem.

    Results are cached per scope: stories repeat the same conditions often, and a
    parsed expression is immutable.
    """
    key = (source, want)
    cache = scope.cache
    if key in cache:
        return cache[key]
    expr = _parse(source, scope, want)
    cache[key] = expr
    return expr


def _parse(source: str, scope: Scope, want: str) -> Expr:
    if not source.strip():
        raise ExprError("the expression is empty")
    parser = _Parser(source, scope)
    t, f, c = parser.parse()
    if t != want:
        raise ExprError(f"the expression must give {TYPE_WORDS[want]}, "
                        f"but it gives {TYPE_WORDS[t]}")
    return Expr(source, f, t, tuple(parser.calls), frozenset(parser.names),
                None if c is _NOCONST else c)


def nearest(word: str, known: Any) -> str | None:
    """The known id closest to a typo, or None when nothing is close."""
    import difflib

    matches = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None
