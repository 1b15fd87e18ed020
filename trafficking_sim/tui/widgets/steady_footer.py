"""A footer that is rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    """Textual's Footer, rebuilt only when what it would show is different.

    Textual rebuilds every key of the footer (a widget each) whenever the bindings may
    have changed, which is every move of the focus: on the game screen each pane switch
    moves it twice, while the keys shown stay the same. Rebuilding them cost more than
    the rest of the switch.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._drawn: tuple[object, ...] | None = None

    def _shown_keys(self, screen: Screen[Any]) -> tuple[object, ...]:
        """What the footer's keys are built from (as Footer.compose picks them): the
        bindings shown, and the command palette's."""
        palette = self.app.COMMAND_PALETTE_BINDING
        shown = tuple(
            (
                key,
                binding.key_display,
                binding.description,
                binding.action,
                binding.group,
                enabled,
                tooltip,
            )
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == palette
        )
        return (*shown, self.compact, self.show_command_palette)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            keys = self._shown_keys(screen)
            if keys == self._drawn:
                return
            self._drawn = keys
        super().bindings_changed(screen)
