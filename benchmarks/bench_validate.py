"""``trafficking-sim validate`` in a fresh process, as a content author runs it, against a
fresh process that only parses the same files with ``CSafeLoader``.

Run: ``python benchmarks/bench_validate.py [--quick]``. Every run works on a copy of the
bundled content (every scenario, role card, agency profile and the codex) in a temporary
folder, with its own temporary ``TRAFFICKING_SIM_HOME`` (so its own cache folder), and
times three ways ``validate`` meets it:

1. **nothing changed** since the last run (the verdicts of files that passed are kept in
   the cache folder; see ``trafficking_sim/content/verdicts.py``);
2. **one file edited**: the flagship scenario gets one more comment line before every
   repetition, so it and its role cards and agencies are checked in full, the rest not;
3. **everything checked** (``validate --no-cache``): what the first run after installing
   or after a new version of the program costs.

Each repetition runs the baseline right before the project's command, so a busy spell of
the machine hits both; the figures are medians (aim for every one: at most 2x).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("scenarios", "roles", "agencies", "codex")
FLAGSHIP = "exercise.yaml"
AIM_RATIO = 2.0

PARSE = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, encoding='utf-8') as f:\n"
    "        yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)


def project_command() -> list[str]:
    """The console script next to this Python, else ``python -m trafficking_sim``."""
    script = Path(sys.executable).parent / "trafficking-sim"
    if script.is_file():
        return [str(script)]
    found = shutil.which("trafficking-sim")
    return [found] if found else [sys.executable, "-m", "trafficking_sim"]


def user_environment(home: Path) -> dict[str, str]:
    """The environment of a user's run: a private data folder, and bytecode caches allowed
    (an installed program has them; a development shell may forbid writing them)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["TRAFFICKING_SIM_HOME"] = str(home)
    return env


def _timed(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    began = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"{argv[:3]} failed: {done.stderr.decode()[-800:]}")
    return elapsed


def measure(reps: int) -> dict[str, tuple[float, float, int]]:
    """{case: (project seconds, baseline seconds, files)}, medians of ``reps`` each."""
    results: dict[str, tuple[float, float, int]] = {}
    with tempfile.TemporaryDirectory(prefix="trafficking-sim-bench-") as tmp:
        work = Path(tmp) / "content"
        for folder in FOLDERS:
            shutil.copytree(ROOT / folder, work / folder)
        files = [str(p) for folder in FOLDERS for p in sorted((work / folder).glob("*.yaml"))]
        env = user_environment(Path(tmp) / "home")
        command = [*project_command(), "validate", str(work)]
        baseline = [sys.executable, "-c", PARSE, *files]
        flagship = work / "scenarios" / FLAGSHIP
        cases = {
            "unchanged": (command, None),
            "one file edited": (command, flagship),
            "everything": ([*command, "--no-cache"], None),
        }
        _timed([*command, "--no-cache"], env, work)  # warm the page cache and the .pyc
        _timed(command, env, work)  # the verdicts of a first run
        _timed(baseline, env, work)
        for case, (argv, edited) in cases.items():
            ours: list[float] = []
            theirs: list[float] = []
            for rep in range(reps):
                if edited is not None:
                    with edited.open("a", encoding="utf-8") as stream:
                        stream.write(f"# edited {rep}\n")
                theirs.append(_timed(baseline, env, work))
                ours.append(_timed(argv, env, work))
            results[case] = (statistics.median(ours), statistics.median(theirs), len(files))
    return results


LEAVES_OUT = {
    "unchanged": "a first run (see 'everything'); printing; the terminal's own start",
    "one file edited": (
        "an edit to a role card or agency used by every scenario (all four are then "
        "checked); printing; the terminal's own start"
    ),
    "everything": "printing; the terminal's own start",
}


def rows(quick: bool = False) -> list[dict[str, Any]]:
    out = []
    for case, (ours, theirs, files) in measure(2 if quick else 7).items():
        ratio = ours / theirs
        out.append(
            {
                "figure": f"`validate`, cold process, {files} files: {case}",
                "project_ms": round(ours * 1000, 1),
                "baseline_ms": round(theirs * 1000, 1),
                "baseline": "CSafeLoader parse, cold process",
                "ratio": round(ratio, 2),
                "aim": f"ratio <= {AIM_RATIO:g}",
                "met": ratio <= AIM_RATIO,
                "leaves_out": LEAVES_OUT[case],
            }
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 repetitions instead of 7")
    args = parser.parse_args()
    for row in rows(args.quick):
        print(
            f"{row['figure']}: {row['project_ms']:.0f} ms; {row['baseline']} "
            f"{row['baseline_ms']:.0f} ms; ratio {row['ratio']:.2f} "
            f"({'met' if row['met'] else 'not met'})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
