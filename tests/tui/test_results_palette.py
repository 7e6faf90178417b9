"""The command palette on the results screen: what its footer offers, and Quit and Help once."""

from __future__ import annotations

from textual.command import CommandList

from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen

from .conftest import answer_right, finish_with_one_missed, shown


def palette_titles(app: QuizApp) -> list[str]:
    """The first line of each entry the open palette lists."""
    entries = app.screen.query_one(CommandList)
    return [
        str(entries.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(entries.option_count)
    ]


async def test_the_palette_offers_the_results_choices_and_each_entry_once(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_with_one_missed(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        titles = palette_titles(app)
        assert "Retry missed" in titles
        assert "Start again" in titles
        assert titles.count("Quit") == 1
        assert titles.count("Help") == 1
        assert "Keys" not in titles  # Textual's own help panel: Help stands for it
        await pilot.press(*"retry", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert "1 / 1" in shown(app)


async def test_the_palette_offers_no_retry_with_nothing_missed(app: QuizApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_with_one_missed(pilot)
        await pilot.press("r")  # the retry: answer its one question right
        await pilot.pause()
        await answer_right(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        titles = palette_titles(app)
        assert "Retry missed" not in titles
        assert "Start again" in titles
