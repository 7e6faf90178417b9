"""The two sides of a learner's progress in tests: a terminal store whose clock walks through
days of study, and fresh Anki collections that import packages with scheduling."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from anki.cards import Card
from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

from quiz.anki.ids import note_guid
from quiz.anki.package import export_decks
from quiz.deck import Deck
from quiz.deck.loader import load_deck_or_raise
from quiz.store.database import Database
from quiz.store.progress import ANKI_DAY_BEGINS
from quiz.study.cards import load_cards, record_review
from quiz.study.scheduler import CardState, Rating, StudyScheduler
from quiz.study.studied import study_progress

from .conftest import EVERY_TYPE, ManualClock, anki_db

DECK = "every-type"

WITH_SCHEDULING = ImportAnkiPackageOptions(
    with_scheduling=True, with_deck_configs=True, merge_notetypes=True
)


class Learner:
    """The terminal side: a store whose clock walks through days of study."""

    def __init__(self, db: Database, clock: ManualClock) -> None:
        self.db, self.clock = db, clock
        self.scheduler = StudyScheduler(fuzzing=False)
        self.deck: Deck = load_deck_or_raise(EVERY_TYPE)

    def study(self, plan: dict[str, list[Rating]]) -> None:
        """Each question's ratings, a day apart, reviews a minute apart within a day."""
        for day in range(max(len(ratings) for ratings in plan.values())):
            for question_id, ratings in plan.items():
                if day < len(ratings):
                    self.clock.now += timedelta(minutes=1)
                    record_review(self.db, self.scheduler, DECK, question_id, ratings[day])
            self.clock.now += timedelta(days=1)

    def cards(self) -> dict[str, CardState]:
        return load_cards(self.db, DECK)

    def review_count(self, question_id: str) -> int:
        rows = self.db.query(
            "SELECT count(*) FROM reviews WHERE deck_id = ? AND question_id = ?",
            (DECK, question_id),
        )
        return int(rows[0][0])

    def export(self, output: Path) -> None:
        export_decks([self.deck], output, self.db, progress=study_progress)


def import_with_scheduling(col: Collection, package: Path) -> None:
    request = ImportAnkiPackageRequest(package_path=str(package), options=WITH_SCHEDULING)
    col.import_anki_package(request)


def anki_cards(col: Collection, question_id: str, deck_id: str = DECK) -> list[Card]:
    """The learner's Anki cards of one question, by the GUID the export gives its note."""
    ids = anki_db(col).list(
        "SELECT c.id FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = ? ORDER BY c.ord",
        note_guid(deck_id, question_id),
    )
    return [col.get_card(card_id) for card_id in ids]


def revlog_count(col: Collection, card: Card) -> int:
    return int(anki_db(col).scalar("SELECT count(*) FROM revlog WHERE cid = ?", card.id))


def anki_due_day(col: Collection, card: Card) -> date:
    """The learner's calendar day on which Anki shows a review card (its day begins at
    4 a.m., the default of a new collection)."""
    anki_today = (datetime.now().astimezone() - ANKI_DAY_BEGINS).date()
    return anki_today + timedelta(days=card.due - col.sched.today)


def answer(col: Collection, card: Card, ease: int) -> None:
    """Answer a card in Anki as its review screen does, with Anki's own scheduler."""
    card.start_timer()
    col.sched.answerCard(card, ease)  # type: ignore[arg-type]


def export_from_anki(col: Collection, path: Path, kind: str = "apkg") -> None:
    """Anki's "Export → Anki Deck Package, include scheduling information" (`apkg`, or the
    legacy format with `legacy`), or a collection backup (`colpkg`)."""
    if kind == "colpkg":
        col.export_collection_package(str(path), include_media=True, legacy=False)
        col.reopen()  # exporting a collection closes it
        return
    options = ExportAnkiPackageOptions(
        with_scheduling=kind != "unscheduled",
        with_deck_configs=kind != "unscheduled",
        with_media=True,
        legacy=kind == "legacy",
    )
    col.export_anki_package(out_path=str(path), options=options, limit=None)


FAKETIME = shutil.which("faketime")
"""libfaketime's launcher (Debian's `faketime` package), which sets a process's clock."""


def run_in_zone(test: str, zone: str, at: str) -> None:
    """Run one test in a pytest process started with `TZ=zone` whose clock starts at `at`
    (`YYYY-MM-DD HH:MM:SS`, local time in `zone`): Anki's Rust code reads the zone once and
    the real clock, so neither can be set inside this process."""
    assert FAKETIME is not None
    pytest_run = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test]
    command = [FAKETIME, "-f", f"@{at}", *pytest_run]
    env = {**os.environ, "TZ": zone, "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
    run = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout[-3000:]
