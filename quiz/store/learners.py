"""Learners who share one machine (`quiz serve --learners`): a history file each.

Each learner's history, study schedules, settings and flags are a store of their own in
`<data folder>/learners/<key>/quiz.sqlite3`, so nothing one learner does reaches
another's figures, and each store is the ordinary kind (`quiz stats --learner NAME`
reads it as `quiz stats` reads the shared one). A name is not a password: it only keeps
honest learners apart.

The folder's name is a key made from the name (`Ada Lovelace` → `ada-lovelace`), so the
same learner typing `ada lovelace` next time finds their history, and a name can never
reach outside the learners' folder. The name as first typed is kept beside the store.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from quiz.paths import data_dir
from quiz.store.database import Database
from quiz.store.history import RunKind

FOLDER = "learners"
STORE = "quiz.sqlite3"
NAME_FILE = "name.txt"
MAX_NAME = 40
_NOT_IN_KEY = re.compile(r"[^\w]+|_+")


class Learner(NamedTuple):
    name: str
    store: Path


class LearnerSummary(NamedTuple):
    """What `quiz stats --learners` shows of one learner."""

    quizzes: int
    last_percent: float | None
    reviews: int


def learner_key(name: str) -> str:
    """The folder name for `name`: its letters and digits in lower case, joined by '-'.
    ValueError, in a sentence, for a name that is empty, too long or has no letter."""
    name = name.strip()
    if len(name) > MAX_NAME:
        raise ValueError(f"a name is at most {MAX_NAME} characters")
    key = _NOT_IN_KEY.sub("-", unicodedata.normalize("NFKC", name).casefold()).strip("-")
    if not key:
        raise ValueError("type your name, with at least one letter or digit")
    return key


def learners_dir() -> Path:
    return data_dir() / FOLDER


def learner_store(name: str) -> Path:
    """The history file of the learner called `name` (ValueError for a name unfit)."""
    return learners_dir() / learner_key(name) / STORE


def remember_name(name: str) -> None:
    """Keep the name as first typed beside the learner's store, for the teacher's list."""
    folder = learner_store(name).parent
    folder.mkdir(parents=True, exist_ok=True)
    named = folder / NAME_FILE
    if not named.exists():
        named.write_text(name.strip() + "\n", encoding="utf-8")


def known_learners() -> list[Learner]:
    """Every learner with a history file, by name."""
    if not learners_dir().is_dir():
        return []
    found = [
        Learner(_name_in(folder), folder / STORE)
        for folder in learners_dir().iterdir()
        if (folder / STORE).is_file()
    ]
    return sorted(found, key=lambda learner: learner.name.casefold())


def _name_in(folder: Path) -> str:
    try:
        return (folder / NAME_FILE).read_text(encoding="utf-8").strip() or folder.name
    except (OSError, UnicodeDecodeError):
        return folder.name


def summary(database: Database) -> LearnerSummary:
    """The learner's quiz count, the percent of their latest finished quiz, their reviews:
    quizzes as the deck list counts them (`RunKind.FULL`, stopped ones too), no retry."""
    [[quizzes, reviews]] = database.query(
        "SELECT (SELECT COUNT(*) FROM sessions WHERE mode = ?), (SELECT COUNT(*) FROM reviews)",
        (RunKind.FULL,),
    )
    last = database.query(
        "SELECT score, max_score FROM sessions WHERE finished_at IS NOT NULL AND mode = ?"
        " ORDER BY started_at DESC, id DESC LIMIT 1",
        (RunKind.FULL,),
    )
    percent = 100 * last[0][0] / last[0][1] if last and last[0][1] else None
    return LearnerSummary(quizzes, percent, reviews)
