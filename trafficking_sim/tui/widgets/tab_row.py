"""The game screen's tab row: the panes' labels on one line and a bar under the chosen one,
drawn by one widget.

Textual's ``TabbedContent`` builds about eleven widgets for this (the tabs, each tab, the
underline, a content switcher, a pane per tab), and each is laid out, styled and
composited on every switch. This widget draws its two lines itself, looks as Textual's
tabs do (the same component colours, the bar's half-cell ends) and takes the same input:
a click on a label (or under it), left and right when it has the focus. It never moves
the panes: it says which tab the player chose (``TabRow.Changed``) and the screen shows
that pane.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

BAR = "━"
HALF_BAR_LEFT = "╺"
HALF_BAR_RIGHT = "╸"


class TabRow(Widget, can_focus=True):
    """Labels of the panes and the active mark; a label's text is drawn as written."""

    DEFAULT_CSS = """
    TabRow {
        width: 100%;
        height: 2;
        pointer: pointer;
        & > .tab-row--label {
            color: $foreground 50%;
        }
        & > .tab-row--hover {
            color: $foreground;
        }
        & > .tab-row--active {
            color: $foreground;
        }
        & > .tab-row--bar {
            color: $block-cursor-background;
            background: $foreground 10%;
        }
        &:focus {
            & > .tab-row--bar {
                background: $foreground 30%;
            }
            & > .tab-row--active {
                text-style: $block-cursor-text-style;
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
        }
        &:ansi {
            & > .tab-row--label {
                text-style: dim;
            }
            & > .tab-row--hover {
                text-style: dim;
            }
            & > .tab-row--active {
                text-style: not dim bold;
            }
            & > .tab-row--bar {
                color: $block-cursor-background;
                background: $border-blurred;
            }
        }
    }
    """

    COMPONENT_CLASSES = {"tab-row--label", "tab-row--hover", "tab-row--active", "tab-row--bar"}

    BINDINGS = [
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
    ]

    class Changed(Message):
        """The player chose another tab on the row itself (a click, an arrow key)."""

        def __init__(self, row: TabRow, tab: str) -> None:
            super().__init__()
            self.row = row
            self.tab = tab

        @property
        def control(self) -> TabRow:
            return self.row

    def __init__(
        self,
        labels: Sequence[tuple[str, str]],
        *,
        active: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._tabs = [tab for tab, _label in labels]
        self._labels = dict(labels)
        self._active = active if active is not None else self._tabs[0]
        self._hover: str | None = None

    # --- what it shows ----------------------------------------------------------------

    @property
    def tabs(self) -> tuple[str, ...]:
        return tuple(self._tabs)

    @property
    def active(self) -> str:
        """The tab whose pane is on screen."""
        return self._active

    @active.setter
    def active(self, tab: str) -> None:
        """Mark another tab as active (the screen's own choice: no ``Changed``)."""
        if tab not in self._labels:
            raise ValueError(f"no tab {tab!r} on this row")
        if tab != self._active:
            self._active = tab
            self.refresh()

    def label(self, tab: str) -> str:
        return self._labels[tab]

    def set_label(self, tab: str, label: str) -> None:
        if self._labels[tab] != label:
            self._labels[tab] = label
            self.refresh()

    def spans(self) -> list[tuple[str, int, int]]:
        """Each tab and the cells it takes: its label with one cell either side."""
        spans: list[tuple[str, int, int]] = []
        x = 0
        for tab in self._tabs:
            width = cell_len(self._labels[tab]) + 2
            spans.append((tab, x, x + width))
            x += width
        return spans

    def tab_at(self, x: int) -> str | None:
        for tab, start, end in self.spans():
            if start <= x < end:
                return tab
        return None

    # --- input ------------------------------------------------------------------------

    def choose(self, tab: str) -> None:
        """Make ``tab`` active as the player asked, and say so to the screen."""
        if tab != self._active:
            self.active = tab
            self.post_message(self.Changed(self, tab))

    def action_move(self, step: int) -> None:
        index = self._tabs.index(self._active)
        self.choose(self._tabs[(index + step) % len(self._tabs)])

    def on_click(self, event: events.Click) -> None:
        event.stop()
        tab = self.tab_at(event.x)
        if tab is not None:  # the row has the focus already: Textual gives it on the click
            self.choose(tab)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self.tab_at(event.x))

    def on_leave(self, _event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, tab: str | None) -> None:
        if tab != self._hover:
            self._hover = tab
            self.refresh()

    # --- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        blank = Style(bgcolor=base.bgcolor)
        if y == 0:
            segments = self._label_line(blank)
        elif y == 1:
            segments = self._bar_line(base, width)
        else:
            segments = []
        return Strip(segments).adjust_cell_length(width, blank)

    def _label_line(self, blank: Style) -> list[Segment]:
        focused = self.has_focus
        segments: list[Segment] = []
        for tab in self._tabs:
            if tab == self._active:
                style = self.get_component_rich_style("tab-row--active")
            elif tab == self._hover:
                style = self.get_component_rich_style("tab-row--hover")
            else:
                style = self.get_component_rich_style("tab-row--label")
            # Focused, the active tab is a block, its padding included (as Textual's is).
            pad = style if focused and tab == self._active else blank
            segments += [Segment(" ", pad), Segment(self._labels[tab], style), Segment(" ", pad)]
        return segments

    def _bar_line(self, base: Style, width: int) -> list[Segment]:
        bar = self.get_component_rich_style("tab-row--bar")
        mark = base + Style.from_color(bar.color)
        rest = base + Style.from_color(bar.bgcolor)
        start = end = 0
        for tab, left, right in self.spans():
            if tab == self._active:
                start, end = left + 1, right - 1  # under the label, not its padding
        end = min(end, width)
        if start >= end:
            return [Segment(BAR * width, rest)]
        segments = [
            Segment(BAR * (start - 1) + HALF_BAR_RIGHT, rest),
            Segment(BAR * (end - start), mark),
        ]
        if end < width:
            segments.append(Segment(HALF_BAR_LEFT + BAR * (width - end - 1), rest))
        return segments
