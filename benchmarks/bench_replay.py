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
from typing import Any

from trafficking_sim.content import load_game
from trafficking_sim.engine import Action, EndTurn, Engine
from trafficking_sim.play.saves import read_save, write_save
from trafficking_sim.play.session import Session

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"
FLAGSHIP = ROOT / "scenarios" / "exercise.yaml"
AIM_RESUME_MS = 20.0
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


def _long_game(
    engine: Engine, seats: tuple[str, ...], count: int, tries: int
) -> tuple[int, list[Action]]:
    """The longest of ``tries`` seeded random legal games (cut at ``count`` actions), each
    action other than ending the turn preferred 4 times in 5, as a player does a turn's
    work before ending it: (seed, actions)."""
    best: tuple[int, list[Action]] = (0, [])
    for seed in range(tries):
        rng = random.Random(seed)
        state, _ = engine.new_game(seats[0], seed, seats if len(seats) > 1 else ())
        played: list[Action] = []
        while not state.over and len(played) < count:
            legal = engine.legal_actions(state)
            work = [a for a in legal if not isinstance(a, EndTurn)]
            action = rng.choice(work) if work and rng.random() < 0.8 else EndTurn()
            state, _ = engine.step(state, action)
            played.append(action)
        if len(played) > len(best[1]):
            best = (seed, played)
        if len(played) >= count:
            break
    return best


def _resume_rows(
    path: Path, count: int, reps: int, tries: int, aim_ms: float, *, class_game: bool
) -> list[dict[str, Any]]:
    """Resuming a ``count``-action save of ``path``'s scenario the way Continue, replay,
    debrief and demo do, against one prebuilt Engine stepping the same actions.
    ``class_game``: a hot-seat game of every role (long games with live actions)."""
    content = load_game(path)
    engine = Engine(content)
    seats = tuple(content.roles) if class_game else (content.roles[0],)
    seed, live = _long_game(engine, seats, count, tries)
    actions = [live[i % len(live)] for i in range(count)]
    session = Session.new(content, seats[0], seed, "en", seats if class_game else ())
    session.actions = list(actions)
    with tempfile.TemporaryDirectory() as folder:
        save = Path(folder) / "game.json"
        write_save(save, session.savegame())
        began = time.perf_counter()
        Session.resume(read_save(save))
        first = (time.perf_counter() - began) * 1e3

        def resume() -> None:
            Session.resume(read_save(save))

        def baseline() -> None:
            state, _ = engine.new_game(seats[0], seed, seats if class_game else ())
            for action in actions:
                state, _ = engine.step(state, action)

        resumed = statistics.median(timed(resume, reps)) * 1e3
        base = statistics.median(timed(baseline, reps)) * 1e3
    kind = f"{len(seats)}-group class " if class_game else ""
    rest = "" if len(live) == count else f", {len(live)} live, the rest refused"
    name = f"{count}-action {path.stem} {kind}save{rest}"
    leaves = "the interface drawing the resumed game"
    return [
        {
            "figure": f"resume a {name}, first in the process",
            "project_ms": first,
            "baseline_ms": base,
            "baseline": "one prebuilt Engine",
            "ratio": first / base,
            "aim": "-",
            "met": None,
            "leaves_out": leaves + "; the interpreter's start and imports",
        },
        {
            "figure": f"resume a {name} (read_save + Session.resume)",
            "project_ms": resumed,
            "baseline_ms": base,
            "baseline": "one prebuilt Engine",
            "ratio": resumed / base,
            "aim": f"< {aim_ms:g} ms",
            "met": resumed < aim_ms,
            "leaves_out": leaves,
        },
    ]


def rows(quick: bool = False) -> list[dict[str, Any]]:
    """The figures of this file for ``benchmarks/run.py`` (``quick``: tiny, to check it runs)."""
    reps = 1 if quick else 9
    out = _resume_rows(FLAGSHIP, 200, reps, 3 if quick else 20, AIM_RESUME_MS, class_game=True)
    out += _resume_rows(
        TUTORIAL,
        1000 if quick else 20_000,
        1 if quick else 5,
        3,
        AIM_SECONDS * 1e3,
        class_game=False,
    )
    return out


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
