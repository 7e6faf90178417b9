"""`quiz study`: spaced repetition of a deck's cards in the terminal app, scheduled by FSRS.

Textual is imported inside `run` so the other commands start without it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from quiz.commands import Subparsers, add_command, add_deck_paths
from quiz.deck import Deck, load_decks
from quiz.paths import store_path
from quiz.store.database import Database, StoreError
from quiz.study.settings import DEFAULT_NEW_PER_DAY, MAX_NEW_PER_DAY


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "study",
        "review the cards of a deck that are due now, then new ones up to a daily limit",
        "quiz study",
        "quiz study decks/algeria-mali-relations.yaml --new-per-day 10",
    )
    add_deck_paths(parser)
    parser.add_argument(
        "--new-per-day",
        type=new_per_day,
        default=DEFAULT_NEW_PER_DAY,
        metavar="N",
        help=f"new cards to start per deck and day (default: {DEFAULT_NEW_PER_DAY})",
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="make the choice order repeatable (default: random)",
    )
    parser.set_defaults(run=run)


def new_per_day(text: str) -> int:
    """A whole number from 0 (reviews only) to `MAX_NEW_PER_DAY`."""
    if not text.isdigit() or int(text) > MAX_NEW_PER_DAY:
        raise argparse.ArgumentTypeError(f"a whole number from 0 to {MAX_NEW_PER_DAY}: {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    decks = decks_or_report(args.paths)
    if decks is None:
        return 1
    try:
        database = Database(store_path())
    except StoreError as exc:
        print(f"quiz: error: {exc}; study keeps its schedules there", file=sys.stderr)
        return 1
    from quiz.tui.app import QuizApp

    try:
        app = QuizApp(
            decks,
            database=database,
            store_message=database.notice or "",
            seed=args.seed,
            new_per_day=args.new_per_day,
            study=True,
        )
        app.run()
    finally:
        database.close()
    return 0


def decks_or_report(paths: Sequence[Path]) -> list[Deck] | None:
    """The decks under `paths`, or None after printing why there are none to open.

    Every deck must load: a broken deck is listed with where and why, and nothing opens.
    """
    results = load_decks(paths)
    errors = [error for result in results for error in result.errors]
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print("quiz: fix the decks above (see 'quiz check') and try again", file=sys.stderr)
        return None
    decks = [result.deck for result in results if result.deck is not None]
    if not decks:
        print("quiz: no deck files (.yaml) found", file=sys.stderr)
        return None
    return decks
