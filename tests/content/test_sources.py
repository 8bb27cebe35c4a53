"""Content tests for story/sources.yaml: enough checked urls, valid dates, every
entry used, and every entry without a url saying why (docs/content.md keeps the
check record).
"""

from __future__ import annotations

import datetime
import re

import yaml

from tests.content.helpers import SOURCES, STORY

URL_SHARE = 0.90


def entries() -> dict:
    return yaml.safe_load(SOURCES.read_text(encoding="utf-8"))["sources"]


def blocks() -> dict[str, str]:
    """Each entry's lines as written, comments included (yaml drops comments)."""
    out: dict[str, str] = {}
    current = None
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^  ([a-z0-9][a-z0-9-]*):\s*$", line)
        if m:
            current = m.group(1)
            out[current] = ""
        elif current and line.startswith("    "):
            out[current] += line + "\n"
    return out


def cited() -> set[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in STORY.rglob("*.yaml")
                     if p.name != "sources.yaml")
    return {i.strip() for m in re.findall(r"sources: \[([^\]]*)\]", text) for i in m.split(",")}


def test_at_least_90_percent_of_sources_carry_a_url():
    data = entries()
    with_url = [k for k, v in data.items() if v.get("url")]
    assert len(with_url) >= URL_SHARE * len(data), f"{len(with_url)} of {len(data)}"


def test_urls_are_web_addresses():
    for sid, src in entries().items():
        if "url" in src:
            assert re.fullmatch(r"https?://[^\s]+", src["url"]), sid


def test_a_source_without_url_says_why():
    raw_blocks = blocks()
    for sid, src in entries().items():
        if not src.get("url"):
            assert "url not checked" in raw_blocks[sid], sid


def test_source_dates_are_real_dates_in_the_past():
    today = datetime.date.today()
    for sid, src in entries().items():
        date = str(src["date"])
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", date), sid
        parts = [int(p) for p in date.split("-")] + [1, 1]
        year, month, day = parts[:3]
        assert 1990 <= year <= today.year, sid
        assert datetime.date(year, month, day) <= today, sid  # raises on 2019-02-30


def test_every_source_is_complete_and_cited():
    used = cited()
    for sid, src in entries().items():
        assert sid in used, f"source {sid} is never cited"
        for key in ("title", "outlet", "date"):
            assert str(src.get(key, "")).strip(), f"{sid} lacks {key}"


def test_every_cited_source_exists():
    assert cited() <= set(entries())
