"""`quiz export`: write decks to one Anki package that updates learners' cards in place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.commands import Subparsers, add_command, add_deck_paths
from quiz.deck import Deck, load_decks
from quiz.paths import store_path
from quiz.problems import CheckReport
from quiz.store import Database, StoreError, utc_now
from quiz.store.note_versions import NoteVersions, QuestionKey, record_versions

DEFAULT_OUTPUT = Path("quiz.apkg")


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "export",
        "write decks to an Anki package (.apkg); importing a newer export updates the cards",
        "quiz export",
        "quiz export decks/algeria-mali-relations.yaml -o algeria-mali.apkg",
        "quiz export my-decks/ other.yaml -o ~/Desktop/study.apkg",
    )
    add_deck_paths(parser)
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        metavar="FILE.apkg",
        help=f"the package to write (default: {DEFAULT_OUTPUT} in the current folder)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    results = load_decks(args.paths)
    if not results:
        print(
            f"quiz: error: no deck files found; nothing written to {args.output}", file=sys.stderr
        )
        return 1
    if any(result.deck is None for result in results):
        for result in results:
            for error in result.errors:
                print(error)
        report = CheckReport(tuple(results), tuple(e for r in results for e in r.errors))
        print(f"{report.summary()}; nothing written to {args.output}", file=sys.stderr)
        return 1
    decks = [result.deck for result in results if result.deck is not None]
    from quiz.anki import ExportError  # genanki loads only when exporting

    db = _open_store()
    try:
        versions = export_decks(decks, args.output, db)
    except ExportError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 1
    finally:
        if db is not None:
            db.close()
    print(describe(decks, versions, args.output))
    return 0


def export_decks(decks: list[Deck], output: Path, db: Database | None) -> NoteVersions:
    """Write `decks` to `output`, timing each note by its content's last change in `db`."""
    from quiz.anki import deck_notes, write_package

    notes = deck_notes(decks)
    versions = _note_versions(db, {note.key: note.content_hash for note in notes})
    write_package(notes, versions.changed_at, output)
    return versions


def _open_store() -> Database | None:
    try:
        return Database(store_path())
    except StoreError as exc:
        _warn_no_store(exc)
        return None


def _note_versions(db: Database | None, hashes: dict[QuestionKey, str]) -> NoteVersions:
    """Change times from the store; without one, every note counts as changed now."""
    if db is not None:
        try:
            return record_versions(db, hashes)
        except StoreError as exc:
            _warn_no_store(exc)
    now = int(utc_now().timestamp())
    return NoteVersions(dict.fromkeys(hashes, now), frozenset(hashes))


def _warn_no_store(exc: StoreError) -> None:
    print(
        f"quiz: warning: {exc}; change times could not be kept, so Anki will update "
        "every note, replacing the learner's own edits",
        file=sys.stderr,
    )


def describe(decks: list[Deck], versions: NoteVersions, output: Path) -> str:
    """One line: where, the notes per deck, and how many Anki will add or update."""
    per_deck = ", ".join(f"{deck.title} ({len(deck.questions)})" for deck in decks)
    return (
        f"wrote {output}: {per_deck}; {len(versions.changed)} new or changed since the last export"
    )
