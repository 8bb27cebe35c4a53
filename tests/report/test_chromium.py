"""The debrief and the class summary in a real browser: headless Chromium.

Skipped when no Chromium is installed (CI installs it). Each run uses its own
profile folder so tests never share browser state.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from report_story import LISTED, PERK

from game.codes import encode
from game.reports.class_summary import render_class_report
from game.reports.debrief import render_report

BROWSER = next((shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="headless Chromium is not installed")
INJECTED = ("<script>document.title='PWNED'</script>"
            "<img src=x onerror=\"document.title='PWNED'\">")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-extensions", "--disable-background-networking",
         f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=180, check=False)


def dom_title(tmp_path: Path, html: str) -> str:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    result = chromium(tmp_path, "--virtual-time-budget=2000", "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    match = re.search(r"<title>(.*?)</title>", result.stdout, flags=re.S)
    assert match, result.stdout[:500]
    return match.group(1)


def without_csp(html: str) -> str:
    # Take away the page's second line of defence, to show escaping alone is enough.
    return re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)


@pytest.mark.parametrize("kind", ["report", "class"])
def test_prints_to_pdf(story, tmp_path: Path, kind: str) -> None:
    if kind == "report":
        html = render_report(story, LISTED, name="Ann")
    else:
        html, _ = render_class_report(story, [encode(story, LISTED), encode(story, PERK)])
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "out.pdf"
    result = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 5000
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 1


def test_the_control_page_shows_that_an_unescaped_script_would_run(tmp_path: Path) -> None:
    # Without this, the tests below could pass because scripts never run at all.
    html = f"<!DOCTYPE html><html><head><title>Debrief</title></head><body>{INJECTED}</body></html>"
    assert dom_title(tmp_path, html) == "PWNED"


def test_a_script_in_the_name_does_not_run(story, tmp_path: Path) -> None:
    html = render_report(story, LISTED, name=INJECTED)
    title = dom_title(tmp_path, without_csp(html))
    assert "PWNED" not in title and title.startswith("The Courier")
    assert "PWNED" not in dom_title(tmp_path, html)


def test_a_script_in_the_story_does_not_run(story, tmp_path: Path) -> None:
    # The test story puts script and img tags in an ending title, a rule's reason,
    # and a discussion prompt; LISTED reaches them all.
    html = render_report(story, LISTED)
    title = dom_title(tmp_path, without_csp(html))
    assert "PWNED" not in title and title.startswith("The Courier")
    html, _ = render_class_report(story, [encode(story, LISTED)])
    assert "PWNED" not in dom_title(tmp_path, without_csp(html))
