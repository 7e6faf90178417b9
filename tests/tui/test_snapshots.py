"""SVG snapshots of the main screens at 80×24, with a fixed seed, clock and store time.

Regenerate after a deliberate design change with `pytest tests/tui --snapshot-update`
and look at the report before committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from quiz.tui.app import QuizApp

from .conftest import answer_right, start_quiz

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
