"""Benchmarks of the explorer (``trafficking-sim explore``), against a same-run baseline.

    /work/venv/bin/python benchmarks/bench_explore.py [--budget 20000] [--reps 3] [--json FILE]

Figures, each a median over repetitions, on the flagship scenario (``exercise``):

1. Distinct states per second of the breadth-first search, for each role, with the
   beam search switched off so only the exhaustive part is timed, in CPU time; and the
   engine steps it took per new state (below one: most children are made by a step
   reused, see ``_Outcomes`` in ``explore/search.py``). Aim: >= 20,000 per second on
   one core.
2. Baseline, same run: ``Engine.step`` calls per second of the lean engine the search
   uses (``Engine(content, lean=True)``), in seeded random play of the same scenario.
   Every new state costs at least one step, so this is the ceiling the search can
   approach; the ratio says how much the search's own bookkeeping adds.
3. The cooperation check (only ``do`` and ``end``) for all five roles: total seconds.
   Aim: < 60 s.
4. Peak memory (tracemalloc) of one search at growing budgets: it should grow with the
   budget and level off when the budget exceeds the game tree, never the other way.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trafficking_sim.content import load_game
from trafficking_sim.engine import EndTurn, Engine
from trafficking_sim.explore.search import DEFAULT_BUDGET, alone, explore

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "scenarios" / "exercise.yaml"


def _median(values: list[float]) -> float:
    return statistics.median(values)


def states_per_second(content: Any, role: str, budget: int, reps: int) -> dict[str, Any]:
    """Distinct states per second of the exhaustive search, in CPU time (the machine's
    other programs weigh less than in wall time), and its engine steps per new state."""
    rates, states, steps = [], 0, 0
    for _ in range(reps):
        gc.collect()
        began = time.process_time()
        search = explore(content, role, seed=1, budget=budget, beam_width=0)
        rates.append(search.states / max(time.process_time() - began, 1e-9))
        states, steps = search.states, search.steps
    return {"median": _median(rates), "best": max(rates), "states": states, "steps": steps}


def step_rate(content: Any, seconds: float = 2.0) -> float:
    """Steps per second of the lean engine the search uses: the baseline (CPU time, as
    the searches of the table)."""
    return lean_step_rate(content, seconds, clock=time.process_time)


def cooperation_seconds(content: Any, reps: int) -> dict[str, Any]:
    times = []
    for _ in range(reps):
        began = time.perf_counter()
        for role in content.roles:
            explore(content, role, seed=1, allow=alone)
        times.append(time.perf_counter() - began)
    return {"median": _median(times), "best": min(times)}


def peak_memory(content: Any, role: str, budgets: list[int]) -> list[dict[str, Any]]:
    rows = []
    for budget in budgets:
        gc.collect()
        tracemalloc.start()
        search = explore(content, role, seed=1, budget=budget, beam_width=0)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append({"budget": budget, "states": search.states, "peak_mb": peak / 2**20})
    return rows


AIM_STATES_PER_S = 20_000
AIM_COOPERATION_S = 60.0


def lean_step_rate(
    content: Any, seconds: float, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Steps per second of the lean engine the search uses, in seeded random play."""
    engine = Engine(content, lean=True)
    rng = random.Random(1)
    steps, spent = 0, 0.0
    roles = list(content.roles)
    while spent < seconds:
        state, _ = engine.new_game(rng.choice(roles), rng.randrange(1000))
        while not state.over:
            action = rng.choice([*engine.candidate_actions(state), EndTurn()])
            began = clock()
            state, _ = engine.step(state, action)
            spent += clock() - began
            steps += 1
    return steps / spent


def rows(quick: bool = False) -> list[dict[str, Any]]:
    """The figures of this file for ``benchmarks/run.py`` (``quick``: tiny, to check it runs).

    The search runs with ``explore``'s own settings (seed 1, the command's budget, the beam
    search on), for the flagship's first role; ``quick`` cuts the budget to 3,000.
    """
    content = load_game(FLAGSHIP)
    role = content.roles[0]
    budget = 3_000 if quick else DEFAULT_BUDGET
    base_us = 1e3 / lean_step_rate(content, 0.5 if quick else 3.0)
    gc.collect()
    began = time.perf_counter()
    search = explore(content, role, seed=1, budget=budget)
    total = time.perf_counter() - began
    per_state = search.seconds / max(search.states, 1) * 1e3
    rate = search.states / search.seconds
    out: list[dict[str, Any]] = [
        {
            "figure": f"`explore {FLAGSHIP.stem} --role {role}`: a distinct state "
            f"({search.states:,} in {search.seconds:.1f} s)",
            "project_ms": per_state,
            "baseline_ms": base_us,
            "baseline": "a lean Engine.step",
            "ratio": per_state / base_us,
            "aim": f">= {AIM_STATES_PER_S:,} states/s",
            "met": rate >= AIM_STATES_PER_S,
            "leaves_out": "loading the scenario; the report; the other roles",
        },
        {
            "figure": f"`explore {FLAGSHIP.stem} --role {role}`: whole search with the beam",
            "project_ms": total * 1e3,
            "baseline_ms": search.seconds * 1e3,
            "baseline": "its exhaustive part",
            "ratio": total / search.seconds,
            "aim": "-",
            "met": None,
            "leaves_out": "loading the scenario; the report",
        },
    ]
    began = time.perf_counter()
    roles = content.roles[:1] if quick else content.roles
    states = 0
    for each in roles:
        states += explore(content, each, seed=1, allow=alone).states
    coop = time.perf_counter() - began
    out.append(
        {
            "figure": f"`explore {FLAGSHIP.stem} --cooperation`, {len(roles)} role(s), "
            f"{states:,} states",
            "project_ms": coop * 1e3,
            "baseline_ms": states * base_us,
            "baseline": "as many lean steps",
            "ratio": coop * 1e3 / (states * base_us),
            "aim": f"< {AIM_COOPERATION_S:g} s",
            "met": coop < AIM_COOPERATION_S,
            "leaves_out": "loading the scenario; the report",
        }
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=int, default=20_000)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    content = load_game(FLAGSHIP)
    print(f"Python {platform.python_version()} on {platform.platform()}", file=sys.stderr)
    baseline = step_rate(content)
    results: dict[str, Any] = {"baseline_steps_per_s": baseline, "roles": {}}
    print(f"\nbaseline: lean Engine.step in random play: {baseline:,.0f} steps/s\n")
    print(
        f"{'role':<15} {'states':>8} {'median/s':>10} {'best/s':>10} {'vs step':>8} "
        f"{'steps/state':>12}  aim 20,000"
    )
    for role in content.roles:
        row = states_per_second(content, role, args.budget, args.reps)
        results["roles"][role] = row
        print(
            f"{role:<15} {row['states']:>8,} {row['median']:>10,.0f} {row['best']:>10,.0f} "
            f"{row['median'] / baseline:>7.2f}x {row['steps'] / row['states']:>12.2f}  "
            f"{'met' if row['median'] >= 20_000 else 'not met'}"
        )
    coop = cooperation_seconds(content, args.reps)
    results["cooperation"] = coop
    print(
        f"\ncooperation check, all {len(content.roles)} roles: {coop['median']:.2f} s "
        f"(best {coop['best']:.2f} s); aim < 60 s: {'met' if coop['median'] < 60 else 'not met'}"
    )
    role = next(iter(content.roles))
    budgets = [args.budget // 4, args.budget // 2, args.budget]
    memory = peak_memory(content, role, budgets)
    results["memory"] = memory
    print(f"\npeak memory of one search ({role}), by budget:")
    for row in memory:
        print(f"  budget {row['budget']:>7,}: {row['states']:>7,} states, {row['peak_mb']:.1f} MB")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
