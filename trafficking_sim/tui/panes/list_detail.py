"""What the SIENA, Partners and Case board panes share: a list, the chosen item's detail
and the pane's buttons.

A pane says which list and detail it has, which buttons (each with its key), what its
rows are and how one item is shown; the base keeps the selection across redraws, shows
the empty state, follows the highlight and labels the buttons in the player's language.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from ..text import plain
from ..widgets.detail import DetailView
from ..widgets.pane_list import PaneList
from ..widgets.row_list import RowList
from ..widgets.tlabel import TLabel
from .base import PaneMixin


class ListDetailPane(PaneMixin, Vertical):
    LIST_ID = ""
    """The list's id (the game screen focuses it when the pane is shown)."""
    LIST_CLASS: type[PaneList] | type[RowList] = PaneList
    """The list: an ``OptionList`` (rows of several lines, headings), or a ``RowList``
    of one-line rows that draws only those on screen (the log's, hundreds long)."""
    DETAIL_ID = ""
    HEADING_ID = ""
    HEADING_KEY = ""
    """The catalogue key of the heading above the list ("" : the pane sets it)."""
    BUTTONS: tuple[tuple[str, str, str], ...] = ()
    """(id, catalogue key, key) of each button; the first is the primary one."""
    NEEDS_ITEM: tuple[str, ...] | None = None
    """The buttons that act on the chosen item, off when there is none (None: all)."""
    EMPTY_KEY = ""
    """What the list says when it has nothing (a disabled row)."""
    HELP_KEY = ""
    """What the detail says when nothing is chosen."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.selected: str | None = None
        """The id of the row shown in the detail, kept across redraws."""
        # What the list and the detail show now: a redraw that would show the same is
        # skipped (new rows cost a drawing of the whole list, and a new text a drawing of
        # the detail), as when a letter typed in the log's filter keeps the chosen entry.
        self._shown_rows: list[tuple[object, ...]] = []
        self._shown_detail: tuple[object, ...] | None = None
        self._detail_of: str | None = None
        """The item the detail shows (its id), to open another item at its first line."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="pane-row"):
            with Vertical(classes="pane-list"):
                yield TLabel(self.HEADING_KEY, id=self.HEADING_ID, classes="pane-heading")
                yield self.LIST_CLASS(id=self.LIST_ID)
            yield DetailView(id=self.DETAIL_ID, classes="pane-detail")
        with Horizontal(classes="buttons"):
            for index, (ident, _key, _shortcut) in enumerate(self.BUTTONS):
                yield Button(id=ident, variant="primary" if index == 0 else "default")

    # --- what a pane says ---------------------------------------------------------------

    def rows(self) -> list[Option]:
        """The list's rows: an item has an id; a disabled row without one is a heading."""
        return []

    def show_item(self, ident: str) -> None:
        """Draw the detail of the item ``ident`` and set the buttons for it."""

    def can_show(self, ident: str) -> bool:
        """Whether a highlighted row's item may be shown (a class game passes the laptop
        on: a row highlighted for the last group is not shown to the next)."""
        return True

    # --- shared ---------------------------------------------------------------------------

    def update_view(self) -> None:
        for ident, key, shortcut in self.BUTTONS:
            if not key:
                continue  # its words depend on the pane's state: the pane sets them
            words = self.tr(key)
            self.query_one(f"#{ident}", Button).label = plain(
                f"{words} ({shortcut})" if shortcut else words
            )
        options = self.query_one(f"#{self.LIST_ID}", self.LIST_CLASS)
        rows = self.rows()
        if not any(row.id for row in rows):
            self._list(options, rows or [Option(plain(self.tr(self.EMPTY_KEY)), disabled=True)])
            self.show_nothing()
            return
        self._list(options, rows)
        ids = [row.id for row in rows]
        # Headings have no id: "no selection" (None) is not one of them.
        index = ids.index(self.selected) if self.selected and self.selected in ids else None
        if index is None:
            index = next(i for i, row in enumerate(rows) if row.id and not row.disabled)
        options.highlighted = index
        chosen = rows[index].id
        assert chosen is not None
        self.selected = chosen
        self.show_item(chosen)

    def show_nothing(self) -> None:
        """The empty state: the detail explains the pane, and no button acts."""
        self.selected = None
        self.detail(plain(self.tr(self.HELP_KEY)))
        needs = self.NEEDS_ITEM
        for ident, _key, _shortcut in self.BUTTONS:
            if needs is None or ident in needs:
                self.query_one(f"#{ident}", Button).disabled = True

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._highlighted(event.option_list.id, event.option)

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self._highlighted(event.row_list.id, event.option)

    def _highlighted(self, list_id: str | None, option: Option) -> None:
        # A heading (no id) leaves the detail as it is.
        ident = option.id
        if list_id != self.LIST_ID or not ident or not self.can_show(ident):
            return
        if ident == self.selected == self._detail_of:
            # The row update_view highlighted and has just shown: its text is made once.
            return
        self.selected = ident
        self.show_item(ident)

    def _list(self, options: PaneList | RowList, rows: list[Option]) -> None:
        """Put ``rows`` in the list, unless it shows the same rows already."""
        shown = [_row_key(row) for row in rows]
        if shown == self._shown_rows and options.option_count == len(rows):
            return
        options.set_options(rows)
        self._shown_rows = shown

    def detail(self, text: Content) -> None:
        shown = (text.plain, tuple(text.spans))
        if shown == self._shown_detail:
            return
        self._shown_detail = shown
        # Another item opens at its first line; the same one (a redraw) keeps its place.
        new_item = self.selected != self._detail_of
        self._detail_of = self.selected
        self.query_one(f"#{self.DETAIL_ID}", DetailView).update(text, from_top=new_item)

    def enable(self, ident: str, enabled: bool) -> None:
        self.query_one(f"#{ident}", Button).disabled = not enabled


def _row_key(row: Option) -> tuple[object, ...]:
    """What a row shows and is: its id, whether it can be chosen, its words and styles."""
    prompt = row.prompt
    spans = tuple(prompt.spans) if isinstance(prompt, Content) else ()
    return (row.id, row.disabled, str(prompt), spans)
