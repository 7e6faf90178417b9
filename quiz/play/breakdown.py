"""Results grouped by section and by tag, from the answers of one run. Pure; no UI."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from quiz.deck.model import AnyQuestion
from quiz.play.scoring import Verdict


@dataclass(frozen=True, slots=True)
class Tally:
    """Points earned out of questions asked, for one section or tag."""

    name: str
    points: float
    asked: int

    @property
    def percent(self) -> float:
        return 100 * self.points / self.asked if self.asked else 0.0


Scored = tuple[AnyQuestion, Verdict]


def by_section(answers: Iterable[Scored]) -> tuple[Tally, ...]:
    """One tally per section, in first-asked order; questions without a section are left out."""
    return _tally(answers, lambda q: (q.section,) if q.section else ())


def by_tag(answers: Iterable[Scored]) -> tuple[Tally, ...]:
    """One tally per tag, in first-asked order; a question counts once for each of its tags."""
    return _tally(answers, lambda q: q.tags)


def _tally(
    answers: Iterable[Scored], groups: Callable[[AnyQuestion], tuple[str, ...]]
) -> tuple[Tally, ...]:
    points: dict[str, float] = {}
    asked: dict[str, int] = {}
    for question, verdict in answers:
        for name in groups(question):
            points[name] = points.get(name, 0.0) + verdict.points
            asked[name] = asked.get(name, 0) + 1
    return tuple(Tally(name, points[name], asked[name]) for name in points)
