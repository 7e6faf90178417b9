"""Fixtures for the exporter: a store with a clock the test sets, and real Anki collections.

Exported packages are checked the way learners use them: imported with the official
`anki` library into a collection, with Anki's default import options.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.dbproxy import DBProxy
from anki.import_export_pb2 import ImportResponse
from anki.notes import Note

from quiz.anki import notes as notes_module
from quiz.anki.ids import note_guid
from quiz.anki.package import Exported, export_decks
from quiz.deck.loader import load_deck_or_raise
from quiz.store.database import Database

if TYPE_CHECKING:
    from .learning import Learner

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"

START = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
"""Before the real time of any test run, so edits made in Anki during a test are newer."""

ImportLog = ImportResponse.Log

Edit = Callable[[Callable[[str], str]], None]
"""Applies a change to the deck file's text."""

Export = Callable[..., Exported]
"""The `export` fixture: deck files to a package, as `quiz export` writes it."""
Import = Callable[[Path], ImportResponse.Log]
"""The `import_package` fixture: a package into the learner's collection, and Anki's log."""
Advance = Callable[[timedelta], None]
"""The `advance` fixture: move the test clock on."""
NoteOf = Callable[..., Note]
"""The `note_of` fixture: the learner's note of a question."""

OTHER_DECK = """\
deck: other
title: Other
questions:
  - id: gao
    type: truefalse
    prompt: Gao is in Mali.
    answer: true
"""

ADDED = """
  - id: added
    type: truefalse
    prompt: Kidal is in Mali.
    answer: true
"""


def export_keyless(monkeypatch: pytest.MonkeyPatch) -> None:
    """Export as `quiz export` did before notes kept their question's key."""
    monkeypatch.setattr(notes_module, "keyed", lambda key, first_field: first_field)


def outcome(log: ImportResponse.Log) -> dict[str, int]:
    """The import log's counts, by the names Anki's import screen uses."""
    return {
        "new": len(log.new),
        "updated": len(log.updated),
        "duplicate": len(log.duplicate),
        "conflicting": len(log.conflicting),
    }


def without(text: str, question_id: str) -> str:
    """The deck text with one question's block (up to the next blank line) taken out."""
    start = text.index(f"  - id: {question_id}\n")
    end = text.find("\n\n", start)
    return text[:start] + (text[end + 2 :] if end != -1 else "")


class ManualClock:
    """The store's clock in tests: it says what the test last set, starting at `START`."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def anki_db(col: Collection) -> DBProxy:
    """The collection's database, open for as long as the collection is."""
    assert col.db is not None
    return col.db


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def advance(clock: ManualClock) -> Callable[[timedelta], None]:
    """Move the store's clock forward, as time passes between an author's exports."""

    def advance_by(delta: timedelta) -> None:
        clock.now += delta

    return advance_by


@pytest.fixture
def db(tmp_path: Path, clock: ManualClock) -> Iterator[Database]:
    database = Database(tmp_path / "data" / "quiz.sqlite3", clock=clock)
    yield database
    database.close()


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    """A copy of the every-type deck that a test may edit, as an author would."""
    path = tmp_path / "decks" / "every-type.yaml"
    path.parent.mkdir()
    shutil.copy(EVERY_TYPE, path)
    return path


@pytest.fixture
def edit(deck_file: Path, advance: Callable[[timedelta], None]) -> Edit:
    """An author's edit of the deck file, a day after the last one."""

    def apply(change: Callable[[str], str]) -> None:
        deck_file.write_text(change(deck_file.read_text(encoding="utf-8")), encoding="utf-8")
        advance(timedelta(days=1))

    return apply


@pytest.fixture
def export(db: Database) -> Callable[..., Exported]:
    """Export deck files to a package as `quiz export` does, with the test's store."""

    def export_to(output: Path, *paths: Path) -> Exported:
        decks = [load_deck_or_raise(path) for path in paths or (EVERY_TYPE,)]
        return export_decks(decks, output, db)

    return export_to


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    """A learner's fresh Anki collection."""
    (tmp_path / "anki").mkdir()
    collection = Collection(str(tmp_path / "anki" / "collection.anki2"))
    yield collection
    collection.close()


@pytest.fixture
def import_package(col: Collection) -> Callable[[Path], ImportLog]:
    """Import a package with Anki's default options, as a learner clicking Import does."""

    def import_into_collection(path: Path) -> ImportLog:
        request = ImportAnkiPackageRequest(
            package_path=str(path), options=ImportAnkiPackageOptions()
        )
        log = col.import_anki_package(request).log
        col.models._clear_cache()  # the importer changed note types behind the cache
        return log

    return import_into_collection


@pytest.fixture
def note_of(col: Collection) -> Callable[..., Note]:
    """The learner's note for a question, found by the GUID the exporter gives it."""

    def find(question_id: str, deck_id: str = "every-type") -> Note:
        guid = note_guid(deck_id, question_id)
        note_id = anki_db(col).scalar("SELECT id FROM notes WHERE guid = ?", guid)
        assert note_id, f"no note for {deck_id}/{question_id}"
        return col.get_note(note_id)

    return find


class _TextOf(HTMLParser):
    """Collects text as a browser lays it out: block elements and line breaks separate words."""

    BREAKS = frozenset({"br", "div", "hr", "li", "ol", "ul", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _shown_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


@pytest.fixture
def shown() -> Callable[[str], str]:
    """What a learner reads on a card: the HTML's text, entities decoded, spaces joined."""
    return _shown_text


@pytest.fixture
def learner(db: Database, clock: ManualClock) -> Learner:
    """The terminal side of a learner, studying days before the real time the test runs
    (Anki's importer counts days up to now)."""
    from .learning import Learner

    clock.now = datetime.now(UTC).replace(microsecond=0) - timedelta(days=6)
    return Learner(db, clock)


@pytest.fixture
def fresh_col(tmp_path: Path) -> Iterator[Callable[[], Collection]]:
    """Fresh Anki collections, opened in the time zone the test set."""
    opened: list[Collection] = []

    def open_collection() -> Collection:
        folder = tmp_path / f"anki-{len(opened)}"
        folder.mkdir()
        opened.append(Collection(str(folder / "collection.anki2")))
        return opened[-1]

    yield open_collection
    for collection in opened:
        collection.close()
