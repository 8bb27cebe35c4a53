"""In a real browser: Debian's Chromium, headless, driven by Selenium through Debian's
chromedriver, against the app served by uvicorn on a free localhost port.

Plays a life to its end by keyboard and touch-sized clicks; runs a class where three
students join and vote while the teacher's page counts them live (server-sent events);
and checks every page at 360 px and 1280 px wide: nothing wider than the screen, every
target at least 44 px tall. With ROAM_FREELY_SHOTS=DIR it also saves a PNG of each page.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                                reason="chromium and chromium-driver (Debian) are needed")
SHOTS = os.environ.get("ROAM_FREELY_SHOTS")


@pytest.fixture
def browser_factory():  # per test, and after `served`: browsers quit before the server stops
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    made = []

    def make(width: int = 1280, height: int = 800):
        options = webdriver.ChromeOptions()
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--disable-dev-shm-usage", "--force-device-scale-factor=1"):
            options.add_argument(arg)
        options.binary_location = CHROMIUM
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(DRIVER), options=options)
        driver.set_window_size(width, height)
        driver.implicitly_wait(8)  # a click that submits returns before the next page is in
        made.append(driver)
        return driver

    yield make
    for d in made:
        d.quit()


def wait_for(check, timeout: float = 10.0):
    from selenium.common.exceptions import StaleElementReferenceException

    deadline = time.monotonic() + timeout
    while True:
        try:
            value = check()
        except StaleElementReferenceException:  # the live panel was just replaced
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting in the browser")
        time.sleep(0.1)


def click(d, xpath: str) -> None:  # noqa: ANN001
    """Click, again if the live panel replaced the element between finding and clicking."""
    from selenium.webdriver.common.by import By

    wait_for(lambda: d.find_element(By.XPATH, xpath).click() or True)


def test_play_a_life_to_its_end(served, browser_factory):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser_factory(360, 740)
    d.get(served.url + "/")
    d.find_element(By.CSS_SELECTOR, "a.life").click()
    d.find_element(By.CSS_SELECTOR, "input[name=m][value=t]").click()
    d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(lambda: "What really happens" in d.page_source)
    # by keyboard: Tab to the first choice and press Enter
    first = d.find_elements(By.CSS_SELECTOR, "a.choice")[0]
    assert first.text.endswith("Run the red light")
    body = d.find_element(By.TAG_NAME, "body")
    for _ in range(30):
        if d.switch_to.active_element == first:
            break
        body.send_keys(Keys.TAB)
    assert d.switch_to.active_element == first
    d.switch_to.active_element.send_keys(Keys.ENTER)
    wait_for(lambda: "Your score changed: 1000 to 995" in d.page_source)
    d.find_element(By.ID, "go-on").click()
    d.find_element(By.PARTIAL_LINK_TEXT, "Refuse to pay").click()
    wait_for(lambda: "Listed debtors may not buy high-speed rail tickets." in d.page_source)
    d.find_element(By.CSS_SELECTOR, "a.try").click()  # the closed train, tried anyway
    wait_for(lambda: "Refused" in d.page_source and "The slow way" in d.page_source)
    assert d.execute_script("return window.__xss || null") is None
    d.find_element(By.PARTIAL_LINK_TEXT, "See what happened").click()
    code = d.find_element(By.CSS_SELECTOR, ".replay").text
    assert re.fullmatch(r"RF-[0-9A-Z-]+", code)
    assert "The same choices, other rules" in d.page_source
    # no script payload from the story ran: no alert is open
    assert not _alert_open(d)


def _alert_open(d) -> bool:  # noqa: ANN001
    from selenium.common.exceptions import NoAlertPresentException

    try:
        d.switch_to.alert  # noqa: B018
        return True
    except NoAlertPresentException:
        return False


def _join(d, url: str, code: str, nick: str) -> str:  # noqa: ANN001
    from selenium.webdriver.common.by import By

    d.delete_all_cookies()
    d.get(f"{url}/join/{code}")
    d.find_element(By.ID, "nick").send_keys(nick)
    d.find_element(By.CSS_SELECTOR, "form.stack button").click()
    wait_for(lambda: "You are in" in d.page_source)
    return d.get_cookie("rf_seat")["value"]


def test_three_students_join_and_vote_while_the_teacher_page_counts_live(served,
                                                                       browser_factory):
    from selenium.webdriver.common.by import By

    t = browser_factory(1280, 800)
    t.get(served.url + "/teach")
    t.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    code = t.find_element(By.CSS_SELECTOR, ".bigcode").text  # waits for the new page
    teacher_url = t.current_url
    assert "/teach/" in teacher_url

    s = browser_factory(360, 740)
    seats = [_join(s, served.url, code, nick) for nick in ("Ana", "Bo", "<b>Cy</b>")]
    # the teacher's page was not reloaded: the count arrived by server-sent events
    wait_for(lambda: t.find_element(By.ID, "joined").text == "3")
    assert t.current_url == teacher_url
    assert "&lt;b&gt;Cy&lt;/b&gt;" in t.page_source

    # a student waiting on the home page sees the vote open, live
    s.get(served.url + "/")
    bar = s.find_element(By.ID, "votebar")
    assert not bar.is_displayed()
    click(t, "//button[contains(., 'Open a class vote')]")
    wait_for(lambda: bar.is_displayed())

    for seat, choice in zip(seats, (1, 2, 2), strict=True):
        s.delete_all_cookies()
        s.add_cookie({"name": "rf_seat", "value": seat, "path": "/"})
        s.get(served.url + "/class")
        s.find_elements(By.CSS_SELECTOR, "form button.choice")[choice - 1].click()
        wait_for(lambda: "Your vote is in" in s.page_source)
    wait_for(lambda: [e.text for e in t.find_elements(By.CSS_SELECTOR, ".bar-n")] == ["1", "2"])
    assert "The class is voting: 3 votes" in t.page_source
    click(t, "//button[contains(., 'Close the vote')]")
    click(t, "//li[contains(@class, 'winner')]//button")
    wait_for(lambda: "A letter from the court." in t.page_source)

    # the reveal switches a student's open page to transparent without a click there
    s.get(served.url + "/start?l=0&r=1&m=o")
    wait_for(lambda: "What the system tells you" in s.page_source)
    click(t, "//button[contains(., 'Reveal')]")
    wait_for(lambda: "What really happens" in s.page_source)


PAGES = ["/", "/begin/0", "/life/0-1-0-1?m=t", "/life/0-1-0-1_1?m=o", "/life/0-1-0-1_1?m=t",
         "/life/0-1-0-1_11?m=t", "/debrief/0-1-0-1_11?m=t", "/join", "/teach", "/code", "/nowhere"]


@pytest.mark.parametrize("width,height", [(360, 740), (1280, 800)])
def test_every_page_fits_the_screen_with_large_targets(served, browser_factory, width,
                                                       height):
    from selenium.webdriver.common.by import By

    d = browser_factory(width, height)
    d.get(served.url + "/teach")
    d.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    d.find_element(By.CSS_SELECTOR, ".bigcode")  # waits for the teacher's page
    pages = PAGES + [d.current_url.replace(served.url, "")]
    for path in pages:
        d.get(served.url + path)
        wide = d.execute_script("return document.documentElement.scrollWidth")
        assert wide <= width, f"{path} is {wide} px wide at {width}"
        small = d.execute_script("""
            return [...document.querySelectorAll('a.btn, a.choice, button, .option, input:not([type=radio])')]
              .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
              .map(e => e.outerHTML.slice(0, 80));""")
        assert small == [], f"{path}: targets under 44 px: {small}"
        fonts = d.execute_script("return [...document.fonts].filter(f => f.status == 'loaded')"
                                 ".map(f => f.family)")
        assert any("Noto Sans" in f for f in fonts), path  # our own font, from this server
        # the strict CSP blocked nothing the page needs (and nothing else failed to load)
        problems = [e["message"] for e in d.get_log("browser")
                    if "Content Security Policy" in e["message"] or "Refused" in e["message"]
                    or ("Failed to load" in e["message"] and "nowhere" not in path
                        and "404" not in e["message"])]
        assert problems == [], f"{path}: {problems}"
        if SHOTS:
            _shoot(d, Path(SHOTS), path, width, height)


def _shoot(d, folder: Path, path: str, width: int, height: int) -> None:  # noqa: ANN001
    folder.mkdir(parents=True, exist_ok=True)
    full = d.execute_script("return document.documentElement.scrollHeight")
    d.set_window_size(width, max(height, min(full, 5000)))
    name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")[:40] or "home"
    d.save_screenshot(str(folder / f"{name}-{width}.png"))
    d.set_window_size(width, height)
