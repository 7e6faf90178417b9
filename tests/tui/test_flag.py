"""Flagging with `!` (ctrl+f while typing an answer) in a quiz and in study, read back from
the store and from `quiz flagged`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from quiz.cli import main
from quiz.deck import Deck
from quiz.deck.errors import display_path
from quiz.deck.fingerprint import content_fingerprint
from quiz.store.database import Database
from quiz.tui.app import QuizApp
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.flag import FlagScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.study_answer import StudyAnswerScreen
from quiz.tui.screens.study_question import StudyQuestionScreen

from .conftest import (
    EVERY_TYPE,
    STILL,
    Clock,
    answer_right,
    asked,
    shown,
    start_quiz,
    study_app,
    toasts,
)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """The store where `quiz flagged` looks for it: QUIZ_DATA_DIR points at its folder."""
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    database = Database(tmp_path / "data" / "quiz.sqlite3", clock=lambda: STILL)
    yield database
    database.close()


def flags(database: Database) -> list[tuple[str, str, str]]:
    rows = database.query("SELECT question_id, note, fingerprint FROM flags ORDER BY question_id")
    return [(row["question_id"], row["note"], row["fingerprint"]) for row in rows]


def flagged_output(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What `quiz flagged tests/decks/every-type.yaml` prints."""
    capsys.readouterr()
    assert main(["flagged", str(EVERY_TYPE)]) == 0
    return capsys.readouterr().out.splitlines()


async def flag(pilot: Pilot[None], key: str, note: str) -> None:
    """Press the flag `key`, type `note` in the dialog, then Enter."""
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, FlagScreen)
    await pilot.press(*note, "enter")
    await pilot.pause()


async def test_a_quiz_question_flagged_with_a_note(
    every_type: Deck, store: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    capital = every_type.questions[0]
    app = QuizApp([every_type], database=store, seed=1, clock=lambda: 42.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_quiz(pilot, "tab", "space")  # deck order: the choice question first
        assert asked(app) is capital
        assert "! Flag" in shown(app)
        assert "^f Flag" not in shown(app)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, FlagScreen)
        text = shown(app)
        assert "Flag · capital" in text
        assert "Which city is Mali's capital? [A] <script>alert(1)</script>" in text
        await pilot.press(*"the date is wrong!", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        flagged = 'Flagged: "Which city is Mali\'s capital?…" — run `quiz flagged` to list'
        assert flagged in toasts(app)
        assert flags(store) == [("capital", "the date is wrong!", content_fingerprint(capital))]
        await answer_right(pilot)  # the question still answers as before
        assert isinstance(app.screen, FeedbackScreen)
        assert "✔ Right" in shown(app)
        assert "Score 1" in shown(app)
        await pilot.press("!", "escape")  # on the feedback too; escape cancels
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert len(flags(store)) == 1

    assert flagged_output(capsys) == [
        f"{display_path(EVERY_TYPE)}:{capital.line}: the date is wrong! [capital]",
        "1 flagged question.",
    ]


async def test_while_typing_an_answer_bang_types_and_ctrl_f_flags(
    every_type: Deck, store: Database
) -> None:
    ban_date = next(q for q in every_type.questions if q.id == "ban-date")
    app = QuizApp([every_type], database=store, seed=1, clock=lambda: 42.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_quiz(pilot)
        while asked(app) is not ban_date:
            await answer_right(pilot)
            await pilot.press("enter")
            await pilot.pause()
        assert "^f Flag" in shown(app)
        assert "! Flag" not in shown(app)
        await pilot.press("7", "!")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        answer = app.screen.query_one("#answer", Input)
        assert answer.value == "7!"
        await flag(pilot, "ctrl+f", "")
        assert isinstance(app.screen, QuestionScreen)
        assert app.focused is answer  # back to typing where the learner was
        assert flags(store) == [("ban-date", "", content_fingerprint(ban_date))]
        await pilot.press("backspace", *" April 2025", "enter")
        await pilot.pause()
        assert "✔ Right" in shown(app)


async def test_a_study_card_flagged_on_both_sides(
    every_type: Deck, store: Database, clock: Clock, capsys: pytest.CaptureFixture[str]
) -> None:
    capital = every_type.questions[0]
    app = study_app(every_type, store, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("s", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StudyQuestionScreen)
        assert "! Flag" in shown(app)
        await flag(pilot, "!", "two right answers")
        assert isinstance(app.screen, StudyQuestionScreen)
        assert flags(store) == [("capital", "two right answers", content_fingerprint(capital))]
        await answer_right(pilot)
        assert isinstance(app.screen, StudyAnswerScreen)
        assert "! Flag" in shown(app)
        await flag(pilot, "!", "Kidal is spelled wrong")  # flagging again replaces the note
        assert isinstance(app.screen, StudyAnswerScreen)
        assert 'Flagged: "Which city is Mali\'s capital?…"' in toasts(app)
        await pilot.press("3")  # the rating bar still has the keys
        await pilot.pause()
        assert isinstance(app.screen, StudyQuestionScreen)

    assert flags(store) == [("capital", "Kidal is spelled wrong", content_fingerprint(capital))]
    assert flagged_output(capsys)[0] == (
        f"{display_path(EVERY_TYPE)}:{capital.line}: Kidal is spelled wrong [capital]"
    )


async def test_the_palette_and_the_help_offer_the_flag(every_type: Deck, store: Database) -> None:
    app = QuizApp([every_type], database=store, seed=1, clock=lambda: 42.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"flag")
        await pilot.pause()
        assert "Flag this question" not in shown(app)  # no question on the decks screen
        await pilot.press("escape")
        await start_quiz(pilot, "tab", "space")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "! Flag" in shown(app)
        await pilot.press("escape", "ctrl+p", *"flag this", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FlagScreen)
        await pilot.press(*"typo", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
    assert [(question, note) for question, note, _ in flags(store)] == [("capital", "typo")]


async def test_without_a_store_flagging_says_what_it_needs(every_type: Deck) -> None:
    app = QuizApp([every_type], database=None, seed=1, clock=lambda: 0.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_quiz(pilot, "tab", "space")
        await pilot.press("!")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "Flagging needs the history file" in toasts(app)
