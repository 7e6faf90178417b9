"""`quiz export` as a user runs it: the summary, refusals, and never a partial package."""

from __future__ import annotations

import ast
import errno
import zipfile
from pathlib import Path

import pytest

import quiz
from quiz.cli import main

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

    assert first.out == (
        f"wrote {output}: Every type [bold]test[/bold] (6); "
        "6 new or changed since the last export\n"
    )
    assert second.out.endswith("; 0 new or changed since the last export\n")
    assert first.err == second.err == ""
    assert zipfile.ZipFile(output).namelist() == ["collection.anki2", "media"]
    assert files_in(tmp_path) == ["data", "study.apkg"]


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

    def disk_full_at_media(archive: zipfile.ZipFile, info: zipfile.ZipInfo, *args: object) -> None:
        if info.filename == "media":
            raise OSError(errno.ENOSPC, "No space left on device")
        write(archive, info, *args)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", disk_full_at_media)
    capsys.readouterr()

    assert main(["export", str(EVERY_TYPE), "-o", str(output)]) == 1

    assert capsys.readouterr().err == (
        f"quiz: error: cannot write {output}: No space left on device\n"
    )
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
    assert out.startswith(f"wrote {tmp_path / 'quiz.apkg'}:")
    assert (tmp_path / "quiz.apkg").stat().st_size > 0


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
