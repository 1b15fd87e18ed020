"""How fast a networked class's devices learn of each other's moves, and what they cost.

Run from anywhere:

    /work/venv/bin/python benchmarks/bench_classnet.py [--quick] [--json FILE]

A class of the tutorial on a SQLite file (and, when psycopg and pgserver are installed,
on an embedded PostgreSQL): five listening processes, each replaying the class log with
the real engine as a group's seat does, and this process writing rows as the trainer.

- **delivery p50 / p95**: from a row's commit (its time in the log) to each listening
  process having applied it; against the prototype's figures measured before the issue
  (SQLite, polled every 10 ms: 5.4 / 10.5 ms; PostgreSQL, LISTEN/NOTIFY: 1.1 / 9.4 ms).
  Aim: p95 <= 100 ms.
- **idle class CPU**: the CPU the five listeners and one more (the class of six) spend
  waiting with nothing happening, as a share of one core. Aim: < 5%.
- **memory per process**: the largest peak RSS of a listening process. Aim: < 150 MB.

The same three figures for the REAL processes of a class (POSIX: they need a pty): the
class made by ``trafficking-sim class create --json`` (the flagship, five groups), five
full-screen seats ``trafficking-sim join --code CODE`` and the trainer's full-screen console
(``join`` with the trainer's code), each in its own 80x24 pseudo-terminal whose output this
process reads all the time (as a terminal would), ready once each shows its clock and the
group whose turn it is has closed its briefing (Escape):

- **idle class of six, real seats**: the CPU time (user + system, ``psutil``) the six
  processes spend over ``IDLE_SECONDS`` with nobody typing, as a share of one core; once
  as joined (the session's clock stopped) and once with the clock running (the trainer
  started the phase: every screen's clock changes each second). Aim: < 5%.
- **RSS per real process**: the largest peak resident memory (``VmHWM``) of the six.
  Aim: < 150 MB.
- **delivery to the real screens p50 / p95**: a chat line to all, written to the class log
  by this process as one group (the row a seat writes when a group types it), from its
  commit to its text in the output of each of the six terminals (the other groups' toast,
  the trainer console's log), after a quiet spell of more than a second each time, so that
  a watcher that polls more slowly when idle is measured at its slowest. Aim: p95 <= 100 ms.

``rows(quick)`` returns the figures as dicts (figure, project_ms, baseline_ms, baseline,
ratio, aim, met, leaves_out) for a combined report.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # program, ptyrun

import program  # noqa: E402  (found through the sys.path line above)

LISTENER = """
import json, resource, sys, time
from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.pgstore import open_store
store = open_store(sys.argv[1])
game = ClassGame(store, store.get_class())
game.catch_up()
idle = float(sys.argv[2])
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
print("ready", flush=True)
start = cpu()
deadline = time.monotonic() + idle
while time.monotonic() < deadline:  # an idle class: waiting, as a seat waits
    game.wait(deadline - time.monotonic())
idle_cpu = cpu() - start
seen = []
expected = int(sys.argv[3])
while len(seen) < expected:
    for applied in game.wait(5.0):
        seen.append(time.time() - applied.row.at)
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"idle_cpu": idle_cpu, "idle": idle, "seen": seen, "peak_kb": peak_kb}))
"""

BASELINES = {"sqlite": (5.4, 10.5), "postgresql": (1.1, 9.4)}
IDLE_SECONDS = 20.0
QUIET_SECONDS = 1.5  # between two delivered lines: longer than the watcher's quiet second
LISTENERS = 5
AIM_P95_MS = 100.0
AIM_IDLE_SHARE = 0.05
AIM_RSS_MB = 150.0


def make_class(db: str) -> None:
    from trafficking_sim import __version__
    from trafficking_sim.classnet.pgstore import open_store
    from trafficking_sim.content import load_game

    content = load_game(ROOT / "scenarios" / "tutorial.yaml")
    store = open_store(db, create=True)
    store.create_class(
        "bench",
        scenario="tutorial",
        scenario_path=None,
        content_hash=content.content_hash,
        engine_version=__version__,
        seed=1,
        seats=tuple(content.roles),
    )
    store.close()


def measure(db: str, rows_written: int, idle: float) -> dict[str, Any]:
    """Listeners on ``db``; this process writes ``rows_written`` trainer's notes."""
    from trafficking_sim.classnet.pgstore import open_store
    from trafficking_sim.classnet.store import TRAINER

    make_class(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    listeners = [
        subprocess.Popen(
            [sys.executable, "-c", LISTENER, db, str(idle), str(rows_written)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(LISTENERS)
    ]
    for listener in listeners:
        assert listener.stdout is not None
        listener.stdout.readline()  # ready
    time.sleep(idle + 0.5)
    store = open_store(db)
    for n in range(rows_written):
        store.append("bench", n, uuid.uuid4().hex, TRAINER, {"type": "trainer_note", "text": "x"})
        time.sleep(0.03)
    results = []
    for listener in listeners:
        out, _ = listener.communicate(timeout=120)
        results.append(json.loads(out.strip().splitlines()[-1]))
    store.close()
    latencies = sorted(ms * 1000 for r in results for ms in r["seen"])
    idle_share = sum(r["idle_cpu"] / r["idle"] for r in results) / len(results)
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "class_idle_share": idle_share * 6,  # five listeners' mean, for a class of six
        "peak_mb": max(r["peak_kb"] for r in results) / 1024,
    }


# --- the real processes of a class -------------------------------------------------------------


class RealClass:
    """Five seats and the trainer's console, each ``trafficking-sim join`` in its own pty,
    their output read all the time (a program whose terminal is not read stops writing)."""

    def __init__(self, db: str, home: Path) -> None:
        command = program.project_command()
        made = subprocess.run(
            [*command, "class", "create", "--db", db, "--json"],
            env=program.user_environment(home),
            capture_output=True,
            text=True,
            check=True,
        )
        found = json.loads(made.stdout)
        self.db = db
        self.class_id = str(found["class"])
        self.roles = list(found["codes"])
        seats = [*found["codes"].items(), ("trainer", found["trainer"])]
        self.terminals = [
            program.terminal([*command, "join", "--db", db, "--code", code], home, home)
            for _, code in seats
        ]
        self.names = [name for name, _ in seats]

    def pump(self, seconds: float) -> list[tuple[int, float]]:
        """Read every terminal for ``seconds``; (terminal, perf_counter()) of each read."""
        import select

        masters = {t.master: i for i, t in enumerate(self.terminals)}
        reads: list[tuple[int, float]] = []
        deadline = time.perf_counter() + seconds
        while (left := deadline - time.perf_counter()) > 0:
            ready, _, _ = select.select(list(masters), [], [], left)
            now = time.perf_counter()
            for fd in ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise RuntimeError(f"{self.names[masters[fd]]}'s seat closed its terminal")
                self.terminals[masters[fd]].output += chunk
                reads.append((masters[fd], now))
        return reads

    def wait_until_shown(self, text: str, since: list[int], timeout: float) -> list[float]:
        """perf_counter() when ``text`` reached each terminal's output after ``since``."""
        from ptyrun import screen_text

        at: list[float | None] = [None] * len(self.terminals)
        deadline = time.perf_counter() + timeout
        while None in at and time.perf_counter() < deadline:
            for index, when in self.pump(0.01):
                if at[index] is None:
                    shown = screen_text(self.terminals[index].output[since[index] :])
                    if text in shown:
                        at[index] = when
        missing = [self.names[i] for i, when in enumerate(at) if when is None]
        if missing:
            raise TimeoutError(f"{text!r} never reached {', '.join(missing)}")
        return [when for when in at if when is not None]

    def cpu(self) -> list[float]:
        import psutil

        times = [psutil.Process(t.process.pid).cpu_times() for t in self.terminals]
        return [c.user + c.system for c in times]

    def peak_mb(self) -> float:
        import psutil

        peaks = []
        for terminal in self.terminals:
            status = Path(f"/proc/{terminal.process.pid}/status")
            if status.is_file():
                line = next(x for x in status.read_text().splitlines() if x.startswith("VmHWM"))
                peaks.append(int(line.split()[1]) / 1024)
            else:  # (macOS: the resident size now, not the peak)
                peaks.append(psutil.Process(terminal.process.pid).memory_info().rss / 2**20)
        return max(peaks)

    def idle_shares(self, seconds: float) -> dict[str, float]:
        """Each process's CPU over ``seconds`` with nobody typing, as a share of one core."""
        before, start = self.cpu(), time.perf_counter()
        self.pump(seconds)
        after, wall = self.cpu(), time.perf_counter() - start
        return {name: (a - b) / wall for name, a, b in zip(self.names, after, before, strict=True)}

    def write(self, author: str, body: dict[str, Any]) -> float:
        """A row at the log's end, as ``author``; perf_counter() just after its commit."""
        from trafficking_sim.classnet.pgstore import open_store

        store = open_store(self.db)
        try:
            result = store.append(
                self.class_id, store.head(self.class_id), uuid.uuid4().hex, author, body
            )
            at = time.perf_counter()
        finally:
            store.close()
        assert result.status == "committed", result
        return at

    def close(self) -> None:
        for terminal in self.terminals:
            terminal.close()


def measure_real(db: str, home: Path, idle: float, lines: int) -> dict[str, Any]:
    """Idle CPU, peak memory and delivery of the real processes of a class of six."""
    from trafficking_sim.classnet.store import TRAINER
    from trafficking_sim.classnet.talk import talk_body

    real = RealClass(db, home)
    try:
        real.wait_until_shown(" left", [0] * 6, timeout=180)  # every screen shows the clock
        real.pump(3.0)  # settled: imports done, first frames drawn
        for _ in range(3):  # the group whose turn it is reads its briefing and closes it
            real.terminals[0].send(b"\x1b")
            real.pump(1.0)
        stopped = real.idle_shares(idle)
        real.write(TRAINER, {"control": "phase_start"})
        real.pump(2.0)
        running = real.idle_shares(idle)
        latencies = []
        by_screen: dict[str, list[float]] = {name: [] for name in real.names}
        for n in range(lines):
            real.pump(QUIET_SECONDS)
            token = f"bench{n:03d}"
            since = [len(t.output) for t in real.terminals]
            written = real.write(real.roles[0], talk_body("chat", "all", token))
            shown = real.wait_until_shown(token, since, 30)
            for name, at in zip(real.names, shown, strict=True):
                by_screen[name].append(round((at - written) * 1000, 1))
                latencies.append((at - written) * 1000)
        peak = real.peak_mb()
    finally:
        real.close()
    latencies.sort()
    return {
        "idle_stopped": sum(stopped.values()),
        "idle_running": sum(running.values()),
        "stopped_by_process": stopped,
        "running_by_process": running,
        "by_screen_ms": by_screen,
        "peak_mb": peak,
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
    }


def backends(quick: bool) -> list[tuple[str, str, Any]]:
    """(name, database, clean-up) for each backend this machine can run."""
    folder = Path(tempfile.mkdtemp(prefix="bench-classnet-"))
    folder.chmod(0o755)
    found: list[tuple[str, str, Any]] = [
        ("sqlite", str(folder / "class.db"), lambda: shutil.rmtree(folder, True))
    ]
    if quick:
        return found
    try:
        import pgserver
        import psycopg  # noqa: F401
    except ImportError:
        return found
    pg_folder = Path(tempfile.mkdtemp(prefix="bench-classnet-pg-"))
    pg_folder.chmod(0o755)  # (run as root, pgserver runs the server as another user)

    def stop() -> None:
        server.cleanup()
        shutil.rmtree(pg_folder, True)

    try:
        server = pgserver.get_server(str(pg_folder / "data"), cleanup_mode="delete")
    except Exception:  # no server here: SQLite only
        shutil.rmtree(pg_folder, True)
        return found
    found.append(("postgresql", str(server.get_uri()), stop))
    return found


def rows(quick: bool = False) -> list[dict[str, Any]]:
    written, idle = (20, 1.0) if quick else (100, 3.0)
    real_idle, real_lines = (2.0, 3) if quick else (IDLE_SECONDS, 20)
    table: list[dict[str, Any]] = []
    for name, db, cleanup in backends(quick):
        home = Path(tempfile.mkdtemp(prefix="bench-classnet-home-"))
        try:
            found = measure(db, written, idle)
            real = None
            if can_run_real():
                real_db = db if "://" in db else str(Path(db).with_name("real.db"))
                real = measure_real(real_db, home, real_idle, real_lines)
        finally:
            cleanup()
            shutil.rmtree(home, True)
        base50, base95 = BASELINES[name]
        leaves_out = (
            f"{LISTENERS} listeners on one machine; rows are trainer's notes written every "
            "30 ms by one writer, not groups racing for turns"
        )
        for figure, value, base in (("p50", found["p50"], base50), ("p95", found["p95"], base95)):
            table.append(
                {
                    "figure": f"classnet delivery {figure} ({name})",
                    "project_ms": round(value, 2),
                    "baseline_ms": base,
                    "baseline": f"the prototype's {name} {figure} (designs/networked-classroom)",
                    "ratio": round(value / base, 2),
                    "aim": f"p95 <= {AIM_P95_MS:.0f} ms",
                    "met": found["p95"] <= AIM_P95_MS,
                    "leaves_out": leaves_out,
                }
            )
        table.append(
            {
                "figure": f"classnet idle class of six, share of one core ({name})",
                "project_ms": round(found["class_idle_share"] * 1000, 2),  # ms of CPU per s
                "baseline_ms": 5.0 * 6,  # the prototype's ~0.5% of a core per process
                "baseline": "the prototype: about 0.5% of a core per polling process",
                "ratio": round(found["class_idle_share"] * 1000 / 30.0, 2),
                "aim": f"< {AIM_IDLE_SHARE:.0%} of one core (< 50 ms of CPU per second)",
                "met": found["class_idle_share"] < AIM_IDLE_SHARE,
                "leaves_out": "CPU ms per wall second; a TUI seat's screen refreshes are extra",
                "unit": "ms of CPU a second",
            }
        )
        table.append(
            {
                "figure": f"classnet peak memory per listening process ({name})",
                "project_ms": round(found["peak_mb"], 1),
                "baseline_ms": 63.0,
                "baseline": "the prototype: a textual-serve game process at the title",
                "ratio": round(found["peak_mb"] / 63.0, 2),
                "aim": f"< {AIM_RSS_MB:.0f} MB",
                "met": found["peak_mb"] < AIM_RSS_MB,
                "leaves_out": "a plain seat's engine and log, not the Textual screen",
                "unit": "MB",
            }
        )
        if real is not None:
            table += real_rows(name, found, real)
    return table


def can_run_real() -> bool:
    """The real seats need a pty (POSIX) and psutil for their CPU times."""
    try:
        import psutil  # noqa: F401
    except ImportError:
        print(
            "bench_classnet: psutil is not installed; no figures of the real seats", file=sys.stderr
        )
        return False
    return os.name == "posix"


def real_rows(name: str, listeners: dict[str, Any], real: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures of the real processes, each against the same run's listener figure."""
    leaves_out = (
        "one machine (every process shares its cores, and the load of the run); a pty that is "
        "read, not a terminal that draws; one class, one row at a time"
    )
    table = []
    for figure, value in (("p50", real["p50"]), ("p95", real["p95"])):
        table.append(
            {
                "figure": f"classnet delivery to the real screens {figure} ({name})",
                "project_ms": round(value, 1),
                "baseline_ms": round(listeners[figure], 2),
                "baseline": f"the same run's listeners' {figure} (applied, not drawn)",
                "ratio": round(value / listeners[figure], 2),
                "aim": f"p95 <= {AIM_P95_MS:.0f} ms",
                "met": real["p95"] <= AIM_P95_MS,
                "leaves_out": leaves_out + "; a chat line, not a move that redraws a whole turn",
            }
        )
    for key, clock in (("idle_stopped", "clock stopped"), ("idle_running", "clock running")):
        table.append(
            {
                "figure": f"classnet idle class of six, real seats, {clock} ({name})",
                "project_ms": round(real[key] * 1000, 2),  # ms of CPU per s
                "baseline_ms": round(listeners["class_idle_share"] * 1000, 2),
                "baseline": "the same run's six listeners (no screen)",
                "ratio": round(real[key] / max(listeners["class_idle_share"], 1e-6), 2),
                "aim": f"< {AIM_IDLE_SHARE:.0%} of one core (< 50 ms of CPU per second)",
                "met": real[key] < AIM_IDLE_SHARE,
                "leaves_out": leaves_out + "; the terminal's own drawing of the screen",
                "unit": "ms of CPU a second",
            }
        )
    table.append(
        {
            "figure": f"classnet peak memory of the largest real seat or console ({name})",
            "project_ms": round(real["peak_mb"], 1),
            "baseline_ms": round(listeners["peak_mb"], 1),
            "baseline": "the same run's largest listener (engine and log, no screen)",
            "ratio": round(real["peak_mb"] / listeners["peak_mb"], 2),
            "aim": f"< {AIM_RSS_MB:.0f} MB",
            "met": real["peak_mb"] < AIM_RSS_MB,
            "leaves_out": leaves_out + "; a long game's log (this is the first turn)",
            "unit": "MB",
        }
    )
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="SQLite only, fewer rows")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the rows as JSON")
    args = parser.parse_args()
    table = rows(args.quick)
    print(f"{'figure':<72} {'project':>9} {'baseline':>9} {'ratio':>6}  met")
    for row in table:
        print(
            f"{row['figure']:<72} {row['project_ms']:>9} {row['baseline_ms']:>9} "
            f"{row['ratio']:>6}  {'yes' if row['met'] else 'NO'}"
        )
    if args.json:
        args.json.write_text(json.dumps(table, indent=2), encoding="utf-8")
    return 0 if all(row["met"] for row in table) else 1


if __name__ == "__main__":
    raise SystemExit(main())
