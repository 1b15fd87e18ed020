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
import json
import os
import socket
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import TranslatedError
from . import codes

SCHEMA_VERSION = 1
TRAINER = "@trainer"
"""The trainer's seat in the seats table (no role is spelt with an @)."""

POLL_SECONDS = 0.015
"""How often a waiting process looks for new rows (10-20 ms kept delivery p95 near 10 ms
in the measurements behind this design, at about 0.5% of a core)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS class (
    id TEXT PRIMARY KEY,
    scenario TEXT NOT NULL,
    scenario_path TEXT,
    content_hash TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    seed INTEGER NOT NULL,
    seats TEXT NOT NULL,
    salt BLOB NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS seat (
    class TEXT NOT NULL REFERENCES class(id),
    role TEXT NOT NULL,
    code_hash BLOB NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    lang TEXT NOT NULL DEFAULT 'en',
    PRIMARY KEY (class, role)
);
CREATE TABLE IF NOT EXISTS log (
    class TEXT NOT NULL REFERENCES class(id),
    seq INTEGER NOT NULL,
    action_id TEXT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (class, seq),
    UNIQUE (class, action_id)
);
CREATE TABLE IF NOT EXISTS presence (
    class TEXT NOT NULL,
    role TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    seen REAL NOT NULL,
    PRIMARY KEY (class, role)
);
"""

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


class ClassStore:
    """One connection to a class database."""

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
                self.db.executescript(_SCHEMA)
                self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            found = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise ClassError("classnet.not_a_class_db", path=str(path), error=str(exc)) from None
        if found is None or found[0] != str(SCHEMA_VERSION):
            self.db.close()
            raise ClassError("classnet.schema", path=str(path), found=found and found[0])

    def close(self) -> None:
        self.db.close()

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
        with self._write() as db:
            db.execute(
                "INSERT INTO class VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                db.execute(
                    "INSERT INTO seat (class, role, code_hash) VALUES (?, ?, ?)",
                    (class_id, role, codes.code_hash(code, salt)),
                )
        return issued

    def classes(self) -> list[ClassInfo]:
        """Every class in the file, the newest first."""
        rows = self.db.execute(
            "SELECT id, scenario, scenario_path, content_hash, engine_version, seed, seats, salt"
            " FROM class ORDER BY created DESC, rowid DESC"
        ).fetchall()
        return [
            ClassInfo(r[0], r[1], r[2], r[3], r[4], int(r[5]), tuple(json.loads(r[6])), r[7])
            for r in rows
        ]

    def get_class(self, class_id: str | None = None) -> ClassInfo:
        """The class ``class_id``, or the newest one in the file."""
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
            row = self.db.execute(
                "SELECT role FROM seat WHERE class=? AND code_hash=? AND revoked=0",
                (info.id, codes.code_hash(code, info.salt)),
            ).fetchone()
            if row is not None:
                return info, str(row[0])
        return None

    def revoke(self, class_id: str, role: str) -> None:
        with self._write() as db:
            db.execute("UPDATE seat SET revoked=1 WHERE class=? AND role=?", (class_id, role))

    def reissue(self, class_id: str, role: str) -> str:
        """A new code for a seat; the old one stops working."""
        info = self.get_class(class_id)
        code = codes.new_code()
        with self._write() as db:
            db.execute(
                "UPDATE seat SET code_hash=?, revoked=0 WHERE class=? AND role=?",
                (codes.code_hash(code, info.salt), class_id, role),
            )
        return code

    # --- the log ----------------------------------------------------------------------------

    def head(self, class_id: str) -> int:
        """The number of the log's last row (0 for an empty log)."""
        row = self.db.execute("SELECT MAX(seq) FROM log WHERE class=?", (class_id,)).fetchone()
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
        """Write row ``after + 1``, unless someone else wrote it first (``conflict``) or
        this action was written before (``already``). With ``seat_code`` (a role and the
        hash of its new code, or None to withdraw it), the seat changes in the same
        transaction as the row that says so."""
        with self._write() as db:
            earlier = db.execute(
                "SELECT seq FROM log WHERE class=? AND action_id=?", (class_id, action_id)
            ).fetchone()
            if earlier is not None:
                return Appended("already", int(earlier[0]))
            end = db.execute("SELECT MAX(seq) FROM log WHERE class=?", (class_id,)).fetchone()
            end_seq = int(end[0] or 0)
            if end_seq != after:
                if after > end_seq:
                    raise ValueError(f"cannot append after row {after}: the log ends at {end_seq}")
                return Appended("conflict", end_seq)
            db.execute(
                "INSERT INTO log VALUES (?, ?, ?, ?, ?, ?)",
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
                    db.execute(
                        "UPDATE seat SET revoked=1 WHERE class=? AND role=?", (class_id, role)
                    )
                else:
                    db.execute(
                        "UPDATE seat SET code_hash=?, revoked=0 WHERE class=? AND role=?",
                        (new_hash, class_id, role),
                    )
        return Appended("committed", after + 1)

    def rows_after(self, class_id: str, after: int) -> list[LogRow]:
        """The rows after ``after``, in order."""
        rows = self.db.execute(
            "SELECT seq, action_id, author, body, at FROM log WHERE class=? AND seq>? ORDER BY seq",
            (class_id, after),
        ).fetchall()
        return decode_rows(rows)

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

    # --- presence ---------------------------------------------------------------------------

    def here(self, class_id: str, role: str) -> None:
        """This process holds ``role``'s seat now."""
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO presence VALUES (?, ?, ?, ?, ?)",
                (class_id, role, os.getpid(), socket.gethostname(), time.time()),
            )

    def gone(self, class_id: str, role: str) -> None:
        """This process leaves ``role``'s seat (if it still holds it)."""
        with self._write() as db:
            db.execute(
                "DELETE FROM presence WHERE class=? AND role=? AND pid=? AND host=?",
                (class_id, role, os.getpid(), socket.gethostname()),
            )

    def connected(self, class_id: str) -> dict[str, bool]:
        """Which seats a living process holds. On this computer a process is asked
        directly (one stopped with kill -9 leaves its row behind); a process elsewhere
        counts while it has said so recently."""
        rows = self.db.execute(
            "SELECT role, pid, host, seen FROM presence WHERE class=?", (class_id,)
        ).fetchall()
        return presence(rows)


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
