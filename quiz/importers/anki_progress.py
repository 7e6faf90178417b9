"""The reviews and schedules an Anki package holds for our questions, for `quiz merge`.

Read with the official `anki` library (the optional extra), as `quiz import` reads a
package (apkg.py): the package is imported "with scheduling" into an empty collection in
a temporary folder, and read from there. Why not the SQLite inside directly: packages
come in several formats (`collection.anki2` and `.anki21` in legacy packages, the
zstd-compressed `collection.anki21b` with its protobuf `meta` in current ones and in
`.colpkg` backups), over schema versions whose tables moved (decks and note types left
the `col` row's JSON), and old schedulers logged learning ratings on three buttons. Anki's
own importer reads every one of them, upgrades what it must, and turns the package's day
numbers into those of a collection created today, as it does for a learner; what is read
here is then one schema, the current one.

A note is ours when its GUID is the one `quiz export` gives a question of a known deck,
or when the key hidden in its first field (`data-quiz-key`) names a question of a known
deck whose GUID it has: a note a learner copied in Anki gets a GUID of its own, and its
reviews are not that question's. Anki's review-log rows become reviews (their id is the
review's time in ms; manual rescheduling, with no rating, is left out), and the schedule
of the note's card reviewed last becomes the card's schedule there.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Set
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.anki.ids import note_guid
from quiz.anki.notes import KEY_ATTRIBUTE, NoteKey
from quiz.importers import UnreadableFile
from quiz.importers.apkg import imported_collection
from quiz.store.instants import from_millis
from quiz.store.progress import ANKI_DAY_BEGINS, IncomingCard, IncomingSchedule, PastReview
from quiz.study.times import start_of_day

if TYPE_CHECKING:
    from anki.dbproxy import DBProxy, Row

PHASES = {1: "learning", 2: "review", 3: "relearning"}
"""Anki's card `type` (0 is new) as the terminal's phase."""

RATED = "r.ease BETWEEN 1 AND 4 AND r.type BETWEEN 0 AND 3"
"""Review-log rows of a learner's answer: learning, review, relearning or a filtered deck's
(type 4 and 5 are manual changes, `ease` 0)."""

CARD_COLUMNS = "type, due, odue, odid, left, data"
"""The columns of a card that make its schedule (`queue` adds nothing: the type says it)."""

DUE_IS_A_TIME = 1_000_000_000
"""A `due` above this is a Unix time (a card in (re)learning), below it a day number."""

NO_SCHEDULING = (
    'no reviews in this package (in Anki, export it with "Include scheduling information"'
    " ticked); nothing was merged"
)


@dataclass(frozen=True, slots=True)
class PackageProgress:
    """Our questions' reviews and schedules in a package, and how many notes were not ours."""

    cards: tuple[IncomingCard, ...]
    foreign_notes: int


def read_progress(path: Path, known: Iterable[NoteKey]) -> PackageProgress:
    """The progress the package at `path` holds for the questions `known` (of decks the
    store or the decks at hand have) and for other questions of their decks.

    Raises MissingLibrary, FileNotFoundError, and UnreadableFile for a package Anki
    cannot import or one without scheduling.
    """
    keys = {note_guid(*key): key for key in known}
    decks = {deck_id for deck_id, _ in keys.values()}
    with imported_collection(path, with_scheduling=True) as col:
        db = col.db
        assert db is not None  # open until the block ends
        reviews = _reviews_by_note(db)
        if not reviews:
            raise UnreadableFile(NO_SCHEDULING)
        cards = {row[0]: row for row in db.all(f"SELECT id, {CARD_COLUMNS} FROM cards")}
        day = AnkiDay(col.sched.today, from_millis(col.sched.day_cutoff * 1000))
        incoming: list[IncomingCard] = []
        foreign = 0
        for note_id, guid, fields in db.all("SELECT id, guid, flds FROM notes ORDER BY id"):
            key = keys.get(guid) or _hidden_key(fields.split("\x1f", 1)[0], guid, decks)
            if key is None:
                foreign += 1
            elif note_id in reviews:
                rows = reviews[note_id]
                schedule = _schedule(cards[rows[-1][3]][1:], day)
                rated = (PastReview(from_millis(id_), ease, ms / 1000) for id_, ease, ms, _ in rows)
                incoming.append(IncomingCard(*key, tuple(rated), schedule))
        return PackageProgress(tuple(incoming), foreign)


def _reviews_by_note(db: DBProxy) -> dict[int, list[Row]]:
    """Each note's rated review-log rows (id, ease, time, card id) over all its cards,
    oldest first: one query, however many notes."""
    rows = db.all(
        "SELECT c.nid, r.id, r.ease, r.time, r.cid FROM revlog r JOIN cards c ON c.id = r.cid"
        f" WHERE {RATED} ORDER BY r.id"
    )
    by_note: dict[int, list[Row]] = {}
    for note_id, *row in rows:
        by_note.setdefault(note_id, []).append(tuple(row))
    return by_note


def _hidden_key(first_field: str, guid: str, decks: Set[str]) -> NoteKey | None:
    """The key in the note's first field, when it names a known deck and the GUID is its."""
    start = first_field.find(f'{KEY_ATTRIBUTE}="')
    if start < 0:
        return None
    value = first_field[start + len(KEY_ATTRIBUTE) + 2 :].partition('"')[0]
    deck_id, _, question_id = html.unescape(value).partition("/")
    if deck_id in decks and note_guid(deck_id, question_id) == guid:
        return deck_id, question_id
    return None


@dataclass(frozen=True, slots=True)
class AnkiDay:
    """The collection's day: its number (`col.sched.today`) and when the next one begins."""

    today: int
    cutoff: datetime

    def instant(self, due: int) -> datetime:
        """A card's `due` as an instant: a Unix time as it is, a day number as the moment
        that day begins for Anki (its rollover hour, 4 a.m., on the learner's calendar day)."""
        if due > DUE_IS_A_TIME:
            return from_millis(due * 1000)
        today = (self.cutoff - timedelta(days=1)).astimezone().date()
        return start_of_day(today + timedelta(days=due - self.today)) + ANKI_DAY_BEGINS


def _schedule(card: Row, day: AnkiDay) -> IncomingSchedule | None:
    """A card's schedule (its `CARD_COLUMNS`) in our terms; None for a card that is new
    (again) in Anki. FSRS's memory is in the card's `data` when Anki keeps one."""
    type_, due, odue, odid, left, data = card
    phase = PHASES.get(int(type_))
    if phase is None:
        return None
    memory = json.loads(str(data or "{}"))
    stability, difficulty = memory.get("s"), memory.get("d")
    known = stability is not None and difficulty is not None
    return IncomingSchedule(
        phase=phase,
        due=day.instant(int(odue if odid else due)),  # in a filtered deck it keeps its own
        steps_left=int(left) % 1000,
        stability=float(stability) if known else None,
        difficulty=float(difficulty) if known else None,
    )
