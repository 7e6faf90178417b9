"""Benchmarks: the app's speed as ratios against baselines measured in the same run.

Run `python tests/bench.py` (add `--sizes 1000 10000` to pick sizes, `--repeat N` for
more runs). Each figure is the median of several runs, printed next to its baseline and
as a ratio, because these machines are noisy and only ratios compare across runs.
pytest does not collect this file: it is a script, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import yaml

from quiz.deck import load_deck

TARGETS = {"check": 1.3, "export": 1.3}

QUESTION_TEMPLATES = (
    """  - id: choice-{n}
    type: choice
    section: Section {s}
    prompt: Which city is number {n} in the list of cities?
    choices: [Gao, Bamako, Kidal, Timbuktu]
    answer: Gao
    explain: Gao is the answer to question {n}.
    tags: [geography, t{s}]
""",
    """  - id: multi-{n}
    type: multi
    section: Section {s}
    prompt: Which of these belong to group {n}? Select all that apply.
    choices: [Algeria, Mali, Nigeria, Ghana]
    answers: [Algeria, Mali]
    tags: [history]
""",
    """  - id: truefalse-{n}
    type: truefalse
    section: Section {s}
    prompt: Statement number {n} is true.
    answer: true
""",
    """  - id: text-{n}
    type: text
    section: Section {s}
    prompt: On what date did event {n} happen?
    answer: 7 April 2025
    accept: ["April 7, 2025", 2025-04-07]
""",
    """  - id: cloze-{n}
    type: cloze
    section: Section {s}
    text: Algeria keeps an embassy in {{{{c1::Bamako}}}} and a consulate in {{{{c2::Gao}}}} ({n}).
""",
    """  - id: order-{n}
    type: order
    section: Section {s}
    prompt: Put the events of series {n} in order.
    items: [Consulate seized, Ambassador recalled, Drone shot down, Flights banned]
""",
)


def generate_deck(folder: Path, size: int) -> Path:
    """A valid deck of `size` questions cycling through every type."""
    path = folder / f"bench-{size}.yaml"
    parts = [f"deck: bench-{size}\ntitle: Benchmark deck of {size}\nquestions:\n"]
    for n in range(size):
        template = QUESTION_TEMPLATES[n % len(QUESTION_TEMPLATES)]
        parts.append(template.format(n=n, s=n % 7))
    path.write_text("".join(parts), encoding="utf-8")
    return path


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def peak_memory_mb(action: Callable[[], object]) -> float:
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def bench_check(path: Path, repeat: int) -> tuple[float, float, float]:
    """`quiz check`'s loading against a bare libyaml parse of the same file."""
    text = path.read_text(encoding="utf-8")
    baseline = median_seconds(lambda: yaml.load(text, Loader=yaml.CSafeLoader), repeat)
    ours = median_seconds(lambda: load_deck(path), repeat)
    memory = peak_memory_mb(lambda: load_deck(path))
    return ours, baseline, memory


BARE_EXPORT = """
import sys, genanki, yaml
with open(sys.argv[1], encoding="utf-8") as file:
    data = yaml.load(file, Loader=yaml.CSafeLoader)
model = genanki.Model(1607392319, "Bare", fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": "{{Back}}"}])
deck = genanki.Deck(2059400110, data["title"])
for question in data["questions"]:
    front = str(question.get("prompt") or question.get("text"))
    back = str(question.get("answer") or question.get("answers") or question.get("items"))
    deck.add_note(genanki.Note(model=model, fields=[front, back], guid=question["id"]))
genanki.Package(deck).write_to_file(sys.argv[2])
"""


def bench_export(path: Path, repeat: int) -> tuple[float, float]:
    """`quiz export` against a bare script writing the same number of genanki notes."""
    folder = path.parent
    env = {**os.environ, "QUIZ_DATA_DIR": str(folder / "data")}

    def run(*args: str) -> None:
        subprocess.run([sys.executable, *args], check=True, capture_output=True, env=env)

    baseline = median_seconds(
        lambda: run("-c", BARE_EXPORT, str(path), str(folder / "bare.apkg")), repeat
    )
    ours = median_seconds(
        lambda: run("-m", "quiz", "export", str(path), "-o", str(folder / "ours.apkg")), repeat
    )
    return ours, baseline


def bench_startup(repeat: int) -> tuple[float, float, bool]:
    """`quiz check --help` start-up against a bare `python -c pass`, and whether Textual loads."""

    def run(*args: str) -> None:
        subprocess.run([sys.executable, *args], check=True, capture_output=True)

    baseline = median_seconds(lambda: run("-c", "pass"), repeat)
    ours = median_seconds(lambda: run("-m", "quiz", "check", "--help"), repeat)
    probe = "import sys, quiz.cli, quiz.commands.check; print('textual' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    return ours, baseline, loaded.stdout.strip() == "True"


def row(name: str, ours: float, baseline: float, target: float | None, extra: str = "") -> str:
    ratio = ours / baseline
    verdict = "" if target is None else ("ok" if ratio <= target else f"MISSES {target}x")
    return (
        f"{name:<28} {ours * 1000:>10.1f} ms {baseline * 1000:>10.1f} ms {ratio:>6.2f}x "
        f"{verdict:<12} {extra}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'measure':<28} {'ours':>13} {'baseline':>13} {'ratio':>7} {'target':<12} notes")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = generate_deck(Path(folder), size)
            repeat = args.repeat if size <= 10_000 else max(1, args.repeat // 2)
            ours, baseline, memory = bench_check(path, repeat)
            print(
                row(
                    f"check {size:,}",
                    ours,
                    baseline,
                    TARGETS["check"],
                    f"peak {memory:.0f} MB, vs yaml.load(CSafeLoader)",
                )
            )
            ours, baseline = bench_export(path, repeat)
            print(
                row(
                    f"export {size:,}",
                    ours,
                    baseline,
                    TARGETS["export"],
                    "vs a bare parse + genanki script, whole processes",
                )
            )
    ours, baseline, textual = bench_startup(args.repeat)
    print(
        row(
            "check start-up",
            ours,
            baseline,
            None,
            f"vs python -c pass; imports Textual: {'yes' if textual else 'no'}",
        )
    )


if __name__ == "__main__":
    main()
