"""After each quiz answer: its feedback, then Enter for the next question."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Button

from quiz.play.session import AnswerRecord, QuizSession
from quiz.tui.screens.choice import Choice
from quiz.tui.screens.flaggable import FLAG_BINDINGS, FlaggableScreen
from quiz.tui.widgets.answer_feedback import AnswerFeedback
from quiz.tui.widgets.footer import Footer
from quiz.tui.widgets.progress_header import ProgressHeader


class FeedbackScreen(FlaggableScreen):
    """Shows one answer's verdict; Enter (or the button) posts `Continue`."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["feedback.tcss", "../widgets/answer_feedback.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        ("enter", "continue", "Continue"),
        ("escape", "app.stop", "Stop"),
        *FLAG_BINDINGS,
    ]

    @dataclass
    class Continue(Choice):
        """The learner has read the feedback."""

    def __init__(self, session: QuizSession, record: AnswerRecord) -> None:
        super().__init__(session.deck, record.question)
        self.session = session
        self.record = record

    def compose(self) -> ComposeResult:
        yield ProgressHeader(self.session)
        with VerticalScroll(id="body"):
            yield AnswerFeedback(self.record.question, self.record)
        yield Button(Content("Continue ⏎"), id="continue", variant="primary")
        yield Footer()

    def action_continue(self) -> None:
        self.choose(self.Continue(self))

    @on(Button.Pressed, "#continue")
    def _pressed(self) -> None:
        self.action_continue()
