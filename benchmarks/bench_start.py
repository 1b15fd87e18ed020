"""Cold start to the title in a real terminal, against a one-label Textual app.

Run: ``python benchmarks/bench_start.py [--quick]``. Each repetition spawns
``trafficking-sim`` in an 80x24 pseudo-terminal, as a player has it after ``pip install .``
(this checkout built as a wheel, with its compiled catalogues: ``program.installed_command``;
the checkout's own console script if no wheel can be built, which the figure then says), and
times from just before the spawn to the moment the title's "New game" is in what the
program wrote; the baseline spawns a Textual app with one label the same way and waits
for the label. The two alternate, so a busy spell of the machine hits both; the figure is
the median of each and their ratio (aim: at most 1.2).

A second figure is the CPU time each process had used by that moment (Linux: from
``/proc``, in clock ticks of 10 ms). On a machine shared with other work the wall time
also counts the waits for a core, which hit the longer start harder; the CPU time does not.
Both processes may write bytecode caches (``PYTHONDONTWRITEBYTECODE`` is dropped), as an
installed program has them: compiling the project's modules on every start is not what a
player waits for.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from program import cpu_seconds, installed_command, terminal

ROOT = Path(__file__).resolve().parent.parent
AIM_RATIO = 1.2

ONE_LABEL = """
from textual.app import App
from textual.widgets import Label

class OneLabel(App):
    def compose(self):
        yield Label("one label ready")

OneLabel().run()
"""


def start_once(command: list[str], marker: str, home: str) -> tuple[float, float | None]:
    """Seconds from spawning ``command`` in a pty to ``marker`` on its screen, and the
    CPU seconds the process had used by then."""
    shown = terminal(command, home, ROOT)
    try:
        wall = shown.wait_for(marker) - shown.started
        return wall, cpu_seconds(shown.process.pid)
    finally:
        shown.close()


def _median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known and len(known) == len(values) else None


def measure(reps: int) -> dict[str, Any]:
    baseline = [sys.executable, "-c", ONE_LABEL]
    ours: list[tuple[float, float | None]] = []
    theirs: list[tuple[float, float | None]] = []
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as build:
        project, installed = installed_command(Path(build))
        start_once(project, "New game", home)  # warm the file cache, .pyc, the data folder
        start_once(baseline, "one label ready", home)
        for _ in range(reps):
            theirs.append(start_once(baseline, "one label ready", home))
            ours.append(start_once(project, "New game", home))
    return {
        "project": statistics.median(w for w, _ in ours),
        "baseline": statistics.median(w for w, _ in theirs),
        "project_cpu": _median([c for _, c in ours]),
        "baseline_cpu": _median([c for _, c in theirs]),
        "installed": installed,
    }


LEAVES_OUT = (
    "the terminal emulator's own drawing (the pty is read, not shown); a cold disk cache "
    "(one unmeasured start warms it); a first start ever (the data folder exists)"
)


def rows(quick: bool = False) -> list[dict[str, Any]]:
    figures = measure(3 if quick else 15)
    ratio = figures["project"] / figures["baseline"]
    how = "installed from a wheel" if figures["installed"] else "the checkout: no wheel built"
    found = [
        {
            "figure": f"cold start to the title in a real terminal ({how})",
            "project_ms": round(figures["project"] * 1000, 1),
            "baseline_ms": round(figures["baseline"] * 1000, 1),
            "baseline": "one-label Textual app",
            "ratio": round(ratio, 2),
            "aim": f"ratio <= {AIM_RATIO}",
            "met": ratio <= AIM_RATIO,
            "leaves_out": LEAVES_OUT,
        }
    ]
    ours, theirs = figures["project_cpu"], figures["baseline_cpu"]
    if ours is not None and theirs:
        found.append(
            {
                "figure": "... the CPU time it took (less sensitive to a busy machine)",
                "project_ms": round(ours * 1000, 1),
                "baseline_ms": round(theirs * 1000, 1),
                "baseline": "one-label Textual app",
                "ratio": round(ours / theirs, 2),
                "aim": f"ratio <= {AIM_RATIO}",
                "met": ours / theirs <= AIM_RATIO,
                "leaves_out": LEAVES_OUT + "; waiting for a core (counted in the wall time)",
            }
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repetitions instead of 15")
    args = parser.parse_args()
    for row in rows(args.quick):
        print(
            f"{row['figure']}: {row['project_ms']:.0f} ms; {row['baseline']} "
            f"{row['baseline_ms']:.0f} ms; ratio {row['ratio']:.2f} (aim {row['aim']}: "
            f"{'met' if row['met'] else 'not met'})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
