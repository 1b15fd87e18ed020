"""Runs every benchmark and prints one table: figure, project, baseline, ratio, aim, met.

    python benchmarks/run.py [--quick] [--only core,replay,...] [--json FILE]

Each ``benchmarks/bench_*.py`` exposes ``rows(quick: bool = False) -> list[dict]``; a row
has the keys ``figure``, ``project_ms``, ``baseline_ms``, ``baseline`` (a short name of
what the baseline is), ``ratio`` (project / baseline), ``aim`` (words), ``met`` (True,
False or None when the figure has no aim) and ``leaves_out`` (what the figure does not
time; benchmarks/README.md says more), and may have ``unit``: the figures' unit when they
are not milliseconds (memory in MB, say), printed as is. ``--quick`` makes each benchmark
small enough to check that it runs, not to measure: its figures are not worth comparing.
Progress goes to stderr, the table to stdout; the exit code is 1 when an aim is missed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
KEYS = ("figure", "project_ms", "baseline_ms", "baseline", "ratio", "aim", "met", "leaves_out")


def benchmarks() -> list[str]:
    """The benchmark modules, by their short names (``bench_core.py``: 'core')."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def collect(names: list[str], quick: bool) -> tuple[list[dict[str, Any]], list[str]]:
    """Every row of the named benchmarks, and the problems of those that could not run."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for name in names:
        print(f"== bench_{name}", file=sys.stderr, flush=True)
        began = time.perf_counter()
        try:
            module = importlib.import_module(f"bench_{name}")
            make = getattr(module, "rows", None)
            if make is None:
                problems.append(f"bench_{name}: has no rows(quick) function; skipped")
                continue
            found = make(quick=quick)
        except Exception:  # one broken benchmark must not hide the others' figures
            problems.append(f"bench_{name} failed:\n{traceback.format_exc()}")
            continue
        for row in found:
            missing = [key for key in KEYS if key not in row]
            if missing:
                problems.append(f"bench_{name}: a row lacks {', '.join(missing)}: {row}")
                continue
            rows.append({"benchmark": name, **row})
        print(f"   {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
    return rows, problems


def milliseconds(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    if value >= 10:
        return f"{value:.1f} ms"
    if value >= 0.1:
        return f"{value:.2f} ms"
    return f"{value * 1000:.1f} us"


def amount(value: float | None, unit: str) -> str:
    """A figure with its unit: milliseconds scaled to s or us, any other unit as given."""
    if unit == "ms" or value is None:
        return milliseconds(value)
    return f"{value:.1f} {unit}"


def table(rows: list[dict[str, Any]]) -> str:
    head = ("figure", "project", "same-run baseline", "ratio", "aim", "met")
    body = []
    for row in rows:
        unit = row.get("unit", "ms")
        baseline = (
            f"{row['baseline']} {amount(row['baseline_ms'], unit)}"
            if row["baseline_ms"] is not None
            else (row["baseline"] or "-")
        )
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "-"
        met = {True: "yes", False: "NO", None: "-"}[row["met"]]
        body.append(
            (row["figure"], amount(row["project_ms"], unit), baseline, ratio, row["aim"], met)
        )
    lines = [
        "| " + " | ".join(head) + " |",
        "|" + "|".join("---" for _ in head) + "|",
        *("| " + " | ".join(cells) + " |" for cells in body),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny runs: check they work")
    parser.add_argument("--only", help="comma-separated short names (core, replay, explore ...)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the rows as JSON")
    args = parser.parse_args(argv)
    names = benchmarks()
    if args.only:
        wanted = [n.strip().removeprefix("bench_") for n in args.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            parser.error(f"no benchmark {', '.join(unknown)}; there are {', '.join(names)}")
        names = wanted
    print(f"Python {platform.python_version()} on {platform.platform()}", file=sys.stderr)
    rows, problems = collect(names, args.quick)
    print(table(rows))
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.json:
        payload = {
            "quick": args.quick,
            "python": platform.python_version(),
            "platform": platform.platform(),
            "rows": rows,
            "problems": problems,
        }
        args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    if problems:
        return 2
    return 1 if any(row["met"] is False for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
