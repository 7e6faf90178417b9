"""`quiz play`: naming one deck starts its quiz at once; otherwise the app opens on the decks."""

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
    assert "stopped" in home  # the run that was left shows in the recent quizzes


def test_without_a_deck_named_the_app_opens_on_the_decks(seen: Seen) -> None:
    assert cli.main(["play"]) == 0
    (first, home), (then, _) = seen
    assert first is HomeScreen
    assert "Algeria–Mali relations" in home
    assert then is HomeScreen  # escape on the decks goes nowhere


def test_a_folder_of_several_decks_opens_on_the_decks(seen: Seen, tmp_path: Path) -> None:
    decks = tmp_path / "decks"
    decks.mkdir()
    shutil.copy(EVERY_TYPE, decks / "one.yaml")
    other = EVERY_TYPE.read_text(encoding="utf-8").replace("deck: every-type", "deck: other")
    (decks / "two.yaml").write_text(other, encoding="utf-8")
    assert cli.main(["play", str(decks)]) == 0
    (first, home), _ = seen
    assert first is HomeScreen
    assert home.count("Every type [bold]test[/bold]") == 2
