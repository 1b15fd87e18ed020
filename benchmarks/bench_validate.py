"""``trafficking-sim validate`` in a fresh process, as a content author runs it, against a
fresh process that only parses the same files with ``CSafeLoader``.

Run: ``python benchmarks/bench_validate.py [--quick]``. Every run works on a copy of the
bundled content (every scenario, role card, agency profile and the codex) in a temporary
folder, with its own temporary ``TRAFFICKING_SIM_HOME`` (so its own cache folder), and
times three ways ``validate`` meets it:

1. **nothing changed** since the last run (the verdicts of files that passed are kept in
   the cache folder; see ``trafficking_sim/content/verdicts.py``);
2. **one file edited**: the flagship scenario gets one more comment line before every
   repetition, so it is parsed and checked in full with its role cards and agencies (their
   data read back from what an earlier run parsed), the rest not;
3. **a role card edited**: the same with a role card three of the four scenarios use, so
   it and those three scenarios are checked in full;
4. **everything checked** (``validate --no-cache``): what the first run after installing
   or after a new version of the program costs.

And ``trafficking-sim list`` (the bundled scenarios, as a player lists them) twice:

5. **after a first run**: each scenario's listing read from what the first run kept in
   the cache folder, nothing parsed;
6. **a first run** (an empty cache folder each repetition, as just after installing or
   upgrading): each scenario's listing read from its file and its role cards, without
   checking them (``trafficking_sim/content/listing.py``), and kept.

Each repetition runs the baseline right before the project's command, so a busy spell of
the machine hits both; the figures are medians (aim for every one: at most 2x), in wall
time and, where the platform reports it, in the CPU time of each process (the steadier
reading on a machine that is busy with other work).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from program import project_command, run, run_with_cpu

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("scenarios", "roles", "agencies", "codex")
FLAGSHIP = "exercise.yaml"
SHARED_CARD = ("roles", "police_a.yaml")
AIM_RATIO = 2.0

PARSE = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, encoding='utf-8') as f:\n"
    "        yaml.load(f.read(), Loader=yaml.CSafeLoader)\n"
)


def _median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if len(known) == len(values) and known else None


def measure(reps: int) -> dict[str, tuple[float, float, float | None, float | None, int]]:
    """{case: (project s, baseline s, project CPU s, baseline CPU s, files)}, medians of
    ``reps`` each (the CPU figures None where the platform does not report them)."""
    results: dict[str, tuple[float, float, float | None, float | None, int]] = {}
    with tempfile.TemporaryDirectory(prefix="trafficking-sim-bench-") as tmp:
        work = Path(tmp) / "content"
        for folder in FOLDERS:
            shutil.copytree(ROOT / folder, work / folder)
        files = [str(p) for folder in FOLDERS for p in sorted((work / folder).glob("*.yaml"))]
        home = Path(tmp) / "home"
        command = [*project_command(), "validate", str(work)]
        baseline = [sys.executable, "-c", PARSE, *files]
        cases = {
            "unchanged": (command, None),
            "one file edited": (command, work / "scenarios" / FLAGSHIP),
            "a role card edited": (command, work.joinpath(*SHARED_CARD)),
            "everything": ([*command, "--no-cache"], None),
        }
        listing = [*project_command(), "list"]
        cases.update(
            {"`list`, after a first run": (listing, None), "`list`, a first run": (listing, None)}
        )
        run([*command, "--no-cache"], home, work)  # warm the page cache and the .pyc
        run(command, home, work)  # the verdicts of a first run
        run(listing, home, work)  # the listings of a first run
        run(baseline, home, work)
        for case, (argv, edited) in cases.items():
            ours: list[tuple[float, float | None]] = []
            theirs: list[tuple[float, float | None]] = []
            for rep in range(reps):
                if edited is not None:
                    with edited.open("a", encoding="utf-8") as stream:
                        stream.write(f"# edited {rep}\n")
                own_home = home
                if case == "`list`, a first run":  # nothing cached: a home of its own
                    own_home = Path(tmp) / f"first-{rep}"
                theirs.append(run_with_cpu(baseline, home, work))
                ours.append(run_with_cpu(argv, own_home, work))
            results[case] = (
                statistics.median(w for w, _ in ours),
                statistics.median(w for w, _ in theirs),
                _median([c for _, c in ours]),
                _median([c for _, c in theirs]),
                len(files),
            )
    return results


LEAVES_OUT = {
    "unchanged": "a first run (see 'everything'); printing; the terminal's own start",
    "one file edited": (
        "a first edit after installing (the role cards and agencies are then parsed too); "
        "printing; the terminal's own start"
    ),
    "a role card edited": (
        "an agency profile every scenario uses (all four then checked); printing; the "
        "terminal's own start"
    ),
    "everything": "printing; the terminal's own start",
    "`list`, after a first run": "a first run (below); the terminal's own start",
    "`list`, a first run": (
        "scenarios of the user's own (only the bundled ones); the terminal's own start"
    ),
}


def rows(quick: bool = False) -> list[dict[str, Any]]:
    out = []
    for case, (ours, theirs, ours_cpu, theirs_cpu, files) in measure(2 if quick else 7).items():
        ratio = ours / theirs
        name = (
            case
            if case.startswith("`list`")
            else f"`validate`, cold process, {files} files: {case}"
        )
        out.append(
            {
                "figure": name,
                "project_ms": round(ours * 1000, 1),
                "baseline_ms": round(theirs * 1000, 1),
                "baseline": "CSafeLoader parse, cold process",
                "ratio": round(ratio, 2),
                "aim": f"ratio <= {AIM_RATIO:g}",
                "met": ratio <= AIM_RATIO,
                "leaves_out": LEAVES_OUT[case],
            }
        )
        if ours_cpu is not None and theirs_cpu:
            ratio = ours_cpu / theirs_cpu
            out.append(
                {
                    "figure": "... the CPU time it took (less sensitive to a busy machine)",
                    "project_ms": round(ours_cpu * 1000, 1),
                    "baseline_ms": round(theirs_cpu * 1000, 1),
                    "baseline": "CSafeLoader parse, cold process",
                    "ratio": round(ratio, 2),
                    "aim": f"ratio <= {AIM_RATIO:g}",
                    "met": ratio <= AIM_RATIO,
                    "leaves_out": LEAVES_OUT[case] + "; waiting for a core (in the wall time)",
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
