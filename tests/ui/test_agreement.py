"""The standing panel, the terminal game and the debrief say the same thing about
what is closed, and why."""

from __future__ import annotations

import pygame

from tests.ui.test_refusal import to_the_station, with_instead


def test_panel_terminal_and_debrief_agree_on_closed_doors(launch, mini_dir) -> None:
    from game.cli import terminal as term
    from game.ui import words

    p = launch(story_dir=with_instead(mini_dir), scenario="courier")
    to_the_station(p)
    life = p.app.session.life
    panel = " ".join(w.label for w in p.screen.side.items)
    said: list[str] = []
    t = term.Terminal(life.story, "transparent", say=said.append)
    t.standing(life)
    terminal = " ".join(" ".join(said).split())  # unwrapped
    closed = [c for c in life.view.standing.capabilities if not c.open and (c.by or c.default)]
    assert [c.name for c in closed] == ["Buy a high-speed rail ticket"]
    for c in closed:
        reason = words.closed_reason(c.by)
        assert f"Closed: {c.name}" in panel and reason in panel
        assert c.name in terminal and reason in terminal
    assert "Rent a bike with no deposit" not in terminal  # a privilege never granted
    p.key(pygame.K_2, "2")  # the slow bus: the end
    p.skip_reveal()
    while p.screen.name == "notice":
        p.key(pygame.K_RETURN)
    p.click("debrief")
    debrief = " ".join(w.label for w in p.screen.pane.items if hasattr(w, "stack")
                       for w in w.stack.items)
    for c in closed:
        assert f"Closed: {c.name}" in debrief and words.closed_reason(c.by) in debrief


def _texts(widget) -> list[str]:  # noqa: ANN001
    """Every text a widget shows, inside rows and cards too."""
    if hasattr(widget, "stack"):
        return [s for w in widget.stack.items for s in _texts(w)]
    if hasattr(widget, "items"):
        return [s for it in widget.items for s in _texts(it[0] if isinstance(it, tuple) else it)]
    return [widget.text] if isinstance(getattr(widget, "text", None), str) else []


def test_each_change_on_the_debrief_says_once_who_saw_it(launch, mini_dir) -> None:
    p = launch(story_dir=with_instead(mini_dir), scenario="courier")
    to_the_station(p)
    p.key(pygame.K_2, "2")
    p.skip_reveal()
    while p.screen.name == "notice":
        p.key(pygame.K_RETURN)
    p.click("debrief")
    cards = [_texts(w) for w in p.screen.pane.items if hasattr(w, "stack")]
    seen = [texts for texts in cards if any(s.startswith("Seen by") for s in texts)]
    assert seen  # the mini story's rules name who saw each thing
    for texts in seen:
        assert sum(s.startswith("Seen by") for s in texts) == 1, texts
