"""How scores and times read, the same on every screen and in `quiz stats`. Pure text."""

from __future__ import annotations

from datetime import datetime


def points(value: float) -> str:
    """`4` for whole points, `4.5` or `4.33` for partial ones."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent(value: float) -> str:
    return f"{value:.0f}%"


def score(earned: float, possible: float) -> str:
    """`4.5 / 6`."""
    return f"{points(earned)} / {points(possible)}"


def when(moment: datetime) -> str:
    """`2026-01-05 10:30`: a saved time, in the learner's own time zone."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def duration(seconds: float) -> str:
    """`2:05`, or `1:02:05` past an hour."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
