"""`quiz stats`: the history as a plain table, without loading Textual."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.errors import display_path
from quiz.play import figures
from quiz.play.record import given_json
from quiz.store.database import Database
from quiz.store.history import History, RunKind
from quiz.study.heatmap import day_name

STARTED = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
DECKS = Path(__file__).parents[1] / "decks"
AS_NOBODY = ("setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path))
    return tmp_path


def test_no_history_yet(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats"]) == 0
    assert capsys.readouterr().out == "No quizzes yet.\n"
    assert not (data_dir / "quiz.sqlite3").exists()  # looking creates nothing


def test_an_empty_history_says_so_before_loading_the_figures(data_dir: Path) -> None:
    """A new learner's history (the store opened, nothing saved yet) prints what its
    figures come to without the statistics and the decks being loaded."""
    Database(data_dir / "quiz.sqlite3").close()
    probe = (
        "import sys\nfrom quiz.cli import main\nmain(['stats'])\n"
        "print(sorted(m for m in ('quiz.study.statistics', 'quiz.deck.cache') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=os.environ
    )
    assert result.stdout == "No quizzes yet.\n[]\n"


def test_a_card_set_aside_alone_is_a_history(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quiz.study.set_aside import Aside, set_aside

    database = Database(data_dir / "quiz.sqlite3")
    set_aside(database, "every-type", "sunni", Aside.SUSPEND)
    database.close()
    assert main(["stats", str(DECKS / "every-type.yaml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("No quizzes yet.\n\nSuspended cards")
    assert "Every type [bold]test[/bold]  1 card" in out


def test_the_history_as_a_table(
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    local_zone: Callable[[str], None],
) -> None:
    local_zone("UTC")
    database = Database(data_dir / "quiz.sqlite3", clock=lambda: STARTED)
    history = History(database)
    done = history.start("every-type", "Every type [bold]test[/bold]", RunKind.FULL, 4)
    for value in (1.0, 1.0, 0.5, 0.0):
        history.record(done, "q", "true", value, 1.0)
    history.finish(done)
    stopped = history.start("other", "Other deck", RunKind.FULL, 10)
    history.record(stopped, "q", "true", 1.0, 1.0)
    retry = history.start("every-type", "Every type [bold]test[/bold]", RunKind.RETRY, 2)
    history.finish(retry)
    database.close()

    monkeypatch.setattr("quiz.commands.stats_text.utc_now", lambda: STARTED + timedelta(hours=1))
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
    assert len({line.index(date) for line in lines[2:5]}) == 1  # columns line up
    assert lines[5:7] == ["", "Reviews and quiz answers per day, last year"]  # 5 answers today
    assert lines[-4:] == [
        "  5 answers on 1 day: 0 in study, 5 in quizzes",
        f"  Current streak: 1 day · busiest day: {day_name(STARTED.date())}, 5 answers",
        "",
        "Each question's figures and wrong picks: quiz stats --questions",
    ]

    assert main(["stats", "--deck", "other"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "  1 answer on 1 day: 0 in study, 1 in quizzes" in lines  # of that deck only


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
    subprocess.run([sys.executable, "-c", code], check=True, cwd=DECKS, capture_output=True)


def test_figures_per_question(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    every_type = DECKS / "every-type.yaml"
    other = tmp_path / "other.yaml"
    text = every_type.read_text(encoding="utf-8")
    other.write_text(text.replace("deck: every-type", "deck: other"), encoding="utf-8")
    database = Database(data_dir / "quiz.sqlite3", clock=lambda: STARTED)
    history = History(database)
    for picked, points, seconds in (("Gao", 0.0, 4.0), ("Bamako", 1.0, 2.0), ("Gao", 0.0, 9.0)):
        run = history.start("every-type", "Every type", RunKind.FULL, 2)
        history.record(run, "capital", given_json(picked), points, seconds)
        history.record(run, "sunni", given_json(True), 1.0, 1.0)
    history.record(run, "colonies", given_json(frozenset({"Mali", "Ghana"})), 0.5, 12.5)
    database.close()

    assert main(["stats", "--questions", str(every_type), str(other)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"Every type [bold]test[/bold] ({display_path(every_type)})",
        "question                         asked  right  median",
        "colonies                             1     0%   12.5s",
        "capital                              3    33%    4.0s",
        "      2× Gao",
        "      0× [A] Kidal",
        "      0× Timbuktu",
        "sunni                                3   100%    1.0s",
        "",
        f"Every type [bold]test[/bold] ({display_path(other)})",
        "  no quiz answers yet",
    ]

    assert main(["stats", "--questions", "--deck", "other", str(every_type), str(other)]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["  no quiz answers yet"]

    assert main(["stats", "--questions", "--deck", "every-type", str(other)]) == 1
    out, err = capsys.readouterr()  # a deck of the history whose file is not among those read
    assert (out, err) == ("", "quiz: error: no deck to report on (see 'quiz check' and --deck)\n")


@pytest.mark.parametrize("command", ["stats", "flagged"])
def test_a_data_folder_in_the_way_is_said_not_taken_for_an_empty_history(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(blocker / "quiz"))
    assert main([command, str(DECKS / "every-type.yaml")]) == 1
    out, err = capsys.readouterr()
    store = blocker / "quiz" / "quiz.sqlite3"
    assert (out, err) == (
        "",
        f"quiz: error: cannot open the history file {store}: its folder {store.parent} cannot"
        " be created (a file is in the way)\n",
    )


def run_as_nobody(args: list[str], data: Path) -> subprocess.CompletedProcess[str]:
    """`quiz ARGS` as the unprivileged user nobody: root could use any folder."""
    if os.geteuid() != 0:
        pytest.skip("needs root to run the command as another user (nobody)")
    return subprocess.run(
        [*AS_NOBODY, sys.executable, "-m", "quiz", *args],
        env={**os.environ, "QUIZ_DATA_DIR": str(data)},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=DECKS,
    )


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder that every user can reach (pytest's tmp_path is root's alone)."""
    with tempfile.TemporaryDirectory() as name:
        Path(name).chmod(0o755)
        yield Path(name)


@pytest.mark.parametrize("mode", [0o700, 0o755])
def test_a_data_folder_out_of_reach_is_said_not_taken_for_an_empty_history(
    mode: int, open_folder: Path
) -> None:
    """0o700: nobody cannot look inside it; 0o755: nobody can look, but not save there."""
    data = open_folder / "data"
    data.mkdir()
    data.chmod(mode)
    done = run_as_nobody(["stats"], data)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"quiz: error: cannot open the history file {data / 'quiz.sqlite3'}:"
        " permission was denied\n"
    )


def quizzed(data_dir: Path, *decks: tuple[str, str]) -> None:
    """A history with one finished quiz of each (id, title)."""
    history = History(Database(data_dir / "quiz.sqlite3", clock=lambda: STARTED))
    for deck_id, title in decks:
        history.finish(history.start(deck_id, title, RunKind.FULL, 1))
    history.database.close()


def test_an_unknown_deck_is_a_usage_error_naming_the_decks(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not "No quizzes yet.": the ids of the history and of the decks read, sorted."""
    quizzed(data_dir, ("other", "Other deck"))
    assert main(["stats", "--deck", "nope", str(DECKS / "every-type.yaml")]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == (
        "",
        "quiz: error: no deck has the id or title 'nope' (the decks are: every-type, other)\n",
    )


def test_a_near_miss_of_a_deck_is_suggested(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quizzed(data_dir, ("other", "Other deck"))
    assert main(["stats", "--deck", "every-typo", str(DECKS / "every-type.yaml")]) == 2
    assert capsys.readouterr().err == (
        "quiz: error: no deck has the id or title 'every-typo'"
        " (did you mean 'every-type'? the decks are: every-type, other)\n"
    )


def test_an_unknown_deck_is_an_error_before_any_history(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--deck", "nope", str(DECKS / "every-type.yaml")]) == 2
    assert capsys.readouterr() == (
        "",
        "quiz: error: no deck has the id or title 'nope' (the decks are: every-type)\n",
    )
    assert main(["stats", "--deck", "every-type", str(DECKS / "every-type.yaml")]) == 0
    assert capsys.readouterr().out == "No quizzes yet.\n"  # a deck not quizzed yet
    assert not (data_dir / "quiz.sqlite3").exists()


def test_a_deck_is_named_by_its_exact_title_too(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title of the history's quizzes, or of a deck read, stands for its id."""
    quizzed(data_dir, ("every-type", "Every type [bold]test[/bold]"), ("other", "Other deck"))
    monkeypatch.setattr("quiz.commands.stats_text.utc_now", lambda: STARTED)
    assert main(["stats", "--deck", "Other deck"]) == 0
    table = capsys.readouterr().out.split("\n\n")[0].splitlines()
    assert [line.split("  ")[0] for line in table[2:]] == ["Other deck"]

    assert main(["stats", "--questions", "--deck", "Every type [bold]test[/bold]", str(DECKS)]) == 0
    assert capsys.readouterr().out.startswith("Every type [bold]test[/bold] (")


def test_a_title_of_two_decks_asks_for_an_id(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quizzed(data_dir, ("one", "Same"), ("two", "Same"))
    assert main(["stats", "--deck", "Same", str(DECKS)]) == 2
    assert capsys.readouterr().err == (
        "quiz: error: 'Same' is the title of decks one, two; give the id of one\n"
    )


def test_a_deck_of_the_history_is_known_without_loading_the_decks(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The common `--deck ID` is found in the history's indexes: the decks are read once,
    for the figures, not first to check the name."""
    quizzed(data_dir, ("other", "Other deck"))

    def no_decks(paths: object) -> None:
        raise AssertionError("the decks were loaded to check --deck")

    monkeypatch.setattr("quiz.commands.stats.readable_decks", no_decks)
    assert main(["stats", "--deck", "other"]) == 0
