"""One quiz run through its screens: question → feedback → … → results.

A thin adapter: the session decides what comes next, the recorder saves each answer
before its feedback shows, and this class only swaps the screens to match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from quiz.play.record import RunRecorder
from quiz.play.session import Phase, QuizSession
from quiz.tui.screens.question import QuestionScreen

if TYPE_CHECKING:
    from quiz.play.scoring import Given  # the checking itself is imported when first used


class QuizFlow:
    """Drives `session` on `app`."""

    def __init__(
        self,
        app: App[None],
        session: QuizSession,
        recorder: RunRecorder,
    ) -> None:
        self.app = app
        self.session = session
        self.recorder = recorder

    def begin(self, *, replace: bool) -> None:
        """Show the first question, over the decks or in place of the last run's results."""
        screen = QuestionScreen(self.session)
        if replace:
            self.app.switch_screen(screen)
        else:
            self.app.push_screen(screen)

    def answered(self, given: Given) -> None:
        """Check and save the answer, then show the feedback."""
        if self.session.phase is not Phase.ASKING:
            return
        record = self.session.answer(given)
        self.recorder.answered(record)
        from quiz.tui.screens.feedback import FeedbackScreen  # not needed before the first answer

        self.app.switch_screen(FeedbackScreen(self.session, record))

    def next(self) -> None:
        """After the feedback: the next question, or the results after the last one."""
        if self.session.phase is not Phase.ANSWERED:
            return
        self.session.advance()
        if self.session.finished:
            self.recorder.finished()
            from quiz.tui.screens.results import ResultsScreen  # only after the last answer

            self.app.switch_screen(ResultsScreen(self.session))
        else:
            self.app.switch_screen(QuestionScreen(self.session))
