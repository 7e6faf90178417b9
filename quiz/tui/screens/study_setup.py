"""Before studying a deck: what is due and new, and the deck's settings, kept for it
(`quiz.study.deck_settings`): how many new cards a day to take, the recall to aim at, and
how many times a card is forgotten before it is a leech."""

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
from quiz.study.deck_settings import StudySettings
from quiz.study.progress import DeckProgress
from quiz.study.settings import (
    leech_threshold_problem,
    new_per_day_problem,
    retention_problem,
)
from quiz.tui.screens.choice import Dialog
from quiz.tui.widgets.deck_list import study_line
from quiz.tui.widgets.footer import Footer


class StudySetupScreen(Dialog[StudySettings | None]):
    """Hands back the deck's settings as the learner left them, or None on backing out."""

    CSS_PATH = "study_setup.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape", "cancel", "Back"),
        ("ctrl+s", "start", "Study"),
    ]

    def __init__(
        self, deck: Deck, progress: DeckProgress, now: datetime, settings: StudySettings
    ) -> None:
        super().__init__()
        self.deck = deck
        self.progress = progress
        self.now = now
        self.settings = settings

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content(f"Study · {self.deck.title}")
            yield Label(study_line(self.progress, self.now), id="progress")
            with Horizontal(id="limit-row"):
                yield Label("New cards per day", classes="field-label")
                yield Input(
                    str(self.settings.new_per_day), type="integer", id="new-per-day", max_length=4
                )
                yield Label("Desired retention", classes="field-label")
                yield Input(
                    f"{self.settings.desired_retention:g}",
                    type="number",
                    id="retention",
                    max_length=4,
                )
            with Horizontal(id="leech-row"):
                yield Label("Leech threshold", classes="field-label")
                yield Input(
                    str(self.settings.leech_threshold),
                    type="integer",
                    id="leech-threshold",
                    max_length=2,
                )
            yield Label(
                "Due cards come first; then new ones, up to this many a day. Cards fall due"
                " when you would recall this share of them (0.7–0.99). A card forgotten as"
                " many times as the threshold is a leech, suspended (0: never). All three"
                " are kept for the deck.",
                id="limit-hint",
            )
            with Horizontal(id="buttons"):
                yield Button("Study", variant="primary", id="start")
                yield Button("Back", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#new-per-day", Input).focus()

    def action_start(self) -> None:
        """Start with the settings typed, or say which one is wrong and how."""
        new_per_day = self._whole("#new-per-day")
        leech_threshold = self._whole("#leech-threshold")
        try:
            desired = float(self.query_one("#retention", Input).value)
        except ValueError:
            desired = -1.0
        for name, problem in (
            ("New cards per day", new_per_day_problem(new_per_day)),
            ("Desired retention", retention_problem(desired)),
            ("Leech threshold", leech_threshold_problem(leech_threshold)),
        ):
            if problem:
                self.notify(f"{name}: {problem}.", severity="warning")
                return
        self.dismiss(StudySettings(new_per_day, desired, leech_threshold))

    def _whole(self, field: str) -> int:
        """The whole number typed in `field`, or -1 (no setting takes it) for anything else."""
        value = self.query_one(field, Input).value
        return int(value) if value.isdigit() else -1

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#start")
    @on(Input.Submitted)
    def _start(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
