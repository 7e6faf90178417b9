"""An Anki package (.apkg) → questions, read with the official `anki` library.

Anki itself reads the package (every format version it ever wrote) into an empty
collection in a temporary folder; its notes are then taken in the order they were made
(which our exporter makes the deck's order of questions). Notes of our own note types (an
export of `quiz export`, found by their fixed note type ids) become the questions they were
exported from, of their own type and with their own ids (quiz_notes.py). Any
other note is read as a text export's note is (anki_text.py): a cloze note type gives a
`cloze` question, any other (Basic, "type in the answer"...) a `text` question, its HTML
made text; images and sounds are left out. A note's deck below the top deck is its section.

`anki` is an optional extra, so it is imported only here, when a package is read; so is
quiz_notes, which loads the exporter's genanki. Knows nothing of YAML.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.deck.model import AnyQuestion
from quiz.files import FileProblem, open_plain_file
from quiz.importers import Imported, QuestionBuilder, UnreadableFile
from quiz.importers.anki_text import Note, add_note, sections

if TYPE_CHECKING:
    from anki.collection import Collection

DEFAULT_DECK = "Default"
"""Anki's deck for cards nobody filed: not a title worth giving a deck."""


DAMAGED = "the collection inside it is damaged or is not a database"
"""What Anki's database error (its SQLite's own words, in Rust's debug form) means here."""


class MissingLibrary(Exception):
    """The official `anki` library, an optional extra, is not installed."""


@dataclass(frozen=True, slots=True)
class PackageNote:
    """One note as the package holds it, without the `anki` library's objects."""

    number: int
    """Its place among the package's notes, from 1: what skipped notes are reported by."""
    note_type_id: int
    note_type: str
    cloze: bool
    fields: tuple[tuple[int | None, str], ...]
    """(field id, HTML) in the note type's order; Anki gives every field an id."""
    tags: tuple[str, ...]
    deck: str
    """The deck of its first card: `Title::Section` when our exporter wrote it."""

    def text_note(self) -> Note:
        """The note as a text export holds it, for anki_text's rules."""
        values = [value for _, value in self.fields]
        return Note(self.number, values, self.note_type, self.deck, list(self.tags), self.cloze)


def read(path: Path) -> Imported:
    """The questions of the package at `path`; skipped notes are counted from 1."""
    return questions(package_notes(path))


def package_notes(path: Path) -> list[PackageNote]:
    """Every note of the package, as Anki imports it into an empty collection.

    Raises MissingLibrary without the `anki` library, FileNotFoundError for a missing
    file, and UnreadableFile for a file Anki cannot import.
    """
    with imported_collection(path) as col:
        assert col.db is not None  # open until the block ends
        note_ids = col.db.list("SELECT id FROM notes ORDER BY id")  # the order they were made
        return [_package_note(col, number, id_) for number, id_ in enumerate(note_ids, 1)]


@contextmanager
def imported_collection(path: Path, *, with_scheduling: bool = False) -> Iterator[Collection]:
    """An empty collection in a temporary folder with the package at `path` imported into
    it, closed and removed after use; `with_scheduling` keeps the cards' schedules and
    review history, as Anki's "import any learning progress" does.

    Raises MissingLibrary without the `anki` library, FileNotFoundError for a missing
    file, and UnreadableFile for a file Anki cannot import.
    """
    try:
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
        from anki.errors import BackendError, DBError
    except ImportError as exc:
        raise MissingLibrary(
            "reading .apkg files needs the official Anki library:"
            " pip install '.[anki]' in quiz's folder"
        ) from exc
    try:
        with open_plain_file(path):
            pass  # Anki opens it by name; here only to know it is a file, not a pipe
    except FileProblem as exc:
        raise UnreadableFile(f"cannot read the file: {exc}") from exc
    options = ImportAnkiPackageOptions(
        with_scheduling=with_scheduling, with_deck_configs=with_scheduling
    )
    request = ImportAnkiPackageRequest(package_path=str(path.resolve()), options=options)
    with _empty_collection() as col:
        try:
            col.import_anki_package(request)
        except BackendError as exc:
            why = DAMAGED if isinstance(exc, DBError) else exc
            raise UnreadableFile(f"Anki cannot import this file as a package: {why}") from exc
        yield col


@contextmanager
def _empty_collection() -> Iterator[Collection]:
    """A new Anki collection in a temporary folder, closed and removed after use."""
    from anki.collection import Collection

    with tempfile.TemporaryDirectory(prefix="quiz-apkg-") as folder:
        col = Collection(str(Path(folder) / "collection.anki2"))
        try:
            yield col
        finally:
            col.close()


def _package_note(col: Collection, number: int, note_id: int) -> PackageNote:
    from anki.consts import MODEL_CLOZE
    from anki.notes import NoteId

    note = col.get_note(NoteId(note_id))
    note_type = note.note_type()
    assert note_type is not None  # Anki's import never leaves a note without its note type
    cards = sorted(note.cards(), key=lambda card: card.ord)
    return PackageNote(
        number=number,
        note_type_id=int(note_type["id"]),
        note_type=str(note_type["name"]),
        cloze=note_type["type"] == MODEL_CLOZE,
        fields=tuple(
            (field.get("id"), value)
            for field, value in zip(note_type["flds"], note.fields, strict=True)
        ),
        tags=tuple(note.tags),
        deck=col.decks.name(cards[0].did) if cards else "",
    )


def questions(notes: list[PackageNote]) -> Imported:
    """Our own notes as their questions, every other note as a text export's would be.

    Our notes written since the Key field get their deck's question ids back (see
    `_kept_ids`), and the deck's id when they all share one.
    """
    from quiz.importers import quiz_notes  # loads quiz.anki, and with it genanki

    kinds = {note.number: quiz_notes.quiz_kind(note.note_type_id) for note in notes}
    ours = [note for note in notes if kinds[note.number]]
    deck_tags = quiz_notes.deck_tags(_tags_by_top_deck(ours))
    others = [note for note in notes if not kinds[note.number]]
    other_sections = dict(
        zip((n.number for n in others), sections([n.deck for n in others]), strict=True)
    )
    builder = QuestionBuilder()
    keys: dict[int, tuple[str, str]] = {}
    for note in notes:
        kind = kinds[note.number]
        if kind is None:
            add_note(builder, note.text_note(), html=True, section=other_sections[note.number])
            continue
        top, _, section = note.deck.partition("::")
        fields = {field_id: value for field_id, value in note.fields if field_id is not None}
        key = quiz_notes.note_key(kind, fields)
        if key is not None:
            keys[note.number] = key
        deck_tag = key[0] if key else deck_tags[top]
        question = quiz_notes.rebuild(kind, fields, note.tags, deck_tag, section)
        if isinstance(question, str):
            builder.skip(note.number, question)
        else:
            builder.add_question(note.number, question)
    imported = builder.result()
    deck_ids = {deck_id for deck_id, _ in keys.values()}
    return replace(
        imported,
        questions=_kept_ids(imported.questions, {n: key[1] for n, key in keys.items()}),
        title=_title(notes),
        deck_id=deck_ids.pop() if len(deck_ids) == 1 else "",
        unit="note",
    )


def _kept_ids(
    questions: tuple[AnyQuestion, ...], kept: Mapping[int, str]
) -> tuple[AnyQuestion, ...]:
    """Each question with the id its note kept (`kept`, by note number), when no other note
    claims the same one (two decks exported to one file may share ids); the others keep
    the id the builder made from their text, or, if a kept id took it, it numbered."""
    claims = Counter(kept[q.line] for q in questions if q.line in kept)
    own = {q.line: kept[q.line] for q in questions if q.line in kept and claims[kept[q.line]] == 1}
    used = set(own.values())
    renamed = []
    for question in questions:
        new_id = own.get(question.line) or _unused(question.id, used)
        used.add(new_id)
        renamed.append(replace(question, id=new_id))
    return tuple(renamed)


def _unused(question_id: str, used: set[str]) -> str:
    """`question_id`, or the first of `question_id-2`, `-3`... that is not in `used`."""
    candidate, number = question_id, 2
    while candidate in used:
        candidate, number = f"{question_id}-{number}", number + 1
    return candidate


def _tags_by_top_deck(notes: list[PackageNote]) -> dict[str, list[tuple[str, ...]]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for note in notes:
        grouped.setdefault(note.deck.partition("::")[0], []).append(note.tags)
    return grouped


def _title(notes: list[PackageNote]) -> str:
    """The top deck's name when every note is in one (our exporter's deck title), else ''."""
    tops = {note.deck.partition("::")[0] for note in notes if note.deck}
    return tops.pop() if len(tops) == 1 and DEFAULT_DECK not in tops else ""
