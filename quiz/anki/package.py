"""One export to a package file: compared with the last one there, written, then recorded.

The store times each note by its content's last change and remembers what the file got,
so questions removed since an earlier export to the same file stay in the package,
tagged (changes.py). Without a store the package is still written, every note timed
now, and the learner is told what that costs. Warnings go to `warn` as one sentence
each, as they happen; a package that cannot be written is an ExportError.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quiz.anki.changes import Changes, ExportPlan, plan_export
from quiz.anki.export import write_package
from quiz.anki.notes import NoteContent, NoteKey, deck_notes
from quiz.deck import Deck
from quiz.deck.errors import shown
from quiz.store.database import Database, StoreError, utc_now
from quiz.store.exports import ExportedNote, last_export, record_export
from quiz.store.note_versions import record_versions
from quiz.store.progress import StudyProgress

ProgressReader = Callable[[Database, Sequence[str]], StudyProgress]
"""Reads the learner's progress on the given decks from the store (the study package's
`study_progress`, handed down by the command: this package may not import it)."""

Warn = Callable[[str], None]
"""Tells the learner one sentence about something that went wrong but did not stop the export."""

NO_STORE = (
    "so change times could not be kept (Anki will update every note, replacing the learner's"
    " own edits), questions removed earlier are left out, and what changed since the last"
    " export is unknown"
)

NO_PROGRESS = "the package was written without the learner's progress (every card new)"

NOT_RECORDED = (
    "the package was written, but the next export to it will report changes against an earlier one"
)


@dataclass(frozen=True, slots=True)
class Exported:
    """What an export wrote: each note's change time, and the changes if the store knew."""

    changed_at: dict[NoteKey, int]
    changes: Changes | None


def export_package(
    decks: Sequence[Deck],
    output: Path,
    store: Path,
    warn: Warn,
    progress: ProgressReader | None = None,
) -> str:
    """Write `decks` to `output` with the store at `store`; the line that says what was done.

    `progress` reads the learner's progress from the store for the package (None: none
    goes in). Raises ExportError when the package cannot be written.
    """
    try:
        db: Database | None = Database(store)
    except StoreError as exc:
        warn(f"{exc}; {NO_STORE}")
        db = None
    try:
        exported = export_decks(decks, output, db, warn, progress)
    finally:
        if db is not None:
            db.close()
    return describe(decks, exported.changes, output)


def export_decks(
    decks: Sequence[Deck],
    output: Path,
    db: Database | None,
    warn: Warn = lambda _: None,
    progress: ProgressReader | None = None,
) -> Exported:
    """Write `decks` to `output`, comparing with the last export to the same file in `db`,
    with the progress `progress` reads from `db` (none without either)."""
    notes, deck_ids = deck_notes(decks), {deck.id for deck in decks}
    target = str(output.resolve())
    stored = _stored_plan(db, notes, deck_ids, target, warn)
    if stored is None:
        plan = plan_export(notes, deck_ids, {})
        changed_at = dict.fromkeys(plan.hashes(), int(utc_now().timestamp()))
    else:
        plan, changed_at, last = stored
    write_package(plan.notes, changed_at, output, _progress(db, progress, decks, warn))
    if stored is None or db is None:
        return Exported(changed_at, None)
    try:
        record_export(db, target, plan.records(changed_at), previous=last)
    except StoreError as exc:
        warn(f"{exc}; {NOT_RECORDED}")
    return Exported(changed_at, plan.changes)


def _progress(
    db: Database | None, read: ProgressReader | None, decks: Sequence[Deck], warn: Warn
) -> StudyProgress | None:
    """The learner's progress for the package, None if not wanted or unreadable."""
    if db is None or read is None:
        return None
    try:
        return read(db, [deck.id for deck in decks])
    except StoreError as exc:
        warn(f"{exc}; {NO_PROGRESS}")
        return None


def _stored_plan(
    db: Database | None, notes: list[NoteContent], deck_ids: set[str], target: str, warn: Warn
) -> tuple[ExportPlan, dict[NoteKey, int], dict[NoteKey, ExportedNote]] | None:
    """The plan against the last export to `target`, timed by the store, and that export's
    record; None without a store or if it fails."""
    if db is None:
        return None
    try:
        last = last_export(db, target)
        plan = plan_export(notes, deck_ids, last)
        return plan, plan.change_times(record_versions(db, plan.hashes())), last
    except StoreError as exc:
        warn(f"{exc}; {NO_STORE}")
        return None


def describe(decks: Sequence[Deck], changes: Changes | None, output: Path) -> str:
    """One line: where, the notes per deck, and what changed since the last export there."""
    per_deck = ", ".join(f"{deck.title} ({len(deck.questions)})" for deck in decks)
    wrote = f"wrote {output}: {per_deck}"
    return shown(f"{wrote}; {changes.summary()}" if changes is not None else wrote)
