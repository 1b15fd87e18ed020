"""Benchmarks of the trafficking-sim core, measured in one run against same-run baselines.

Run from anywhere (the paths are taken from this file's location):

    /work/venv/bin/python benchmarks/bench_core.py [--json FILE] [--profile]

Four figures, each a median over repetitions, with its aim:

1. load + validate of all bundled content through ``ContentLoader`` (a fresh loader per
   repetition) against a bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same files;
   both read every file from disk (the page cache is warm after the warm-up). Aim: <= 3x.
2. ``Engine.step`` throughput on the tutorial scenario, every role, seeded random legal
   play; ``step`` and ``legal_actions`` are timed separately. Aim: >= 20,000 steps/s.
3. ``Engine.replay`` of 200 actions. Aim: < 20 ms.
4. Peak RSS of ``trafficking-sim play --plain`` playing a full scripted game, against a bare
   ``python -c "import yaml, pydantic"``. Aim: < 60 MB.

``--profile`` also runs cProfile over the step benchmark's games and prints the hot spots
of ``Engine.step`` and ``Engine.legal_actions`` (profiling is not part of the timings).
See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from trafficking_sim.content import ContentError, ContentLoader, GameContent, load_game
from trafficking_sim.engine import (
    Action,
    AskPermission,
    Do,
    EndTurn,
    Engine,
    Request,
    Send,
    Share,
)

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIRS = ("scenarios", "roles", "agencies")
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"

# Aims (from the brief).
AIM_LOAD_RATIO = 3.0
AIM_STEPS_PER_S = 20_000
AIM_REPLAY_MS = 20.0
AIM_RSS_MB = 60.0

# Work sizes: chosen so that the whole run takes well under a minute on a laptop.
LOAD_WARMUP, LOAD_REPS = 5, 50
STEP_GAMES_PER_ROLE, STEP_WARMUP, STEP_REPS = 25, 1, 9
REPLAY_ACTIONS, REPLAY_WARMUP, REPLAY_REPS = 200, 3, 40
RSS_REPS = 3
MEMORY_ROLE, MEMORY_SEED = "border_b", 1

perf = time.perf_counter


# --- small helpers ---------------------------------------------------------------------------


def summary(samples: Sequence[float]) -> dict[str, float | int]:
    return {
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "reps": len(samples),
    }


def progress(message: str) -> None:
    print(f"  .. {message}", file=sys.stderr, flush=True)


def content_files() -> dict[str, list[Path]]:
    return {d: sorted((ROOT / d).glob("*.yaml")) for d in CONTENT_DIRS}


def action_seed(role_index: int, game: int) -> int:
    """The seed of the random choice among legal actions, one per (role, game)."""
    return 1_000 * role_index + game


def random_game(engine: Engine, role: str, seed: int, choice_seed: int) -> list[Action]:
    """A full game (to its ending) of seeded random legal actions."""
    rng = random.Random(choice_seed)
    state, _ = engine.new_game(role, seed)
    actions: list[Action] = []
    while not state.over:
        action = rng.choice(engine.legal_actions(state))
        state, _ = engine.step(state, action)
        actions.append(action)
    return actions


# --- 1. load + validate all content ----------------------------------------------------------


def bench_load() -> dict[str, Any]:
    files = content_files()
    every = [p for d in CONTENT_DIRS for p in files[d]]

    def validate_all() -> None:
        # What `trafficking-sim validate` does: every file once, each scenario with its
        # role cards and agencies (load_game reuses the loader's cache for those).
        loader = ContentLoader()
        for path in files["scenarios"]:
            loader.load_game(path)
        for folder in ("roles", "agencies"):
            for path in files[folder]:
                loader.load_file(path)

    def bare_parse() -> None:
        for path in every:
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    full: list[float] = []
    bare: list[float] = []
    for i in range(LOAD_WARMUP + LOAD_REPS):
        # Alternate the two so that any drift of the machine hits both alike.
        for fn, out in ((validate_all, full), (bare_parse, bare)):
            gc.collect()
            t0 = perf()
            fn()
            elapsed = perf() - t0
            if i >= LOAD_WARMUP:
                out.append(elapsed)
    f, b = statistics.median(full), statistics.median(bare)
    return {
        "files": len(every),
        "bytes": sum(p.stat().st_size for p in every),
        "io": "both read every file from disk (warm page cache)",
        "loader_s": summary(full),
        "bare_yaml_s": summary(bare),
        "ratio": f / b,
        "aim_ratio_max": AIM_LOAD_RATIO,
        "met": f / b <= AIM_LOAD_RATIO,
    }


# --- 2. engine steps per second --------------------------------------------------------------


def play_batch(
    engine: Engine,
    roles: Sequence[str],
    games: int,
    on_step: Callable[[Any, Action], Any] | None = None,
    on_legal: Callable[[Any], list[Action]] | None = None,
) -> tuple[int, float, float, int]:
    """Play ``games`` seeded random games per role; time step and legal_actions apart.

    Returns (steps, seconds in step, seconds in legal_actions, games played).
    """
    step = on_step or engine.step
    legal_actions = on_legal or engine.legal_actions
    steps, t_step, t_legal, played = 0, 0.0, 0.0, 0
    for r, role in enumerate(roles):
        for g in range(games):
            rng = random.Random(action_seed(r, g))
            state, _ = engine.new_game(role, g)
            while not state.over:
                t0 = perf()
                legal = legal_actions(state)
                t1 = perf()
                action = rng.choice(legal)
                t2 = perf()
                state, _ = step(state, action)
                t3 = perf()
                t_legal += t1 - t0
                t_step += t3 - t2
                steps += 1
            played += 1
    return steps, t_step, t_legal, played


def bench_steps(content: GameContent) -> dict[str, Any]:
    engine = Engine(content)
    roles = list(content.roles)
    rate: list[float] = []
    rate_all: list[float] = []
    us_step: list[float] = []
    us_legal: list[float] = []
    steps = played = 0
    for i in range(STEP_WARMUP + STEP_REPS):
        gc.collect()
        steps, t_step, t_legal, played = play_batch(engine, roles, STEP_GAMES_PER_ROLE)
        if i >= STEP_WARMUP:
            rate.append(steps / t_step)
            rate_all.append(steps / (t_step + t_legal))
            us_step.append(t_step / steps * 1e6)
            us_legal.append(t_legal / steps * 1e6)
    r = statistics.median(rate)
    return {
        "scenario": content.scenario.id,
        "roles": roles,
        "games_per_rep": played,
        "steps_per_rep": steps,
        "steps_per_s": summary(rate),
        "steps_per_s_incl_legal_actions": summary(rate_all),
        "us_per_step": summary(us_step),
        "us_per_legal_actions": summary(us_legal),
        "legal_actions_vs_step": statistics.median(us_legal) / statistics.median(us_step),
        "aim_steps_per_s_min": AIM_STEPS_PER_S,
        "met": r >= AIM_STEPS_PER_S,
    }


# --- 3. replay of 200 actions ----------------------------------------------------------------


def replay_logs(content: GameContent) -> dict[str, Any]:
    """Two 200-action workloads (the tutorial's games last at most about 25 actions).

    live:   whole seeded random games of the role with the longest games, one after another
            (game seeds 0, 1, 2, ...), the last one cut so that exactly 200 actions are
            played; each game is one Engine.replay call. Every action is a live, accepted
            step, so this is the honest cost of replaying 200 actions (plus a few new_game).
    padded: ONE game (Engine.replay once) padded after its ending with EndTurn actions up to
            200; the engine refuses those ('game_over'), which is cheaper than a live step.
    """
    engine = Engine(content)
    lengths = {
        role: statistics.mean(
            len(random_game(engine, role, g, action_seed(r, g))) for g in range(5)
        )
        for r, role in enumerate(content.roles)
    }
    role = max(lengths, key=lambda k: lengths[k])
    r = content.roles.index(role)
    games: list[tuple[int, list[Action]]] = []
    total = 0
    game = 0
    while total < REPLAY_ACTIONS:
        actions = random_game(engine, role, game, action_seed(r, game))
        actions = actions[: REPLAY_ACTIONS - total]
        games.append((game, actions))
        total += len(actions)
        game += 1
    first_seed, first = games[0]
    padded = first + [EndTurn()] * (REPLAY_ACTIONS - len(first))
    return {"role": role, "games": games, "padded": (first_seed, padded, len(first))}


def bench_replay(content: GameContent) -> dict[str, Any]:
    engine = Engine(content)
    logs = replay_logs(content)
    role = logs["role"]
    games = logs["games"]
    pad_seed, padded, live_prefix = logs["padded"]

    # Check what the two logs are: every live action accepted, every padding one refused.
    refused = sum(
        sum(1 for ev in engine.replay(role, seed, actions)[1] if ev.kind == "action_refused")
        for seed, actions in games
    )
    assert refused == 0, f"{refused} actions of the live log were refused"
    _, events = engine.replay(role, pad_seed, padded)
    refused = sum(1 for ev in events if ev.kind == "action_refused")
    assert refused == len(padded) - live_prefix, "the padding should be refused, and only it"

    def live() -> None:
        for seed, actions in games:
            engine.replay(role, seed, actions)

    def pad() -> None:
        engine.replay(role, pad_seed, padded)

    t_live: list[float] = []
    t_pad: list[float] = []
    for i in range(REPLAY_WARMUP + REPLAY_REPS):
        for fn, out in ((live, t_live), (pad, t_pad)):
            gc.collect()
            t0 = perf()
            fn()
            elapsed = perf() - t0
            if i >= REPLAY_WARMUP:
                out.append(elapsed * 1e3)
    live_ms = statistics.median(t_live)
    return {
        "role": role,
        "actions": REPLAY_ACTIONS,
        "live_games": len(games),
        "live_ms": summary(t_live),
        "padded_ms": summary(t_pad),
        "padded_live_prefix": live_prefix,
        "live_vs_padded": live_ms / statistics.median(t_pad),
        "aim_ms_max": AIM_REPLAY_MS,
        "met": live_ms < AIM_REPLAY_MS,
    }


# --- 4. memory of a plain-mode game ----------------------------------------------------------


def command_line(action: Action) -> str:
    """The plain-mode command for an action of the kinds legal_actions offers."""
    if isinstance(action, EndTurn):
        return "end"
    if isinstance(action, Do):
        return f"do {action.action}" + (f" {action.fact}" if action.fact else "")
    if isinstance(action, Request):
        return f"request {action.agency} {action.service}" + (
            f" {action.fact}" if action.fact else ""
        )
    if isinstance(action, Send):
        return f"send {','.join(action.to)}" + (
            f" {','.join(action.facts)}" if action.facts else ""
        )
    if isinstance(action, Share):
        return f"share {action.to}" + (f" {','.join(action.facts)}" if action.facts else "")
    if isinstance(action, AskPermission):
        return f"permission {action.fact}"
    raise TypeError(action)


def memory_script(content: GameContent) -> tuple[list[Action], int]:
    """The longest of 30 seeded random full games of the memory role and seed."""
    engine = Engine(content)
    best: list[Action] = []
    best_seed = 0
    for choice in range(30):
        actions = random_game(engine, MEMORY_ROLE, MEMORY_SEED, choice)
        if len(actions) > len(best):
            best, best_seed = actions, choice
    state, _ = engine.replay(MEMORY_ROLE, MEMORY_SEED, best)
    assert state.over, "the scripted game must reach an ending"
    return best, best_seed


def game_command() -> tuple[list[str], str]:
    bindir = Path(sys.executable).parent
    script = bindir / "trafficking-sim"
    if os.name != "nt" and script.is_file():
        return [str(script)], "trafficking-sim (console script)"
    # On Windows the console script is a launcher .exe that starts a second process;
    # running the package directly measures the game itself.
    return [sys.executable, "-m", "trafficking_sim"], "python -m trafficking_sim"


# Linux keeps the peak RSS of the memory image a process replaces with exec() in its
# ru_maxrss, and subprocess starts children with vfork/posix_spawn, so a child spawned by
# this (large) benchmark process would report at least this process's own peak. A tiny
# launcher (a bare interpreter, smaller than any child measured) starts the child instead
# and reports the child's ru_maxrss from os.wait4.
_LAUNCHER = """
import os, sys
pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ)
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def peak_rss_mb(argv: Sequence[str], env: dict[str, str], out: Path) -> tuple[float, int]:
    """Peak resident memory of one child process in MB (2**20 bytes), and its exit code."""
    with out.open("wb") as sink:
        if hasattr(os, "wait4") and hasattr(os, "posix_spawn"):
            report = out.with_suffix(".rss")
            launcher = [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(report), *argv]
            subprocess.run(launcher, stdout=sink, stderr=subprocess.STDOUT, env=env, check=True)
            maxrss, code = (int(x) for x in report.read_text().split())
            # ru_maxrss is in kilobytes on Linux and the BSDs, in bytes on macOS.
            scale = 1 if sys.platform == "darwin" else 1024
            return maxrss * scale / 2**20, code
        import psutil  # type: ignore[import-untyped]  # Windows fallback, if installed

        proc = psutil.Popen(argv, stdout=sink, stderr=subprocess.STDOUT, env=env)
        peak = 0
        while proc.poll() is None:
            try:
                info = proc.memory_info()
            except psutil.Error:
                break
            peak = max(peak, getattr(info, "peak_wset", info.rss))
            time.sleep(0.002)
        return peak / 2**20, proc.wait()


def bench_memory(content: GameContent) -> dict[str, Any]:
    if not (hasattr(os, "wait4") and hasattr(os, "posix_spawn")):
        try:
            import psutil  # noqa: F401
        except ImportError:
            return {
                "skipped": "no os.wait4 on this platform and psutil is not installed; "
                "pip install psutil to measure peak memory",
                "met": None,
            }
    actions, choice_seed = memory_script(content)
    command, how = game_command()
    try:
        from trafficking_sim.i18n import t

        ending_marker = t("plain.final_scores", "en")
    except Exception:
        ending_marker = "Final scores:"
    with tempfile.TemporaryDirectory(prefix="trafficking-sim-bench-") as tmp:
        tmpdir = Path(tmp)
        script = tmpdir / "game.txt"
        script.write_text("\n".join(command_line(a) for a in actions) + "\n", encoding="utf-8")
        env = dict(os.environ)
        env["TRAFFICKING_SIM_HOME"] = str(tmpdir / "home")  # autosaves go here, not to ~
        game_argv = [
            *command,
            "play",
            "--plain",
            "--scenario",
            "tutorial",
            "--role",
            MEMORY_ROLE,
            "--seed",
            str(MEMORY_SEED),
            "--script",
            str(script),
        ]
        base_argv = [sys.executable, "-c", "import yaml, pydantic"]
        game: list[float] = []
        base: list[float] = []
        log = tmpdir / "out.txt"
        for _ in range(RSS_REPS):
            mb, code = peak_rss_mb(game_argv, env, log)
            text = log.read_text(encoding="utf-8", errors="replace")
            if code != 0 or ending_marker not in text:
                raise RuntimeError(
                    f"the scripted game did not run to its end (exit {code}):\n{text}"
                )
            game.append(mb)
            mb, code = peak_rss_mb(base_argv, env, log)
            if code != 0:
                raise RuntimeError("python -c 'import yaml, pydantic' failed")
            base.append(mb)
    g, b = statistics.median(game), statistics.median(base)
    return {
        "method": "ru_maxrss via os.wait4 in a bare launcher"
        if hasattr(os, "wait4") and hasattr(os, "posix_spawn")
        else "psutil polling of peak_wset/rss (approximate)",
        "command": how,
        "role": MEMORY_ROLE,
        "seed": MEMORY_SEED,
        "script_actions": len(actions),
        "script_choice_seed": choice_seed,
        "game_mb": summary(game),
        "baseline_mb": summary(base),
        "ratio": g / b,
        "aim_mb_max": AIM_RSS_MB,
        "met": g < AIM_RSS_MB,
    }


# --- profiling (optional) --------------------------------------------------------------------


def profile(content: GameContent, top: int) -> str:
    engine = Engine(content)
    step_prof, legal_prof = cProfile.Profile(), cProfile.Profile()

    def step(state: Any, action: Action) -> Any:
        step_prof.enable()
        try:
            return engine.step(state, action)
        finally:
            step_prof.disable()

    def legal(state: Any) -> list[Action]:
        legal_prof.enable()
        try:
            return engine.legal_actions(state)
        finally:
            legal_prof.disable()

    play_batch(engine, list(content.roles), STEP_GAMES_PER_ROLE, step, legal)
    out = io.StringIO()
    for name, prof in (("Engine.step", step_prof), ("Engine.legal_actions", legal_prof)):
        for key in ("tottime", "cumulative"):
            out.write(f"\n===== {name}: top {top} by {key} =====\n")
            stats = pstats.Stats(prof, stream=out)
            stats.strip_dirs().sort_stats(key).print_stats(top)
    return out.getvalue()


# --- report ----------------------------------------------------------------------------------


def verdict(met: bool | None) -> str:
    return "n/a" if met is None else ("yes" if met else "NO")


def table(results: dict[str, Any]) -> str:
    """The figures, one row each: median, best repetition, repetitions, detail, aim, met."""
    header = ("figure", "median", "best", "reps", "detail, baseline, ratio", "aim", "met")
    rows: list[tuple[str, ...]] = [header]

    def failed(section: dict[str, Any], name: str, aim: str) -> bool:
        if "error" not in section:
            return False
        message = section["error"].splitlines()[0]
        message = message if len(message) <= 60 else message[:57] + "..."
        rows.append((name, "ERROR", "-", "-", message, aim, "NO"))
        return True

    ld = results["load"]
    if not failed(ld, "load+validate", f"<= {AIM_LOAD_RATIO:g}x"):
        rows.append(
            (
                f"load+validate {ld['files']} files",
                f"{ld['loader_s']['median'] * 1e3:.2f} ms",
                f"{ld['loader_s']['min'] * 1e3:.2f} ms",
                str(ld["loader_s"]["reps"]),
                f"yaml CSafeLoader {ld['bare_yaml_s']['median'] * 1e3:.2f} ms; {ld['ratio']:.2f}x",
                f"<= {AIM_LOAD_RATIO:g}x",
                verdict(ld["met"]),
            )
        )
    st = results["steps"]
    if not failed(st, "Engine.step", f">= {AIM_STEPS_PER_S:,} steps/s"):
        rows.append(
            (
                "Engine.step",
                f"{st['steps_per_s']['median']:,.0f} steps/s",
                f"{st['steps_per_s']['max']:,.0f}",
                str(st["steps_per_s"]["reps"]),
                f"{st['us_per_step']['median']:.1f} us/step ({st['steps_per_rep']} steps/rep)",
                f">= {AIM_STEPS_PER_S:,} steps/s",
                verdict(st["met"]),
            )
        )
        rows.append(
            (
                "step + legal_actions",
                f"{st['steps_per_s_incl_legal_actions']['median']:,.0f} steps/s",
                f"{st['steps_per_s_incl_legal_actions']['max']:,.0f}",
                str(st["steps_per_s_incl_legal_actions"]["reps"]),
                f"legal_actions {st['us_per_legal_actions']['median']:.1f} us/call, "
                f"{st['legal_actions_vs_step']:.1f}x a step",
                "(info)",
                "",
            )
        )
    rp = results["replay"]
    if not failed(rp, "replay 200 actions", f"< {AIM_REPLAY_MS:g} ms"):
        rows.append(
            (
                f"replay {rp['actions']} live actions",
                f"{rp['live_ms']['median']:.2f} ms",
                f"{rp['live_ms']['min']:.2f} ms",
                str(rp["live_ms"]["reps"]),
                f"{rp['live_games']} games of {rp['role']} (last cut), 1 replay call each",
                f"< {AIM_REPLAY_MS:g} ms",
                verdict(rp["met"]),
            )
        )
        rows.append(
            (
                f"replay {rp['actions']} padded log",
                f"{rp['padded_ms']['median']:.2f} ms",
                f"{rp['padded_ms']['min']:.2f} ms",
                str(rp["padded_ms"]["reps"]),
                f"1 game: {rp['padded_live_prefix']} live + refused EndTurn; "
                f"live is {rp['live_vs_padded']:.1f}x",
                "(info)",
                "",
            )
        )
    mem = results["memory"]
    if failed(mem, "peak RSS plain game", f"< {AIM_RSS_MB:g} MB"):
        pass
    elif "skipped" in mem:
        rows.append(("peak RSS plain game", "skipped", "-", "-", mem["skipped"], "< 60 MB", "n/a"))
    else:
        rows.append(
            (
                f"peak RSS plain game ({mem['script_actions']} cmds)",
                f"{mem['game_mb']['median']:.1f} MB",
                f"{mem['game_mb']['min']:.1f} MB",
                str(mem["game_mb"]["reps"]),
                f"import yaml,pydantic {mem['baseline_mb']['median']:.1f} MB; {mem['ratio']:.2f}x",
                f"< {AIM_RSS_MB:g} MB",
                verdict(mem["met"]),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --- rows for benchmarks/run.py --------------------------------------------------------------

FLAGSHIP = ROOT / "scenarios" / "exercise.yaml"
AIM_FLAGSHIP_STEPS_PER_S = 50_000


def _row(
    figure: str,
    project_ms: float | None,
    baseline_ms: float | None,
    baseline: str,
    aim: str,
    met: bool | None,
    leaves_out: str,
) -> dict[str, Any]:
    ratio = project_ms / baseline_ms if project_ms and baseline_ms else None
    return {
        "figure": figure,
        "project_ms": project_ms,
        "baseline_ms": baseline_ms,
        "baseline": baseline,
        "ratio": ratio,
        "aim": aim,
        "met": met,
        "leaves_out": leaves_out,
    }


def _random_states(engine: Engine, games: int, seed: int) -> tuple[list[Any], list[Action]]:
    """The states and actions of seeded random legal games of every role."""
    rng = random.Random(seed)
    roles = list(engine.content.roles)
    states: list[Any] = []
    actions: list[Action] = []
    for game in range(games):
        state, _ = engine.new_game(roles[game % len(roles)], game)
        while not state.over:
            action = rng.choice(engine.legal_actions(state))
            states.append(state)
            actions.append(action)
            state, _ = engine.step(state, action)
    return states, actions


def _step_figure(path: Path, games: int, reps: int) -> tuple[float, float, int]:
    """Microseconds per ``Engine.step`` over recorded (state, action) pairs of random games,
    and per ``GameState.copy`` of the same states (the least a step that copies can cost)."""
    engine = Engine(load_game(path))
    states, actions = _random_states(engine, games, 7)
    pairs = list(zip(states, actions, strict=True))
    step = engine.step
    steps, copies = [], []
    for _ in range(reps + 1):
        gc.collect()
        t0 = perf()
        for state, action in pairs:
            step(state, action)
        t1 = perf()
        for state in states:
            state.copy()
        t2 = perf()
        steps.append((t1 - t0) / len(pairs) * 1e3)
        copies.append((t2 - t1) / len(pairs) * 1e3)
    return statistics.median(steps[1:]), statistics.median(copies[1:]), len(pairs)


def rows(quick: bool = False) -> list[dict[str, Any]]:
    """The figures of this file for ``benchmarks/run.py`` (``quick``: tiny, to check it runs)."""
    out = []
    # `validate` in a fresh process is timed by bench_validate.py (three cases).
    progress("Engine.step, flagship and tutorial")
    for path, aim in ((FLAGSHIP, AIM_FLAGSHIP_STEPS_PER_S), (TUTORIAL, AIM_STEPS_PER_S)):
        us_step, us_copy, count = _step_figure(path, 4 if quick else 40, 1 if quick else 7)
        out.append(
            _row(
                f"`Engine.step`, {path.stem} ({count} steps of random legal games)",
                us_step,
                us_copy,
                "copying the state",
                f">= {aim:,} steps/s ({1000 / aim:.3f} ms)",
                us_step <= 1000 / aim,
                "choosing the action (legal_actions); building the Engine",
            )
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also print cProfile hot spots of Engine.step and Engine.legal_actions",
    )
    parser.add_argument("--top", type=int, default=20, help="rows per profile (default 20)")
    args = parser.parse_args(argv)

    started = perf()
    try:
        content = load_game(TUTORIAL)
    except ContentError as exc:
        print(f"{TUTORIAL} does not load, nothing to measure:\n{exc}", file=sys.stderr)
        return 1
    results: dict[str, Any] = {
        "meta": {
            "python": sys.version.split()[0],
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "pyyaml": yaml.__version__,
            "libyaml": hasattr(yaml, "CSafeLoader"),
            "timer": "time.perf_counter",
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
    }
    benches: tuple[tuple[str, str, Callable[[], dict[str, Any]]], ...] = (
        ("load", "1/4 load + validate all content", bench_load),
        ("steps", "2/4 engine steps", lambda: bench_steps(content)),
        ("replay", "3/4 replay", lambda: bench_replay(content)),
        ("memory", "4/4 peak memory of a plain-mode game", lambda: bench_memory(content)),
    )
    failed = False
    for key, label, bench in benches:
        progress(label)
        try:
            results[key] = bench()
        except Exception as exc:  # one broken figure should not lose the others
            results[key] = {"error": f"{type(exc).__name__}: {exc}", "met": False}
            failed = True
    results["meta"]["seconds"] = perf() - started

    print(table(results))
    print(f"\n(whole run {results['meta']['seconds']:.1f} s; Python {results['meta']['python']})")
    if args.profile:
        progress("profiling (not part of the timings above)")
        report = profile(content, args.top)
        results["profile"] = report
        print(report)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"results written to {args.json}")
    for key, section in results.items():
        if isinstance(section, dict) and "error" in section:
            print(f"\n{key}: {section['error']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
