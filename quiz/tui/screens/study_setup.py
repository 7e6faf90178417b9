"""Before studying a deck: what is due and new, and the deck's settings, kept for it
(`quiz.study.deck_settings`): how many new cards a day to take, the recall to aim at, and
how many times a card is forgotten before it is a leech. A button fits FSRS's parameters
to the learner's reviews of the deck (`quiz.study.own_parameters`), in a worker: reading
every review and fitting take a moment."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Label

from quiz.deck.model import Deck
from quiz.store.database import Database, StoreError
from quiz.study.deck_settings import StudySettings
from quiz.study.optimizer import INSTALL, available
from quiz.study.own_parameters import fit_sentence, optimize_deck
from quiz.study.progress import DeckProgress
from quiz.study.settings import (
    leech_threshold_problem,
    new_per_day_problem,
    retention_problem,
)
from quiz.tui.reader import own_connection
from quiz.tui.screens.choice import Dialog
from quiz.tui.widgets.deck_list import study_line
from quiz.tui.widgets.footer import Footer
from quiz.tui.widgets.text_box import TextBox


class StudySetupScreen(Dialog[StudySettings | None]):
    """Hands back the deck's settings as the learner left them, or None on backing out."""

    CSS_PATH = "study_setup.tcss"
    AUTO_FOCUS = "#new-per-day"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape", "cancel", "Back"),
        ("ctrl+s", "start", "Study"),
        ("ctrl+o", "optimize", "Fit parameters"),
    ]

    @dataclass
    class Fitted(Message):
        """A worker fitted the deck's parameters: what to say, and the parameters now
        kept for the deck (None: unchanged)."""

        sentence: str
        parameters: tuple[float, ...] | None

    def __init__(
        self,
        deck: Deck,
        progress: DeckProgress,
        now: datetime,
        settings: StudySettings,
        database: Database | None = None,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.progress = progress
        self.now = now
        self.settings = settings
        self.database = database

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content(f"Study · {self.deck.title}")
            yield Label(study_line(self.progress, self.now), id="progress")
            with Horizontal(id="limit-row"):
                yield Label("New cards per day", classes="field-label")
                yield TextBox(
                    str(self.settings.new_per_day), type="integer", id="new-per-day", max_length=4
                )
                yield Label("Desired retention", classes="field-label")
                yield TextBox(
                    f"{self.settings.desired_retention:g}",
                    type="number",
                    id="retention",
                    max_length=4,
                )
            with Horizontal(id="leech-row"):
                yield Label("Leech threshold", classes="field-label")
                yield TextBox(
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
                yield Button("Fit parameters", id="optimize")
                yield Button("Study", variant="primary", id="start")
                yield Button("Back", id="cancel")
        yield Footer()

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
        self.dismiss(
            replace(
                self.settings,
                new_per_day=new_per_day,
                desired_retention=desired,
                leech_threshold=leech_threshold,
            )
        )

    def action_optimize(self) -> None:
        """Fit the deck's parameters in a worker, or say how to install the optimizer."""
        if not available():
            self._say(INSTALL)
        elif self.database is not None:
            self._say("Fitting FSRS's parameters to your reviews of this deck…")
            self.query_one("#optimize", Button).disabled = True
            self._fit(self.database)

    @work(thread=True, exclusive=True)
    def _fit(self, database: Database) -> None:
        """In a thread: fit and keep the parameters, touch no widget, post what happened."""
        try:
            with own_connection(database) as store:
                reviews, fit = optimize_deck(store, self.deck.id)
        except StoreError as exc:
            self.post_message(self.Fitted(f"Parameters not fitted: {exc}", None))
        else:
            kept = fit.parameters if fit is not None and fit.better else None
            self.post_message(self.Fitted(fit_sentence(reviews, fit), kept))

    @on(Fitted)
    def _fitted(self, message: Fitted) -> None:
        if message.parameters is not None:
            self.settings = replace(self.settings, parameters=message.parameters)
        self.query_one("#optimize", Button).disabled = False
        self._say(message.sentence)

    def _say(self, sentence: str) -> None:
        """A notice over the dialog, which has no room to spare at 24 lines."""
        self.notify(sentence, title="Fit parameters", timeout=15, markup=False)

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

    @on(Button.Pressed, "#optimize")
    def _optimize(self) -> None:
        self.action_optimize()
