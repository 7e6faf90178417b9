"""The first screen: the decks found, their scores and study counts, and the recent quizzes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Label, OptionList

from quiz.deck.model import Deck
from quiz.play import figures
from quiz.play.selection import QuizOptions
from quiz.store.database import Database, StoreError, utc_now
from quiz.store.history import History, SessionRow
from quiz.study.progress import DeckProgress, deck_progress
from quiz.tui.screens.setup import SetupScreen
from quiz.tui.widgets.deck_list import DeckList
from quiz.tui.widgets.footer import Footer

RECENT_ROWS = 5


class HomeScreen(Screen[None]):
    """Pick a deck (arrows and Enter, or a click) for a quiz, or press s to study it."""

    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("s", "study", "Study"),
        ("t", "app.stats", "Statistics"),
    ]

    @dataclass
    class Start(Message):
        """The learner asked for a quiz on `deck` with `options`."""

        deck: Deck
        options: QuizOptions

    @dataclass
    class Study(Message):
        """The learner asked to study `deck`, starting up to `new_per_day` new cards a day."""

        deck: Deck
        new_per_day: int

    def __init__(self, decks: Sequence[Deck], database: Database | None, new_per_day: int) -> None:
        super().__init__()
        self.decks = tuple(decks)
        self.database = database
        self.history = History(database) if database is not None else None
        self.new_per_day = new_per_day

    def compose(self) -> ComposeResult:
        with Vertical(id="decks-panel"):
            yield Label("Decks", classes="heading")
            yield DeckList(self.decks, id="decks")
        with Vertical(id="recent-panel"):
            yield Label("Recent quizzes", classes="heading")
            yield DataTable(id="recent", cursor_type="none", zebra_stripes=True)
            yield Label("", id="no-history")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#recent", DataTable).add_columns("Deck", "Date", "Score", "%")

    def on_screen_resume(self) -> None:
        """Also runs when the screen is first pushed: the figures are read there, once."""
        self.refresh_history()

    def refresh_history(self) -> None:
        """Show the scores and study counts as they are now: a quiz or a sitting may just
        have ended, and cards fall due as time passes."""
        now = self.database.now() if self.database is not None else utc_now()
        try:
            scores = self.history.deck_scores() if self.history else {}
            rows = self.history.sessions()[:RECENT_ROWS] if self.history else []
            progress = self._progress(now)
        except StoreError as exc:
            scores, rows, progress = {}, [], {}
            self.notify(str(exc), title="History", severity="error")
        self.query_one(DeckList).show_scores(scores, progress, now)
        self._show_recent(rows)

    def _progress(self, now: datetime) -> dict[str, DeckProgress]:
        if self.database is None:
            return {}
        return {deck.id: deck_progress(self.database, deck, now) for deck in self.decks}

    def _show_recent(self, rows: list[SessionRow]) -> None:
        table = self.query_one("#recent", DataTable)
        table.clear()
        for row in rows:
            table.add_row(
                Text(row.deck_title),
                figures.when(row.started_at),
                figures.score(row.score, row.max_score),
                figures.percent(row.percent) if row.finished_at else "stopped",
            )
        note = self.query_one("#no-history", Label)
        note.display = not rows
        note.update("History is off for this run." if self.history is None else "No quizzes yet.")
        table.display = bool(rows)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Study keeps its schedules in the store: without one there is nothing to study."""
        if action == "study":
            return self.database is not None
        return True

    def action_study(self) -> None:
        """Ask how many new cards a day, then study the highlighted deck."""
        deck, database = self.query_one(DeckList).highlighted_deck, self.database
        if deck is None or database is None:
            return
        now = database.now()
        try:
            progress = deck_progress(database, deck, now)
        except StoreError as exc:
            self.notify(str(exc), title="Study", severity="error")
            return
        from quiz.tui.screens.study_setup import StudySetupScreen  # a quiz never needs it

        setup = StudySetupScreen(deck, progress, now, self.new_per_day)
        self.app.push_screen(setup, callback=lambda new_per_day: self._study(deck, new_per_day))

    def _study(self, deck: Deck, new_per_day: int | None) -> None:
        if new_per_day is not None:
            self.new_per_day = new_per_day
            self.post_message(self.Study(deck, new_per_day))

    @on(OptionList.OptionSelected, "#decks")
    def _deck_chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the deck's options, unless a second Enter (or click) finds them open."""
        if not self.is_active:
            return
        deck = self.query_one(DeckList).deck(event.option.id)
        self.app.push_screen(SetupScreen(deck), callback=lambda options: self._start(deck, options))

    def _start(self, deck: Deck, options: QuizOptions | None) -> None:
        if options is not None:
            self.post_message(self.Start(deck, options))
