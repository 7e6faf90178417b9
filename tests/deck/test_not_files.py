"""Paths that name no plain file: a named pipe, a device, a link that loops, a folder that
cannot be listed. Wherever one is met (a deck path, inside a deck folder, a deck's
`source: file:`, a file to import) it is one located line, at once.

Each case runs `quiz` as a process with a time and memory limit: before these checks a
pipe blocked for ever and `/dev/zero` was read until memory ran out.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

MEMORY_LIMIT = 2 * 2**30
"""Bytes of address space a run may take: a process reading a device stops here."""

NOBODY = "65534"


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def make_loop(path: Path) -> None:
    path.symlink_to(path.name)


NOT_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (make_fifo, "it is a named pipe (FIFO), not a file"),
    "device": (make_device, "it is a device, not a file"),
    "loop": (make_loop, "its symbolic links lead round in a loop"),
}

TO_IMPORT = {**NOT_FILES, "folder": (Path.mkdir, "it is a folder, not a file")}
"""A folder is no file to import either (as a deck path, it is a folder of decks)."""

DECK = """\
deck: sourced
title: Sourced
source:
  file: {source}
questions:
  - id: q
    type: truefalse
    prompt: Gao is in Mali.
    answer: true
"""


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def quiz(*args: str, cwd: Path, user: str = "") -> subprocess.CompletedProcess[str]:
    """`quiz ARGS` in `cwd`, as `user` when one is given; stopped after 20 seconds."""
    as_user = ["setpriv", "--reuid", user, "--regid", user, "--clear-groups"] if user else []
    return subprocess.run(
        [*as_user, sys.executable, "-m", "quiz", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=20,
        check=False,
        preexec_fn=limit_memory,
    )


@pytest.mark.parametrize("kind", NOT_FILES)
def test_a_deck_path_that_is_no_file(tmp_path: Path, kind: str) -> None:
    make, reason = NOT_FILES[kind]
    make(tmp_path / "deck.yaml")
    run = quiz("check", "deck.yaml", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (1, "")
    assert run.stdout.splitlines()[0] == f"deck.yaml:1:1: error: cannot read the file: {reason}"


@pytest.mark.parametrize("kind", NOT_FILES)
@pytest.mark.parametrize("command", ["check", "play", "study", "export"])
def test_a_deck_in_a_folder_that_is_no_file(tmp_path: Path, kind: str, command: str) -> None:
    make, reason = NOT_FILES[kind]
    (tmp_path / "decks").mkdir()
    make(tmp_path / "decks" / "deck.yaml")
    run = quiz(command, "decks", cwd=tmp_path)
    assert run.returncode == 1
    assert (
        f"decks/deck.yaml:1:1: error: cannot read the file: {reason}\n" in run.stdout + run.stderr
    )
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("kind", ["fifo", "loop"])
def test_a_source_file_that_is_no_file(tmp_path: Path, kind: str) -> None:
    make, reason = NOT_FILES[kind]
    make(tmp_path / "source.md")
    (tmp_path / "deck.yaml").write_text(DECK.format(source="source.md"), encoding="utf-8")
    run = quiz("check", "deck.yaml", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (1, "")
    assert run.stdout.splitlines()[0] == (
        f"deck.yaml:4:9: error: cannot read the source file 'source.md': {reason}"
    )


@pytest.mark.parametrize("kind", TO_IMPORT)
@pytest.mark.parametrize("name", ["cards.csv", "cards.apkg"])
def test_a_file_to_import_that_is_no_file(tmp_path: Path, kind: str, name: str) -> None:
    make, reason = TO_IMPORT[kind]
    make(tmp_path / name)
    run = quiz("import", name, "-o", "deck.yaml", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == f"quiz: error: {name}: cannot read the file: {reason}\n"
    assert not (tmp_path / "deck.yaml").exists()


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder every user can reach (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="quiz-test-"))
    folder.chmod(0o755)
    yield folder
    for below in folder.rglob("*"):
        if below.is_dir() and not below.is_symlink():
            below.chmod(0o755)
    shutil.rmtree(folder)


def test_a_folder_that_cannot_be_listed_is_an_error(shared_folder: Path) -> None:
    """Root lists any folder, so as root the check runs as nobody, through setpriv."""
    user = NOBODY if os.geteuid() == 0 else ""
    if user and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop permission to list")
    hidden = shared_folder / "decks" / "hidden"
    hidden.mkdir(parents=True)
    shutil.copy(Path(__file__).parent.parent / "decks" / "every-type.yaml", hidden)
    hidden.chmod(0)
    run = quiz("check", "decks", cwd=shared_folder, user=user)
    assert (run.returncode, run.stderr) == (1, "")
    assert run.stdout.splitlines() == [
        "decks/hidden:1:1: error: cannot list the folder: permission was denied",
        "1 error in 1 folder that cannot be listed (0 decks checked)",  # not "1 of 1 deck"
    ]
