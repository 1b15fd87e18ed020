"""Located, human error reports for content authors (never a Python traceback)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, pointing at where it is."""

    file: str
    line: int
    column: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"


class ContentError(Exception):
    """Raised when a content file cannot be used; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice a misspelt word most likely meant, if any is close enough."""
    import difflib  # only when there is something to suggest

    close = difflib.get_close_matches(word, sorted(set(choices)), n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, choices: Iterable[str]) -> str:
    """A ' Did you mean ...?' hint for a misspelt id or key, or ''."""
    match = closest(word, choices)
    return f" Did you mean '{match}'?" if match else ""


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(_resolved_folder(os.getcwd())))
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=4)
def _resolved_folder(folder: str) -> Path:
    """The working folder resolved, once while it stays the same (every file's name is
    shown relative to it, and resolving costs a system call per folder on the way)."""
    return Path(folder).resolve()
