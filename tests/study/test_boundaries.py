"""The study core's import rules: fsrs behind one module, no Textual anywhere in it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import quiz

PACKAGE = Path(quiz.__file__).parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_scheduler_imports_fsrs() -> None:
    importers = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if any(name.split(".")[0] == "fsrs" for name in imported_modules(path))
    }
    assert importers == {"study/scheduler.py"}


def test_the_study_core_loads_without_textual() -> None:
    modules = ["quiz.study.queue", "quiz.study.progress", "quiz.study.rating", "quiz.store.cards"]
    code = f"import sys; import {', '.join(modules)}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.returncode, result.stdout.strip()) == (0, "False"), result.stderr
