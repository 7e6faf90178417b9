"""Building the .apkg and writing it atomically: the only module that uses genanki.

genanki gives every note, card and note type the package's one timestamp; Anki updates
a note on re-import only when the incoming one is strictly newer. So notes here carry
their own change time (from the store, see quiz/store/note_versions.py) and note types
carry NOTETYPES_CHANGED_AT. The package timestamp, which also seeds note and card ids,
is the newest of those times, so exporting unchanged decks again gives the same bytes.

genanki writes the collection's schema, decks and note types; the notes and their cards
are inserted here, all rows of a table in one statement, as genanki would write them one
by one (its per-note path took most of an export's time). Note ids follow the order of
the notes, so an importer that reads notes by id gets the deck's order of questions.
"""

from __future__ import annotations

import itertools
import os
import re
import secrets
import sqlite3
import zipfile
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import genanki

from quiz.anki.ids import stable_id
from quiz.anki.notes import NoteContent, NoteKey
from quiz.anki.notetypes import CSS, NOTE_TYPES, NOTETYPES_CHANGED_AT, TEXT, NoteType

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every zip entry's date: Anki ignores it, and a fixed one keeps the package's bytes stable."""

ZIP_LEVEL = 1
"""Deflate's fastest level: a tenth larger than its default, in less than half the time."""

CLOZE_NUMBER = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)
"""A cloze deletion's number, found as genanki finds it to make one card per number."""

FIELD_REFERENCE = re.compile(r"{{[#^/]?(?:[^{}:]*:)*([^{}:]+)}}")
"""A field a template names, with any filters before it: `{{Prompt}}`, `{{type:Answer}}`."""

INSERT_NOTE = "INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_CARD = "INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

Row = tuple[object, ...]
"""One row of a table of `collection.anki2`, in its columns' order."""


class ExportError(Exception):
    """The package could not be written; the message is one plain sentence."""


class _TimedModel(genanki.Model):
    """A note type whose `mod` is its own change time rather than the export's."""

    def to_json(self, timestamp: float, deck_id: int) -> dict[str, Any]:
        note_type: dict[str, Any] = super().to_json(timestamp, deck_id)
        note_type["mod"] = NOTETYPES_CHANGED_AT
        return note_type


def write_package(
    notes: Sequence[NoteContent], changed_at: Mapping[NoteKey, int], path: Path
) -> None:
    """Write `notes` to `path` as an .apkg, all or nothing; raises ExportError."""
    timestamp = max([NOTETYPES_CHANGED_AT, *(changed_at[note.key] for note in notes)])
    _write_atomically(
        path, lambda file: _write_apkg(_collection(notes, changed_at, timestamp), file)
    )


def _collection(
    notes: Sequence[NoteContent], changed_at: Mapping[NoteKey, int], timestamp: int
) -> bytes:
    """The `collection.anki2` database, built in memory: ids count up from `timestamp`."""
    models = {kind: _model(note_type) for kind, note_type in NOTE_TYPES.items()}
    decks = _decks(notes, models)
    ids = itertools.count(timestamp * 1000)
    note_rows: list[Row] = []
    card_rows: list[Row] = []
    for note in notes:
        model, note_id, changed = models[note.note_type.kind], next(ids), changed_at[note.key]
        note_rows.append(_note_row(note, note_id, model.model_id, changed))
        deck_id = decks[note.deck_id, note.section].deck_id
        card_rows += [
            _card_row(next(ids), note_id, deck_id, ord_, changed) for ord_ in _card_ords(note)
        ]
    connection = sqlite3.connect(":memory:")
    try:
        genanki.Package(list(decks.values())).write_to_db(connection.cursor(), timestamp, ids)
        connection.executemany(INSERT_NOTE, note_rows)
        connection.executemany(INSERT_CARD, card_rows)
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def _decks(
    notes: Sequence[NoteContent], models: Mapping[str, genanki.Model]
) -> dict[tuple[str, str], genanki.Deck]:
    """One Anki deck per (deck, section), holding the note types its notes use."""
    decks: dict[tuple[str, str], genanki.Deck] = {}
    for note in notes:
        place = (note.deck_id, note.section)
        if place not in decks:
            # Anki matches decks by name and drops this id; it only has to be stable.
            decks[place] = genanki.Deck(stable_id(f"quiz/deck/{'/'.join(place)}"), note.deck_name)
        decks[place].add_model(models[note.note_type.kind])
    return decks


def _note_row(note: NoteContent, note_id: int, model_id: int, changed_at: int) -> Row:
    """A `notes` row as genanki writes one, its `mod` the note's own change time."""
    tags = f" {' '.join(note.tags)} "
    fields = "\x1f".join(note.fields)
    return (note_id, note.guid, model_id, changed_at, -1, tags, fields, note.fields[0], 0, 0, "")


def _card_ords(note: NoteContent) -> list[int]:
    """The cards of a note, as Anki makes them: one per cloze number; otherwise the one card
    of the note type's one template, if its front shows a filled field."""
    note_type = note.note_type
    if note_type.cloze:
        text = note.fields[note_type.fields.index(TEXT)]
        return sorted({int(number) - 1 for number in CLOZE_NUMBER.findall(text)} - {-1})
    return [0] if any(note.fields[index] for index in _front_fields(note_type)) else []


@cache
def _front_fields(note_type: NoteType) -> tuple[int, ...]:
    """The positions of the fields a note type's front names (`{{Prompt}}`, `{{type:Answer}}`)."""
    named = set(FIELD_REFERENCE.findall(note_type.front))
    return tuple(index for index, field in enumerate(note_type.fields) if field.name in named)


def _card_row(card_id: int, note_id: int, deck_id: int, ord_: int, changed_at: int) -> Row:
    """A new card's `cards` row as genanki writes one (due 0), timed like its note."""
    return (card_id, note_id, deck_id, ord_, changed_at, -1, *[0] * 11, "")


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


def _write_apkg(collection: bytes, file: BinaryIO) -> None:
    """The zip Anki imports: `collection.anki2` and an empty media map."""
    with zipfile.ZipFile(file, "w") as archive:
        for name, data in (("collection.anki2", collection), ("media", b"{}")):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            archive.writestr(info, data, zipfile.ZIP_DEFLATED, ZIP_LEVEL)


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
