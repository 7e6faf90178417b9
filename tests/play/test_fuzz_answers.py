"""Answer checking under arbitrary Unicode: it never fails, and right answers stay right.

Whatever a learner types (any script, combining marks, right-to-left text, emoji,
other digits, numbers thousands of digits long, impossible dates) and whatever a deck
holds, checking gives a Verdict with points in [0, 1]. An answer written as the deck
spells it, in another case or with other accents, always earns the point.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from quiz.deck import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.deck.rules import question_problem
from quiz.play.scoring import Given, Verdict, check_answer
from quiz.play.textmatch import MAX_FUZZY_LENGTH, Match, fold, match_text, parse_date

SPECIALS = (
    "9" * 5000,
    "1" + "0" * 40,
    "٣",  # Arabic-Indic three
    "１２",  # fullwidth digits
    "²",
    "½",
    "Ⅻ",
    "⑦",
    "1e999",
    "-1",
    "1,000,000.5",
    "1.000,5",
    "31 February 2025",
    "29 February 2024",
    "0000-00-00",
    "2025-13-45",
    "7 April 2025",
    "e\u0301",  # e and a combining acute
    "\u0301",
    "مالي",
    "עברית",
    "\u202eevil",  # right-to-left override
    "👩‍👩‍👧",
    "🇩🇿",
    "ß",
    "İstanbul",
    "Diyarbakır",
    "Kır",
    "ǅ",
    "ﬃ",
    "ﷺ",
    "\u00a0",
    "\u200b",
    "…",
    "?",
    "+",
    "1%",
    "$5",
    "{{c1::",
    "}}",
)

texts = st.one_of(
    st.text(),
    st.sampled_from(SPECIALS),
    st.lists(st.one_of(st.text(max_size=6), st.sampled_from(SPECIALS)), max_size=5).map("".join),
)
"""Anything a learner could type or a deck could hold."""

deck_texts = texts.map(str.strip).filter(bool)
"""A deck's text as the loader gives it: stripped and never empty."""

cloze_texts = deck_texts.filter(lambda t: not any(mark in t for mark in ("::", "{{", "}}")))
"""The text of a cloze, in and around its deletions: without the marks of its syntax."""


@st.composite
def questions(draw: st.DrawFn) -> AnyQuestion:
    """One question of any type, its fields arbitrary but as valid as the loader makes them."""
    kind = draw(st.sampled_from(("choice", "multi", "truefalse", "text", "cloze", "order")))
    prompt = draw(deck_texts)
    options = draw(st.lists(deck_texts, min_size=2, max_size=10, unique=True))
    if kind == "choice":
        return ChoiceQuestion(
            id="q", prompt=prompt, choices=tuple(options), answer=draw(st.sampled_from(options))
        )
    if kind == "multi":
        picked = draw(st.lists(st.sampled_from(options), min_size=1, unique=True))
        return MultiQuestion(id="q", prompt=prompt, choices=tuple(options), answers=tuple(picked))
    if kind == "truefalse":
        return TrueFalseQuestion(id="q", prompt=prompt, answer=draw(st.booleans()))
    if kind == "text":
        accept = draw(st.lists(deck_texts, max_size=3, unique=True))
        return TextQuestion(id="q", prompt=prompt, answer=options[0], accept=tuple(accept))
    if kind == "cloze":
        around = draw(cloze_texts)
        blanks = draw(st.lists(cloze_texts, min_size=1, max_size=3))
        text = " ".join(f"{around} {{{{c{n}::{b}}}}}" for n, b in enumerate(blanks, start=1))
        cloze = ClozeQuestion(id="q", text=text)
        assume(not question_problem(cloze))  # a blank `}` makes `{{c1::}}}`, an empty blank
        return cloze
    return OrderQuestion(id="q", prompt=prompt, items=tuple(options))


@st.composite
def answers(draw: st.DrawFn, question: AnyQuestion) -> Given:
    """Anything the question's screen could hand back: right, wrong or nonsense."""
    match question:
        case TrueFalseQuestion():
            return draw(st.booleans())
        case MultiQuestion():
            return frozenset(draw(st.lists(st.one_of(st.sampled_from(question.choices), texts))))
        case ClozeQuestion():
            return tuple(draw(texts) for _ in question.deletions)
        case OrderQuestion():
            shuffled = st.permutations(question.items).map(tuple)
            return draw(st.one_of(shuffled, st.lists(texts).map(tuple)))
    return draw(st.one_of(texts, st.sampled_from((question.answer_text,))))


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_any_answer_to_any_question_gets_a_verdict(data: st.DataObject) -> None:
    question = data.draw(questions())
    verdict = check_answer(question, data.draw(answers(question)))
    assert isinstance(verdict, Verdict)
    assert 0.0 <= verdict.points <= 1.0
    assert verdict.expected == question.answer_text


def right_answer(question: AnyQuestion) -> Given:
    match question:
        case MultiQuestion():
            return frozenset(question.answers)
        case ClozeQuestion():
            return tuple(d.answer for d in question.deletions)
        case OrderQuestion():
            return question.items
        case TrueFalseQuestion():
            return question.answer
    return question.answer_text


@settings(max_examples=400, deadline=None)
@given(questions())
def test_the_answer_as_the_deck_spells_it_is_right(question: AnyQuestion) -> None:
    assert check_answer(question, right_answer(question)).correct


@settings(max_examples=300, deadline=None)
@given(deck_texts, st.lists(deck_texts, max_size=3))
@example("+", ["?", "…"])  # symbols alone fold to nothing: they could never be typed right
def test_every_accepted_form_is_right(answer: str, accept: list[str]) -> None:
    question = TextQuestion(id="q", prompt="?", answer=answer, accept=tuple(accept))
    for form in (answer, *accept):
        assert check_answer(question, form).correct


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def add_accents(text: str) -> str:
    """A combining acute after every letter, as a keyboard's dead key would add it."""
    return "".join(c + "\u0301" if c.isalpha() else c for c in text)


CASES = (str.upper, str.lower, str.casefold, str.swapcase)
ACCENTS = (strip_accents, add_accents)
IOTA_SUBSCRIPT = "\u0345"
"""A mark that case folding turns into a letter (`ᾳ` folds to `αι`, as `ΑΙ` does), so
to matching it is a letter, not an accent."""


@settings(max_examples=400, deadline=None)
@given(deck_texts, st.sampled_from(CASES + ACCENTS))
@example("Kır", str.upper)  # dotless ı: `KIR` folded to `kir`, not `kır`
@example("Akıncı", str.upper)
@example("9\u03009", strip_accents)  # the mark split `9̀9` into two numbers, `99` is one
def test_case_and_accents_do_not_matter(answer: str, change: Callable[[str], str]) -> None:
    if change in ACCENTS:  # an answer of marks alone, or with a letter-like mark
        assume(fold(answer) and IOTA_SUBSCRIPT not in unicodedata.normalize("NFD", answer))
    question = TextQuestion(id="q", prompt="?", answer=answer)
    typed = f"  {change(answer)} "
    assert check_answer(question, typed).correct, (answer, typed)


@settings(max_examples=300, deadline=None)
@given(texts, st.lists(texts, max_size=3))
@example("9" * 1_000_001, ["9" * 1_000_001])  # past Decimal's exponent limit: it raised
def test_matching_functions_never_fail(given_text: str, forms: list[str]) -> None:
    fold(given_text)
    parse_date(given_text)
    found = match_text(given_text, tuple(forms))
    assert found is None or found.expected in forms


def test_numbers_differing_past_the_28th_digit_differ() -> None:
    """Decimal's default context rounded both to 1 followed by 30 zeros."""
    assert match_text("1" + "0" * 29 + "1", ("1" + "0" * 30,)) is None
    assert match_text("9" * 40, ("9" * 39 + "8",)) is None
    assert match_text("1" + "0" * 40 + ".50", ("1" + "0" * 40 + ".5",)) is not None


def test_typos_are_forgiven_in_typed_answers_not_in_pasted_pages() -> None:
    """Edit distance between two pages took seconds; a page must be exact."""
    sentence = "the treaty was signed in the presence of both delegations "
    short, page = sentence, sentence * (MAX_FUZZY_LENGTH // len(fold(sentence)) + 1)
    assert match_text(short.replace("treaty", "traety"), (short,)) is not None
    assert match_text(page.replace("treaty", "traety", 1), (page,)) is None
    assert match_text(page.upper(), (page,)) is not None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_folds_as_any_text_does(text: str) -> None:
    """ASCII takes a shortcut; a trailing combining mark sends the same text the long way."""
    assert fold(text) == fold(text + "\u0301")


numbers = st.one_of(
    st.integers(min_value=1).map(str),
    st.decimals(min_value=0, allow_nan=False, allow_infinity=False, places=3)
    .filter(bool)
    .map(lambda d: f"{d:f}"),
)
"""A number above zero as a deck writes it: `40`, `1.5`, `0.125`."""

MINUSES = ("-", "−", "–", "minus ", "negative ")
AROUND = ("{}", "{} degrees", "{}°", "{} km", "in {} BC", "{} Celsius", "about {} metres")
"""Where a number stands in an answer: alone, with a unit, among words long enough for a typo."""


@settings(max_examples=300, deadline=None)
@given(numbers, st.sampled_from(MINUSES), st.sampled_from(AROUND))
@example("40", "-", "{}")
@example("5", "−", "{} degrees")
def test_a_sign_is_never_lost(number: str, minus: str, around: str) -> None:
    """`-40` is not `40` nor `40` `-40`, in any form, whatever the typo budget; `+40` is `40`."""
    positive, negative = around.format(number), around.format(minus + number)
    assert match_text(negative, (positive,)) is None
    assert match_text(positive, (negative,)) is None
    assert match_text(around.format("+" + number), (positive,)) == Match(positive, exact=True)
    assert match_text(around.format("-" + number), (negative,)) == Match(negative, exact=True)
