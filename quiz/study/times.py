"""Calendar days for study: the learner's day that an instant falls on, and where it begins.

Instants are UTC everywhere (`quiz.store.instants`). "Today", for the daily new-card
limit and reviews per day, is the learner's local calendar day: a learner in UTC-8
should not see the day roll over at 4 p.m. Callers may pass the zone (`tz`); `None`
means the computer's local zone. Nothing here knows about the UI.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from quiz.store.instants import as_utc


def local_day(moment: datetime, tz: tzinfo | None = None) -> date:
    """The learner's calendar day that `moment` falls on."""
    return as_utc(moment).astimezone(tz).date()


def start_of_day(day: date, tz: tzinfo | None = None) -> datetime:
    """The UTC instant at which the learner's calendar day `day` begins."""
    midnight = datetime.combine(day, time())
    local = midnight.replace(tzinfo=tz) if tz is not None else midnight.astimezone()
    return as_utc(local)


def days_back(moment: datetime, count: int, tz: tzinfo | None = None) -> list[date]:
    """The `count` calendar days ending with the one `moment` falls on, oldest first."""
    today = local_day(moment, tz)
    return [today - timedelta(days=back) for back in range(count - 1, -1, -1)]
