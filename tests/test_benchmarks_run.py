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
