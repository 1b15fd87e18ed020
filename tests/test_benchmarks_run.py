"""benchmarks/run.py, the one command that runs every benchmark, still runs and prints
its one table; every benchmark module keeps the rows(quick) convention it relies on."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    module = importlib.import_module("run")
    yield module
    sys.modules.pop("run", None)


def test_the_benchmarks_of_the_core_offer_rows(run: ModuleType) -> None:
    names = run.benchmarks()
    assert {"core", "explore", "replay", "start", "validate"} <= set(names)
    for name in ("core", "explore", "replay", "start", "validate"):
        module = importlib.import_module(f"bench_{name}")
        assert callable(getattr(module, "rows", None)), f"bench_{name}.py has no rows(quick)"


def test_quick_run_prints_one_table_with_baselines(
    run: ModuleType, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "rows.json"
    code = run.main(["--quick", "--only", "replay", "--json", str(out)])
    assert code in (0, 1)  # 1: an aim missed (quick figures mean nothing); 2 would be a crash
    table = capsys.readouterr().out.splitlines()
    assert table[0] == "| figure | project | same-run baseline | ratio | aim | met |"
    assert any("Session.resume" in line and "one prebuilt Engine" in line for line in table)
    assert out.read_text(encoding="utf-8").count('"leaves_out"') == len(table) - 2


def test_a_figure_in_another_unit_is_printed_in_it_not_as_milliseconds(run: ModuleType) -> None:
    """Memory figures printed as "69.6 ms" misled a reader of the table."""
    row = {
        "figure": "peak memory",
        "project_ms": 69.6,
        "baseline_ms": 63.0,
        "baseline": "the prototype",
        "ratio": 1.1,
        "aim": "< 150 MB",
        "met": True,
        "leaves_out": "-",
        "unit": "MB",
    }
    timed = {**row, "figure": "a step", "project_ms": 0.0125, "baseline_ms": 1500.0}
    del timed["unit"]
    lines = run.table([row, timed]).splitlines()
    assert lines[2].startswith("| peak memory | 69.6 MB | the prototype 63.0 MB |")
    assert lines[3].startswith("| a step | 12.5 us | the prototype 1.50 s |")
