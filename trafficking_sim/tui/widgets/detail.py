"""The chosen item's text beside a list: it scrolls, and a new text costs no layout of the screen.

A ``Static`` in a ``VerticalScroll`` grows with its text, so every new text (each key
that moves the highlight, each filter key of the log) asked Textual to lay out the whole
screen again and then to compose every region of it. This view draws its own lines (the
line API): a new text is wrapped to the view's width here, the scrollable height is set
without a layout, and only this view is drawn again. A layout happens only when the
scroll bar appears or goes.
"""

from __future__ import annotations

from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from .row_list import refresh_changed


class DetailView(ScrollView, can_focus=True):
    """Plain text (a ``Content``: never parsed as markup), wrapped to the view's width,
    scrolled with the keys and the mouse wheel like any scrolling container."""

    DEFAULT_CSS = """
    DetailView {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
    """As on every widget, but no layout when it changes (the scroll bar's own setting
    still asks for one when the bar comes or goes), and no drawing of every line: a new
    text draws again the lines that differ, a new width all of them."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = Content("")
        self._strips: list[Strip] = []
        self._wrapped_for = Size(0, 0)  # the view's inner size the strips were made for
        # The last texts wrapped, by words, styles, width and the view's style: a text shown
        # again soon (the pane's help each time a filter matches nothing, an entry a
        # backspace comes back to) is not wrapped again.
        self._wrapped: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(8)

    @property
    def text(self) -> Content:
        """The text shown."""
        return self._text

    def render(self) -> Content:
        # What a copy of selected text reads, and what the tests read.
        return self._text

    def update(self, text: Content, *, from_top: bool = False) -> None:
        """Show ``text``; ``from_top`` for a new item (else the place read is kept, as on a
        redraw of the same item in another language)."""
        before, top = self._strips, self.scroll_offset.y
        self._text = text
        self._wrap()
        if from_top:
            self.scroll_home(animate=False)
        if self.scroll_offset.y != top:
            return  # scrolled: Textual draws every line again (a test checks the screen)
        if not self.size:
            self.refresh()
            return
        # Only the lines that differ are drawn again: a short text after another leaves
        # the blank lines below both as they are, and the screen composes fewer lines.
        after = self._strips

        def changed(y: int) -> bool:
            return (before[y] if y < len(before) else None) != (
                after[y] if y < len(after) else None
            )

        refresh_changed(self, range(top, top + self.scrollable_content_region.height), changed)

    def selection_updated(self, selection: object) -> None:
        # The lines are drawn with the text selected by the mouse highlighted: draw again.
        self._wrap()
        self.refresh()

    # --- wrapping -----------------------------------------------------------------------

    def _wrap(self) -> None:
        """Wrap the text to the width left beside the scroll bar, when the text needs one,
        and set the height to scroll through; a layout only if the scroll bar comes or
        goes (``show_vertical_scrollbar`` asks for one when it changes)."""
        inner = self.container_size
        width, height = inner
        if width <= 0:
            self._strips, self._wrapped_for = [], Size(0, 0)
            return  # not laid out yet: wrapped when it gets its size
        strips = self._lines(width)
        if len(strips) > height:
            width = max(1, width - self.styles.scrollbar_size_vertical)
            strips = self._lines(width)
        self._strips, self._wrapped_for = strips, inner
        size = Size(width, len(strips))
        if size != self.virtual_size:
            if size.width != self.virtual_size.width:
                self.refresh()
            self.virtual_size = size
            self._scroll_update(size)

    def _lines(self, width: int) -> list[Strip]:
        text, style = self._text, self.visual_style
        # Not kept when drawn with the mouse's selection, nor while a mouse button is held
        # for a drag anywhere on the screen: Textual then leaves out the links' own colour
        # (``Visual.to_strips`` reads the screen's ``_selecting``; private, but Textual is
        # pinned to one version and a test checks this), and a text kept so would show its
        # glossary links without their colour until pushed out.
        if self.text_selection is not None or self.screen._selecting:
            return Visual.to_strips(self, text, width, None, style, pad=True)
        key = (text.plain, tuple(text.spans), width, style)
        strips = self._wrapped.get(key)
        if strips is None:
            strips = Visual.to_strips(self, text, width, None, style, pad=True)
            self._wrapped[key] = strips
        return strips

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self.container_size != self._wrapped_for:
            self._wrap()
        return changed

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._wrapped_for:  # a new theme or a focus style: the same lines, restyled
            self._wrap()

    # --- drawing ------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.scrollable_content_region.width
        style = self.visual_style.rich_style
        if 0 <= index < len(self._strips):
            return self._strips[index].crop_extend(0, width, style)
        return Strip.blank(width, style)
