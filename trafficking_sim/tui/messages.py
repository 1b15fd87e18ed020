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


# --- what a pane asks for -------------------------------------------------------------------
# A pane's button says what the player wants, with the pane's own selection; the game screen
# opens the dialog (or acts) in its ``@on`` handler. No pane calls the screen or the app.


class ComposeRequested(Message):
    """A new SIENA message, addressed to ``to`` and carrying ``facts`` when they are known."""

    def __init__(self, to: tuple[str, ...] = (), facts: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.to = to
        self.facts = facts


class ReplyRequested(Message):
    """A reply to the message shown (``None``: no message is selected)."""

    def __init__(self, message_id: int | None) -> None:
        super().__init__()
        self.message_id = message_id


class RequestRequested(Message):
    """A request for a service, to ``partner`` when one is selected."""

    def __init__(self, partner: str | None) -> None:
        super().__init__()
        self.partner = partner


class ContactRequested(Message):
    """A direct contact, with ``partner`` and passing on ``fact`` when they are selected."""

    def __init__(self, partner: str | None = None, fact: str | None = None) -> None:
        super().__init__()
        self.partner = partner
        self.fact = fact


class SienaToRequested(Message):
    """A SIENA message to the selected partner, or carrying the selected fact."""

    def __init__(self, partner: str | None = None, fact: str | None = None) -> None:
        super().__init__()
        self.partner = partner
        self.fact = fact


class PermissionRequested(Message):
    """The provider's permission for ``fact`` (``None``: the dialog asks which)."""

    def __init__(self, fact: str | None) -> None:
        super().__init__()
        self.fact = fact
