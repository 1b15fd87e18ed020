"""``validate`` that checks what changed: files that passed unchanged are not parsed again.

A content author runs ``trafficking-sim validate`` after each edit. Most files have not
changed since the last run; checking them again costs the YAML parse, pydantic's models
and the cross-reference checks, several times the time of the one file that did change.
So every file that passes is remembered, in the user's cache folder, by what its verdict
depends on, and the next run checks in full only the files whose verdict may differ:

- a role card, agency profile or codex (checked on its own): the SHA-256 of its bytes;
- a scenario (checked with every role card and agency it uses): the hash of all those
  files' bytes, and the places where a new card or profile would now be found before the
  one used (as the content cache keeps them, see ``cache.py``);
- for every verdict: the program's version, the bytes of the checking code (this
  package), the installed pydantic and PyYAML (where they are and when they were
  installed), the installed languages and where the bundled content is. A change to any
  of them forgets every verdict.

Only a file that passed with no problem at all is remembered, so every error and warning
of a changed file comes out as before. A file with errors is checked again on every run.

What the checks must still read is not parsed again when its bytes are unchanged: the
data parsed from every file that loaded without a problem is kept beside the verdicts, by
the SHA-256 of the file's bytes (so after editing a scenario, its role cards and agencies
are read from there; after editing a card, so are the scenarios that use it). That data
has no line numbers, so it serves only checks that pass: when a check that used it finds
a problem, the file is checked again from the YAML, and the messages are those of a full
check. The data is still validated (by content/shapes.py, or by pydantic at its first
doubt), and the cross-reference checks still run.

Reading the verdicts needs neither PyYAML nor pydantic: when nothing changed, ``validate``
imports neither. The stored verdicts are JSON (nothing in them is ever run); anything
unreadable is ignored, and ``validate --no-cache`` checks everything afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__, paths
from .cache import cache_folder
from .hashing import content_hash

if TYPE_CHECKING:
    from .errors import Problem

VERDICTS_FORMAT = 2
"""Raise when the stored layout changes; older verdicts are then ignored."""


def content_files(targets: Iterable[Path]) -> list[Path]:
    """YAML files named directly or found (recursively) in the folders named."""
    found: list[Path] = []
    for target in targets:
        if target.is_dir():
            found += sorted(p for p in target.rglob("*") if p.suffix in (".yaml", ".yml"))
        else:
            found.append(target)
    return found


CHECKING_LIBRARIES = ("pydantic", "pydantic_core", "yaml")


def library_marks() -> list[str]:
    """Where each checking library is installed and when, found without importing it (an
    upgrade rewrites the files, so their times change)."""
    from importlib.util import find_spec

    marks = []
    for name in CHECKING_LIBRARIES:
        try:
            spec = find_spec(name)
            origin = Path(spec.origin) if spec is not None and spec.origin else None
            stat = origin.stat() if origin is not None else None
        except (ImportError, ValueError, OSError):
            origin, stat = None, None
        marks.append(
            f"{name}={origin}:{stat.st_mtime_ns if stat else ''}:{stat.st_size if stat else ''}"
        )
    return marks


def checker_fingerprint() -> str:
    """What every verdict depends on besides the files: the checking code and its setting."""
    from ..i18n import languages

    digest = hashlib.sha256()
    for part in (str(VERDICTS_FORMAT), __version__, ",".join(languages()), *library_marks()):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(str(paths.bundled_root().resolve()).encode())
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(b"\0")
        digest.update(source.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _store_path() -> Path | None:
    folder = cache_folder()
    return None if folder is None else folder / f"validated-{VERDICTS_FORMAT}.json"


class Verdicts:
    """The files that passed, by resolved path, with what their verdict depends on."""

    def __init__(
        self,
        fingerprint: str,
        passed: dict[str, dict[str, Any]],
        parsed: list[str] | None = None,
    ) -> None:
        self.fingerprint = fingerprint
        self.passed = passed
        self.parsed = set(parsed or ())
        """The files whose parsed data is kept (see ``parsed_data``), by resolved path."""

    @classmethod
    def read(cls) -> Verdicts:
        import json  # here: validate --no-cache reads and writes no JSON

        fingerprint = checker_fingerprint()
        where = _store_path()
        passed: dict[str, dict[str, Any]] = {}
        parsed: list[str] = []
        if where is not None:
            try:
                stored = json.loads(where.read_text(encoding="utf-8"))
                if stored.get("fingerprint") == fingerprint and isinstance(
                    stored.get("passed"), dict
                ):
                    passed = stored["passed"]
                    parsed = [p for p in stored.get("parsed", []) if isinstance(p, str)]
            except Exception:  # a broken store is never the author's problem: start again
                passed, parsed = {}, []
        return cls(fingerprint, passed, parsed)

    def still_passes(self, path: Path) -> bool:
        """Whether ``path`` passed before and nothing its verdict depends on changed."""
        try:
            entry = self.passed.get(str(path.resolve()))
            if not isinstance(entry, dict):
                return False
            if "sha256" in entry:
                return bool(_file_hash(path) == entry["sha256"])
            if any(Path(p).exists() for p in entry["absent"]):
                return False  # a card or profile now found before the one checked
            return bool(content_hash([Path(f) for f in entry["files"]]) == entry["hash"])
        except Exception:  # a file gone, unreadable, or an odd entry: check it in full
            return False

    def passed_alone(self, path: Path, sha256: str) -> None:
        self.passed[str(path.resolve())] = {"sha256": sha256}

    def passed_with(self, path: Path, files: list[Path], hash_: str, absent: list[str]) -> None:
        self.passed[str(path.resolve())] = {
            "files": [str(f.resolve()) for f in files],
            "hash": hash_,
            "absent": absent,
        }

    def forget(self, path: Path) -> None:
        self.passed.pop(str(path.resolve()), None)

    def parsed_data(self, path: Path, sha256: str) -> Any:
        """The data an earlier check parsed from ``path`` when its bytes had the hash
        ``sha256``, or None (never stored, another version, or damaged: parse it)."""
        import json

        if str(path) not in self.parsed:
            return None
        where = _parsed_path(path)
        try:
            stored = json.loads(where.read_text(encoding="utf-8")) if where else None
            if (
                not isinstance(stored, dict)
                or stored.get("fingerprint") != self.fingerprint
                or stored.get("sha256") != sha256
            ):
                return None
            text = stored["data"]
            if hashlib.sha256(text.encode()).hexdigest() != stored["digest"]:
                return None  # damaged in the store
            data = json.loads(text)
        except Exception:  # unreadable, not JSON, odd fields: parse the file instead
            return None
        return data if isinstance(data, dict) else None

    def keep_parsed(self, path: Path, sha256: str, data: Any) -> None:
        """Keep the data parsed from ``path`` (resolved) whose bytes hash to ``sha256``."""
        import json

        where = _parsed_path(path)
        if where is None:
            return
        try:
            # The parser gives text keys and dates as text, so only an infinite or NaN
            # number (refused here) would not read back as it was.
            text = json.dumps(data, ensure_ascii=False, allow_nan=False)
            stored = {
                "fingerprint": self.fingerprint,
                "sha256": sha256,
                "digest": hashlib.sha256(text.encode()).hexdigest(),
                "data": text,
            }
            _write_json(where, stored)
        except (OSError, TypeError, ValueError):
            return  # no room, no permission, or data JSON cannot hold: parse it next time
        self.parsed.add(str(path))

    def write(self) -> None:
        where = _store_path()
        if where is None:
            return
        # Files that are gone (a temporary folder, a renamed scenario) are forgotten, so
        # that the store does not grow with every folder ever checked.
        kept = {path: entry for path, entry in self.passed.items() if Path(path).exists()}
        parsed = []
        for path in sorted(self.parsed):
            if Path(path).exists():
                parsed.append(path)
                continue
            gone = _parsed_path(Path(path))
            with contextlib.suppress(OSError):
                if gone is not None:
                    gone.unlink(missing_ok=True)
        stored = {"fingerprint": self.fingerprint, "passed": kept, "parsed": parsed}
        try:
            _write_json(where, stored)
        except OSError:
            return  # no room or no permission: validate works without remembering


def _write_json(where: Path, stored: dict[str, Any]) -> None:
    """Write ``stored`` to ``where`` whole or not at all (a reader never sees half)."""
    import json

    where.parent.mkdir(parents=True, exist_ok=True)
    temporary = where.with_suffix(f".{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, where)
    except OSError:
        # A full disk, or on Windows a reader holding ``where`` open: leave no litter.
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise


def _parsed_path(path: Path) -> Path | None:
    """Where the data parsed from the file at (resolved) ``path`` is kept: one per file."""
    folder = cache_folder()
    if folder is None:
        return None
    name = hashlib.sha256(str(path).encode()).hexdigest()[:24]
    return folder / "parsed" / f"{VERDICTS_FORMAT}-{name}.json"


def validate_changed(
    targets: Iterable[Path], *, remember: bool = True
) -> tuple[list[Problem], int, int]:
    """Every problem in the given files, checking in full only those that changed since
    they last passed: (problems in file and line order, files, files checked in full).

    ``remember=False`` checks every file and neither reads nor writes verdicts.
    """
    files = content_files(targets)
    verdicts = Verdicts.read() if remember else None
    changed = [f for f in files if verdicts is None or not verdicts.still_passes(f)]
    if not changed:
        return [], len(files), 0
    problems = _check(changed, verdicts)
    if verdicts is not None:
        verdicts.write()
    return problems, len(files), len(changed)


def _check(files: list[Path], verdicts: Verdicts | None) -> list[Problem]:
    """Check ``files`` as ``loader.check_files`` does, remembering each that passes."""
    from .cache import absent_from
    from .errors import ContentError
    from .loader import ContentLoader, sorted_problems
    from .models import Scenario

    loader: Any = ContentLoader() if verdicts is None else _reusing_loader(verdicts)
    problems: list[Problem] = []
    for path in files:
        try:  # only verdicts use it: --no-cache keeps none, and reads no file twice
            before = "" if verdicts is None else _file_hash(path)
        except OSError:
            before = ""  # the loader says, in words, why it cannot be read
        try:
            try:
                loaded = loader.load_file(path)
                content = (
                    # With no verdicts to keep, nothing needs the game's content hash.
                    loader.load_game(path, hashed=verdicts is not None)
                    if isinstance(loaded.model, Scenario)
                    else None
                )
            except ContentError:
                if verdicts is None or not loader.reused:
                    raise
                # Data read back has no line numbers: check again from the YAML itself,
                # so that every message is located as a full check locates it.
                fresh = ContentLoader()
                loaded = fresh.load_file(path)
                content = fresh.load_game(path) if isinstance(loaded.model, Scenario) else None
        except ContentError as exc:
            problems += exc.problems
            if verdicts is not None:
                verdicts.forget(path)
            continue
        if verdicts is None:
            continue
        try:
            if content is not None:
                # An edit during the check is not taken for the version that passed.
                if before and _file_hash(path) == before:
                    verdicts.passed_with(
                        path, content.files, content.content_hash, absent_from(path, content.files)
                    )
            elif before and _file_hash(path) == before:
                verdicts.passed_alone(path, before)
        except OSError:
            verdicts.forget(path)
    if verdicts is not None:
        loader.keep_what_passed(verdicts)
    return sorted_problems(problems)


def _reusing_loader(verdicts: Verdicts) -> Any:
    """A ``ContentLoader`` that takes an unchanged file's data from ``verdicts`` instead of
    parsing it, and notes the data it parses so that the next run need not."""
    from .errors import display_path
    from .loader import ContentLoader, Loaded
    from .yamlsafe import MAX_FILE_BYTES, Located, decode, load, parse

    class ReusingLoader(ContentLoader):
        def __init__(self) -> None:
            super().__init__()
            self.reused: set[Path] = set()
            self.fresh: dict[Path, tuple[str, Any]] = {}

        def _read(self, path: Path) -> Located:
            try:
                raw = path.read_bytes()
            except OSError:
                return load(path)  # which says, in words, why it cannot be read
            if len(raw) > MAX_FILE_BYTES:
                return load(path)  # and so does this
            key = path.resolve()
            sha256 = hashlib.sha256(raw).hexdigest()
            shown = display_path(path)
            data = verdicts.parsed_data(key, sha256)
            if data is not None:
                self.reused.add(key)
                return Located(data=data, file=shown)
            located = parse(decode(raw, shown), shown)
            self.fresh[key] = (sha256, located.data)
            return located

        def keep_what_passed(self, verdicts: Verdicts) -> None:
            for key, (sha256, data) in self.fresh.items():
                if isinstance(self._cache.get(key), Loaded):
                    verdicts.keep_parsed(key, sha256, data)

    return ReusingLoader()
