"""`quiz study`: spaced repetition of a deck's cards in the terminal app, scheduled by FSRS.

Textual is imported inside `run` so the other commands start without it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from quiz.commands import (
    Subparsers,
    add_command,
    add_deck_paths,
    add_learner,
    add_seed,
    decks_or_report,
    learner_history,
    open_store,
    run_app,
)
from quiz.study.settings import (
    DEFAULT_LEECH_THRESHOLD,
    DEFAULT_NEW_PER_DAY,
    DEFAULT_RETENTION,
    leech_threshold_problem,
    new_per_day_problem,
    retention_problem,
)

if TYPE_CHECKING:
    from quiz.deck.model import Deck
    from quiz.store.database import Database


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "study",
        "quiz study",
        "quiz study my-decks/spanish.yaml --new-per-day 10 --retention 0.85",
        "quiz study my-decks/spanish.yaml --unsuspend",
        "quiz study --optimize my-decks/spanish.yaml",
        "quiz study --learner Ada",
    )
    add_deck_paths(parser)
    parser.add_argument(
        "--new-per-day",
        type=new_per_day,
        metavar="N",
        help="new cards to start per deck and day, kept for the decks named"
        f" (default: the deck's own, first {DEFAULT_NEW_PER_DAY})",
    )
    parser.add_argument(
        "--retention",
        type=retention,
        metavar="R",
        help="the share of due cards FSRS aims to have you recall, kept for the decks named"
        f" (default: the deck's own, first {DEFAULT_RETENTION})",
    )
    parser.add_argument(
        "--leech-threshold",
        type=leech_threshold,
        metavar="L",
        help="a card forgotten this many times is a leech: suspended, and listed by quiz"
        " flagged; 0 marks none; kept for the decks named"
        f" (default: the deck's own, first {DEFAULT_LEECH_THRESHOLD})",
    )
    parser.add_argument(
        "--unsuspend",
        action="store_true",
        help="bring back every suspended card of the decks named, leeches too, and say how"
        " many, without opening the app",
    )
    parser.add_argument(
        "--optimize",
        action="store_true",
        help="instead of studying, fit FSRS's parameters to your reviews of each deck named,"
        " show the log loss and RMSE before and after, and keep better ones for the deck"
        " (needs the optimizer extra)",
    )
    add_seed(parser, "choice")
    add_learner(parser, "study with this learner's schedules, of 'quiz serve --learners'")
    parser.set_defaults(run=run)


def new_per_day(text: str) -> int:
    """A whole number from 0 (reviews only) to `MAX_NEW_PER_DAY`."""
    return _whole(text, new_per_day_problem)


def leech_threshold(text: str) -> int:
    """A whole number from 0 (no leeches) to `MAX_LEECH_THRESHOLD`."""
    return _whole(text, leech_threshold_problem)


def _whole(text: str, problem_of: Callable[[int], str]) -> int:
    value = int(text) if text.isdigit() else -1
    problem = problem_of(value)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}: {text!r}")
    return value


def retention(text: str) -> float:
    """A desired retention within Anki's bounds (0.7 to 0.99)."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    problem = retention_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(f"{problem}: {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    if args.optimize:
        from quiz.study.optimizer import INSTALL, available

        if not available():
            print(f"quiz: {INSTALL}", file=sys.stderr)
            return 1
    decks = decks_or_report(args.paths)
    if decks is None:
        return 1
    database, message = open_store(learner_history(args))
    if database is None:
        print(f"quiz: error: {message}; study keeps its schedules there", file=sys.stderr)
        return 1
    try:
        if args.unsuspend:
            return _unsuspend(decks, database)
        return _study(args, decks, database, message)
    finally:
        database.close()


def _study(args: argparse.Namespace, decks: list[Deck], database: Database, message: str) -> int:
    """Keep the settings given for every deck named, then open the app on them, or with
    --optimize fit their parameters instead."""
    from quiz.store.database import StoreError
    from quiz.study.deck_settings import deck_settings, keep_settings

    try:
        for deck in decks:
            keep_settings(
                database,
                deck.id,
                new_per_day=args.new_per_day,
                desired_retention=args.retention,
                leech_threshold=args.leech_threshold,
            )
        settings = deck_settings(database, decks[0].id)
        if args.optimize:
            return _optimize(decks, database)
    except StoreError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 1
    return run_app(args, decks, (database, message), begin="study", study_settings=settings)


def _unsuspend(decks: list[Deck], database: Database) -> int:
    """Bring back every suspended card of the decks, one line per deck saying how many."""
    from quiz.deck.errors import shown
    from quiz.store.database import StoreError
    from quiz.study.set_aside import unsuspend
    from quiz.words import plural

    for deck in decks:
        try:
            count = unsuspend(database, deck.id)
        except StoreError as exc:
            print(f"quiz: error: {exc}", file=sys.stderr)
            return 1
        print(shown(f"{deck.title}: {plural(count, 'card')} unsuspended"))
    return 0


def _optimize(decks: list[Deck], database: Database) -> int:
    """Fit and keep each deck's parameters, one line per deck (StoreError if the store fails)."""
    from quiz.deck.errors import shown
    from quiz.study.own_parameters import fit_sentence, optimize_deck

    for deck in decks:
        reviews, result = optimize_deck(database, deck.id)
        print(f"{shown(deck.title)}: {fit_sentence(reviews, result)}")
    return 0
