"""What the chooser screens share (scenario, role, saves): a list on the left, the highlighted
item's details on the right, the buttons under them, Escape and "Back" to return."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, OptionList, Static

from ..widgets.tlabel import TLabel
from .base import BaseScreen


class ChooserScreen(BaseScreen[None]):
    LIST_ID = ""
    DETAIL_ID = ""
    TITLE_KEY = ""
    """The title's catalogue key; a screen whose title changes otherwise overrides title_label()."""
    CHOOSE = "choose"
    """The action that Enter on the list (or a click on a row) runs."""
    BUTTONS: tuple[tuple[str, str], ...] = ()
    """(button id, action) under the details, the first one primary; "Back" comes last."""

    def title_label(self) -> Static:
        return TLabel(self.TITLE_KEY, id="screen-title", classes="screen-title")

    def compose(self) -> ComposeResult:
        yield self.title_label()
        with Horizontal(classes="chooser"):
            yield OptionList(id=self.LIST_ID, classes="chooser-list")
            with Vertical(classes="chooser-detail"):
                with VerticalScroll():
                    yield Static(id=self.DETAIL_ID)
                with Horizontal(classes="buttons"):
                    for index, (ident, _action) in enumerate(self.BUTTONS):
                        yield Button(id=ident, variant="primary" if index == 0 else "default")
                    yield Button(id="back")
        yield Footer()

    def show(self, index: int | None) -> None:
        """Draw the details of the item at ``index`` (``None``: nothing highlighted)."""

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        getattr(self, f"action_{self.CHOOSE}")()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "back":
            self.app.pop_screen()
            return
        for ident, action in self.BUTTONS:
            if event.button.id == ident:
                getattr(self, f"action_{action}")()
