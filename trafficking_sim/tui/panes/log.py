"""The log: everything that happened, newest first, filtered by kind and by words, and the
chosen entry in full (when, who, what it said)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input, Select
from textual.widgets.option_list import Option

from ...engine import Event
from ...engine import events as E
from ...play import narrate
from ..text import linked, plain
from ..widgets.marks import relabel
from ..widgets.row_list import RowList
from .list_detail import ListDetailPane

LOG_KINDS = {
    "all": None,
    "messages": {E.MESSAGE_SENT, E.MESSAGE_RECEIVED, E.PERMISSION_GRANTED},
    "events": {E.INJECT, E.NARRATION, E.TURN_STARTED, E.GAME_ENDED},
    "scores": {E.SCORE_CHANGED, E.ACTION_REFUSED, E.OBJECTIVE_MET},
    "facts": {E.FACTS_LEARNED, E.ACTION_DONE},
}

MAX_LOG_ROWS = 300
"""Entries listed at once; older ones stay reachable through the filter."""


class LogFilter(Input):
    """The log's word filter: it tells the log as soon as its text changes.

    ``Input.Changed`` is a message, handled after the key's own handler and so drawn a
    frame later; calling back from the value's watcher, inside the key's handler, puts
    the typed letter and the filtered log on the same frame.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """An ``Input`` sets its scrollable width on every key, and Textual would lay out the
    whole screen for it; the filter's width is the row's, whatever its words."""

    def __init__(self, on_edit: Callable[[str], None], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._on_edit = on_edit

    def watch_value(self, value: str) -> None:
        self._on_edit(value)


class LogPane(ListDetailPane):
    """The list of entries (one line each) and the chosen one in full.

    A long game has thousands of events, so each event's sentence is made once per
    language and each row once: a filter key only picks among what is ready.
    """

    LIST_ID = "log-list"
    LIST_CLASS = RowList  # hundreds of rows, new on each filter key: only those on screen drawn
    DETAIL_ID = "log-detail"
    HEADING_ID = "log-heading"
    HEADING_KEY = "tui.log_heading"
    EMPTY_KEY = "tui.log_empty"
    HELP_KEY = "tui.log_help"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._lang = ""
        self._viewer = ""
        # Per event, oldest first: its kind and its sentence ("" : not shown to a learner).
        self._texts: list[tuple[str, str]] = []
        self._folded: list[str] = []  # each sentence in lower case, as the filter compares
        self._rows: dict[int, Option] = {}  # each entry's row, made when first listed
        self._drawn_words: str | None = None  # the filter words the list shows now
        self._labelled = ""  # the language of the filters' words

    def compose(self) -> ComposeResult:
        # Labelled in the language of the moment: the pane is built when first shown,
        # and a Select relabelled at once, before its own parts are built, would fail.
        self._labelled = self.lang
        with Horizontal(classes="log-filters"):
            yield LogFilter(
                self._filter_now, id="log-filter", placeholder=self.tr("tui.log_filter")
            )
            yield Select[str](self._kinds(), id="log-kind", allow_blank=False)
        yield from super().compose()

    def _kinds(self) -> list[tuple[Content, str]]:
        return [(plain(self.tr(f"tui.log_{k}")), k) for k in LOG_KINDS]

    # --- drawing ------------------------------------------------------------------------

    def update_view(self) -> None:
        if self._labelled != self.lang:  # a language switch since the last drawing
            self._labelled = self.lang
            kind = self.query_one("#log-kind", Select)
            current = str(kind.value) if kind.value in LOG_KINDS else "all"
            relabel(kind, [(str(label), k) for label, k in self._kinds()], current)
            self.query_one("#log-filter", Input).placeholder = self.tr("tui.log_filter")
        self._catch_up()
        self._drawn_words = self._words()
        super().update_view()

    def _catch_up(self) -> None:
        """Describe the events not described yet (all of them after a language switch)."""
        session = self.session
        # In a class game each group's log is its own: told from its point of view, and
        # made again when the laptop passes to another group.
        viewer = session.state.role if session.state.seats else ""
        if self._lang != self.lang or self._viewer != viewer:
            self._lang, self._viewer, self._texts, self._rows = self.lang, viewer, [], {}
            self._folded = []
        names = session.group_labels()
        for event in session.events[len(self._texts) :]:
            described = narrate.describe(
                event, session.content, session.state, self.lang, names=names
            )
            text = " ".join(line.strip() for line in described)
            self._texts.append((event.kind, text))
            self._folded.append(text.lower())

    def _words(self) -> str:
        return self.query_one("#log-filter", Input).value.strip().lower()

    def rows(self) -> list[Option]:
        kinds = LOG_KINDS.get(str(self.query_one("#log-kind", Select).value))
        words = self._words()
        rows: list[Option] = []
        hidden = 0
        folded = self._folded
        for index in range(len(self._texts) - 1, -1, -1):
            kind, text = self._texts[index]
            if not text or (kinds is not None and kind not in kinds):
                continue
            if words and words not in folded[index]:
                continue
            if len(rows) >= MAX_LOG_ROWS:
                hidden += 1
                continue
            row = self._rows.get(index)
            if row is None:
                stamp = self.tr("tui.turn_short", n=self.session.events[index].turn)
                row = self._rows[index] = Option(plain(f"{stamp}  {text}"), id=f"e{index}")
            rows.append(row)
        if hidden and rows:
            rows.append(Option(plain(self.tr("tui.log_more", n=hidden)), disabled=True))
        return rows

    def can_show(self, ident: str) -> bool:
        index = int(ident[1:])
        return index < len(self._texts) and bool(self._texts[index][1])

    def show_item(self, ident: str) -> None:
        index = int(ident[1:])
        event = self.session.events[index]
        content, lang = self.game_content, self.lang
        head = [
            self.tr(
                "tui.log_when", turn=event.turn, date=narrate.date_text(content, event.turn, lang)
            )
        ]
        kind = next((k for k, kinds in LOG_KINDS.items() if kinds and event.kind in kinds), "")
        if kind:
            head.append(self.tr("tui.log_kind", kind=self.tr(f"tui.log_{kind}")))
        who = self._who(event)
        if who:
            head.append(self.tr("tui.log_who", who=who))
        described = narrate.describe(
            event, content, self.state, lang, names=self.session.group_labels()
        )
        text = "\n".join(head) + "\n\n" + "\n".join(line.strip() for line in described)
        self.detail(linked(text, self.game.term_index()))

    def _who(self, event: Event) -> str:
        """Who took part in an entry, in words ("" when it names no one)."""
        names = self.session.group_labels()

        def name(actor: object) -> str:
            return narrate.actor_name(self.game_content, str(actor), self.lang, names)

        data = event.data
        if event.kind in (E.MESSAGE_SENT, E.MESSAGE_RECEIVED):
            message = self.state.messages[data["message"] - 1]
            return f"{name(message.sender)} → {', '.join(name(r) for r in message.recipients)}"
        for key in ("by", "provider", "actor"):
            if isinstance(data.get(key), str):
                return name(data[key])
        return ""

    # --- the filters -------------------------------------------------------------------

    def _filter_now(self, value: str) -> None:
        """Filter at once, in the handler of the key that changed the words."""
        if not self.is_mounted:
            return
        try:  # (query_one by id is cached by Textual; a query of every widget was not)
            self.query_one(f"#{self.LIST_ID}", RowList)
        except NoMatches:
            return  # the filter's first value, set before the list is built
        self.update_view()

    def on_input_changed(self, event: Input.Changed) -> None:
        # Already drawn by _filter_now when the change came from a key; this catches a
        # value set before the pane's parts were built.
        if event.value.strip().lower() != self._drawn_words:
            self.update_view()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.update_view()
