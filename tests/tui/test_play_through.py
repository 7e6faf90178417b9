"""Whole quizzes driven by key presses, checked on screen and in the history file."""

from __future__ import annotations

import json

from quiz.deck import Deck
from quiz.store.database import Database
from quiz.store.history import History
from quiz.tui.app import QuizApp
from quiz.tui.key_timing import DOUBLE_PRESS_SECONDS
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen

from .conftest import answer_right, asked, screen_text, settled, shown, start_quiz, toasts


async def test_every_type_answered_right_from_the_keyboard(
    app: QuizApp, database: Database, every_type: Deck
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert "Every type [bold]test[/bold]" in shown(app)
        assert "[bold]test[/bold] · 6 questions 1 choice · 1 multi · 1 truefalse" in shown(app)
        assert "not played yet" in shown(app)
        await start_quiz(pilot)
        seen = []
        for number in range(1, 7):
            assert isinstance(app.screen, QuestionScreen)
            assert f"{number} / 6" in shown(app)
            seen.append(asked(app).id)
            await answer_right(pilot)
            assert isinstance(app.screen, FeedbackScreen)
            assert "✔ Right" in shown(app)
            await pilot.press("enter")
            await pilot.pause()
        assert sorted(seen) == sorted(q.id for q in every_type.questions)
        assert isinstance(app.screen, ResultsScreen)
        assert "Score 6 / 6 (100%)" in shown(app)
        assert "Nothing missed!" in shown(app)
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "best 100% · last 100% · 1 quiz" in shown(app)
    [run] = History(database).sessions()
    assert (run.deck_id, run.mode, run.score, run.max_score) == ("every-type", "quiz", 6, 6)
    assert run.finished_at is not None
    answers = History(database).answers(run.id)
    assert [a.question_id for a in answers] == seen
    assert all(a.correct for a in answers)
    given = {a.question_id: json.loads(a.given) for a in answers}
    assert given["colonies"] == ["Algeria", "Mali"]
    assert given["sunni"] is True


async def test_deck_text_shows_literally(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")  # shuffle off: the choice question comes first
        assert asked(app).id == "capital"
        text = shown(app)
        assert "Which city is Mali's capital? [A] <script>alert(1)</script>" in text
        assert "[A] Kidal" in text
        assert "Every type [bold]test[/bold]" in text
        await pilot.press("enter")  # the highlighted choice, whichever it is
        await pilot.pause()
        text = shown(app)
        assert 'Bamako is the capital; "[bold]" stays literal.' in text
        assert "From the source" in text
        assert "Mali has an embassy in Algiers" in text


async def test_wrong_and_partial_answers_then_retry_the_missed(
    app: QuizApp, database: Database
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")  # shuffle off: deck order
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        await pilot.press(str(screen.session.presented(screen.question).index("Gao") + 1))
        await pilot.pause()
        assert "✘ Wrong" in shown(app)
        assert "Your answer Gao" in shown(app)
        assert "Answer Bamako" in shown(app)
        await pilot.press("enter")
        await pilot.pause()
        colonies = app.screen
        assert isinstance(colonies, QuestionScreen)
        presented = colonies.session.presented(colonies.question)
        await pilot.press(str(presented.index("Mali") + 1), "enter")
        await pilot.pause()
        assert "◐ Partly right: 0.5 point" in shown(app)
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(4):
            await answer_right(pilot)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = shown(app)
        assert "Score 4.5 / 6 (75%)" in text
        assert "Missed (2)" in text
        assert "Which city is Mali's capital? [A] <script>alert(1)</script> ✘ you: Gao" in text
        assert "✔ answer: Bamako" in text
        app.screen.query_one("#body").scroll_end(animate=False)  # the buttons stay; this scrolls
        await pilot.pause()
        assert "✘ you: Mali ✔ answer: Algeria, Mali" in shown(app)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "1 / 2" in shown(app)
        for _ in range(2):
            await answer_right(pilot)
            await pilot.press("enter")
            await pilot.pause()
        assert "Score 2 / 2 (100%)" in shown(app)
        await pilot.press("escape")
        await settled(pilot)
        assert "best 75% · last 75% · 1 quiz · 1 retry" in shown(app)  # the retry is no best
    runs = History(database).sessions()
    assert [(r.mode, r.score, r.max_score) for r in runs] == [("retry", 2, 2), ("quiz", 4.5, 6)]


async def test_a_typo_is_accepted_with_the_exact_spelling(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        while asked(app).kind != "cloze":
            await answer_right(pilot)
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press(*"Bamkao", "tab", *"gao", "enter")
        await pilot.pause()
        text = shown(app)
        assert "✔ Right" in text
        assert "Accepted with a typo; the exact spelling is “Bamako”." in text


async def test_quitting_halfway_keeps_the_answers(app: QuizApp, database: Database) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        for _ in range(2):
            await answer_right(pilot)
            await pilot.press("enter")
            await pilot.pause()
        await answer_right(pilot)
        await pilot.press("q")  # on the feedback screen: no input to type into
        await pilot.pause()
    assert not app.is_running
    [run] = History(database).sessions()
    assert (run.answered, run.score, run.finished_at) == (3, 3, None)


async def test_escape_leaves_the_quiz_and_the_home_shows_it(
    app: QuizApp, database: Database
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await answer_right(pilot)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert "Stop the quiz?" in shown(app)
        assert "1 of 6 answered" in shown(app)
        await pilot.press("escape")  # stays
        assert isinstance(app.screen, QuestionScreen)
        assert "2 / 6" in shown(app)
        await pilot.pause(DOUBLE_PRESS_SECONDS)  # sooner, an escape is the last one doubled
        await pilot.press("escape", "enter")  # leaves
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = shown(app)
        assert "Recent quizzes" in text
        assert "1 / 6 stopped" in text
        assert "last stopped at 1 of 6 · 1 quiz" in text  # a stopped run is not a best
    [run] = History(database).sessions()
    assert run.finished_at is None


async def test_the_leave_dialog_shows_its_keys_and_enter_always_leaves(app: QuizApp) -> None:
    """The footer names both keys, as the buttons do; no button takes the focus, and
    Enter with it, so Tab then Enter still leaves."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await answer_right(pilot)
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert screen_text(app).splitlines()[-1] == " ⏎ Leave  esc Stay"  # the footer
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_escape_before_any_answer_leaves_without_asking(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_without_a_store_the_quiz_still_runs(every_type: Deck) -> None:
    app = QuizApp(
        [every_type],
        database=None,
        store_message="cannot open the history file /nowhere/quiz.sqlite3: disk I/O error",
        seed=1,
        clock=lambda: 0.0,
    )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "History\ncannot open the history file" in toasts(app)
        assert "disk I/O error" in toasts(app)
        assert "History is off for this run." in shown(app)
        await start_quiz(pilot)
        await answer_right(pilot)
        assert "✔ Right" in shown(app)


async def test_a_store_that_fails_midway_is_reported_and_the_quiz_goes_on(
    app: QuizApp, database: Database
) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_quiz(pilot)
        database.close()
        await answer_right(pilot)
        text = shown(app)
        assert "✔ Right" in text
        assert "History not saved: cannot write the history file" in toasts(app)


def test_screen_text_is_the_whole_terminal(app: QuizApp) -> None:
    """The helper the other tests read the screen with sees every line of it."""

    async def lines() -> list[str]:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            return screen_text(app).splitlines()

    import asyncio

    assert len(asyncio.run(lines())) == 24
