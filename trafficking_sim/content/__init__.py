"""Content: the scenario, role-card and agency formats, and their safe loading."""

from .bundle import Actor, GameContent
from .errors import ContentError, Problem
from .loader import ContentLoader, bundled_scenarios, find_scenario, load_game, validate_files
from .text import LANGUAGES, LocalText

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
