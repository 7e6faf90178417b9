"""How intervals and bar charts read: Anki's units, and bars on a fixed scale from zero."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from quiz.study.figures import bars, day_axis, due_in, interval, wait


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (timedelta(seconds=10), "1m"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=5, seconds=30), "6m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=59), "59m"),
        (timedelta(minutes=59, seconds=45), "1h"),
        (timedelta(hours=3, minutes=20), "3h"),
        (timedelta(hours=23, minutes=40), "1d"),
        (timedelta(days=2), "2d"),
        (timedelta(days=29), "29d"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=60), "2mo"),
        (timedelta(days=438), "1.2y"),
        (timedelta(days=730), "2y"),
    ],
)
def test_an_interval_reads_in_its_largest_unit(span: timedelta, text: str) -> None:
    assert interval(span) == text


def test_due_in_says_now_once_the_moment_has_come() -> None:
    assert due_in(timedelta(0)) == "now"
    assert due_in(timedelta(minutes=-5)) == "now"
    assert due_in(timedelta(hours=3)) == "in 3h"


def test_bars_stand_on_a_fixed_scale_from_zero() -> None:
    assert bars([0, 50, 100], 100) == [" ▄█"]
    assert bars([100, 100, 100], 100) == ["███"]  # perfect scores look full, not flat
    assert bars([0.4, 1], 100) == ["▁▁"]  # anything above zero shows
    assert bars([5, 5], 0) == ["  "]


def test_taller_bars_fill_line_by_line() -> None:
    assert bars([0, 1, 2, 3, 4, 6], 6, height=2) == [
        "    ▃█",
        " ▃▅███",
    ]
    assert bars([3], 3, height=3) == ["█", "█", "█"]


def test_the_day_axis_spans_the_chart() -> None:
    assert day_axis(date(2025, 12, 7), 30) == "Dec 7" + " " * 20 + "today"
    assert day_axis(date(2025, 12, 7), 3) == "Dec 7 today"


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=5, seconds=30), "5.5m"),
        (timedelta(minutes=10), "10m"),
        (timedelta(minutes=15), "15m"),
        (timedelta(days=8), "8d"),
    ],
)
def test_a_rating_button_keeps_the_half_minute(span: timedelta, text: str) -> None:
    assert wait(span) == text
