"""The SIENA pane: inbox, outbox and threads by case, and a message with its codes in words."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...engine import Message
from ...play import narrate
from ...review.debrief_map import message_counts
from ..messages import ComposeRequested, ReplyRequested
from ..text import linked, plain
from ..widgets.tlabel import TLabel
from .base import PaneMixin

MODES = ("inbox", "outbox", "threads")


class SienaPane(PaneMixin, Vertical):
    """Messages the player sent or received, on every channel (SIENA, direct, requests)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.mode = "inbox"
        self.read: set[int] = set()
        self.selected: int | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="pane-row"):
            with Vertical(classes="pane-list"):
                yield TLabel(id="siena-mode", classes="pane-heading")
                yield OptionList(id="siena-list")
            with VerticalScroll(classes="pane-detail", id="siena-scroll"):
                yield Static(id="siena-message")
        with Horizontal(classes="buttons"):
            yield Button(id="siena-compose", variant="primary")
            yield Button(id="siena-reply")
            yield Button(id="siena-mode-button")

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
        self.query_one("#siena-compose", Button).label = plain(self.tr("tui.compose") + " (c)")
        self.query_one("#siena-reply", Button).label = plain(self.tr("tui.reply") + " (R)")
        following = MODES[(MODES.index(self.mode) + 1) % len(MODES)]
        self.query_one("#siena-mode-button", Button).label = plain(self.tr(f"tui.show_{following}"))
        messages = self.shown_messages()
        options = self.query_one("#siena-list", OptionList)
        options.clear_options()
        if not messages:
            options.add_option(Option(plain(self.tr("tui.no_messages")), disabled=True))
            self.selected = None
            self._show(None)
            return
        last_thread = None
        for m in messages:
            if self.mode == "threads" and m.thread != last_thread:
                last_thread = m.thread
                options.add_option(
                    Option(
                        Content(self.tr("tui.thread", n=m.thread, case=m.case or "-")),
                        disabled=True,
                    )
                )
            options.add_option(Option(self._line(m), id=f"m{m.id}"))
        index = next(
            (i for i, o in enumerate(options.options) if o.id == f"m{self.selected}"), None
        )
        if index is None:
            index = next(i for i, o in enumerate(options.options) if not o.disabled)
        options.highlighted = index
        self._show(self._message_at(index))

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

    def _message_at(self, index: int | None) -> Message | None:
        if index is None:
            return None
        options = self.query_one("#siena-list", OptionList)
        option = options.get_option_at_index(index)
        if option.id is None or not option.id.startswith("m"):
            return None
        number = int(option.id[1:])
        return self.state.messages[number - 1]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "siena-list":
            message = self._message_at(event.option_index)
            if message is not None:  # thread headings leave the view as it is
                self._show(message)

    def _show(self, message: Message | None) -> None:
        view = self.query_one("#siena-message", Static)
        reply = self.query_one("#siena-reply", Button)
        if message is None:
            view.update(plain(self.tr("tui.siena_help")))
            reply.disabled = True
            return
        self.selected = message.id
        if message.id not in self.read:
            self.read.add(message.id)
        reply.disabled = message.sender == self.state.role
        view.update(linked(self.render_message(message), self.game.term_index()))

    def render_message(self, m: Message) -> str:
        lines = narrate.message_lines(self.game_content, m, self.lang, self.session.group_labels())
        return "\n".join(lines)

    def selected_message(self) -> Message | None:
        if self.selected is None:
            return None
        return self.state.messages[self.selected - 1]

    # --- what the player asks for: the game screen acts on it --------------------------

    @on(Button.Pressed, "#siena-compose")
    def _compose_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(ComposeRequested())

    @on(Button.Pressed, "#siena-reply")
    def _reply_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(ReplyRequested(self.selected))

    @on(Button.Pressed, "#siena-mode-button")
    def _next_view_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.cycle_mode()  # the pane's own business: nothing for the screen to do
