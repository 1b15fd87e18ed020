"""The SIENA pane: inbox, outbox and threads by case, and a message with its codes in words."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import Button
from textual.widgets.option_list import Option

from ...engine import Message
from ...play import narrate
from ...review.debrief_map import message_counts
from ..messages import ComposeRequested, ReplyRequested
from ..text import linked, plain
from ..widgets.tlabel import TLabel
from .list_detail import ListDetailPane

MODES = ("inbox", "outbox", "threads")


class SienaPane(ListDetailPane):
    """Messages the player sent or received, on every channel (SIENA, direct, requests)."""

    LIST_ID = "siena-list"
    DETAIL_ID = "siena-message"
    HEADING_ID = "siena-mode"
    BUTTONS = (
        ("siena-compose", "tui.compose", "c"),
        ("siena-reply", "tui.reply", "R"),
        ("siena-mode-button", "", ""),  # names the next view
    )
    NEEDS_ITEM = ("siena-reply",)
    EMPTY_KEY = "tui.no_messages"
    HELP_KEY = "tui.siena_help"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.mode = "inbox"
        self.read: set[int] = set()

    # --- which messages -----------------------------------------------------------------

    def shown_messages(self) -> list[Message]:
        state = self.state
        me = state.role
        mine = [m for m in state.messages if m.sender == me or me in m.recipients]
        if self.mode == "inbox":
            return [m for m in reversed(mine) if me in m.recipients]
        if self.mode == "outbox":
            return [m for m in reversed(mine) if m.sender == me]
        threads: dict[int, list[Message]] = {}
        for m in mine:
            threads.setdefault(m.thread, []).append(m)
        ordered = sorted(threads.values(), key=lambda ms: -ms[-1].id)
        return [m for thread in ordered for m in thread]

    def cycle_mode(self) -> None:
        self.mode = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self.update_view()

    # --- drawing ------------------------------------------------------------------------

    def update_view(self) -> None:
        sent, received = message_counts(self.state, self.state.role)
        count = {"inbox": received, "outbox": sent}.get(self.mode)
        heading = self.query_one("#siena-mode", TLabel)
        if count is None:
            heading.show(f"tui.siena_{self.mode}")
        else:
            heading.show(f"tui.siena_{self.mode}", n=count)
        following = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self.query_one("#siena-mode-button", Button).label = plain(self.tr(f"tui.show_{following}"))
        super().update_view()

    def rows(self) -> list[Option]:
        rows = []
        last_thread = None
        for m in self.shown_messages():
            if self.mode == "threads" and m.thread != last_thread:
                last_thread = m.thread
                heading = self.tr("tui.thread", n=m.thread, case=m.case or "-")
                rows.append(Option(Content(heading), disabled=True))
            rows.append(Option(self._line(m), id=f"m{m.id}"))
        return rows

    def _line(self, m: Message) -> Content:
        me = self.state.role
        incoming = me in m.recipients and m.sender != me
        mark = "●" if incoming and m.id not in self.read else " "
        arrow = "◀" if incoming else "▶"
        others = (m.sender,) if incoming else m.recipients
        names = self.session.group_labels()
        who = ", ".join(narrate.actor_name(self.game_content, a, self.lang, names) for a in others)
        title = narrate.message_title(self.game_content, m, self.lang, width=40)
        return Content(f"{mark}{arrow} #{m.id} {who}: {title}")

    def show_item(self, ident: str) -> None:
        message = self.state.messages[int(ident[1:]) - 1]
        self.read.add(message.id)
        self.enable("siena-reply", message.sender != self.state.role)
        self.detail(linked(self.render_message(message), self.game.term_index()))

    def render_message(self, m: Message) -> str:
        lines = narrate.message_lines(self.game_content, m, self.lang, self.session.group_labels())
        return "\n".join(lines)

    def selected_message(self) -> Message | None:
        if self.selected is None:
            return None
        return self.state.messages[int(self.selected[1:]) - 1]

    # --- what the player asks for: the game screen acts on it --------------------------

    @on(Button.Pressed, "#siena-compose")
    def _compose_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(ComposeRequested())

    @on(Button.Pressed, "#siena-reply")
    def _reply_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        message = self.selected_message()
        self.post_message(ReplyRequested(message.id if message else None))

    @on(Button.Pressed, "#siena-mode-button")
    def _next_view_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.cycle_mode()  # the pane's own business: nothing for the screen to do
