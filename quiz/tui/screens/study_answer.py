"""The back of a study card: the feedback, spaced as the quiz's, and the rating bar under it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from quiz.study.scheduler import Rating
from quiz.study.session import StudySession
from quiz.tui.screens.choice import Choice
from quiz.tui.screens.flaggable import FLAG_BINDINGS
from quiz.tui.screens.study_card import SET_ASIDE_BINDINGS, StudyCardScreen
from quiz.tui.widgets.answer_feedback import AnswerFeedback
from quiz.tui.widgets.footer import Footer
from quiz.tui.widgets.rating_bar import RatingBar
from quiz.tui.widgets.reading_box import ReadingBox
from quiz.tui.widgets.study_header import StudyHeader


class StudyAnswerScreen(StudyCardScreen):
    """Shows the answer to the session's card; posts `Rated` with the learner's rating."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "study_answer.tcss",
        "../widgets/answer_feedback.tcss",
    ]
    AUTO_FOCUS = "RatingBar"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape", "app.home", "Stop"),
        *FLAG_BINDINGS,
        *SET_ASIDE_BINDINGS,
        Binding("up", "scroll_feedback(-1)", "Scroll up", show=False),
        Binding("down", "scroll_feedback(1)", "Scroll down", show=False),
        Binding("pageup", "scroll_feedback(-1, True)", "Page up", show=False),
        Binding("pagedown", "scroll_feedback(1, True)", "Page down", show=False),
    ]
    """The feedback is no Tab stop (the ratings keep the focus): these keys scroll it."""

    @dataclass
    class Rated(Choice):
        rating: Rating

    def __init__(self, session: StudySession) -> None:
        super().__init__(session)

    def compose(self) -> ComposeResult:
        session = self.session
        yield StudyHeader(session)
        with ReadingBox(id="body"):
            yield AnswerFeedback(session.question, session.record)
        yield RatingBar(session.previews(), session.suggestion, id="ratings")
        yield Footer()

    def action_scroll_feedback(self, step: int, page: bool = False) -> None:
        """Scroll the feedback a line (or a page) down, or up with a negative `step`."""
        body = self.query_one("#body", ReadingBox)
        body.scroll_relative(y=step * (body.size.height if page else 1), animate=False)

    @on(RatingBar.Rated)
    def _rated(self, event: RatingBar.Rated) -> None:
        event.stop()
        self.choose(self.Rated(self, event.rating))
