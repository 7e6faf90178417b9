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
    from anki.cards import Card
    from anki.collection import Collection

PHASES = {1: "learning", 2: "review", 3: "relearning"}
"""Anki's card `type` (0 is new) as the terminal's phase."""

RATED = "r.ease BETWEEN 1 AND 4 AND r.type BETWEEN 0 AND 3"
"""Review-log rows of a learner's answer: learning, review, relearning or a filtered deck's
(type 4 and 5 are manual changes, `ease` 0)."""

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
        if not db.scalar(f"SELECT count(*) FROM revlog r WHERE {RATED}"):
            raise UnreadableFile(NO_SCHEDULING)
        cards: list[IncomingCard] = []
        foreign = 0
        for note_id, guid, fields in db.all("SELECT id, guid, flds FROM notes ORDER BY id"):
            key = keys.get(guid) or _hidden_key(fields.split("\x1f", 1)[0], guid, decks)
            if key is None:
                foreign += 1
                continue
            card = _incoming(col, key, note_id)
            if card.reviews:
                cards.append(card)
        return PackageProgress(tuple(cards), foreign)


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


def _incoming(col: Collection, key: NoteKey, note_id: int) -> IncomingCard:
    """One note's reviews, over all its cards, and the schedule of the card reviewed last."""
    assert col.db is not None
    rows = col.db.all(
        "SELECT r.id, r.ease, r.time, r.cid FROM revlog r JOIN cards c ON c.id = r.cid"
        f" WHERE c.nid = ? AND {RATED} ORDER BY r.id",
        note_id,
    )
    reviews = tuple(PastReview(from_millis(id_), ease, ms / 1000) for id_, ease, ms, _ in rows)
    schedule = _schedule(col, col.get_card(rows[-1][3])) if rows else None
    return IncomingCard(*key, reviews, schedule)


def _schedule(col: Collection, card: Card) -> IncomingSchedule | None:
    """The card's schedule in our terms; None for a card that is new (again) in Anki."""
    phase = PHASES.get(card.type)
    if phase is None:
        return None
    due = card.odue if card.odid else card.due  # a card in a filtered deck keeps its own
    memory = card.memory_state
    return IncomingSchedule(
        phase=phase,
        due=_due(col, due),
        steps_left=card.left % 1000,
        stability=None if memory is None else memory.stability,
        difficulty=None if memory is None else memory.difficulty,
    )


def _due(col: Collection, due: int) -> datetime:
    """A card's `due` as an instant: a Unix time as it is, a day number as the moment that
    day begins for Anki (its rollover hour, 4 a.m., on the learner's calendar day)."""
    if due > DUE_IS_A_TIME:
        return from_millis(due * 1000)
    today_begins = from_millis(col.sched.day_cutoff * 1000) - timedelta(days=1)
    day = today_begins.astimezone().date() + timedelta(days=due - col.sched.today)
    return start_of_day(day) + ANKI_DAY_BEGINS
