"""A plain `pip install .` must carry the bundled decks inside the package, under a
distribution name of our own."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
DISTRIBUTION = "yaml-quiz"
"""Free on the package index when chosen (`pip download yaml-quiz` found nothing); `quiz`
there is an unrelated GraphQL client, so a hint naming it would install the wrong thing.
The command and the import package stay `quiz`."""
WHEEL = "yaml_quiz-*.whl"

INSTALL_FROM_THE_INDEX = re.compile(r"pip install [\"']?quiz\b")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` builds, built once for the tests that look inside it."""
    folder = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(folder),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [built] = folder.glob(WHEEL)
    return built


def test_wheel_contains_the_bundled_decks_and_their_sources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for deck in (ROOT / "decks").rglob("*"):
        if deck.is_file():
            assert f"quiz/_bundled_decks/{deck.relative_to(ROOT / 'decks')}" in names
    for style in (ROOT / "quiz").rglob("*.tcss"):
        assert str(style.relative_to(ROOT)) in names


def test_installed_copy_checks_its_bundled_decks_outside_the_repository(
    tmp_path: Path, wheel: Path
) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "check", "-v"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("site/quiz/_bundled_decks/algeria-mali-relations.yaml: ")


def test_the_distribution_has_a_name_of_its_own() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION
    assert project["scripts"] == {"quiz": "quiz.cli:main"}


def test_no_install_hint_names_the_other_project() -> None:
    """Every hint installs our distribution or the clone (`pip install '.[anki]'`)."""
    files = [ROOT / "README.md", ROOT / "decks" / "README.md", *(ROOT / "quiz").rglob("*.py")]
    hints = [
        f"{path.relative_to(ROOT)}: {match.group()}"
        for path in files
        for match in INSTALL_FROM_THE_INDEX.finditer(path.read_text(encoding="utf-8"))
    ]
    assert hints == []
