"""What a package holds compared with the last one written to the same file.

Anki's import adds and updates notes but never deletes one, so leaving a removed question
out of the package would leave the learner's note behind, silently. Instead it stays in
every later package to that file as it was last exported, tagged REMOVED_TAG: the tag is
a change, so Anki updates the note on import and the learner can find it and delete it.

Only the decks of this export can lose questions. Notes of other decks that an earlier
export wrote to the same file are written again exactly as they were, neither removed nor
updated, so exporting one deck to a shared file never touches the others.
Pure data: no genanki, no store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from quiz.anki.notes import NoteContent, NoteKey
from quiz.anki.records import note_record, record_content, recorded_note
from quiz.store.exports import ExportedNote

REMOVED_TAG = "quiz::removed"
"""Marks the notes of questions removed from their deck: Anki search `tag:quiz::removed`."""


@dataclass(frozen=True, slots=True)
class Changes:
    """Counts of what changed since the last export to the same file."""

    first: bool
    added: int
    changed: int
    removed: int
    removed_earlier: int
    other_decks: int

    def summary(self) -> str:
        """`since the last export to this file: 3 added, 1 changed, 1 removed (...)`."""
        since = "first export to this file" if self.first else "since the last export to this file"
        line = f"{since}: {self.added} added, {self.changed} changed, {self.removed} removed"
        carried = [
            f"{self.removed_earlier} removed earlier still in the package"
            if self.removed_earlier
            else "",
            f"{self.other_decks} of other decks kept as they were" if self.other_decks else "",
        ]
        extra = ", ".join(filter(None, carried))
        return f"{line} ({extra})" if extra else line


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """The notes a package gets, in a fixed order, and what they change."""

    notes: tuple[NoteContent, ...]
    contents: Mapping[NoteKey, str]
    """Each note's record text (records.record_content), made once per export."""
    kept_times: Mapping[NoteKey, int]
    """Notes written again exactly as last time, with their stored change time."""
    removed: frozenset[NoteKey]
    changes: Changes

    def hashes(self) -> dict[NoteKey, str]:
        """The notes that take their change time from the store: all but the kept ones."""
        return {n.key: n.content_hash for n in self.notes if n.key not in self.kept_times}

    def change_times(self, fresh: Mapping[NoteKey, int]) -> dict[NoteKey, int]:
        """Every note's change time: `fresh` ones from the store, the kept ones as stored."""
        return {**fresh, **self.kept_times}

    def records(self, changed_at: Mapping[NoteKey, int]) -> list[ExportedNote]:
        """What the package holds, for the next export to the same file to compare with."""
        return [
            note_record(n, changed_at[n.key], n.key in self.removed, self.contents[n.key])
            for n in self.notes
        ]


def plan_export(
    notes: Sequence[NoteContent],
    deck_ids: Collection[str],
    last: Mapping[NoteKey, ExportedNote],
) -> ExportPlan:
    """The decks' notes, then every note of the `last` export that is no longer among them.

    Those come sorted by key, so an unchanged export writes the same bytes again. A note
    of one of `deck_ids` that was live last time is newly removed: its last content gets
    REMOVED_TAG, and with it a new change time. A question that comes back counts as added.
    """
    contents = {note.key: record_content(note) for note in notes}
    live_before = {key for key, record in last.items() if not record.removed}
    gone = sorted(last.keys() - contents.keys())
    newly_removed = {key for key in gone if key in live_before and key[0] in deck_ids}
    kept = [key for key in gone if key not in newly_removed]
    carried = [_carried(last[key], key in newly_removed) for key in gone]
    contents.update((note.key, content) for note, content in carried)
    changes = Changes(
        first=not last,
        added=sum(note.key not in live_before for note in notes),
        changed=sum(
            note.key in live_before and _changed(note, contents[note.key], last[note.key])
            for note in notes
        ),
        removed=len(newly_removed),
        removed_earlier=sum(last[key].removed for key in kept),
        other_decks=sum(not last[key].removed for key in kept),
    )
    return ExportPlan(
        notes=(*notes, *(note for note, _ in carried)),
        contents=contents,
        kept_times={key: last[key].changed_at for key in kept},
        removed=frozenset(newly_removed | {key for key in kept if last[key].removed}),
        changes=changes,
    )


def _carried(record: ExportedNote, newly_removed: bool) -> tuple[NoteContent, str]:
    """A note whose question is gone, and its record text: tagged if newly removed, else
    exactly as recorded."""
    note = recorded_note(record)
    if not newly_removed:
        return note, record.content
    tagged = removed_note(note)
    return tagged, record_content(tagged)


def _changed(note: NoteContent, content: str, record: ExportedNote) -> bool:
    """Whether the learner would see `note` differ from the one `record` holds.

    The same record text means the same note, with no need to read the record back; a
    different text may still show the same (a record made before a note type changed).
    """
    if content == record.content and note.note_type.kind == record.note_type:
        return False
    return recorded_note(record).content_hash != note.content_hash


def removed_note(note: NoteContent) -> NoteContent:
    """The note of a removed question: its last content, tagged so the learner finds it."""
    return dataclasses.replace(note, tags=tuple(dict.fromkeys([*note.tags, REMOVED_TAG])))
