"""The teacher pack: made from the story, labelled as the game labels, printable."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine.load import load_story
from game.reports.handouts import HANDOUTS, write_handouts
from game.reports.handouts.build import OBJECTIVES, quiz
from game.reports.handouts.claims import LABELS, claims

ROOT = Path(__file__).parents[2]
BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(b)), None)


@pytest.fixture(scope="module")
def story():
    return load_story(ROOT / "story")


def test_the_bundled_story_gives_at_least_twenty_claims_of_every_label(story) -> None:
    cards = claims(story)
    assert len(cards) >= 20
    assert {c.label for c in cards} == set(LABELS.values())
    assert len({c.text for c in cards}) == len(cards)


def test_every_claim_carries_the_label_and_sources_the_game_shows(story) -> None:
    items = [x for r in story.rulesets.values() for x in (*r.rules, *r.consequences)]
    for card in claims(story):
        matching = [x for x in items if x.sources == card.sources and x.fidelity == card.fidelity
                    and (getattr(x, "explain", None) == card.text
                         or story.behaviours[getattr(x, "on", "")].lower() in card.text.lower()
                         if hasattr(x, "on") else getattr(x, "explain", None) == card.text)]
        assert matching, card.text


def test_the_quiz_asks_about_every_objective_and_keys_every_question(story) -> None:
    questions = quiz(story, claims(story))
    assert {q.objective for q in questions} == set(range(1, len(OBJECTIVES) + 1))
    assert all(q.answer.strip() for q in questions)


def test_the_pack_is_written_with_an_index_and_its_keys_match_the_cards(story, tmp_path) -> None:
    written = write_handouts(story, tmp_path)
    assert {p.name for p in written} == set(HANDOUTS) | {"index.html"}
    cards = (tmp_path / "claim-cards.html").read_text(encoding="utf-8")
    key = (tmp_path / "claim-key.html").read_text(encoding="utf-8")
    for card in claims(story):
        assert f"{card.number}.</span>" in cards
        row = re.search(rf"<td>{card.number}</td><td><span class=\"badge\">(\w+)</span>", key)
        assert row and row.group(1) == card.label
    for page in written:  # nothing an engineer writes reaches the page
        text = page.read_text(encoding="utf-8")
        for rid in (r for rs in story.rulesets.values() for r in (rs.id, *(x.id for x in rs.rules))):
            assert f">{rid}<" not in text


def test_story_text_is_escaped_in_every_handout(mini_dir, tmp_path) -> None:
    path = mini_dir / "rulesets" / "pilot-city.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"explain: .*", "explain: <script>alert(1)</script> is printed as text",
                           text, count=1), encoding="utf-8")
    write_handouts(load_story(mini_dir), tmp_path)
    for page in tmp_path.glob("*.html"):
        assert "<script>" not in page.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in (tmp_path / "claim-key.html").read_text(encoding="utf-8")


def test_the_command_writes_the_pack_and_refuses_a_folder_it_cannot_write(tmp_path) -> None:
    ok = subprocess.run([sys.executable, "-m", "game", "handouts", "-o", str(tmp_path / "pack")],
                        capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    assert (tmp_path / "pack" / "index.html").is_file()
    (tmp_path / "file").write_text("x")
    bad = subprocess.run([sys.executable, "-m", "game", "handouts", "-o",
                          str(tmp_path / "file" / "pack")], capture_output=True, text=True,
                         cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.startswith("error: cannot write")
    assert "Traceback" not in bad.stderr


@pytest.mark.skipif(BROWSER is None or shutil.which("pdfinfo") is None,
                    reason="headless Chromium or pdfinfo is not installed")
def test_every_handout_prints_and_the_lesson_plan_fits_one_page(story, tmp_path) -> None:
    write_handouts(story, tmp_path)
    pages = {}
    for name in HANDOUTS:
        pdf = tmp_path / (name + ".pdf")
        subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                        (tmp_path / name).as_uri()], capture_output=True, timeout=120)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages[name] = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages["lesson-plan.html"] == 1
    assert pages["slides.html"] >= 6  # one slide a page
    assert all(n >= 1 for n in pages.values())
