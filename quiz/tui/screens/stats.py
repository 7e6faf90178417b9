"""Statistics to look at: quiz scores over time, a year's calendar of reviews, reviews per
day, retention, most missed, and each question's figures with the wrong choices picked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Digits, Label, ProgressBar, Static

from quiz.collector import cycle_collector_paused
from quiz.deck.model import Deck
from quiz.play import figures
from quiz.store.database import Database, StoreError
from quiz.study.figures import bars, day_axis, recalled
from quiz.study.heatmap import EMPTY, MARGIN, heatmap_lines, summary_lines
from quiz.study.review_calendar import ReviewCalendar
from quiz.study.statistics import (
    CHART_DAYS,
    Missed,
    ScoreTrend,
    Statistics,
    gather_statistics,
)
from quiz.tui.reader import own_connection
from quiz.tui.text import prompt_of
from quiz.tui.widgets.footer import Footer
from quiz.tui.widgets.question_figures import MAX_ROWS, QuestionFiguresTable
from quiz.words import plural

TREND_RUNS = 30
"""A deck's score chart shows its last 30 finished quizzes, one column each."""


def trend_text(trend: ScoreTrend) -> Content:
    """The deck's title over its scores as the deck list shows them (`figures.played_line`,
    a line of its own: with a stopped quiz and retries it is as wide as the bars), then two
    lines of bars (0–100%)."""
    top, bottom = bars(trend.percents[-TREND_RUNS:], 100, height=2)
    return Content.from_markup(
        "[b]$title[/b]\n$figures\n[$accent]$top[/]\n[$accent]$bottom[/]",
        title=trend.title,
        top=top,
        bottom=bottom,
        figures=figures.played_line(trend.scores),
    )


def heatmap_text(calendar: ReviewCalendar) -> Content:
    """The calendar's lines (`quiz.study.heatmap`): the days in the accent colour, the
    month and weekday names and the legend muted."""
    months, *days, legend = heatmap_lines(calendar)
    muted = "$text-muted"
    lines = [Content.styled(months, muted)]
    lines += [
        Content.styled(line[:MARGIN], muted) + Content.styled(line[MARGIN:], "$accent")
        for line in days
    ]
    return Content("\n").join([*lines, Content.styled(legend, muted)])


def missed_cells(missed: Missed, with_deck: bool) -> tuple[Content, Content]:
    """`3 of 4` and the question's prompt (with its deck's title when several decks show)."""
    count = Content.from_markup(
        "[b $text-error]$misses[/] [dim]of $attempts[/]",
        misses=str(missed.misses),
        attempts=str(missed.attempts),
    )
    prompt = Content(prompt_of(missed.question))
    if with_deck:
        prompt += Content.styled(f" · {missed.deck.title}", "dim")
    return count, prompt


class StatsScreen(Screen[None]):
    """The statistics of `decks` in `database`; escape goes back to where the learner was.

    The screen shows at once; a thread worker gathers the figures (a million answers
    take a while to read) and the boxes are drawn when they arrive.
    """

    CSS_PATH = "stats.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [("escape", "dismiss", "Back")]

    @dataclass
    class Gathered(Message):
        """A worker read the figures, or `error` says why it could not."""

        statistics: Statistics | None
        error: str = ""

    def __init__(self, database: Database, decks: Sequence[Deck], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.database = database
        self.decks = tuple(decks)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Label("Reading the history…", id="reading", classes="empty")
        yield Footer()

    def on_mount(self) -> None:
        self._gather(self.database, self.decks)

    # Described, or Textual describes it by repr-ing its arguments (a big deck: seconds).
    @work(thread=True, description="gathering the statistics")
    def _gather(self, database: Database, decks: tuple[Deck, ...]) -> None:
        """In a thread: read every figure, touch no widget, post them."""
        try:
            with cycle_collector_paused(), own_connection(database) as reader:  # quiz.collector
                now = reader.now()
                statistics = gather_statistics(reader, decks, now, per_question=MAX_ROWS)
                # The screen draws the trends, not the runs they come from: a heavy
                # history's 50,000 runs would stay as long as it shows, for the collector
                # to walk; dropped before it resumes, which would walk them once more.
                statistics = statistics._replace(runs=())
        except StoreError as exc:
            self.post_message(self.Gathered(None, str(exc)))
        else:
            self.post_message(self.Gathered(statistics))

    @on(Gathered)
    def _gathered(self, message: Gathered) -> None:
        if message.statistics is None:
            self.query_one("#reading", Label).update("The history could not be read.")
            self.notify(message.error, title="Statistics", severity="error")
            return
        self.statistics = message.statistics
        self.query_one("#reading").remove()
        self.query_one("#body").mount_all(self._boxes())

    def _boxes(self) -> list[Widget]:
        return [
            self._box("Quiz scores, oldest first", "scores", self._scores()),
            self._box("Reviews and quiz answers per day, last year", "calendar", self._calendar()),
            Horizontal(
                self._box(f"Reviews per day, last {CHART_DAYS} days", "reviews", self._days()),
                self._box("Retention", "retention", self._retention()),
                id="study",
            ),
            self._box("Most missed", "missed", self._missed()),
            self._box("Per question, hardest first", "questions", self._questions()),
        ]

    def _box(self, title: str, name: str, parts: list[Widget]) -> Vertical:
        box = Vertical(*parts, id=name, classes="box")
        box.border_title = title
        return box

    def _scores(self) -> list[Widget]:
        trends = self.statistics.trends
        if not trends:
            return [Label("No finished quizzes yet.", classes="empty")]
        return [Static(trend_text(trend), classes="trend") for trend in trends]

    def _calendar(self) -> list[Widget]:
        calendar = self.statistics.calendar
        if not calendar.total:
            return [Label(EMPTY, classes="empty")]
        return [
            Static(heatmap_text(calendar), id="heatmap"),
            *(Label(line, classes="calendar-figures") for line in summary_lines(calendar)),
        ]

    def _days(self) -> list[Widget]:
        days = self.statistics.days
        counts = [day.reviews for day in days]
        chart = Content.styled("\n".join(bars(counts, max(counts), height=3)), "$accent")
        total = self.statistics.reviews_in_chart
        from_anki = self.statistics.anki_in_chart
        return [
            Static(chart, id="day-bars"),
            Label(day_axis(days[0].day, len(days)), id="day-axis"),
            Label(f"{plural(total, 'review')} · most in a day: {max(counts)}", id="day-total"),
            *([Label(f"{from_anki} of them in Anki", id="day-anki")] if from_anki else []),
        ]

    def _retention(self) -> list[Widget]:
        """The share of reviews recalled, big, over a gauge of it."""
        retention = self.statistics.retention
        if not retention.reviews:
            return [Label("No reviews yet.", classes="empty")]
        share = figures.percent(100 * retention.recalled / retention.reviews)
        gauge = ProgressBar(
            total=retention.reviews, show_percentage=False, show_eta=False, id="recalled"
        )
        gauge.progress = retention.recalled
        return [
            Digits(share, id="share"),
            gauge,
            Label(recalled(retention.recalled, retention.reviews), id="recall"),
        ]

    def _missed(self) -> list[Widget]:
        missed = self.statistics.missed
        if not missed:
            return [Label("Nothing missed yet.", classes="empty")]
        with_deck = len({m.deck.id for m in missed}) > 1
        cells: list[Widget] = [
            Label("Missed", classes="column"),
            Label("Question", classes="column"),
        ]
        for entry in missed:
            count, prompt = missed_cells(entry, with_deck)
            cells += [Label(count, classes="count"), Static(prompt, classes="prompt")]
        return [Grid(*cells, id="missed-table")]

    def _questions(self) -> list[Widget]:
        questions = self.statistics.questions
        if not questions:
            return [Label("No quiz answers yet.", classes="empty")]
        asked = self.statistics.questions_asked
        return [QuestionFiguresTable(questions, asked, id="question-figures")]
