"""`validate` of this tree against another checkout, in fresh processes, interleaved.

On a shared, loaded machine two benchmark runs one after the other differ by more than a
change of a few percent. Each round here runs, in fresh processes: a bare `CSafeLoader`
parse of the 18 content files (the baseline), then both trees' `validate` (`main()` of
each tree's `cli`, as the console script calls it) on the same copy of the content, the
order of the two alternating every round. It reads each child's CPU time (`getrusage`:
waiting for a core is not in it) and prints the medians, each tree's ratio to its own
round's parse, and the paired ratio this/other of every round (below 1: this tree is
faster).

    git worktree add /tmp/base f721524
    python benchmarks/ab_validate.py /tmp/base                  # validate --no-cache
    python benchmarks/ab_validate.py /tmp/base --rounds 20

POSIX only (`resource`). Both trees run with the Python running this script, each with
its checkout first on `PYTHONPATH` and the bytecode in a temporary folder (so a read-only
checkout is not compiled again at every start), each with its own data folder.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_validate import FOLDERS, PARSE
from program import user_environment

ROOT = Path(__file__).resolve().parent.parent
MAIN = (
    "import sys\n"
    "sys.argv[0] = 'trafficking-sim'\n"
    "from trafficking_sim.cli import main\n"
    "sys.exit(main())\n"
)


def measure(other: Path, rounds: int, extra: list[str]) -> dict[str, list[float]]:
    """CPU seconds of every round: {"parse": [...], "this": [...], "other": [...]}."""
    with tempfile.TemporaryDirectory(prefix="trafficking-sim-ab-") as tmp:
        work = Path(tmp) / "content"
        for folder in FOLDERS:
            shutil.copytree(ROOT / folder, work / folder)
        files = [str(p) for folder in FOLDERS for p in sorted((work / folder).glob("*.yaml"))]
        trees = {"this": ROOT, "other": other}

        def once(name: str) -> float:
            tree = trees.get(name, ROOT)
            home = Path(tmp) / f"home-{name}"
            env = user_environment(home)
            env["PYTHONPATH"] = str(tree)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "bytecode")
            env.pop("TRAFFICKING_SIM_CROSS_CHECK", None)  # the tests' setting, not a user's
            argv = (
                [sys.executable, "-c", PARSE, *files]
                if name == "parse"
                else [sys.executable, "-c", MAIN, "validate", str(work), *extra]
            )
            return _cpu(argv, work, env)

        for name in ("parse", "this", "other", "this", "other"):  # bytecode, page cache
            once(name)
        times: dict[str, list[float]] = {"parse": [], "this": [], "other": []}
        for i in range(rounds):
            times["parse"].append(once("parse"))
            for name in ("this", "other") if i % 2 else ("other", "this"):
                times[name].append(once(name))
        return times


def _cpu(argv: list[str], cwd: Path, env: dict[str, str]) -> float:
    """The CPU seconds (user and system) of ``argv``'s process; a failure raises."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{argv[:3]} failed: {done.stderr.decode()[-800:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="the other checkout (its top folder)")
    parser.add_argument("--rounds", type=int, default=14)
    parser.add_argument(
        "--cached", action="store_true", help="validate as it is (default: --no-cache)"
    )
    args = parser.parse_args()
    times = measure(args.other.resolve(), args.rounds, [] if args.cached else ["--no-cache"])
    parse = times["parse"]
    for name in ("parse", "other", "this"):
        each = times[name]
        line = f"{name:6} median {statistics.median(each) * 1000:5.0f} ms"
        line += f", fastest {min(each) * 1000:5.0f}, slowest {max(each) * 1000:5.0f}"
        if name != "parse":
            ratios = [t / p for t, p in zip(each, parse, strict=True)]
            line += f"; ratio of medians {statistics.median(each) / statistics.median(parse):.2f}x"
            line += f", per round {statistics.median(ratios):.2f}x"
            line += f" ({min(ratios):.2f}x to {max(ratios):.2f}x)"
        print(line)
    paired = [t / o for t, o in zip(times["this"], times["other"], strict=True)]
    print(
        f"this/other, paired by round: median {statistics.median(paired):.2f} "
        f"({min(paired):.2f} to {max(paired):.2f}), {len(paired)} rounds"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
