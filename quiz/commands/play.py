"""`quiz play`: open the terminal quiz on ./decks (or the bundled decks) or on the decks named.

Naming one deck starts its quiz at once, with every question in a shuffled order, or
the questions the options choose (`--count 10 --section Migration --missed`: the choices
of the options dialog, so a learner can script a daily ten); otherwise the app opens on
the deck list. Textual is imported inside `run` so the other commands start without it.
"""

from __future__ import annotations

import argparse
import sys
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
from quiz.deck.model import Deck
from quiz.play.selection import QuizOptions
from quiz.store.database import Database
from quiz.store.history import History
from quiz.words import did_you_mean, plural

if TYPE_CHECKING:
    from quiz.tui.app import Begin


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "play",
        "quiz",
        "quiz play my-decks/",
        "quiz play my-decks/spanish.yaml --seed 7  # one deck: starts at once",
        "quiz play my-decks/spanish.yaml --count 10 --missed  # a daily ten",
    )
    add_deck_paths(parser)
    add_seed(parser, "question and choice")
    add_shaping(parser)
    add_learner(parser, "keep this learner's history apart from the shared one")
    parser.add_argument(
        "--ask-learner",
        action="store_true",
        help=argparse.SUPPRESS,  # `quiz serve --learners`: each tab asks the name first
    )
    parser.set_defaults(run=run)


def add_shaping(parser: argparse.ArgumentParser) -> None:
    """The options dialog's choices, for a quiz on the one deck named."""
    group = parser.add_argument_group("the quiz of the one deck named")
    group.add_argument("--count", type=int, metavar="N", help="ask at most N questions")
    group.add_argument(
        "--section", action="append", metavar="NAME", help="only this section (repeatable)"
    )
    group.add_argument("--tag", action="append", metavar="NAME", help="only this tag (repeatable)")
    group.add_argument(
        "--missed",
        action="store_true",
        help="only the questions missed in earlier quizzes (and not answered right since)",
    )
    group.add_argument(
        "--shuffle",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="ask the questions in a shuffled order (the default) or in the deck's",
    )


def shaping_given(args: argparse.Namespace) -> bool:
    """Whether any quiz option was given: `--no-shuffle` alone is one (its value is False)."""
    return args.missed or any(
        value is not None for value in (args.count, args.section, args.tag, args.shuffle)
    )


def chosen_names(kind: str, given: list[str] | None, deck: Deck) -> frozenset[str] | None:
    """The sections (or tags) named, checked against the deck's (ValueError naming them)."""
    if given is None:
        return None
    valid = deck.sections if kind == "section" else deck.tags
    for name in given:
        if name not in valid:
            hint = did_you_mean(name, valid)
            known = f"its {kind}s are: " + ", ".join(valid) if valid else f"it has no {kind}s"
            why = " ".join(filter(None, (hint, known)))
            raise ValueError(f"deck '{deck.id}' has no {kind} '{name}' ({why})")
    return frozenset(given)


def quiz_options(args: argparse.Namespace, deck: Deck, database: Database | None) -> QuizOptions:
    """The options the command line chose for `deck`'s quiz (ValueError saying what is wrong:
    an unknown name, a count below 1, nothing missed, no question left)."""
    if args.count is not None and args.count < 1:
        raise ValueError(f"--count must be 1 or more, not {args.count}")
    options = QuizOptions(
        count=args.count,
        sections=chosen_names("section", args.section, deck),
        tags=chosen_names("tag", args.tag, deck),
        shuffle=args.shuffle is not False,
        questions=missed(deck, database) if args.missed else None,
    )
    if not options.matching(deck.questions):
        raise ValueError(f"no question of deck '{deck.id}' matches these options")
    return options


def missed(deck: Deck, database: Database | None) -> frozenset[str]:
    """The deck's questions missed in earlier quizzes, from the history."""
    if database is None:
        raise ValueError("--missed reads the history, and it could not be opened")
    questions = History(database).missed_questions(deck.id)
    if not questions:
        raise ValueError(f"nothing of deck '{deck.id}' was missed in earlier quizzes")
    return questions


def run(args: argparse.Namespace) -> int:
    decks = decks_or_report(args.paths)
    if decks is None:
        return 1
    if args.ask_learner:
        return run_for_learners(args, decks)
    database, message = open_store(learner_history(args))
    if database is None:
        message += "; this quiz will not be saved."  # a quiz without history beats no quiz
    one_deck = bool(args.paths) and len(decks) == 1
    begin: Begin = "quiz" if one_deck else "home"
    try:
        options = shaped(args, decks, database, one_deck=one_deck)
        if options is None:
            return 1
        return run_app(args, decks, (database, message), begin=begin, options=options)
    finally:
        if database is not None:
            database.close()


def run_for_learners(args: argparse.Namespace, decks: list[Deck]) -> int:
    """The app of one tab of `quiz serve --learners`: it asks the name, then opens on
    that learner's store (closed here when the app ends)."""
    from quiz.store.learners import learner_store, remember_name

    opened: list[Database] = []

    def open_learner(name: str) -> tuple[Database | None, str]:
        path = learner_store(name)  # ValueError for a name unfit: the app says it
        remember_name(name)
        database, message = open_store(path)
        if database is None:
            return None, message + "; this quiz will not be saved."
        opened.append(database)
        return database, message

    one_deck = bool(args.paths) and len(decks) == 1
    try:
        return run_app(
            args, decks, (None, ""), begin="quiz" if one_deck else "home", ask_learner=open_learner
        )
    finally:
        for database in opened:
            database.close()


def shaped(
    args: argparse.Namespace, decks: list[Deck], database: Database | None, *, one_deck: bool
) -> QuizOptions | None:
    """The quiz's options, or None once what is wrong with them has been said."""
    if not shaping_given(args):
        return QuizOptions()
    if not one_deck:
        found = plural(len(decks), "deck")
        print(f"quiz: error: the quiz options need one deck file named ({found})", file=sys.stderr)
        return None
    try:
        return quiz_options(args, decks[0], database)
    except ValueError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return None
