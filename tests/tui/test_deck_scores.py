"""A deck's best and its count of quizzes read the same wherever they show: the deck list,
the statistics screen and `quiz stats`, all from one real SQLite history; and the deck
list's line of question types stays whole at 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck import Deck
from quiz.deck.loader import load_deck_or_raise
from quiz.store.database import Database
from quiz.store.history import History, RunKind
from quiz.tui.app import QuizApp
from quiz.tui.screens.stats import StatsScreen

from .conftest import BUNDLED, EVERY_TYPE, SEED, screen_text, settled, shown

PLAYED = "best 50% · last stopped at 1 of 6 · 3 quizzes · 1 retry"
"""What the history of `three_kinds_of_run` comes to: the best is the quiz over all six
questions, not the 2-question one at 100%; the stopped quiz counts, the retry apart."""


def run(history: History, kind: RunKind, rights: list[bool], *, of: int = 0) -> int:
    """A run of `of` questions (as many as answered unless given) with one answer per
    right or wrong in `rights`."""
    session = history.start("every-type", "Every type [bold]test[/bold]", kind, of or len(rights))
    for number, right in enumerate(rights):
        history.record(session, f"q{number}", '"x"', float(right), 1.0)
    return session


@pytest.fixture
def three_kinds_of_run(database: Database) -> Database:
    """On the 6-question test deck: a quiz over every question (3 right: 50%), a quiz of
    two questions (both right: 100%), a retry of its misses, then a quiz stopped after one
    answer, each finished but the last."""
    history = History(database)
    history.finish(run(history, RunKind.FULL, [True] * 3 + [False] * 3))
    history.finish(run(history, RunKind.FULL, [True, True]))
    history.finish(run(history, RunKind.RETRY, [True] * 3))
    run(history, RunKind.FULL, [True], of=6)
    return database


async def test_the_deck_list_and_the_statistics_show_one_best_and_count(
    every_type: Deck, three_kinds_of_run: Database
) -> None:
    app = QuizApp([every_type], database=three_kinds_of_run, seed=SEED, clock=lambda: 42.0)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert PLAYED in shown(app)
        recent = screen_text(app).splitlines()
        # cut shorter than a quiz's title, so that the figures stay in sight
        assert sum("  Every type [bold]test[/… (retry)  " in line for line in recent) == 1
        assert sum("  Every type [bold]test[/bold]  " in line for line in recent) == 3
        await pilot.press("t")
        await settled(pilot)
        assert isinstance(app.screen, StatsScreen)
        assert PLAYED in shown(app)
        assert "best 100%" not in shown(app)  # the 2-question quiz is no best


def test_quiz_stats_shows_the_same_best_and_count(
    three_kinds_of_run: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))  # the fixture's store is in it
    assert main(["stats", str(EVERY_TYPE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if "▄█" in line] == [
        f"  Every type [bold]test[/bold]  ▄█  {PLAYED}"
    ]
    assert sum(line.startswith("Every type [bold]test[/bold] (retry) ") for line in lines) == 1


async def test_the_question_types_stay_on_one_line_at_80_columns(
    tmp_path: Path, database: Database
) -> None:
    """The bundled deck has every type: after `50 questions:` its counts came to 79
    columns and left `order` alone on the next line. Four decks scroll, so the list's
    scroll bar takes two more columns."""
    decks = [load_deck_or_raise(BUNDLED), load_deck_or_raise(EVERY_TYPE)]
    for other in ("two", "three"):
        copy = tmp_path / f"{other}.yaml"
        text = EVERY_TYPE.read_text(encoding="utf-8")
        copy.write_text(text.replace("deck: every-type", f"deck: {other}"), encoding="utf-8")
        decks.append(load_deck_or_raise(copy))
    app = QuizApp(decks, database=database)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        lines = screen_text(app).splitlines()
        assert "Algeria–Mali relations · 50 questions" in lines[2]
        assert "15 choice · 3 multi · 12 truefalse · 14 text · 4 cloze · 2 order" in lines[3]
        assert "not played yet" in lines[4]
        assert app.screen.query_one("#decks").show_vertical_scrollbar
