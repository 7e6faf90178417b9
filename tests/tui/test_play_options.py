"""`quiz play DECK --count --section --tag --missed --shuffle/--no-shuffle`: the options
dialog's choices from the command line; a wrong one is one plain sentence, and nothing opens."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from quiz import cli
from quiz.store.database import Database
from quiz.store.history import History, RunKind
from quiz.tui.app import QuizApp
from quiz.tui.screens.question import QuestionScreen

from .conftest import EVERY_TYPE, shown


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def first_screens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the app `quiz play` opens shows first, and the ids of the questions it will ask."""
    seen: list[str] = []

    def look(app: QuizApp) -> None:
        async def opened() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                seen.append(shown(app))
                screen = app.screen
                assert isinstance(screen, QuestionScreen)
                seen.append(" ".join(question.id for question in screen.session.questions))

        asyncio.run(opened())

    monkeypatch.setattr(QuizApp, "run", look)
    return seen


def play(*options: str) -> int:
    return cli.main(["play", str(EVERY_TYPE), "--seed", "7", *options])


def test_count_section_and_deck_order(first_screens: list[str]) -> None:
    assert play("--count", "2", "--section", "History", "--no-shuffle") == 0
    screen, asked = first_screens
    assert "1 / 2" in screen
    assert asked == "colonies ban-date"


def test_no_shuffle_alone_asks_in_deck_order(first_screens: list[str]) -> None:
    """`--no-shuffle` with no other option (it was taken for no option given)."""
    assert play("--no-shuffle") == 0
    assert first_screens[1] == "capital colonies sunni ban-date missions events"


def test_tags_and_sections_repeat(first_screens: list[str]) -> None:
    assert play("--tag", "diplomacy", "--tag", "religion", "--section", "Places") == 0
    assert sorted(first_screens[1].split()) == ["missions", "sunni"]


def test_missed_asks_what_was_missed_and_not_answered_right_since(
    first_screens: list[str], data_dir: Path
) -> None:
    data_dir.mkdir()
    history = History(Database(data_dir / "quiz.sqlite3"))
    run = history.start("every-type", "Every type", RunKind.FULL, 6)
    for question, points in (("capital", 0.0), ("colonies", 0.5), ("sunni", 0.0)):
        history.record(run, question, '"x"', points, 1.0)
    history.record(history.start("every-type", "Every type", RunKind.RETRY, 1), "sunni", "1", 1, 1)
    history.database.close()
    assert play("--missed", "--no-shuffle") == 0
    assert first_screens[1] == "capital colonies"


@pytest.mark.parametrize(
    ("options", "error"),
    [
        (
            ("--section", "Histroy"),
            "deck 'every-type' has no section 'Histroy' (did you mean 'History'?"
            " its sections are: Places, History)",
        ),
        (
            ("--tag", "nothing-like-it"),
            "deck 'every-type' has no tag 'nothing-like-it' (its tags are: ",
        ),
        (("--count", "0"), "--count must be 1 or more, not 0"),
        (("--missed",), "nothing of deck 'every-type' was missed in earlier quizzes"),
        (
            ("--section", "Places", "--tag", "history"),
            "no question of deck 'every-type' matches these options",
        ),
    ],
)
def test_a_wrong_option_is_one_sentence_and_nothing_opens(
    first_screens: list[str],
    capsys: pytest.CaptureFixture[str],
    options: tuple[str, ...],
    error: str,
) -> None:
    assert play(*options) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"quiz: error: {error}")
    assert err.count("\n") == 1
    assert first_screens == []


def test_options_need_one_deck(
    first_screens: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    for name in ("one", "two"):
        text = EVERY_TYPE.read_text(encoding="utf-8").replace("every-type", name)
        (decks / f"{name}.yaml").write_text(text, encoding="utf-8")
    assert cli.main(["play", str(decks), "--count", "3"]) == 1
    assert capsys.readouterr().err == (
        "quiz: error: the quiz options need one deck file named (2 decks)\n"
    )
