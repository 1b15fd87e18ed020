"""The networked class's tests' shared set-up: a class in a database, another process's
copy of it, a seat's full-screen app running under a Pilot, and processes started beside
the test and never left behind.

``make_class`` and ``device`` take a SQLite file's path or a PostgreSQL URL alike (the
``class_db`` fixture in conftest.py gives a test one of each). Each process is started
with text pipes in UTF-8, remembered, and killed after its test if it still runs, so a
failing test never leaves a group waiting for a turn that never comes.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from itertools import pairwise
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import pytest

from trafficking_sim import __version__
from trafficking_sim.classnet.game import ClassGame
from trafficking_sim.classnet.pgstore import open_store
from trafficking_sim.content import GameContent

if TYPE_CHECKING:
    from textual.pilot import Pilot
    from textual.screen import Screen
    from textual.widgets._footer import FooterKey

    from trafficking_sim.tui.seat import SeatApp

TWO_SEATS = ("border_b", "ngo")
THREE_SEATS = ("border_b", "ngo", "authorities_c")
FIVE_SEATS = ("police_a", "border_b", "unodc", "ngo", "authorities_c")
"""The exercise's five roles (the tutorial has three)."""

_started: list[subprocess.Popen[str]] = []


def make_class(
    db: Path | str,
    content: GameContent,
    seed: int = 2,
    *,
    seats: tuple[str, ...] = TWO_SEATS,
    class_id: str = "c1",
    **changes: object,
) -> dict[str, str]:
    """A class of ``content``'s scenario in ``db`` (created if need be); its codes by seat, the
    trainer's under ``TRAINER``. ``changes`` replace the class's other fields (a content
    hash or engine version of another build, say)."""
    store = open_store(db, create=True)
    fields: dict[str, object] = {
        "scenario": content.id,
        "scenario_path": None,
        "content_hash": content.content_hash,
        "engine_version": __version__,
        "seed": seed,
        "seats": seats,
        **changes,
    }
    try:
        return store.create_class(class_id, **fields)  # type: ignore[arg-type]
    finally:
        store.close()


def device(db: Path | str) -> ClassGame:
    """Another process's copy of the newest class in ``db``: its own connection, caught up."""
    store = open_store(db)
    game = ClassGame(store, store.get_class())
    game.catch_up()
    return game


class RunningSeat(NamedTuple):
    """A seat's app under test: the app, its Pilot and every code the class issued."""

    app: SeatApp
    pilot: Pilot[None]
    codes: dict[str, str]


@asynccontextmanager
async def running_seat(
    db: Path | str,
    content: GameContent,
    who: str,
    *,
    lang: str = "en",
    size: tuple[int, int] = (80, 24),
    seats: tuple[str, ...] = TWO_SEATS,
    seed: int = 2,
    **changes: Any,
) -> AsyncIterator[RunningSeat]:
    """A class of ``content`` made in ``db`` and the full-screen app opened with the code of
    ``who`` (a role, or TRAINER for the trainer's console), run headless at ``size``; the
    app is asked to quit at the end, as a user would, if it still runs. (Textual is loaded
    here, not on import: most tests of the class never draw a screen.)"""
    from trafficking_sim.tui.seat import SeatApp

    codes = make_class(db, content, seed, seats=seats, **changes)
    app = SeatApp(db, codes[who], lang)
    async with app.run_test(size=size) as pilot:
        yield RunningSeat(app, pilot, codes)
        if app.is_running:
            await app.action_quit()


def whole_footer_keys(screen: Screen[Any], width: int) -> dict[str, FooterKey]:
    """The keys of ``screen``'s footer by key, each checked to be whole on a screen ``width``
    columns wide and covered by no other part of the footer (the palette's key is docked
    over the others' right end)."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey, FooterLabel

    footer = screen.query_one(Footer)
    keys = {k.key: k for k in footer.query(FooterKey).results(FooterKey)}
    parts = [*keys.values(), *footer.query(FooterLabel).results(FooterLabel)]
    for part in parts:
        assert part.region.x >= 0 and part.region.right <= width, (part, part.region)
    ordered = sorted(parts, key=lambda part: part.region.x)
    for left, right in pairwise(ordered):
        assert left.region.right <= right.region.x, f"{left} covers {right}"
    return keys


async def until(pilot: Pilot[Any], test: Callable[[], bool], what: str) -> None:
    """Wait for ``test`` to hold, up to five seconds of the app's time."""
    for _ in range(100):
        await pilot.pause(0.05)
        if test():
            return
    raise AssertionError(f"{what} never happened")


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
