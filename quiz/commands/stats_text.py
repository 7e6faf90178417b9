"""What `quiz stats` prints: the quiz history as a plain table, then the study figures as
text charts, or each question's figures; and the learners of `quiz serve --learners`.

Apart from the command (`quiz.commands.stats`) so that a history that holds nothing yet
is told so without loading the figures' machinery. Must not import Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from contextlib import closing

from quiz.commands import readable_decks
from quiz.commands.stats import NOTHING_YET
from quiz.deck import Deck
from quiz.deck.errors import display_path, shown
from quiz.play import figures
from quiz.store.database import Database, StoreError, utc_now
from quiz.store.history import SessionRow
from quiz.study.figures import bars, day_axis, recalled
from quiz.study.statistics import (
    CHART_DAYS,
    Missed,
    ScoreTrend,
    Statistics,
    Suspended,
    gather_statistics,
)
from quiz.words import plural

COLUMNS = ("Deck", "Date", "Score", "Percent")
LEARNER_COLUMNS = ("Learner", "Quizzes", "Last score", "Reviews")
MAX_TITLE = 40
TREND_RUNS = 40
"""A deck's score line shows its last 40 finished quizzes, one character each."""

CHART_HEIGHT = 3

NO_ANSWERS = "  no quiz answers yet"

QUESTIONS_HINT = "Each question's figures and wrong picks: quiz stats --questions"


def report(database: Database, args: argparse.Namespace) -> int:
    """Print the runs and figures saved in `database`, or each question's with --questions."""
    decks = readable_decks(args.paths)
    if args.questions:
        return print_questions(database, [deck for deck in decks if args.deck in (None, deck.id)])
    statistics = gather_statistics(database, decks, utc_now(), deck_id=args.deck)
    rows = statistics.runs
    print(table(rows) if rows else NOTHING_YET)
    sections = (
        trends_text(statistics.trends),
        calendar_text(statistics),
        reviews_text(statistics),
        missed_text(statistics.missed),
        suspended_text(statistics.suspended),
        QUESTIONS_HINT if rows else "",
    )
    for section in filter(None, sections):
        print(f"\n{section}")
    return 0


def print_learners() -> int:
    """One line per learner with a history: name, quizzes, last score, reviews."""
    from quiz.store.learners import known_learners, summary  # only --learners lists them

    learners = known_learners()
    if not learners:
        print("No learners yet (quiz serve --learners asks each tab for a name).")
        return 0
    rows: list[tuple[str, ...]] = [LEARNER_COLUMNS]
    for learner in learners:
        try:
            with closing(Database(learner.store)) as database:
                found = summary(database)
        except StoreError as exc:
            print(f"quiz: error: {shown(learner.name)}: {exc}", file=sys.stderr)
            return 1
        last = "-" if found.last_percent is None else figures.percent(found.last_percent)
        rows.append((shown(learner.name), str(found.quizzes), last, str(found.reviews)))
    print(aligned(rows, left=1))
    return 0


def print_questions(database: Database, decks: Sequence[Deck]) -> int:
    """Per deck: its title and file, then its questions' figures (`question_lines`)."""
    if not decks:
        print("quiz: error: no deck to report on (see 'quiz check' and --deck)", file=sys.stderr)
        return 1
    # Imported here: reading stored answers back loads the answer checking, which the
    # plain report does not need.
    from quiz.question_report import question_lines
    from quiz.store.question_stats import question_stats

    stats = [question_stats(database, deck.id) for deck in decks]
    sections = [
        "\n".join([deck_heading(deck), *(question_lines(deck, found) if found else [NO_ANSWERS])])
        for deck, found in zip(decks, stats, strict=True)
    ]
    print("\n\n".join(sections))
    return 0


def deck_heading(deck: Deck) -> str:
    """`Title (path)`: the path is where an author goes to edit the questions below it."""
    where = display_path(deck.path) if deck.path else deck.id
    return shown(f"{deck.title} ({where})")


def table(rows: Sequence[SessionRow]) -> str:
    """Aligned columns, newest run first; retries and unfinished runs are marked."""
    return aligned([COLUMNS, *(_cells(row) for row in rows)], left=2)


def aligned(cells: Sequence[Sequence[str]], *, left: int) -> str:
    """Columns under a ruled heading: the first `left` aligned left, the figures right."""
    widths = [max(len(line[i]) for line in cells) for i in range(len(cells[0]))]
    lines = [
        "  ".join(
            cell.rjust(width) if i >= left else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cells(row: SessionRow) -> tuple[str, str, str, str]:
    title = _short(shown(row.deck_title)) + figures.retry_mark(row)
    score = figures.score(row.score, row.max_score)
    if row.finished_at is None:
        score = f"{score} (stopped after {row.answered})"
    return title, figures.when(row.started_at), score, figures.percent(row.percent)


def _short(title: str) -> str:
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"


def trends_text(trends: Sequence[ScoreTrend]) -> str:
    """One line per deck quizzed at least twice: its scores as bars from 0 to 100%, then
    the deck list's line of its best, last, quizzes and retries (`figures.played_line`).

    A single quiz is no trend, and the table above already shows it.
    """
    shown = [trend for trend in trends if len(trend.percents) > 1]
    if not shown:
        return ""
    width = max(len(_short(trend.title)) for trend in shown)
    lines = ["Quiz scores, oldest first"]
    for trend in shown:
        [chart] = bars(trend.percents[-TREND_RUNS:], 100)
        played = figures.played_line(trend.scores)
        lines.append(f"  {_short(trend.title):<{width}}  {chart}  {played}")
    return "\n".join(lines)


def calendar_text(statistics: Statistics) -> str:
    """The year's answers per day as a heat map, the streak and the busiest day; "" while
    the year holds no answer."""
    calendar = statistics.calendar
    if not calendar.total:
        return ""
    from quiz.study.heatmap import heatmap_lines, summary_lines  # a year with answers only

    lines = [*heatmap_lines(calendar), *summary_lines(calendar)]
    title = "Reviews and quiz answers per day, last year"
    return "\n".join([title, *(f"  {line}".rstrip() for line in lines)])


def reviews_text(statistics: Statistics) -> str:
    """Reviews per day as a bar chart over the last days, then the retention; "" before
    the first review."""
    retention = statistics.retention
    if not retention.reviews:
        return ""
    counts = [day.reviews for day in statistics.days]
    chart = bars(counts, max(counts), height=CHART_HEIGHT)
    share = figures.percent(100 * retention.recalled / retention.reviews)
    return "\n".join(
        [
            f"Reviews per day, last {CHART_DAYS} days: {_total(statistics)},"
            f" most in a day: {max(counts)}",
            *(f"  {line}".rstrip() for line in chart),
            f"  {day_axis(statistics.days[0].day, len(counts))}",
            f"Retention: {share} ({recalled(retention.recalled, retention.reviews)})",
        ]
    )


def _total(statistics: Statistics) -> str:
    """`57 reviews`, and `(12 in Anki)` after it when some were merged from Anki."""
    total, from_anki = statistics.reviews_in_chart, statistics.anki_in_chart
    reviews = plural(total, "review")
    return f"{reviews} ({from_anki:,} in Anki)" if from_anki else reviews


def missed_text(missed: Sequence[Missed]) -> str:
    """The most missed questions, worst first, a prompt on one line each; "" when none."""
    if not missed:
        return ""
    from quiz.tui.text import prompt_of  # with the question classes, which it tells apart

    counts = [f"{entry.misses} of {entry.attempts}" for entry in missed]
    width = max(len(count) for count in counts)
    lines = ["Most missed (misses of attempts, quizzes and reviews)"]
    for count, entry in zip(counts, missed, strict=True):
        prompt = shown(" ".join(prompt_of(entry.question).split()))
        lines.append(f"  {count:>{width}}  {prompt}")
    return "\n".join(lines)


def suspended_text(suspended: Sequence[Suspended]) -> str:
    """Each deck with suspended cards, and how many are leeches; "" when none is."""
    if not suspended:
        return ""
    width = max(len(_short(entry.deck.title)) for entry in suspended)
    lines = ["Suspended cards (quiz study --unsuspend brings them back)"]
    for entry in suspended:
        leeches = f" ({plural(entry.leeches, 'leech', 'leeches')})" if entry.leeches else ""
        title = shown(_short(entry.deck.title))
        lines.append(f"  {title:<{width}}  {plural(entry.cards, 'card')}{leeches}")
    return "\n".join(lines)
