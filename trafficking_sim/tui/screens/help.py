"""Help (F1): the keys of the screen you came from, and how to play."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..localize import binding
from ..widgets.tlabel import TLabel
from .base import BaseScreen


class HelpScreen(BaseScreen[None]):
    BINDINGS = [binding("escape", "app.pop_screen", "back")]

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield TLabel("tui.help_title", id="screen-title", classes="screen-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def refresh_language(self) -> None:
        rows = [self.tr("tui.keys_here"), ""]
        seen: set[str] = set()
        for node in (self.under, self.app):
            for key, bindings in node._bindings.key_to_bindings.items():
                for b in bindings:
                    if not b.id or (b.id in seen and key in seen):
                        continue
                    if not node.check_action(b.action, ()):
                        continue  # not in this game (the trainer's tools in a learner's)
                    seen.add(key)
                    shown = self.app.get_key_display(b)
                    rows.append(f"  {shown:>8}  {self.tr(f'key.{b.id}')}")
        rows += ["", self.tr("tui.keys_everywhere"), "", self.tr("tui.howto")]
        self.query_one("#help-text", Static).update(Content("\n".join(rows)))
