"""Keys that arrive in one read: each screen's choice acts once, on its own run, or not at all.

A terminal read can hold several keys (a quick double press, a paste); the app handles them
all before any screen changes, so the screen they were meant for sees each of them.
`press_at_once` sends keys that way (`pilot.press` lets the app settle after each key).
"""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from quiz.deck import Deck, TextQuestion
from quiz.store.database import Database
from quiz.store.history import History
from quiz.tui import key_timing
from quiz.tui.app import QuizApp
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.setup import SetupScreen
from quiz.tui.screens.study_answer import StudyAnswerScreen
from quiz.tui.widgets.multi_choice import MultiChoice

from .conftest import (
    Clock,
    answer_right,
    finish_with_one_missed,
    press_at_once,
    settled,
    shown,
    start_quiz,
    study_app,
)


async def reach_feedback_before_a_text_question(pilot: Pilot[None]) -> None:
    """Answer the questions up to the feedback of the one before a typed question."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    session = screen.session
    while not isinstance(session.questions[len(session.records) + 1], TextQuestion):
        await answer_right(pilot)
        await pilot.press("enter")
    await answer_right(pilot)
    assert isinstance(pilot.app.screen, FeedbackScreen)


def stack(app: QuizApp) -> list[str]:
    """The screens open, bottom first, by class name (Textual's empty first screen left out)."""
    return [type(screen).__name__ for screen in app.screen_stack[1:]]


async def test_retry_pressed_twice_retries_once(app: QuizApp, database: Database) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_with_one_missed(pilot)
        await press_at_once(pilot, "r", "r")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]
        assert "1 / 1" in shown(app)
        await answer_right(pilot)  # a run is saved with its first answer
    assert [r.mode for r in History(database).sessions()] == ["retry", "quiz"]


async def test_start_again_pressed_twice_starts_one_quiz(app: QuizApp, database: Database) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_with_one_missed(pilot)
        await press_at_once(pilot, "a", "r")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]
        assert "1 / 6" in shown(app)
        await answer_right(pilot)
    runs = History(database).sessions()
    assert [(r.mode, r.answered) for r in runs] == [("quiz", 1), ("quiz", 6)]


async def test_a_deck_chosen_twice_opens_one_options_dialog(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await press_at_once(pilot, "enter", "enter")
        assert stack(app) == ["HomeScreen", "SetupScreen"]
        await press_at_once(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_options_started_twice_start_one_quiz(app: QuizApp, database: Database) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
        await press_at_once(pilot, "enter", "enter")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]
        await answer_right(pilot)
        await pilot.press("escape", "enter")  # leave, as asked
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [r.answered for r in History(database).sessions()] == [1]


async def test_feedback_continued_twice_moves_on_once(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await answer_right(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        await press_at_once(pilot, "enter", "enter")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]
        assert "2 / 6" in shown(app)


async def test_flag_asked_twice_opens_one_dialog_that_flags_once(
    app: QuizApp, database: Database
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")  # the choice question: `!` flags
        await press_at_once(pilot, "exclamation_mark", "exclamation_mark")
        assert stack(app) == ["HomeScreen", "QuestionScreen", "FlagScreen"]
        await press_at_once(pilot, "enter", "enter")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]
    assert database.query("SELECT count(*) AS n FROM flags")[0]["n"] == 1


async def test_an_answer_that_finds_the_flag_dialog_open_is_dropped(app: QuizApp) -> None:
    """The dialog covers the question, which stays unanswered: the feedback switched in under
    the dialog would leave the dialog over it, and the question below both."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")
        await press_at_once(pilot, "exclamation_mark", "1")
        assert stack(app) == ["HomeScreen", "QuestionScreen", "FlagScreen"]
        await press_at_once(pilot, "escape")
        assert "Score 0" in shown(app)
        await answer_right(pilot)
        assert stack(app) == ["HomeScreen", "FeedbackScreen"]


async def test_study_keys_pressed_twice_act_once(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await press_at_once(pilot, "s", "s")
        assert stack(app) == ["HomeScreen", "StudySetupScreen"]
        await press_at_once(pilot, "enter", "enter")
        assert stack(app) == ["HomeScreen", "StudyQuestionScreen"]
        await press_at_once(pilot, "space", "space")
        assert isinstance(app.screen, StudyAnswerScreen)
        await press_at_once(pilot, "1", "1")
        assert stack(app) == ["HomeScreen", "StudyQuestionScreen"]
        await answer_right(pilot)
        await press_at_once(pilot, "exclamation_mark", "1")
        assert stack(app) == ["HomeScreen", "StudyAnswerScreen", "FlagScreen"]
        await press_at_once(pilot, "escape")
        await press_at_once(pilot, "3", "3")
        assert stack(app) == ["HomeScreen", "StudyQuestionScreen"]
    reviews = study_store.query("SELECT count(*) AS n FROM reviews")[0]["n"]
    assert reviews == 2


async def test_help_closed_twice_closes_only_the_help(app: QuizApp) -> None:
    """Issue: a second escape read with the first closed the screen under the help too."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await pilot.press("question_mark")
        assert "Keys on this screen" in shown(app)
        await press_at_once(pilot, "escape", "escape")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]
        assert "1 / 6" in shown(app)


async def test_help_closed_by_a_double_tap_closes_only_the_help(
    app: QuizApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue: the second escape of a double tap, or the one Textual's parser holds back for
    100 ms, is read after the help has closed, and opened the Stop dialog under it. The
    window is widened here so that a slow run cannot make the second press a new one."""
    monkeypatch.setattr(key_timing, "DOUBLE_PRESS_SECONDS", 60.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await pilot.press("question_mark")
        await pilot.press("escape")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]
        await press_at_once(pilot, "escape")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]
        monkeypatch.setattr(key_timing, "DOUBLE_PRESS_SECONDS", 0.0)  # a press decided later
        await press_at_once(pilot, "escape")  # stops the quiz: nothing answered, nothing to ask
        assert stack(app) == ["HomeScreen"]


async def test_a_study_sitting_outlasts_a_double_tap_on_its_help(
    every_type: Deck, study_store: Database, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escape on a card ends the sitting at once: a doubled escape on the help ended it too."""
    monkeypatch.setattr(key_timing, "DOUBLE_PRESS_SECONDS", 60.0)
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "enter")
        await pilot.press("question_mark")
        await pilot.press("escape")
        await press_at_once(pilot, "escape")
        assert stack(app) == ["HomeScreen", "StudyQuestionScreen"]


async def test_statistics_left_twice_leave_only_the_statistics(app: QuizApp) -> None:
    """Opened from the palette during a quiz, the statistics close; the quiz stays."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        app.action_stats()
        await settled(pilot)
        assert stack(app) == ["HomeScreen", "QuestionScreen", "StatsScreen"]
        await press_at_once(pilot, "escape", "escape")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]


async def test_help_closed_with_q_twice_does_not_quit(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("question_mark")
        await press_at_once(pilot, "q", "q")
        assert stack(app) == ["HomeScreen"]
        assert app.is_running


@pytest.mark.parametrize(
    ("keys", "answer"),
    [
        ("mali", "mali"),
        ("quit", "quit"),  # q quits from the feedback
        (["B", "a", "m", "a", "k", "x", "backspace", "o"], "Bamako"),
        (["y", "s", "left", "e"], "yes"),
    ],
)
async def test_an_answer_typed_ahead_of_the_next_question_is_kept(
    app: QuizApp, keys: list[str], answer: str
) -> None:
    """Enter on the feedback and the first keys of the next answer in one read: they are the
    learner's answer, not keys pressed at the feedback (even one bound there), and edit the
    answer box in the order typed."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await reach_feedback_before_a_text_question(pilot)
        await press_at_once(pilot, "enter", *keys)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.query_one(Input).value == answer


async def test_an_answer_typed_ahead_with_its_enter_is_sent(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await reach_feedback_before_a_text_question(pilot)
        await press_at_once(pilot, "enter", *"mali", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "Your answer mali" in shown(app)


async def test_a_note_typed_ahead_of_the_flag_dialog_is_kept(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")  # the choice question: `!` flags
        await press_at_once(pilot, "exclamation_mark", "o", "l", "d")
        assert stack(app) == ["HomeScreen", "QuestionScreen", "FlagScreen"]
        assert app.screen.query_one("#note", Input).value == "old"


async def test_letters_after_a_repeated_key_reach_no_choice_question(app: QuizApp) -> None:
    """Only an answer box takes letters typed ahead: on a choice question a letter could be a
    key that answers it."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")
        await answer_right(pilot)
        await press_at_once(pilot, "enter", "enter", "1")
        assert stack(app) == ["HomeScreen", "QuestionScreen"]
        assert "2 / 6" in shown(app)
        assert app.screen.query_one(MultiChoice).selected == []  # `1` would tick the first


async def test_a_key_read_while_the_next_question_is_built_waits_for_it(app: QuizApp) -> None:
    """A letter typed just after the feedback has gone, while the question taking its place
    has no answer box yet, lands in the box once it is there."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await reach_feedback_before_a_text_question(pilot)
        app.screen.post_message(FeedbackScreen.Continue(app.screen))  # Enter, without a pause
        while not isinstance(app.screen, QuestionScreen):
            await asyncio.sleep(0)
        assert not app.screen.is_mounted
        await app.on_event(events.Key("m", "m"))  # as the app's loop hands it a key read now
        await pilot.pause()
        assert app.screen.query_one(Input).value == "m"
