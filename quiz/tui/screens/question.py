"""One quiz question at a time, answerable from the keyboard alone, whatever its type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType

from quiz.play.session import QuizSession
from quiz.tui.screens.choice import Choice
from quiz.tui.screens.flaggable import FLAG_BINDINGS, FlaggableScreen
from quiz.tui.widgets.footer import Footer
from quiz.tui.widgets.progress_header import ProgressHeader
from quiz.tui.widgets.question_form import FOCUS_ANSWER, TYPED, QuestionForm

if TYPE_CHECKING:
    from quiz.play.scoring import Given  # the checking itself is imported when first used


class QuestionScreen(FlaggableScreen):
    """Shows the session's current question; posts `Answered` with the learner's answer."""

    CSS_PATH = "question.tcss"
    AUTO_FOCUS = FOCUS_ANSWER
    ASKING = True
    BINDINGS: ClassVar[list[BindingType]] = [("escape", "app.stop", "Stop"), *FLAG_BINDINGS]

    @dataclass
    class Answered(Choice):
        given: Given

    def __init__(self, session: QuizSession) -> None:
        super().__init__(session.deck, session.current, typing=session.current.kind in TYPED)
        self.session = session

    def compose(self) -> ComposeResult:
        yield ProgressHeader(self.session)
        yield QuestionForm(self.question, self.session.presented(self.question))
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(1, self._tick)

    def _tick(self) -> None:
        self.query_one(ProgressHeader).show_time(self.session.elapsed)

    @on(QuestionForm.Answered)
    def _answered(self, event: QuestionForm.Answered) -> None:
        event.stop()
        self.choose(self.Answered(self, event.given))
