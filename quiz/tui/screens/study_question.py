"""The front of a study card: the question, answered as in the quiz, or flipped unanswered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from quiz.play.scoring import Given
from quiz.study.session import StudySession
from quiz.tui.screens.choice import Choice
from quiz.tui.screens.flaggable import FLAG_BINDINGS
from quiz.tui.screens.study_card import SET_ASIDE_BINDINGS, StudyCardScreen
from quiz.tui.widgets.footer import Footer
from quiz.tui.widgets.question_form import FOCUS_ANSWER, SPACE_TAKEN, TYPED, QuestionForm
from quiz.tui.widgets.study_header import StudyHeader

FLIP_KEYS = ("space", "ctrl+r")
"""Space flips a card unless its answer widget types or ticks with it; then ctrl+r does."""


class StudyQuestionScreen(StudyCardScreen):
    """Shows the session's card; posts `Answered` with the answer, or `Flipped`."""

    CSS_PATH = "study_question.tcss"
    AUTO_FOCUS = FOCUS_ANSWER
    ASKING = True
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, f"flip('{key}')", "Show answer") for key in FLIP_KEYS),
        Binding("escape", "app.home", "Stop"),
        *FLAG_BINDINGS,
        *SET_ASIDE_BINDINGS,
    ]

    @dataclass
    class Answered(Choice):
        given: Given

    @dataclass
    class Flipped(Choice):
        """The learner wants to see the answer without giving one."""

    def __init__(self, session: StudySession) -> None:
        super().__init__(session, typing=session.question.kind in TYPED)

    def compose(self) -> ComposeResult:
        yield StudyHeader(self.session)
        yield QuestionForm(self.question, self.session.presented())
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """One flip key per card: space where the answer widget leaves it free."""
        if action == "flip":
            space_free = self.question.kind not in SPACE_TAKEN
            return (parameters == ("space",)) == space_free
        return super().check_action(action, parameters)

    def action_flip(self, _key: str) -> None:
        self.choose(self.Flipped(self))

    @on(QuestionForm.Answered)
    def _answered(self, event: QuestionForm.Answered) -> None:
        event.stop()
        self.choose(self.Answered(self, event.given))
