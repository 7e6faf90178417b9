"""`quiz merge`: bring the reviews done in Anki back into the learner's history.

Reads the package with the official `anki` library (quiz.importers.anki_progress says
why), finds the notes of the decks the store or the decks at hand know, and merges their
reviews and schedules in one transaction (quiz.study.merging). A file that cannot be
merged is one sentence, and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from quiz.commands import (
    Subparsers,
    add_command,
    add_deck_paths,
    add_learner,
    learner_history,
    open_store,
    readable_decks,
)
from quiz.deck.errors import display_path
from quiz.importers import UnreadableFile
from quiz.store.database import Database, StoreError
from quiz.store.merge import known_questions
from quiz.words import plural


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "merge",
        "quiz merge spanish-anki.apkg  # exported from Anki with scheduling",
        "quiz merge 'collection-2026-12-03@17-20.colpkg' my-decks/",
        "quiz merge ada.apkg --learner Ada",
    )
    parser.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="an Anki package exported with scheduling information (.apkg), or a"
        " collection backup (.colpkg)",
    )
    add_deck_paths(parser)
    add_learner(parser, "merge into this learner's history of 'quiz serve --learners'")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    database, message = open_store(learner_history(args))
    if database is None:
        return _fail(message)
    if message:
        print(message, file=sys.stderr)
    with closing(database):
        return merge(database, args.file, args.paths)


def merge(database: Database, file: Path, paths: Sequence[Path]) -> int:
    """Merge the package `file` into `database`; the exit status."""
    from quiz.importers.anki_progress import read_progress  # the anki library loads here
    from quiz.importers.apkg import MissingLibrary
    from quiz.study.merging import merge_progress

    decks = readable_decks(paths)
    try:
        known = known_questions(database) | {(d.id, q.id) for d in decks for q in d.questions}
        progress = read_progress(file, known)
        counts = merge_progress(database, progress.cards)
    except MissingLibrary as exc:
        return _fail(str(exc))
    except UnreadableFile as exc:
        return _fail(f"{display_path(file)}: {exc}")
    except StoreError as exc:
        return _fail(f"{exc}; nothing was merged")
    print(
        f"{plural(counts.cards, 'card')}, {plural(counts.reviews, 'review')} merged;"
        f" {plural(counts.already, 'review')} already there;"
        f" {plural(progress.foreign_notes, 'note')} not from any known deck"
    )
    return 0


def _fail(message: str) -> int:
    print(f"quiz: error: {message}", file=sys.stderr)
    return 1
