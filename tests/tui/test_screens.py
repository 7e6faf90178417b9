"""Each screen on its own: options, mouse, keys per type, help, palette, resizing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rich.color import Color
from textual.pilot import Pilot

from quiz.deck import Deck
from quiz.deck.loader import load_deck_or_raise
from quiz.play import figures
from quiz.store.database import Database
from quiz.store.history import History, RunKind
from quiz.tui.app import QuizApp
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen
from quiz.tui.screens.setup import SetupScreen
from quiz.tui.widgets.order_list import OrderList

from .conftest import (
    STILL,
    Clock,
    answer_right,
    asked,
    screen_text,
    settled,
    shown,
    start_quiz,
    toasts,
)


async def reach(pilot: Pilot[None], kind: str) -> QuestionScreen:
    """Answer questions right until one of `kind` is on screen."""
    while asked(pilot.app).kind != kind:
        await answer_right(pilot)
        await pilot.press("enter")
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    return screen


async def test_options_choose_how_many_and_which_sections(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, SetupScreen)
        text = shown(app)
        assert "Sections" in text
        assert "Places" in text
        assert "aviation" in text
        await pilot.press("backspace", "2")
        await pilot.click("#sections", offset=(4, 1))  # untick "History"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert "1 / 2" in shown(app)
        assert {q.section for q in screen.session.questions} == {"Places"}


@pytest.mark.parametrize("typed", ["0", "minus"])
async def test_a_count_below_1_is_refused_as_too_few(app: QuizApp, typed: str) -> None:
    """0, or a sign alone (Textual's integer field takes it), as `--count 0` is refused."""
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("enter", "backspace", typed, "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert toasts(app) == "Ask at least 1 question."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def toggle(pilot: Pilot[None], selector: str, row: int) -> str:
    """Tick or untick the box on `row` of the list `selector`; what the screen shows then."""
    await pilot.click(selector, offset=(4, row))
    await pilot.pause()
    return shown(pilot.app)


async def test_the_count_says_how_many_questions_the_ticks_match(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("enter")
        assert "Questions 6 of 6" in shown(app)
        assert "Questions 3 of 3" in await toggle(pilot, "#sections", 1)  # untick History
        assert "Questions 2 of 2" in await toggle(pilot, "#tags", 3)  # untick religion
        await pilot.click("#count")
        await pilot.press("end", "backspace", "1")
        assert "Questions 1 none match" in await toggle(pilot, "#sections", 0)  # untick Places
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert toasts(app) == "No questions match these options."
        assert "Questions 1 of 2" in await toggle(pilot, "#sections", 0)  # a typed count stays


async def test_a_click_answers_a_choice(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")  # deck order: the choice question first
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        row = screen.session.presented(screen.question).index("Bamako")
        await pilot.click("#answer", offset=(6, 1 + row))
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "✔ Right" in shown(app)


async def test_true_false_by_number(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await reach(pilot, "truefalse")
        assert "t True f False" in shown(app)  # the footer offers t and f here
        await pilot.press("2")
        await pilot.pause()
        assert "✘ Wrong" in shown(app)
        assert "Your answer False" in shown(app)


async def test_order_items_move_with_j_and_shift_arrows(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        screen = await reach(pilot, "order")
        items = list(screen.session.presented(screen.question))
        order_list = screen.query_one(OrderList)
        await pilot.press("j")
        assert order_list.items == [items[1], items[0], *items[2:]]
        assert order_list.highlighted == 1
        await pilot.press("shift+down", "shift+up", "k", "k")
        assert order_list.items == [items[0], items[1], *items[2:]]
        assert order_list.highlighted == 0
        assert "shift+↑↓ Move" in shown(app)
        assert "? Help" in shown(app), "the whole footer fits in 80 columns"


async def test_an_empty_text_answer_is_not_taken(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_quiz(pilot)
        await reach(pilot, "text")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "Type an answer (or a guess) first." in toasts(app)
        await pilot.press("q", "enter")  # q is typed, not a quit, inside an input
        await pilot.pause()
        assert app.is_running
        assert "Your answer q" in shown(app)


async def test_help_lists_the_keys_of_the_screen_below(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, "tab", "space")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = shown(app)
        assert "Keys on this screen" in text
        assert "Stop" in text
        assert "Command palette" in text
        assert "Put in order:" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_help_lists_the_study_keys(app: QuizApp) -> None:
    async with app.run_test(size=(80, 60)) as pilot:
        await start_quiz(pilot, "tab", "space")
        await pilot.press("question_mark")
        await pilot.pause()
        text = shown(app)
        assert "1 2 3 4 Rate the card: Again, Hard, Good, Easy" in text
        assert "@ Suspend the card: not shown until unsuspended" in text
        assert "- Bury the card until tomorrow" in text
        assert "ctrl+z Undo the last rating, suspend or bury" in text
        assert "ctrl+o Study options: fit FSRS's parameters to your reviews" in text


async def test_the_command_palette_offers_the_app_actions(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await pilot.press("ctrl+p", *"back to", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause()
        assert "theme" in shown(app).lower()


async def test_long_text_wraps_and_follows_resizes(tmp_path: Path, database: Database) -> None:
    long_prompt = "Which of these " + "very " * 30 + "long choices ends the sentence? END-OF-PROMPT"
    deck_file = tmp_path / "long.yaml"
    deck_file.write_text(
        yaml.safe_dump(
            {
                "deck": "long",
                "title": "Long",
                "questions": [
                    {
                        "id": "q",
                        "type": "choice",
                        "prompt": long_prompt,
                        "choices": ["A " + "wordy " * 20 + "END-OF-CHOICE", "B"],
                        "answer": "B",
                    }
                ],
            }
        )
    )
    deck: Deck = load_deck_or_raise(deck_file)
    app = QuizApp([deck], database=database, seed=1, clock=lambda: 0.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        assert "END-OF-PROMPT" in shown(app)
        assert "END-OF-CHOICE" in shown(app)
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        assert app.screen.size.width == 60
        assert "END-OF-PROMPT" in shown(app)
        assert "END-OF-CHOICE" in shown(app)


async def test_the_header_cuts_a_long_title_short_and_keeps_the_time(
    tmp_path: Path, database: Database, clock: Clock
) -> None:
    """The header is one widget drawing two lines: the count, the score and the time must
    stay in sight whatever the title's length and the terminal's width."""
    deck_file = tmp_path / "long-title.yaml"
    title = "The [b]relations[/b] of Algeria and Mali " * 4 + "END-OF-TITLE"
    question = {"id": "q", "type": "truefalse", "prompt": "True?", "answer": True}
    deck_file.write_text(yaml.safe_dump({"deck": "t", "title": title, "questions": [question]}))
    app = QuizApp([load_deck_or_raise(deck_file)], database=database, clock=clock.monotonic)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        top, progress = screen_text(app).splitlines()[:2]
        assert top.startswith(" The [b]relations[/b] of Algeria")
        assert top.endswith("… 1 / 1")
        assert "END-OF-TITLE" not in top
        assert progress.endswith("━  Score 0  Time 0:00")
        clock.seconds += 65
        await pilot.pause(1.1)  # the question screen redraws the time every second
        assert screen_text(app).splitlines()[1].endswith("Time 1:05")
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        top, progress = screen_text(app).splitlines()[:2]
        assert len(top) <= 40
        assert top.endswith("… 1 / 1")
        assert progress.endswith("━  Score 0  Time 1:05")
        await pilot.resize_terminal(12, 24)
        await pilot.pause()
        assert screen_text(app).splitlines()[0].endswith("1 / 1")


async def test_the_recent_quizzes_cut_a_long_title_short_and_keep_the_figures(
    app: QuizApp, database: Database
) -> None:
    """A title of any length leaves the date, score and percent in sight at 80 columns."""
    history = History(database)
    for title in ("[bold]Fifty[/bold] characters of a deck title, or more", "A title " * 30):
        run = history.start("every-type", title, RunKind.FULL, 6)
        history.record(run, "capital", '"Bamako"', 1, 1.0)
        history.finish(run)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        lines = screen_text(app).splitlines()
        date = figures.when(STILL)
        assert f"  A title A title A title A title…  {date}  1 / 6  17%" in lines
        assert f"  [bold]Fifty[/bold] characters o…  {date}  1 / 6  17%" in lines


async def test_an_empty_blank_reads_as_blank_in_the_feedback_and_the_results(
    app: QuizApp,
) -> None:
    """The blank left empty is named, dimmed; what was typed stays literal."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        await reach(pilot, "cloze")
        await pilot.press("tab", *"<b>", "enter")
        await pilot.pause()
        assert "Your answer (blank); <b>" in shown(app)
        assert colour_of(app, "(blank)") != colour_of(app, "<b>")
        while not isinstance(app.screen, ResultsScreen):
            await pilot.press("enter")
            await pilot.pause()
            if isinstance(app.screen, QuestionScreen):
                await answer_right(pilot)
        assert "✘ you: (blank); <b>" in shown(app)


def colour_of(app: QuizApp, text: str) -> Color | None:
    """The colour the screen draws `text` in (the first cell of its first showing)."""
    for strip in app.screen._compositor.render_strips():
        at = 0
        for segment in strip:
            if text in strip.text and at <= strip.text.index(text) < at + len(segment.text):
                return segment.style.color if segment.style else None
            at += len(segment.text)
    raise AssertionError(f"{text!r} is not on screen")


async def test_a_cloze_sentence_stands_a_line_below_its_heading(app: QuizApp) -> None:
    """As every question's prompt does: heading, a blank line, the question."""
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        for kind, first_words in (("cloze", " Algeria keeps"), ("order", " Put these")):
            await reach(pilot, kind)
            lines = screen_text(app).splitlines()
            heading = next(i for i, line in enumerate(lines) if "·" in line)
            assert lines[heading + 1] == ""
            assert lines[heading + 2].startswith(first_words)


LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2
"""A choice of 90 letters and no space: wider than the 74 columns a choice has at 80."""


@pytest.fixture
def long_names(tmp_path: Path, database: Database) -> QuizApp:
    """A deck whose title, section and one choice are too long for a line of 80 columns."""
    question = {
        "id": "q",
        "type": "choice",
        "section": "A section whose name goes on and on " * 3 + "END-OF-SECTION",
        "prompt": "Which?",
        "choices": ["Short", LONG_WORD],
        "answer": "Short",
    }
    title = "A deck whose title goes on and on " * 3 + "END-OF-TITLE"
    deck_file = tmp_path / "long.yaml"
    deck_file.write_text(yaml.safe_dump({"deck": "long", "title": title, "questions": [question]}))
    return QuizApp([load_deck_or_raise(deck_file)], database=database, seed=1, clock=lambda: 0.0)


async def test_a_long_section_and_title_are_cut_with_an_ellipsis(long_names: QuizApp) -> None:
    async with long_names.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        [heading] = [line for line in screen_text(long_names).splitlines() if "·" in line]
        assert heading.startswith(" One answer · A section whose name goes on")
        assert heading.endswith("…")
        assert len(heading) <= 80
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(long_names.screen, ResultsScreen)
        title = screen_text(long_names).splitlines()[1]
        assert title.startswith(" Results · A deck whose title goes on")
        assert title.endswith("…")
        assert len(title) <= 80


async def test_a_long_choice_wraps_under_its_text_not_its_number(long_names: QuizApp) -> None:
    async with long_names.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot)
        lines = screen_text(long_names).splitlines()
        first = next(i for i, line in enumerate(lines) if "Pneumono" in line)
        column = lines[first].index("Pneumono")
        assert lines[first][:column].endswith(". ")
        assert lines[first + 1][:column].strip(" │") == ""
        wrapped = (line[column:].rstrip(" │") for line in lines[first : first + 2])
        assert "".join(wrapped) == LONG_WORD
