"""Dropdowns that open where there is room, never over the footer.

Textual opens a Select's list below it and, when the screen ends first, slides the list
up to the screen's last row: over the footer and the buttons. Here the list opens below
when it fits above the footer, otherwise above the Select, and is never taller than the
room it has.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen
from textual.widgets import Footer, Select
from textual.widgets._select import SelectOverlay

MOST_ROWS = 12
"""Textual's own limit for an open list (with its border)."""


def footer_top(screen: Screen[object]) -> int:
    """The first row the footer takes (the screen's height when it has none)."""
    rows = [footer.region.y for footer in screen.query(Footer) if footer.region.height]
    return min(rows, default=screen.size.height)


def place_overlay(select: Select[str], expanded: bool) -> None:
    overlay = select.query_one(SelectOverlay)
    if not expanded:
        overlay.styles.offset = (0, 0)
        overlay.styles.max_height = None
        return
    wanted = min(MOST_ROWS, overlay.option_count + 2)
    below = footer_top(select.screen) - select.region.bottom
    above = select.region.y
    if below >= wanted or below >= above:
        overlay.styles.max_height = max(3, min(wanted, below))
        overlay.styles.offset = (0, 0)
        return
    rows = min(wanted, above)
    overlay.styles.max_height = rows
    # The list's own place is just under the Select: lift it by its height and the Select's.
    overlay.styles.offset = (0, -(rows + select.region.height))


def watch_dropdowns(screen: Screen[object]) -> None:
    """Have every Select of ``screen`` open its list where it fits."""
    for select in screen.query(Select):
        screen.watch(select, "expanded", _placer(select), init=False)


def _placer(select: Select[str]) -> Callable[[bool], None]:
    def placed(expanded: bool) -> None:
        # After the next refresh: opening may scroll the Select into view first.
        select.call_after_refresh(place_overlay, select, expanded)

    return placed
