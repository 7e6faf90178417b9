"""Flags: raised on a question, listed as path:line, cleared once the question changes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.loader import load_deck_or_raise
from quiz.flagging import flag_question, open_flags
from quiz.store.database import Database
from quiz.store.learners import learner_store

DECKS = Path(__file__).parents[1] / "decks"


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "every-type.yaml"
    path.write_text((DECKS / "every-type.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))
    return Database(
        tmp_path / "data" / "quiz.sqlite3", clock=lambda: datetime(2026, 1, 1, tzinfo=UTC)
    )


def test_flag_is_listed_with_its_place_and_note(
    deck_file: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = load_deck_or_raise(deck_file)
    question = next(q for q in deck.questions if q.id == "ban-date")
    flag_question(database, deck, question, "  the date\nis wrong ")

    assert main(["flagged", str(deck_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        f"{deck_file}:{question.line}: the date is wrong [ban-date]",
        "1 flagged question.",
    ]


def test_flag_clears_itself_when_the_content_changes(deck_file: Path, database: Database) -> None:
    deck = load_deck_or_raise(deck_file)
    flag_question(database, deck, deck.questions[0], "typo")
    flag_question(database, deck, deck.questions[1], "")

    retagged = deck_file.read_text(encoding="utf-8").replace("[history]", "[history, new-tag]")
    deck_file.write_text(retagged, encoding="utf-8")
    assert len(open_flags(database, [load_deck_or_raise(deck_file)])) == 2

    edited = retagged.replace("Which city is Mali's capital?", "Which city is the capital?")
    deck_file.write_text(edited, encoding="utf-8")
    standing = open_flags(database, [load_deck_or_raise(deck_file)])
    assert [f.question.id for f in standing] == ["colonies"]
    assert database.query("SELECT question_id FROM flags")[0][0] == "colonies"


def test_flags_of_other_decks_are_kept(deck_file: Path, database: Database) -> None:
    deck = load_deck_or_raise(deck_file)
    flag_question(database, deck, deck.questions[0], "")
    assert open_flags(database, []) == []
    assert len(database.query("SELECT * FROM flags")) == 1


def test_no_store_means_no_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "nothing"))
    assert main(["flagged", str(DECKS)]) == 0
    assert capsys.readouterr().out == "No flagged questions.\n"
    assert not (tmp_path / "nothing").exists()


def test_a_learners_flags_are_in_their_own_history(
    deck_file: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--learner NAME` lists the flags raised in a tab of `quiz serve --learners`."""
    deck = load_deck_or_raise(deck_file)
    learners = Database(learner_store("Ada"))
    flag_question(learners, deck, deck.questions[0], "unclear")
    learners.close()
    assert main(["flagged", str(deck_file), "--learner", "ada"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 flagged question."
    assert main(["flagged", str(deck_file)]) == 0
    assert capsys.readouterr().out == "No flagged questions.\n"
