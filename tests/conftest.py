"""What every test shares: a data folder of its own, never the user's real history."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def local_zone() -> Iterator[Callable[[str], None]]:
    """Sets the computer's local zone (what the app uses for the learner's days) to a POSIX
    `TZ` value, such as "UTC" or "CET-1", and puts the original back afterwards."""
    before = os.environ.get("TZ")

    def set_zone(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
