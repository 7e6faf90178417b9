"""Fitting FSRS's parameters to the learner's own reviews, with the Rust optimizer that Anki
itself runs (fsrs-rs, through its Python bindings `fsrs_rs_python`, an optional extra).

The only module that imports `fsrs_rs_python`, and only inside its functions: without the
extra everything else works and `available()` says so. Why this optimizer and not the
`fsrs` package's own (which needs PyTorch): the same reviews give Anki's parameters to
the last digit, in a hundredth of a second instead of twenty, and it weighs about 2 MB
instead of 1 GB (README.md, "Your own parameters", has the numbers).

A card's reviews become FSRS's training items as Anki and fsrs-rs build them: one item
per review after the first, holding every review of the card up to it, each with the days
since the one before (0 on the same day, learning steps included), kept when one of its
reviews came a day or more after the one before (an item of one day says nothing about
memory across days, and fsrs-rs refuses it). Days are the learner's, and begin at 4 a.m.
as Anki's do (`ANKI_DAY_BEGINS`), so the items match Anki's for the same reviews. Nothing
here knows about the store or Textual.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from quiz.store.progress import ANKI_DAY_BEGINS, PastReview
from quiz.study.times import local_day

INSTALL = (
    "Fitting FSRS's parameters needs the optimizer extra: pip install '.[optimizer]' in your"
    " clone of quiz, or pip install fsrs-rs-python."
)
"""What to say when `fsrs_rs_python` is missing: one sentence, with the command."""

Item = tuple[tuple[int, int], ...]
"""A training item: (rating, days since the card's previous review) for each review."""


class OptimizerMissing(Exception):
    """The optimizer extra is not installed; the message is `INSTALL`."""


@dataclass(frozen=True, slots=True)
class Evaluation:
    """How well a set of parameters predicts the reviews, as Anki's optimizer reports it:
    log loss, and the RMSE between predicted and actual recall over bins (0 to 1)."""

    log_loss: float
    rmse: float


@dataclass(frozen=True, slots=True)
class Fit:
    """The optimizer's answer for a deck: its parameters and both evaluations.

    `fitted` is False when FSRS found too few reviews to fit anything and handed back
    the parameters it started from.
    """

    parameters: tuple[float, ...]
    before: Evaluation
    after: Evaluation
    fitted: bool

    @property
    def better(self) -> bool:
        """The new parameters predict the reviews better (lower log loss)."""
        return self.fitted and self.after.log_loss < self.before.log_loss


def available() -> bool:
    """Whether the optimizer extra is installed (found without importing it)."""
    return importlib.util.find_spec("fsrs_rs_python") is not None


def training_items(cards: Iterable[Sequence[PastReview]], tz: tzinfo | None = None) -> list[Item]:
    """Every card's reviews (oldest first) as FSRS's training items."""
    items: list[Item] = []
    for reviews in cards:
        steps: list[tuple[int, int]] = []
        previous = None
        for review in reviews:
            day = local_day(review.reviewed_at - ANKI_DAY_BEGINS, tz)
            steps.append((review.rating, 0 if previous is None else (day - previous).days))
            previous = day
        items += [tuple(steps[: end + 1]) for end in range(1, len(steps))]
    return [item for item in items if any(days for _, days in item[1:])]


def fit(items: Sequence[Item], current: Sequence[float] | None = None) -> Fit:
    """Fit parameters to `items` (never empty), and evaluate them and `current` (None:
    FSRS's defaults) on the same items. OptimizerMissing without the extra."""
    try:
        import fsrs_rs_python as rs
    except ImportError:
        raise OptimizerMissing(INSTALL) from None
    start = list(rs.DEFAULT_PARAMETERS if current is None else current)
    train = [rs.FSRSItem([rs.FSRSReview(rating, days) for rating, days in item]) for item in items]
    fitted = list(rs.FSRS(start).compute_parameters(train))
    before, after = (rs.FSRS(parameters).evaluate(train) for parameters in (start, fitted))
    return Fit(
        parameters=tuple(fitted),
        before=Evaluation(before.log_loss, before.rmse_bins),
        after=Evaluation(after.log_loss, after.rmse_bins),
        fitted=fitted != list(rs.DEFAULT_PARAMETERS),
    )
