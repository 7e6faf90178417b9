"""The first screen: the decks found, their scores, and the most recent quizzes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, OptionList

from quiz.deck.model import Deck
from quiz.play import figures
from quiz.play.selection import QuizOptions
from quiz.store.database import StoreError
from quiz.store.history import History, SessionRow
from quiz.tui.screens.setup import SetupScreen
from quiz.tui.widgets.deck_list import DeckList

RECENT_ROWS = 5


class HomeScreen(Screen[None]):
    """Pick a deck (arrows and Enter, or a click), set the options, start."""

    CSS_PATH = "home.tcss"

    @dataclass
    class Start(Message):
        """The learner asked for a quiz on `deck` with `options`."""

        deck: Deck
        options: QuizOptions

    def __init__(self, decks: Sequence[Deck], history: History | None) -> None:
        super().__init__()
        self.decks = tuple(decks)
        self.history = history

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
        self.refresh_history()

    def on_screen_resume(self) -> None:
        self.refresh_history()

    def refresh_history(self) -> None:
        """Show the scores as they are now: a quiz may just have finished."""
        try:
            scores = self.history.deck_scores() if self.history else {}
            rows = self.history.sessions()[:RECENT_ROWS] if self.history else []
        except StoreError as exc:
            scores, rows = {}, []
            self.notify(str(exc), title="History", severity="error")
        self.query_one(DeckList).show_scores(scores)
        self._show_recent(rows)

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

    @on(OptionList.OptionSelected, "#decks")
    def _deck_chosen(self, event: OptionList.OptionSelected) -> None:
        deck = self.query_one(DeckList).deck(event.option.id)
        self.app.push_screen(SetupScreen(deck), callback=lambda options: self._start(deck, options))

    def _start(self, deck: Deck, options: QuizOptions | None) -> None:
        if options is not None:
            self.post_message(self.Start(deck, options))
