"""Shared by the Pilot tests: the app on the every-type deck with a real store and still time.

Two clocks, as in the app: the store's (the instant of an answer, a review, a due date),
which study tests move by hand, and the monotonic one that times answers.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.keys import key_to_character
from textual.pilot import Pilot

from quiz.deck import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.deck.loader import load_deck_or_raise
from quiz.store.database import Database
from quiz.study.scheduler import StudyScheduler
from quiz.tui.app import QuizApp
from quiz.tui.screens.flaggable import FlaggableScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.widgets.question_form import QuestionForm

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"
BUNDLED = Path(__file__).parents[2] / "decks" / "algeria-mali-relations.yaml"
SEED = 20260105
STILL = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def every_type() -> Deck:
    return load_deck_or_raise(EVERY_TYPE)


@pytest.fixture
def two_decks(tmp_path: Path) -> Path:
    """A folder of two decks, the test deck under two ids, for screens that list decks."""
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(EVERY_TYPE, decks / "one.yaml")
    other = EVERY_TYPE.read_text(encoding="utf-8").replace("deck: every-type", "deck: other")
    (decks / "two.yaml").write_text(other, encoding="utf-8")
    return decks


@pytest.fixture
def database(tmp_path: Path) -> Database:
    return Database(tmp_path / "quiz.sqlite3", clock=lambda: STILL)


@pytest.fixture
def app(every_type: Deck, database: Database) -> QuizApp:
    """The app as `quiz play tests/decks/every-type.yaml --seed SEED` builds it, time stopped."""
    return QuizApp([every_type], database=database, seed=SEED, clock=lambda: 42.0)


class Clock:
    """A clock the test sets: `now` for the store (UTC instants), `seconds` for timing."""

    def __init__(self) -> None:
        self.now = STILL
        self.seconds = 42.0

    def instant(self) -> datetime:
        return self.now

    def monotonic(self) -> float:
        return self.seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "study.sqlite3"


@pytest.fixture
def study_store(store_path: Path, clock: Clock) -> Iterator[Database]:
    database = Database(store_path, clock=clock.instant)
    yield database
    database.close()


def study_app(every_type: Deck, database: Database, clock: Clock) -> QuizApp:
    """The app as `quiz study` builds it, on `clock`, with FSRS's fuzz off for exact dates."""
    return QuizApp(
        [every_type],
        database=database,
        seed=SEED,
        clock=clock.monotonic,
        scheduler=StudyScheduler(fuzzing=False),
    )


def asked(app: App[None]) -> AnyQuestion:
    """The question on screen, quiz or study; the test fails if none is shown."""
    screen = app.screen
    assert isinstance(screen, FlaggableScreen), f"no question on {screen!r}"
    return screen.question


def screen_text(app: App[None]) -> str:
    """What a terminal shows now, line by line, trailing spaces removed."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


FRAME = str.maketrans(dict.fromkeys("▌▐▊▎▏│┃╭╮╰╯", " "))
"""Box edges beside text lines, blanked so text wrapped inside a box reads as one line."""


def shown(app: App[None]) -> str:
    """The screen's text with its lines joined and box edges removed, words single-spaced."""
    return " ".join(screen_text(app).translate(FRAME).split())


def toasts(app: App[None]) -> str:
    """The text of the notifications on screen (they float over other text)."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def settled(pilot: Pilot[None]) -> None:
    """Wait for every worker (the screens read the store in threads), then for the screen
    to take in the figures they posted."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def scroll_to(pilot: Pilot[None], selector: str) -> None:
    """Scroll the screen until the widget `selector` is in sight, as a learner scrolls down
    the statistics to a box below the first screenful."""
    pilot.app.screen.query_one(selector).scroll_visible(animate=False)
    await pilot.pause()


async def start_quiz(pilot: Pilot[None], *keys: str) -> None:
    """From the decks: choose the highlighted deck, press `keys` in the options, start."""
    await pilot.press("enter")
    await pilot.press(*keys)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def press_at_once(pilot: Pilot[None], *keys: str) -> None:
    """Press `keys` (named as Textual names them) as one terminal read brings them: all queued
    before the app handles the first. `pilot.press` lets the app settle after each key."""
    for key in keys:
        pilot.app.post_message(events.Key(key, key_to_character(key)))
    await pilot.pause()


async def answer_right(pilot: Pilot[None]) -> None:
    """Answer the question on screen (a quiz question or a study card) right, by keys only."""
    form = pilot.app.screen.query_one(QuestionForm)
    question, presented = form.question, form.presented
    match question:
        case ChoiceQuestion():
            await pilot.press(str(presented.index(question.answer) + 1))
        case MultiQuestion():
            await pilot.press(*(str(presented.index(a) + 1) for a in question.answers), "enter")
        case TrueFalseQuestion():
            await pilot.press("t" if question.answer else "f")
        case TextQuestion():
            await pilot.press(*question.answer, "enter")
        case ClozeQuestion():
            for deletion in question.deletions:
                await pilot.press(*deletion.answer, "tab")
            await pilot.press("shift+tab", "enter")
        case OrderQuestion():
            await pilot.press(*sort_keys(list(presented), question.items), "enter")
    await pilot.pause()


def sort_keys(items: list[str], target: tuple[str, ...]) -> list[str]:
    """Keys that sort `items` into `target`: walk the highlight down, lift each item with k."""
    keys: list[str] = []
    highlighted = 0
    for position, wanted in enumerate(target):
        here = items.index(wanted)
        keys += ["down" if here > highlighted else "up"] * abs(here - highlighted)
        keys += ["k"] * (here - position)
        items.insert(position, items.pop(here))
        highlighted = position
    return keys


async def finish_with_one_missed(pilot: Pilot[None]) -> None:
    """A quiz in deck order whose first question (the choice) is answered wrong."""
    await start_quiz(pilot, "tab", "space")
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    await pilot.press(str(screen.session.presented(screen.question).index("Gao") + 1))
    await pilot.press("enter")
    for _ in range(5):
        await answer_right(pilot)
        await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ResultsScreen)
