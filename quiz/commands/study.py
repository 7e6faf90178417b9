"""`quiz study`: spaced repetition of a deck's cards in the terminal app, scheduled by FSRS.

Textual is imported inside `run` so the other commands start without it.
"""

from __future__ import annotations

import argparse
import sys

from quiz.commands import (
    Subparsers,
    add_command,
    add_deck_paths,
    decks_or_report,
    open_store,
    quiz_app_class,
)
from quiz.study.settings import DEFAULT_NEW_PER_DAY, MAX_NEW_PER_DAY


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "study",
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
    database, message = open_store()
    if database is None:
        print(f"quiz: error: {message}; study keeps its schedules there", file=sys.stderr)
        return 1
    try:
        app = quiz_app_class()(
            decks,
            database=database,
            store_message=message,
            seed=args.seed,
            new_per_day=args.new_per_day,
            begin="study",
        )
        app.run()
    finally:
        database.close()
    return 0
