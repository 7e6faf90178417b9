"""Verdicts and points for every question type, without any UI."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MultiQuestion,
    OrderQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from quiz.deck.loader import load_deck_or_raise
from quiz.play.scoring import check_answer, given_text, multi_points, order_points

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck_or_raise(EVERY_TYPE)


def question(deck: Deck, question_id: str) -> AnyQuestion:
    return next(q for q in deck.questions if q.id == question_id)


def test_choice(deck: Deck) -> None:
    capital = question(deck, "capital")
    assert isinstance(capital, ChoiceQuestion)
    assert check_answer(capital, "Bamako").correct
    wrong = check_answer(capital, "[A] Kidal")
    assert (wrong.correct, wrong.points, wrong.expected) == (False, 0.0, "Bamako")


def test_truefalse(deck: Deck) -> None:
    sunni = question(deck, "sunni")
    assert isinstance(sunni, TrueFalseQuestion)
    assert check_answer(sunni, True).correct
    assert check_answer(sunni, False).points == 0.0


def test_text_accepts_other_forms_and_dates(deck: Deck) -> None:
    ban = question(deck, "ban-date")
    assert isinstance(ban, TextQuestion)
    for typed in ("7 April 2025", "april 7 2025", "2025-04-07", "7th April, 2025"):
        assert check_answer(ban, typed).correct, typed
    assert not check_answer(ban, "7 April 2024").correct
    assert not check_answer(ban, "April").correct


def test_text_typo_earns_the_point_with_the_exact_spelling() -> None:
    q = TextQuestion(id="q", prompt="Capital of Mali?", answer="Bamako")
    verdict = check_answer(q, "Bamkao")
    assert verdict.correct
    assert "“Bamako”" in verdict.note
    assert check_answer(q, "bamako").note == ""


@pytest.mark.parametrize(
    ("picked", "points"),
    [
        ({"Algeria", "Mali"}, 1.0),
        ({"Algeria"}, 0.5),
        ({"Algeria", "Ghana"}, 0.0),
        ({"Algeria", "Mali", "Ghana"}, 0.5),
        ({"Algeria", "Mali", "Ghana", "Nigeria"}, 0.0),
        (set(), 0.0),
    ],
)
def test_multi_partial_credit(deck: Deck, picked: set[str], points: float) -> None:
    colonies = question(deck, "colonies")
    assert isinstance(colonies, MultiQuestion)
    verdict = check_answer(colonies, frozenset(picked))
    assert verdict.points == points
    assert verdict.correct is (points == 1.0)
    assert verdict.partial is (0 < points < 1)


def test_multi_points_never_go_below_zero() -> None:
    assert multi_points(("a",), frozenset({"b", "c", "d"})) == 0.0


@pytest.mark.parametrize(
    ("given", "points"),
    [
        (("a", "b", "c", "d"), 1.0),
        (("b", "a", "c", "d"), 1 / 3),  # only c-d kept
        (("d", "a", "b", "c"), 2 / 3),  # one item moved: a-b and b-c kept
        (("d", "c", "b", "a"), 0.0),
        (("a", "b", "c"), 0.0),  # not the same items
    ],
)
def test_order_partial_credit_counts_neighbouring_pairs(
    given: tuple[str, ...], points: float
) -> None:
    assert order_points(("a", "b", "c", "d"), given) == pytest.approx(points)


def test_order_question(deck: Deck) -> None:
    events = question(deck, "events")
    assert isinstance(events, OrderQuestion)
    assert check_answer(events, events.items).correct
    assert not check_answer(events, tuple(reversed(events.items))).correct


def test_a_two_item_order_is_right_or_wrong() -> None:
    """Two items have one pair: kept, the full point; swapped, none."""
    pair = OrderQuestion(id="q", prompt="?", items=("Independence", "Sand War"))
    assert check_answer(pair, ("Independence", "Sand War")).points == 1.0
    assert check_answer(pair, ("Sand War", "Independence")).points == 0.0
    assert order_points(("a",), ("a",)) == 1.0


def test_cloze_checks_each_blank_like_text(deck: Deck) -> None:
    missions = question(deck, "missions")
    assert isinstance(missions, ClozeQuestion)
    assert check_answer(missions, ("bamako", "GAO")).correct
    half = check_answer(missions, ("Bamako", "Kidal"))
    assert half.points == 0.5
    assert half.expected == "Bamako; Gao"
    typo = check_answer(missions, ("Bamkao", "Gao"))
    assert typo.correct
    assert "“Bamako”" in typo.note


def test_a_cloze_blank_takes_the_forms_its_accept_gives_it(deck: Deck) -> None:
    """`accept: {c2: [Kawkaw]}`: the other name counts in c2, and only there."""
    missions = question(deck, "missions")
    assert check_answer(missions, ("Bamako", "Kawkaw")).correct
    assert check_answer(missions, ("Bamako", "kawkaw")).correct
    assert check_answer(missions, ("Kawkaw", "Gao")).points == 0.5
    typo = check_answer(missions, ("Bamako", "Kawkau"))
    assert typo.correct
    assert "“Kawkaw”" in typo.note


def test_cloze_needs_one_answer_per_blank(deck: Deck) -> None:
    with pytest.raises(TypeError, match="2 blanks"):
        check_answer(question(deck, "missions"), ("Bamako",))


def test_an_answer_of_the_wrong_form_is_a_bug(deck: Deck) -> None:
    with pytest.raises(TypeError):
        check_answer(question(deck, "capital"), True)


def test_given_text_reads_like_the_answer(deck: Deck) -> None:
    colonies = question(deck, "colonies")
    assert given_text(colonies, frozenset({"Mali", "Algeria"})) == "Algeria, Mali"
    assert given_text(colonies, frozenset()) == "(nothing picked)"
    assert given_text(question(deck, "sunni"), False) == "False"
    assert given_text(question(deck, "sunni"), True) == "True"
    assert given_text(question(deck, "events"), ("b", "a")) == "b → a"
    assert given_text(question(deck, "missions"), ("x", "y")) == "x; y"


def test_a_minus_costs_the_point_in_a_typed_answer_and_a_blank() -> None:
    """The sign is the number's: `40` for `-40` is wrong, however the rest is typed."""
    cold = TextQuestion(id="q", prompt="Coldest?", answer="−40 degrees", accept=("-40 °C",))
    assert check_answer(cold, "minus forty degrees").correct
    assert check_answer(cold, "-40°C").correct
    assert check_answer(cold, "40 degrees").points == 0.0
    assert check_answer(cold, "40 °C").points == 0.0
    cloze = ClozeQuestion(id="q", text="It fell to {{c1::-40}} in {{c2::2012-2013}}.")
    assert check_answer(cloze, ("40", "2012 2013")).points == 0.5
    assert check_answer(cloze, ("−40", "2012–2013")).correct
