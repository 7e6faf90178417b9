"""Run from a folder that has a `decks/` folder, `quiz` uses those decks, not the bundled ones.

An author who installed quiz with `pip install .` and edits a deck in the clone must play
and check that file, and `quiz flagged` must send them to it, not to the installed copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.loader import load_deck_or_raise
from quiz.flagging import flag_question
from quiz.store.database import Database

DECKS = Path(__file__).parent / "decks"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with `decks/every-type.yaml`, made the current folder, with its own data."""
    (tmp_path / "decks").mkdir()
    shutil.copy(DECKS / "every-type.yaml", tmp_path / "decks" / "every-type.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


def test_check_without_paths_checks_the_decks_folder_here(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "-v"]) == 0
    first, summary = capsys.readouterr().out.splitlines()
    assert first.startswith("decks/every-type.yaml: ")
    assert summary == "1 deck checked, no errors (6 questions)"


def test_flagged_names_the_deck_file_here(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = load_deck_or_raise(project / "decks" / "every-type.yaml")
    database = Database(project / "data" / "quiz.sqlite3")
    flag_question(database, deck, deck.questions[0], "typo")
    database.close()
    assert main(["flagged"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"decks/every-type.yaml:{deck.questions[0].line}: typo [{deck.questions[0].id}]",
        "1 flagged question.",
    ]


def test_flagged_says_when_a_deck_is_the_installed_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    installed = tmp_path / "site" / "quiz" / "_bundled_decks"
    installed.mkdir(parents=True)
    shutil.copy(DECKS / "every-type.yaml", installed / "every-type.yaml")
    monkeypatch.setattr("quiz.paths.installed_decks_dir", lambda: installed)
    monkeypatch.chdir(tmp_path / "site")  # no decks/ folder here: the installed decks are used
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    deck = load_deck_or_raise(installed / "every-type.yaml")
    database = Database(tmp_path / "data" / "quiz.sqlite3")
    flag_question(database, deck, deck.questions[0], "typo")
    database.close()
    assert main(["flagged"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("quiz/_bundled_decks/every-type.yaml:")
    assert err == (
        "quiz: quiz/_bundled_decks/every-type.yaml is the copy installed with quiz, which the"
        " next install replaces: edit the deck in your clone, where 'quiz flagged' names it"
        " (run from a folder with a decks/ folder, quiz uses those decks)\n"
    )
