"""`quiz stats`: the quiz history as a plain table, then the study figures as text charts.

The same figures as the app's statistics screen (`quiz.study.statistics`), drawn with
block characters (`quiz.commands.stats_text`) so they read in any terminal or log.
`--questions` prints the figures of each question instead, for authors: long, so only on
request. Must not import Textual. A history that holds nothing yet says so before the
figures' machinery and the decks are loaded: a new learner's `quiz stats` starts as fast
as `quiz --help` and a few SQLite queries.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands import (
    Subparsers,
    add_command,
    add_deck_paths,
    add_learner,
    learner_history,
    readable_decks,
    saved_store,
)
from quiz.deck.errors import shown
from quiz.store.activity import deck_saved, nothing_saved, saved_decks
from quiz.store.database import StoreError
from quiz.words import did_you_mean

if TYPE_CHECKING:
    from quiz.store.database import Database

NOTHING_YET = "No quizzes yet."


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "stats",
        "quiz stats",
        "quiz stats --deck algeria-mali-relations",
        "quiz stats my-decks/",
        "quiz stats --questions my-decks/ > figures.txt",
        "quiz stats --learners  # each learner of quiz serve --learners",
        "quiz stats --learner Ada",
    )
    add_deck_paths(parser)
    parser.add_argument(
        "--deck", metavar="ID", help="only the figures of the deck with this id (or exact title)"
    )
    parser.add_argument(
        "--questions",
        action="store_true",
        help="instead, each question's figures, hardest first: times asked, share right,"
        " median time, and how often each wrong choice was picked",
    )
    add_learner(parser, "the figures of this learner of 'quiz serve --learners'")
    parser.add_argument(
        "--learners",
        action="store_true",
        help="instead, one line per learner of 'quiz serve --learners':"
        " quizzes, last score, reviews",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.learners:
        from quiz.commands.stats_text import print_learners

        return print_learners()
    try:
        database = saved_store(learner_history(args))
        if database is None:
            chosen_deck(args.deck, None, args.paths)  # an unknown deck is one, history or not
            print(NOTHING_YET)
            return 0
        with closing(database):
            args.deck = chosen_deck(args.deck, database, args.paths)
            if not args.questions and nothing_saved(database):
                print(NOTHING_YET)  # what the figures of an empty history come to
                return 0
            from quiz.commands.stats_text import report

            return report(database, args)
    except StoreError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 1
    except UnknownDeck as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 2


class UnknownDeck(ValueError):
    """`--deck` names no deck of the history or of the decks read; the message says which are."""


def chosen_deck(given: str | None, database: Database | None, paths: list[Path]) -> str | None:
    """The id of the deck `--deck` names, by its id or its exact title; UnknownDeck otherwise.

    A deck the history holds is found by its id in the tables' indexes; the decks are
    loaded only for another name: a deck not yet quizzed, a title, a mistake.
    """
    if given is None or (database is not None and deck_saved(database, given)):
        return given
    known = saved_decks(database) if database is not None else set()
    known |= {(deck.id, deck.title) for deck in readable_decks(paths)}
    if any(deck_id == given for deck_id, _ in known):
        return given
    titled = sorted({deck_id for deck_id, title in known if title == given})
    if len(titled) == 1:
        return titled[0]
    raise UnknownDeck(shown(unknown_deck(given, known, titled)))


def unknown_deck(given: str, known: set[tuple[str, str]], titled: list[str]) -> str:
    """Why `--deck given` names no one deck: the decks there are, and the closest name."""
    if titled:
        return f"'{given}' is the title of decks {', '.join(titled)}; give the id of one"
    ids = sorted({deck_id for deck_id, _ in known})
    hint = did_you_mean(given, [*ids, *(title for _, title in known if title)])
    decks = f"the decks are: {', '.join(ids)}" if ids else "no deck is known yet"
    return f"no deck has the id or title '{given}' ({' '.join(filter(None, (hint, decks)))})"
