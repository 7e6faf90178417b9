"""`quiz export` as a user runs it: the summary, refusals, and never a partial package."""

from __future__ import annotations

import ast
import errno
import os
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest

import quiz
from quiz.cli import main
from quiz.paths import store_path

from .conftest import ADDED, OTHER_DECK, without

EVERY_TYPE = Path(__file__).parents[1] / "decks" / "every-type.yaml"

BAD_DECK = """\
deck: bad
title: Bad
questions:
  - id: capital
    type: choice
    prompt: Which city?
    choices: [Bamako, Gao]
    answer: Kidal
"""


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_export_writes_the_package_and_says_what_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "study.apkg"
    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 0
    first = capsys.readouterr()
    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 0
    second = capsys.readouterr()

    wrote = f"wrote {output}: Every type [bold]test[/bold] (6); "
    assert first.out == f"{wrote}first export to this file: 6 added, 0 changed, 0 removed\n"
    assert second.out == (
        f"{wrote}since the last export to this file: 0 added, 0 changed, 0 removed\n"
    )
    assert first.err == second.err == ""
    assert zipfile.ZipFile(output).namelist() == ["collection.anki2", "media"]
    assert files_in(tmp_path) == ["data", "study.apkg"]


def test_the_summary_counts_what_changed_since_the_last_export_to_that_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = tmp_path / "every-type.yaml"
    text = EVERY_TYPE.read_text(encoding="utf-8")
    deck.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def export(output: str) -> str:
        assert main(["export", str(deck), "-o", output]) == 0
        out, err = capsys.readouterr()
        assert err == ""
        return out.removeprefix(f"wrote {output}: Every type [bold]test[/bold] (").rstrip()

    assert export("study.apkg") == "6); first export to this file: 6 added, 0 changed, 0 removed"
    edited = without(without(text, "sunni"), "events").replace("Sunni", "Shia") + ADDED
    deck.write_text(edited.replace("Which city", "What city"), encoding="utf-8")
    assert export(str(tmp_path / "study.apkg")) == (
        "5); since the last export to this file: 1 added, 1 changed, 2 removed"
    )
    deck.write_text(without(edited, "colonies"), encoding="utf-8")
    assert export("study.apkg") == (
        "4); since the last export to this file: 0 added, 1 changed, 1 removed"
        " (2 removed earlier still in the package)"
    )
    assert export("other.apkg") == "4); first export to this file: 4 added, 0 changed, 0 removed"
    deck.write_text(edited, encoding="utf-8")
    assert export("study.apkg") == (
        "5); since the last export to this file: 1 added, 0 changed, 0 removed"
        " (2 removed earlier still in the package)"
    )


def test_other_decks_in_the_same_file_are_kept_and_not_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(OTHER_DECK, encoding="utf-8")
    output = tmp_path / "study.apkg"
    assert main(["export", str(EVERY_TYPE), str(other), "-o", str(output)]) == 0
    assert capsys.readouterr().out.endswith(": 7 added, 0 changed, 0 removed\n")

    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 0

    assert capsys.readouterr().out == (
        f"wrote {output}: Every type [bold]test[/bold] (6); since the last export to this "
        "file: 0 added, 0 changed, 0 removed (1 of other decks kept as they were)\n"
    )


def test_an_invalid_deck_is_refused_with_the_check_errors_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_DECK, encoding="utf-8")
    main(["check", str(bad)])
    check_errors = capsys.readouterr().out.splitlines()[:-1]

    code = main(["export", str(EVERY_TYPE), str(bad), "-o", str(tmp_path / "quiz.apkg")])

    out, err = capsys.readouterr()
    assert code == 1
    assert check_errors
    assert out.splitlines() == check_errors
    assert f"{bad}:8:" in out
    assert err.endswith(f"nothing written to {tmp_path / 'quiz.apkg'}\n")
    assert files_in(tmp_path) == ["bad.yaml"]


def test_a_missing_folder_is_one_plain_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "missing" / "quiz.apkg"
    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 1
    assert capsys.readouterr().err == (
        f"quiz: error: cannot write {output}: the folder {output.parent} does not exist\n"
    )


def test_a_failed_write_leaves_the_previous_package_and_no_partial_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "out" / "quiz.apkg"
    output.parent.mkdir()
    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 0
    previous = output.read_bytes()
    write = zipfile.ZipFile.writestr

    def disk_full_at_media(archive: zipfile.ZipFile, info: zipfile.ZipInfo, *args: Any) -> None:
        if info.filename == "media":
            raise OSError(errno.ENOSPC, "No space left on device")
        write(archive, info, *args)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full_at_media)
    capsys.readouterr()

    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 1

    assert capsys.readouterr().err == (f"quiz: error: cannot write {output}: the disk is full\n")
    assert files_in(output.parent) == ["quiz.apkg"]
    assert output.read_bytes() == previous


def test_without_a_store_the_export_still_works_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("QUIZ_DATA_DIR", str(blocked))

    assert main(["export", str(EVERY_TYPE), "-o", str(tmp_path / "quiz.apkg")]) == 0

    out, err = capsys.readouterr()
    assert len(err.splitlines()) == 1
    assert err.startswith("quiz: warning: cannot open the history file")
    assert "change times could not be kept" in err
    assert err.endswith(
        "questions removed earlier are left out, "
        "and what changed since the last export is unknown\n"
    )
    assert out == f"wrote {tmp_path / 'quiz.apkg'}: Every type [bold]test[/bold] (6)\n"
    assert (tmp_path / "quiz.apkg").stat().st_size > 0


def test_if_the_record_cannot_be_saved_the_next_export_compares_with_the_one_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "quiz.apkg"
    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 0
    store = sqlite3.connect(store_path())
    store.execute(
        "CREATE TRIGGER full BEFORE DELETE ON exported_notes"
        " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    store.commit()
    capsys.readouterr()

    deck = tmp_path / "every-type.yaml"
    deck.write_text(without(EVERY_TYPE.read_text(encoding="utf-8"), "sunni"), encoding="utf-8")
    assert main(["export", str(deck), "-o", str(output)]) == 0
    out, err = capsys.readouterr()
    store.execute("DROP TRIGGER full")
    store.commit()
    store.close()
    assert main(["export", str(deck), "-o", str(output)]) == 0

    assert out.endswith(": 0 added, 0 changed, 1 removed\n")
    assert len(err.splitlines()) == 1
    assert err.startswith("quiz: warning: ")
    assert f"{store_path()}" in err
    assert "database or disk is full" in err
    assert err.endswith(
        "the package was written, but the next export to it will report "
        "changes against an earlier one\n"
    )
    assert capsys.readouterr().out.endswith(": 0 added, 0 changed, 1 removed\n")


def test_a_folder_without_decks_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["export", str(tmp_path / "empty"), "-o", str(tmp_path / "quiz.apkg")]) == 1
    assert "no deck files found" in capsys.readouterr().err
    assert not (tmp_path / "quiz.apkg").exists()


def test_only_quiz_anki_imports_genanki() -> None:
    package = Path(quiz.__file__).parent
    importers = set()
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name.split(".")[0] == "genanki" for name in names):
                importers.add(path.relative_to(package).as_posix())
    assert importers == {"anki/export.py"}


def test_a_folder_for_the_package_is_one_plain_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not the system's `Is a directory` mid-sentence: what to give instead."""
    assert main(["export", str(EVERY_TYPE), "-o", str(tmp_path)]) == 1
    assert capsys.readouterr() == (
        "",
        f"quiz: error: cannot write {tmp_path}: it is a folder; give a file name ending in .apkg\n",
    )
    assert files_in(tmp_path) == []


def test_a_package_name_anki_would_not_import_is_written_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "study.zip"
    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"wrote {output}: ")
    assert err == (
        "quiz: warning: Anki imports only files ending in .apkg:"
        f" rename {output} to {tmp_path / 'study.apkg'} first\n"
    )
    assert zipfile.is_zipfile(output)
    assert main(["export", str(EVERY_TYPE), "-o", str(tmp_path / "Study.APKG")]) == 0
    assert capsys.readouterr().err == ""


def test_a_folder_that_appears_in_the_packages_place_is_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made between the check and the write: the system's refusal, in our words."""
    output = tmp_path / "quiz.apkg"
    replace = os.replace

    def a_folder_first(source: Path, target: Path) -> None:
        if Path(target) == output:
            output.mkdir()
        replace(source, target)

    monkeypatch.setattr(os, "replace", a_folder_first)
    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 1
    assert capsys.readouterr().err == f"quiz: error: cannot write {output}: it is a folder\n"
