"""How scores and times read."""

from __future__ import annotations

from quiz.play import figures


def test_points_drop_needless_decimals() -> None:
    assert [figures.points(v) for v in (4.0, 4.5, 13 / 3, 0.0)] == ["4", "4.5", "4.33", "0"]


def test_score_and_percent() -> None:
    assert figures.score(4.5, 6) == "4.5 / 6"
    assert figures.percent(200 / 3) == "67%"


def test_durations() -> None:
    assert [figures.duration(s) for s in (0, 59.9, 125, 3725)] == [
        "0:00",
        "0:59",
        "2:05",
        "1:02:05",
    ]
