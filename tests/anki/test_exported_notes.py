"""The record of what each package file last got, in the real SQLite store, and read back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from quiz.anki.notes import deck_notes
from quiz.anki.notetypes import NOTE_TYPES, NoteField
from quiz.anki.records import note_record, recorded_note
from quiz.deck.loader import load_deck_or_raise
from quiz.store.database import Database
from quiz.store.exports import last_export, record_export

from .conftest import EVERY_TYPE

NOTES = deck_notes([load_deck_or_raise(EVERY_TYPE)])


def test_a_record_gives_back_the_note_it_was_made_from() -> None:
    for note in NOTES:
        record = note_record(note, 1767258000, removed=False)
        assert (record.key, record.note_type) == (note.key, note.note_type.kind)
        assert recorded_note(record) == note


def test_fields_are_read_back_by_key_when_the_note_type_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    note = next(note for note in NOTES if note.note_type.kind == "truefalse")
    record = note_record(note, 1767258000, removed=True)
    hint = NoteField("Hint", "hint")
    old = NOTE_TYPES["truefalse"]
    monkeypatch.setitem(
        NOTE_TYPES, "truefalse", dataclasses.replace(old, fields=(hint, *old.fields[::-1]))
    )

    fields = recorded_note(record).fields

    assert fields == ("", *note.fields[::-1])


def test_each_file_has_its_own_record_replaced_whole(db: Database) -> None:
    first, second, third = (note_record(note, 1767258000, removed=False) for note in NOTES[:3])
    gone = dataclasses.replace(second, removed=True, changed_at=1767344400)
    record_export(db, "/a.apkg", [first, second])
    record_export(db, "/b.apkg", [first, third])
    record_export(db, "/a.apkg", [gone, third])

    reopened = Database(db.path, clock=db.clock)
    try:
        records = {name: last_export(reopened, name) for name in ("/a.apkg", "/b.apkg", "/c")}
    finally:
        reopened.close()

    assert records == {
        "/a.apkg": {second.key: gone, third.key: third},
        "/b.apkg": {first.key: first, third.key: third},
        "/c": {},
    }


def test_the_record_keeps_text_exactly(db: Database, tmp_path: Path) -> None:
    note = dataclasses.replace(NOTES[0], fields=("é 😀 \0 '\"", *NOTES[0].fields[1:]))
    record = note_record(note, 1, removed=False)
    record_export(db, str(tmp_path / "x.apkg"), [record])

    (stored,) = last_export(db, str(tmp_path / "x.apkg")).values()

    assert stored == record
    assert recorded_note(stored) == note


def test_given_the_previous_record_only_changed_rows_are_written(db: Database) -> None:
    """Exporting unchanged decks again rewrites nothing; a changed note replaces its row."""
    first, second, third = (note_record(note, 1767258000, removed=False) for note in NOTES[:3])
    record_export(db, "/a.apkg", [first, second, third])
    with db.transaction() as connection:
        connection.execute("CREATE TABLE touched (question_id TEXT)")
        for event, row in (("INSERT", "new"), ("DELETE", "old")):
            connection.execute(
                f"CREATE TRIGGER on_{event} AFTER {event} ON exported_notes"
                f" BEGIN INSERT INTO touched VALUES ({row}.question_id); END"
            )
    record_export(db, "/a.apkg", [first, second, third], last_export(db, "/a.apkg"))
    assert db.query("SELECT question_id FROM touched") == []

    gone = dataclasses.replace(second, removed=True, changed_at=1767344400)
    record_export(db, "/a.apkg", [first, gone], last_export(db, "/a.apkg"))

    assert last_export(db, "/a.apkg") == {first.key: first, gone.key: gone}
    touched = sorted(row["question_id"] for row in db.query("SELECT question_id FROM touched"))
    assert touched == sorted([second.question_id, second.question_id, third.question_id])
