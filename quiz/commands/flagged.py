"""`quiz flagged`: the questions learners flagged, and study's leeches, as `path:line: note`
for editors.

A leech (`quiz.study.leeches`) is a card learners keep forgetting, and a question they
keep failing is often a bad one: it is listed beside the flags, `path:line: leech:
forgotten 8 times in study [id]`, until its content changes, as a flag clears then.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from quiz.commands import (
    Subparsers,
    add_command,
    add_deck_paths,
    add_learner,
    learner_history,
    readable_decks,
    saved_store,
)
from quiz.deck.errors import display_path, shown
from quiz.deck.model import AnyQuestion, Deck
from quiz.flagging import OpenFlag, open_flags
from quiz.paths import is_installed_copy
from quiz.store.database import StoreError
from quiz.study.leeches import OpenLeech, open_leeches
from quiz.words import plural


@dataclass(frozen=True, slots=True)
class Listed:
    """A question to look at, and why: the learner's note, or that it is a leech."""

    deck: Deck
    question: AnyQuestion
    note: str


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "flagged",
        "quiz flagged",
        "quiz flagged my-decks/ > flagged.txt   # then :cfile flagged.txt in Vim",
        "quiz flagged --learner Ada",
    )
    add_deck_paths(parser)
    add_learner(parser, "the flags and leeches of this learner of 'quiz serve --learners'")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        database = saved_store(learner_history(args))
        if database is None:  # nothing saved: no decks read, so no deck cache written
            print("No flagged questions.")
            return 0
        with closing(database):
            decks = readable_decks(args.paths)
            flags, leeches = open_flags(database, decks), open_leeches(database, decks)
    except StoreError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 1
    places = listed(flags, leeches)
    for place in places:
        print(line(place))
    print(summary(flags, leeches))
    for path in installed_copies(place.deck for place in places):
        print(
            f"quiz: {display_path(path)} is the copy installed with quiz, which the next install"
            " replaces: edit the deck in your clone, where 'quiz flagged' names it (run from a"
            " folder with a decks/ folder, quiz uses those decks)",
            file=sys.stderr,
        )
    return 0


def listed(flags: Sequence[OpenFlag], leeches: Sequence[OpenLeech]) -> list[Listed]:
    """Flags and leeches together, in the order of the decks' files and lines."""
    places = [Listed(f.deck, f.question, f.flag.note or "flagged without a note") for f in flags]
    places += [
        Listed(leech.deck, leech.question, f"leech: forgotten {leech.lapses} times in study")
        for leech in leeches
    ]
    return sorted(places, key=lambda place: (str(place.deck.path), place.question.line))


def summary(flags: Sequence[OpenFlag], leeches: Sequence[OpenLeech]) -> str:
    """`2 flagged questions and 1 leech.`, or that there is nothing to look at."""
    parts = [plural(len(flags), "flagged question")] if flags else []
    if leeches:
        parts.append(plural(len(leeches), "leech", "leeches"))
    return f"{' and '.join(parts)}." if parts else "No flagged questions."


def installed_copies(decks: Iterable[Deck]) -> list[Path]:
    """The listed decks read from the copy inside the installed package: a path there is
    no place to fix a question, so the author is told where to go instead."""
    paths = {deck.path for deck in decks if deck.path is not None}
    return sorted(filter(is_installed_copy, paths))


def line(place: Listed) -> str:
    """`path:line: note [id]`, the form editors read as a list of places to visit."""
    where = display_path(place.deck.path) if place.deck.path else place.deck.id
    return shown(f"{where}:{place.question.line}: {place.note} [{place.question.id}]")
