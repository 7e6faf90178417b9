"""Flagging a question: its prompt, an optional one-line note, Enter to flag, escape to cancel."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from quiz.deck.model import AnyQuestion
from quiz.tui.screens.choice import Dialog
from quiz.tui.text import prompt_of
from quiz.tui.widgets.footer import Footer
from quiz.tui.widgets.reading_box import ReadingBox
from quiz.tui.widgets.text_box import TextBox

NOTE_LENGTH = 200
"""A note is one line for `quiz flagged`; this is room enough to say what is wrong."""


class FlagScreen(Dialog[str | None]):
    """Hands back the note (maybe empty) to flag `question` with, or None to cancel."""

    CSS_PATH = "flag.tcss"
    AUTO_FOCUS = "#note"
    BINDINGS: ClassVar[list[BindingType]] = [("escape", "cancel", "Cancel")]

    def __init__(self, question: AnyQuestion) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content(f"Flag · {self.question.id}")
            with ReadingBox(id="prompt-box"):
                yield Static(Content(prompt_of(self.question)), id="prompt")
            yield Label("What is wrong with it? (optional)", classes="field-label")
            yield TextBox(placeholder="the date is wrong", id="note", max_length=NOTE_LENGTH)
            yield Label(
                "quiz flagged lists flags; a flag clears itself once its question is edited.",
                id="flag-hint",
            )
            with Horizontal(id="buttons"):
                yield Button("Flag ⏎", variant="primary", id="flag")
                yield Button("Cancel", id="cancel")
        yield Footer()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#flag")
    @on(Input.Submitted, "#note")
    def _flag(self) -> None:
        self.dismiss(self.query_one("#note", Input).value)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
