"""Notes as the store keeps them for the next export to the same file, and back.

Fields are kept by their key (see notetypes.py), not by position: if a note type later
gains, reorders or renames a field, an old record still fills the right fields, and a new
field stays empty. No genanki and no I/O; quiz/store/exports.py holds the JSON text.
"""

from __future__ import annotations

import json

from quiz.anki.notes import NoteContent
from quiz.anki.notetypes import NOTE_TYPES
from quiz.store.exports import ExportedNote


def note_record(
    note: NoteContent, changed_at: int, removed: bool, content: str | None = None
) -> ExportedNote:
    """The stored copy of a note just written: everything needed to write it again.

    `content` is the note's `record_content`, when the caller has made it already.
    """
    return ExportedNote(
        deck_id=note.deck_id,
        question_id=note.question_id,
        note_type=note.note_type.kind,
        content=record_content(note) if content is None else content,
        changed_at=changed_at,
        removed=removed,
    )


def record_content(note: NoteContent) -> str:
    """The JSON text a record keeps of a note: the same for the same note, every time.

    So a note whose last record holds this very text is unchanged since, with no need
    to read the record back.
    """
    content = {
        "section": note.section,
        "deck_name": note.deck_name,
        "fields": dict(zip([f.key for f in note.note_type.fields], note.fields, strict=True)),
        "tags": list(note.tags),
    }
    return json.dumps(content, ensure_ascii=False)


def recorded_note(record: ExportedNote) -> NoteContent:
    """The note a stored copy describes, its fields in the note type's current order."""
    note_type = NOTE_TYPES[record.note_type]
    content = json.loads(record.content)
    return NoteContent(
        deck_id=record.deck_id,
        question_id=record.question_id,
        section=content["section"],
        note_type=note_type,
        deck_name=content["deck_name"],
        fields=tuple(content["fields"].get(field.key, "") for field in note_type.fields),
        tags=tuple(content["tags"]),
    )
