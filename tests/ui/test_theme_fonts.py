"""Look and feel checks from data: contrast from the theme's colours, type steps, glyphs."""

from __future__ import annotations

import re
from pathlib import Path

import pygame.freetype
import pytest

from game import paths
from game.ui import storage, theme, words

UI = Path(__file__).resolve().parents[2] / "game" / "ui"


@pytest.mark.parametrize("pal,need", [(theme.LIGHT, 4.5), (theme.HIGH_CONTRAST, 7.0)])
def test_text_contrast(pal, need) -> None:  # noqa: ANN001
    for fg, bg in theme.TEXT_PAIRS:
        ratio = theme.contrast(getattr(pal, fg), getattr(pal, bg))
        assert ratio >= need, f"{pal.name}: {fg} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("pal", [theme.LIGHT, theme.HIGH_CONTRAST])
def test_graphics_contrast(pal) -> None:  # noqa: ANN001
    for fg, bg in theme.GRAPHIC_PAIRS:
        assert theme.contrast(getattr(pal, fg), getattr(pal, bg)) >= 3.0, (pal.name, fg, bg)


def test_contrast_formula() -> None:
    assert theme.contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert theme.contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


def test_at_least_three_text_sizes_and_they_grow() -> None:
    assert len(storage.TEXT_STEPS) >= 3
    sizes = [theme.Theme.build((1280, 720), high_contrast=False, text_scale=s,
                               reduced_motion=False, opaque=False).type_px("body")
             for s in storage.TEXT_STEPS]
    assert sizes == sorted(set(sizes))


def test_scales_to_4k() -> None:
    t = theme.Theme.build((3840, 2160), high_contrast=False, text_scale=1.0,
                          reduced_motion=False, opaque=False)
    assert t.scale == 3.0 and t.type_px("body") == 66 and t.target >= 144


def test_meaning_is_in_words() -> None:
    assert words.points(-5) == "Lost 5 points" and words.points(20) == "Gained 20 points"
    assert words.points(0) == "Recorded, no points"


def _font(style: str) -> pygame.freetype.Font:
    pygame.freetype.init()
    return pygame.freetype.Font(str(paths.assets() / "fonts" / f"NotoSans-{style}.ttf"), 20)


def _missing(text: str, style: str = "Regular") -> set[str]:
    f = _font(style)
    chars = {c for c in text if not c.isspace()}
    return {c for c in chars if f.get_metrics(c)[0] is None}


def _story_text() -> str:
    from game.engine.load import load_story

    story = load_story(paths.bundled_story())
    parts = [story.title, *story.behaviours.values(), *(c.name for c in story.capabilities.values())]
    for s in story.sources.values():
        parts += [s.title, s.outlet, s.date, s.url or ""]
    for rs in story.rulesets.values():
        parts += [rs.name, rs.summary, rs.notice, *rs.lists.values(), *(t.label for t in rs.tiers)]
        parts += [x for r in rs.rules for x in (r.reason, r.seen_by)]
        parts += [x for c in rs.consequences for x in (c.explain, c.notice)]
    for sc in story.scenarios.values():
        parts += [sc.title, sc.role, sc.blurb]
        for scene in sc.scenes.values():
            for tmpl in (scene.text, scene.ending, scene.discuss,
                         *(c.text for c in scene.choices)):
                if tmpl is not None:
                    parts.append(getattr(tmpl, "source", None) or str(tmpl))
            parts += [f.text for f in scene.facts]
    return "\n".join(parts)


def test_fonts_ship_with_their_licence() -> None:
    folder = paths.assets() / "fonts"
    for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "OFL.txt"):
        assert (folder / name).is_file()
    assert "SIL OPEN FONT LICENSE" in (folder / "OFL.txt").read_text()


def test_fonts_cover_every_character_of_the_story() -> None:
    text = _story_text()
    assert len(text) > 1000
    for style in ("Regular", "Bold"):
        assert not _missing(text, style), f"NotoSans-{style} lacks {sorted(_missing(text, style))}"


def test_fonts_cover_every_character_the_ui_writes() -> None:
    literals = "".join(re.findall(r'"[^"\n]*"', "".join(
        p.read_text(encoding="utf-8") for p in UI.rglob("*.py"))))
    assert not _missing(literals, "Regular") and not _missing(literals, "Bold")
