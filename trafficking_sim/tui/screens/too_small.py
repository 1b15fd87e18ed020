"""Shown when the terminal is smaller than 80x24: a polite request, nothing broken."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.widgets import Static

from .base import BaseModal


class TooSmallScreen(BaseModal[None]):
    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="too-small")

    def refresh_language(self) -> None:
        self.query_one("#too-small", Static).update(
            Content(
                self.tr("tui.too_small", width=self.app.size.width, height=self.app.size.height)
            )
        )

    def on_resize(self) -> None:
        self.refresh_language()
        self.game.call_later(self.game.check_size)
