"""Every stored snapshot belongs to a test that still exists.

syrupy fails a run on a snapshot file no test uses only when the tests run one after
another; under `pytest -n auto` it says nothing (its xdist support skips that check), so a
test renamed or removed would leave its old picture behind unnoticed. This check reads the
files and the test modules instead, so it runs the same way in parallel.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent
SNAPSHOTS = TESTS / "__snapshots__"


def _test_names(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    }


def stale_snapshots(snapshots: Path, tests: Path) -> list[str]:
    """The snapshot files under ``snapshots`` whose test module or test function is gone."""
    stale = []
    for picture in sorted(snapshots.glob("*/*")):
        module = tests / f"{picture.parent.name}.py"
        test = picture.name.split("[", 1)[0].removesuffix(picture.suffix)
        if not module.is_file() or test not in _test_names(module):
            stale.append(f"{picture.parent.name}/{picture.name}")
    return stale


def test_every_stored_snapshot_has_its_test() -> None:
    assert sorted(SNAPSHOTS.glob("*/*.svg")), "no snapshots found: has the folder moved?"
    assert stale_snapshots(SNAPSHOTS, TESTS) == []


def test_a_snapshot_of_a_removed_test_is_found(tmp_path: Path) -> None:
    """The check can fail: a picture left by a renamed test, and one of a removed module."""
    (tmp_path / "test_pictures.py").write_text("async def test_title(): ...\n", encoding="utf-8")
    folder = tmp_path / "__snapshots__" / "test_pictures"
    folder.mkdir(parents=True)
    for name in ("test_title.svg", "test_title_old.svg", "test_help[en].svg"):
        (folder / name).write_text("<svg/>", encoding="utf-8")
    gone = tmp_path / "__snapshots__" / "test_gone"
    gone.mkdir()
    (gone / "test_x.svg").write_text("<svg/>", encoding="utf-8")
    found = stale_snapshots(tmp_path / "__snapshots__", tmp_path)
    assert found == [
        "test_gone/test_x.svg",
        "test_pictures/test_help[en].svg",
        "test_pictures/test_title_old.svg",
    ]
