"""What ``list`` shows of a scenario, read from its files without checking them.

``list`` answers "what is there to play?". Checking a scenario in full means importing
pydantic and building the content models, and a first ``list`` after installing (or after
a scenario was edited) cost about 2.4 times a bare parse of the files. The listing needs
a few fields of the scenario and the names of its role cards, so they are read from the
parsed files directly, with the same safe parser (and its limits on hostile YAML).

A file that does not give those fields in the shape the listing needs gives None, and
``list`` checks that scenario in full instead (and warns when it has errors). Mistakes
elsewhere in a scenario are for ``validate`` and ``play`` to report: a listing read here
says nothing about whether the scenario is valid.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import ContentError
from .places import companion_dirs
from .yamlsafe import load

DIFFICULTIES = ("tutorial", "standard", "advanced")
ID = re.compile(r"^[a-z][a-z0-9_]*$")
"""An id as ``models.ID_PATTERN`` has it (that module needs pydantic): a card's id names its
file, so nothing else (``../``, a folder) may reach the file system."""


def quick_summary(
    path: Path, cards: dict[Path, dict[str, Any]] | None = None
) -> tuple[dict[str, Any], list[Path]] | None:
    """The same summary as ``cache.summary_of`` gives of the checked scenario, and the
    files it was read from (the scenario, then its role cards); None when the files do
    not give it plainly (then check the scenario in full). ``cards``: the role cards
    already read by this command, by path, so scenarios that share them read them once."""
    files = [path]
    try:
        return _summary(path, files, {} if cards is None else cards), files
    except (ContentError, OSError, _NotPlain):
        return None


class _NotPlain(Exception):
    """A field the listing needs is missing or not of its usual shape."""


def _summary(path: Path, files: list[Path], cards: dict[Path, dict[str, Any]]) -> dict[str, Any]:
    data = _mapping(load(path).data)
    if data.get("kind") != "scenario":
        raise _NotPlain
    flagship = data.get("flagship", False)
    duration = data.get("duration_minutes")
    if not isinstance(flagship, bool) or type(duration) is not int:
        raise _NotPlain
    difficulty = data.get("difficulty")
    if difficulty not in DIFFICULTIES:
        raise _NotPlain
    languages = data.get("languages")
    if not isinstance(languages, list) or not languages:
        raise _NotPlain
    return {
        "id": _string(data.get("id")),
        "title": _text(data, "title"),
        "summary": _text(data, "summary"),
        "languages": [_string(code) for code in languages],
        "difficulty": difficulty,
        "duration_minutes": duration,
        "flagship": flagship,
        "roles": [_role(path, entry, files, cards) for entry in _list(data.get("roles"))],
    }


def _role(
    scenario: Path, entry: Any, files: list[Path], cards: dict[Path, dict[str, Any]]
) -> dict[str, Any]:
    card_id = _string(_mapping(entry).get("card"))
    if not ID.match(card_id):
        raise _NotPlain
    for folder in companion_dirs(scenario, "roles"):
        candidate = folder / f"{card_id}.yaml"
        if candidate.is_file():
            card = cards.get(candidate)
            if card is None:
                card = cards[candidate] = _mapping(load(candidate).data)
            if card.get("kind") != "role" or card.get("id") != card_id:
                raise _NotPlain
            files.append(candidate)
            return {"id": card_id, "name": _text(card, "name")}
    raise _NotPlain  # no card: the full check says where it looked


def _text(data: dict[str, Any], key: str) -> dict[str, str]:
    """A text written inline (``{en: ..., sl: ...}``) or as the id of the file's
    ``texts:`` entry, by language code."""
    value = data.get(key)
    if isinstance(value, str):
        value = _mapping(data.get("texts", {})).get(value)
    texts = _mapping(value)
    if not texts or not all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
        raise _NotPlain
    return dict(texts)


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _NotPlain
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise _NotPlain
    return value


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise _NotPlain
    return value
