"""The calendar of reviews: a year of answers per learner's day, the streak, the busiest day,
and the heat map's text, from a real store."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from quiz.store.activity import Activity
from quiz.store.database import Database
from quiz.study.heatmap import EMPTY, heatmap_lines, month_labels, summary_lines
from quiz.study.review_calendar import Busiest, ReviewCalendar, review_calendar
from tests.year_history import TODAY, a_year, add_history

MONDAY = date(2026, 1, 5)


def ago(days: int, hours: int = 1) -> datetime:
    return TODAY - timedelta(days=days, hours=hours)


def calendar_of(db: Database, *days: tuple[datetime, int, int]) -> ReviewCalendar:
    if days:
        add_history(db, days)
    return review_calendar(db, TODAY, tz=UTC)


def test_an_empty_history_is_53_empty_weeks(db: Database) -> None:
    calendar = calendar_of(db)
    assert calendar.first == date(2025, 1, 6)  # the Monday 52 weeks before this Monday
    assert calendar.today == MONDAY
    assert len(calendar.days) == 52 * 7 + 1
    assert (calendar.total, calendar.streak, calendar.busiest) == (0, 0, None)
    assert summary_lines(calendar) == [EMPTY]


def test_today_not_yet_studied_keeps_yesterdays_streak(db: Database) -> None:
    calendar = calendar_of(db, (ago(1), 2, 1), (ago(2), 1, 0), (ago(4), 0, 3))
    assert calendar.streak == 2
    assert calendar.days_studied == 3
    assert calendar.busiest == Busiest(date(2026, 1, 4), 3)  # the latest of the busiest


def test_a_day_without_answers_ends_the_streak(db: Database) -> None:
    calendar = calendar_of(db, (ago(0), 1, 0), (ago(2), 5, 0), (ago(3), 5, 0))
    assert calendar.streak == 1
    assert calendar.busiest == Busiest(date(2026, 1, 3), 5)
    assert summary_lines(calendar) == [
        "11 answers on 3 days: 11 in study, 0 in quizzes",
        "Current streak: 1 day · busiest day: Sat 3 Jan 2026, 5 answers",
    ]


def test_a_streak_as_long_as_the_calendar_may_be_longer(db: Database) -> None:
    calendar = calendar_of(db, *((ago(back), 1, 0) for back in range(1, 400)))
    assert calendar.streak == len(calendar.days) - 1  # today not studied yet
    assert calendar.streak_is_longer
    assert summary_lines(calendar)[1].startswith("Current streak: 364 days or more ·")


def test_days_are_the_learners_days_and_count_reviews_and_quiz_answers(db: Database) -> None:
    late = datetime(2026, 1, 4, 23, 30, tzinfo=UTC)
    add_history(db, [(late, 2, 1), (late - timedelta(days=400), 1, 1)])
    add_history(db, [(late, 4, 0)], deck_id="other")
    in_utc = review_calendar(db, TODAY, tz=UTC)
    assert in_utc.days[-2:] == (Activity(6, 1), Activity())
    in_algiers = review_calendar(db, TODAY, tz=timezone(timedelta(hours=1)))
    assert in_algiers.days[-2:] == (Activity(), Activity(6, 1))  # 00:30 on Monday there
    one_deck = review_calendar(db, TODAY, deck_id="other", tz=UTC)
    assert one_deck.total == 4
    assert in_utc.total == 7  # the answers 400 days ago are before the calendar


@pytest.mark.parametrize("first", [date(2025, 1, 6), date(2024, 12, 2), date(2025, 3, 31)])
def test_month_names_stand_over_the_week_a_month_begins_and_never_touch(first: date) -> None:
    line = month_labels(first, 53)
    assert len(line) <= 53 + 2  # a month begun in the last week runs past the grid
    names = line.split()
    assert len(names) in (12, 13)
    assert {len(name) for name in names} == {3}  # a space between every two
    for found in list(re.finditer(r"\w+", line))[1:]:
        position, name = found.start(), found.group()
        week = first + timedelta(weeks=position)
        assert f"{week + timedelta(days=6):%b}" == name
        assert (week + timedelta(days=6)).day <= 7  # the month's first day is in that week


def test_the_heat_map_fits_80_columns_and_shades_by_the_busiest_day(db: Database) -> None:
    calendar = calendar_of(db, *a_year())
    lines = heatmap_lines(calendar)
    assert max(map(len, lines)) == 58  # January's name runs past the grid by one
    assert lines[0].startswith("       Feb Mar  Apr")  # January begins too late to be named
    assert lines[0].endswith("Dec Jan")
    assert [line[:4] for line in lines[1:8]] == [
        "Mon ",
        *["    ", "Wed ", "    ", "Fri "],
        *["    "] * 2,
    ]
    today, busiest = lines[1][-1], lines[2][4 + 52 - 13]  # Tue 7 Oct: 13 weeks back
    assert (today, busiest) == ("░", "█")
    assert lines[2][-2] == "·"  # Tue 30 Dec, the day before the streak
    assert lines[2][-1] == " "  # tomorrow
    assert lines[8].endswith("less ·░▒▓█ more")
    inside = [day for day in a_year() if day[0].date() >= calendar.first]
    reviews, answers = sum(day[1] for day in inside), sum(day[2] for day in inside)
    assert (len(inside), reviews, answers) == (340, 1_831, 183)
    assert summary_lines(calendar) == [
        "2,014 answers on 340 days: 1,831 in study, 183 in quizzes",
        "Current streak: 6 days · busiest day: Tue 7 Oct 2025, 24 answers",
    ]
