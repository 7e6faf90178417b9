"""Asked before a quiz is left with answers given: Enter leaves, Escape stays.

The answers given so far are saved either way; the question is only whether the learner
meant to stop, as Escape is also the key that closes every dialog.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from quiz.tui.screens.choice import Dialog
from quiz.tui.widgets.footer import Footer


class KeyButton(Button, can_focus=False):
    """A button for the mouse that takes no focus, so a key means one thing in the dialog.

    A focused button takes Enter for itself, which hid the dialog's Enter from the footer;
    and with Tab onto Stay, Enter would have stayed while the buttons say Enter leaves.
    """


class LeaveScreen(Dialog[bool]):
    """Hands back True to leave the quiz, False to stay on it."""

    CSS_PATH = "leave.tcss"
    AUTO_FOCUS = ""  # nothing takes focus: Enter and Escape are the dialog's own keys
    BINDINGS: ClassVar[list[BindingType]] = [
        ("enter", "leave", "Leave"),
        ("escape", "stay", "Stay"),
    ]

    def __init__(self, answered: int, total: int) -> None:
        super().__init__()
        self.answered = answered
        self.total = total

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Stop the quiz?"
            yield Label(
                f"{self.answered} of {self.total} answered. The answers are kept, and r on the"
                " decks resumes the quiz.",
                id="leave-text",
            )
            with Horizontal(id="buttons"):
                yield KeyButton("Leave ⏎", variant="warning", id="leave")
                yield KeyButton("Stay (esc)", id="stay")
        yield Footer()

    def action_leave(self) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#leave")
    def _leave(self) -> None:
        self.action_leave()

    @on(Button.Pressed, "#stay")
    def _stay(self) -> None:
        self.action_stay()
