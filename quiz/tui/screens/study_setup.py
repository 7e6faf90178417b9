"""Before studying a deck: what is due and new, and how many new cards a day to take."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label

from quiz.deck.model import Deck
from quiz.study.progress import DeckProgress
from quiz.study.settings import MAX_NEW_PER_DAY
from quiz.tui.screens.choice import Dialog
from quiz.tui.widgets.deck_list import study_line
from quiz.tui.widgets.footer import Footer


class StudySetupScreen(Dialog[int | None]):
    """Hands back the new cards a day to allow, or None when the learner backs out."""

    CSS_PATH = "study_setup.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape", "cancel", "Back"),
        ("ctrl+s", "start", "Study"),
    ]

    def __init__(self, deck: Deck, progress: DeckProgress, now: datetime, new_per_day: int) -> None:
        super().__init__()
        self.deck = deck
        self.progress = progress
        self.now = now
        self.new_per_day = new_per_day

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content(f"Study · {self.deck.title}")
            yield Label(study_line(self.progress, self.now), id="progress")
            with Horizontal(id="limit-row"):
                yield Label("New cards per day", classes="field-label")
                yield Input(str(self.new_per_day), type="integer", id="new-per-day", max_length=4)
            yield Label(
                "Due cards come first; then new ones, up to this many a day.", id="limit-hint"
            )
            with Horizontal(id="buttons"):
                yield Button("Study", variant="primary", id="start")
                yield Button("Back", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#new-per-day", Input).focus()

    def action_start(self) -> None:
        typed = self.query_one("#new-per-day", Input).value
        if not typed.isdigit() or int(typed) > MAX_NEW_PER_DAY:
            self.notify(
                f"New cards per day: a whole number from 0 to {MAX_NEW_PER_DAY}.",
                severity="warning",
            )
            return
        self.dismiss(int(typed))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#new-per-day")
    def _start(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
