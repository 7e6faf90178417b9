"""`quiz play`: open the terminal quiz on the bundled decks or on the decks named.

Textual is imported inside `run` so the other commands start without it.
"""

from __future__ import annotations

import argparse
import sys

from quiz.commands import Subparsers, add_command, add_deck_paths
from quiz.deck import load_decks
from quiz.paths import store_path
from quiz.store.database import Database, StoreError


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "play",
        "answer the questions of a deck in the terminal quiz",
        "quiz",
        "quiz play my-decks/",
        "quiz play decks/algeria-mali-relations.yaml --seed 7",
    )
    add_deck_paths(parser)
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="make the question and choice order repeatable (default: random)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    results = load_decks(args.paths)
    errors = [error for result in results for error in result.errors]
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print("quiz: fix the decks above (see 'quiz check') and try again", file=sys.stderr)
        return 1
    decks = [result.deck for result in results if result.deck is not None]
    if not decks:
        print("quiz: no deck files (.yaml) found", file=sys.stderr)
        return 1
    database, message = open_store()
    from quiz.tui.app import QuizApp

    try:
        QuizApp(decks, database=database, store_message=message, seed=args.seed).run()
    finally:
        if database is not None:
            database.close()
    return 0


def open_store() -> tuple[Database | None, str]:
    """The history store and what to tell the learner about it (a damaged file set aside).

    A store that cannot be opened gives None and why: a quiz without history beats no quiz.
    """
    try:
        database = Database(store_path())
    except StoreError as exc:
        return None, f"{exc}; this quiz will not be saved."
    return database, database.notice or ""
