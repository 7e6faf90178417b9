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

from quiz.commands import (
    Subparsers,
    add_command,
    add_deck_paths,
    add_learner,
    learner_history,
    saved_store,
)
from quiz.store.activity import nothing_saved
from quiz.store.database import StoreError

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
    parser.add_argument("--deck", metavar="ID", help="only the figures of the deck with this id")
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
            print(NOTHING_YET)
            return 0
        with closing(database):
            if not args.questions and nothing_saved(database):
                print(NOTHING_YET)  # what the figures of an empty history come to
                return 0
            from quiz.commands.stats_text import report

            return report(database, args)
    except StoreError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 1
