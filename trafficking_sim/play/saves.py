"""Saved games: the scenario, a hash of its content, the seed, the language and the actions.

A save is written atomically (temporary file, fsync, rename), so a crash never leaves
half a file, and a file that is not one of our saves is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__, paths
from ..i18n import TranslatedError

if TYPE_CHECKING:
    from ..engine.actions import Action

# The engine (and with it pydantic) is imported only when a save is really read or
# written, so that peeking at the autosave keeps the title screen quick to appear.

SAVE_FORMAT = 1
APP_TAG = "trafficking-sim"
MAX_SAVE_BYTES = 16 * 1024 * 1024
MAX_SAVE_ACTIONS = 100_000
"""A real game takes a few hundred actions; a class game a few thousand. More is a file
made to keep the game busy, not a game."""


class SaveError(TranslatedError):
    """A save that cannot be used, with a message for the player in their language."""


class ScenarioChanged(SaveError):
    """The scenario's content differs from when the game was saved."""


@dataclass
class SaveGame:
    scenario: str
    content_hash: str
    role: str
    seed: int
    lang: str
    actions: list[Action] = field(default_factory=list)
    scenario_path: str | None = None  # for scenarios outside the bundled folder
    saved_at: str = ""
    app_version: str = __version__
    seats: list[str] = field(default_factory=list)  # hot-seat: the groups' roles, in order
    group_names: dict[str, str] = field(default_factory=dict)  # role -> the group's name

    def to_dict(self) -> dict[str, Any]:
        from ..engine.actions import action_to_dict

        return {
            "app": APP_TAG,
            "format": SAVE_FORMAT,
            "app_version": self.app_version,
            "saved_at": self.saved_at,
            "scenario": self.scenario,
            "scenario_path": self.scenario_path,
            "content_hash": self.content_hash,
            "role": self.role,
            "seed": self.seed,
            "lang": self.lang,
            "actions": [action_to_dict(a) for a in self.actions],
            **(
                {"seats": self.seats, "group_names": self.group_names}
                if self.seats or self.group_names
                else {}
            ),
        }


def games_dir() -> Path:
    """Unfinished games, one file each: starting a game never replaces another."""
    if os.environ.get("TRAFFICKING_SIM_SERVED") == "1":
        # A game served to a browser runs beside others, one per tab.
        return paths.saves_dir() / "served"
    return paths.saves_dir() / "games"


def legacy_autosave_path() -> Path:
    """Where earlier versions kept the one game in progress; still offered to continue."""
    return paths.saves_dir() / "autosave.json"


_PROCESS_STAMP = f"{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}"
_games_started = 0


def autosave_path() -> Path:
    """The file of this process's first game: the plain mode plays one game a run."""
    return games_dir() / f"game-{_PROCESS_STAMP}.json"


def new_game_path() -> Path:
    """A file of its own for a new game (the full-screen game may start several)."""
    global _games_started
    _games_started += 1
    if _games_started == 1:
        return autosave_path()
    return games_dir() / f"game-{_PROCESS_STAMP}-{_games_started}.json"


def finished_dir() -> Path:
    return paths.saves_dir() / "finished"


def archive_finished(game: SaveGame) -> Path:
    """Keep a finished game for review, apart from the games in progress."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = finished_dir()
    same = (game.scenario, game.role, game.seed, len(game.actions))
    for kept in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        info = peek(kept)
        if info and (info["scenario"], info["role"], info["seed"], info["actions"]) == same:
            return kept  # kept already (an earlier version kept it and its autosave)
    path = folder / f"{game.scenario}-{game.role}-{stamp}.json"
    n = 2
    while path.exists():
        path = folder / f"{game.scenario}-{game.role}-{stamp}-{n}.json"
        n += 1
    write_save(path, game)
    return path


def unfinished_games() -> list[tuple[Path, dict[str, Any]]]:
    """The games in progress, newest first, with what peek() tells (unusable files are
    listed too, with ``damaged`` set, so that the player hears about them)."""
    found = []
    candidates = sorted(games_dir().glob("*.json")) if games_dir().is_dir() else []
    legacy = legacy_autosave_path()
    if legacy.exists() or legacy.is_symlink():
        candidates.append(legacy)
    for path in candidates:
        info = peek(path)
        if info is None:
            try:
                when = dt.datetime.fromtimestamp(path.lstat().st_mtime, dt.UTC)
            except OSError:
                continue
            info = {
                "scenario": path.stem,
                "role": "",
                "lang": "en",
                "saved_at": when.isoformat(timespec="seconds"),
                "actions": 0,
                "seed": None,
                "groups": 0,
                "format": None,
                "damaged": True,
            }
        found.append((path, info))
    _newest_first(found)
    return found


def _newest_first(found: list[tuple[Path, dict[str, Any]]]) -> None:
    """Sort saves newest first. A save names its time to the second, so two games saved
    in the same second (a new game started right after another's autosave) are told
    apart by their files' times, not left in the order of their random names."""

    def when(item: tuple[Path, dict[str, Any]]) -> tuple[str, int]:
        try:
            written = item[0].lstat().st_mtime_ns
        except OSError:
            written = 0
        return str(item[1]["saved_at"]), written

    found.sort(key=when, reverse=True)


def is_unfinished(path: Path) -> bool:
    return path.parent == games_dir() or path == legacy_autosave_path()


def known_saves() -> list[tuple[Path, dict[str, Any]]]:
    """The games in progress and every finished game, newest first."""
    found = [item for item in unfinished_games() if not item[1].get("damaged")]
    folder = finished_dir()
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        info = peek(path)
        if info is not None:
            found.append((path, info))
    _newest_first(found)
    return found


def forget_unfinished(path: Path) -> None:
    """A finished game's in-progress file goes once the game is kept in finished/."""
    if is_unfinished(path):
        with contextlib.suppress(OSError):
            path.unlink()


STALE_TEMP_SECONDS = 60
"""A temporary file lives for the milliseconds of one write; an older one was left by
a program that was stopped mid-write."""


def clean_stale_temps() -> int:
    """Remove temporary files that stopped programs left in the data folder."""
    removed = 0
    root = paths.user_data_dir()
    now = dt.datetime.now().timestamp()
    for folder in (root, root / "saves", *(root / "saves").glob("*")):
        if not folder.is_dir():
            continue
        for temp in folder.glob(".*.tmp"):
            try:
                if now - temp.lstat().st_mtime > STALE_TEMP_SECONDS:
                    temp.unlink()
                    removed += 1
            except OSError:
                continue
    return removed


class GameLock:
    """Marks a game's file as in use by this program, so that a second program (another
    window, another tab, another user of a shared folder) does not write it too.

    The lock is a file beside the game holding the owner's process id and computer. A
    lock whose process has ended on this computer is stale and taken over.
    """

    def __init__(self, game: Path) -> None:
        self.game = game
        self.path = game.with_name(game.name + ".lock")
        self.held = False

    def _owner(self) -> str:
        return f"{os.getpid()} {socket.gethostname()}"

    def acquire(self) -> None:
        """Take the lock, or raise SaveError("save.in_use") naming who holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = self._holder()
                if holder is None:  # stale: its program has ended
                    with contextlib.suppress(OSError):
                        self.path.unlink()
                    continue
                raise SaveError("save.in_use", path=str(self.game), pid=holder) from None
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(self._owner() + "\n")
            self.held = True
            return
        raise SaveError("save.in_use", path=str(self.game), pid="?")

    def _holder(self) -> str | None:
        """The holding process's id, or None when the lock is stale."""
        try:
            pid_text, _, host = self.path.read_text(encoding="utf-8").strip().partition(" ")
            pid = int(pid_text)
        except (OSError, ValueError):
            return None  # unreadable or half-written: not a lock anyone can rely on
        if host != socket.gethostname():
            return f"{pid} ({host})"  # another computer's: we cannot tell, so respect it
        if pid == os.getpid():
            return None
        if os.name != "posix":
            return str(pid)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            return str(pid)  # alive, another user's
        except OSError:
            return None
        return str(pid)

    def release(self) -> None:
        if self.held:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self.held = False


def write_save(path: Path, game: SaveGame) -> None:
    """Write atomically; refuse to replace a file that is not a trafficking-sim save."""
    if path.exists() and not is_save(path):
        raise SaveError("save.not_overwritten", path=str(path))
    game.saved_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    text = json.dumps(game.to_dict(), ensure_ascii=False, indent=1) + "\n"
    atomic_write_text(path, text)


def atomic_write_text(path: Path, text: str, *, mode: int | None = None) -> None:
    """Write a file so that readers see either the old or the new content, never half.

    The file is private to its owner (0600, as the temporary file it starts as) unless
    ``mode`` says otherwise: printouts and reports are for others to read (0644).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_directory(path.parent)


def _sync_directory(directory: Path) -> None:
    # Makes the rename itself durable where the platform allows opening a directory.
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def read_regular_file(path: Path) -> bytes:
    """The bytes of a save, refusing anything that is not a regular file of a sane size.

    The file is opened without blocking, so a named pipe or a device given as a save is
    refused at once instead of waiting forever for someone to write to it.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise SaveError("save.missing", path=str(path)) from None
    except IsADirectoryError:
        raise SaveError("save.not_a_file", path=str(path)) from None
    except OSError as exc:
        # Windows refuses to open a folder with "Permission denied": the same words as
        # elsewhere for a folder given as a save.
        if isinstance(exc, PermissionError) and path.is_dir():
            raise SaveError("save.not_a_file", path=str(path)) from None
        raise SaveError("save.unreadable", path=str(path), error=exc.strerror or exc) from None
    handed_over = False
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SaveError("save.not_a_file", path=str(path))
        if info.st_size > MAX_SAVE_BYTES:
            raise SaveError("save.too_large", path=str(path))
        handed_over = True  # the stream closes the descriptor from here on
        with os.fdopen(fd, "rb") as stream:
            raw = stream.read(MAX_SAVE_BYTES + 1)
    except OSError as exc:
        raise SaveError("save.unreadable", path=str(path), error=exc.strerror or exc) from None
    finally:
        if not handed_over:
            with contextlib.suppress(OSError):  # already closed by a failing device
                os.close(fd)
    if len(raw) > MAX_SAVE_BYTES:  # it grew while being read
        raise SaveError("save.too_large", path=str(path))
    return raw


def _decode(path: Path, raw: bytes) -> Any:
    """The JSON of a save; any failure to decode it (deep nesting too) means damaged."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError("save.not_text", path=str(path)) from None
    try:
        return json.loads(text)
    except RecursionError:
        raise SaveError("save.damaged", path=str(path), error="nested too deeply") from None
    except (ValueError, MemoryError) as exc:
        raise SaveError("save.damaged", path=str(path), error=f"not valid JSON: {exc}") from None


def _load(path: Path) -> Any:
    return _decode(path, read_regular_file(path))


def is_save(path: Path) -> bool:
    try:
        data = _load(path)
    except SaveError:
        return False
    return isinstance(data, dict) and data.get("app") == APP_TAG


def peek(path: Path) -> dict[str, Any] | None:
    """The scenario, role and language of a save, without checking it; None if unusable."""
    try:
        data = _load(path)
    except SaveError:
        return None
    if not isinstance(data, dict) or data.get("app") != APP_TAG:
        return None
    actions = data.get("actions")
    return {
        "scenario": str(data.get("scenario", "")),
        "role": str(data.get("role", "")),
        "lang": str(data.get("lang", "en")),
        "saved_at": str(data.get("saved_at", "")),
        "actions": len(actions) if isinstance(actions, list) else 0,
        "seed": data.get("seed"),
        "groups": len(seats) if isinstance(seats := data.get("seats"), list) else 0,
        "format": data.get("format"),
    }


def read_save(path: Path) -> SaveGame:
    """Read a save, with a clear message for a missing, damaged or foreign file."""
    from ..engine.actions import ActionFormatError, action_from_dict

    def damaged(error: object) -> SaveError:
        return SaveError("save.damaged", path=str(path), error=str(error))

    data = _load(path)
    if not isinstance(data, dict) or data.get("app") != APP_TAG:
        raise SaveError("save.foreign", path=str(path))
    if data.get("format") != SAVE_FORMAT:
        raise SaveError(
            "save.format", path=str(path), format=repr(data.get("format")), version=__version__
        )
    try:
        game = SaveGame(
            scenario=_field(data, "scenario", str),
            content_hash=_field(data, "content_hash", str),
            role=_field(data, "role", str),
            seed=_field(data, "seed", int),
            lang=_field(data, "lang", str),
            scenario_path=data.get("scenario_path")
            if isinstance(data.get("scenario_path"), str)
            else None,
            saved_at=str(data.get("saved_at", "")),
            app_version=str(data.get("app_version", "")),
        )
        seats = data.get("seats", [])
        names = data.get("group_names", {})
        if not isinstance(seats, list) or not all(isinstance(r, str) for r in seats):
            raise ValueError("'seats' is not a list of roles")
        if not isinstance(names, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in names.items()
        ):
            raise ValueError("'group_names' is not a mapping of roles to names")
        game.seats, game.group_names = seats, names
        actions = data.get("actions")
        if not isinstance(actions, list):
            raise ValueError("'actions' is not a list")
        if len(actions) > MAX_SAVE_ACTIONS:
            raise ValueError(f"{len(actions)} actions, more than any game takes")
        game.actions = [action_from_dict(a) for a in actions]
        _check_actions(game)
    except (ValueError, ActionFormatError) as exc:
        raise damaged(exc) from None
    return game


def _check_actions(game: SaveGame) -> None:
    """Refuse what the game itself can never write: codes outside SIENA's lists, and
    trainer actions in a game no trainer ran (they would score for a player who did
    nothing)."""
    from ..engine.actions import TRAINER_ACTIONS, Request, Send
    from ..engine.siena import HANDLING_CODES, INFO_CODES, PRIORITIES, SOURCE_CODES

    class_game = bool(game.seats or game.group_names)
    for number, action in enumerate(game.actions, 1):
        if isinstance(action, TRAINER_ACTIONS) and not class_game:
            raise ValueError(f"action {number} is a trainer's, in a game without a trainer")
        if isinstance(action, Send):
            for value, allowed, what in (
                (action.handling, HANDLING_CODES, "handling code"),
                (action.source_code, (*SOURCE_CODES, None), "source evaluation code"),
                (action.info_code, (*INFO_CODES, None), "information evaluation code"),
                (action.priority, PRIORITIES, "priority"),
            ):
                if value not in allowed:
                    raise ValueError(f"action {number} has an unknown {what} {value!r}")
        elif isinstance(action, Request) and action.priority not in PRIORITIES:
            raise ValueError(f"action {number} has an unknown priority {action.priority!r}")


def _field(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"'{name}' is missing or has the wrong type")
    return value
