"""Keys on the game screen in a real terminal: from the key to the frame that shows its result.

Run: ``python benchmarks/bench_tui.py [--quick] [--events N] [--against DIR [--runs N]]``.
The game runs with Textual's real driver in an 80x24 pseudo-terminal (see ptyrun.py), on
the game screen of a tutorial game whose log has N entries (default 500: refused messages
make a long log fast). The benchmark writes the key's bytes to the terminal and times
until the text that only the result shows has been written back:

1. **log filter key**: with "minibus stoppedq" in the log's filter (nothing matches, the
   log says "Nothing yet."), backspace until the event it names is on screen, and "q" until
   "Nothing yet." is back: the frame showing the filtered log, not the typed letter's.
   These keys come back to two texts, the entry and the help, which the detail keeps
   wrapped: every timed key finds its text kept.
2. **log filter key showing an entry not shown before**: the log also holds twelve
   trainer's notes, each as long as the minibus entry and each with its own tag ("=a="
   to "=l="). With "==" in the filter and the cursor between the two signs, a letter
   makes the tag of one note (only it matches: the frame showing it is timed) and a
   backspace brings "Nothing yet." back (not timed). Twelve notes go round, more than
   the eight texts the detail keeps, so every timed key wraps a text anew.
3. **tab switch to the log**: "5" from the first pane until the log's filter is on screen.

The baselines, same run and same terminal: for the filter, a bare Textual app with one
Input, from a typed letter to the frame that shows it (the least any key costs); for the
tab switch, a bare Textual app with two tabs, from "2" to the frame showing the second.
Aim: under 16 ms (a frame at 60 Hz) for each figure. Each figure has a second row, the
CPU time the program used per key typed (with the frames the key set going, an animation
say), which a busy machine disturbs less than the wall time.

Every figure goes through one loop (``time_keys``) over a ``KeyRound``: a program, the
keys of a round and the text each key's result shows. ``--against DIR`` times another
checkout of the project (``git worktree add DIR COMMIT``) on the same keys, the runs of
both and of the bare app interleaved, and prints before, after and the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from program import cpu_seconds, terminal

ROOT = Path(__file__).resolve().parent.parent
AIM_MS = 16.0
FILTER = "minibus stopped"
SHOWN_WHEN_FILTERED = "A minibus stopped"
NOTHING = "Nothing yet."
LOG_SHOWN = "Filter by words"

# Trainer's notes in the log, each with its own tag for the filter, and words about as long
# as the minibus entry's (188 characters; a note, 186), so a note's wrapping costs what the
# entry's does.
NOTES = tuple(
    (name, f"={letter}=")
    for name, letter in zip(
        [
            "Alpha",
            "Bravo",
            "Charlie",
            "Delta",
            "Echo",
            "Foxtrot",
            "Golf",
            "Hotel",
            "India",
            "Juliett",
            "Kilo",
            "Lima",
        ],
        "abcdefghijkl",
        strict=True,
    )
)
NOTE_WORDS = (
    "ask each group which partner it would contact first, and which of the facts it would share "
    "with Europol; the passengers are heard alone, with an interpreter."
)

GAME_TEXT = """
import sys
from trafficking_sim.content import find_scenario, load_game
from trafficking_sim.engine import Send
from trafficking_sim.play.session import Session
from trafficking_sim.tui.app import AppConfig, TraffickingApp
from trafficking_sim.tui.screens.dialogs import MessageDialog
from trafficking_sim.tui.screens.game import GameScreen

from trafficking_sim.engine.actions import TrainerNote

wanted, focus_filter = int(sys.argv[1]), sys.argv[2] == "filter"
content = load_game(find_scenario("tutorial"))
session = Session.new(content, "border_b", 1, "en")
for name, tag in NOTES:
    session.act(TrainerNote(text=f"{name} ({tag}): {NOTE_WORDS}"))
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
GAME = f"NOTES = {NOTES!r}\nNOTE_WORDS = {NOTE_WORDS!r}\n" + GAME_TEXT

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


@dataclass(frozen=True)
class KeyRound:
    """A program in the pty and the keys it is timed on.

    ``ready`` is on screen once the program can take keys; ``setup`` (keys, and the text
    they show) is typed once before the timing; ``round`` is typed ``presses`` times, each
    key with the text that only its result shows (timed) or None (typed, not timed: it puts
    the screen back for the next round).
    """

    script: str
    args: tuple[str, ...]
    ready: str
    round: tuple[tuple[bytes, str | None], ...]
    setup: tuple[bytes, str] | None = None
    scale: float = 1.0  # the round is typed ``presses * scale`` times (at least once)


FILTER_KEYS = KeyRound(
    GAME,
    ("filter",),
    LOG_SHOWN,
    ((b"\x7f", SHOWN_WHEN_FILTERED), (b"q", NOTHING)),  # backspace, then the q back
    setup=((FILTER + "q").encode(), NOTHING),
)
NEW_ENTRY_KEYS = KeyRound(
    GAME,
    ("filter",),
    LOG_SHOWN,
    tuple(
        key
        for name, tag in NOTES
        for key in ((tag[1].encode(), f"{name} ({tag})"), (b"\x7f", None))
    ),
    setup=(b"==\x1b[D", NOTHING),  # the cursor between the two signs
    scale=0.2,  # twelve timed keys a round
)
TAB_KEYS = KeyRound(GAME, ("tabs",), "End turn", ((b"5", LOG_SHOWN), (b"1", None)))
BARE_TAB_KEYS = KeyRound(BARE_TABS, (), "first pane", ((b"2", "second pane"), (b"1", None)))
TYPED_LETTER = KeyRound(ONE_INPUT, (), "abc", ((b"Q", "abcQ"), (b"\x7f", None)))


def time_keys(
    keys: KeyRound, presses: int, home: str, events: int = 500, project: Path = ROOT
) -> tuple[list[float], float | None]:
    """Seconds from each timed key to the text its result shows, and the CPU seconds the
    program used per key typed (timed or not, with the frames each key set going).

    The program runs in ``project``: ``python -c`` puts its folder first on the import
    path, so that is the checkout whose code is timed."""
    args = (str(events), *keys.args) if keys.script is GAME else keys.args
    screen = terminal([sys.executable, "-c", keys.script, *args], home, project)
    try:
        screen.wait_for(keys.ready, timeout=120)
        screen.quiet(0.5)
        if keys.setup is not None:
            screen.send(keys.setup[0])
            screen.wait_for(keys.setup[1], timeout=20)
            screen.quiet(0.5)
        times: list[float] = []
        used = cpu_seconds(screen.process.pid)
        for _ in range(max(1, round(presses * keys.scale))):
            for typed, shows in keys.round:
                since = len(screen.output)
                sent = screen.send(typed)
                if shows is not None:
                    times.append(screen.wait_for(shows, since, timeout=20) - sent)
                # Let the rest of this key's work finish (an animation, a blink) first.
                screen.quiet(0.25 if shows is not None else 0.4)
        after = cpu_seconds(screen.process.pid)
        typed_keys = max(1, round(presses * keys.scale)) * len(keys.round)
        per_key = None if used is None or after is None else (after - used) / typed_keys
        return times, per_key
    finally:
        screen.close()


LEAVES_OUT = (
    "the terminal emulator's drawing (the pty is read, not shown); a log longer than "
    "{events} entries; keys typed faster than a frame (each waits for the last to settle)"
)


def measure(
    keys: KeyRound, presses: int, home: str, events: int, runs: int = 1
) -> tuple[float, float | None]:
    """The median time from key to result and the mean CPU time per key, over ``runs``
    starts of the program."""
    times: list[float] = []
    cpu: list[float | None] = []
    for _ in range(runs):
        found, per_key = time_keys(keys, presses, home, events)
        times += found
        cpu.append(per_key)
    known = [c for c in cpu if c is not None]
    return statistics.median(times), statistics.fmean(known) if len(known) == len(cpu) else None


FIGURES = (
    (
        "log filter key to the frame showing the filtered log, back to a recent text",
        FILTER_KEYS,
        TYPED_LETTER,
        "typed letter in a bare Input",
    ),
    (
        "log filter key showing an entry not shown before (its text wrapped anew)",
        NEW_ENTRY_KEYS,
        TYPED_LETTER,
        "typed letter in a bare Input",
    ),
    (
        "tab switch to the log, real pty",
        TAB_KEYS,
        BARE_TAB_KEYS,
        "tab switch in a bare tabbed app",
    ),
)


def _row(
    figure: str, ours: float, theirs: float, baseline: str, aim: bool, leaves_out: str
) -> dict[str, Any]:
    return {
        "figure": figure,
        "project_ms": round(ours * 1000, 1),
        "baseline_ms": round(theirs * 1000, 1),
        "baseline": baseline,
        "ratio": round(ours / theirs, 2),
        "aim": f"< {AIM_MS:.0f} ms" if aim else "-",
        "met": ours * 1000 < AIM_MS if aim else None,
        "leaves_out": leaves_out,
    }


def rows(quick: bool = False, events: int = 500) -> list[dict[str, Any]]:
    presses = 5 if quick else 15
    leaves_out = LEAVES_OUT.format(events=events)
    found = []
    with tempfile.TemporaryDirectory() as home:
        for name, keys, bare, baseline in FIGURES:
            bare_ms, bare_cpu = measure(bare, presses, home, events)
            ours, ours_cpu = measure(keys, presses, home, events)
            found.append(
                _row(f"{name} ({events}-entry log)", ours, bare_ms, baseline, True, leaves_out)
            )
            if ours_cpu is not None and bare_cpu:
                found.append(
                    _row(
                        "... the CPU time per key (less sensitive to a busy machine)",
                        ours_cpu,
                        bare_cpu,
                        baseline,
                        False,
                        leaves_out + "; waiting for a core (counted in the wall time)",
                    )
                )
    return found


def compare(against: Path, quick: bool, events: int, runs: int, only: str = "") -> list[str]:
    """This checkout and another (``against``) on the same keys, their runs interleaved:
    the medians of each, and the bare app's as the same-run baseline."""
    presses = 5 if quick else 15
    lines = []
    with tempfile.TemporaryDirectory() as home:
        for name, keys, bare, baseline in FIGURES:
            if only not in name:
                continue
            times: dict[str, list[float]] = {"before": [], "after": [], "bare": []}
            cpu: dict[str, list[float]] = {"before": [], "after": [], "bare": []}
            for run in range(runs):
                order = [("before", keys, against), ("after", keys, ROOT), ("bare", bare, ROOT)]
                for which, what, project in order if run % 2 == 0 else order[::-1]:
                    found, per_key = time_keys(what, presses, home, events, project)
                    times[which] += found
                    if per_key is not None:
                        cpu[which].append(per_key)
            medians = {k: statistics.median(v) * 1000 for k, v in times.items()}
            used = {k: statistics.fmean(v) * 1000 if v else float("nan") for k, v in cpu.items()}
            lines.append(
                f"{name} ({events}-entry log), medians of {runs} interleaved runs x {presses}: "
                f"before {medians['before']:.1f} ms, after {medians['after']:.1f} ms, "
                f"{baseline} {medians['bare']:.1f} ms; "
                f"ratio to it {medians['before'] / medians['bare']:.2f} -> "
                f"{medians['after'] / medians['bare']:.2f}; CPU per key "
                f"{used['before']:.1f} -> {used['after']:.1f} ms (bare {used['bare']:.1f} ms)"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer key presses")
    parser.add_argument("--events", type=int, default=500, help="entries in the log")
    parser.add_argument(
        "--against",
        type=Path,
        help="another checkout of the project (say, a git worktree of an older commit): "
        "time both, interleaved, and print before and after",
    )
    parser.add_argument(
        "--only", default="", help="with --against, only the figures whose name holds this"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="program starts of each, with --against"
    )
    args = parser.parse_args()
    if args.against is not None:
        for line in compare(args.against.resolve(), args.quick, args.events, args.runs, args.only):
            print(line)
        return 0
    for row in rows(args.quick, args.events):
        aim = (
            f"aim {row['aim']}: {'met' if row['met'] else 'not met'}"
            if row["met"] is not None
            else "no aim of its own"
        )
        print(
            f"{row['figure']}: {row['project_ms']:.1f} ms; {row['baseline']} "
            f"{row['baseline_ms']:.1f} ms; ratio {row['ratio']:.2f} ({aim})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
