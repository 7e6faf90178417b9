"""A year of the learner's answers, day by day, for the calendar of reviews (a heat map).

Counted as Anki counts the reviews of its heat map, where every answer of a card is a
review, learning steps and lapses included: each rating in study is one, and so is each
answer to a question in a quiz (a retry of missed questions too), since answering a
question is recalling it; a rating taken back with undo is no longer in the store and no
longer counted. Days are the learner's local calendar days (`quiz.study.times`), weeks
run Monday to Sunday, and the calendar is the 53 weeks up to this one, this week ending
today. Nothing here knows about Textual.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

from quiz.store.activity import Activity, activity
from quiz.store.database import Database
from quiz.study.times import local_day, start_of_day

WEEKS = 53
"""The calendar's columns: a year and the part of a week on each side of it."""


class Busiest(NamedTuple):
    """The day with the most answers; the latest of equally busy days."""

    day: date
    answers: int


class ReviewCalendar(NamedTuple):
    """The activity of every day from `first` (a Monday) to `today`, in order."""

    first: date
    days: tuple[Activity, ...]

    @property
    def today(self) -> date:
        return self.first + timedelta(days=len(self.days) - 1)

    @property
    def totals(self) -> list[int]:
        return [day.total for day in self.days]

    @property
    def total(self) -> int:
        return sum(self.totals)

    @property
    def days_studied(self) -> int:
        return sum(1 for count in self.totals if count)

    @property
    def streak(self) -> int:
        """Days in a row with an answer, up to today, or up to yesterday while today has none
        yet: the day is not over, so an unstudied morning does not end the streak."""
        totals = self.totals
        if not totals[-1]:
            totals.pop()
        run = 0
        for count in reversed(totals):
            if not count:
                break
            run += 1
        return run

    @property
    def streak_is_longer(self) -> bool:
        """The streak goes back to the calendar's first day: it may have begun before it."""
        counted = len(self.days) if self.days[-1].total else len(self.days) - 1
        return 0 < self.streak == counted

    @property
    def busiest(self) -> Busiest | None:
        """The busiest day, None while no day has an answer."""
        totals = self.totals
        most = max(totals)
        if not most:
            return None
        latest = len(totals) - 1 - totals[::-1].index(most)
        return Busiest(self.first + timedelta(days=latest), most)


def review_calendar(
    db: Database, now: datetime, *, deck_id: str | None = None, tz: tzinfo | None = None
) -> ReviewCalendar:
    """The calendar up to the learner's day at `now`, of the deck `deck_id` or of all."""
    today = local_day(now, tz)
    first = today - timedelta(days=today.weekday() + 7 * (WEEKS - 1))
    days = [first + timedelta(days=n) for n in range((today - first).days + 2)]
    return ReviewCalendar(
        first, tuple(activity(db, [start_of_day(day, tz) for day in days], deck_id=deck_id))
    )
