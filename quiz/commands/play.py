"""`quiz play`: open the terminal quiz on ./decks (or the bundled decks) or on the decks named.

Naming one deck starts its quiz at once, with every question in a shuffled order;
otherwise the app opens on the deck list. Textual is imported inside `run` so the
other commands start without it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quiz.commands import (
    Subparsers,
    add_command,
    add_deck_paths,
    decks_or_report,
    open_store,
    quiz_app_class,
)

if TYPE_CHECKING:
    from quiz.tui.app import Begin


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "play",
        "quiz",
        "quiz play my-decks/",
        "quiz play decks/algeria-mali-relations.yaml --seed 7  # one deck: starts at once",
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
    decks = decks_or_report(args.paths)
    if decks is None:
        return 1
    database, message = open_store()
    if database is None:
        message += "; this quiz will not be saved."  # a quiz without history beats no quiz
    begin: Begin = "quiz" if args.paths and len(decks) == 1 else "home"
    try:
        app = quiz_app_class()(
            decks, database=database, store_message=message, seed=args.seed, begin=begin
        )
        app.run()
    finally:
        if database is not None:
            database.close()
    return 0
