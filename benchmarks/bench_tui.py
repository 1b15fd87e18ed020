"""Keys on the game screen in a real terminal: from the key to the frame that shows its result.

Run: ``python benchmarks/bench_tui.py [--quick] [--events N]``. The game runs with Textual's
real driver in an 80x24 pseudo-terminal (see ptyrun.py), on the game screen of a tutorial
game whose log has N entries (default 500: refused messages make a long log fast). The
benchmark writes the key's bytes to the terminal and times until the text that only the
result shows has been written back:

1. **log filter key**: with "minibus stoppedq" in the log's filter (nothing matches, the
   log says "Nothing yet."), backspace until the event it names is on screen, and "q" until
   "Nothing yet." is back: the frame showing the filtered log, not the typed letter's.
2. **tab switch to the log**: "5" from the first pane until the log's filter is on screen.

The baselines, same run and same terminal: for the filter, a bare Textual app with one
Input, from a typed letter to the frame that shows it (the least any key costs); for the
tab switch, a bare Textual app with two tabs, from "2" to the frame showing the second.
Aim: under 16 ms (a frame at 60 Hz) for each figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ptyrun import Terminal

ROOT = Path(__file__).resolve().parent.parent
AIM_MS = 16.0
FILTER = "minibus stopped"
SHOWN_WHEN_FILTERED = "A minibus stopped"
NOTHING = "Nothing yet."
LOG_SHOWN = "Filter by words"

GAME = """
import sys
from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.engine import Send
from trafficking_sim.play.session import Session
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.dialogs import MessageDialog
from trafficking_sim.tui.screens.game import GameScreen

wanted, focus_filter = int(sys.argv[1]), sys.argv[2] == "filter"
content = load_game(find_scenario("tutorial"))
session = Session.new(content, "border_b", 1, "en")
while len(session.events) < wanted:
    session.act(Send(to=("europol",)))


class Prepared(TraffickingApp):
    def on_mount(self):
        self.set_timer(0.3, self.begin)

    def begin(self):
        self.session = session
        self._show_game()
        self.set_timer(0.3, self.settle)

    def settle(self):
        if isinstance(self.screen, MessageDialog):
            self.screen.dismiss(None)
        elif isinstance(self.screen, GameScreen):
            if focus_filter:
                self.simulate_key("5")
                self.set_timer(0.3, self.focus_filter)
            return
        self.set_timer(0.2, self.settle)

    def focus_filter(self):
        found = self.screen.query("#log-filter")  # the log is built when first shown
        if found:
            found.first().focus()
        else:
            self.set_timer(0.1, self.focus_filter)


Prepared(AppConfig(lang="en")).run()
"""

ONE_INPUT = """
from textual.app import App
from textual.widgets import Input

class OneInput(App):
    def compose(self):
        yield Input(value="abc", id="field", select_on_focus=False)
    def on_mount(self):
        self.query_one("#field").focus()

OneInput().run()
"""

BARE_TABS = """
from textual.app import App
from textual.widgets import Input, Static, TabbedContent, TabPane


class BareTabs(App):
    BINDINGS = [("1", "show('one')"), ("2", "show('two')")]

    def compose(self):
        with TabbedContent(id="tabs"):
            with TabPane("One", id="one"):
                yield Static("first pane")
            with TabPane("Two", id="two"):
                yield Input(placeholder="second pane")

    def action_show(self, tab):
        self.query_one("#tabs").active = tab

BareTabs().run()
"""


def _timed(terminal: Terminal, keys: bytes, shows: str) -> float:
    since = len(terminal.output)
    sent = terminal.send(keys)
    shown = terminal.wait_for(shows, since, timeout=20)
    terminal.quiet(0.25)  # let the rest of this key's work finish before the next
    return shown - sent


def _env(home: str) -> dict[str, str]:
    return {**os.environ, "TRAFFICKING_SIM_HOME": home}


def log_filter_times(home: str, events: int, presses: int) -> list[float]:
    terminal = Terminal([sys.executable, "-c", GAME, str(events), "filter"], _env(home), ROOT)
    try:
        terminal.wait_for(LOG_SHOWN, timeout=120)
        terminal.quiet(0.5)
        terminal.send((FILTER + "q").encode())
        terminal.wait_for(NOTHING, timeout=20)
        terminal.quiet(0.5)
        times = []
        for _ in range(presses):
            times.append(_timed(terminal, b"\x7f", SHOWN_WHEN_FILTERED))  # backspace
            times.append(_timed(terminal, b"q", NOTHING))
        return times
    finally:
        terminal.close()


def tab_switch_times(home: str, events: int, presses: int) -> list[float]:
    terminal = Terminal([sys.executable, "-c", GAME, str(events), "tabs"], _env(home), ROOT)
    try:
        terminal.wait_for("End turn", timeout=120)
        terminal.quiet(0.5)
        times = []
        for _ in range(presses):
            times.append(_timed(terminal, b"5", LOG_SHOWN))
            terminal.send(b"1")
            terminal.quiet(0.4)
        return times
    finally:
        terminal.close()


def bare_tab_times(home: str, presses: int) -> list[float]:
    """The same switch in a bare tabbed Textual app: "2" until its pane's text shows."""
    terminal = Terminal([sys.executable, "-c", BARE_TABS], _env(home), ROOT)
    try:
        terminal.wait_for("first pane", timeout=60)
        terminal.quiet(0.5)
        times = []
        for _ in range(presses):
            times.append(_timed(terminal, b"2", "second pane"))
            terminal.send(b"1")
            terminal.quiet(0.4)
        return times
    finally:
        terminal.close()


def baseline_times(home: str, presses: int) -> list[float]:
    terminal = Terminal([sys.executable, "-c", ONE_INPUT], _env(home), ROOT)
    try:
        terminal.wait_for("abc", timeout=60)
        terminal.quiet(0.5)
        times = []
        for _ in range(presses):
            times.append(_timed(terminal, b"Q", "abcQ"))
            terminal.send(b"\x7f")
            terminal.quiet(0.25)
        return times
    finally:
        terminal.close()


LEAVES_OUT = (
    "the terminal emulator's drawing (the pty is read, not shown); a log longer than "
    "{events} entries; keys typed faster than a frame (each waits for the last to settle)"
)


def rows(quick: bool = False, events: int = 500) -> list[dict[str, Any]]:
    presses = 5 if quick else 15
    with tempfile.TemporaryDirectory() as home:
        base = statistics.median(baseline_times(home, presses * 2))
        filtered = statistics.median(log_filter_times(home, events, presses))
        bare_tabs = statistics.median(bare_tab_times(home, presses))
        tabs = statistics.median(tab_switch_times(home, events, presses))
    figures = [
        (
            "log filter key to the frame showing the filtered log",
            filtered,
            base,
            "typed letter in a bare Input",
        ),
        ("tab switch to the log, real pty", tabs, bare_tabs, "tab switch in a bare tabbed app"),
    ]
    return [
        {
            "figure": f"{name} ({events}-entry log)",
            "project_ms": round(value * 1000, 1),
            "baseline_ms": round(baseline * 1000, 1),
            "baseline": what,
            "ratio": round(value / baseline, 2),
            "aim": f"< {AIM_MS:.0f} ms",
            "met": value * 1000 < AIM_MS,
            "leaves_out": LEAVES_OUT.format(events=events),
        }
        for name, value, baseline, what in figures
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer key presses")
    parser.add_argument("--events", type=int, default=500, help="entries in the log")
    args = parser.parse_args()
    for row in rows(args.quick, args.events):
        print(
            f"{row['figure']}: {row['project_ms']:.1f} ms; {row['baseline']} "
            f"{row['baseline_ms']:.1f} ms; ratio {row['ratio']:.2f} (aim {row['aim']}: "
            f"{'met' if row['met'] else 'not met'})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
