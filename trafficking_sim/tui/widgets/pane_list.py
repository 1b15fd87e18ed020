"""A pane's list (messages, partners, facts, log entries): new rows cost no layout of the
screen, and a pane shown again keeps its drawn rows.

An ``OptionList`` sets its scrollable size whenever its rows change (twice when they are
replaced: emptied, then filled), and Textual lays out the whole screen for each change,
then composes every region of it on the next frame. A pane's list has the height the
pane gives it, whatever its rows, so its rows are only drawn again: the screen is laid
out only when the scroll bar comes or goes (Textual asks for that by itself).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList


class PaneList(OptionList):
    """An ``OptionList`` whose height is set by its pane, never by its rows."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """As on every widget, but no layout when it changes (the scroll bar's own setting
    still asks for one when the bar comes or goes)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._rendered_width = -1  # the width the rendered rows are for (-1: none yet)

    def on_resize(self, event: events.Resize) -> None:
        # Textual sends a Resize each time a hidden pane is shown again, and an
        # OptionList then drops every rendered row: a switch back to a pane drew its
        # whole list again (the log's, some 15 rows, the costliest widget of that frame).
        # The rows only depend on the width they are drawn at.
        width = self.scrollable_content_region.width
        if width == self._rendered_width:
            event.prevent_default()  # OptionList's own handler would drop them
        self._rendered_width = width

    def watch_show_vertical_scrollbar(self, shown: bool) -> None:
        # The scroll bar coming or going changes the rows' width with no Resize: drop the
        # rows drawn for the old width (and forget it, so the next Resize redraws too).
        self._rendered_width = -1
        self._clear_caches()
