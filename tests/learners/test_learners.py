"""Learners who share a machine (`quiz serve --learners`): a history file each, found by
name; `quiz stats --learner NAME` and `--learners` for the teacher."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.store.database import Database
from quiz.store.history import History, RunKind
from quiz.store.learners import learner_key, learner_store, remember_name


def test_a_name_makes_one_folder_however_it_is_typed() -> None:
    assert learner_key("Ada Lovelace") == "ada-lovelace"
    assert learner_key("  ada   LOVELACE ") == "ada-lovelace"
    assert learner_key("José") == learner_key("JOSÉ") == "josé"
    assert learner_key("../../etc/passwd") == "etc-passwd"  # never outside the folder
    assert learner_key("a_b") == "a-b"


@pytest.mark.parametrize(
    ("name", "why"),
    [("", "type your name"), ("../", "at least one letter"), ("x" * 41, "at most 40")],
)
def test_a_name_unfit_is_said(name: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        learner_key(name)


def quizzed(name: str, scores: list[float], reviews: int = 0, retries: int = 0) -> None:
    """A learner's history: one finished quiz per score (of 2 questions), then `retries`
    finished retries of 1 question answered right, and reviews."""
    remember_name(name)
    database = Database(learner_store(name))
    history = History(database)
    runs = [(RunKind.FULL, 2, score) for score in scores] + [(RunKind.RETRY, 1, 1.0)] * retries
    for kind, questions, score in runs:
        run = history.start("every-type", "Every type", kind, questions)
        history.record(run, "q", "true", score, 1.0)
        history.finish(run)
    with database.transaction() as connection:
        for _ in range(reviews):
            connection.execute(
                "INSERT INTO reviews (deck_id, question_id, rating, reviewed_at, log)"
                " VALUES ('every-type', 'q', 3, '2026-01-05T09:30:00+00:00', '{}')"
            )
    database.close()


def test_the_teachers_list_of_learners(capsys: pytest.CaptureFixture[str]) -> None:
    quizzed("Ada Lovelace", [2.0, 1.0], reviews=3, retries=1)  # a retry is no quiz
    quizzed("bob", [])
    assert main(["stats", "--learners"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Learner", "Quizzes", "Last", "score", "Reviews"]
    assert lines[2].split() == ["Ada", "Lovelace", "2", "50%", "3"]
    assert lines[3].split() == ["bob", "0", "-", "0"]
    assert not (Path(os.environ["QUIZ_DATA_DIR"]) / "quiz.sqlite3").exists()


def test_no_learners_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--learners"]) == 0
    assert "No learners yet" in capsys.readouterr().out


def test_one_learners_figures_and_no_one_elses(capsys: pytest.CaptureFixture[str]) -> None:
    quizzed("Ada", [2.0])
    quizzed("Bob", [0.0, 0.0, 0.0])
    assert main(["stats", "--learner", "ada"]) == 0
    table = capsys.readouterr().out.split("\n\n")[0].splitlines()
    assert len(table) == 3  # heading, rule, Ada's one quiz
    assert table[2].endswith("100%")
    assert main(["stats"]) == 0
    assert capsys.readouterr().out.startswith("No quizzes yet.")  # the shared history


def test_a_learner_name_unfit_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["stats", "--learner", "!!"])
    assert usage.value.code == 2
    assert "at least one letter or digit" in capsys.readouterr().err
