"""Checked content kept by content hash, in memory and in the user's cache folder.

Loading a scenario parses a dozen YAML files and checks every reference; a resume, a
replay or a debrief needs none of that again while the files are unchanged. Two levels:

- in this process, the same ``GameContent`` object for as long as its files' bytes are
  unchanged (so one engine serves every session of it: see ``session.engine_for``);
- on disk, the plain data of every file that passed the checks, as JSON (a format that
  cannot run code when read), in a file named after the scenario's path and the program
  version, with a small listing beside it (titles and roles, for ``list``, which may also
  write one read from the files without checking them: content/listing.py). Either is
  trusted only when the hash of every source file's bytes, computed anew from the files
  themselves, equals the one stored, and no file has appeared that would now be found
  before a stored one; anything unreadable, corrupt or stale is ignored and rebuilt.

Only YAML parsing and the cross-reference checks are skipped on a hit: the objects are
still made from the stored data through the same checks as a file's (content/shapes.py,
or pydantic's validators at its first doubt), so a bad cache cannot give a bad model.
This module imports the models only when it builds them: a listing needs no pydantic.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__, paths
from .hashing import content_hash

if TYPE_CHECKING:
    from .bundle import GameContent
    from .loader import ContentLoader

CACHE_FORMAT = 2
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


def _listing_path(entry: Path) -> Path:
    return entry.with_suffix(".list.json")


def _still_valid(stored: dict[str, Any]) -> bool:
    """Whether a stored entry still describes the files on disk."""
    if stored.get("format") != CACHE_FORMAT or stored.get("version") != __version__:
        return False
    if any(Path(p).exists() for p in stored["absent"]):
        return False  # a card or profile now found before the stored one
    return bool(content_hash([Path(f) for f in stored["files"]]) == stored["hash"])


def _read(path: Path) -> dict[str, Any] | None:
    """A stored entry that still holds, or None."""
    import json  # here: validate --no-cache, which imports this module, uses no JSON

    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return stored if _still_valid(stored) else None
    except Exception:  # a broken cache is never the user's problem: rebuild it
        return None


def _stored_loader(data: dict[str, Any]) -> ContentLoader:
    """A loader that takes files' data from a cache entry instead of parsing YAML."""
    from .errors import display_path
    from .loader import ContentLoader
    from .yamlsafe import Located

    class StoredLoader(ContentLoader):
        def _read(self, path: Path) -> Located:
            # A KeyError (a file the entry does not hold) means the entry is of no use.
            return Located(data=data[str(path.resolve())], file=display_path(path))

    return StoredLoader()


def _from_disk(entry: Path, scenario: Path) -> GameContent | None:
    stored = _read(entry)
    if stored is None:
        return None
    try:
        content = _stored_loader(stored["data"]).load_game(scenario, check=False)
    except Exception:  # the same: an entry that does not build is ignored
        return None
    return content if content.content_hash == stored["hash"] else None


def absent_from(scenario: Path, files: list[Path]) -> list[str]:
    """The places where a new card or profile would be found before the ones used
    (``files``: the scenario, then the cards and profiles it uses)."""
    from .places import companion_dirs

    absent: list[str] = []
    # Resolving paths is slow next to the rest: the places once per kind of companion.
    places: dict[str, list[Path]] = {}
    for file in files[1:]:
        kind = file.parent.name
        if kind not in places:
            places[kind] = [d.resolve() for d in companion_dirs(scenario, kind)]
        here = file.parent.resolve()
        for folder in places[kind]:
            if folder == here:
                break
            absent.append(str(folder / file.name))
    return absent


def summary_of(content: GameContent) -> dict[str, Any]:
    """What ``list`` shows of a scenario, in every language its texts have."""
    s = content.scenario

    def both(text: Any) -> dict[str, str]:
        return dict(text.texts)

    return {
        "id": s.id,
        "title": both(s.title),
        "summary": both(s.summary),
        "languages": list(s.languages),
        "difficulty": s.difficulty,
        "duration_minutes": s.duration_minutes,
        "flagship": s.flagship,
        "roles": [{"id": r, "name": both(content.actors[r].name)} for r in content.roles],
    }


def _write(path: Path, stored: dict[str, Any]) -> None:
    import json

    text = json.dumps(stored, ensure_ascii=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _to_disk(entry: Path, scenario: Path, loader: ContentLoader, content: GameContent) -> None:
    import json

    data = {str(f.resolve()): loader.load_file(f).located.data for f in content.files}
    head = {
        "format": CACHE_FORMAT,
        "version": __version__,
        "hash": content.content_hash,
        "files": [str(f.resolve()) for f in content.files],
        "absent": absent_from(scenario, content.files),
    }
    try:
        if json.loads(json.dumps(data)) != data:
            return  # something JSON cannot hold as it is (a number as a key, say)
        _write(entry, head | {"data": data})
        _write(_listing_path(entry), head | {"summary": summary_of(content)})
    except (OSError, TypeError, ValueError):
        return  # no room or no permission: the game works without a cache


def cached_game(path: Path, loader: ContentLoader | None = None) -> GameContent:
    """The scenario at ``path`` with its companions, fully checked (see the module).

    ``loader``: one shared by the scenarios a command loads together, so that the role
    cards and agencies they have in common are parsed and checked once, not per scenario
    (a first ``list`` read 41 files for 18)."""
    from .loader import ContentLoader

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
        loader = loader or ContentLoader()
        content = loader.load_game(path)
        if entry is not None:
            _to_disk(entry, path, loader, content)
    _memory[key] = content
    return content


def keep_listing(scenario: Path, summary: dict[str, Any], files: list[Path]) -> None:
    """Store a listing read from ``files`` without checking them (content/listing.py),
    trusted later as a checked one's is: while the files' hash holds and no nearer card
    has appeared. A full load of the scenario writes its own listing over it."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        head = {
            "format": CACHE_FORMAT,
            "version": __version__,
            "hash": content_hash(files),  # (a file gone since it was read: nothing kept)
            "files": [str(f.resolve()) for f in files],
            "absent": absent_from(scenario, files),
        }
        _write(_listing_path(_entry_path(folder, scenario.resolve())), head | {"summary": summary})
    except (OSError, TypeError, ValueError):
        return  # no room or no permission: the next list reads the files again


def listing(path: Path) -> dict[str, Any] | None:
    """The stored ``summary_of`` a scenario checked in an earlier run, if still valid."""
    folder = cache_folder()
    if folder is None:
        return None
    stored = _read(_listing_path(_entry_path(folder, path.resolve())))
    return None if stored is None else dict(stored["summary"])


def forget() -> None:
    """Drop what this process keeps in memory (the disk cache stays)."""
    _memory.clear()
