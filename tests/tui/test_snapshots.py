"""SVG snapshots of the screens at 80×24, with a fixed seed, clock and store time: on the
test deck, and on the bundled deck, whose long section names, prompts and quotes must fit.

Each is taken through `still`, which stops the text cursors blinking: a focused input's
cursor hides 0.5 s after it shows, so a run slowed down (tests in parallel) drew the
options screen in other colours.

Regenerate after a deliberate design change with `pytest tests/tui --snapshot-update`
and look at the report before committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from quiz.deck import ChoiceQuestion, Deck
from quiz.deck.loader import load_deck_or_raise
from quiz.deck.questions import Questions
from quiz.store.database import Database
from quiz.tui.app import QuizApp
from quiz.tui.screens.flaggable import FLAG_KEY, FLAG_KEY_WHILE_TYPING, FlaggableScreen
from quiz.tui.widgets.question_form import QuestionForm

from .conftest import BUNDLED, SEED, Clock, answer_right, start_quiz, study_app

Snap = Callable[..., bool]
Steps = Callable[[Pilot[None]], Awaitable[None]]
SIZE = (80, 24)


def still(steps: Steps | None = None) -> Steps:
    """`steps`, then the figures read in the background shown and every text cursor on screen
    stopped blinking (shown), whatever the speed of the run."""

    async def run(pilot: Pilot[None]) -> None:
        if steps is not None:
            await steps(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False

    return run


def press(*keys: str) -> Steps:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.press(*keys)

    return run


def settled_then(*keys: str) -> Steps:
    """The decks' figures read and shown first, then `keys`: a dialog opened while the
    deck list was still taking in its figures drew the list behind it in other colours."""

    async def run(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*keys)

    return run


async def _deck_order(pilot: Pilot[None]) -> None:
    """Start the quiz with shuffling off, so the choice question comes first."""
    await start_quiz(pilot, "tab", "space")


async def _answered(pilot: Pilot[None]) -> None:
    await _deck_order(pilot)
    await pilot.press("1")  # a wrong choice with this seed: the feedback shows everything
    await pilot.pause()


async def _finished(pilot: Pilot[None]) -> None:
    await _answered(pilot)
    await pilot.press("enter")
    for _ in range(5):
        await answer_right(pilot)
        await pilot.press("enter")
    await pilot.pause()


async def _study_card_answered(pilot: Pilot[None]) -> None:
    """Study the deck; answer its first card (the choice question) wrong."""
    await pilot.press("s", "enter")
    await pilot.pause()
    form = pilot.app.screen.query_one(QuestionForm)
    wrong = next(i for i, choice in enumerate(form.presented) if choice != "Bamako")
    await pilot.press(str(wrong + 1))
    await pilot.pause()


@pytest.fixture
def studying(every_type: Deck, study_store: Database, clock: Clock) -> QuizApp:
    return study_app(every_type, study_store, clock)


def test_home(app: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(app, run_before=still(), terminal_size=SIZE)


def test_options(app: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(app, run_before=still(settled_then("enter")), terminal_size=SIZE)


def test_choice_question(app: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(app, run_before=still(_deck_order), terminal_size=SIZE)


def test_feedback(app: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(app, run_before=still(_answered), terminal_size=SIZE)


def test_results(app: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(app, run_before=still(_finished), terminal_size=SIZE)


def test_leave_dialog(app: QuizApp, snap_compare: Snap) -> None:
    """Esc after an answer asks before leaving, over the question it would leave."""

    async def leaving(pilot: Pilot[None]) -> None:
        await _answered(pilot)
        await pilot.press("enter", "escape")

    assert snap_compare(app, run_before=still(leaving), terminal_size=SIZE)


def test_home_with_a_stopped_quiz(app: QuizApp, snap_compare: Snap) -> None:
    """The deck offers to resume the quiz stopped after one answer; r is in the footer."""

    async def stopped(pilot: Pilot[None]) -> None:
        await _answered(pilot)
        await pilot.press("enter", "escape", "enter")

    assert snap_compare(app, run_before=still(stopped), terminal_size=SIZE)


def test_study_options(studying: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(studying, run_before=still(press("s")), terminal_size=SIZE)


def test_study_card(studying: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(studying, run_before=still(_study_card_answered), terminal_size=SIZE)


# The bundled deck, at its widest and longest.


@pytest.fixture(scope="module")
def bundled() -> Deck:
    return load_deck_or_raise(BUNDLED)


def bundled_app(deck: Deck, database: Database) -> QuizApp:
    """The app on `deck` (the bundled deck, or some of its questions), time stopped."""
    return QuizApp([deck], database=database, seed=SEED, clock=lambda: 42.0)


def test_bundled_options(bundled: Deck, database: Database, snap_compare: Snap) -> None:
    """Start and Back in sight, and the long section name whole."""
    app = bundled_app(bundled, database)
    assert snap_compare(app, run_before=still(settled_then("enter")), terminal_size=SIZE)


def test_bundled_flag_dialog(bundled: Deck, database: Database, snap_compare: Snap) -> None:
    """The longest prompt, and the hint wrapped at a word."""
    longest = max(bundled.questions, key=lambda q: len(q.prompt))
    app = bundled_app(bundled._replace(questions=Questions.of((longest,))), database)

    async def flag(pilot: Pilot[None]) -> None:
        await start_quiz(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, FlaggableScreen)
        await pilot.press(FLAG_KEY_WHILE_TYPING if screen.typing else FLAG_KEY)

    assert snap_compare(app, run_before=still(flag), terminal_size=SIZE)


def test_bundled_feedback(bundled: Deck, database: Database, snap_compare: Snap) -> None:
    """The longest explanation and quote: Continue stays in sight, the feedback scrolls."""
    longest = max(bundled.questions, key=lambda q: len(q.explain) + len(q.quote))
    app = bundled_app(bundled._replace(questions=Questions.of((longest,))), database)

    async def answered(pilot: Pilot[None]) -> None:
        await start_quiz(pilot)
        await answer_right(pilot)

    assert snap_compare(app, run_before=still(answered), terminal_size=SIZE)


def test_bundled_results(bundled: Deck, database: Database, snap_compare: Snap) -> None:
    """Every section's score beside its (long) name, and the buttons in sight."""
    firsts: dict[str, ChoiceQuestion] = {}
    for question in bundled.questions:
        if isinstance(question, ChoiceQuestion):
            firsts.setdefault(question.section, question)
    first, *others = firsts.values()
    app = bundled_app(bundled._replace(questions=Questions.of((first, *others))), database)

    async def finished(pilot: Pilot[None]) -> None:
        await start_quiz(pilot, "tab", "space")  # in deck order: `first` is missed
        presented = pilot.app.screen.query_one(QuestionForm).presented
        wrong = next(i for i, choice in enumerate(presented) if choice != first.answer)
        await pilot.press(str(wrong + 1), "enter")
        for _ in others:
            await answer_right(pilot)
            await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app, run_before=still(finished), terminal_size=SIZE)
