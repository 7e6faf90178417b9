"""The decks to pick from, each with its questions, its scores and where its study stands."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quiz.deck.model import Deck
from quiz.play import figures
from quiz.store.history import DeckScores, SessionRow
from quiz.study.figures import due_in
from quiz.study.progress import DeckProgress
from quiz.words import plural

PENDING = "…"
"""Where the scores go while the store is being read."""


def study_line(progress: DeckProgress, now: datetime) -> Content:
    """`2 due now · 3 unseen · 1 learned · 1 suspended · next due in 10m`, the cards due now
    lit up. "unseen": every card never studied, not today's allowance of new ones ("new
    today"); suspended and buried cards are named only when there are some."""
    due = Content(f"{progress.due_now} due now")
    if progress.due_now:
        due = due.stylize("$text-success bold")
    text = Content.assemble(due, f" · {progress.new} unseen · {progress.learned} learned")
    for count, name in ((progress.suspended, "suspended"), (progress.buried, "buried")):
        if count:
            text += f" · {count} {name}"
    if progress.next_due is None:
        return text
    return text + f" · next due {due_in(progress.next_due - now)}"


def type_counts(deck: Deck) -> str:
    """`3 choice · 2 text`: how many questions of each type, a pass over the whole deck."""
    return " · ".join(f"{n} {kind}" for kind, n in deck.count_by_type().items())


def resume_line(stopped: SessionRow | None) -> str:
    """`r: resume (12 of 64 answered)` under a deck whose last quiz was stopped, else nothing."""
    if stopped is None:
        return ""
    return f"\nr: resume ({stopped.answered} of {stopped.question_count} answered)"


def deck_prompt(
    deck: Deck,
    counts: str,
    played: str,
    progress: DeckProgress | None = None,
    now: datetime | None = None,
) -> Content:
    """The title with its number of questions, the `counts` by type, the `played` line and
    the study counts (deck text literal). Without a store there is no study, and the last
    line is left out. The total is beside the title so that the counts of a deck of every
    type fit 80 columns on a line of their own (after `50 questions:` they came to 79)."""
    prompt = Content.from_markup(
        "[b]$title[/b][dim] · $total[/dim]\n[dim]$counts[/dim]\n[$accent]$played[/]",
        title=deck.title,
        total=plural(len(deck.questions), "question"),
        counts=counts,
        played=played,
    )
    if progress is None or now is None:
        return prompt
    return Content("\n").join([prompt, study_line(progress, now)])


def between_rules(decks: Sequence[Deck], prompts: Iterable[Content]) -> list[Option | None]:
    """One option per deck, each with its prompt, and a rule (None) between two decks."""
    options: list[Option | None] = []
    for deck, prompt in zip(decks, prompts, strict=True):
        options += [None, Option(prompt, id=deck.id)] if options else [Option(prompt, id=deck.id)]
    return options


class DeckList(OptionList):
    """One option per deck; Enter or a click posts `OptionList.OptionSelected`."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Choose deck")]

    def __init__(self, decks: Sequence[Deck], *, id: str | None = None) -> None:
        """Shows the decks at once; their figures follow when the store has been read."""
        counts = {deck.id: type_counts(deck) for deck in decks}  # decks don't change
        pending = (deck_prompt(deck, counts[deck.id], PENDING) for deck in decks)
        super().__init__(*between_rules(decks, pending), id=id, markup=False)
        self.decks = tuple(decks)
        self._counts = counts

    def show_scores(
        self,
        scores: Mapping[str, DeckScores],
        progress: Mapping[str, DeckProgress],
        now: datetime,
        stopped: Mapping[str, SessionRow],
    ) -> None:
        """Redraw every deck with its `scores`, its `stopped` run and study `progress`,
        keeping the highlight."""
        self._show(
            lambda deck: deck_prompt(
                deck,
                self._counts[deck.id],
                figures.played_line(scores.get(deck.id)) + resume_line(stopped.get(deck.id)),
                progress.get(deck.id),
                now,
            )
        )

    def _show(self, prompt: Callable[[Deck], Content]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(between_rules(self.decks, map(prompt, self.decks)))
        self.highlighted = highlighted if highlighted is not None else 0

    @property
    def highlighted_deck(self) -> Deck | None:
        """The deck under the cursor, if any."""
        if self.highlighted is None:
            return None
        return self.deck(self.get_option_at_index(self.highlighted).id)

    def deck(self, option_id: str | None) -> Deck:
        """The deck an option shows."""
        return next(deck for deck in self.decks if deck.id == option_id)
