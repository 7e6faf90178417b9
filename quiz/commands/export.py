"""`quiz export`: write decks to one Anki package that updates learners' cards in place.

It also says what changed since the last export to the same file, and keeps questions
removed since then in the package (see quiz/anki/changes.py). Imports genanki lazily.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.commands import Subparsers, add_command, add_deck_paths
from quiz.deck import Deck
from quiz.deck.library import load_decks
from quiz.paths import store_path
from quiz.problems import CheckReport
from quiz.store import Database, StoreError, utc_now
from quiz.store.exports import ExportedNote, last_export, record_export
from quiz.store.note_versions import QuestionKey, record_versions

if TYPE_CHECKING:
    from quiz.anki import Changes, ExportPlan, NoteContent

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
        exported = export_decks(decks, args.output, db)
    except ExportError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 1
    finally:
        if db is not None:
            db.close()
    print(describe(decks, exported.changes, args.output))
    return 0


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote: each note's change time, and the changes if the store knew."""

    changed_at: dict[QuestionKey, int]
    changes: Changes | None


def export_decks(decks: list[Deck], output: Path, db: Database | None) -> Exported:
    """Write `decks` to `output`, comparing with the last export to the same file in `db`.

    With the store, each note is timed by its content's last change, and questions removed
    since an earlier export to this file stay in the package, tagged; without it, every
    note is timed now and nothing else can be kept.
    """
    from quiz.anki import deck_notes, plan_export, write_package

    notes, deck_ids = deck_notes(decks), {deck.id for deck in decks}
    target = str(output.resolve())
    stored = _stored_plan(db, notes, deck_ids, target)
    if stored is None:
        plan = plan_export(notes, deck_ids, {})
        changed_at = dict.fromkeys(plan.hashes(), int(utc_now().timestamp()))
    else:
        plan, changed_at, last = stored
    write_package(plan.notes, changed_at, output)
    if stored is None or db is None:
        return Exported(changed_at, None)
    _record(db, target, plan.records(changed_at), last)
    return Exported(changed_at, plan.changes)


def _open_store() -> Database | None:
    try:
        return Database(store_path())
    except StoreError as exc:
        _warn_no_store(exc)
        return None


def _stored_plan(
    db: Database | None, notes: list[NoteContent], deck_ids: set[str], target: str
) -> tuple[ExportPlan, dict[QuestionKey, int], dict[QuestionKey, ExportedNote]] | None:
    """The plan against the last export to `target`, timed by the store, and that export's
    record; None if the store fails."""
    if db is None:
        return None
    from quiz.anki import plan_export

    try:
        last = last_export(db, target)
        plan = plan_export(notes, deck_ids, last)
        return plan, plan.change_times(record_versions(db, plan.hashes())), last
    except StoreError as exc:
        _warn_no_store(exc)
        return None


def _record(
    db: Database,
    target: str,
    records: list[ExportedNote],
    last: dict[QuestionKey, ExportedNote],
) -> None:
    """Keep what the package holds; if that fails, the next export compares with older data."""
    try:
        record_export(db, target, records, previous=last)
    except StoreError as exc:
        print(
            f"quiz: warning: {exc}; the package was written, but the next export to it "
            "will report changes against an earlier one",
            file=sys.stderr,
        )


def _warn_no_store(exc: StoreError) -> None:
    print(
        f"quiz: warning: {exc}; so change times could not be kept (Anki will update every "
        "note, replacing the learner's own edits), questions removed earlier are left out, "
        "and what changed since the last export is unknown",
        file=sys.stderr,
    )


def describe(decks: list[Deck], changes: Changes | None, output: Path) -> str:
    """One line: where, the notes per deck, and what changed since the last export there."""
    per_deck = ", ".join(f"{deck.title} ({len(deck.questions)})" for deck in decks)
    wrote = f"wrote {output}: {per_deck}"
    return f"{wrote}; {changes.summary()}" if changes is not None else wrote
