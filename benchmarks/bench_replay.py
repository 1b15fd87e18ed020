"""How long a long save takes to load: ``Session.resume`` of a 20,000-action save.

Run from anywhere:

    /work/venv/bin/python benchmarks/bench_replay.py [--actions N] [--reps N]

The save is made in the run: seeded random legal play of the tutorial until the game
ends, its actions repeated until there are N (the later ones are refused, as in a save
padded to keep the game busy), written with ``write_save``. Two figures, each a median:

- **resume**: ``Session.resume(read_save(path))``, what replay, debrief, demo and
  "Continue" do. Aim: < 1 s for 20,000 actions.
- **baseline**: one ``Engine`` stepping the same actions from the same first state, the
  least any replay can cost; the ratio shows what reading and the session add.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from trafficking_sim.content import load_game
from trafficking_sim.engine import Action, Engine
from trafficking_sim.saves import read_save, write_save
from trafficking_sim.session import Session

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
AIM_SECONDS = 1.0


def make_actions(engine: Engine, role: str, count: int, seed: int = 7) -> list[Action]:
    rng = random.Random(seed)
    state, _ = engine.new_game(role, seed)
    played: list[Action] = []
    while not state.over and len(played) < count:
        action = rng.choice(engine.legal_actions(state))
        state, _ = engine.step(state, action)
        played.append(action)
    return [played[i % len(played)] for i in range(count)]


def timed(work: object, reps: int) -> list[float]:
    times = []
    for _ in range(reps + 1):  # the first is a warm-up
        gc.collect()
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    content = load_game(TUTORIAL)
    role = content.roles[0]
    engine = Engine(content)
    actions = make_actions(engine, role, args.actions)
    session = Session.new(content, role, 7, "en")
    session.actions = list(actions)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.json"
        write_save(path, session.savegame())
        print(f"save: {args.actions} actions, {path.stat().st_size / 1024:.0f} KB", file=sys.stderr)

        def resume() -> None:
            Session.resume(read_save(path))

        def baseline() -> None:
            state, _ = engine.new_game(role, 7)
            for action in actions:
                state, _ = engine.step(state, action)

        resumed = statistics.median(timed(resume, args.reps))
        base = statistics.median(timed(baseline, args.reps))
    met = "yes" if resumed < AIM_SECONDS else "NO"
    print(f"{'figure':<10} {'median':>9} {'ratio':>7}  aim      met")
    print(f"{'resume':<10} {resumed:>8.3f}s {resumed / base:>6.2f}x  < {AIM_SECONDS:.0f} s   {met}")
    print(f"{'baseline':<10} {base:>8.3f}s {1:>6.2f}x")
    return 0 if resumed < AIM_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
