"""The rules a teacher applies: numbers in words, leading articles, months, units.

Each rule has the answers it must accept and the near misses it must still reject.
"""

from __future__ import annotations

import pytest

from quiz.play.numberwords import spelled_out
from quiz.play.textmatch import ENGLISH_ARTICLES, fold, match_text, parse_month

FRENCH = ("le", "la", "les", "l'")


def accepted(typed: str, expected: str, articles: tuple[str, ...] = ENGLISH_ARTICLES) -> bool:
    """Accepted as right, not as a typo: each rule makes the two the same answer."""
    found = match_text(typed, (expected,), articles)
    return found is not None and found.exact


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("seven", "7"),
        ("7", "Seven"),
        ("SEVEN hostages", "7 hostages"),
        ("two kilometres", "2 kilometers"),
        ("twenty-one", "21"),
        ("twenty one", "21"),
        ("one hundred and five", "105"),
        ("a hundred", "100"),
        ("two thousand and twenty-three", "2023"),
        ("3,400", "three thousand four hundred"),
        ("one million two hundred thousand", "1,200,000"),
        ("zero", "0"),
        ("first", "1st"),
        ("tenth", "10th"),
        ("thirty-first", "31st"),
        ("the Second Republic", "2nd Republic"),
        ("twentieth century", "20th century"),
    ],
)
def test_numbers_written_as_words(typed: str, expected: str) -> None:
    assert accepted(typed, expected)
    assert accepted(expected, typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("six", "7"),  # a wrong number word
        ("seventy", "7"),
        ("sevens", "7"),  # not a number word, and no typo makes it one
        ("sevn", "seven"),
        ("seventeen hostages", "seven hostages"),
        ("eight kilometres", "7 km"),
        ("1962", "1963"),
        ("nineteen sixty-two", "1962"),  # years said in pairs are two numbers
        ("first", "1"),  # an ordinal is not the number
        ("second", "2"),
        ("twenty-first", "21"),
        ("someone", "some 1"),
    ],
)
def test_near_misses_with_numbers(typed: str, expected: str) -> None:
    assert match_text(typed, (expected,)) is None


def test_a_typo_still_never_changes_a_number() -> None:
    assert match_text("Seven Pillars of Wisdon", ("7 Pillars of Wisdom",)) is not None
    assert match_text("Six Pillars of Wisdom", ("7 Pillars of Wisdom",)) is None
    assert match_text("Seven Pilars of Wisdom", ("Eight Pillars of Wisdom",)) is None


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("one and two", "1 and 2"),  # an `and` that joins no number stays a word
        ("two three", "2 3"),
        ("one hundred and", "100 and"),
        ("thousand", "1000"),
        ("fifteen hundred", "1500"),
        ("someone, anyone", "someone, anyone"),
        ("a hundred and first", "101th"),
    ],
)
def test_how_runs_of_number_words_are_read(text: str, digits: str) -> None:
    assert spelled_out(text) == digits


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("the MNLA", "MNLA"),
        ("Islamic Maghreb", "the Islamic Maghreb"),
        ("an Akinci", "Akinci"),
        ("a MiG-29", "MiG-29"),
        ("  THE  Sahara", "Sahara"),
        ("the Sahara", "a Sahara"),
        ("Hague", "The Hague"),
    ],
)
def test_a_leading_article_does_not_matter(typed: str, expected: str) -> None:
    assert accepted(typed, expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("the", "a"),  # an article alone is the whole answer, not an article
        ("Gao", "the Mao"),
        ("the Algiers", "Algeria"),
        ("Sahara the", "Sahara"),  # only a leading one
        ("theMNLA", "MNLA"),
    ],
)
def test_what_dropping_an_article_does_not_accept(typed: str, expected: str) -> None:
    assert match_text(typed, (expected,)) is None


def test_a_deck_names_its_own_articles() -> None:
    assert accepted("Algérie", "l'Algérie", FRENCH)
    assert accepted("l’Algerie", "Algérie", FRENCH)
    assert accepted("la France", "France", FRENCH)
    assert accepted("les Touaregs", "Touaregs", FRENCH)
    assert not accepted("the France", "France", FRENCH)  # English's are not French's
    assert not accepted("la", "le", FRENCH)
    assert not accepted("Algeria", "l'Algérie", ())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Dec 2023", "December 2023"),
        ("dec. 2023", "December 2023"),
        ("December, 2023", "Dec 2023"),
        ("2023-12", "December 2023"),
        ("12/2023", "December 2023"),
        ("Sept 2012", "September 2012"),
    ],
)
def test_a_month_of_a_year(typed: str, expected: str) -> None:
    assert accepted(typed, expected)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Nov 2023", "December 2023"),
        ("Dec 2024", "December 2023"),
        ("7 December 2023", "December 2023"),  # a day where none was asked
        ("December 2023", "7 December 2023"),  # and none where one was
        ("13/2023", "December 2023"),
        ("12/23", "December 2023"),
        ("Decmber 2023", "December 2023"),  # no typo in a date
        ("2023-12", "Route 2023-12"),  # not a date: compared as text
    ],
)
def test_near_misses_with_months(typed: str, expected: str) -> None:
    assert match_text(typed, (expected,)) is None


def test_what_reads_as_a_month() -> None:
    assert parse_month("December 2023") == (2023, 12)
    assert parse_month("12/2023") == (2023, 12)
    assert parse_month("0/2023") is None
    assert parse_month("in December 2023") is None
    assert parse_month("7 December 2023") is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2 km", "2 kilometers"),
        ("2km", "2 kilometres"),
        ("two kilometres", "2 km"),
        ("1,240,000 km²", "1,240,000 square kilometres"),
        ("1240000 sq km", "1,240,000 km2"),
        ("30 percent", "30%"),
        ("30 per cent", "30 %"),
        ("thirty percent", "30%"),
        ("90 km/h", "90 kilometres per hour"),
        ("5 metres", "5 m"),
        ("5 mins", "5 minutes"),
        ("3 hours", "3 h"),
        ("12 kg", "12 kilograms"),
        ("45 degrees", "45°"),
    ],
)
def test_units_written_in_full_or_abbreviated(typed: str, expected: str) -> None:
    assert accepted(typed, expected)
    assert accepted(expected, typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30", "30%"),
        ("2 miles", "2 km"),
        ("2 m", "2 km"),
        ("3 km", "2 kilometres"),
        ("2 kilometres", "2 kilograms"),
        ("1990 seconds", "the 1990s"),  # seconds are not read: `s` is a decade
        ("km", "kilometres"),  # a unit is read only after a number
    ],
)
def test_near_misses_with_units(typed: str, expected: str) -> None:
    assert match_text(typed, (expected,)) is None


def test_a_unit_is_read_only_right_after_a_number() -> None:
    assert fold("Route km 2") == "routekm<2>"
    assert fold("2 kilometres") == "<2>km"
    assert fold("5 months") == "<5>months"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("-40", "40"),
        ("40", "-40"),
        ("5", "-5"),
        ("−40", "40"),  # U+2212, the minus sign of typeset text
        ("40", "−40"),
        ("–40", "40"),  # an en dash, as print often sets a minus
        ("-5 degrees", "5 degrees"),
        ("5°", "-5 degrees"),
        ("minus five", "5"),
        ("minus forty degrees", "40°"),
        ("negative 5", "5"),
        ("-1.5 km", "1.5 km"),
        ("-1,000", "1000"),
        ("(-40)", "40"),  # after punctuation, a dash still starts the number
        ("-40 Celsius", "40 Celsius"),  # long enough for a typo: the sign is no typo
        ("-40 Celsuis", "40 Celsius"),
        ("in -40 BC", "in 40 BC"),
        ("-7 April 2025", "7 April 2025"),  # and no date
        ("7 April -2025", "7 April 2025"),
    ],
)
def test_a_minus_changes_the_number(typed: str, expected: str) -> None:
    assert match_text(typed, (expected,)) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("-40", "−40"),
        ("－40", "-40"),  # fullwidth hyphen-minus
        ("–40", "−40"),
        ("minus forty", "-40"),
        ("Minus 40 degrees", "−40°"),
        ("negative five", "-5"),
        ("+5", "5"),  # a plus is the number itself
        ("5", "+5"),
        ("+5 degrees", "5°"),
        ("-0", "0"),  # and so is minus nought
        ("-0.0", "0"),
        ("-1,5", "-1.5"),
        ("-40 Celsius", "−40 Celsius"),
    ],
)
def test_the_forms_of_a_sign(typed: str, expected: str) -> None:
    assert accepted(typed, expected)
    assert accepted(expected, typed)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("al-Qaeda", "al Qaeda"),
        ("Franco-Malian", "Franco Malian"),
        ("2012-2013", "2012 2013"),  # a range: the dash follows a digit
        ("2012–2013", "2012-2013"),
        ("1914-18", "1914–18"),
        ("F-16", "F16"),  # a name: the dash follows a letter
        ("COVID-19", "covid 19"),
        ("MiG-29", "MIG 29"),
        ("twenty-one", "21"),
        ("2025-04-07", "7 April 2025"),
    ],
)
def test_a_dash_inside_a_word_a_name_or_a_range_is_no_minus(typed: str, expected: str) -> None:
    assert accepted(typed, expected)
    assert accepted(expected, typed)


def test_a_signed_number_folds_to_one_key() -> None:
    assert fold("-40 degrees") == fold("−40°") == fold("minus forty degrees") == "<-40>°"
    assert fold("2012-2013") == "<2012><2013>"
    assert fold("F-16") == "f<16>"
