"""CSV and TSV files: headers, delimiters, quoting, line numbers, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.deck import ClozeQuestion, TextQuestion
from quiz.importers import Skipped, UnreadableFile, delimited


def write(name: str, text: str, encoding: str = "utf-8") -> Path:
    path = Path(name)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    "header",
    ["prompt,answer", "Term,Definition", "FRONT,BACK", "question, answer ,explanation,tags"],
)
def test_a_header_row_is_not_a_card(header: str) -> None:
    imported = delimited.read(write("cards.csv", f"{header}\nWhere is Gao?,Mali\n"))
    assert imported.questions == (
        TextQuestion(id="where-is-gao", prompt="Where is Gao?", answer="Mali"),
    )
    assert imported.questions[0].line == 2


def test_a_header_may_put_the_columns_in_any_order() -> None:
    text = "tags,answer,question,notes\nhistory,2012,When was the coup?,In March.\n"
    (question,) = delimited.read(write("cards.csv", text)).questions
    assert question == TextQuestion(
        id="when-was-the-coup",
        prompt="When was the coup?",
        answer="2012",
        explain="In March.",
        tags=("history",),
    )


def test_a_header_naming_an_unknown_column_is_an_error_on_its_line() -> None:
    with pytest.raises(UnreadableFile, match="the header names a column 'source'") as caught:
        delimited.read(write("cards.csv", "\nprompt,answer,source\nQ,A,Wikipedia\n"))
    assert caught.value.line == 2


def test_without_a_header_the_third_column_explains() -> None:
    (question,) = delimited.read(write("cards.csv", "Where is Gao?,Mali,On the Niger.\n")).questions
    assert question.explain == "On the Niger."


def test_tags_split_on_spaces_and_commas() -> None:
    (question,) = delimited.read(write("c.csv", 'Q,A,,"geo, capitals  africa,geo"\n')).questions
    assert question.tags == ("geo", "capitals", "africa")


def test_multi_line_fields_report_where_their_row_starts() -> None:
    text = 'prompt,answer\n"Line one\nline two",\n"ok","fine"\nlast,\n'
    imported = delimited.read(write("c.csv", text))
    assert imported.skipped == (
        Skipped(2, "the answer is empty"),
        Skipped(5, "the answer is empty"),
    )
    assert imported.questions[0].line == 4


def test_a_broken_quote_in_a_csv_names_its_line() -> None:
    with pytest.raises(UnreadableFile, match=r"cannot read this row: ',' expected") as caught:
        delimited.read(write("c.csv", 'a,b\nc,"d"e\n'))
    assert caught.value.line == 2


def test_an_unclosed_quote_does_not_swallow_the_rest_of_a_csv() -> None:
    with pytest.raises(UnreadableFile) as caught:
        delimited.read(write("c.csv", 'a,b\n"c,d\ne,f\n'))
    assert caught.value.line == 2


def test_tab_files_that_break_quoting_are_read_literally_as_quizlet_writes_them() -> None:
    text = 'He said "hi"\tdijo "hola"\n"Hi" is short\t"Hola" también\n'
    prompts = [q.prompt for q in delimited.read(write("words.txt", text)).questions]
    assert prompts == ['He said "hi"', '"Hi" is short']


def test_the_delimiter_is_sniffed_for_other_extensions() -> None:
    text = "Capital of Mali;Bamako\nCapital of Niger;Niamey\n"
    imported = delimited.read(write("cards.dat", text))
    assert [q.answer_text for q in imported.questions] == ["Bamako", "Niamey"]


def test_an_unsniffable_file_asks_for_a_format() -> None:
    with pytest.raises(UnreadableFile, match="use --format csv or --format tsv"):
        delimited.read(write("notes.md", "just some words\nand more words\n"))


def test_a_given_delimiter_wins_over_the_extension() -> None:
    imported = delimited.read(write("cards.csv", "a, b\tc\n"), delimiter="\t")
    assert imported.questions[0].prompt == "a, b"


def test_utf16_with_a_bom_as_excel_saves_unicode_text() -> None:
    path = write("cards.txt", "\ufeffCapital of Côte d'Ivoire\tYamoussoukro\r\n", "utf-16-le")
    (question,) = delimited.read(path).questions
    assert question.prompt == "Capital of Côte d'Ivoire"


def test_text_that_is_not_utf8_names_its_line() -> None:
    path = Path("latin1.csv")
    path.write_bytes("a,b\nCôte,d'Ivoire\n".encode("latin-1"))
    with pytest.raises(UnreadableFile, match="not UTF-8") as caught:
        delimited.read(path)
    assert caught.value.line == 2


def test_a_front_with_a_cloze_deletion_is_a_cloze() -> None:
    (question,) = delimited.read(
        write("c.csv", "{{c1::Bamako}} is Mali's capital,,Big city\n")
    ).questions
    assert question == ClozeQuestion(
        id="bamako-is-mali-s-capital", text="{{c1::Bamako}} is Mali's capital", explain="Big city"
    )


def test_blank_rows_are_neither_cards_nor_skipped() -> None:
    imported = delimited.read(write("c.csv", "\n,,\n  ,\nQ,A\n\n"))
    assert len(imported.questions) == 1
    assert imported.skipped == ()
