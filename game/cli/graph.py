"""A scenario's scene graph in Graphviz DOT (the `graph` command, docs/content.md)."""

from __future__ import annotations

from game.engine.model import Goto, Story


def _edges(goto: Goto) -> list[tuple[str, str]]:
    """(target, condition words) for each way a `goto` can lead (story format 2 branches)."""
    if isinstance(goto, str):
        return [(goto, "")]
    return [(b.to, f"\nif {b.cond.source}" if b.cond is not None else "") for b in goto]


def _q(text: str) -> str:
    """A DOT string literal; real newlines become DOT's \\n line breaks."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n") + '"'


def _short(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def dot(story: Story, scenario_id: str) -> str:
    """DOT text: a box a scene, a double octagon an ending, an edge a choice.

    Choices with `requires` are dashed and name the capability; choices with
    `if` name their condition; observed behaviours are listed on the edge.
    """
    sc = story.scenarios[scenario_id]
    lines = [f"digraph {_q(sc.id)} {{",
             f"  label={_q(sc.title)}; labelloc=t; rankdir=TB;",
             '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=9];',
             f'  {_q("__start")} [shape=point, width=0.15];',
             f'  {_q("__start")} -> {_q(sc.start)};']
    for sid, scene in sc.scenes.items():
        if scene.ending is not None:
            label = f"{sid}\n[ending] {_short(scene.ending.source)}"
            lines.append(f'  {_q(sid)} [shape=doubleoctagon, label={_q(label)}];')
        else:
            lines.append(f'  {_q(sid)} [label={_q(sid)}];')
        if scene.goto is not None:
            for to, cond in _edges(scene.goto):
                lines.append(f'  {_q(sid)} -> {_q(to)} [label={_q("continue" + cond)}, '
                             'style=dotted];')
        for c in scene.choices:
            label = f"{c.position}. {_short(c.text.source)}"
            if c.cond is not None:
                label += f"\nif {c.cond.source}"
            if c.requires:
                label += "\nrequires " + ", ".join(c.requires)
            if c.observe:
                label += "\nobserved: " + ", ".join(o.behaviour for o in c.observe)
            style = ", style=dashed" if c.requires else ""
            for to, cond in _edges(c.goto):
                lines.append(f'  {_q(sid)} -> {_q(to)} [label={_q(label + cond)}{style}];')
            if c.instead is not None:
                for to, cond in _edges(c.instead.goto):
                    tried = _q(f"{c.position}. tried while closed{cond}")
                    lines.append(f'  {_q(sid)} -> {_q(to)} [label={tried}, style=dotted, '
                                 'color=gray40];')
    lines.append("}")
    return "\n".join(lines) + "\n"
