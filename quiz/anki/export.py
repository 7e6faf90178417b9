"""Building the .apkg and writing it atomically: the only module that uses genanki.

genanki gives every note, card and note type the package's one timestamp; Anki updates
a note on re-import only when the incoming one is strictly newer. So notes here carry
their own change time (from the store, see quiz/store/note_versions.py) and note types
carry NOTETYPES_CHANGED_AT. The package timestamp, which also seeds note and card ids,
is the newest of those times, so exporting unchanged decks again gives the same bytes.
"""

from __future__ import annotations

import itertools
import os
import secrets
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import genanki

from quiz.anki.ids import stable_id
from quiz.anki.notes import NoteContent, NoteKey
from quiz.anki.notetypes import CSS, NOTE_TYPES, NOTETYPES_CHANGED_AT, NoteType

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every zip entry's date: Anki ignores it, and a fixed one keeps the package's bytes stable."""


class ExportError(Exception):
    """The package could not be written; the message is one plain sentence."""


class _TimedModel(genanki.Model):
    """A note type whose `mod` is its own change time rather than the export's."""

    def to_json(self, timestamp: float, deck_id: int) -> dict[str, Any]:
        note_type = super().to_json(timestamp, deck_id)
        note_type["mod"] = NOTETYPES_CHANGED_AT
        return note_type


class _TimedNote(genanki.Note):
    """A note whose `mod`, and its cards', is when its content last changed."""

    def __init__(self, changed_at: int, **note: Any) -> None:
        super().__init__(**note)
        self.changed_at = changed_at

    def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
        super().write_to_db(cursor, self.changed_at, deck_id, id_gen)


def write_package(
    notes: Sequence[NoteContent], changed_at: Mapping[NoteKey, int], path: Path
) -> None:
    """Write `notes` to `path` as an .apkg, all or nothing; raises ExportError."""
    package = _package(notes, changed_at)
    timestamp = max([NOTETYPES_CHANGED_AT, *(changed_at[note.key] for note in notes)])
    _write_atomically(path, lambda file: _write_apkg(package, timestamp, file))


def _package(notes: Sequence[NoteContent], changed_at: Mapping[NoteKey, int]) -> genanki.Package:
    """One Anki deck per (deck, section), each note timed by its content's last change."""
    models = {kind: _model(note_type) for kind, note_type in NOTE_TYPES.items()}
    decks: dict[tuple[str, str], genanki.Deck] = {}
    for note in notes:
        place = (note.deck_id, note.section)
        if place not in decks:
            # Anki matches decks by name and drops this id; it only has to be stable.
            decks[place] = genanki.Deck(stable_id(f"quiz/deck/{'/'.join(place)}"), note.deck_name)
        decks[place].add_note(
            _TimedNote(
                changed_at[note.key],
                model=models[note.note_type.kind],
                fields=list(note.fields),
                tags=list(note.tags),
                guid=note.guid,
            )
        )
    return genanki.Package(list(decks.values()))


def _model(note_type: NoteType) -> genanki.Model:
    """The genanki model of a note type, with the fixed ids Anki matches on re-import."""
    return _TimedModel(
        note_type.id,
        note_type.name,
        fields=[
            {"name": field.name, "id": note_type.field_id(field)} for field in note_type.fields
        ],
        templates=[
            {
                "name": "Card",
                "qfmt": note_type.front,
                "afmt": note_type.back,
                "id": note_type.template_id,
            }
        ],
        css=CSS,
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
    )


def _write_apkg(package: genanki.Package, timestamp: int, file: BinaryIO) -> None:
    """The zip Anki imports: `collection.anki2` and an empty media map."""
    with tempfile.TemporaryDirectory(prefix="quiz-export-") as scratch:
        collection = Path(scratch) / "collection.anki2"
        connection = sqlite3.connect(collection)
        try:
            package.write_to_db(connection.cursor(), timestamp, itertools.count(timestamp * 1000))
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(file, "w") as archive:
            for name, data in (("collection.anki2", collection.read_bytes()), ("media", b"{}")):
                archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), data, zipfile.ZIP_DEFLATED)


def _write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write a hidden file beside `path`, then rename it over `path`: never a partial file."""
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        try:
            with temporary.open("xb") as file:
                write(file)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except (OSError, sqlite3.Error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ExportError(f"cannot write {path}: {reason}") from exc
