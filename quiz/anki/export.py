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
With the learner's progress, studied cards carry their schedule and the `revlog` their
reviews (in Anki's numbers: quiz/anki/schedule.py): written here as rows, like the cards,
rather than through genanki, which has no notion of either.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import secrets
import sqlite3
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import genanki

from quiz.anki.ids import stable_id
from quiz.anki.notes import NoteContent, NoteKey
from quiz.anki.notetypes import CSS, NOTE_TYPES, NOTETYPES_CHANGED_AT, TEXT, NoteType
from quiz.anki.schedule import NEW, anki_schedule, revlog_rows
from quiz.files import os_reason
from quiz.store.progress import StudyProgress

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
INSERT_REVLOG = "INSERT INTO revlog VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"

Row = tuple[object, ...]
"""One row of a table of `collection.anki2`, in its columns' order."""

CardHead = tuple[int, int, int, int, int, int]
"""A `cards` row's first columns: id, note id, deck id, ord, mod, usn."""


class ExportError(Exception):
    """The package could not be written; the message is one plain sentence."""


class _TimedModel(genanki.Model):
    """A note type whose `mod` is its own change time rather than the export's."""

    def to_json(self, timestamp: float, deck_id: int) -> dict[str, Any]:
        note_type: dict[str, Any] = super().to_json(timestamp, deck_id)
        note_type["mod"] = NOTETYPES_CHANGED_AT
        return note_type


def write_package(
    notes: Sequence[NoteContent],
    changed_at: Mapping[NoteKey, int],
    path: Path,
    progress: StudyProgress | None = None,
) -> None:
    """Write `notes` to `path` as an .apkg, all or nothing; raises ExportError.

    With `progress`, the cards the learner studied carry their schedule and reviews.
    """
    timestamp = max([NOTETYPES_CHANGED_AT, *(changed_at[note.key] for note in notes)])
    _write_atomically(
        path,
        lambda file: _write_apkg(_collection(notes, changed_at, timestamp, progress), file),
    )


def _collection(
    notes: Sequence[NoteContent],
    changed_at: Mapping[NoteKey, int],
    timestamp: int,
    progress: StudyProgress | None,
) -> bytes:
    """The `collection.anki2` database, built in memory: ids count up from `timestamp`."""
    models = {kind: _model(note_type) for kind, note_type in NOTE_TYPES.items()}
    decks = _decks(notes, models)
    ids = itertools.count(timestamp * 1000)
    rows = _Rows(progress)
    for note in notes:
        model, note_id, changed = models[note.note_type.kind], next(ids), changed_at[note.key]
        rows.notes.append(_note_row(note, note_id, model.model_id, changed))
        deck_id = decks[note.deck_id, note.section].deck_id
        heads = [(next(ids), note_id, deck_id, ord_, changed, -1) for ord_ in _card_ords(note)]
        rows.add_cards(note.key, heads)
    connection = sqlite3.connect(":memory:")
    try:
        genanki.Package(list(decks.values())).write_to_db(connection.cursor(), timestamp, ids)
        rows.insert(connection)
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


class _Rows:
    """The `notes`, `cards` and `revlog` rows of a package, the learner's progress in them.

    A studied question's schedule goes on each of its note's cards (a cloze question is
    studied whole here, all its blanks at once) and its reviews on the first card only,
    so Anki counts as many reviews as the terminal. A package with reviews has its
    collection created at the start of the learner's day (see quiz/anki/schedule.py).
    """

    def __init__(self, progress: StudyProgress | None) -> None:
        self.progress = progress
        self.notes: list[Row] = []
        self.cards: list[Row] = []
        self.revlog: list[Row] = []
        self._revlog_ids: set[int] = set()

    def add_cards(self, key: NoteKey, heads: list[CardHead]) -> None:
        """A note's cards from their first six columns (`id` … `usn`)."""
        studied = None if self.progress is None else self.progress.cards.get(key)
        if studied is None or self.progress is None:
            self.cards += [(*head, *NEW.columns()) for head in heads]
            return
        columns = anki_schedule(studied, self.progress.today).columns()
        self.cards += [(*head, *columns) for head in heads]
        if heads:
            self.revlog += revlog_rows(heads[0][0], studied.reviews, self._revlog_ids)

    def insert(self, connection: sqlite3.Connection) -> None:
        connection.executemany(INSERT_NOTE, self.notes)
        connection.executemany(INSERT_CARD, self.cards)
        if self.revlog and self.progress is not None:
            connection.executemany(INSERT_REVLOG, self.revlog)
            _schedule_from(connection, self.progress.day_start)


def _schedule_from(connection: sqlite3.Connection, day_start: datetime) -> None:
    """Make the collection Anki's v2 scheduler's, created at `day_start`.

    genanki's collection is v1's (no `schedVer`): with scheduling in it, Anki's importer
    would first upgrade it, and that raises every learning review's rating by one (v1 had
    three buttons while learning). On v2 without a creation offset, Anki counts the
    package's days in whole days from `crt`, moved to its 4 a.m. rollover.
    """
    conf = json.loads(connection.execute("SELECT conf FROM col").fetchone()[0])
    conf["schedVer"] = 2
    connection.execute(
        "UPDATE col SET crt = ?, conf = ?", (int(day_start.timestamp()), json.dumps(conf))
    )


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
        reason = os_reason(exc) if isinstance(exc, OSError) else exc
        raise ExportError(f"cannot write {path}: {reason}") from exc
