"""A pane's list (messages, partners, facts, log entries): new rows cost no layout of the screen.

An ``OptionList`` sets its scrollable size whenever its rows change (twice when they are
replaced: emptied, then filled), and Textual lays out the whole screen for each change,
then composes every region of it on the next frame. A pane's list has the height the
pane gives it, whatever its rows, so its rows are only drawn again: the screen is laid
out only when the scroll bar comes or goes (Textual asks for that by itself).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList


class PaneList(OptionList):
    """An ``OptionList`` whose height is set by its pane, never by its rows."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """As on every widget, but no layout when it changes (the scroll bar's own setting
    still asks for one when the bar comes or goes)."""
