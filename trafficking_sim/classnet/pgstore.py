"""The class log on PostgreSQL: the same tables and rules as on SQLite, for a class
beyond one room (several hosts, or an academy's many classes on one database).

Needs psycopg 3 (``pip install 'trafficking-sim[postgres]'``). A row is appended at
``n + 1`` inside a transaction; two processes racing for the same ``n`` meet the primary
key, and the loser is told ``conflict``. Other processes learn of new rows by LISTEN on a
channel a trigger notifies on every insert; after any reconnect a waiting process reads
the log's end again, so nothing committed while it was away is missed.
"""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path
from typing import Any

from . import codes
from .store import (
    SCHEMA_VERSION,
    TRAINER,
    Appended,
    ClassError,
    ClassInfo,
    ClassStore,
    LogRow,
    decode_rows,
    presence,
)

CHANNEL = "trafficking_sim_class_log"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS ts_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ts_class (
    id TEXT PRIMARY KEY,
    scenario TEXT NOT NULL,
    scenario_path TEXT,
    content_hash TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    seed BIGINT NOT NULL,
    seats TEXT NOT NULL,
    salt BYTEA NOT NULL,
    created DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS ts_seat (
    class TEXT NOT NULL REFERENCES ts_class(id),
    role TEXT NOT NULL,
    code_hash BYTEA NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT FALSE,
    lang TEXT NOT NULL DEFAULT 'en',
    PRIMARY KEY (class, role)
);
CREATE TABLE IF NOT EXISTS ts_log (
    class TEXT NOT NULL REFERENCES ts_class(id),
    seq BIGINT NOT NULL,
    action_id TEXT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    at DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (class, seq),
    UNIQUE (class, action_id)
);
CREATE TABLE IF NOT EXISTS ts_presence (
    class TEXT NOT NULL,
    role TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    seen DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (class, role)
);
CREATE OR REPLACE FUNCTION ts_log_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', NEW.class || ' ' || NEW.seq);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS ts_log_notify ON ts_log;
CREATE TRIGGER ts_log_notify AFTER INSERT ON ts_log
    FOR EACH ROW EXECUTE FUNCTION ts_log_notify();
"""


def is_url(db: str | Path) -> bool:
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise ClassError("classnet.no_psycopg") from None
    return psycopg


class PgClassStore(ClassStore):
    """One process's connections to a class database on PostgreSQL (one for reading and
    writing, one that listens)."""

    def __init__(self, url: str, *, create: bool = False) -> None:
        self.path = Path(url.split("@")[-1])  # for messages: never the password
        self.url = url
        self._pg = _psycopg()
        try:
            self.conn = self._pg.connect(url, autocommit=True)
            self.listener: Any = None
            with self.conn.transaction():
                found = self._one("SELECT to_regclass('ts_meta') IS NOT NULL")
                if not found[0]:
                    if not create:
                        raise ClassError("classnet.no_class", path=str(self.path))
                    self.conn.execute("SELECT pg_advisory_xact_lock(724204)")
                    self.conn.execute(_SCHEMA)
                    self.conn.execute(
                        "INSERT INTO ts_meta VALUES ('schema', %s) ON CONFLICT DO NOTHING",
                        (str(SCHEMA_VERSION),),
                    )
                version = self._one("SELECT value FROM ts_meta WHERE key='schema'")
        except self._pg.Error as exc:
            raise ClassError(
                "classnet.not_a_class_db", path=str(self.path), error=str(exc)
            ) from None
        if version is None or version[0] != str(SCHEMA_VERSION):
            self.conn.close()
            raise ClassError("classnet.schema", path=str(self.path), found=version and version[0])

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row

    def close(self) -> None:
        self.conn.close()
        if self.listener is not None:
            self.listener.close()

    # --- the class and its seats -----------------------------------------------------------

    def create_class(
        self,
        class_id: str,
        *,
        scenario: str,
        scenario_path: str | None,
        content_hash: str,
        engine_version: str,
        seed: int,
        seats: tuple[str, ...],
    ) -> dict[str, str]:
        salt = codes.new_salt()
        issued = {role: codes.new_code() for role in (*seats, TRAINER)}
        with self.conn.transaction():
            self.conn.execute(
                "INSERT INTO ts_class VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    class_id,
                    scenario,
                    scenario_path,
                    content_hash,
                    engine_version,
                    seed,
                    json.dumps(list(seats)),
                    salt,
                    time.time(),
                ),
            )
            for role, code in issued.items():
                self.conn.execute(
                    "INSERT INTO ts_seat (class, role, code_hash) VALUES (%s, %s, %s)",
                    (class_id, role, codes.code_hash(code, salt)),
                )
        return issued

    def classes(self) -> list[ClassInfo]:
        rows = self.conn.execute(
            "SELECT id, scenario, scenario_path, content_hash, engine_version, seed, seats, salt"
            " FROM ts_class ORDER BY created DESC, id DESC"
        ).fetchall()
        return [
            ClassInfo(r[0], r[1], r[2], r[3], r[4], int(r[5]), tuple(json.loads(r[6])), bytes(r[7]))
            for r in rows
        ]

    def seat_for_code(self, code: str) -> tuple[ClassInfo, str] | None:
        for info in self.classes():
            row = self._one(
                "SELECT role FROM ts_seat WHERE class=%s AND code_hash=%s AND NOT revoked",
                (info.id, codes.code_hash(code, info.salt)),
            )
            if row is not None:
                return info, str(row[0])
        return None

    def revoke(self, class_id: str, role: str) -> None:
        self.conn.execute(
            "UPDATE ts_seat SET revoked=TRUE WHERE class=%s AND role=%s", (class_id, role)
        )

    def reissue(self, class_id: str, role: str) -> str:
        info = self.get_class(class_id)
        code = codes.new_code()
        self.conn.execute(
            "UPDATE ts_seat SET code_hash=%s, revoked=FALSE WHERE class=%s AND role=%s",
            (codes.code_hash(code, info.salt), class_id, role),
        )
        return code

    # --- the log ----------------------------------------------------------------------------

    def head(self, class_id: str) -> int:
        row = self._one("SELECT MAX(seq) FROM ts_log WHERE class=%s", (class_id,))
        return int(row[0] or 0)

    def append(
        self,
        class_id: str,
        after: int,
        action_id: str,
        author: str,
        body: dict[str, Any],
        *,
        seat_code: tuple[str, bytes | None] | None = None,
    ) -> Appended:
        unique = self._pg.errors.UniqueViolation
        try:
            with self.conn.transaction():
                earlier = self._one(
                    "SELECT seq FROM ts_log WHERE class=%s AND action_id=%s", (class_id, action_id)
                )
                if earlier is not None:
                    return Appended("already", int(earlier[0]))
                end_seq = self.head(class_id)
                if end_seq != after:
                    if after > end_seq:
                        raise ValueError(
                            f"cannot append after row {after}: the log ends at {end_seq}"
                        )
                    return Appended("conflict", end_seq)
                self.conn.execute(
                    "INSERT INTO ts_log VALUES (%s, %s, %s, %s, %s, %s)",
                    (
                        class_id,
                        after + 1,
                        action_id,
                        author,
                        json.dumps(body, ensure_ascii=False, sort_keys=True),
                        time.time(),
                    ),
                )
                if seat_code is not None:
                    role, new_hash = seat_code
                    if new_hash is None:
                        self.conn.execute(
                            "UPDATE ts_seat SET revoked=TRUE WHERE class=%s AND role=%s",
                            (class_id, role),
                        )
                    else:
                        self.conn.execute(
                            "UPDATE ts_seat SET code_hash=%s, revoked=FALSE"
                            " WHERE class=%s AND role=%s",
                            (new_hash, class_id, role),
                        )
        except unique:
            # Another process committed row n+1 (or this very action) at the same moment.
            earlier = self._one(
                "SELECT seq FROM ts_log WHERE class=%s AND action_id=%s", (class_id, action_id)
            )
            if earlier is not None:
                return Appended("already", int(earlier[0]))
            return Appended("conflict", self.head(class_id))
        return Appended("committed", after + 1)

    def rows_after(self, class_id: str, after: int) -> list[LogRow]:
        rows = self.conn.execute(
            "SELECT seq, action_id, author, body, at FROM ts_log WHERE class=%s AND seq>%s"
            " ORDER BY seq",
            (class_id, after),
        ).fetchall()
        return decode_rows(rows)

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

    # --- presence ---------------------------------------------------------------------------

    def here(self, class_id: str, role: str) -> None:
        self.conn.execute(
            "INSERT INTO ts_presence VALUES (%s, %s, %s, %s, %s) ON CONFLICT (class, role)"
            " DO UPDATE SET pid=EXCLUDED.pid, host=EXCLUDED.host, seen=EXCLUDED.seen",
            (class_id, role, os.getpid(), socket.gethostname(), time.time()),
        )

    def gone(self, class_id: str, role: str) -> None:
        self.conn.execute(
            "DELETE FROM ts_presence WHERE class=%s AND role=%s AND pid=%s AND host=%s",
            (class_id, role, os.getpid(), socket.gethostname()),
        )

    def connected(self, class_id: str) -> dict[str, bool]:
        rows = self.conn.execute(
            "SELECT role, pid, host, seen FROM ts_presence WHERE class=%s", (class_id,)
        ).fetchall()
        return presence(rows)


def open_store(db: str | Path, *, create: bool = False) -> ClassStore:
    """The class store at ``db``: a PostgreSQL URL, or a SQLite file's path."""
    if is_url(db):
        return PgClassStore(str(db), create=create)
    return ClassStore(Path(db), create=create)
