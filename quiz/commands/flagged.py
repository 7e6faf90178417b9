"""`quiz flagged`: the questions learners flagged, as `path:line: note` for editors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from quiz.commands import Subparsers, add_command, add_deck_paths, readable_decks, saved_store
from quiz.deck.errors import display_path, shown
from quiz.flagging import OpenFlag, open_flags
from quiz.paths import is_installed_copy
from quiz.store.database import StoreError
from quiz.words import plural


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "flagged",
        "quiz flagged",
        "quiz flagged my-decks/ > flagged.txt   # then :cfile flagged.txt in Vim",
    )
    add_deck_paths(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        database = saved_store()
        if database is None:  # nothing saved: no decks read, so no deck cache written
            print("No flagged questions.")
            return 0
        with closing(database):
            flags = open_flags(database, readable_decks(args.paths))
    except StoreError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 1
    for flag in sorted(flags, key=lambda f: (str(f.deck.path), f.question.line)):
        print(line(flag))
    print(f"{plural(len(flags), 'flagged question')}." if flags else "No flagged questions.")
    for path in installed_copies(flags):
        print(
            f"quiz: {display_path(path)} is the copy installed with quiz, which the next install"
            " replaces: edit the deck in your clone, where 'quiz flagged' names it (run from a"
            " folder with a decks/ folder, quiz uses those decks)",
            file=sys.stderr,
        )
    return 0


def installed_copies(flags: Sequence[OpenFlag]) -> list[Path]:
    """The flagged decks read from the copy inside the installed package: a path there is
    no place to fix a question, so the author is told where to go instead."""
    paths = {flag.deck.path for flag in flags if flag.deck.path is not None}
    return sorted(filter(is_installed_copy, paths))


def line(flag: OpenFlag) -> str:
    """`path:line: note`, the form editors read as a list of places to visit."""
    where = display_path(flag.deck.path) if flag.deck.path else flag.deck.id
    note = flag.flag.note or "flagged without a note"
    return shown(f"{where}:{flag.question.line}: {note} [{flag.question.id}]")
