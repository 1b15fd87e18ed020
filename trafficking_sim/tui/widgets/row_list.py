"""A list of one-line rows that draws only the rows on screen: the log's list, where a
filter key replaces hundreds of rows at once.

An ``OptionList`` given new rows measures every one of them (its height, wrapped to the
list's width) before it draws any, and drops every row it has drawn whenever its style
changes. This list keeps its rows as they are given (``Option``: words, id, disabled),
sets its scrollable height to their number without a layout of the screen, and draws a
row only when it comes on screen, each drawn row kept for its width and style (so a
row drawn once, highlighted or not, focused or not, is not drawn again).

It looks and answers like an ``OptionList``: the same keys (up, down, home, end, page
up and down, enter), the mouse (wheel, click, a row under the pointer lit), a
highlighted row that follows the focus' style, disabled rows (headings, "nothing yet")
that the highlight skips. Its words are drawn as written: a ``[bold]`` is just text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual, visualize
from textual.widgets.option_list import Option

ROW = "row-list--row"
DISABLED = "row-list--row-disabled"
HIGHLIGHTED = "row-list--row-highlighted"
HOVER = "row-list--row-hover"


def refresh_changed(view: ScrollView, lines: range, changed: Callable[[int], bool]) -> None:
    """Draw again the lines (of the view's scrollable height) that ``changed``, each run
    of them as one region."""
    start: int | None = None
    for y in lines:
        if changed(y):
            if start is None:
                start = y
        elif start is not None:
            view.refresh_lines(start, y - start)
            start = None
    if start is not None:
        view.refresh_lines(start, lines.stop - start)


class RowList(ScrollView, can_focus=True):
    """One-line rows, newest data first as the pane gives them; only the visible ones drawn."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("home", "first", "First", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("up", "cursor_up", "Up", show=False),
    ]

    # The look of Textual's OptionList, from the same theme variables, so that every
    # theme (high contrast included) colours this list as it colours the other panes'.
    # (OptionList's CSS sets the blurred highlight twice, the second block overriding
    # the first's colour: here once, as it is drawn, the foreground colour.)
    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .row-list--row-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .row-list--row-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .row-list--row-disabled {
            color: $text-disabled;
        }
        & > .row-list--row-hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {ROW, DISABLED, HIGHLIGHTED, HOVER}

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
    """As on every widget, but no layout when it changes: the list's height is its pane's,
    whatever its rows (the scroll bar's own setting still asks for one when the bar
    comes or goes); and new rows draw again only the lines that differ (a new width, all
    of them)."""

    class RowMessage(Message):
        """About one row of the list (its option and its place)."""

        def __init__(self, row_list: RowList, option: Option, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.option = option
            self.index = index

        @property
        def control(self) -> RowList:
            return self.row_list

    class Highlighted(RowMessage):
        """A row that can be chosen was highlighted (by a key, the mouse or the program)."""

    class Selected(RowMessage):
        """A row was chosen with Enter or a click."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._options: list[Option] = []
        self._highlighted: int | None = None
        self._hover: int | None = None
        # Each drawn row, for the option, the width and the style it was drawn with.
        self._drawn: LRUCache[tuple[Option, int, Style], Strip] = LRUCache(512)

    # --- the rows ---------------------------------------------------------------------

    @property
    def options(self) -> Sequence[Option]:
        return self._options

    @property
    def option_count(self) -> int:
        return len(self._options)

    def get_option_at_index(self, index: int) -> Option:
        return self._options[index]

    def set_options(self, options: Sequence[Option]) -> None:
        """Show ``options`` instead of the rows shown; no row is highlighted until one is
        chosen (as after ``OptionList.clear_options``). The row under a pointer that has
        not moved stays lit (the pointer is still over it), if there is one there."""
        old, new = self._options, list(options)
        self._options = new
        unlit = self._highlighted  # (a hover past the new rows: its line changes anyway)
        if self._hover is not None and self._hover >= len(new):
            self._hover = None
        self._highlighted = None
        self._size_to_rows()

        def changed(index: int) -> bool:
            before = old[index] if index < len(old) else None
            after = new[index] if index < len(new) else None
            return before is not after or index == unlit

        self._refresh_rows(changed)

    def _refresh_rows(self, changed: Callable[[int], bool]) -> None:
        """Draw again the lines on screen whose row ``changed``: a line that shows what it
        showed is neither drawn nor composed again (a filter key that keeps the top rows,
        or empties a list already empty, redraws only the lines that differ)."""
        if not self.is_mounted or not self.size:
            self.refresh()
            return
        top = self.scroll_offset.y
        refresh_changed(self, range(top, top + self.scrollable_content_region.height), changed)

    def _size_to_rows(self) -> None:
        size = Size(self.scrollable_content_region.width, len(self._options))
        if size != self.virtual_size:
            # A new width needs no refresh here: it comes with a new size or a scroll bar
            # that comes or goes, and Textual draws the list again for either (a test
            # checks the screen after the bar goes).
            self.virtual_size = size
            self._scroll_update(size)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        self._size_to_rows()  # the rows' width follows the list's (and its scroll bar)
        return changed

    # --- the highlight ----------------------------------------------------------------

    @property
    def highlighted(self) -> int | None:
        """The highlighted row's index, or None."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            index = max(0, min(index, len(self._options) - 1)) if self._options else None
        before = self._highlighted
        if index == before:
            return
        self._highlighted = index
        self._refresh_rows(lambda row: row in (before, index))
        if index is None:
            return
        self.scroll_to_highlight()
        option = self._options[index]
        if not option.disabled:
            self.post_message(self.Highlighted(self, option, index))

    @property
    def highlighted_option(self) -> Option | None:
        index = self._highlighted
        return None if index is None else self._options[index]

    def scroll_to_highlight(self) -> None:
        """Bring the highlighted row on screen."""
        index = self._highlighted
        region = self.scrollable_content_region
        # A hidden list (its pane not shown) has no lines: scrolling a row into a window
        # of none puts it at the top, hiding the rows above it (the newest entries) when
        # the pane comes back. ``on_show`` scrolls at the real size instead.
        if index is None or not self.is_mounted or not region.height:
            return
        self.scroll_to_region(
            Region(0, index, region.width, 1), animate=False, force=True, immediate=True
        )

    def on_show(self) -> None:
        self.scroll_to_highlight()

    def _enabled(self, start: int, step: int) -> int | None:
        """The first row from ``start`` (on, in the direction ``step``) that can be chosen."""
        index = start
        while 0 <= index < len(self._options):
            if not self._options[index].disabled:
                return index
            index += step
        return None

    def _move(self, start: int, step: int) -> None:
        found = self._enabled(start, step)
        if found is not None:
            self.highlighted = found

    def action_cursor_down(self) -> None:
        current = self._highlighted
        found = self._enabled(0 if current is None else current + 1, 1)
        if found is None and current is not None:  # at the end: round to the top
            found = self._enabled(0, 1)
        if found is not None:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        current = self._highlighted
        last = len(self._options) - 1
        found = self._enabled(last if current is None else current - 1, -1)
        if found is None and current is not None:  # at the top: round to the end
            found = self._enabled(last, -1)
        if found is not None:
            self.highlighted = found

    def action_first(self) -> None:
        self._move(0, 1)

    def action_last(self) -> None:
        self._move(len(self._options) - 1, -1)

    def _page(self, step: int) -> None:
        if not self._options:
            return
        if self._highlighted is None:
            self.action_first() if step < 0 else self.action_last()
            return
        height = max(1, self.scrollable_content_region.height)
        target = max(0, min(self._highlighted + step * height, len(self._options) - 1))
        found = self._enabled(target, step)
        if found is None:
            found = self._enabled(target, -step)
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        option = self.highlighted_option
        if option is not None and not option.disabled:
            assert self._highlighted is not None
            self.post_message(self.Selected(self, option, self._highlighted))

    # --- the mouse --------------------------------------------------------------------

    def _row_at(self, event: events.MouseEvent) -> int | None:
        index = event.style.meta.get("row")
        return index if isinstance(index, int) and index < len(self._options) else None

    async def _on_click(self, event: events.Click) -> None:
        index = self._row_at(event)
        if index is not None and not self._options[index].disabled:
            self.highlighted = index
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index, before = self._row_at(event), self._hover
        if index != before:
            self._hover = index
            self._refresh_rows(lambda row: row in (before, index))

    def _on_leave(self, event: events.Leave) -> None:
        before = self._hover
        if before is not None:
            self._hover = None
            self._refresh_rows(lambda row: row == before)

    # --- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        if not 0 <= index < len(self._options):
            return Strip.blank(width, self.get_visual_style(ROW).rich_style)
        option = self._options[index]
        if option.disabled:
            style = self.get_visual_style(ROW, DISABLED)
        elif index == self._highlighted:
            style = self.get_visual_style(ROW, HIGHLIGHTED)
        elif index == self._hover:
            style = self.get_visual_style(ROW, HOVER)
        else:
            style = self.get_visual_style(ROW)
        key = (option, width, style)
        strip = self._drawn.get(key)
        if strip is None:
            visual = visualize(self, option.prompt, markup=False)
            strips = Visual.to_strips(self, visual, width, 1, style)
            strip = strips[0] if strips else Strip.blank(width)
            strip = strip.extend_cell_length(width, style.rich_style)
            self._drawn[key] = strip
        # Where a click lands: the row's place in the list shown now (not kept with the
        # drawn row, which another filter puts elsewhere).
        # A new style (the focus, a theme) needs no refresh here: Textual draws a widget
        # again whenever its own or its component classes' styles change, and the rows
        # are then drawn with the new style (another key of the cache).
        return strip.apply_meta({"row": index})
