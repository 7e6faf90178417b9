"""Warnings that only show across questions: answers given away elsewhere, crowded sentences.

An author writes and checks one question at a time; a learner meets the whole deck. Two
weaknesses are invisible at the scale of one question:

- `answer-elsewhere`: a question's answer is printed in another question. Prompts, cloze
  sentences and order items state things, so an answer found there is given away. The
  choices of a `choice` or `multi` question only offer options, so they give away only
  answers the learner has to type (`text`, `cloze`): an answer picked from a list is on
  screen anyway.
- `crowded-sentence`: more than MAX_QUOTES_PER_SENTENCE questions quote one sentence of
  the source, which usually means one fact asked again in other words.

Both look at the whole deck, so they must stay fast on decks of thousands of questions:
answers are looked up through an index of the words each question shows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from quiz.deck.coverage import quoting
from quiz.deck.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
)
from quiz.deck.source import read_source
from quiz.play.textmatch import MONTHS

MAX_QUOTES_PER_SENTENCE = 5
"""More questions than this on one source sentence earn a `crowded-sentence` warning: a
long sentence has room for one or two questions per clause, not for every rewording."""

WORD = re.compile(r"\w+|[%$€£¥°]")
"""A word as the answer search sees it; symbols such as `%` count, so `1%` is not `1`."""

DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
"""A word that may be the day of a date: `7`, `31st`."""

YEAR = re.compile(r"\d{4}")
DIGIT = re.compile(r"\d")

DAY_MARK = "\x00day"
"""Added to the word of a day of a month (`7` in "April 7, 2025"), which no word of a
deck ends with: a bare number answer (`7` hostages) is not found in a date, while a date
answer still is, its day marked alike."""

Finding = tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Shown:
    """One piece of text a question shows before it is answered."""

    question: AnyQuestion
    where: str
    words: tuple[str, ...]
    states: bool
    """True for text that states things (prompts, sentences, items), False for choices."""


def across_findings(deck: Deck) -> Iterator[tuple[AnyQuestion, Finding]]:
    """Every warning that needs the whole deck, in no particular order."""
    yield from _answers_elsewhere(deck.questions, frozenset(_words(" ".join(deck.articles))))
    yield from _crowded_sentences(deck)


def _answers_elsewhere(
    questions: Sequence[AnyQuestion], articles: frozenset[str]
) -> Iterator[tuple[AnyQuestion, Finding]]:
    """`articles`, the deck's, are dropped from the front of an answer: "A consulate" is
    given away by "keeps a consulate"."""
    shown = _Index([piece for question in questions for piece in _shown(question)])
    for question in questions:
        typed = isinstance(question, TextQuestion | ClozeQuestion)
        for answer in _hidden(question):
            places, ids = shown.showing(_phrase(answer, articles), typed)
            others = len(places) - (question.id in ids)
            if others:
                first = places[0] if places[0].question is not question else places[1]
                yield question, _given_away(answer, first, others - 1)
                break


class _Index:
    """Which pieces of text show a phrase, found through the phrase's rarest word and
    remembered per phrase: a deck repeats its answers, and each is looked up once."""

    def __init__(self, shown: list[_Shown]) -> None:
        self.shown = shown
        self.postings: dict[str, list[int]] = defaultdict(list)
        for number, piece in enumerate(shown):
            for word in set(piece.words):
                self.postings[word].append(number)
        self.found: dict[tuple[tuple[str, ...], bool], tuple[list[_Shown], set[str]]] = {}

    def showing(self, phrase: tuple[str, ...], typed: bool) -> tuple[list[_Shown], set[str]]:
        """One piece per question that shows `phrase`, and those questions' ids; choices
        count for typed answers only."""
        key = (phrase, typed)
        if key not in self.found:
            places = self._search(phrase, typed) if phrase else []
            self.found[key] = places, {piece.question.id for piece in places}
        return self.found[key]

    def _search(self, phrase: tuple[str, ...], typed: bool) -> list[_Shown]:
        rarest = min(phrase, key=lambda word: len(self.postings.get(word, ())))
        found: dict[str, _Shown] = {}
        for number in self.postings.get(rarest, ()):
            piece = self.shown[number]
            wanted = piece.question.id not in found and (piece.states or typed)
            if wanted and _contains(piece.words, phrase):
                found[piece.question.id] = piece
        return list(found.values())


def _given_away(answer: str, first: _Shown, more: int) -> Finding:
    where = f"the {first.where} of question '{first.question.id}' on line {first.question.line}"
    others = f" and {more} other question{'s' if more > 1 else ''}" if more else ""
    return "answer-elsewhere", f"the answer '{answer}' is printed in {where}{others}"


def _shown(question: AnyQuestion) -> Iterator[_Shown]:
    if isinstance(question, ClozeQuestion):
        yield _Shown(question, "sentence", _words(question.with_blanks()), states=True)
    else:
        yield _Shown(question, "prompt", _words(question.prompt), states=True)
    if isinstance(question, OrderQuestion):
        yield _Shown(question, "items", _words(" | ".join(question.items)), states=True)
    elif isinstance(question, ChoiceQuestion | MultiQuestion):
        yield _Shown(question, "choices", _words(" | ".join(question.choices)), states=False)


def _hidden(question: AnyQuestion) -> tuple[str, ...]:
    """What the learner must come up with or pick; true/false and order hide no text."""
    if isinstance(question, ChoiceQuestion):
        return (question.answer,)
    if isinstance(question, MultiQuestion):
        return question.answers
    if isinstance(question, TextQuestion):
        return (question.answer, *question.accept)
    if isinstance(question, ClozeQuestion):
        return tuple(
            form for deletion in question.deletions for form in question.accepted(deletion)
        )
    return ()


def _words(text: str) -> tuple[str, ...]:
    """The words of `text`, a day of a month marked as such (see `DAY_MARK`)."""
    folded = text.casefold()
    words = WORD.findall(folded)
    if not DIGIT.search(folded):
        return tuple(words)
    return tuple(
        word + DAY_MARK if word[0].isdigit() and _in_a_date(words, index) else word
        for index, word in enumerate(words)
    )


def _in_a_date(words: list[str], index: int) -> bool:
    """Whether the word at `index` is the day of a date written with its month's name:
    `7 April`, `7th of April`, `April 7, 2025` (`may 2` only with a year after it)."""
    if not DAY.fullmatch(words[index]):
        return False
    following = words[index + 1 : index + 3]
    month_after = following[1:] if following[:1] == ["of"] else following[:1]
    if month_after and month_after[0] in MONTHS:
        return True
    before = words[index - 1] if index else ""
    if before == "may":  # also a verb: "may 2 km" is no date, "May 2, 2025" is
        return bool(following) and YEAR.fullmatch(following[0]) is not None
    return before in MONTHS


def _phrase(answer: str, articles: frozenset[str]) -> tuple[str, ...]:
    words = _words(answer)
    return words[1:] if len(words) > 1 and words[0] in articles else words


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for i in range(len(words) - size + 1))


def _crowded_sentences(deck: Deck) -> Iterator[tuple[AnyQuestion, Finding]]:
    if deck.source.file is None:
        return
    try:
        source = read_source(deck.source.file)
    except (OSError, UnicodeDecodeError):
        return  # the loader has already reported the unreadable source
    counted = [q for q in deck.questions if q.quote and "crowded-sentence" not in q.silence]
    for sentence, hits in quoting(source, [q.quote for q in counted]):
        if len(hits) > MAX_QUOTES_PER_SENTENCE:
            excerpt = sentence if len(sentence) <= 60 else sentence[:57] + "..."
            message = (
                f"{len(hits)} questions quote the source sentence '{excerpt}' "
                f"(more than {MAX_QUOTES_PER_SENTENCE}): ask each fact once or twice"
            )
            yield counted[hits[MAX_QUOTES_PER_SENTENCE]], ("crowded-sentence", message)
