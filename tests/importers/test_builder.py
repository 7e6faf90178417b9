"""The rules every importer shares: readable, unique, stable ids; clean text; skipped rows."""

from __future__ import annotations

import pytest

from quiz.deck import ClozeQuestion, TextQuestion
from quiz.importers import QuestionBuilder, QuestionIds, Skipped, clean_text, question_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Where is Gao?", "where-is-gao"),
        (
            "Which two rivers meet near the capital of Mali, and where?",
            "which-two-rivers-meet-near-the",
        ),
        ("Côte d'Ivoire's économie", "cote-d-ivoire-s-economie"),
        (
            "Internationalisation-and-localisation-considerations in multilingual software",
            "internationalisation-and-localisation",
        ),
        ("x" * 80, "x" * 50),
        ("2012", "2012"),
    ],
)
def test_slugs_are_the_first_words_cut_at_a_word_boundary(text: str, slug: str) -> None:
    assert question_slug(text) == slug


def test_text_without_latin_letters_gets_a_stable_hash_id() -> None:
    slug = question_slug("马里的首都是哪里？")
    assert slug.startswith("q-")
    assert len(slug) == 10
    assert question_slug("马里的首都是哪里？") == slug != question_slug("阿尔及利亚的首都？")


def test_ids_are_unique_even_when_a_suffix_looks_like_another_slug() -> None:
    ids = QuestionIds()
    assert [ids.new(t) for t in ("Gao", "Gao", "Gao 2", "Gao", "Gao 2")] == [
        "gao",
        "gao-2",
        "gao-2-2",
        "gao-3",
        "gao-2-3",
    ]


def test_clean_text_keeps_lines_but_not_stray_spaces_or_control_characters() -> None:
    raw = "  first line  \r\nsecond\x07 line\u2028third\r\n\n\n\nlast\t "
    assert clean_text(raw) == "first line\nsecond line\nthird\n\nlast"


def test_rows_become_questions_or_skipped_rows_with_reasons() -> None:
    builder = QuestionBuilder()
    builder.add(3, " Where is Gao? ", "Mali", explain="On the Niger.", tags=["geo", "geo", " "])
    builder.add(4, "", "orphan answer")
    builder.add(5, "A prompt alone", "  ")
    builder.add(6, "{{c1::Gao}} is in {{c2::Mali}}", "extra", explain="more")
    builder.add(7, "No deletion", "", cloze=True)
    builder.add(8, "{{c1:: }} blank", "")
    builder.add(9, "{{c1::unclosed", "")
    builder.add(10, "{{c1::}}} closes early", "")
    result = builder.result()
    assert result.questions == (
        TextQuestion(
            id="where-is-gao",
            prompt="Where is Gao?",
            answer="Mali",
            explain="On the Niger.",
            tags=("geo",),
        ),
        ClozeQuestion(
            id="gao-is-in-mali", text="{{c1::Gao}} is in {{c2::Mali}}", explain="extra\n\nmore"
        ),
    )
    assert [q.line for q in result.questions] == [3, 6]
    assert result.skipped == (
        Skipped(4, "the prompt is empty"),
        Skipped(5, "the answer is empty"),
        Skipped(7, "the cloze text has no deletion"),
        Skipped(8, "a cloze deletion is empty"),
        Skipped(9, "the cloze text has no deletion"),
        Skipped(10, "a cloze deletion is empty"),
    )
