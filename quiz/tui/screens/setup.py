"""The options of a quiz before it starts: how many questions, which sections and tags, shuffle."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from quiz.deck.model import Deck
from quiz.play.selection import QuizOptions
from quiz.tui.screens.choice import Choice, ChoosingScreen, Dialog
from quiz.tui.widgets.footer import Footer
from quiz.tui.widgets.text_box import TextBox


class SetupScreen(Dialog[None], ChoosingScreen[None]):
    """Posts `Start` with the chosen options, or closes when the learner backs out.

    The quiz takes the dialog's place: closing it first would show the deck list again
    for a moment, restyled and its figures read again, before the first question.
    """

    CSS_PATH = "setup.tcss"
    AUTO_FOCUS = "#count"
    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape", "cancel", "Back"),
        ("ctrl+s", "start", "Start"),
    ]

    @dataclass
    class Start(Choice):
        """The learner asked for a quiz on `deck` with `options`."""

        deck: Deck
        options: QuizOptions

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck
        # Each is a pass over every question: read once, not again when the quiz starts.
        self.sections = deck.sections
        self.tags = deck.tags
        self._matched = len(deck.questions)
        """How many questions the ticks matched when they last matched any: all, at first."""

    def compose(self) -> ComposeResult:
        deck = self.deck
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content(deck.title)
            with VerticalScroll():
                if deck.description:
                    yield Static(deck.description, markup=False, id="description")
                with Horizontal(id="count-row"):
                    yield Label("Questions", classes="field-label")
                    yield TextBox(
                        str(len(deck.questions)), type="integer", id="count", max_length=6
                    )
                    yield Label(f"of {len(deck.questions)}", id="count-total")
                    yield Checkbox("Shuffle the questions", value=True, id="shuffle")
                with Horizontal(id="filters"):
                    yield self._filter("Sections", "sections", self.sections)
                    yield self._filter("Tags", "tags", self.tags)
            with Horizontal(id="buttons"):
                yield Button("Start", variant="primary", id="start")
                yield Button("Back", id="cancel")
        yield Footer()

    def _filter(self, title: str, name: str, values: tuple[str, ...]) -> Vertical:
        """A list of checked boxes, one per section or tag; hidden when the deck has none."""
        selections = [Selection(Content(value), value, initial_state=True) for value in values]
        column = Vertical(SelectionList[str](*selections, id=name), id=f"{name}-box")
        column.border_title = title
        column.display = bool(values)
        return column

    def options(self) -> QuizOptions:
        """The options as the form shows them; an empty count means every question."""
        shuffle = self.query_one("#shuffle", Checkbox).value
        return replace(self._filters(), count=self._count(), shuffle=shuffle)

    def _count(self) -> int | None:
        """The count typed, None when the field is empty; 0 for what is no number (Textual's
        integer field takes a sign alone), which the learner is told is too few."""
        text = self.query_one("#count", Input).value
        try:
            return int(text) if text else None
        except ValueError:
            return 0

    def _filters(self) -> QuizOptions:
        """The sections and tags ticked, as options that filter and do nothing else."""
        return QuizOptions(
            sections=self._selected("#sections", self.sections),
            tags=self._selected("#tags", self.tags),
        )

    def _selected(self, selector: str, values: tuple[str, ...]) -> frozenset[str] | None:
        """The ticked values, or None (no filter) when all are ticked or there are none."""
        ticked = frozenset(self.query_one(selector, SelectionList).selected)
        return None if ticked == frozenset(values) else ticked

    @on(SelectionList.SelectedChanged)
    def _filters_changed(self) -> None:
        """Show how many questions the ticked sections and tags match, or that none do.

        A count left at the number matched (every question, as the dialog opens) follows
        it, so the form never asks for 50 of 3; a count the learner typed stays.
        """
        matched = len(self._filters().matching(self.deck.questions))
        total = self.query_one("#count-total", Label)
        total.update(f"of {matched}" if matched else "none match")
        total.set_class(not matched, "-none")
        if matched:
            count = self.query_one("#count", Input)
            if count.value == str(self._matched):
                count.value = str(matched)
            self._matched = matched

    def action_start(self) -> None:
        options = self.options()
        if options.count is not None and options.count < 1:
            self.notify("Ask at least 1 question.", severity="warning")
        elif not options.matching(self.deck.questions):
            self.notify("No questions match these options.", severity="warning")
        else:
            self.choose(self.Start(self, self.deck, options))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#count")
    def _start(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
