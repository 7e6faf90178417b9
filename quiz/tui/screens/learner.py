"""Who is taking the quiz: the first screen of a tab served with `quiz serve --learners`.

The name chooses the history file (`quiz.store.learners`); the app opens on it once the
name is taken. The screen cannot be left without a name: there is no history to fall
back on that is not someone's.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label

from quiz.store.database import Database
from quiz.tui.screens.choice import Dialog
from quiz.tui.widgets.footer import Footer
from quiz.tui.widgets.text_box import TextBox

LearnerStore = tuple[Database | None, str]
"""A learner's store, or None, and what to tell them about it (as `open_store` gives)."""

OpenLearner = Callable[[str], LearnerStore]
"""Opens the store of the learner named; ValueError, in a sentence, for a name unfit."""

NAME_LENGTH = 40


class LearnerScreen(Dialog[LearnerStore]):
    """Asks for a name and hands back that learner's store."""

    CSS_PATH = "learner.tcss"

    def __init__(self, open_learner: OpenLearner) -> None:
        super().__init__()
        self.open_learner = open_learner

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content("Who is learning?")
            yield Label("Your name keeps your quizzes and reviews apart from others'.")
            yield TextBox(placeholder="your name", id="name", max_length=NAME_LENGTH)
            yield Label("", id="problem")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _named(self, event: Input.Submitted) -> None:
        try:
            store = self.open_learner(event.value)
        except ValueError as exc:
            self.query_one("#problem", Label).update(Content(f"{exc}."))
            return
        self.dismiss(store)
