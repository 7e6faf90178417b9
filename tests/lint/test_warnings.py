"""Each weak-question warning: a deck that triggers it, one that doesn't, and silencing."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.cli import main
from quiz.deck.errors import DeckError
from quiz.deck.loader import load_deck_or_raise
from quiz.lint import lint_deck
from quiz.lint_across import MAX_QUOTES_PER_SENTENCE

HEADER = "deck: lint\ntitle: Lint\nquestions:\n"

CASES = {
    "answer-in-prompt": (
        "  - id: q\n    type: text\n    prompt: Gao is a city. Which city is it?\n"
        "    answer: Gao\n",
        "  - id: q\n    type: text\n    prompt: Which city hosts the consulate?\n    answer: Gao\n",
    ),
    "long-choice": (
        "  - id: q\n    type: choice\n    prompt: Where?\n"
        "    choices: [Gao, Kidal, A large city on the Niger river in the east]\n"
        "    answer: Gao\n",
        "  - id: q\n    type: choice\n    prompt: Where?\n"
        "    choices: [Gao, Kidal, Timbuktu]\n    answer: Gao\n",
    ),
    "same-prompt": (
        "  - id: a\n    type: text\n    prompt: Which city?\n    answer: Gao\n"
        "  - id: b\n    type: text\n    prompt: which  city\n    answer: Bamako\n",
        "  - id: a\n    type: text\n    prompt: Which city?\n    answer: Gao\n"
        "  - id: b\n    type: text\n    prompt: Which capital?\n    answer: Bamako\n",
    ),
    "redundant-accept": (
        "  - id: q\n    type: text\n    prompt: Where?\n    answer: Tin Zaouatine\n"
        "    accept: [tin-zaouatine]\n",
        "  - id: q\n    type: text\n    prompt: Where?\n    answer: Tin Zaouatine\n"
        "    accept: [Tinzaouaten]\n",
    ),
    "lenient-distractor": (
        "  - id: q\n    type: choice\n    prompt: What relations?\n"
        "    choices: [Bilateral relations, Bilateral relation]\n"
        "    answer: Bilateral relations\n",
        "  - id: q\n    type: choice\n    prompt: What relations?\n"
        "    choices: [Bilateral relations, Regional relations]\n"
        "    answer: Bilateral relations\n",
    ),
    "whole-sentence-cloze": (
        "  - id: q\n    type: cloze\n    text: '{{c1::Algeria keeps a consulate in Gao.}}'\n",
        "  - id: q\n    type: cloze\n    text: Algeria keeps a consulate in {{c1::Gao}}.\n",
    ),
    "answer-elsewhere": (
        "  - id: a\n    type: text\n    prompt: Which city hosts the consulate?\n    answer: Gao\n"
        "  - id: b\n    type: truefalse\n    prompt: The consulate in Gao was seized.\n"
        "    answer: true\n",
        "  - id: a\n    type: text\n    prompt: Which city hosts the consulate?\n    answer: Gao\n"
        "  - id: b\n    type: truefalse\n    prompt: The consulate was seized.\n    answer: true\n",
    ),
    "ambiguous-date": (
        "  - id: q\n    type: text\n    prompt: When?\n    answer: 7 April 2025\n"
        "    accept: [07/04/2025]\n",
        "  - id: q\n    type: text\n    prompt: When?\n    answer: 31 March 2025\n"
        "    accept: [31/03/2025]\n",
    ),
}


def warnings(tmp_path: Path, questions: str, header: str = HEADER) -> list[DeckError]:
    path = tmp_path / "lint.yaml"
    path.write_text(header + questions, encoding="utf-8")
    return lint_deck(load_deck_or_raise(path))


def codes(tmp_path: Path, questions: str) -> list[str]:
    return [w.code for w in warnings(tmp_path, questions)]


@pytest.mark.parametrize("code", sorted(CASES))
def test_warning_fires_on_the_weak_deck_only(tmp_path: Path, code: str) -> None:
    weak, sound = CASES[code]
    assert codes(tmp_path, weak) == [code]
    assert codes(tmp_path, sound) == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_warning_can_be_silenced_per_question(tmp_path: Path, code: str) -> None:
    weak = CASES[code][0].replace("    type:", f"    silence: [{code}]\n    type:")
    assert codes(tmp_path, weak) == []


def test_check_prints_warnings_and_exits_zero_unless_strict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lint.yaml"
    path.write_text(HEADER + CASES["long-choice"][0], encoding="utf-8")

    assert main(["check", str(path)]) == 0
    first, summary = capsys.readouterr().out.splitlines()
    assert first.endswith(
        "lint.yaml:4:5: warning: the choice 'A large city on the Niger river in the east' is far "
        "longer than the others (add 'silence: [long-choice]' to the question if this is intended)"
    )
    assert summary == "0 errors and 1 warning in 1 of 1 deck"
    assert main(["check", "--strict", str(path)]) == 1


def test_bundled_decks_have_no_warnings() -> None:
    assert main(["check", "--strict"]) == 0


def test_a_date_the_quiz_reads_needs_no_accept(tmp_path: Path) -> None:
    found = warnings(
        tmp_path,
        "  - id: q\n    type: text\n    prompt: When?\n    answer: 7 April 2025\n"
        "    accept: ['April 7, 2025', 2025-04-07]\n",
    )
    assert [w.code for w in found] == ["redundant-accept", "redundant-accept"]
    assert "'April 7, 2025' is the same date as '7 April 2025'" in found[0].message


def test_an_answer_elsewhere_names_both_questions(tmp_path: Path) -> None:
    [found] = warnings(tmp_path, CASES["answer-elsewhere"][0])
    assert (found.line, found.code) == (4, "answer-elsewhere")  # on the question it gives away
    assert found.message == "the answer 'Gao' is printed in the prompt of question 'b' on line 8"


def test_choices_give_away_typed_answers_only(tmp_path: Path) -> None:
    """A list of choices offers options: it gives away an answer the learner must type,
    not one they pick from a list of their own, where it is on screen anyway."""
    picked = "  - id: a\n    type: choice\n    prompt: Where?\n    choices: [Gao, Kidal]\n"
    offered = "  - id: b\n    type: choice\n    prompt: Which?\n    choices: [Gao, Bamako]\n"
    assert codes(tmp_path, picked + "    answer: Gao\n" + offered + "    answer: Bamako\n") == []
    typed = "  - id: a\n    type: text\n    prompt: Where?\n    answer: Gao\n"
    assert codes(tmp_path, typed + offered + "    answer: Bamako\n") == ["answer-elsewhere"]


def test_a_leading_article_does_not_hide_a_given_away_answer(tmp_path: Path) -> None:
    found = codes(
        tmp_path,
        "  - id: a\n    type: choice\n    prompt: What is in Gao?\n"
        "    choices: [A consulate, An embassy]\n    answer: A consulate\n"
        "  - id: b\n    type: text\n    prompt: Where does Algeria keep a consulate?\n"
        "    answer: Gao\n",
    )
    assert found == ["answer-elsewhere", "answer-elsewhere"]  # each prompt gives the other away


def test_a_day_of_the_month_does_not_give_away_a_bare_number(tmp_path: Path) -> None:
    """`7` hostages is not printed in "April 7, 2025"; the date itself still is."""
    count = "  - id: a\n    type: text\n    prompt: How many hostages?\n    answer: '7'\n"
    when = "  - id: a\n    type: text\n    prompt: When?\n    answer: 7 April 2025\n"
    stated = "  - id: b\n    type: truefalse\n    prompt: {}\n    answer: true\n"
    for date in ("Flights stopped on April 7, 2025.", "Flights stopped on 7th of April."):
        assert codes(tmp_path, count + stated.format(date)) == []
    assert codes(tmp_path, count + stated.format("The 7 hostages were freed.")) == [
        "answer-elsewhere"
    ]
    assert codes(tmp_path, count + stated.format("Some may 7 times refuse.")) == [
        "answer-elsewhere"
    ]
    assert codes(tmp_path, when + stated.format("Flights stopped on 7 April 2025.")) == [
        "answer-elsewhere"
    ]


def test_a_cloze_blanks_other_forms_are_checked_like_a_text_answers(tmp_path: Path) -> None:
    cloze = (
        "  - id: a\n    type: cloze\n    text: Algeria keeps a consulate in {{c1::Gao}}.\n"
        "    accept: {c1: [GAO, Kawkaw]}\n"
    )
    assert codes(tmp_path, cloze) == ["redundant-accept"]
    stated = "  - id: b\n    type: truefalse\n    prompt: Kawkaw is Gao's old name.\n"
    assert codes(tmp_path, cloze + stated + "    answer: true\n") == [
        "redundant-accept",
        "answer-elsewhere",
    ]


SOURCE_HEADER = "deck: lint\ntitle: Lint\nsource:\n  file: source.md\nquestions:\n"
SENTENCE = "Algeria has an embassy in Bamako and a consulate in Gao."


def quoting_questions(count: int, silenced: int = 0) -> str:
    """`count` questions quoting parts of one sentence, the first `silenced` of them silenced."""
    parts = SENTENCE.rstrip(".").split()
    return "".join(
        f"  - id: q{n}\n    type: truefalse\n    prompt: Statement {n}.\n    answer: true\n"
        f"    quote: {' '.join(parts[n % 3 : n % 3 + 4])}\n"
        + ("    silence: [crowded-sentence]\n" if n < silenced else "")
        for n in range(count)
    )


@pytest.mark.parametrize(
    ("count", "silenced", "expected"),
    [
        (MAX_QUOTES_PER_SENTENCE, 0, []),
        (MAX_QUOTES_PER_SENTENCE + 1, 0, ["crowded-sentence"]),
        (MAX_QUOTES_PER_SENTENCE + 1, 1, []),
    ],
)
def test_more_questions_on_one_sentence_than_the_limit_warn(
    tmp_path: Path, count: int, silenced: int, expected: list[str]
) -> None:
    (tmp_path / "source.md").write_text(f"# Title\n\n## Body\n\n{SENTENCE}\n", encoding="utf-8")
    found = warnings(tmp_path, quoting_questions(count, silenced), SOURCE_HEADER)
    assert [w.code for w in found] == expected
    if found:
        assert found[0].message.startswith(
            f"{count} questions quote the source sentence '{SENTENCE}' "
            f"(more than {MAX_QUOTES_PER_SENTENCE})"
        )


def test_the_authors_guide_states_the_sentence_limit() -> None:
    guide = (Path(__file__).parents[2] / "decks" / "README.md").read_text(encoding="utf-8")
    assert f"more than {MAX_QUOTES_PER_SENTENCE} questions quote one sentence" in guide
