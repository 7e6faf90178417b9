"""How an instant is kept in the store: fixed-width UTC ISO text, so text order is time order.

Instants are UTC everywhere: the scheduler refuses anything else, and a naive time is a
bug wherever it comes from. Nothing here knows about study or the UI.
"""

from __future__ import annotations

from datetime import UTC, datetime


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
