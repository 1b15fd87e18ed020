"""Starting the project's program as a player or an author does, for the benchmarks.

Shared by bench_validate.py, bench_start.py, bench_classnet.py and bench_tui.py, so they
time the same thing: the ``trafficking-sim`` console script (not ``python -c``; for the start,
the script of this checkout built as a wheel, as ``pip install .`` installs it), a private data
folder, and bytecode caches allowed (an installed program has them; a development shell
may forbid writing them, and compiling every module on every start is not what a user
waits for). ``run`` waits for a command in a pipe; ``terminal`` starts it in an 80x24
pseudo-terminal (ptyrun.py, POSIX only), for the programs that draw a screen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ptyrun import Terminal


def project_command() -> list[str]:
    """The console script next to this Python, else ``python -m trafficking_sim``."""
    script = Path(sys.executable).parent / "trafficking-sim"
    if script.is_file():
        return [str(script)]
    found = shutil.which("trafficking-sim")
    return [found] if found else [sys.executable, "-m", "trafficking_sim"]


CONSOLE_SCRIPT = """import sys
from trafficking_sim.cli import main
sys.exit(main())
"""


def installed_command(folder: Path) -> tuple[list[str], bool]:
    """The program as ``pip install .`` gives it to a player, and whether it is that.

    This checkout is built as a wheel (with the compiled catalogues, which a source
    checkout or an editable install lacks: it reads the .po sources, a few ms slower) and
    unpacked in ``folder`` beside a copy of the console script, so the wheel's package is
    the first on the import path. Where the wheel cannot be built (no build backend
    offline, say), the checkout's own console script, and False.
    """
    root = Path(__file__).resolve().parent.parent
    wheels, site = folder / "wheel", folder / "site"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
    built = subprocess.run(
        [*pip_wheel, "--wheel-dir", str(wheels), str(root)],
        capture_output=True,
        check=False,
    )
    found = sorted(wheels.glob("trafficking_sim-*.whl"))
    if built.returncode != 0 or not found:
        return project_command(), False
    with zipfile.ZipFile(found[-1]) as wheel:
        wheel.extractall(site)
    script = site / "trafficking-sim"  # (its folder is the first on the import path)
    script.write_text(CONSOLE_SCRIPT, encoding="utf-8")
    return [sys.executable, str(script)], True


def user_environment(home: str | Path) -> dict[str, str]:
    """This process's environment with the data folder ``home`` and bytecode caches allowed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["TRAFFICKING_SIM_HOME"] = str(home)
    return env


def run(argv: Sequence[str], home: str | Path, cwd: Path) -> float:
    """Seconds ``argv`` took to finish, its output read through pipes; a failure raises
    with the end of what it wrote to stderr."""
    began = time.perf_counter()
    done = subprocess.run(
        list(argv), env=user_environment(home), cwd=cwd, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{list(argv)[:3]} failed: {done.stderr.decode()[-800:]}")
    return elapsed


def run_with_cpu(argv: Sequence[str], home: str | Path, cwd: Path) -> tuple[float, float | None]:
    """``run``, with the CPU time (user and system) the command's process used; None where
    the platform does not report it (Windows). The CPU time is the steadier figure on a
    machine busy with other work: waiting for a core is not in it."""
    try:
        import resource
    except ImportError:
        return run(argv, home, cwd), None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = run(argv, home, cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def terminal(argv: Sequence[str], home: str | Path, cwd: Path) -> Terminal:
    """``argv`` started in its own pseudo-terminal, as a user's environment has it (POSIX:
    ptyrun is imported here, so the benchmarks that need no terminal run anywhere)."""
    from ptyrun import Terminal

    return Terminal(argv, user_environment(home), cwd)


def cpu_seconds(pid: int) -> float | None:
    """The CPU time process ``pid`` has used so far, all its threads (Linux), else None.

    In nanoseconds where the kernel keeps them (``/proc/PID/task/*/schedstat``: the time
    each thread has run); else in the clock ticks of ``/proc/PID/stat`` (10 ms, as coarse
    as a sixteenth of a start: one tick could decide whether a ratio meets its aim).
    Threads that have ended are counted only by the ticks; a Textual program's run for as
    long as it does."""
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
        total = sum(
            int((task / "schedstat").read_text(encoding="ascii").split()[0]) for task in tasks
        )
        if tasks:
            return total / 1e9
    except (OSError, ValueError, IndexError):
        pass
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
