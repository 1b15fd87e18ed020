"""The error dialog: something went wrong, the game is safe, here is what to do.

This dialog is shown when something else has failed, so it must not fail itself: its
texts are set when it is built, and relabelling finds its widgets without ever raising
when one is not there (yet).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from ..text import plain
from .base import BaseModal


class ErrorScreen(BaseModal[None]):
    def __init__(self, log: Path) -> None:
        super().__init__()
        self.log_path = log

    def _texts(self) -> dict[str, str]:
        return {
            "error-title": self.tr("tui.error_title"),
            "error-text": self.tr("tui.error_text", log=str(self.log_path)),
            "error-continue": self.tr("tui.error_continue"),
            "error-title-button": self.tr("tui.to_title"),
            "error-quit": self.tr("tui.quit"),
        }

    def compose(self) -> ComposeResult:
        texts = self._texts()
        with Vertical(classes="dialog"):
            yield Static(plain(texts["error-title"]), id="error-title", classes="dialog-title")
            yield Static(plain(texts["error-text"]), id="error-text", classes="dialog-body")
            with Horizontal(classes="buttons"):
                yield Button(plain(texts["error-continue"]), id="error-continue", variant="primary")
                yield Button(plain(texts["error-title-button"]), id="error-title-button")
                yield Button(plain(texts["error-quit"]), id="error-quit", variant="error")

    def refresh_language(self) -> None:
        for ident, text in self._texts().items():
            for widget in self.query(f"#{ident}"):
                if isinstance(widget, Button):
                    widget.label = plain(text)
                elif isinstance(widget, Static):
                    widget.update(plain(text))

    def on_mount(self) -> None:
        for button in self.query("#error-continue"):
            button.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)
        if event.button.id == "error-title-button":
            self.game.pop_to_title()
        elif event.button.id == "error-quit":
            self.game.exit()
