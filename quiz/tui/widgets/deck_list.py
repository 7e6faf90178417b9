"""The decks to pick from, each with its question counts and its best and last scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.deck.model import Deck
from quiz.play import figures
from quiz.store.history import DeckScores


def deck_prompt(deck: Deck, scores: DeckScores | None) -> Content:
    """Three lines: the title, the questions by type, the scores (deck text kept literal)."""
    counts = " · ".join(f"{n} {kind}" for kind, n in deck.count_by_type().items())
    if scores is None:
        played = "not played yet"
    else:
        runs = "1 run" if scores.runs == 1 else f"{scores.runs} runs"
        played = (
            f"best {figures.percent(scores.best)} · last {figures.percent(scores.last)} · {runs}"
        )
    return Content.from_markup(
        "[b]$title[/b]\n[dim]$total questions: $counts[/dim]\n[$accent]$played[/]",
        title=deck.title,
        total=str(len(deck.questions)),
        counts=counts,
        played=played,
    )


class DeckList(OptionList):
    """One option per deck; Enter or a click posts `OptionList.OptionSelected`."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Choose deck")]

    def __init__(self, decks: Sequence[Deck], *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.decks = tuple(decks)

    def show_scores(self, scores: Mapping[str, DeckScores]) -> None:
        """Redraw every deck with `scores`, keeping the highlighted one."""
        highlighted = self.highlighted
        self.clear_options()
        for number, deck in enumerate(self.decks):
            if number:
                self.add_option(None)  # a rule between decks
            self.add_option(Option(deck_prompt(deck, scores.get(deck.id)), id=deck.id))
        self.highlighted = highlighted if highlighted is not None else 0

    def deck(self, option_id: str | None) -> Deck:
        """The deck an option shows."""
        return next(deck for deck in self.decks if deck.id == option_id)
