"""`quiz stats`: the history as a plain table, without loading Textual."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.play import figures
from quiz.store.database import Database
from quiz.store.history import History

STARTED = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    return tmp_path


def test_no_history_yet(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    assert capsys.readouterr().out == "No quizzes yet.\n"
    assert not (data_dir / "quiz.sqlite3").exists()  # looking creates nothing


def test_the_history_as_a_table(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = Database(data_dir / "quiz.sqlite3", clock=lambda: STARTED)
    history = History(database)
    done = history.start("every-type", "Every type [bold]test[/bold]", "quiz", 4)
    for value in (1.0, 1.0, 0.5, 0.0):
        history.record(done, "q", "true", value, 1.0)
    history.finish(done)
    stopped = history.start("other", "Other deck", "quiz", 10)
    history.record(stopped, "q", "true", 1.0, 1.0)
    retry = history.start("every-type", "Every type [bold]test[/bold]", "retry", 2)
    history.finish(retry)
    database.close()

    assert main(["stats"]) == 0
    lines = capsys.readouterr().out.splitlines()
    date = figures.when(STARTED)
    assert lines[0].split() == ["Deck", "Date", "Score", "Percent"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].startswith("Every type [bold]test[/bold] (retry)")
    assert lines[2].endswith("0 / 2       0%")
    assert lines[3].startswith("Other deck")
    assert "1 / 10 (stopped after 1)" in lines[3]
    assert lines[4].startswith("Every type [bold]test[/bold] ")
    assert date in lines[4]
    assert lines[4].endswith("2.5 / 4      62%")
    assert len({line.index(date) for line in lines[2:]}) == 1  # columns line up

    assert main(["stats", "--deck", "other"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_an_unreadable_store_is_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "quiz.sqlite3").mkdir()  # something in the way that is not a file
    assert main(["stats"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("quiz: error: cannot open the history file")
    assert len(err.splitlines()) == 1


def test_a_damaged_store_is_set_aside_and_said(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "quiz.sqlite3").write_bytes(b"this is not a database" * 100)
    assert main(["stats"]) == 0
    out, err = capsys.readouterr()
    assert out == "No quizzes yet.\n"
    assert "was damaged" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("command", ["stats", "check"])
def test_stats_and_check_start_without_textual(command: str, data_dir: Path) -> None:
    code = (
        "import sys\n"
        "from quiz.cli import main\n"
        f"main([{command!r}])\n"
        "assert not any(m.split('.')[0] == 'textual' for m in sys.modules), 'textual loaded'\n"
    )
    deck = Path(__file__).parents[1] / "decks"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=deck, capture_output=True)
