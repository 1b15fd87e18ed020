"""What `Engine.step` runs, counted exactly: bytecode instructions, Python and C calls.

Timings on a shared machine move by tens of percent between runs; these counts do not
depend on the load. It steps the same seeded `(state, action)` pairs as `ab_step.py` (40
random legal games of every role) with `sys.settrace` (`f_trace_opcodes`) for the
instructions and `sys.setprofile` for the calls, and prints them per step: all pairs, the
steps that end a turn, and the others. `--functions N` lists the N functions that run the
most instructions. Give a checkout to count another tree (its package is imported from it).

    python benchmarks/count_step.py                  # this tree, the flagship
    python benchmarks/count_step.py /tmp/base --functions 20

An instruction is counted as one whatever it costs, and a C call replacing a short loop
can count fewer and take longer: confirm a change with `ab_step.py`.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree", nargs="?", type=Path, default=ROOT, help="a checkout")
    parser.add_argument("--scenario", default="exercise", help="a scenario file's stem")
    parser.add_argument("--functions", type=int, default=0, help="list the top N functions")
    args = parser.parse_args(argv)
    tree = args.tree.resolve()
    sys.path.insert(0, str(tree))
    from ab_step import pairs_of  # (the same pairs as the A/B: one place makes them)

    from trafficking_sim.engine import EndTurn

    step, pairs = pairs_of("trafficking_sim", tree / "scenarios" / f"{args.scenario}.yaml")
    for state, action in pairs:  # (once first: what an engine remembers is made)
        step(state, action)
    groups = {
        "all steps": pairs,
        "ending a turn": [p for p in pairs if type(p[1]) is EndTurn],
        "the others": [p for p in pairs if type(p[1]) is not EndTurn],
    }
    for name, group in groups.items():
        ops, by_function, python_calls, c_calls = _count(step, group)
        n = len(group)
        print(
            f"{name} ({n} pairs): {ops / n:.1f} instructions, {python_calls / n:.2f} Python "
            f"calls, {c_calls / n:.2f} C calls a step"
        )
        if args.functions and name == "all steps":
            for function, count in by_function.most_common(args.functions):
                print(f"  {count / n:8.1f} {function}")
    return 0


def _count(
    step: Any, pairs: list[tuple[Any, Any]]
) -> tuple[int, collections.Counter[str], int, int]:
    ops = 0
    by_function: collections.Counter[str] = collections.Counter()

    def local(frame: FrameType, event: str, _: Any) -> Any:
        nonlocal ops
        if event == "opcode":
            ops += 1
            by_function[frame.f_code.co_qualname] += 1
        return local

    def tracer(frame: FrameType, _event: str, _arg: Any) -> Any:
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        return local

    sys.settrace(tracer)
    try:
        for state, action in pairs:
            step(state, action)
    finally:
        sys.settrace(None)
    calls = collections.Counter[str]()

    def profiler(_frame: FrameType, event: str, _arg: Any) -> None:
        calls[event] += 1

    sys.setprofile(profiler)
    try:
        for state, action in pairs:
            step(state, action)
    finally:
        sys.setprofile(None)
    return ops, by_function, calls["call"], calls["c_call"]


if __name__ == "__main__":
    sys.exit(main())
