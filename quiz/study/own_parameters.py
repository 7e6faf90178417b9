"""A deck's own FSRS parameters: fitted to the learner's reviews of it, kept in the store when
they predict those reviews better, and said in words for `quiz study --optimize` and the
study options' button alike.

As in Anki, the fit starts from the deck's current parameters and is judged on the same
reviews: new parameters are kept only when their log loss is lower, otherwise the deck
keeps the ones it has. Nothing here knows about Textual.
"""

from __future__ import annotations

from datetime import tzinfo

from quiz.store.database import Database
from quiz.store.progress import deck_reviews
from quiz.store.study_settings import save_parameters
from quiz.study.deck_settings import deck_settings
from quiz.study.optimizer import Evaluation, Fit, fit, training_items
from quiz.words import plural

TOO_FEW = (
    "{reviews} too few for FSRS to fit parameters (it needs reviews made a day or more after"
    " the card's previous one: 8 at least, beyond the 20 or so of each first rating that it"
    " sets aside as unusual, and 64 to fit them all); the deck keeps its parameters."
)


def optimize_deck(db: Database, deck_id: str, tz: tzinfo | None = None) -> tuple[int, Fit | None]:
    """Fit the deck's parameters to its reviews and keep them if they are better.

    Returns how many training items the reviews made (reviews made a day or more after
    an earlier one of the same card) and the fit, None when there were none at all.
    StoreError if the store fails, OptimizerMissing without the extra.
    """
    items = training_items(deck_reviews(db, deck_id).values(), tz)
    if not items:
        return 0, None
    result = fit(items, deck_settings(db, deck_id).parameters)
    if result.better:
        save_parameters(db, deck_id, result.parameters)
    return len(items), result


def fit_sentence(reviews: int, result: Fit | None) -> str:
    """What the fit did, in one sentence with Anki's two measures before and after."""
    counted = f"{plural(reviews, 'review')} on later days"
    if result is None or not result.fitted:
        return TOO_FEW.format(reviews=f"{counted} {'is' if reviews == 1 else 'are'}")
    figures = f"{_measures(result.before)} before, {_measures(result.after)} after"
    if result.better:
        return f"Fitted to {counted}: {figures}; the deck now schedules with them."
    return f"Fitted to {counted}: {figures}; no better, so the deck keeps its parameters."


def _measures(evaluation: Evaluation) -> str:
    return f"log loss {evaluation.log_loss:.4f}, RMSE {100 * evaluation.rmse:.2f}%"
