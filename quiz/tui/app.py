"""The Textual app: its bindings, its commands and the screens of a quiz or a study sitting.

Everything it needs comes through the constructor (decks, the store, the scheduler, the
seed, the clock), so the CLI and the tests build it the same way. The store has its own
clock (the instant of a review, of a due date); `clock` here only times the answers.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen

from quiz.collector import freeze_survivors, thaw_survivors
from quiz.deck.model import AnyQuestion, Deck
from quiz.play.record import RunRecorder, resumed_session
from quiz.play.selection import QuizOptions
from quiz.play.session import QuizSession, Seconds
from quiz.store.database import Database, StoreError
from quiz.store.history import History
from quiz.tui.commands import QuizCommands
from quiz.tui.flow import QuizFlow
from quiz.tui.key_timing import KeyTimingApp
from quiz.tui.screen_styles import add_screen_styles
from quiz.tui.screens.flaggable import FlaggableScreen
from quiz.tui.screens.question import QuestionScreen
from quiz.tui.text import named

if TYPE_CHECKING:
    # Every other screen is imported where it is first shown: the first question on
    # screen should not wait for fsrs, the deck list or screens the learner never opens.
    from quiz.study.deck_settings import StudySettings
    from quiz.study.scheduler import StudyScheduler
    from quiz.tui.screens.feedback import FeedbackScreen
    from quiz.tui.screens.home import HomeScreen
    from quiz.tui.screens.learner import LearnerStore, OpenLearner
    from quiz.tui.screens.results import ResultsScreen
    from quiz.tui.screens.setup import SetupScreen
    from quiz.tui.screens.study_answer import StudyAnswerScreen
    from quiz.tui.screens.study_card import StudyCardScreen
    from quiz.tui.screens.study_question import StudyQuestionScreen
    from quiz.tui.study_flow import StudyFlow

SEED_RANGE = 2**32
HELP_ID = "help"
STATS_ID = "stats"
"""Ids of the screens that must not open over themselves; an id, not `isinstance`, so that
checking does not import them."""

TEXTUAL_TWINS = frozenset({"Quit", "Keys"})
"""Textual's palette entries that the app's own Quit and Help replace."""

Begin = Literal["home", "quiz", "study"]
"""Where the app opens: the deck list, or straight into a quiz or a study sitting on the
only deck (a quiz with the default options: every question, shuffled)."""

FIRST_STYLES: dict[Begin, tuple[str, ...]] = {
    "home": ("screens/home.tcss", "screens/setup.tcss", "screens/question.tcss"),
    "quiz": ("screens/question.tcss",),
    "study": (
        "screens/study_question.tcss",
        "screens/study_answer.tcss",
        "widgets/answer_feedback.tcss",
    ),
}
"""The stylesheets of the screens on the way to the first question (or card), read as the
app starts. A screen that brings a stylesheet Textual has not read makes it restyle
every screen open, which costs more than reading the file up front; the screens that
come later bring theirs when first shown (each names its files in `CSS_PATH`)."""


class QuizApp(KeyTimingApp):
    """Quiz on a deck or study its due cards; every answer and review saved as given."""

    CSS_PATH: ClassVar[list[str | PurePath]] = ["app.tcss", "widgets/question_form.tcss"]
    """The app's own rules and the question's, which every first screen shows."""
    TITLE = "quiz"
    COMMANDS = App.COMMANDS | {QuizCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit('q')", "Quit"),  # the key named, so that it can be turned off
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("ctrl+z", "undo", "Undo rating", show=False),
    ]

    def __init__(
        self,
        decks: Sequence[Deck],
        *,
        database: Database | None = None,
        store_message: str = "",
        seed: int | None = None,
        clock: Seconds = time.monotonic,
        scheduler: StudyScheduler | None = None,
        study_settings: StudySettings | None = None,
        begin: Begin = "home",
        options: QuizOptions | None = None,
        ask_learner: OpenLearner | None = None,
    ) -> None:
        self.decks = tuple(decks)
        self.opening: Begin = begin if len(self.decks) == 1 else "home"
        """Where the app opens: where `begin` asks, or the deck list when there are several."""
        self._pick_to_study = begin == "study" and self.opening == "home"
        self.options = options or QuizOptions()
        """The options of the quiz the app opens on (`quiz play DECK --count 10`)."""
        super().__init__(css_path=[*self.CSS_PATH, *FIRST_STYLES[self.opening]])
        self.database = database
        self.history = History(database) if database is not None else None
        self.store_message = store_message
        self.clock = clock
        self._scheduler = scheduler
        self.study_settings = study_settings
        """The settings of the deck opened straight into study (`quiz study` read them)."""
        self._seeds = random.Random(seed)
        self._flow: QuizFlow | None = None
        self._study: StudyFlow | None = None
        self._home: HomeScreen | None = None
        self._ask_learner = ask_learner
        """Set for a tab of `quiz serve --learners`: the store comes from the name asked
        first, and `database` is None until then."""

    def on_mount(self) -> None:
        # What the app has made by its first screen lives as long as it: out of the cycle
        # collector's sight (quiz.collector), so that no full collection walks it again.
        self.call_after_refresh(freeze_survivors)
        if self._ask_learner is None:
            self._open()
            return
        from quiz.tui.screens.learner import LearnerScreen

        self.push_screen(LearnerScreen(self._ask_learner), self._learner_named)

    def on_unmount(self) -> None:
        thaw_survivors()

    def _learner_named(self, store: LearnerStore | None) -> None:
        if store is None:
            return
        self.database, self.store_message = store
        self.history = History(self.database) if self.database is not None else None
        self._open()

    def _open(self) -> None:
        """Open where `begin` asked, saying first why the history is off if it is."""
        if self.store_message:
            self.notify(self.store_message, title="History", severity="warning", timeout=10)
        if self.opening == "quiz":
            self.start(self.decks[0], self.options)
        elif self.opening == "study" and self.database is not None:
            self.study(self.decks[0], self.study_settings)
        else:
            self.action_home()
        if self._pick_to_study:
            self.notify("Pick a deck and press s to study it.", title="Study")

    @property
    def home(self) -> HomeScreen:
        """The deck list, made when first shown: a quiz opened on one deck may never need it."""
        if self._home is None:
            from quiz.tui.screens.home import HomeScreen

            self._home = HomeScreen(self.decks, self.database)
        return self._home

    def start(self, deck: Deck, options: QuizOptions, *, replace: bool = False) -> None:
        """A new run over `deck`; its question order and choice order follow the seed.
        With `replace`, its first question takes the place of the screen on top."""
        session = QuizSession.start(deck, options, seed=self._next_seed(), clock=self.clock)
        self._run(session, replace=replace)

    def resume(self, deck: Deck, session_id: int) -> None:
        """Carry on the stopped run `session_id` of `deck` with its unanswered questions."""
        if self.history is None:
            return
        try:
            session = resumed_session(self.history, deck, session_id, self.clock)
        except (StoreError, ValueError) as exc:
            self.notify(f"Not resumed: {exc}", title="Resume", severity="error")
            return
        self._run(session, session_id)

    def _run(
        self, session: QuizSession, session_id: int | None = None, *, replace: bool = False
    ) -> None:
        replace = replace or self._flow is not None  # the last run's results, or a dialog
        recorder = RunRecorder(self.history, session, self._history_failed, session_id)
        self._flow = QuizFlow(self, session, recorder)
        self._flow.begin(replace=replace)

    @property
    def scheduler(self) -> StudyScheduler:
        """The study scheduler, made on first use: a quiz never needs fsrs."""
        if self._scheduler is None:
            from quiz.study.scheduler import StudyScheduler

            self._scheduler = StudyScheduler()
        return self._scheduler

    def study(self, deck: Deck, settings: StudySettings | None) -> None:
        """A study sitting over `deck`: its due cards, then new ones up to the deck's daily
        limit, scheduled for its desired retention with its own FSRS parameters if it has
        them (`settings`; None: the defaults)."""
        if self.database is None:
            return
        from quiz.study.deck_settings import StudySettings
        from quiz.study.session import StudySession
        from quiz.tui.study_flow import StudyFlow

        settings = settings or StudySettings()
        session = StudySession(
            self.database,
            deck,
            self.scheduler.for_deck(settings.desired_retention, settings.parameters),
            new_per_day=settings.new_per_day,
            leech_threshold=settings.leech_threshold,
            seed=self._next_seed(),
            clock=self.clock,
        )
        self._study = StudyFlow(self, session, self._study_failed)
        self._study.begin()

    def _next_seed(self) -> int:
        return self._seeds.randrange(SEED_RANGE)

    def _history_failed(self, message: str) -> None:
        self.notify(message, title="History is off", severity="error", timeout=8)

    def _study_failed(self, message: str) -> None:
        self.notify(message, title="Study stopped", severity="error", timeout=10)
        self.action_home()

    def on_setup_screen_start(self, message: SetupScreen.Start) -> None:
        if not message.stale:  # the dialog gives way to the quiz: the deck list stays covered
            self.start(message.deck, message.options, replace=True)

    def on_study_flow_first_card(self, message: StudyFlow.FirstCard) -> None:
        if message.flow is self._study:  # not a sitting left before its first card
            message.flow.show_first_card(message.error)

    def on_home_screen_resume(self, message: HomeScreen.Resume) -> None:
        self.resume(message.deck, message.session_id)

    def on_home_screen_study(self, message: HomeScreen.Study) -> None:
        self.study(message.deck, message.settings)

    # A choice whose screen is gone or covered is dropped: see `quiz.tui.screens.choice`.

    def on_question_screen_answered(self, message: QuestionScreen.Answered) -> None:
        if self._flow is not None and not message.stale:
            self._flow.answered(message.given)

    def on_feedback_screen_continue(self, message: FeedbackScreen.Continue) -> None:
        if self._flow is not None and not message.stale:
            self._flow.next()

    def on_results_screen_chosen(self, message: ResultsScreen.Chosen) -> None:
        flow = self._flow
        if flow is None or message.stale:
            return
        if message.choice == "retry":
            self._run(flow.session.retry_missed(self._next_seed()))
        elif message.choice == "again":
            self.start(flow.session.deck, flow.session.options)
        else:
            self.action_home()

    def on_study_question_screen_answered(self, message: StudyQuestionScreen.Answered) -> None:
        if self._study is not None and not message.stale:
            self._study.answered(message.given)

    def on_study_question_screen_flipped(self, message: StudyQuestionScreen.Flipped) -> None:
        if self._study is not None and not message.stale:
            self._study.flipped()

    def on_study_answer_screen_rated(self, message: StudyAnswerScreen.Rated) -> None:
        if self._study is not None and not message.stale:
            self._study.rated(message.rating)

    def on_study_card_screen_set_aside(self, message: StudyCardScreen.SetAside) -> None:
        if self._study is not None and not message.stale:
            self._study.set_aside(message.how)

    def on_flaggable_screen_flag(self, message: FlaggableScreen.Flag) -> None:
        if not message.stale:
            self._ask_flag(message.deck, message.question)

    def action_flag(self) -> None:
        """Flag the question on screen (from the command palette)."""
        below = self._below_palette()
        if isinstance(below, FlaggableScreen):
            self._ask_flag(below.deck, below.question)

    def _ask_flag(self, deck: Deck, question: AnyQuestion) -> None:
        """Ask for a note, then flag; the quiz's clock keeps running, as a flag is quick."""
        if self.database is None:
            self.notify(
                "Flagging needs the history file, and it could not be opened.",
                title="Flag",
                severity="warning",
            )
            return
        from quiz.tui.screens.flag import FlagScreen

        self.push_screen(
            FlagScreen(question), callback=lambda note: self._flag(deck, question, note)
        )

    def _flag(self, deck: Deck, question: AnyQuestion, note: str | None) -> None:
        if note is None or self.database is None:
            return
        from quiz.flagging import flag_question

        try:
            flag_question(self.database, deck, question, note)
        except StoreError as exc:
            self.notify(f"Not flagged: {exc}", title="Flag", severity="error")
            return
        self.notify(
            f"Flagged: {named(question)} — run `quiz flagged` to list", title="Flag", markup=False
        )

    def action_help(self) -> None:
        from quiz.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen, id=HELP_ID))

    def action_home(self) -> None:
        """Back to the decks; an unfinished run or sitting keeps what it saved."""
        self._flow = None
        self._study = None
        home = self.home
        while len(self.screen_stack) > 1 and self.screen is not home:
            self.pop_screen()
        if self.screen is not home:  # first shown now, over Textual's empty first screen
            self.push_screen(home)

    def action_stop(self) -> None:
        """Leave the quiz for the decks; asked first once an answer has been given, as the
        same key closes every dialog and a second press should not end a long quiz."""
        flow = self._flow
        if flow is None or flow.session.finished or not flow.session.records:
            self.action_home()
            return
        from quiz.tui.screens.leave import LeaveScreen

        if isinstance(self.screen, LeaveScreen):  # a second escape read with the first
            return
        session = flow.session
        self.push_screen(
            LeaveScreen(len(session.records), session.total),
            callback=lambda leave: self.action_home() if leave and self._flow is flow else None,
        )

    def action_study(self) -> None:
        """Study the deck highlighted on the home screen (from the command palette)."""
        self.home.action_study()

    def action_undo(self) -> None:
        """Take back the study sitting's last rating, suspend or bury (ctrl+z, or the palette)
        and show that card again; only this sitting's, so after a restart there is nothing."""
        if self._study is None:
            self.notify(
                "Nothing to undo: undo takes back ratings given in the study sitting under way.",
                title="Undo",
            )
            return
        self._study.undo()

    def action_stats(self) -> None:
        """The statistics of every deck, as of now, read while the screen shows."""
        if self.database is None:
            return
        from quiz.tui.screens.stats import StatsScreen

        self.push_screen(StatsScreen(self.database, self.decks, id=STATS_ID))

    def _load_screen_css(self, screen: Screen[object]) -> None:
        """Textual's hook for a screen's stylesheets as it is pushed: read here without
        restyling every screen open (`quiz.tui.screen_styles`); Textual's own way while
        it watches the files for changes (`textual run --dev`)."""
        if self.css_monitor is not None or not add_screen_styles(self.stylesheet, screen):
            super()._load_screen_css(screen)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette entries but its Quit and Keys: the app's own Quit and Help
        (the keys of this screen, and how to answer) stand for them, once each."""
        for command in super().get_system_commands(screen):
            if command.title not in TEXTUAL_TWINS:
                yield command

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        below = self._below_palette()
        home = self._home
        if action in ("home", "stop"):
            return home is None or below is not home
        if action == "help":
            return below.id != HELP_ID
        if action == "study":
            return home is not None and below is home and self.database is not None
        if action == "stats":
            return self.database is not None and below.id != STATS_ID
        if action == "flag":
            return isinstance(below, FlaggableScreen)
        if action == "quit" and parameters:  # q, not ctrl+q or the palette
            return not (isinstance(below, FlaggableScreen) and below.ASKING)
        return True

    def _below_palette(self) -> Screen[object]:
        """The screen the learner is on, even while the command palette covers it."""
        return next(s for s in reversed(self.screen_stack) if not isinstance(s, CommandPalette))
