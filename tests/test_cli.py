"""The `quiz` command line as a user runs it: exit codes, help, version, output lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quiz import __version__
from quiz.cli import build_parser, main
from quiz.store.database import Database
from tests.filled_store import fill

TESTS = Path(__file__).parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args], capture_output=True, text=True, check=False
    )


def test_version_through_python_dash_m() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"quiz {__version__}"


def test_every_subcommand_has_help_with_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    action = parser._subparsers._group_actions[0]  # type: ignore[union-attr]
    commands = list(action.choices or ())
    assert {"check", "schema"} <= set(commands)
    for name in commands:
        with pytest.raises(SystemExit) as exit_:
            main([name, "--help"])
        assert exit_.value.code == 0
        out = capsys.readouterr().out
        assert "examples:" in out
        examples = out.split("examples:")[1].strip().splitlines()
        assert all(line.strip().startswith("quiz") for line in examples), name
        assert not clone_only_paths("\n".join(examples)), name
        description = out.split("\n\n")[1]
        assert max(map(len, description.splitlines())) <= 79, name


def clone_only_paths(examples: str) -> list[str]:
    """The paths in `examples` that name a file of this repository: a user who installed
    the package has none of them (its `decks/algeria-mali-relations.yaml` included)."""
    words = (word.strip("'\"") for word in examples.split())
    return [word for word in words if "/" in word and (TESTS.parent / word).is_file()]


def test_the_help_says_serve_is_for_a_trusted_network(capsys: pytest.CaptureFixture[str]) -> None:
    """As the README warns: plain HTTP, so the token can be read by whoever watches."""
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "serve open the quiz in a web browser, one app per tab; plain HTTP: for a network"
        " you trust, not the internet" in out
    )
    assert "safe" not in out


def test_check_valid_deck_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(TESTS / "decks" / "every-type.yaml"), "-v"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2].endswith(
        "6 questions (1 choice, 1 multi, 1 truefalse, 1 text, 1 cloze, 1 order)"
    )
    assert out[-1] == "1 deck checked, no errors (6 questions)"


def test_check_reports_errors_and_summary(capsys: pytest.CaptureFixture[str]) -> None:
    bad = TESTS / "deck" / "bad"
    paths = [bad / "answer-not-in-choices.yaml", TESTS / "decks"]
    assert main(["check", *map(str, paths)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith(
        "answer-not-in-choices.yaml:9:13: error: answer 'Gaoo' is not one of the choices: "
        "Gao, Bamako, Kidal, Timbuktu (did you mean 'Gao'?)"
    )
    assert out[-1] == "1 error in 1 of 2 decks"


def test_check_missing_path_is_a_usage_error() -> None:
    result = run("check", "no/such/deck.yaml")
    assert result.returncode == 2
    assert result.stderr.strip() == "quiz: error: no such file or folder: no/such/deck.yaml"
    assert "Traceback" not in result.stderr


def test_check_bundled_decks_by_default_with_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--coverage"]) == 0
    out = capsys.readouterr().out
    assert "16 of 17 sentences quoted by 'algeria-mali-relations' (94%)" in out
    assert "not quoted: Algeria–Mali relations refers to bilateral relations" in out


def test_schema_matches_the_shipped_copy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    shipped = (TESTS.parent / "decks" / "schema.json").read_text(encoding="utf-8")
    assert capsys.readouterr().out == shipped, "run: quiz schema > decks/schema.json"


def test_check_json_format_is_machine_readable(capsys: pytest.CaptureFixture[str]) -> None:
    bad = TESTS / "deck" / "bad" / "answer-not-in-choices.yaml"
    assert main(["check", "--format", "json", str(bad)]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["errors"] == 1
    assert document["warnings"] == 0
    [problem] = document["problems"]
    assert (problem["line"], problem["column"], problem["severity"]) == (9, 13, "error")
    assert problem["hint"] == "did you mean 'Gao'?"
    assert document["decks"][0]["valid"] is False


def test_check_github_format_annotates_lines(capsys: pytest.CaptureFixture[str]) -> None:
    bad = TESTS / "deck" / "bad" / "answer-not-in-choices.yaml"
    assert main(["check", "--format", "github", str(bad)]) == 1
    first, summary = capsys.readouterr().out.splitlines()
    assert first.startswith("::error file=")
    assert first.split(",", 1)[1].startswith("line=9,col=13,title=quiz check::answer 'Gaoo'")
    assert summary == "1 error in 1 of 1 deck"


def run_into_a_closed_pipe(
    args: list[str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """`quiz ARGS | head -0`: stdout is a pipe whose reader has already gone."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return subprocess.run(
            [sys.executable, "-m", "quiz", *args],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )
    finally:
        os.close(writer)


@pytest.mark.parametrize(
    "args",
    [["stats"], ["stats", "--questions", str(TESTS / "decks")], ["check", "--coverage"]],
)
def test_a_closed_pipe_ends_the_command_quietly_as_cat_does(
    args: list[str], tmp_path: Path
) -> None:
    database = Database(tmp_path / "quiz.sqlite3")
    fill(database)
    database.close()
    done = run_into_a_closed_pipe(args, {**os.environ, "QUIZ_DATA_DIR": str(tmp_path)})
    assert (done.returncode, done.stderr) == (141, "")  # 128 + SIGPIPE, as the shell sees cat


def test_check_of_a_folder_without_decks_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "emptydir"
    (empty / "notes").mkdir(parents=True)
    (empty / "notes" / "readme.txt").write_text("no decks here", encoding="utf-8")
    assert main(["check", str(empty)]) == 1
    assert capsys.readouterr().err == f"quiz: error: no decks found in {empty}\n"
    # one folder without decks among others is a mistyped path too
    assert main(["check", "--format", "json", str(TESTS / "decks"), str(empty)]) == 1
    assert capsys.readouterr().err == f"quiz: error: no decks found in {empty}\n"
