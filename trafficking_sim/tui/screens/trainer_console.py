"""The trainer's console of a networked class on the full screen.

Who is here and whose turn it is, the session's clock, what the groups do as they do it,
and every trainer control a key away (the footer names the most used; F1 lists all). Each
control is a row of the class log, written by classnet/desk.py, the same code the plain
console calls. A colon opens a command line that takes the plain console's commands.
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import TYPE_CHECKING, TextIO, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Input, RichLog, Select, Static

from ...classnet.desk import Reply, TrainerDesk
from ...classroom.phases import MAX_MINUTES
from ..localize import binding
from ..text import plain, plain_rich
from ..widgets.ticking import show
from .base import BaseModal, BaseScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...classnet.game import Applied
    from ...classnet.trainer import TrainerSeat

Choices = list[tuple[str, str]]
"""A choice's label (shown as plain text) and its value."""


class TrainerConsoleScreen(BaseScreen[None]):
    """The networked class as the trainer runs it."""

    # The footer has room at 80 columns for the keys a trainer needs most, in either
    # language: the clock (its two keys under one label), the pause of all play, an event,
    # chat, help and (the app's) quit. The other keys stay out of it rather than being cut
    # at its edge; F1 lists every key, these and those.
    BINDINGS = [
        binding("s", "control('phase_start')", "console_start"),
        binding("p", "control('phase_pause')", "console_pause"),
        binding("f", "freeze", "console_freeze"),
        binding("i", "inject", "console_inject"),
        binding("c", "chat", "console_chat"),
        binding("f1", "keys", "help"),
        binding("x", "extend", "console_extend", show=False),
        binding("k", "control('phase_skip')", "console_skip", show=False),
        binding("e", "end_turn", "console_end_turn", show=False),
        binding("r", "reveal", "console_reveal", show=False),
        binding("n", "note", "console_note", show=False),
        binding("t", "talk", "console_talk", show=False),
        binding("v", "present", "console_present", show=False),
        binding("g", "end_game", "console_end", show=False),
        binding("o", "code('revoke')", "console_revoke", show=False),
        binding("u", "code('reissue')", "console_reissue", show=False),
        binding("colon", "command", "console_command", show=False, key_display=":"),
        binding("escape", "leave_command", "back", show=False, key_display="Esc"),
    ]
    CLOCK_KEYS = ("console_start", "console_pause")
    """Shown together in the footer, under the label ``key.console_clock``."""

    def __init__(self, desk: TrainerDesk) -> None:
        super().__init__()
        self.desk = desk
        self._typed: TrainerSeat | None = None
        self.history: list[str] = []  # every line the log was given, in order
        self.debrief_opened = False

    def compose(self) -> ComposeResult:
        yield Static(id="console-title", classes="screen-title")
        with Horizontal(id="console-body"):
            with Vertical(id="console-side"):
                yield Static(id="console-turn")
                yield Static(id="console-timer")
                yield Static(id="console-presence")
            yield RichLog(id="console-log", wrap=True, min_width=20)
        yield Input(id="console-command")
        # Without the palette's key (ctrl+p still opens it, and F1 names it): its place is
        # worth more to the keys above at 80 columns.
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(1.0, self.refresh_side)  # the clock, and who has (dis)connected
        self.write(self.tr("console.intro"))
        self.query_one("#console-log", RichLog).focus()

    def refresh_language(self) -> None:
        self.desk.lang = self.desk.game.session.lang = self.lang  # (F2 switches it)
        if self._typed is not None:
            self._typed.lang = self._typed.desk.lang = self.lang
        title = self.desk.game.session.content.scenario.title.get(self.lang)
        self.query_one("#console-title", Static).update(
            plain(self.tr("console.title", title=title))
        )
        self.query_one("#console-command", Input).placeholder = self.tr("console.command_hint")
        self._group_clock_keys()
        self.refresh_side()

    def _group_clock_keys(self) -> None:
        """The clock's keys under one label in the language shown (a label of a group is
        not a binding's description, which the app translates on its own)."""
        group = Binding.Group(self.tr("key.console_clock"))
        mapping = self._bindings.key_to_bindings
        for key, bindings in mapping.items():
            mapping[key] = [
                replace(b, group=group) if b.id in self.CLOCK_KEYS else b for b in bindings
            ]
        self.refresh_bindings()

    def refresh_side(self) -> None:
        desk = self.desk
        # Every second (the clock): only what changed is drawn again (widgets/ticking.py).
        show(self.query_one("#console-turn", Static), plain(desk.turn_line()))
        timer = [desk.timer()]
        if desk.game.controls.input_paused:
            timer.append(self.tr("console.frozen"))
        show(self.query_one("#console-timer", Static), plain("\n".join(timer)))
        rows = [self.tr("console.groups")]
        for group in desk.presence():
            state = self.tr("classnet.connected" if group.connected else "classnet.not_connected")
            mark = "▶" if group.turn else " "
            rows.append(f"{mark} {group.name}: {state}")
        show(self.query_one("#console-presence", Static), plain("\n".join(rows)))

    # --- the log ------------------------------------------------------------------------------

    def write(self, *lines: str) -> None:
        log = self.query_one("#console-log", RichLog)
        for line in lines:
            self.history.append(line)
            log.write(plain_rich(line))  # text as written, wrapped: never markup

    def arrived(self, applied: list[Applied]) -> None:
        """Rows other processes wrote: the groups' actions, their chat, presence."""
        lines = self.desk.describe(applied)
        if not self.query("#console-log"):
            # The console is not drawn (being taken down as the program closes, with a
            # group's row just in): keep what it says, draw nothing.
            self.history.extend(lines)
            return
        self.write(*lines)
        self.refresh_side()
        self.released()

    def released(self) -> None:
        """Once the game has ended and the class debrief is released (by a key here, a
        typed 'end' or another trainer's device): open it, once."""
        from .trainer import ClassDebriefScreen

        if self.desk.game.controls.ended and not self.debrief_opened:
            self.debrief_opened = True
            self.app.push_screen(ClassDebriefScreen(self.desk.game.session))

    def reply(self, reply: Reply) -> None:
        if reply.code is None:
            self.write(*reply.lines)
        else:
            # A new code is shown once, in a dialog, and never kept in the console's log.
            from .dialogs import MessageDialog

            self.write(*(line for line in reply.lines if reply.code not in line))
            said = "\n".join(line for line in reply.lines if reply.code in line)
            self.app.push_screen(MessageDialog(self.tr("console.new_code_title"), plain(said)))
        self.refresh_side()

    def ask(
        self,
        title: str,
        choices: list[Choices],
        field: str | None,
        then: Callable[[list[str] | None], None],
    ) -> None:
        """A dialog for a control's arguments; ``then`` gets the chosen values (and the
        text typed, when there is a field)."""
        self.app.push_screen(ToolDialog(title, choices, field), then)

    def groups(self) -> Choices:
        return [(name, role) for role, name in self.desk.names.items()]

    # --- the controls -------------------------------------------------------------------------

    def action_control(self, name: str) -> None:
        self.reply(self.desk.control(name))

    def action_freeze(self) -> None:
        paused = self.desk.game.controls.input_paused
        self.action_control("input_resume" if paused else "input_pause")

    def action_extend(self) -> None:
        def extend(values: list[str] | None) -> None:
            if not values:
                return
            text = values[-1].strip()
            number = text.lstrip("+-")
            minutes = int(text) if number.isdigit() else 0
            if not 0 < abs(minutes) <= MAX_MINUTES:
                self.say(self.tr("console.bad_minutes", max=MAX_MINUTES), severity="warning")
                return
            self.reply(self.desk.control("phase_extend", minutes=minutes))

        self.ask(self.tr("console.extend_title"), [], self.tr("console.minutes_hint"), extend)

    def action_end_turn(self) -> None:
        self.reply(self.desk.end_turn())

    def action_inject(self) -> None:
        session = self.desk.game.session
        injects = [
            (i.title.get(self.lang), i.id)
            for i in session.content.injects.values()
            if i.id not in session.state.injected
        ]
        if not injects:
            self.say(self.tr("console.no_injects"), severity="warning")
            return

        def inject(values: list[str] | None) -> None:
            if values:
                self.reply(self.desk.inject(values[0]))

        self.ask(self.tr("console.inject_title"), [injects], None, inject)

    def action_reveal(self) -> None:
        session = self.desk.game.session
        facts = [(f.label.get(self.lang), f.id) for f in session.content.facts.values()]

        def reveal(values: list[str] | None) -> None:
            if values:
                self.reply(self.desk.reveal(values[0], values[1]))

        self.ask(self.tr("console.reveal_title"), [self.groups(), facts], None, reveal)

    def action_note(self) -> None:
        def note(values: list[str] | None) -> None:
            if values:
                self.reply(self.desk.note(values[-1]))

        self.ask(self.tr("console.note_title"), [], self.tr("trainer.note_placeholder"), note)

    def action_chat(self) -> None:
        targets = [(self.tr("seat.talk_to_all"), "all")]
        targets += [(self.tr("seat.talk_to", group=name), role) for name, role in self.groups()]

        def chat(values: list[str] | None) -> None:
            if values:
                self.reply(self.desk.chat(values[0], values[1]))

        self.ask(self.tr("console.chat_title"), [targets], self.tr("seat.talk_placeholder"), chat)

    def action_talk(self) -> None:
        self.write("", *self.desk.talk())

    def action_present(self) -> None:
        def present(values: list[str] | None) -> None:
            if values:
                self.app.push_screen(PresentScreen(self.desk, values[0]))

        self.ask(self.tr("console.present_title"), [self.groups()], None, present)

    def action_end_game(self) -> None:
        from .dialogs import ConfirmDialog

        def end(yes: bool | None) -> None:
            if not yes:
                return
            reply = self.desk.end()
            self.write(*reply.lines[:1])  # (the debrief itself opens on its own screen)
            self.refresh_side()
            self.released()

        self.app.push_screen(ConfirmDialog(self.tr("console.end_confirm")), end)

    def action_code(self, name: str) -> None:
        def code(values: list[str] | None) -> None:
            if values:
                self.reply(self.desk.code(name, values[0]))

        self.ask(self.tr(f"console.{name}_title"), [self.groups()], None, code)

    def action_keys(self) -> None:
        """Every key of the console in the log, those the footer leaves out too: the
        console's own, then the app's that work here."""
        self.write("", self.tr("console.keys"))
        for item in self.keys():
            shown = item.key_display or (item.key.upper() if len(item.key) > 1 else item.key)
            self.write(f"  {shown:<6} {self.tr(f'key.{item.id}')}")

    def keys(self) -> list[Binding]:
        """The console's keys (shown in the footer or not), then the app's it does not
        replace and the app allows here, in the order they are declared."""
        own = [b for b in self.BINDINGS if isinstance(b, Binding)]
        taken = {b.key for b in own}
        app = [
            b
            for b in self.app.BINDINGS
            if isinstance(b, Binding)
            and b.key not in taken
            and self.app.check_action(b.action, ()) is not False
        ]
        return [b for b in (*own, *app) if b.id]

    # --- the command line: the plain console's commands ----------------------------------

    def action_command(self) -> None:
        self.query_one("#console-command", Input).focus()

    def action_leave_command(self) -> None:
        self.query_one("#console-log", RichLog).focus()

    def on_input_submitted(self, message: Input.Submitted) -> None:
        from ...classnet.trainer import TrainerSeat

        line = message.value.strip()
        message.input.value = ""
        if not line:
            return
        word = line.split()[0].lower()
        if word == "watch":  # the rows come by themselves here; waiting would freeze the screen
            self.write(f"> {line}", self.tr("console.no_watch"))
            return
        if self._typed is None:
            out = cast("TextIO", _LogLines(self))
            self._typed = TrainerSeat(self.desk.game, out, lang=self.lang, echo=True)
        self._typed.say(f"> {line}")
        self._typed.handle(line)
        self.refresh_side()
        self.released()
        if self._typed.quit:
            self.app.exit()


class _LogLines(io.TextIOBase):
    """What the plain console writes, line by line, onto the console's log."""

    def __init__(self, screen: TrainerConsoleScreen) -> None:
        self.screen = screen
        self.partial = ""

    def write(self, text: str) -> int:
        self.partial += text
        *lines, self.partial = self.partial.split("\n")
        self.screen.write(*lines)
        return len(text)


class ToolDialog(BaseModal[list[str] | None]):
    """The arguments of one control: a choice or two, and a field to type in."""

    BINDINGS = [binding("escape", "close", "cancel")]

    def __init__(self, title: str, choices: list[Choices], field: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.field = field

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            for number, options in enumerate(self.choices):
                yield Select(
                    [(plain(label), value) for label, value in options],
                    id=f"tool-choice-{number}",
                    allow_blank=False,
                )
            if self.field is not None:
                yield Input(id="tool-text", placeholder=self.field)
            with Horizontal(classes="buttons"):
                yield Button(id="tool-ok", variant="primary")
                yield Button(id="tool-cancel")

    def on_mount(self) -> None:
        super().on_mount()
        if self.field is not None:
            self.query_one("#tool-text", Input).focus()
        elif self.choices:
            self.query_one("#tool-choice-0", Select).focus()

    def refresh_language(self) -> None:
        self.query_one("#tool-ok", Button).label = plain(self.tr("console.ok"))
        self.query_one("#tool-cancel", Button).label = plain(self.tr("tui.cancel"))

    def values(self) -> list[str] | None:
        values = [
            str(self.query_one(f"#tool-choice-{n}", Select).value) for n in range(len(self.choices))
        ]
        if self.field is not None:
            text = self.query_one("#tool-text", Input).value.strip()
            if not text:
                return None
            values.append(text)
        return values

    def on_input_submitted(self) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "tool-ok":
            self.submit()
        else:
            self.dismiss(None)

    def submit(self) -> None:
        values = self.values()
        if values is None:
            self.say(self.tr("console.need_text"), severity="warning")
            return
        self.dismiss(values)

    def action_close(self) -> None:
        self.dismiss(None)


class PresentScreen(BaseScreen[None]):
    """One group's cooperation map and decisions, full screen, for the projector."""

    BINDINGS = [
        binding("escape", "app.pop_screen", "back"),
        binding("r", "refresh_view", "console_refresh"),
    ]

    def __init__(self, desk: TrainerDesk, role: str) -> None:
        super().__init__()
        self.desk = desk
        self.role = role

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="present-scroll"):
            yield Static(id="present-text")
        yield Footer()

    def refresh_language(self) -> None:
        self.query_one("#present-text", Static).update(
            plain("\n".join(self.desk.present(self.role)))
        )
        self.query_one("#present-scroll").focus()

    def action_refresh_view(self) -> None:
        self.refresh_language()
