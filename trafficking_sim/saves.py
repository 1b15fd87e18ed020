"""Saved games: the scenario, a hash of its content, the seed, the language and the actions.

A save is written atomically (temporary file, fsync, rename), so a crash never leaves
half a file, and a file that is not one of our saves is never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, paths
from .i18n import TranslatedError

if TYPE_CHECKING:
    from .engine.actions import Action

# The engine (and with it pydantic) is imported only when a save is really read or
# written, so that peeking at the autosave keeps the title screen quick to appear.

SAVE_FORMAT = 1
APP_TAG = "trafficking-sim"
MAX_SAVE_BYTES = 16 * 1024 * 1024


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
        from .engine.actions import action_to_dict

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
            **({"seats": self.seats, "group_names": self.group_names} if self.seats else {}),
        }


def autosave_path() -> Path:
    """Where the game in progress is saved after every action.

    A game served to a browser (``trafficking-sim serve``) runs beside others, one per
    tab, so each gets a file of its own.
    """
    if os.environ.get("TRAFFICKING_SIM_SERVED") == "1":
        return paths.saves_dir() / "served" / f"game-{_PROCESS_STAMP}.json"
    return paths.saves_dir() / "autosave.json"


_PROCESS_STAMP = f"{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}"


def finished_dir() -> Path:
    return paths.saves_dir() / "finished"


def archive_finished(game: SaveGame) -> Path:
    """Keep a finished game for review: the autosave is replaced by the next game."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = finished_dir()
    path = folder / f"{game.scenario}-{game.role}-{stamp}.json"
    n = 2
    while path.exists():
        path = folder / f"{game.scenario}-{game.role}-{stamp}-{n}.json"
        n += 1
    write_save(path, game)
    return path


def known_saves() -> list[tuple[Path, dict[str, Any]]]:
    """The autosave and every finished game, newest first, with what peek() tells."""
    found = []
    for path in [autosave_path(), *finished_dir().glob("*.json")]:
        info = peek(path)
        if info is not None:
            found.append((path, info))
    if found and found[0][0] == autosave_path():
        # A finished game is both the autosave and an archived copy: list it once.
        same = ("scenario", "role", "seed", "actions")
        if any([i[k] for k in same] == [found[0][1][k] for k in same] for _, i in found[1:]):
            found.pop(0)
    found.sort(key=lambda item: item[1]["saved_at"], reverse=True)
    return found


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


def is_save(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(data, dict) and data.get("app") == APP_TAG


def peek(path: Path) -> dict[str, Any] | None:
    """The scenario, role and language of a save, without checking it; None if unusable."""
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
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
    }


def read_save(path: Path) -> SaveGame:
    """Read a save, with a clear message for a missing, damaged or foreign file."""
    from .engine.actions import ActionFormatError, action_from_dict

    def damaged(error: object) -> SaveError:
        return SaveError("save.damaged", path=str(path), error=str(error))

    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SaveError("save.missing", path=str(path)) from None
    except OSError as exc:
        raise SaveError("save.unreadable", path=str(path), error=exc.strerror or exc) from None
    if size > MAX_SAVE_BYTES:
        raise SaveError("save.too_large", path=str(path))
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
    except OSError as exc:
        raise SaveError("save.unreadable", path=str(path), error=exc.strerror or exc) from None
    except UnicodeDecodeError:
        raise SaveError("save.not_text", path=str(path)) from None
    except ValueError as exc:
        raise damaged(f"not valid JSON: {exc}") from None
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
        game.actions = [action_from_dict(a) for a in actions]
    except (ValueError, ActionFormatError) as exc:
        raise damaged(exc) from None
    return game


def _field(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"'{name}' is missing or has the wrong type")
    return value
