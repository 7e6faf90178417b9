"""Shared by the Pilot tests of study sittings: starting one as a learner does, reading the
card on show, answering it at a chosen speed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.app import App
from textual.pilot import Pilot

from quiz.study.rating import expected_seconds
from quiz.tui.app import QuizApp
from quiz.tui.screens.study_answer import StudyAnswerScreen
from quiz.tui.screens.study_question import StudyQuestionScreen
from quiz.tui.screens.study_setup import StudySetupScreen

from .conftest import Clock, answer_right, screen_text, settled, shown


def on_card(app: App[None]) -> str:
    """The id of the card whose front is on screen."""
    screen = app.screen
    assert isinstance(screen, StudyQuestionScreen), f"no card's front on {screen!r}"
    return screen.question.id


def ratings(app: App[None]) -> list[str]:
    """What each rating button shows, its lines joined by ` / `: `3 Good ⏎ / 10m`."""
    lines = screen_text(app).splitlines()
    buttons = [button.content_region for button in app.screen.query("RatingBar Button")]
    return [
        " / ".join(text for line in lines[r.y : r.bottom] if (text := line[r.x : r.right].strip()))
        for r in buttons
    ]


async def press(pilot: Pilot[None], *keys: str) -> str:
    """Press `keys`, let the screens settle, and return what the terminal shows."""
    await pilot.press(*keys)
    await pilot.pause()
    return shown(pilot.app)


async def start_studying(pilot: Pilot[None], *keys: str) -> None:
    """From the decks: s on the highlighted deck, `keys` in its study options, then Enter."""
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, StudySetupScreen)
    await press(pilot, *keys, "enter")


@asynccontextmanager
async def sitting(
    app: QuizApp, *keys: str, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[Pilot[None]]:
    """`app` at `size` with its notifications, a sitting started from the decks once their
    figures are read (`keys` typed in the study options first)."""
    async with app.run_test(size=size, notifications=True) as pilot:
        await settled(pilot)
        await start_studying(pilot, *keys)
        yield pilot


async def answer_after(pilot: Pilot[None], clock: Clock, share_of_expected: float) -> str:
    """Answer the card right after `share_of_expected` of its expected time; the back's text."""
    screen = pilot.app.screen
    assert isinstance(screen, StudyQuestionScreen)
    clock.seconds += share_of_expected * expected_seconds(screen.question)
    await answer_right(pilot)
    assert isinstance(pilot.app.screen, StudyAnswerScreen)
    return shown(pilot.app)
