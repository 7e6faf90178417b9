"""The Textual app: its bindings, its commands and the screens of a quiz. Nothing else.

Everything it needs comes through the constructor (decks, the store, the seed, the
clock), so the CLI and the tests build it the same way.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from quiz.deck.model import Deck
from quiz.play.record import RunRecorder
from quiz.play.selection import QuizOptions
from quiz.play.session import QuizSession, Seconds
from quiz.store.database import Database
from quiz.store.history import History
from quiz.tui.commands import QuizCommands
from quiz.tui.flow import QuizFlow
from quiz.tui.screens.feedback import FeedbackScreen
from quiz.tui.screens.help import HelpScreen
from quiz.tui.screens.home import HomeScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.screens.results import ResultsScreen

SEED_RANGE = 2**32


class QuizApp(App[None]):
    """Pick a deck, answer its questions, see the results; every answer saved as given."""

    CSS_PATH = "app.tcss"
    TITLE = "quiz"
    COMMANDS = App.COMMANDS | {QuizCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
    ]

    def __init__(
        self,
        decks: Sequence[Deck],
        *,
        database: Database | None = None,
        store_message: str = "",
        seed: int | None = None,
        clock: Seconds = time.monotonic,
    ) -> None:
        super().__init__()
        self.decks = tuple(decks)
        self.history = History(database) if database is not None else None
        self.store_message = store_message
        self.clock = clock
        self._seeds = random.Random(seed)
        self._flow: QuizFlow | None = None
        self._home = HomeScreen(self.decks, self.history)

    def on_mount(self) -> None:
        self.push_screen(self._home)
        if self.store_message:
            self.notify(self.store_message, title="History", severity="warning", timeout=10)

    def start(self, deck: Deck, options: QuizOptions) -> None:
        """A new run over `deck`; its question order and choice order follow the seed."""
        session = QuizSession.start(deck, options, seed=self._next_seed(), clock=self.clock)
        self._run(session, options)

    def _run(self, session: QuizSession, options: QuizOptions) -> None:
        replace = self._flow is not None
        recorder = RunRecorder(self.history, session, self._history_failed)
        self._flow = QuizFlow(self, session, options, recorder)
        self._flow.begin(replace=replace)

    def _next_seed(self) -> int:
        return self._seeds.randrange(SEED_RANGE)

    def _history_failed(self, message: str) -> None:
        self.notify(message, title="History is off", severity="error", timeout=8)

    def on_home_screen_start(self, message: HomeScreen.Start) -> None:
        self.start(message.deck, message.options)

    def on_question_screen_answered(self, message: QuestionScreen.Answered) -> None:
        if self._flow is not None:
            self._flow.answered(message.given)

    def on_feedback_screen_continue(self, _message: FeedbackScreen.Continue) -> None:
        if self._flow is not None:
            self._flow.next()

    def on_results_screen_chosen(self, message: ResultsScreen.Chosen) -> None:
        flow = self._flow
        if flow is None:
            return
        if message.choice == "retry":
            self._run(flow.session.retry_missed(self._next_seed()), flow.options)
        elif message.choice == "again":
            self.start(flow.session.deck, flow.options)
        else:
            self.action_home()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.screen))

    def action_home(self) -> None:
        """Back to the decks; an unfinished run keeps the answers it saved."""
        self._flow = None
        while self.screen_stack[-1] is not self._home:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "home":
            return self.screen is not self._home
        if action == "help":
            return not isinstance(self.screen, HelpScreen)
        return True
