"""Shown when the terminal is smaller than 80x24: a polite request, nothing broken, and a
way out that works here too."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.widgets import Static

from ..localize import binding
from .base import BaseModal


class TooSmallScreen(BaseModal[None]):
    # A modal screen hides the app's own keys, so the ways out are repeated here.
    BINDINGS = [
        binding("f10", "app.quit", "quit"),
        binding("q", "app.quit", "quit_q"),
        binding("ctrl+c", "app.quit", "quit", priority=True),
    ]
    FOOTER = False  # the notice itself says how to quit

    def action_ask_quit(self) -> None:
        self.game.call_later(self.game.action_quit)  # nothing typed here to lose

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="too-small")

    def refresh_language(self) -> None:
        self.query_one("#too-small", Static).update(
            Content(
                self.tr("tui.too_small", width=self.app.size.width, height=self.app.size.height)
                + "\n\n"
                + self.tr("tui.too_small_quit")
            )
        )

    def on_resize(self) -> None:
        self.refresh_language()
        self.game.call_later(self.game.check_size)
