"""Benchmarks of the TUI: start-up against a minimal Textual app, and key-press latency.

Run: ``python benchmarks/bench_tui.py``. Figures are medians of alternating runs, measured
against a baseline in the same run; nothing here is a timed test in CI.

1. Start-up: from just before the process is spawned to the first rendered title screen,
   against a minimal Textual app that shows one label (the ratio is the figure; aim 1.3x).
2. Key press to updated screen on the game screen with a long log (aim: under 16 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

MINIMAL = """
import sys, time
from textual.app import App
from textual.widgets import Label

class Minimal(App):
    def compose(self):
        yield Label("trafficking-sim")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        print(time.time(), flush=True)
        self.exit()

Minimal().run(headless=True)
"""

OURS = """
import sys, time
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.title import TitleScreen

class Timed(TraffickingApp):
    def on_mount(self):
        self.call_after_refresh(self.check)
    def check(self):
        if isinstance(self.screen, TitleScreen):
            print(time.time(), flush=True)
            self.exit()
        else:
            self.call_after_refresh(self.check)

Timed(AppConfig(lang="en")).run(headless=True)
"""


def start_once(code: str, home: str) -> float:
    env = {**os.environ, "TRAFFICKING_SIM_HOME": home}
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    ).stdout
    return float(out.strip().splitlines()[-1]) - started


def bench_startup(reps: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        for code in (MINIMAL, OURS):  # warm the file cache
            start_once(code, home)
        minimal, ours = [], []
        for _ in range(reps):
            minimal.append(start_once(MINIMAL, home))
            ours.append(start_once(OURS, home))
    m, o = statistics.median(minimal), statistics.median(ours)
    return {"minimal_s": m, "ours_s": o, "ratio": o / m, "reps": reps}


async def _key_to_frame(app: Any, frames: list[float], key: str) -> float:
    """Seconds from a key event to the first frame composed after it.

    Textual composes every update and hands it to the terminal driver through
    ``App._display``; the spy installed in ``_latency`` records when that happens.
    """
    from textual import events

    frames.clear()
    start = time.perf_counter()
    app.post_message(events.Key(key, key if len(key) == 1 else None))
    deadline = start + 2.0
    while time.perf_counter() < deadline:
        await asyncio.sleep(0.0005)
        after = [f for f in frames if f > start]
        if after:
            await asyncio.sleep(0.05)  # let the rest of this key's work finish
            return after[0] - start
    raise TimeoutError(f"no frame after pressing {key!r}")


async def _latency(
    events_wanted: int, presses: int, size: tuple[int, int] = (120, 40)
) -> dict[str, float]:
    """Key press to the updated screen on the game screen with a long log."""
    from trafficking_sim.content import find_scenario, load_game
    from trafficking_sim.engine import Send
    from trafficking_sim.session import Session
    from trafficking_sim.tui.app import AppConfig, TraffickingApp
    from trafficking_sim.tui.panes.progress import LogPane
    from trafficking_sim.tui.screens.dialogs import MessageDialog

    content = load_game(find_scenario("tutorial"))
    session = Session.new(content, "ngo", 1, "en")
    while len(session.events) < events_wanted:  # refused attempts make a long log fast
        session.act(Send(to=("europol",)))
    handler: list[float] = []
    original = LogPane.redraw

    def timed_redraw(self: LogPane) -> None:
        start = time.perf_counter()
        original(self)
        handler.append(time.perf_counter() - start)

    LogPane.redraw = timed_redraw  # type: ignore[method-assign]
    app = TraffickingApp(AppConfig(lang="en"))
    app.animation_level = "none"  # measure the app, not the tab underline's animation
    frames: list[float] = []
    display = app._display

    def spy(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            frames.append(time.perf_counter())
        display(screen, renderable)

    app._display = spy  # type: ignore[method-assign]
    times: dict[str, list[float]] = {"tab switch": [], "log filter key": []}
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.pause(0.2)
            await app.workers.wait_for_complete()
            app.session = session
            app._show_game()
            await pilot.pause(0.2)
            while isinstance(app.screen, MessageDialog):
                await pilot.press("enter")
                await pilot.pause()
            await pilot.press("5")  # the first showing of the log builds its cache
            await pilot.pause(0.1)
            for i in range(presses):
                times["tab switch"].append(
                    await _key_to_frame(app, frames, "1" if i % 2 == 0 else "5")
                )
            await pilot.press("5")
            app.screen.query_one("#log-filter").focus()
            await pilot.pause(0.1)
            handler.clear()
            for i in range(presses):
                key = "x" if i % 2 == 0 else "backspace"
                times["log filter key"].append(await _key_to_frame(app, frames, key))
    finally:
        LogPane.redraw = original  # type: ignore[method-assign]
    result = {name: statistics.median(values) for name, values in times.items()}
    return result | {"events": len(session.events), "filter_handler": statistics.median(handler)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--events", type=int, default=3000)
    args = parser.parse_args()
    start = bench_startup(args.reps)
    print(
        f"start-up to the title screen: {start['ours_s'] * 1000:.0f} ms; minimal Textual app "
        f"{start['minimal_s'] * 1000:.0f} ms; ratio {start['ratio']:.2f}x (aim <= 1.3x; "
        f"median of {start['reps']})"
    )
    with tempfile.TemporaryDirectory() as home:
        os.environ["TRAFFICKING_SIM_HOME"] = home
        latency = asyncio.run(_latency(args.events, 20, (80, 24)))
    events = f"{latency['events']:.0f}"
    print(
        f"log filter key, log of {events} events: key to composed frame "
        f"{latency['log filter key'] * 1000:.1f} ms, of which our handler "
        f"{latency['filter_handler'] * 1000:.1f} ms (aim < 16 ms)"
    )
    print(
        f"tab switch, log of {events} events: key to composed frame "
        f"{latency['tab switch'] * 1000:.1f} ms (aim < 16 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
