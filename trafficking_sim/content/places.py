"""Where a scenario's role cards and agency profiles are found, nearest first.

Kept apart from the loader, which needs pydantic's models: ``list`` and the content cache
look for companions without them.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths


def companion_dirs(scenario_path: Path, folder: str) -> list[Path]:
    """Where a scenario's role cards or agencies are looked for, nearest first."""
    here = scenario_path.resolve().parent
    dirs = [here / folder, here.parent / folder, paths.bundled_dir(folder)]
    unique: dict[Path, Path] = {}
    for d in dirs:
        unique.setdefault(d.resolve(), d)
    return list(unique.values())
