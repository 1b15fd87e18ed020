"""The class log on SQLite: the class, its seats, the append-only log and who is present.

One file, in WAL mode, shared by every process of a class on one computer. A row is
appended at ``seq = n + 1`` by a process that has applied rows 1..n; if another process
got there first the insert conflicts and the caller catches up and decides again. A
repeated ``action_id`` (a retry after a lost answer) is reported as already committed,
never logged twice. Other processes learn of new rows by polling ``PRAGMA data_version``,
which changes when another connection commits.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from ..i18n import TranslatedError
from . import codes

SCHEMA_VERSION = 1
TRAINER = "@trainer"
"""The trainer's seat in the seats table (no role is spelt with an @)."""

POLL_SECONDS = 0.015
"""How often a waiting process looks for new rows (10-20 ms kept delivery p95 near 10 ms
in the measurements behind this design, at about 0.5% of a core)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS {t}meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS {t}class (
    id TEXT PRIMARY KEY,
    scenario TEXT NOT NULL,
    scenario_path TEXT,
    content_hash TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    seed {bigint} NOT NULL,
    seats TEXT NOT NULL,
    salt {blob} NOT NULL,
    created {real} NOT NULL
);
CREATE TABLE IF NOT EXISTS {t}seat (
    class TEXT NOT NULL REFERENCES {t}class(id),
    role TEXT NOT NULL,
    code_hash {blob} NOT NULL,
    revoked {flag} NOT NULL DEFAULT {false},
    lang TEXT NOT NULL DEFAULT 'en',
    PRIMARY KEY (class, role)
);
CREATE TABLE IF NOT EXISTS {t}log (
    class TEXT NOT NULL REFERENCES {t}class(id),
    seq {bigint} NOT NULL,
    action_id TEXT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    at {real} NOT NULL,
    PRIMARY KEY (class, seq),
    UNIQUE (class, action_id)
);
CREATE TABLE IF NOT EXISTS {t}presence (
    class TEXT NOT NULL,
    role TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    seen {real} NOT NULL,
    PRIMARY KEY (class, role)
);
"""
"""The tables of a class, written once for both databases: ``{t}`` is the dialect's table
prefix, the names in braces its column types."""


@dataclass(frozen=True)
class Dialect:
    """What differs between SQLite and PostgreSQL in the class store's SQL, as data: the
    statements themselves are written once, in :class:`BaseClassStore`."""

    name: str
    param: str
    """The driver's placeholder (``?`` for sqlite3, ``%s`` for psycopg)."""
    prefix: str
    """Put before every table name (PostgreSQL's tables share a schema with others')."""
    blob: str
    real: str
    bigint: str
    flag: str
    true: str
    false: str
    newest_first: str
    """How the classes are ordered newest first (creation time, then a tie-break)."""
    upsert: str
    """Insert a row, or replace the one with the same key: filled with ``{table}``,
    ``{columns}``, ``{values}``, ``{key}`` and ``{updates}``."""
    after_schema: str = ""
    """More statements after the tables (PostgreSQL's trigger that notifies of new rows)."""

    def sql(self, template: str) -> str:
        """``template`` in this dialect: ``{p}`` a placeholder, ``{t}`` the table prefix,
        ``{true}``/``{false}`` the flag's values."""
        return _render(self, template)

    def schema(self) -> str:
        return (
            _SCHEMA.format(
                t=self.prefix,
                blob=self.blob,
                real=self.real,
                bigint=self.bigint,
                flag=self.flag,
                false=self.false,
            )
            + self.after_schema
        )

    def upsert_sql(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        updates = ", ".join(f"{c}=EXCLUDED.{c}" for c in columns if c not in key)
        return self.upsert.format(
            table=self.prefix + table,
            columns=", ".join(columns),
            values=", ".join(self.param for _ in columns),
            key=", ".join(key),
            updates=updates,
        )


@functools.lru_cache(maxsize=256)
def _render(dialect: Dialect, template: str) -> str:
    # Cached: the waiting loop reads the log's end every few milliseconds.
    return template.format(
        p=dialect.param, t=dialect.prefix, true=dialect.true, false=dialect.false
    )


SQLITE = Dialect(
    name="sqlite",
    param="?",
    prefix="",
    blob="BLOB",
    real="REAL",
    bigint="INTEGER",
    flag="INTEGER",
    true="1",
    false="0",
    newest_first="created DESC, rowid DESC",
    upsert="INSERT OR REPLACE INTO {table} ({columns}) VALUES ({values})",
)

PRESENCE_SECONDS = 60.0
"""A process on another computer counts as connected this long after it last said so."""


class ClassError(TranslatedError):
    """A class that cannot be used as asked, with a message for the trainer or group."""


@dataclass(frozen=True)
class ClassInfo:
    id: str
    scenario: str
    scenario_path: str | None
    content_hash: str
    engine_version: str
    seed: int
    seats: tuple[str, ...]
    salt: bytes = field(repr=False)


@dataclass(frozen=True)
class LogRow:
    seq: int
    action_id: str
    author: str  # the role that acted, or TRAINER
    body: dict[str, Any]
    at: float


@dataclass(frozen=True)
class Appended:
    """What became of an append: ``committed`` at ``seq``; ``conflict`` (someone else
    wrote row n+1 first; ``seq`` is the log's end now); or ``already`` (this action_id
    was committed before, at ``seq``)."""

    status: str
    seq: int


class BaseClassStore:
    """One process's connection to a class database: every rule of the class log, written
    once; a subclass opens the database, holds its :class:`Dialect` and says how to wait."""

    dialect: ClassVar[Dialect]
    path: Path
    """Where the class is, for messages (a file, or a server without its password)."""

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement written for any dialect; the driver's cursor."""
        raise NotImplementedError

    def _write(self) -> contextlib.AbstractContextManager[Any]:
        """One write transaction: all of it is committed, or none of it."""
        raise NotImplementedError

    def _duplicate(self) -> tuple[type[BaseException], ...]:
        """The driver's error for a row whose key is taken."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def wait_for_rows(self, class_id: str, after: int, timeout: float) -> bool:
        """Wait until the log has a row after ``after``; False when ``timeout`` passed."""
        raise NotImplementedError

    def data_version(self) -> int:
        raise NotImplementedError

    def _run(self, template: str, params: Sequence[Any] = ()) -> Any:
        return self._execute(self.dialect.sql(template), params)

    def _install_schema(self) -> None:
        """The tables of an empty database (in the caller's transaction)."""
        for statement in _statements(self.dialect.schema()):
            self._execute(statement)
        self._run(
            "INSERT INTO {t}meta (key, value) VALUES ('schema', {p}) ON CONFLICT DO NOTHING",
            (str(SCHEMA_VERSION),),
        )

    def _schema_found(self) -> str | None:
        found = self._run("SELECT value FROM {t}meta WHERE key='schema'").fetchone()
        return None if found is None else str(found[0])

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
        """Add a class; returns a fresh code per seat and one for the trainer (shown once:
        only their hashes are kept)."""
        salt = codes.new_salt()
        issued = {role: codes.new_code() for role in (*seats, TRAINER)}
        with self._write():
            self._run(
                "INSERT INTO {t}class (id, scenario, scenario_path, content_hash,"
                " engine_version, seed, seats, salt, created)"
                " VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})",
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
                self._run(
                    "INSERT INTO {t}seat (class, role, code_hash) VALUES ({p}, {p}, {p})",
                    (class_id, role, codes.code_hash(code, salt)),
                )
        return issued

    def classes(self) -> list[ClassInfo]:
        """Every class in the database, the newest first."""
        rows = self._execute(
            self.dialect.sql(
                "SELECT id, scenario, scenario_path, content_hash, engine_version, seed, seats,"
                " salt FROM {t}class ORDER BY "
            )
            + self.dialect.newest_first
        ).fetchall()
        return [
            ClassInfo(r[0], r[1], r[2], r[3], r[4], int(r[5]), tuple(json.loads(r[6])), bytes(r[7]))
            for r in rows
        ]

    def get_class(self, class_id: str | None = None) -> ClassInfo:
        """The class ``class_id``, or the newest one in the database."""
        found = self.classes()
        if class_id is not None:
            found = [c for c in found if c.id == class_id]
        if not found:
            if class_id is None:
                raise ClassError("classnet.no_class", path=str(self.path))
            raise ClassError("classnet.unknown_class", path=str(self.path), id=class_id)
        return found[0]

    def seat_for_code(self, code: str) -> tuple[ClassInfo, str] | None:
        """The class and seat (a role, or TRAINER) a code opens; None for a wrong or
        revoked code."""
        for info in self.classes():
            row = self._run(
                "SELECT role FROM {t}seat WHERE class={p} AND code_hash={p} AND revoked={false}",
                (info.id, codes.code_hash(code, info.salt)),
            ).fetchone()
            if row is not None:
                return info, str(row[0])
        return None

    def revoke(self, class_id: str, role: str) -> None:
        with self._write():
            self._revoke(class_id, role)

    def reissue(self, class_id: str, role: str) -> str:
        """A new code for a seat; the old one stops working."""
        info = self.get_class(class_id)
        code = codes.new_code()
        with self._write():
            self._new_code(class_id, role, codes.code_hash(code, info.salt))
        return code

    def _revoke(self, class_id: str, role: str) -> None:
        self._run(
            "UPDATE {t}seat SET revoked={true} WHERE class={p} AND role={p}", (class_id, role)
        )

    def _new_code(self, class_id: str, role: str, code_hash: bytes) -> None:
        self._run(
            "UPDATE {t}seat SET code_hash={p}, revoked={false} WHERE class={p} AND role={p}",
            (code_hash, class_id, role),
        )

    # --- the log ----------------------------------------------------------------------------

    def head(self, class_id: str) -> int:
        """The number of the log's last row (0 for an empty log)."""
        row = self._run("SELECT MAX(seq) FROM {t}log WHERE class={p}", (class_id,)).fetchone()
        return int(row[0] or 0)

    def _committed_at(self, class_id: str, action_id: str) -> int | None:
        row = self._run(
            "SELECT seq FROM {t}log WHERE class={p} AND action_id={p}", (class_id, action_id)
        ).fetchone()
        return None if row is None else int(row[0])

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
        """Write row ``after + 1``, unless someone else wrote it first (``conflict``) or
        this action was written before (``already``). With ``seat_code`` (a role and the
        hash of its new code, or None to withdraw it), the seat changes in the same
        transaction as the row that says so."""
        try:
            with self._write():
                earlier = self._committed_at(class_id, action_id)
                if earlier is not None:
                    return Appended("already", earlier)
                end_seq = self.head(class_id)
                if end_seq != after:
                    if after > end_seq:
                        raise ValueError(
                            f"cannot append after row {after}: the log ends at {end_seq}"
                        )
                    return Appended("conflict", end_seq)
                self._run(
                    "INSERT INTO {t}log (class, seq, action_id, author, body, at)"
                    " VALUES ({p}, {p}, {p}, {p}, {p}, {p})",
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
                        self._revoke(class_id, role)
                    else:
                        self._new_code(class_id, role, new_hash)
        except self._duplicate():
            # Another process committed row n+1 (or this very action) at the same moment;
            # SQLite's write lock makes this PostgreSQL's case only.
            earlier = self._committed_at(class_id, action_id)
            if earlier is not None:
                return Appended("already", earlier)
            return Appended("conflict", self.head(class_id))
        return Appended("committed", after + 1)

    def rows_after(self, class_id: str, after: int) -> list[LogRow]:
        """The rows after ``after``, in order."""
        rows = self._run(
            "SELECT seq, action_id, author, body, at FROM {t}log"
            " WHERE class={p} AND seq>{p} ORDER BY seq",
            (class_id, after),
        ).fetchall()
        return decode_rows(rows)

    # --- presence ---------------------------------------------------------------------------

    def here(self, class_id: str, role: str) -> None:
        """This process holds ``role``'s seat now."""
        with self._write():
            self._execute(
                self.dialect.upsert_sql(
                    "presence", ("class", "role", "pid", "host", "seen"), ("class", "role")
                ),
                (class_id, role, os.getpid(), socket.gethostname(), time.time()),
            )

    def gone(self, class_id: str, role: str) -> None:
        """This process leaves ``role``'s seat (if it still holds it)."""
        with self._write():
            self._run(
                "DELETE FROM {t}presence WHERE class={p} AND role={p} AND pid={p} AND host={p}",
                (class_id, role, os.getpid(), socket.gethostname()),
            )

    def connected(self, class_id: str) -> dict[str, bool]:
        """Which seats a living process holds. On this computer a process is asked
        directly (one stopped with kill -9 leaves its row behind); a process elsewhere
        counts while it has said so recently."""
        rows = self._run(
            "SELECT role, pid, host, seen FROM {t}presence WHERE class={p}", (class_id,)
        ).fetchall()
        return presence(rows)


class ClassStore(BaseClassStore):
    """The class log in one SQLite file on this computer."""

    dialect = SQLITE

    def __init__(self, path: Path, *, create: bool = False) -> None:
        """Open the class file at ``path``; with ``create``, an empty or new file becomes
        one. Any other database is refused untouched: it is somebody else's."""
        self.path = path
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.is_file():
            raise ClassError("classnet.no_file", path=str(path))
        try:
            self.db = sqlite3.connect(path, timeout=10.0, isolation_level=None)
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}
            if "meta" not in tables and (tables or not create):
                self.db.close()
                raise ClassError("classnet.not_a_class_db", path=str(path), error="no class")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            if "meta" not in tables:
                with self._write():
                    self._install_schema()
            found = self._schema_found()
        except sqlite3.DatabaseError as exc:
            raise ClassError("classnet.not_a_class_db", path=str(path), error=str(exc)) from None
        if found != str(SCHEMA_VERSION):
            self.db.close()
            raise ClassError("classnet.schema", path=str(path), found=found)

    def close(self) -> None:
        self.db.close()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute(sql, tuple(params))

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once so that two writers never deadlock."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _duplicate(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.IntegrityError,)

    def data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def wait_for_rows(self, class_id: str, after: int, timeout: float) -> bool:
        """Wait until the log has a row after ``after``; False when ``timeout`` passed.

        ``data_version`` is cheap to read and changes only when another connection
        commits, so the log itself is read again only then.
        """
        deadline = time.monotonic() + timeout
        version = self.data_version()
        if self.head(class_id) > after:
            return True
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            now = self.data_version()
            if now != version:
                version = now
                if self.head(class_id) > after:
                    return True
        return False


def _statements(script: str) -> list[str]:
    """A schema script as single statements, for drivers that run one at a time. A
    statement ends with ``;`` at the end of a line outside a ``$$`` body."""
    found, current, in_body = [], [], False
    for line in script.splitlines():
        current.append(line)
        if line.count("$$") % 2:
            in_body = not in_body
        if not in_body and line.rstrip().endswith(";"):
            statement = "\n".join(current).strip()
            if statement.rstrip(";").strip():
                found.append(statement)
            current = []
    if "\n".join(current).strip():
        found.append("\n".join(current).strip())
    return found


def decode_rows(rows: Iterable[Sequence[Any]]) -> list[LogRow]:
    """Log rows as read from either database (seq, action_id, author, body, at); a body
    that is not JSON is a damaged log, said as such."""
    found = []
    for seq, action_id, author, body, at in rows:
        try:
            data = json.loads(body)
        except (ValueError, TypeError, RecursionError) as exc:
            raise ClassError("classnet.bad_row", seq=seq, error=str(exc)) from None
        found.append(LogRow(int(seq), str(action_id), str(author), data, float(at)))
    return found


def presence(rows: Iterable[Sequence[Any]]) -> dict[str, bool]:
    """Which seats a living process holds, from presence rows (role, pid, host, seen). On
    this computer a process is asked directly (one stopped with kill -9 leaves its row
    behind); a process elsewhere counts while it has said so recently."""
    found: dict[str, bool] = {}
    for role, pid, host, seen in rows:
        if host == socket.gethostname():
            found[role] = _alive(int(pid))
        else:
            found[role] = time.time() - float(seen) < PRESENCE_SECONDS
    return found


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    if os.name == "posix":
        # A child that was killed but not yet reaped still answers; it is gone all the same.
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{pid}/stat").read_text()
            if stat.rsplit(")", 1)[-1].split()[0] == "Z":
                return False
    return True
