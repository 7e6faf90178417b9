"""`quiz stats`: the quiz history as a plain table. Must not import Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from quiz.commands import Subparsers, add_command
from quiz.paths import store_path
from quiz.play import figures
from quiz.store.database import Database, StoreError
from quiz.store.history import FULL_RUN, History, SessionRow

COLUMNS = ("Deck", "Date", "Score", "Percent")
MAX_TITLE = 40


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub,
        "stats",
        "print the history of your quizzes: deck, date, score and percent",
        "quiz stats",
        "quiz stats --deck algeria-mali-relations",
    )
    parser.add_argument("--deck", metavar="ID", help="only the quizzes of the deck with this id")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = store_path()
    if not path.exists():
        print("No quizzes yet.")
        return 0
    try:
        rows = read_history(path, args.deck)
    except StoreError as exc:
        print(f"quiz: error: {exc}", file=sys.stderr)
        return 1
    print(table(rows) if rows else "No quizzes yet.")
    return 0


def read_history(path: Path, deck_id: str | None) -> list[SessionRow]:
    """The runs saved in the store at `path`; says so when a damaged file was set aside."""
    database = Database(path)
    try:
        if database.notice:
            print(database.notice, file=sys.stderr)
        return History(database).sessions(deck_id)
    finally:
        database.close()


def table(rows: Sequence[SessionRow]) -> str:
    """Aligned columns, newest run first; retries and unfinished runs are marked."""
    cells = [COLUMNS, *(_cells(row) for row in rows)]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(
            cell.rjust(width) if i >= 2 else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cells(row: SessionRow) -> tuple[str, str, str, str]:
    title = row.deck_title
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1] + "…"
    if row.mode != FULL_RUN:
        title += " (retry)"
    score = figures.score(row.score, row.max_score)
    if row.finished_at is None:
        score = f"{score} (stopped after {row.answered})"
    return title, figures.when(row.started_at), score, figures.percent(row.percent)
