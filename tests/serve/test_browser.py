"""A learner's journey in a real browser: Debian's chromium, driven by Playwright.

xterm.js draws the app on a canvas, so the screen is read from the websocket's frames
(escape codes removed), and a screenshot is kept for a person to look at
(`QUIZ_SCREENSHOTS=folder`). Playwright cannot download its own browser here; it drives
the one `apt-get install chromium` puts in /usr/lib/chromium (`/usr/bin/chromium` is a
shell script Playwright cannot drive). Without it these tests are skipped, saying so.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, WebSocket, sync_playwright

from .conftest import DECK, Served, screen_text, start_server, wait_until

CHROMIUM = Path("/usr/lib/chromium/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""As this machine's notes give them: without the background-networking flags chromium
keeps trying to reach Google, which the closed network refuses."""

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"

if not CHROMIUM.exists():
    pytest.skip(
        f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium), which Playwright"
        " drives for the browser tests of quiz serve",
        allow_module_level=True,
    )


class Browser:
    """One page of chromium on the served URL, with the websocket frames it received."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.frames: list[bytes] = []
        self.requests: list[str] = []
        self.mark = 0
        """Where the frames drawn since the last key begin."""
        self.complaints: list[str] = []
        """The console's errors and warnings: a refused load, a policy violation."""
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._listen)
        page.on("websocket", self._watch)

    def _listen(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.complaints.append(message.text)

    def _watch(self, websocket: WebSocket) -> None:
        def take(payload: str | bytes) -> None:
            if isinstance(payload, bytes):
                self.frames.append(payload)

        websocket.on("framereceived", take)

    def screen(self, since: int = 0) -> str:
        return screen_text(self.frames[since:])

    def wait_for(self, *texts: str) -> str:
        """Wait until the app has drawn one of `texts` since the last key pressed; which."""
        mark = self.mark

        def seen() -> str | None:
            self.page.wait_for_timeout(50)  # lets Playwright deliver the frames
            screen = self.screen(mark)
            return next((text for text in texts if text in screen), None)

        try:
            wait_until(lambda: seen() is not None, f"{' or '.join(texts)!r} in the browser")
        except pytest.fail.Exception:
            print(self.screen()[-3000:])
            raise
        return seen() or ""

    def press(self, *keys: str) -> None:
        self.mark = len(self.frames)
        for key in keys:
            self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.mark = len(self.frames)
        self.page.keyboard.type(text)


@pytest.fixture
def browser() -> Iterator[Callable[[str], Browser]]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:

            def open_page(url: str) -> Browser:
                page = chromium.new_page(viewport={"width": 1000, "height": 700})
                shown = Browser(page)
                page.goto(url)
                page.locator(".xterm-helper-textarea").focus()  # keys go to the terminal
                return shown

            yield open_page
        finally:
            chromium.close()


@pytest.fixture
def two_decks(tmp_path: Path) -> Iterator[Served]:
    """The server on a folder of two decks: every-type, then two-questions."""
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(EVERY_TYPE, decks / "a-every-type.yaml")
    shutil.copy(DECK, decks / "b-two-questions.yaml")
    server = start_server(decks=(decks,))
    yield server
    server.stop()


def test_a_quiz_taken_in_the_browser_lands_in_the_history(
    two_decks: Served, browser: Callable[[str], Browser]
) -> None:
    tab = browser(two_decks.url)
    tab.wait_for("Two questions")
    tab.wait_for("Every type [bold]test[/bold]")
    tab.press("ArrowDown", "Enter")  # the second deck; its options
    tab.wait_for("Shuffle the questions")
    tab.press("Control+s")  # every question, shuffled
    answered: list[str] = []
    for _ in range(2):
        answered.append(answer_right(tab, answered))
        tab.wait_for("Right")
        tab.press("Enter")
    tab.wait_for("Score 2 / 2 (100%)")
    keep_screenshot(tab, "results")
    assert saved_answers() == {("capital", "bamako", 1), ("border", True, 1)}
    study_and_statistics(tab)
    assert all(url.startswith(two_decks.base + "/") for url in tab.requests), tab.requests
    assert tab.complaints == []


def study_and_statistics(tab: Browser) -> None:
    """The rest of the app from the deck list: its statistics, then one card studied and
    rated, which lands in the history as a review."""
    tab.press("Escape")
    tab.wait_for("best 100%")
    tab.press("t")
    tab.wait_for("No reviews yet.")
    tab.press("Escape")
    tab.wait_for("best 100%")
    tab.press("s")
    tab.wait_for("New cards per day")
    tab.press("Control+s")
    answer_right(tab)
    tab.wait_for("Good")
    tab.press("3")
    wait_until(lambda: saved_reviews() == 1, "the rating saved as a review")
    keep_screenshot(tab, "study")


PROMPTS = {"border": "share a border", "capital": "capital of Mali"}
"""What each question of the two-question deck shows, by id."""


def answer_right(tab: Browser, answered: Sequence[str] = ()) -> str:
    """Answer the question just drawn, whichever of the two it is (true/false with a key,
    the other typed); its id. The one not yet `answered` is looked for: the frames that
    take the last answer's feedback away can still show its question's words."""
    waiting = {key: prompt for key, prompt in PROMPTS.items() if key not in answered}
    shown = tab.wait_for(*waiting.values())
    if shown == PROMPTS["border"]:
        tab.press("t")
        return "border"
    tab.type("bamako")
    tab.press("Enter")
    return "capital"


def saved(sql: str) -> list[tuple[object, ...]]:
    """Rows of the history file the tests' data folder holds."""
    store = Path(os.environ["QUIZ_DATA_DIR"]) / "quiz.sqlite3"
    with closing(sqlite3.connect(store)) as connection:
        return connection.execute(sql).fetchall()


def saved_answers() -> set[tuple[object, ...]]:
    rows = saved("SELECT question_id, given, correct FROM answers")
    return {(question, json.loads(str(given)), correct) for question, given, correct in rows}


def saved_reviews() -> int:
    [[count]] = saved("SELECT COUNT(*) FROM reviews")
    return int(str(count))


def keep_screenshot(tab: Browser, name: str) -> None:
    """A screenshot, checked to be a picture; kept in $QUIZ_SCREENSHOTS when that is set."""
    picture = tab.page.screenshot()
    assert picture.startswith(b"\x89PNG")
    if folder := os.environ.get("QUIZ_SCREENSHOTS"):
        Path(folder, f"serve-{name}.png").write_bytes(picture)
