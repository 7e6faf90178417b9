"""One module per `quiz` subcommand: each registers its parser and runs it.

Command modules import their heavy dependencies (Textual, genanki) inside `run`, so
`quiz check` and `quiz stats` start without loading them.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from quiz.collector import cycle_collector_paused, freeze_survivors
from quiz.command_list import COMMANDS
from quiz.deck.errors import shown
from quiz.paths import deck_cache_dir, default_decks_dir, store_path

if TYPE_CHECKING:
    from quiz.deck import Deck
    from quiz.play.selection import QuizOptions
    from quiz.store.database import Database
    from quiz.study.deck_settings import StudySettings
    from quiz.tui.app import Begin, QuizApp
    from quiz.tui.screens.learner import OpenLearner

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What `add_subparsers` returns; argparse exposes no public name for it."""


HELP_WIDTH = 79
"""Where a subcommand's description wraps: its examples below are kept as written."""


def add_command(sub: Subparsers, name: str, *examples: str) -> argparse.ArgumentParser:
    """A subcommand parser with its summary (from `quiz.command_list`) whose help ends
    with examples, as every subcommand's does."""
    summary = COMMANDS[name].summary
    epilog = "examples:\n" + "\n".join(f"  {example}" for example in examples)
    return sub.add_parser(
        name,
        help=summary,
        description=textwrap.fill(summary[0].upper() + summary[1:] + ".", HELP_WIDTH),
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_deck_paths(parser: argparse.ArgumentParser) -> None:
    """The `PATH ...` argument that every deck-reading command shares."""
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="deck files or folders of decks (default: ./decks if there is one, else the"
        " bundled decks)",
    )


def add_seed(parser: argparse.ArgumentParser, order: str) -> None:
    """The `--seed N` that makes the app's shuffles repeatable (`order`: what they shuffle)."""
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help=f"make the {order} order repeatable (default: random)",
    )


def add_learner(parser: argparse.ArgumentParser, what: str) -> None:
    """`--learner NAME`: the history of one learner of `quiz serve --learners`."""
    parser.add_argument("--learner", type=learner_name, metavar="NAME", help=what)


def learner_history(args: argparse.Namespace) -> Path | None:
    """The history file `--learner NAME` chose, or None for the shared one; the learners'
    module is imported only for a learner named."""
    if not args.learner:
        return None
    from quiz.store.learners import learner_store

    return learner_store(args.learner)


def learner_name(text: str) -> str:
    """A name that makes a learner's folder (argparse says the problem otherwise)."""
    from quiz.store.learners import learner_key

    try:
        learner_key(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def decks_or_report(paths: Sequence[Path]) -> list[Deck] | None:
    """The decks under `paths`, or None after printing why there are none to open.

    Every deck must load for the app to open: a broken deck is listed with where and
    why, and nothing opens, so a learner never quizzes on half a deck. Decks come from
    the deck cache while their files are unchanged, so a big deck opens quickly.
    """
    from quiz.deck.library import load_decks  # the deck cache: `quiz stats` may need none

    results = load_decks(paths, cache=deck_cache_dir())
    errors = [error for result in results for error in result.errors]
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print("quiz: fix the decks above (see 'quiz check') and try again", file=sys.stderr)
        return None
    decks = [result.deck for result in results if result.deck is not None]
    if not decks:
        where = ", ".join(str(path) for path in paths or [default_decks_dir()])
        print(f"quiz: error: no decks found in {where}", file=sys.stderr)
        return None
    return decks


def readable_decks(paths: Sequence[Path]) -> list[Deck]:
    """The decks under `paths` that load; those with problems are left out, said in one line.

    For commands that read the store and only need decks to name what it holds: one
    broken deck should not hide the figures or flags of the others.
    """
    if not paths and not default_decks_dir().is_dir():
        return []
    from quiz.deck.library import load_decks

    results = load_decks(paths, cache=deck_cache_dir())
    broken = [result.path for result in results if result.deck is None]
    if broken:
        names = shown(", ".join(str(path) for path in broken))  # a file's name is anyone's
        print(f"quiz: left out decks with problems (see 'quiz check'): {names}", file=sys.stderr)
    return [result.deck for result in results if result.deck is not None]


def open_store(path: Path | None = None) -> tuple[Database | None, str]:
    """The history store (the shared one, or the one at `path`: a learner's) and what to
    tell the learner about it.

    The message is why the store could not open (then the store is None), or that a
    damaged file was set aside; each command decides whether it can go on without one.
    """
    # Imported here, as in `saved_store`: `quiz check`, `schema` and `import` never open
    # the store, and SQLite's modules are a few milliseconds of their start-up.
    from quiz.store.database import Database, StoreError

    try:
        database = Database(path or store_path())
    except StoreError as exc:
        return None, str(exc)
    return database, database.notice or ""


def saved_store(path: Path | None = None) -> Database | None:
    """The store (the shared one, or the one at `path`) for a command that only reads it,
    or None when nothing was saved yet.

    Creates nothing. Raises StoreError when the store, or the folder it would be in,
    cannot be used: an unreadable history must not pass for an empty one. A notice that a
    damaged file was set aside is printed.
    """
    from quiz.store.database import StoreError, store_exists

    if not store_exists(path or store_path()):
        return None
    database, message = open_store(path)
    if database is None:
        raise StoreError(message)
    if message:
        print(message, file=sys.stderr)
    return database


def quiz_app_class() -> type[QuizApp]:
    """The Textual app's class, imported with Python's cycle collector paused.

    Textual's modules, the screens and the decks loaded before live as long as the
    process: they are frozen out of the collector's sight before the app starts.
    """
    with cycle_collector_paused():
        from quiz.tui.app import QuizApp

        freeze_survivors()
    return QuizApp


def run_app(
    args: argparse.Namespace,
    decks: list[Deck],
    store: tuple[Database | None, str],
    *,
    begin: Begin,
    options: QuizOptions | None = None,
    study_settings: StudySettings | None = None,
    ask_learner: OpenLearner | None = None,
) -> int:
    """Open the terminal app on `decks`, with the store and what to say about it (from
    `open_store`) and the `--seed` given, where `begin` asks; 0 once it is closed.
    With `ask_learner`, the store comes from the name the app asks first."""
    database, message = store
    app = quiz_app_class()(
        decks,
        database=database,
        store_message=message,
        seed=args.seed,
        begin=begin,
        options=options,
        study_settings=study_settings,
        ask_learner=ask_learner,
    )
    app.run()
    return 0
