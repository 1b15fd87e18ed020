"""Starting the networked class's processes from the tests, and never leaving one behind.

Shared by the command-line and the many-process tests of ``classnet``: each process is
started with text pipes in UTF-8, remembered, and killed after its test if it still runs,
so a failing test never leaves a group waiting for a turn that never comes.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import pytest

_started: list[subprocess.Popen[str]] = []


def seat_env(home: Path) -> dict[str, str]:
    """The environment of a process whose data folder is ``home``."""
    return {**os.environ, "TRAFFICKING_SIM_HOME": str(home), "PYTHONIOENCODING": "utf-8"}


def spawn(
    argv: Sequence[str],
    *,
    stdin: IO[str] | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> subprocess.Popen[str]:
    """Start ``argv`` beside the test, its output read as UTF-8 text."""
    process = subprocess.Popen(
        list(argv),
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
    )
    _started.append(process)
    return process


@pytest.fixture(autouse=True)
def no_process_left_behind() -> Iterator[None]:
    """Import this into a test module: its processes still running after a test are killed."""
    yield
    while _started:
        process = _started.pop()
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
