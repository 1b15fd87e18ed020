"""`Engine.step` of this tree against another checkout, in one process, interleaved.

On a shared, loaded machine two benchmark runs one after the other differ more than a
change of a few percent does. This steps the same seeded `(state, action)` pairs as
`bench_core.py` (40 random legal games of every role) through both engines in the same
process, alternating which goes first, and measures CPU time (`time.process_time`, so
other processes weigh less). The other checkout's package is copied to a temporary folder
under another name (the package imports itself only relatively), so both load side by
side.

    git worktree add /tmp/base 35aca2d
    python benchmarks/ab_step.py /tmp/base              # the flagship, 40 runs
    python benchmarks/ab_step.py /tmp/base --runs 80 --scenario tutorial

It prints the minimum, the first quartile and the median of each side's microseconds per
step, and the ratios (other / this: above 1 means this tree is faster).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GAMES = 40
SEED = 7  # (bench_core's seed of the random choices)


def pairs_of(package: str, scenario: Path) -> tuple[Callable[..., Any], list[tuple[Any, Any]]]:
    """The engine's step and the pairs of seeded random legal games of every role."""
    load_game = importlib.import_module(f"{package}.content").load_game
    engine = importlib.import_module(f"{package}.engine").Engine(load_game(scenario))
    rng = random.Random(SEED)
    roles = list(engine.content.roles)
    pairs = []
    for game in range(GAMES):
        state, _ = engine.new_game(roles[game % len(roles)], game)
        while not state.over:
            action = rng.choice(engine.legal_actions(state))
            pairs.append((state, action))
            state, _ = engine.step(state, action)
    return engine.step, pairs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="the other checkout (a git worktree)")
    parser.add_argument("--runs", type=int, default=40, help="runs of all pairs per side")
    parser.add_argument("--scenario", default="exercise", help="a scenario file's stem")
    args = parser.parse_args(argv)
    scenario = ROOT / "scenarios" / f"{args.scenario}.yaml"
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(
            args.other / "trafficking_sim",
            Path(folder) / "other_trafficking_sim",
            ignore=shutil.ignore_patterns("__pycache__"),
        )
        sys.path.insert(0, folder)
        sys.path.insert(0, str(ROOT))
        sides = {
            "other": pairs_of("other_trafficking_sim", scenario),
            "this": pairs_of("trafficking_sim", scenario),
        }
        times: dict[str, list[float]] = {name: [] for name in sides}
        for run in range(args.runs):
            order = list(sides.items())
            for name, (step, pairs) in order[::-1] if run % 2 else order:
                gc.collect()
                start = time.process_time()
                for state, action in pairs:
                    step(state, action)
                times[name].append((time.process_time() - start) / len(pairs) * 1e6)
    count = len(sides["this"][1])
    for name, values in times.items():
        values.sort()
        print(
            f"{name}: min {values[0]:.2f} us, first quartile {values[len(values) // 4]:.2f} us, "
            f"median {statistics.median(values):.2f} us a step ({count} pairs, {args.runs} runs)"
        )
    other, this = times["other"], times["this"]
    print(
        f"other / this: minimum {other[0] / this[0]:.3f}, "
        f"median {statistics.median(other) / statistics.median(this):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
