"""What a pane shares: the app, its language and the session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from ...i18n import t
from ..guard import Guarded

if TYPE_CHECKING:
    from ...content import GameContent
    from ...engine import GameState
    from ...play.session import Session
    from ..app import TraffickingApp


class PaneMixin(Guarded):
    @property
    def game(self) -> TraffickingApp:
        return cast("TraffickingApp", self.app)  # type: ignore[attr-defined]

    @property
    def session(self) -> Session:
        session = self.game.session
        assert session is not None
        return session

    # Not ``content``: Static already has a ``content`` (what it shows).
    @property
    def game_content(self) -> GameContent:
        return self.session.content

    @property
    def state(self) -> GameState:
        return self.session.state

    @property
    def lang(self) -> str:
        return self.game.lang

    def tr(self, key: str, **params: Any) -> str:
        return t(key, self.game.lang, **params)

    stale = True
    """The session moved on (or the language changed) since the pane was last drawn; a
    hidden pane is only marked so, and drawn again when it is shown."""

    def update_view(self) -> None:
        """Redraw from the session; called after every action and language switch."""

    def draw(self) -> None:
        """Redraw now, and the pane is up to date."""
        self.stale = False
        self.update_view()
