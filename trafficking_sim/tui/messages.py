"""What the app tells its screens: the game moved on, the language changed.

The app owns the session and the language; it posts these down to every screen on the
stack, and a screen handles them with ``@on`` (no screen is asked for methods by name).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from ..engine import Event


class GameUpdated(Message):
    """An action was taken (by this player or another group): redraw from the session."""

    def __init__(self, events: list[Event], *, role: str, seen: int, ended: bool = False) -> None:
        super().__init__()
        self.events = events
        # The message is handled later, perhaps after more actions (a group's last ones
        # and the next group's turn): whose action it was and how many events the game
        # had then are kept, so that the news is marked seen for the right group.
        self.role = role
        self.seen = seen
        self.ended = ended  # this action ended the game: its debrief comes next


class LanguageChanged(Message):
    """The player switched the language: every label is set again from the catalogue."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
