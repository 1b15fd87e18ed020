"""The class log on PostgreSQL: the same tables and rules as on SQLite, for a class
beyond one room (several hosts, or an academy's many classes on one database).

Needs psycopg 3 (``pip install 'trafficking-sim[postgres]'``). The statements are the
ones of :class:`~.store.BaseClassStore` in PostgreSQL's dialect; what is PostgreSQL's
own is here: opening the database, and waiting. A row is appended at ``n + 1`` inside a
transaction; two processes racing for the same ``n`` meet the primary key, and the loser
is told ``conflict``. Other processes learn of new rows by LISTEN on a channel a trigger
notifies on every insert; after any reconnect a waiting process reads the log's end
again, so nothing committed while it was away is missed.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .store import (
    SCHEMA_VERSION,
    BaseClassStore,
    ClassError,
    ClassStore,
    Dialect,
)

CHANNEL = "trafficking_sim_class_log"

POSTGRESQL = Dialect(
    name="postgresql",
    param="%s",
    prefix="ts_",
    blob="BYTEA",
    real="DOUBLE PRECISION",
    bigint="BIGINT",
    flag="BOOLEAN",
    true="TRUE",
    false="FALSE",
    newest_first="created DESC, id DESC",
    upsert=(
        "INSERT INTO {table} ({columns}) VALUES ({values})"
        " ON CONFLICT ({key}) DO UPDATE SET {updates}"
    ),
    after_schema=f"""
CREATE OR REPLACE FUNCTION ts_log_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', NEW.class || ' ' || NEW.seq);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS ts_log_notify ON ts_log;
CREATE TRIGGER ts_log_notify AFTER INSERT ON ts_log
    FOR EACH ROW EXECUTE FUNCTION ts_log_notify();
""",
)


def is_url(db: str | Path) -> bool:
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise ClassError("classnet.no_psycopg") from None
    return psycopg


class PgClassStore(BaseClassStore):
    """One process's connections to a class database on PostgreSQL (one for reading and
    writing, one that listens)."""

    dialect = POSTGRESQL

    def __init__(self, url: str, *, create: bool = False) -> None:
        self.path = Path(url.split("@")[-1])  # for messages: never the password
        self.url = url
        self._pg = _psycopg()
        self.listener: Any = None
        try:
            self.conn = self._pg.connect(url, autocommit=True)
            with self._write():
                found = self._execute("SELECT to_regclass('ts_meta') IS NOT NULL").fetchone()
                if not found[0]:
                    if not create:
                        raise ClassError("classnet.no_class", path=str(self.path))
                    # Two processes creating at once: the second waits, then finds the tables.
                    self._execute("SELECT pg_advisory_xact_lock(724204)")
                    self._install_schema()
                version = self._schema_found()
        except self._pg.Error as exc:
            raise ClassError(
                "classnet.not_a_class_db", path=str(self.path), error=str(exc)
            ) from None
        if version != str(SCHEMA_VERSION):
            self.conn.close()
            raise ClassError("classnet.schema", path=str(self.path), found=version)

    def close(self) -> None:
        self.conn.close()
        if self.listener is not None:
            self.listener.close()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, tuple(params))

    def _write(self) -> contextlib.AbstractContextManager[Any]:
        return self.conn.transaction()  # type: ignore[no-any-return]

    def _duplicate(self) -> tuple[type[BaseException], ...]:
        return (self._pg.errors.UniqueViolation,)

    def _listen(self) -> Any:
        """The listening connection, (re)opened when needed."""
        if self.listener is None or self.listener.closed or self.listener.broken:
            self.listener = self._pg.connect(self.url, autocommit=True)
            self.listener.execute(f"LISTEN {CHANNEL}")
        return self.listener

    def wait_for_rows(self, class_id: str, after: int, timeout: float) -> bool:
        """Wait until the log has a row after ``after``: LISTEN first, then read the log's
        end (a row committed before LISTEN began, or while a connection was down, is seen
        by that read), then sleep until a notification or ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                listener = self._listen()
                if self.head(class_id) > after:
                    return True
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                for _ in listener.notifies(timeout=left, stop_after=1):
                    pass
            except self._pg.OperationalError:
                # The server went away: reconnect, and the loop reads the log again.
                self.listener = None
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.2)
                if self.conn.closed or self.conn.broken:
                    self.conn = self._pg.connect(self.url, autocommit=True)
            if self.head(class_id) > after:
                return True

    def data_version(self) -> int:
        return self.head("")


def open_store(db: str | Path, *, create: bool = False) -> BaseClassStore:
    """The class store at ``db``: a PostgreSQL URL, or a SQLite file's path."""
    if is_url(db):
        return PgClassStore(str(db), create=create)
    return ClassStore(Path(db), create=create)
