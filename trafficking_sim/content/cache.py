"""Checked content kept by content hash, in memory and in the user's cache folder.

Loading a scenario parses a dozen YAML files and checks every reference; a resume, a
replay or a debrief needs none of that again while the files are unchanged. Two levels:

- in this process, the same ``GameContent`` object for as long as its files' bytes are
  unchanged (so one engine serves every session of it: see ``engine_for``);
- on disk, the plain data of every file that passed the checks, as JSON (a format that
  cannot run code when read), in a file named after the scenario's path and the program
  version. It is trusted only when the hash of every source file's bytes, computed anew
  from the files themselves, equals the one stored with it; anything unreadable, corrupt
  or stale is ignored and rebuilt from the YAML files.

Only the cross-reference checks and YAML parsing are skipped on a hit: the models are
still built by pydantic from the stored data, so a bad cache cannot give a bad model.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .. import __version__, paths
from .bundle import GameContent, content_hash
from .errors import display_path
from .loader import ContentLoader
from .yamlsafe import Located

CACHE_FORMAT = 1
"""Raise when the stored layout changes; older cache files are then ignored."""

_memory: dict[Path, GameContent] = {}
"""The content loaded in this process, by the scenario's resolved path."""


def cache_folder() -> Path | None:
    """Where checked content is kept; None when there is no usable place.

    With ``TRAFFICKING_SIM_HOME`` set (tests, classrooms with a shared folder), the cache
    lives inside it, so it never mixes with the user's own.
    """
    override = os.environ.get(paths.HOME_ENV)
    if override:
        return Path(override) / "cache" / "content"
    try:
        import platformdirs

        found = platformdirs.user_cache_path(paths.APP_NAME, appauthor=False)
    except (KeyError, RuntimeError, OSError, ImportError):
        return None
    if not found.is_absolute() or str(found).startswith("~"):
        return None
    return found / "content"


def _entry_path(folder: Path, scenario: Path) -> Path:
    name = f"{CACHE_FORMAT}\0{__version__}\0{scenario}".encode()
    return folder / f"{hashlib.sha256(name).hexdigest()[:24]}.json"


class _StoredLoader(ContentLoader):
    """A loader that reads files' data from a cache entry instead of parsing YAML."""

    def __init__(self, stored: dict[str, Any]) -> None:
        super().__init__()
        self._stored = stored

    def _read(self, path: Path) -> Located:
        # A KeyError (a file the entry does not hold) means the entry is of no use.
        return Located(data=self._stored[str(path.resolve())], file=display_path(path))


def _from_disk(entry: Path, scenario: Path) -> GameContent | None:
    try:
        stored = json.loads(entry.read_text(encoding="utf-8"))
        if stored.get("format") != CACHE_FORMAT or stored.get("version") != __version__:
            return None
        files = [Path(f) for f in stored["files"]]
        if content_hash(files) != stored["hash"]:
            return None  # a file changed since it was checked
        content = _StoredLoader(stored["data"]).load_game(scenario, check=False)
    except Exception:  # a broken cache is never the user's problem: rebuild it
        return None
    if content.content_hash != stored["hash"]:
        return None  # the files found now are not the ones stored (a new role card nearer)
    return content


def _to_disk(entry: Path, loader: ContentLoader, content: GameContent) -> None:
    data = {}
    for file in content.files:
        loaded = loader.load_file(file)
        data[str(file.resolve())] = loaded.located.data
    stored = {
        "format": CACHE_FORMAT,
        "version": __version__,
        "hash": content.content_hash,
        "files": [str(f.resolve()) for f in content.files],
        "data": data,
    }
    try:
        text = json.dumps(stored, ensure_ascii=False)
        if json.loads(text)["data"] != data:
            return  # something JSON cannot hold as it is (a number as a key, say)
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, entry)
    except (OSError, TypeError, ValueError):
        return  # no room or no permission: the game works without a cache


def cached_game(path: Path) -> GameContent:
    """The scenario at ``path`` with its companions, fully checked (see the module)."""
    key = path.resolve()
    known = _memory.get(key)
    if known is not None:
        try:
            if content_hash(known.files) == known.content_hash:
                return known
        except OSError:
            pass
    folder = cache_folder()
    entry = _entry_path(folder, key) if folder is not None else None
    content = _from_disk(entry, path) if entry is not None and entry.is_file() else None
    if content is None:
        loader = ContentLoader()
        content = loader.load_game(path)
        if entry is not None:
            _to_disk(entry, loader, content)
    _memory[key] = content
    return content


def forget() -> None:
    """Drop what this process keeps in memory (the disk cache stays)."""
    _memory.clear()
