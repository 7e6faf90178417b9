"""`quiz play` and `quiz` with no arguments: decks are loaded before any UI starts; naming
one deck starts its quiz at once, otherwise the app opens on the decks."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from quiz import cli
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen

from .conftest import EVERY_TYPE, shown

Seen = list[tuple[type, str]]


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[QuizApp]:
    """Apps that `quiz play` would have run, captured instead of taking the terminal."""
    apps: list[QuizApp] = []
    monkeypatch.setattr(QuizApp, "run", lambda self: apps.append(self))
    return apps


def test_play_opens_the_app_on_the_decks_named(launched: list[QuizApp], data_dir: Path) -> None:
    decks = Path(__file__).parents[1] / "decks"
    assert cli.main(["play", str(decks), "--seed", "7"]) == 0
    [app] = launched
    assert [d.id for d in app.decks] == ["every-type"]
    assert app.opening == "quiz"  # the folder holds one deck
    assert app.history is not None
    assert (data_dir / "quiz.sqlite3").exists()


def test_quiz_alone_plays_the_bundled_decks(
    launched: list[QuizApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundled = tmp_path / "bundled"
    bundled.mkdir()
    shutil.copy(Path(__file__).parents[1] / "decks" / "every-type.yaml", bundled / "one.yaml")
    monkeypatch.setattr("quiz.deck.library.default_decks_dir", lambda: bundled)
    assert cli.main([]) == 0
    [app] = launched
    assert [d.id for d in app.decks] == ["every-type"]
    assert app.opening == "home"  # no deck named: the decks, their history and options


def test_bad_decks_are_listed_and_nothing_opens(
    launched: list[QuizApp], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("deck: bad\ntitle: Bad\nquestions:\n  - id: q\n    type: choice\n")
    assert cli.main(["play", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:" in err
    assert "Traceback" not in err
    assert launched == []


def test_no_decks_found(
    launched: list[QuizApp], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["play", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"quiz: error: no decks found in {tmp_path}\n"
    assert launched == []


def test_a_store_that_cannot_open_lets_the_quiz_run(
    launched: list[QuizApp], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.parent.mkdir(exist_ok=True)
    data_dir.write_text("a file where the data folder should be")
    decks = Path(__file__).parents[1] / "decks"
    assert cli.main(["play", str(decks)]) == 0
    [app] = launched
    assert app.history is None
    assert "this quiz will not be saved" in app.store_message


def test_a_damaged_store_is_set_aside_and_the_app_says_so(
    launched: list[QuizApp], data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "quiz.sqlite3").write_bytes(b"this is not a database" * 100)
    decks = Path(__file__).parents[1] / "decks"
    assert cli.main(["play", str(decks)]) == 0
    [app] = launched
    assert app.history is not None
    assert "was damaged" in app.store_message


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Seen:
    """The first screen `quiz play` shows, then the one escape leads to, run headless."""
    screens: Seen = []

    def look(app: QuizApp) -> None:
        async def opened() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                screens.append((type(app.screen), shown(app)))
                await pilot.press("escape")
                await pilot.pause()
                screens.append((type(app.screen), shown(app)))

        asyncio.run(opened())

    monkeypatch.setattr(QuizApp, "run", look)
    return screens


def test_one_deck_named_opens_on_its_first_question(seen: Seen) -> None:
    assert cli.main(["play", str(EVERY_TYPE), "--seed", "7"]) == 0
    (first, question), (then, home) = seen
    assert first is QuestionScreen
    assert "1 / 6" in question
    assert "Score 0" in question
    assert then is HomeScreen  # escape stops the quiz: the deck list, made only now
    assert "Every type [bold]test[/bold]" in home
    assert "No quizzes yet." in home  # a run left before its first answer is no history


def test_without_a_deck_named_the_app_opens_on_the_decks(seen: Seen) -> None:
    assert cli.main(["play"]) == 0
    (first, home), (then, _) = seen
    assert first is HomeScreen
    assert "Algeria–Mali relations" in home
    assert then is HomeScreen  # escape on the decks goes nowhere


def test_a_folder_of_several_decks_opens_on_the_decks(seen: Seen, two_decks: Path) -> None:
    assert cli.main(["play", str(two_decks)]) == 0
    (first, home), _ = seen
    assert first is HomeScreen
    assert home.count("Every type [bold]test[/bold]") == 2
