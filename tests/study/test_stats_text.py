"""`quiz stats` after studying: score trends, reviews per day, retention and the most missed,
drawn in plain text with block characters, without loading Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.store.database import Database
from quiz.study.heatmap import day_name
from tests.filled_store import fill
from tests.year_history import TODAY, a_year, add_history

DECKS = Path(__file__).parents[1] / "decks"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store with two quizzes (50%, then 100%) and three reviews made just now."""
    folder = tmp_path / "store"
    monkeypatch.setenv("QUIZ_DATA_DIR", str(folder))
    database = Database(folder / "quiz.sqlite3")
    fill(database)
    database.close()
    return folder


def test_the_study_figures_follow_the_table(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", str(DECKS)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    sections = out.split("\n\n")
    assert sections[0].splitlines()[0].split() == ["Deck", "Date", "Score", "Percent"]
    assert sections[1].splitlines() == [
        "Quiz scores, oldest first",
        "  Every type [bold]test[/bold]  ▄█  best 100% · last 100% · 2 quizzes",
    ]
    calendar = sections[2].splitlines()
    assert calendar[0] == "Reviews and quiz answers per day, last year"
    assert calendar[-2:] == [
        "  15 answers on 1 day: 3 in study, 12 in quizzes",
        f"  Current streak: 1 day · busiest day: {day_name(date.today())}, 15 answers",
    ]
    reviews = sections[3].splitlines()
    assert reviews[0] == "Reviews per day, last 30 days: 3 reviews, most in a day: 3"
    assert reviews[1:4] == [" " * 31 + "█"] * 3  # today, the last of 30 days, full height
    assert reviews[4].endswith("today")
    assert reviews[5] == "Retention: 67% (2 of 3 reviews recalled)"
    assert sections[4].splitlines() == [
        "Most missed (misses of attempts, quizzes and reviews)",
        "  2 of 3  Which city is Mali's capital? [A] <script>alert(1)</script>",
        "  1 of 2  Which two countries are former French colonies?",
        "  1 of 3  Algeria and Mali are predominantly Sunni Muslim countries.",
    ]


def test_a_deck_with_problems_is_left_out_in_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("deck: broken\ntitle: Broken\nquestions: nope\n", encoding="utf-8")
    assert main(["stats", str(broken)]) == 0
    out, err = capsys.readouterr()
    assert err == f"quiz: left out decks with problems (see 'quiz check'): {broken}\n"
    assert "Retention: 67%" in out
    assert "Most missed" not in out  # no deck at hand holds the questions


def test_one_deck_only(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A deck read but never quizzed or studied: the others' figures are not its own."""
    other = tmp_path / "other.yaml"
    text = (DECKS / "every-type.yaml").read_text(encoding="utf-8")
    other.write_text(text.replace("deck: every-type", "deck: other"), encoding="utf-8")
    assert main(["stats", str(other), "--deck", "other"]) == 0
    assert capsys.readouterr().out == "No quizzes yet.\n"


def test_the_figures_load_no_textual(data_dir: Path) -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        f"main(['stats', {str(DECKS)!r}])\n"
        "print(sorted(m for m in ('textual', 'fsrs') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QUIZ_DATA_DIR": str(data_dir)},
    )
    assert "Retention: 67%" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_year_of_answers_as_a_heat_map(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    local_zone: Callable[[str], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Weeks across, Monday to Sunday down, in the learner's zone (here UTC+1: the answers
    made at 08:30 UTC are on the same days)."""
    local_zone("CET-1")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    monkeypatch.setattr("quiz.commands.stats_text.utc_now", lambda: TODAY)
    database = Database(tmp_path / "quiz.sqlite3")
    add_history(database, a_year())
    database.close()
    assert main(["stats", str(DECKS)]) == 0
    [calendar] = [part for part in capsys.readouterr().out.split("\n\n") if "last year" in part]
    assert calendar.splitlines() == [
        "Reviews and quiz answers per day, last year",
        "         Feb Mar  Apr May Jun  Jul Aug  Sep Oct Nov  Dec Jan",
        "  Mon ▒░▒░▒░▒▒·░░▒░▒░▒░▒░░░░▒░▒░▒░▒░·▒░▒░▒░▒░▒░·░░▒░▒░▒░▒░░",
        "      ░░░▒░▒░▒░▒░·▒░▒░▒░▒░▒░·░░▒░▒░▒░▒░·░░▒░▒█▒░▒░·░░▒░▒░·",
        "  Wed ░▒░·░░▒░▒░▒░▒░·░░▒░▒░▒░▒░·░░▒░▒░▒░▒░·░░▒░▒░▒░▒░░░░▒░",
        "      ▒░▒░▒░·░░▒░▒░▒░▒░·░░▒░▒░▒░▒░░░░▒░▒░▒░▒░·▒░▒░▒░▒░▒▒·░",
        "  Fri ░▒░▒░▒░▒░░░░▒░▒░▒░▒░·▒░▒░▒░▒░▒▒·░░▒░▒░▒▒▒░░░░▒░▒░▒░▓",
        "      ░·▒░▒░▒░▒░▒▒·░░▒░▒░▒▒▒░░░░▒░▒░▒░▓░·▒░▒░▒░▒░▒▒·░░▒░▒░",
        "      ▒▒▒░░░░▒░▒░▒░▓░·▒░▒░▒░▒░▒▒·░░▒░▒░▒░▒░░░░▒░▒░▒░▒░·▒░▒",
        " " * 44 + "less ·░▒▓█ more",  # under the last column
        "  2,014 answers on 340 days: 1,831 in study, 183 in quizzes",
        "  Current streak: 6 days · busiest day: Tue 7 Oct 2025, 24 answers",
    ]
    assert max(len(line) for line in calendar.splitlines()) <= 80
