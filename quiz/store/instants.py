"""How an instant is kept in the store: fixed-width UTC ISO text, so text order is time order.

Instants are UTC everywhere: the scheduler refuses anything else, and a naive time is a
bug wherever it comes from. Nothing here knows about study or the UI.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MILLISECOND = timedelta(milliseconds=1)


def as_utc(moment: datetime) -> datetime:
    """`moment` in `datetime.UTC` (which is `timezone.utc`); naive is a bug."""
    if moment.utcoffset() is None:
        raise ValueError(f"instants must be timezone-aware, got {moment!r}")
    return moment.astimezone(UTC)


def timestamp(moment: datetime) -> str:
    """The stored form of an instant."""
    return as_utc(moment).isoformat(timespec="microseconds")


def from_timestamp(text: str) -> datetime:
    """An instant read back from the store."""
    return as_utc(datetime.fromisoformat(text))


def millis(moment: datetime) -> int:
    """Whole milliseconds since 1970 (rounded down), in integers: Anki's review-log ids.

    Not `timestamp() * 1000`: a time of whole milliseconds can come out a hair below
    its value as a float and lose one, and then a review would not be known again.
    """
    return (as_utc(moment) - EPOCH) // MILLISECOND


def from_millis(value: int) -> datetime:
    """The instant `value` milliseconds after 1970, exactly (`millis` gives it back)."""
    return EPOCH + value * MILLISECOND
