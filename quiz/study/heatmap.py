"""The calendar of reviews drawn as text: the same lines on the statistics screen and in
`quiz stats`. Pure text.

One column per week (53, oldest on the left, this week on the right) and one row per
weekday, Monday on top, as Anki and most calendars of activity draw it; month names
over the week in which a month begins. It is 57 characters wide with its weekday names
(59 when a month begins in one of the last two weeks), so it fits an 80-column terminal
inside a box. A day's shade says how busy it was next
to the busiest day: `·` none, then `░▒▓█` up to a quarter, a half, three quarters and all
of the busiest day's answers; the days after today are blank.
"""

from __future__ import annotations

from datetime import date, timedelta
from math import ceil

from quiz.study.review_calendar import ReviewCalendar
from quiz.words import plural

SHADES = "·░▒▓█"
"""No answer, then four shades up to the busiest day."""

WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "")
"""Every other weekday named, as Anki names them: a row per weekday reads without all seven."""

MARGIN = 4
"""The width of the weekday names and the space after them."""

EMPTY = "No reviews or quiz answers in the last year."


def heatmap_lines(calendar: ReviewCalendar) -> list[str]:
    """The month names, the seven rows of days and the legend, top to bottom."""
    totals = calendar.totals
    top = max(totals)
    rows = [[" "] * _weeks(calendar) for _ in WEEKDAYS]
    for offset, count in enumerate(totals):
        rows[offset % 7][offset // 7] = _shade(count, top)
    width = MARGIN + _weeks(calendar)
    return [
        " " * MARGIN + month_labels(calendar.first, _weeks(calendar)),
        *(f"{name:<{MARGIN}}{''.join(row)}" for name, row in zip(WEEKDAYS, rows, strict=True)),
        f"less {SHADES} more".rjust(width),
    ]


def summary_lines(calendar: ReviewCalendar) -> list[str]:
    """How many answers, on how many days, the current streak and the busiest day."""
    total, busiest = calendar.total, calendar.busiest
    if busiest is None:
        return [EMPTY]
    reviews = sum(day.reviews for day in calendar.days)
    streak = plural(calendar.streak, "day") + (" or more" if calendar.streak_is_longer else "")
    return [
        f"{plural(total, 'answer')} on {plural(calendar.days_studied, 'day')}:"
        f" {reviews:,} in study, {total - reviews:,} in quizzes",
        f"Current streak: {streak} · busiest day: {day_name(busiest.day)},"
        f" {plural(busiest.answers, 'answer')}",
    ]


def month_labels(first: date, weeks: int) -> str:
    """Each month's short name over the week its first day falls in, where it fits with a
    space before the next; the first week is named after its month when there is room.
    A name over one of the last two weeks runs past the grid's right edge."""
    sundays = [first + timedelta(weeks=week, days=6) for week in range(weeks)]
    labels = [(week, f"{sunday:%b}") for week, sunday in enumerate(sundays) if sunday.day <= 7]
    if not labels or labels[0][0] > MARGIN - 1:
        labels.insert(0, (0, f"{first:%b}"))
    line = ""
    for week, name in labels:
        if not line or len(line) < week:
            line = f"{line:<{week}}{name}"
    return line


def day_name(day: date) -> str:
    """`Tue 3 Mar 2026`: unambiguous in every country."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def _weeks(calendar: ReviewCalendar) -> int:
    return ceil(len(calendar.days) / 7)


def _shade(count: int, top: int) -> str:
    return SHADES[ceil(4 * count / top)] if count else SHADES[0]
