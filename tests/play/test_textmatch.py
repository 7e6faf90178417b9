"""Typed answers: folding, numbers, dates and forgiven typos."""

from __future__ import annotations

from datetime import date

import pytest

from quiz.play.textmatch import canonical_number, fold, match_text, parse_date


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  BAMAKO ", "Bamako"),
        ("Tlemcen", "Tlemcèn"),
        ("sao tome", "São Tomé"),
        ("Ahmed-Ben Bella", "Ahmed Ben Bella"),
        ("1 %", "1%"),
        ("1,000", "1000"),
        ("3,5", "3.5"),
        ("ECOWAS.", "ecowas"),
    ],
)
def test_folding_ignores_case_accents_punctuation_and_spacing(typed: str, expected: str) -> None:
    assert fold(typed) == fold(expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1", "1%"), ("1.5", "15"), ("15", "150"), ("1,5", "15")],
)
def test_folding_keeps_what_changes_a_number(typed: str, expected: str) -> None:
    assert fold(typed) != fold(expected)


@pytest.mark.parametrize(
    ("token", "canonical"),
    [
        ("007", "7"),
        ("1,000,000", "1000000"),
        ("1.000", "1"),
        ("1,234.50", "1234.5"),
        ("2025", "2025"),
    ],
)
def test_canonical_numbers(token: str, canonical: str) -> None:
    assert canonical_number(token) == canonical


@pytest.mark.parametrize(
    "text",
    [
        "7 April 2025",
        "April 7, 2025",
        "2025-04-07",
        "7th of April 2025",
        "Apr. 7th, 2025",
        "april 7 2025",
    ],
)
def test_dates_in_common_forms(text: str) -> None:
    assert parse_date(text) == date(2025, 4, 7)


@pytest.mark.parametrize(
    "text", ["31 February 2025", "7 Aprilis 2025", "7/4/2025", "in April 2025"]
)
def test_what_is_not_one_date(text: str) -> None:
    assert parse_date(text) is None


def test_a_date_matches_in_another_form_only_when_a_date_is_expected() -> None:
    assert match_text("2025-04-07", ("7 April 2025",)) is not None
    assert match_text("March 31st 2025", ("31 March 2025",)) is not None
    assert match_text("8 April 2025", ("7 April 2025",)) is None
    assert match_text("2025 04 07", ("Route 2025-04-07",)) is None


def test_a_typo_is_forgiven_in_a_long_answer_and_named() -> None:
    found = match_text("Timbuctu", ("Timbuktu",))
    assert found is not None
    assert not found.exact
    assert found.expected == "Timbuktu"


def test_an_exact_match_is_not_a_typo() -> None:
    found = match_text("timbuktu!", ("Timbuktu",))
    assert found is not None
    assert found.exact


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Mao", "Gao"),  # too short to guess
        ("Nigeria", "Algeria"),  # two letters apart in seven
        ("Australia", "Austria"),
        ("Tombouctou", "Timbuktu"),  # too far
        ("1963 Sand War", "1964 Sand War"),  # a typo may not change a number
        ("", "Gao"),
        ("   ", "Gao"),
    ],
)
def test_what_is_not_forgiven(typed: str, expected: str) -> None:
    assert match_text(typed, (expected,)) is None


def test_the_first_matching_accepted_form_is_named() -> None:
    found = match_text("Tombouctou", ("Timbuktu", "Tombouctou"))
    assert found is not None
    assert found.expected == "Tombouctou"


MONTH_NAMES = [
    ("January", 1),
    ("Jan", 1),
    ("February", 2),
    ("Feb", 2),
    ("March", 3),
    ("Mar", 3),
    ("April", 4),
    ("Apr", 4),
    ("May", 5),
    ("June", 6),
    ("Jun", 6),
    ("July", 7),
    ("Jul", 7),
    ("August", 8),
    ("Aug", 8),
    ("September", 9),
    ("Sep", 9),
    ("Sept", 9),
    ("October", 10),
    ("Oct", 10),
    ("November", 11),
    ("Nov", 11),
    ("December", 12),
    ("Dec", 12),
]
"""Written out here, not read from the module: a month dropped there must fail here."""


@pytest.mark.parametrize(("name", "number"), MONTH_NAMES)
def test_every_month_and_its_abbreviation_is_read(name: str, number: int) -> None:
    assert parse_date(f"7 {name} 2025") == date(2025, number, 7)
    assert parse_date(f"{name.upper()}. 7, 2025") == date(2025, number, 7)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("1st April 2025", 1),
        ("2nd April 2025", 2),
        ("3rd April 2025", 3),
        ("April 4th, 2025", 4),
        ("April 22nd, 2025", 22),
        ("April 23rd, 2025", 23),
        ("7 April 2025.", 7),  # the end of a sentence
        ("April 7,2025", 7),  # no space after the comma
    ],
)
def test_ordinal_days_a_full_stop_and_a_tight_comma(text: str, day: int) -> None:
    assert parse_date(text) == date(2025, 4, day)


@pytest.mark.parametrize("text", ["7 April 25", "April 7, 25", "25-04-07", "7 Apr 025"])
def test_a_year_has_four_digits(text: str) -> None:
    """`25` could be 1925 or 2025; read as a year it would be 25 AD."""
    assert parse_date(text) is None
    assert match_text(text, ("7 April 2025",)) is None


@pytest.mark.parametrize(
    ("expected", "typed", "forgiven"),
    [
        ("Mali", "Mals", False),  # 4 letters: no typo
        ("Niger", "Nigar", True),  # 5 letters: one typo
        ("Niger", "Nagar", False),
        ("Marrakech", "Marrakesh", True),  # 9 letters: still one
        ("Marrakech", "Morrakesh", False),
        ("Mauritania", "Moritania", True),  # 10 letters: two typos
        ("Mauritania", "Moritanya", False),  # never three
        ("Ouagadougou", "Wagadougou", True),  # 11 letters: two
        ("Ouagadougou", "Wagadugou", False),
    ],
)
def test_typos_forgiven_grow_with_the_length_of_the_answer(
    expected: str, typed: str, forgiven: bool
) -> None:
    found = match_text(typed, (expected,))
    assert (found is not None) is forgiven
    assert found is None or not found.exact


@pytest.mark.parametrize("symbol", ["%", "$", "€", "£", "¥", "°"])
def test_symbols_that_change_a_number_are_kept(symbol: str) -> None:
    assert fold(f"30{symbol}") == fold(f"30 {symbol}")
    assert fold(f"30{symbol}") != fold("30")
    assert match_text("30", (f"30{symbol}",)) is None
    assert match_text(f" 30 {symbol}", (f"30{symbol}",)) is not None


@pytest.mark.parametrize(
    ("typed", "forgiven"),
    [
        ("southern Mali", False),  # two typos, both in one eight-letter word
        ("south of Mali", False),
        ("nortern Mali", True),  # one typo in the word
        ("northen Mai", True),  # one typo in each of two words
    ],
)
def test_no_word_takes_more_typos_than_its_length_allows(typed: str, forgiven: bool) -> None:
    """The answer's budget of two typos never lands whole in one short word."""
    found = match_text(typed, ("Northern Mali", "north of Mali"))
    assert (found is not None) is forgiven
