"""The error dialog: something went wrong, the game is safe, here is what to do."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from .base import BaseModal


class ErrorScreen(BaseModal[None]):
    def __init__(self, log: Path) -> None:
        super().__init__()
        self.log_path = log

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(id="error-title", classes="dialog-title")
            yield Static(id="error-text", classes="dialog-body")
            with Horizontal(classes="buttons"):
                yield Button(id="error-continue", variant="primary")
                yield Button(id="error-title-button")
                yield Button(id="error-quit", variant="error")

    def refresh_language(self) -> None:
        self.query_one("#error-title", Static).update(self.tr("tui.error_title"))
        self.query_one("#error-text", Static).update(
            Content(self.tr("tui.error_text", log=str(self.log_path)))
        )
        self.query_one("#error-continue", Button).label = self.tr("tui.error_continue")
        self.query_one("#error-title-button", Button).label = self.tr("tui.to_title")
        self.query_one("#error-quit", Button).label = self.tr("tui.quit")

    def on_mount(self) -> None:
        self.query_one("#error-continue", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)
        if event.button.id == "error-title-button":
            self.game.pop_to_title()
        elif event.button.id == "error-quit":
            self.game.exit()
