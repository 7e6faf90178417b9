"""How study numbers read, the same on every screen and in `quiz stats`. Pure text.

Intervals read as Anki writes them on its buttons ("10m", "3h", "2d", "1.5mo", "1.2y").
Bars are drawn from eighths of a block on a fixed scale from zero, not stretched between
the smallest and largest value as a sparkline usually is: a run of perfect scores must
look full, and a day without reviews must look empty. Knows nothing of the store or UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from quiz.words import plural

BLOCKS = "▁▂▃▄▅▆▇█"
"""One to eight eighths of a character cell, bottom up."""

_MINUTE = 60.0
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR
_MONTH = 30 * _DAY
_YEAR = 365 * _DAY


def interval(span: timedelta) -> str:
    """`span` in its largest sensible unit: `1m` (at least), `3h`, `2d`, `1.5mo`, `1.2y`."""
    seconds = span.total_seconds()
    if seconds < _HOUR - _MINUTE / 2:
        return f"{max(1, round(seconds / _MINUTE))}m"
    if seconds < _DAY - _HOUR / 2:
        return f"{round(seconds / _HOUR)}h"
    if seconds < _MONTH:
        return f"{round(seconds / _DAY)}d"
    if seconds < _YEAR:
        return f"{seconds / _MONTH:.1f}".removesuffix(".0") + "mo"
    return f"{seconds / _YEAR:.1f}".removesuffix(".0") + "y"


def wait(span: timedelta) -> str:
    """`interval`, but a wait under ten minutes keeps its half minute (`5.5m`, Hard on a new
    card): a rating button says exactly the wait it saves, and its steps are whole or half
    minutes; any other wait it shows is whole days, read as `interval` reads them."""
    minutes = span.total_seconds() / _MINUTE
    if 1 <= minutes < 10:
        return f"{round(minutes * 2) / 2:.1f}".removesuffix(".0") + "m"
    return interval(span)


def due_in(span: timedelta) -> str:
    """When a card is due, seen from now: `now` once it is due, else `in 3h`."""
    return "now" if span <= timedelta(0) else f"in {interval(span)}"


def bars(values: Sequence[float], top: float, height: int = 1) -> list[str]:
    """A bar chart, one character per value and `height` lines, top line first.

    A value of `top` fills every line; any value above zero shows at least one eighth,
    so a day with one review is never mistaken for a day with none.
    """
    eighths = [_eighths(value, top, height) for value in values]
    return [
        "".join(_cell(filled - 8 * line) for filled in eighths)
        for line in range(height - 1, -1, -1)
    ]


def _eighths(value: float, top: float, height: int) -> int:
    if value <= 0 or top <= 0:
        return 0
    return max(1, min(8 * height, round(8 * height * value / top)))


def _cell(eighths: int) -> str:
    """The character for a line of a bar that reaches `eighths` above the line's floor."""
    if eighths <= 0:
        return " "
    return BLOCKS[min(eighths, 8) - 1]


def recalled(recalled: int, reviews: int) -> str:
    """`2 of 3 reviews recalled`: the retention's counts."""
    return f"{recalled:,} of {plural(reviews, 'review')} recalled"


def day_axis(first: date, width: int) -> str:
    """The line under a chart of days: its first day on the left, `today` on the right."""
    start = f"{first:%b} {first.day}"
    return f"{start:<{max(width - len('today'), len(start) + 1)}}today"
