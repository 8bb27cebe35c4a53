"""Regenerate the generated parts of docs/content.md and the scenario maps.

    python docs/content/render.py

Writes docs/content/<scenario>.svg (the `graph` output through Graphviz `dot`)
and rewrites the blocks between the marker comments in docs/content.md: the
seed-item table (from tests/content/seed_map.yaml) and the coverage table
(from `simulate`, 1,000 runs per scenario and ruleset).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.analysis import simulate  # noqa: E402
from game.engine.load import load_story  # noqa: E402

DOCS = ROOT / "docs" / "content.md"
OUT = ROOT / "docs" / "content"
SEED_MAP = ROOT / "tests" / "content" / "seed_map.yaml"
RULESETS = ("pilot-city", "court-list", "sesame", "rumour", "credit-bureau")


def graphs(story) -> None:
    for sid in story.scenarios:
        dot = subprocess.run([sys.executable, "-m", "game", "graph", "--scenario", sid],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
        svg = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True,
                             check=True).stdout
        (OUT / f"{sid}.svg").write_text(svg, encoding="utf-8")


def seed_table(story) -> str:
    items = yaml.safe_load(SEED_MAP.read_text(encoding="utf-8"))["items"]
    rows = ["| Popular-account item | Depicted by (ruleset: id, fidelity) | facts.md rows |",
            "| --- | --- | --- |"]
    for it in items:
        refs = []
        for ref in it["depicted_by"]:
            rs = story.ruleset(ref["ruleset"])
            found = [x for x in (*rs.rules, *rs.consequences) if x.id == ref["id"]][0]
            refs.append(f"{ref['ruleset']}: `{ref['id']}` ({found.fidelity})")
        name = it["item"] + (" *(myth)*" if it["myth"] else "")
        rows.append(f"| {name} | {'<br>'.join(refs)} | {', '.join(it['facts'])} |")
    return "\n".join(rows)


def coverage(story) -> str:
    rows = ["| Scenario | Ruleset | Endings reached (of 1,000 runs) | Scenes never visited |",
            "| --- | --- | --- | --- |"]
    for sid in story.scenarios:
        for rid in RULESETS:
            out = simulate(story, sid, rid, runs=1000)
            ends = ", ".join(f"{k} {v}" for k, v in out["endings"].items())
            un = ", ".join(out["unvisited"]) or "none"
            mark = " (default)" if story.scenario(sid).ruleset == rid else ""
            rows.append(f"| {sid} | {rid}{mark} | {ends} | {un} |")
    return "\n".join(rows)


def replace(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def main() -> None:
    story = load_story(ROOT / "story")
    graphs(story)
    text = DOCS.read_text(encoding="utf-8")
    text = replace(text, "seed-table", seed_table(story))
    text = replace(text, "coverage", coverage(story))
    DOCS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
