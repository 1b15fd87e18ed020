"""Content: the scenario, role-card and agency formats, and their safe loading.

The names below are loaded on first use: the models need pydantic, which a command that
only lists scenarios from the content cache never has to import.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bundle import Actor, GameContent
    from .errors import ContentError, Problem
    from .loader import (
        ContentLoader,
        bundled_scenarios,
        find_scenario,
        load_game,
        validate_files,
    )
    from .text import LANGUAGES, LocalText

_WHERE = {
    "LANGUAGES": "text",
    "Actor": "bundle",
    "ContentError": "errors",
    "ContentLoader": "loader",
    "GameContent": "bundle",
    "LocalText": "text",
    "Problem": "errors",
    "bundled_scenarios": "loader",
    "find_scenario": "loader",
    "load_game": "loader",
    "validate_files": "loader",
}

__all__ = [
    "LANGUAGES",
    "Actor",
    "ContentError",
    "ContentLoader",
    "GameContent",
    "LocalText",
    "Problem",
    "bundled_scenarios",
    "find_scenario",
    "load_game",
    "validate_files",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
