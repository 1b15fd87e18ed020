"""Shared fixtures: the tutorial content, an engine, a private data folder per test, and
the networked class's databases (one embedded PostgreSQL server for the whole session)."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from trafficking_sim.content import GameContent, load_game
from trafficking_sim.content.crosscheck import ENVIRONMENT as CROSS_CHECK
from trafficking_sim.engine import Engine

os.environ[CROSS_CHECK] = "1"
"""In every test, and every process a test starts (they inherit it), whatever the fast path
of valid content accepts (content/shapes.py) is validated by pydantic too, which must
accept it and make the very same object, or the test fails (content/crosscheck.py);
anything the fast path refuses goes to pydantic anyway. So every broken fixture gives the
problems it gave before the fast path."""

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "scenarios" / "tutorial.yaml"


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Never touch the real user's saves or logs."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TRAFFICKING_SIM_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def tutorial() -> GameContent:
    return load_game(TUTORIAL)


@pytest.fixture(scope="session")
def engine(tutorial: GameContent) -> Engine:
    return Engine(tutorial)


@pytest.fixture(autouse=True)
def _steady_cursor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every snapshot test's app starts with its text cursors' blink off.

    A blinking cursor is drawn or not depending on the half-second the picture is taken
    in, which made the glossary's snapshot flaky. One place for every snapshot, so a new
    snapshot test cannot forget it.
    """
    if "snap_compare" not in request.fixturenames:
        return
    from textual.widgets import Input, TextArea

    def steady(init: Callable[..., None]) -> Callable[..., None]:
        def start_steady(self: Any, *args: Any, **kwargs: Any) -> None:
            init(self, *args, **kwargs)
            self.cursor_blink = False

        return start_steady

    for widget in (Input, TextArea):
        monkeypatch.setattr(widget, "__init__", steady(widget.__init__))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server of the tests' own (pgserver), started once for the session the
    first time a test asks for it, stopped and removed at the end; the test is skipped,
    with the reason, where it cannot run."""
    pytest.importorskip("psycopg", reason="the postgres extra is not installed")
    pgserver = pytest.importorskip(
        "pgserver", reason="pgserver (an embedded PostgreSQL) is missing"
    )
    # Not under pytest's private temporary folder: run as root, pgserver runs the server
    # as another user, who must be able to reach the folder.
    folder = Path(tempfile.mkdtemp(prefix="trafficking-sim-pg-"))
    folder.chmod(0o755)
    try:
        started = pgserver.get_server(str(folder / "data"), cleanup_mode="delete")
    except Exception:
        # Under `pytest -n auto`, two workers starting their servers at once on a fresh
        # machine (as root) both create pgserver's system user; the one that loses fails
        # once. Again, the user is there.
        time.sleep(1)
        try:
            started = pgserver.get_server(str(folder / "again"), cleanup_mode="delete")
        except Exception as exc:  # any reason it cannot run here is a reason to skip,
            shutil.rmtree(folder, ignore_errors=True)
            reason = f"the embedded PostgreSQL server did not start: {exc}"
            if os.environ.get("TRAFFICKING_SIM_REQUIRE_PG"):
                pytest.fail(reason)  # but CI, which installs it, must test on it
            pytest.skip(reason)
    yield str(started.get_uri())
    started.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A database of this test's own on the session's server."""
    import psycopg

    name = "class_" + uuid.uuid4().hex[:10]
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return pg_server.replace("/postgres?", f"/{name}?")


@pytest.fixture(params=["sqlite", "postgresql"])
def class_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a networked class's test keeps its class, once per backend: a SQLite file,
    then a database on the embedded PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "class.db")
    return str(request.getfixturevalue("pg_url"))
