"""Layering, checked the way harlequin does: a fresh interpreter, then a look at sys.modules.

`quiz check` and `quiz stats` must start without Textual or the web server's libraries;
the deck model, the session and the store must never pull in Textual or genanki.
"""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from quiz.store.database import Database
from quiz.store.history import History, RunKind

BUNDLED_DECK = Path(__file__).parent.parent / "decks" / "algeria-mali-relations.yaml"

PROBE = """
import contextlib, sys
from quiz.cli import main
with contextlib.suppress(SystemExit):
    main({argv!r})
heavy = ("textual", "genanki", "fsrs", "textual_serve", "aiohttp")
print(sorted(m for m in heavy if m in sys.modules))
"""


def loaded_after(argv: list[str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    "argv", [["check"], ["check", "--help"], ["schema"], ["import", "--help"], ["serve", "--help"]]
)
def test_deck_commands_load_neither_textual_nor_genanki(argv: list[str]) -> None:
    assert loaded_after(argv) == "[]"


UNNEEDED = """
import contextlib, io, sys
from quiz.cli import main
with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
    main({argv!r})
print(sorted(m for m in {modules!r} if m in sys.modules))
"""


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        (["stats"], ("quiz.play.scoring", "quiz.play.session", "statistics", "rapidfuzz")),
        (["check", str(BUNDLED_DECK)], ("sqlite3", "quiz.store.database", "json", "statistics")),
    ],
)
def test_commands_start_without_what_their_run_does_not_use(
    argv: list[str], modules: tuple[str, ...], tmp_path: Path
) -> None:
    """Start-up is a target of its own (tests/bench.py): `quiz stats` prints figures
    without checking answers, `quiz check` lints without opening the history."""
    probe = UNNEEDED.format(argv=argv, modules=modules)
    env = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path)}
    (tmp_path / "quiz.sqlite3").touch()  # so that `quiz stats` opens a store
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_check_of_an_unchanged_deck_needs_no_answer_checking(tmp_path: Path) -> None:
    """The warnings are kept with the deck in its cache: checking it again loads neither
    the YAML parser nor the lint and its typo distances (rapidfuzz), nor `dataclasses`
    (which imports `inspect`: a third of what `import yaml` costs)."""
    modules = ("yaml", "quiz.lint", "quiz.play.textmatch", "rapidfuzz", "dataclasses")
    probe = UNNEEDED.format(argv=["check", str(BUNDLED_DECK)], modules=modules)
    env = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path)}
    first, second = (
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        ).stdout.strip()
        for _ in range(2)
    )
    assert first == str(sorted(modules))  # a miss: parsed, linted and cached
    assert second == "[]"


def test_stats_of_unchanged_decks_parse_none_and_define_no_question_class(
    tmp_path: Path,
) -> None:
    """The figures need the decks' ids and, for a missed question, that question: the
    decks come from the cache and their questions' classes are defined when one is built;
    the cards' schedules and the merging from Anki are not read at all. Its records are
    named tuples: `dataclasses` is not imported either."""
    modules = ("yaml", "quiz.deck.validate", "quiz.deck.model", "quiz.store.cards", "dataclasses")
    probe = UNNEEDED.format(
        argv=["stats", str(BUNDLED_DECK)], modules=(*modules, "quiz.store.merge")
    )
    env = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path)}
    with closing(Database(tmp_path / "quiz.sqlite3")) as database:  # a quiz, so figures
        History(database).start("algeria-mali-relations", "Algeria", RunKind.FULL, 3)
    first, second = (
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        )
        .stdout.strip()
        .splitlines()[-1]
        for _ in range(2)
    )
    assert first == "['dataclasses', 'quiz.deck.model', 'quiz.deck.validate', 'yaml']"  # parsed
    assert second == "[]"


def test_core_modules_stay_free_of_ui_and_export_libraries() -> None:
    core = "quiz.deck, quiz.lint, quiz.store, quiz.play.scoring, quiz.play.session"
    probe = f"import sys, {core}; print([m for m in ('textual', 'genanki') if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


CACHED_LOAD = """
import sys
from pathlib import Path
from quiz.deck.library import load_decks
[result] = load_decks([Path({deck!r})], cache=Path({cache!r}))
assert result.ok, result.errors
print(sorted(m for m in ("yaml", "rapidfuzz", "quiz.deck.validate") if m in sys.modules))
"""


def test_a_deck_from_the_cache_opens_without_yaml_or_the_validator(tmp_path: Path) -> None:
    """Parsing and validating are for decks that changed; the first question waits for neither."""
    probe = CACHED_LOAD.format(deck=str(BUNDLED_DECK), cache=str(tmp_path))
    first, second = (
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    )
    assert first == "['quiz.deck.validate', 'yaml']"  # a miss: loaded and cached
    assert second == "[]"


def test_help_lists_every_command_without_importing_one() -> None:
    probe = (
        "import contextlib, io, sys\nfrom quiz.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('quiz.commands', 'quiz.deck'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


FIRST_QUESTION = """
import os, sys
import quiz.commands as commands
from quiz.cli import main

app_class = commands.quiz_app_class

def headless_app_class():
    cls = app_class()
    run = cls.run
    cls.run = lambda app: run(app, headless=True, size=(80, 24), auto_pilot=first_question)
    return cls

async def first_question(pilot):
    from quiz.tui.screens.question import QuestionScreen
    while not isinstance(pilot.app.screen, QuestionScreen):
        await pilot.pause()
    await pilot.pause()
    loaded = sorted(m for m in {modules!r} if m in sys.modules)
    os.write(1, f"{{loaded}}\\n".encode())
    os._exit(0)

commands.quiz_app_class = headless_app_class
main(["play", {deck!r}])
"""


def test_the_first_question_shows_before_the_answer_checking_loads(tmp_path: Path) -> None:
    """The answer checking (its text matching builds large patterns) and the learners'
    stores are for later: `quiz play DECK` draws its first question without them."""
    unneeded = ("quiz.play.scoring", "quiz.play.textmatch", "quiz.store.learners")
    probe = FIRST_QUESTION.format(modules=unneeded, deck=str(BUNDLED_DECK))
    env = {**os.environ, "QUIZ_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"
