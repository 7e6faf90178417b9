"""The first screen: the decks found, their scores and study counts, and the recent quizzes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, OptionList

from quiz.collector import cycle_collector_paused
from quiz.deck.model import Deck
from quiz.play import figures
from quiz.store.database import Database, StoreError, utc_now
from quiz.store.history import SessionRow
from quiz.study.deck_settings import StudySettings, deck_settings, keep_settings
from quiz.study.progress import DeckProgress, deck_progress
from quiz.tui.home_figures import HomeFigures, read_home_figures
from quiz.tui.reader import own_connection
from quiz.tui.screens.setup import SetupScreen
from quiz.tui.widgets.deck_list import DeckList
from quiz.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from textual.widgets import DataTable


TITLE_WIDTH = 32
"""The widest a deck's title runs in the recent quizzes: the date, score and percent beside
it stay in sight at 80 columns, with room for the table's scroll bar."""


def _title_cell(row: SessionRow) -> Text:
    """The run's deck title as plain text (never markup), marked `(retry)` as `quiz stats`
    marks a retry; the title is cut with an ellipsis so that both fit `TITLE_WIDTH`."""
    mark = figures.retry_mark(row)
    text = Text(row.deck_title, no_wrap=True)
    text.truncate(TITLE_WIDTH - len(mark), overflow="ellipsis")
    return text.append(mark)


class HomeScreen(Screen[None]):
    """Pick a deck (arrows and Enter, or a click) for a quiz, or press s to study it."""

    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("r", "resume", "Resume"),
        ("s", "study", "Study"),
        ("t", "app.stats", "Statistics"),
    ]

    @dataclass
    class FiguresRead(Message):
        """A worker read the figures; `read` numbers the request, to drop stale ones."""

        figures: HomeFigures
        read: int

    @dataclass
    class ProgressRead(Message):
        """A worker read where `deck`'s study stands and its kept settings (None, with
        `error`, if it could not)."""

        deck: Deck
        progress: DeckProgress | None
        now: datetime
        error: str = ""
        settings: StudySettings = field(default_factory=StudySettings)

    @dataclass
    class Resume(Message):
        """The learner asked to carry on `deck`'s stopped run, saved as `session_id`."""

        deck: Deck
        session_id: int

    @dataclass
    class Study(Message):
        """The learner asked to study `deck` with `settings` (kept for it already)."""

        deck: Deck
        settings: StudySettings

    def __init__(self, decks: Sequence[Deck], database: Database | None) -> None:
        super().__init__()
        self.decks = tuple(decks)
        self.database = database
        self._reads = 0
        self._stopped: Mapping[str, SessionRow] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="decks-panel"):
            yield Label("Decks", classes="heading")
            yield DeckList(self.decks, id="decks")
        with Vertical(id="recent-panel"):
            yield Label("Recent quizzes", classes="heading")
            yield Label("", id="no-history")
        yield Footer()

    def on_screen_resume(self) -> None:
        """Also runs when the screen is first pushed: the figures are read there, once."""
        self.refresh_history()

    def refresh_history(self) -> None:
        """Show the scores and study counts as they are now: a quiz or a sitting may just
        have ended, and cards fall due as time passes. The store is read in a worker."""
        self._reads += 1
        if self.database is None:
            self._show(HomeFigures(utc_now()))
        else:
            self._read_figures(self.database, self._reads)

    # Described, or Textual describes it by repr-ing its arguments (a big deck: seconds).
    @work(thread=True, group="home-figures", description="reading the decks' figures")
    def _read_figures(self, database: Database, read: int) -> None:
        """In a thread: read the store, touch no widget, post what was read."""
        with cycle_collector_paused():  # see quiz.collector
            figures = read_home_figures(database, self.decks)
        self.post_message(self.FiguresRead(figures, read))

    @on(FiguresRead)
    def _figures_read(self, message: FiguresRead) -> None:
        if message.read == self._reads:  # an older read finishing late is not shown
            self._show(message.figures)

    def _show(self, figures: HomeFigures) -> None:
        if figures.error:
            self.notify(figures.error, title="History", severity="error")
        self._stopped = figures.stopped
        deck_list = self.query_one(DeckList)
        deck_list.show_scores(figures.scores, figures.progress, figures.now, figures.stopped)
        self.refresh_bindings()
        self._show_recent(figures.recent)

    def _show_recent(self, rows: Sequence[SessionRow]) -> None:
        note = self.query_one("#no-history", Label)
        note.display = not rows
        note.update("History is off for this run." if self.database is None else "No quizzes yet.")
        table = self._recent_table(made=bool(rows))
        if table is None:
            return
        table.clear()
        for row in rows:
            table.add_row(
                _title_cell(row),
                figures.when(row.started_at),
                figures.score(row.score, row.max_score),
                figures.percent(row.percent) if row.finished_at else "stopped",
            )
        table.display = bool(rows)

    def _recent_table(self, *, made: bool) -> DataTable[str | Text] | None:
        """The table of recent quizzes, built (`made`) with the first quiz to list: until
        then a line says there is none, and the deck list shows without Textual's table."""
        from textual.widgets import DataTable

        for shown in self.query("#recent").results(DataTable):
            return shown
        if not made:
            return None
        table: DataTable[str | Text] = DataTable(
            id="recent", cursor_type="none", zebra_stripes=True
        )
        table.add_columns("Deck", "Date", "Score", "%")
        self.query_one("#recent-panel").mount(table, before="#no-history")
        return table

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Study keeps its schedules in the store: without one there is nothing to study."""
        if action == "study":
            return self.database is not None
        if action == "resume":
            return self._stopped_run() is not None  # in the footer only with something to resume
        return True

    def _stopped_run(self) -> SessionRow | None:
        deck = self.query_one(DeckList).highlighted_deck
        return self._stopped.get(deck.id) if deck is not None else None

    def action_resume(self) -> None:
        """Carry on the highlighted deck's stopped quiz with its unanswered questions."""
        deck, run = self.query_one(DeckList).highlighted_deck, self._stopped_run()
        if deck is not None and run is not None and self.is_active:
            self._stopped = {}  # a second r read with the first resumes once
            self.post_message(self.Resume(deck, run.id))

    @on(OptionList.OptionHighlighted, "#decks")
    def _deck_highlighted(self) -> None:
        self.refresh_bindings()  # Resume follows the highlighted deck

    def action_study(self) -> None:
        """Ask how many new cards a day, then study the highlighted deck; its counts are
        read in a worker first."""
        deck, database = self.query_one(DeckList).highlighted_deck, self.database
        if deck is not None and database is not None:
            self._read_progress(database, deck)

    # Described, or Textual describes it by repr-ing its arguments (a big deck: seconds).
    @work(
        thread=True,
        group="study-progress",
        exclusive=True,
        description="reading the deck's study progress",
    )
    def _read_progress(self, database: Database, deck: Deck) -> None:
        """In a thread: where the deck's study stands, posted for `_progress_read`."""
        now = database.now()
        try:
            with cycle_collector_paused(), own_connection(database) as reader:
                progress = deck_progress(reader, deck, now)
                settings = deck_settings(reader, deck.id)
            self.post_message(self.ProgressRead(deck, progress, now, settings=settings))
        except StoreError as exc:
            self.post_message(self.ProgressRead(deck, None, now, str(exc)))

    @on(ProgressRead)
    def _progress_read(self, message: ProgressRead) -> None:
        if message.progress is None:
            self.notify(message.error, title="Study", severity="error")
        elif self.app.screen is self:  # a second s pressed meanwhile asks once
            from quiz.tui.screens.study_setup import StudySetupScreen  # a quiz never needs it

            deck = message.deck
            setup = StudySetupScreen(
                deck, message.progress, message.now, message.settings, self.database
            )
            self.app.push_screen(setup, callback=lambda settings: self._study(deck, settings))

    def _study(self, deck: Deck, settings: StudySettings | None) -> None:
        """Keep the settings the learner chose for the deck, then study it."""
        if settings is None or self.database is None:
            return
        try:
            keep_settings(
                self.database,
                deck.id,
                new_per_day=settings.new_per_day,
                desired_retention=settings.desired_retention,
                leech_threshold=settings.leech_threshold,
            )
        except StoreError as exc:
            self.notify(f"Settings not kept: {exc}", title="Study", severity="warning")
        self.post_message(self.Study(deck, settings))

    @on(OptionList.OptionSelected, "#decks")
    def _deck_chosen(self, event: OptionList.OptionSelected) -> None:
        """Open the deck's options, unless a second Enter (or click) finds them open."""
        if not self.is_active:
            return
        self.app.push_screen(SetupScreen(self.query_one(DeckList).deck(event.option.id)))
