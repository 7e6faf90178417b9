"""While a question waits for its answer, keys stay with the answer: Tab moves only between
the answer's fields, and no letter quits (ctrl+q still does)."""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, Input

from quiz.deck import Deck
from quiz.store.database import Database
from quiz.tui.app import QuizApp
from quiz.tui.screens.study_question import StudyQuestionScreen
from quiz.tui.widgets.question_form import QuestionForm
from quiz.tui.widgets.rating_bar import RatingBar

from .conftest import Clock, answer_right, press_at_once, shown, start_quiz, study_app
from .studying import sitting
from .test_screens import reach

KINDS = ("choice", "multi", "truefalse", "text", "cloze", "order")


async def test_tab_cycles_the_blanks_of_a_cloze(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        screen = await reach(pilot, "cloze")
        first, second = screen.query_one("#answer").query(Input)
        assert app.focused is first
        for expected in (second, first, second):
            await pilot.press("tab")
            assert app.focused is expected
        await pilot.press("shift+tab", *"Bamako", "tab", "tab", "tab", *"Gao", "enter")
        await pilot.pause()
        assert "✔ Right" in shown(app)


async def test_keys_read_with_a_tab_go_to_the_blank_it_moves_to(app: QuizApp) -> None:
    """As typed fast, or pasted: Textual's own Tab moved the focus after the keys read with it."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        screen = await reach(pilot, "cloze")
        first, second = screen.query_one("#answer").query(Input)
        await press_at_once(pilot, *"Bamako", "tab", *"Gao", "tab")
        assert (first.value, second.value) == ("Bamako", "Gao")
        assert app.focused is first


@pytest.mark.parametrize("kind", KINDS)
async def test_no_letter_quits_and_tab_keeps_to_the_answer(app: QuizApp, kind: str) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        screen = await reach(pilot, kind)
        answer = screen.query_one(QuestionForm).query_one("#answer")
        assert "q Quit" not in shown(app)
        for _ in range(3):
            await pilot.press("tab", "q")
            assert app.focused is not None
            assert answer in (app.focused, *app.focused.ancestors)
        await pilot.pause()
        assert app.is_running
        assert app.screen is screen
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_no_letter_quits_a_study_card(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    app = study_app(every_type, study_store, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "enter", "tab", "q")
        await pilot.pause()
        assert isinstance(app.screen, StudyQuestionScreen)
        assert app.is_running


async def test_tab_on_a_study_cards_back_keeps_to_the_ratings(
    every_type: Deck, study_store: Database, clock: Clock
) -> None:
    """The feedback above the ratings is to read, not a Tab stop: there 1–4 and Enter rated
    nothing. It scrolls with the page keys instead (a short terminal here)."""
    app = study_app(every_type, study_store, clock)
    async with sitting(app, size=(80, 14)) as pilot:
        await answer_right(pilot)
        assert "✔ Right" in shown(app)
        body = app.screen.query_one("#body")
        await pilot.press("pagedown")
        assert body.scroll_y > 0
        await pilot.press("tab")
        assert isinstance(app.focused, RatingBar)
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, StudyQuestionScreen)
        assert "1 reviewed" in shown(app)


async def test_keys_read_together_edit_in_the_order_typed(app: QuizApp) -> None:
    """As typed fast, or pasted: Textual's own Input ran Backspace and the arrows after the
    letters read with them ("Bamakx", Backspace, "o" gave "Bamakx"; Textual's issue 6605)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        screen = await reach(pilot, "text")
        await press_at_once(pilot, *"Bamakx", "backspace", "o", "home", "right", "delete", "A")
        assert screen.query_one("#answer", Input).value == "BAmako"


async def test_a_count_retyped_fast_is_the_count_typed(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await press_at_once(pilot, "backspace", "4")
        assert app.screen.query_one("#count", Input).value == "4"


async def test_keys_read_with_a_tab_go_to_the_field_it_moves_to(app: QuizApp) -> None:
    """Textual's own Tab moved the focus only after the keys read with it had gone into the
    field it left: here a space for the shuffle box went to the count."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await press_at_once(pilot, "backspace", "4", "tab", "space")
        assert app.screen.query_one("#count", Input).value == "4"
        assert app.screen.query_one("#shuffle", Checkbox).value is False
