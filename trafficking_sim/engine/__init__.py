"""The turn engine: pure, deterministic, and free of any user interface.

The public API: ``Engine(content).new_game(role, seed)``, ``Engine.step(state, action)``,
``Engine.legal_actions(state)`` and ``state_key(state)``.
"""

from .actions import (
    Action,
    ActionFormatError,
    AskPermission,
    Do,
    EndTurn,
    Request,
    Send,
    Share,
    action_from_dict,
    action_to_dict,
)
from .core import Engine
from .events import Event
from .state import GameState, Known, Message, state_key

__all__ = [
    "Action",
    "ActionFormatError",
    "AskPermission",
    "Do",
    "EndTurn",
    "Engine",
    "Event",
    "GameState",
    "Known",
    "Message",
    "Request",
    "Send",
    "Share",
    "action_from_dict",
    "action_to_dict",
    "state_key",
]
