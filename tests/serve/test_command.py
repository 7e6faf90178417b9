"""`quiz serve`'s mistakes said in one line: a broken deck, a port in use, a bad limit."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quiz", "serve", "--no-open", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_broken_deck_is_said_before_anything_is_served(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("deck: broken\ntitle: Broken\nquestions: [}\n", encoding="utf-8")
    result = serve("--port", "0", str(broken))
    assert result.returncode == 1
    assert "broken.yaml:3" in result.stderr
    assert "http://" not in result.stdout


def test_a_port_in_use_is_one_line() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = serve("--port", str(port))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"quiz: error: cannot listen on 127.0.0.1:{port}: address already in use"
    ]


def test_at_least_one_app(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        main(["serve", "--max-apps", "0"])
    assert usage.value.code == 2
    assert "--max-apps: must be 1 or more, not 0" in capsys.readouterr().err
