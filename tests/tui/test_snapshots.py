"""SVG snapshots of the main screens at 80×24, with a fixed seed, clock and store time.

Regenerate after a deliberate design change with `pytest tests/tui --snapshot-update`
and look at the report before committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from quiz.deck import Deck
from quiz.store.database import Database
from quiz.tui.app import QuizApp
from quiz.tui.widgets.question_form import QuestionForm

from .conftest import Clock, answer_right, start_quiz, study_app

Snap = Callable[..., bool]


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
    assert snap_compare(app, terminal_size=(80, 24))


def test_options(app: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(app, press=["enter"], terminal_size=(80, 24))


def test_choice_question(app: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(app, run_before=_deck_order, terminal_size=(80, 24))


def test_feedback(app: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(app, run_before=_answered, terminal_size=(80, 24))


def test_results(app: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(app, run_before=_finished, terminal_size=(80, 24))


def test_study_card(studying: QuizApp, snap_compare: Snap) -> None:
    assert snap_compare(studying, run_before=_study_card_answered, terminal_size=(80, 24))
