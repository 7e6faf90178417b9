"""Warnings about weak questions: valid decks that still teach badly.

A deck can pass every rule of the format and still give its answers away: the answer
sits in the prompt, the right choice is the one long choice, a distractor is close
enough to the answer that typing it would count. These checks judge text the way the
quiz's answer checking does (`quiz.play.textmatch`), so "would be accepted" means what
a learner would see. Each warning can be silenced per question with `silence: [name]`.
"""

from __future__ import annotations

import re
from calendar import month_name
from collections.abc import Callable, Iterator, Sequence
from datetime import date

from quiz.deck.errors import DeckError, one_line
from quiz.deck.model import (
    CLOZE_DELETION,
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MultiQuestion,
    TextQuestion,
)
from quiz.lint_across import across_findings
from quiz.play.textmatch import fold, match_text, parse_date

LONG_CHOICE_FACTOR = 2.0
LONG_CHOICE_MARGIN = 15
"""A choice gives itself away when it is twice as long as the others' average and at
least this many characters longer: "Gao" beside "Bamako" is fine, a sentence beside
single words is not."""

NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})")
"""A date in digits only, `7/4/2025`: its day/month order depends on the reader."""

Finding = tuple[str, str]
"""A warning's name and its message."""


def lint_deck(deck: Deck) -> list[DeckError]:
    """Every warning for the deck's questions, in file order, less the silenced ones."""
    warnings = []
    for question, (name, message) in _findings(deck):
        if name not in question.silence:
            warnings.append(_warning(deck, question, name, message))
    return sorted(warnings, key=lambda w: (w.line, w.column))


def _findings(deck: Deck) -> Iterator[tuple[AnyQuestion, Finding]]:
    """Each question's checks are given its deck: how answers compare depends on the
    deck's language (the articles an answer may start with)."""
    for question in deck.questions:
        for check in QUESTION_CHECKS:
            for finding in check(question, deck):
                yield question, finding
    yield from _same_prompts(deck)
    yield from across_findings(deck)


def _warning(deck: Deck, question: AnyQuestion, name: str, message: str) -> DeckError:
    assert deck.path is not None, "decks are linted as loaded from their files"
    return DeckError(
        deck.path,
        question.line,
        question.column,
        one_line(message),
        hint=f"add 'silence: [{name}]' to the question if this is intended",
        severity="warning",
        code=name,
    )


def _answer_in_prompt(question: AnyQuestion, deck: Deck) -> Iterator[Finding]:
    if isinstance(question, ChoiceQuestion):
        others = [c for c in question.choices if c != question.answer]
        if _says(question.prompt, question.answer) and not any(
            _says(question.prompt, c) for c in others
        ):
            yield "answer-in-prompt", f"the answer '{question.answer}' appears in the prompt"
    elif isinstance(question, TextQuestion):
        for answer in (question.answer, *question.accept):
            if _says(question.prompt, answer):
                yield "answer-in-prompt", f"the answer '{answer}' appears in the prompt"
                return


def _long_choice(question: AnyQuestion, deck: Deck) -> Iterator[Finding]:
    if not isinstance(question, ChoiceQuestion | MultiQuestion):
        return
    longest = max(question.choices, key=len)
    lengths = [len(c) for c in question.choices if c != longest]
    others = sum(lengths) / len(lengths)
    if len(longest) >= LONG_CHOICE_FACTOR * others and len(longest) - others >= LONG_CHOICE_MARGIN:
        yield "long-choice", f"the choice '{longest}' is far longer than the others"


def _typed(question: AnyQuestion) -> dict[str, tuple[str, ...]]:
    """Each answer the learner types, with the other forms accepted for it: a text
    question's answer, or each blank of a cloze."""
    if isinstance(question, TextQuestion):
        return {question.answer: question.accept}
    if isinstance(question, ClozeQuestion):
        forms = (question.accepted(deletion) for deletion in question.deletions)
        return {each[0]: each[1:] for each in forms}
    return {}


def _redundant_accept(question: AnyQuestion, deck: Deck) -> Iterator[Finding]:
    for answer, accept in _typed(question).items():
        yield from _redundant_forms(answer, accept, deck)


def _redundant_forms(answer: str, accept: Sequence[str], deck: Deck) -> Iterator[Finding]:
    seen = {fold(answer, deck.articles): answer}
    dates = _dated({}, answer)
    for accepted in accept:
        key, when = fold(accepted, deck.articles), parse_date(accepted)
        if key in seen:
            yield (
                "redundant-accept",
                (
                    f"the accepted answer '{accepted}' is the same as '{seen[key]}' once case, "
                    "accents, punctuation, spacing and a leading article are ignored and "
                    "numbers are read in words or digits"
                ),
            )
        elif when in dates:
            yield (
                "redundant-accept",
                (
                    f"the accepted answer '{accepted}' is the same date as '{dates[when]}', "
                    "and the quiz reads a date in every form it knows"
                ),
            )
        seen.setdefault(key, accepted)
        _dated(dates, accepted)


def _dated(dates: dict[date | None, str], form: str) -> dict[date | None, str]:
    """`dates` with `form` added under the date it names, if it names one."""
    when = parse_date(form)
    if when is not None:
        dates.setdefault(when, form)
    return dates


def _ambiguous_date(question: AnyQuestion, deck: Deck) -> Iterator[Finding]:
    for form in (form for answer, accept in _typed(question).items() for form in (answer, *accept)):
        found = NUMERIC_DATE.fullmatch(form.strip())
        if found and found[1] != found[2] and max(int(found[1]), int(found[2])) <= 12:
            first, second = int(found[1]), int(found[2])
            yield (
                "ambiguous-date",
                (
                    f"'{form}' is {first} {month_name[second]} to some readers and "
                    f"{second} {month_name[first]} to others, so the quiz does not read it as a "
                    "date: name the month in words, or use the form 2025-04-07"
                ),
            )


def _lenient_distractor(question: AnyQuestion, deck: Deck) -> Iterator[Finding]:
    if isinstance(question, ChoiceQuestion):
        right: tuple[str, ...] = (question.answer,)
    elif isinstance(question, MultiQuestion):
        right = question.answers
    else:
        return
    for choice in question.choices:
        if choice not in right and match_text(choice, right, deck.articles) is not None:
            yield (
                "lenient-distractor",
                (f"the wrong choice '{choice}' would be accepted as the answer if typed"),
            )


def _whole_sentence_cloze(question: AnyQuestion, deck: Deck) -> Iterator[Finding]:
    if isinstance(question, ClozeQuestion) and not fold(
        CLOZE_DELETION.sub("", question.text), deck.articles
    ):
        yield "whole-sentence-cloze", "the cloze deletion hides the whole sentence"


def _same_prompts(deck: Deck) -> Iterator[tuple[AnyQuestion, Finding]]:
    first: dict[str, AnyQuestion] = {}
    for question in deck.questions:
        key = fold(_asked(question))
        if key in first:
            earlier = first[key]
            yield (
                question,
                (
                    "same-prompt",
                    f"question '{earlier.id}' on line {earlier.line} has the same prompt",
                ),
            )
        first.setdefault(key, question)


def _asked(question: AnyQuestion) -> str:
    return question.with_blanks() if isinstance(question, ClozeQuestion) else question.prompt


def _says(prompt: str, answer: str) -> bool:
    """True when `answer` appears in `prompt` as whole words, ignoring case.

    Searched for as a string, not a regular expression: compiling one per answer took
    most of the time of checking a deck of long answers (a few ms for 300 characters).
    """
    text, words = prompt.casefold(), answer.casefold()
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        if not _is_word(text, start - 1) and not _is_word(text, end):
            return True
        start = text.find(words, start + 1)
    return False


def _is_word(text: str, index: int) -> bool:
    """Whether the character at `index` is a word character, as `\\w` reads it."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


QUESTION_CHECKS: tuple[Callable[[AnyQuestion, Deck], Iterator[Finding]], ...] = (
    _answer_in_prompt,
    _long_choice,
    _redundant_accept,
    _ambiguous_date,
    _lenient_distractor,
    _whole_sentence_cloze,
)
