"""The game screen: status always in view, five panes, and every action a key away."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.containers import Container
from textual.css.query import NoMatches
from textual.reactive import Reactive
from textual.widget import Widget

from ...content import Actor
from ...engine import AskPermission, EndTurn, Event
from ...engine import Message as EngineMessage
from ...engine import events as E
from ...i18n import tn
from ...play import narrate
from ..localize import binding
from ..messages import (
    ComposeRequested,
    ContactRequested,
    GameUpdated,
    PermissionRequested,
    ReplyRequested,
    RequestRequested,
    SienaToRequested,
)
from ..panes.base import PaneMixin
from ..panes.board import BoardPane
from ..panes.log import LogPane
from ..panes.partners import PartnersPane
from ..panes.progress import ObjectivesPane
from ..panes.siena import SienaPane
from ..panes.status import StatusBar
from ..widgets.steady_footer import SteadyFooter
from ..widgets.tab_row import TabRow
from .base import BaseScreen
from .dialogs import (
    BriefingDialog,
    ComposeDialog,
    ConfirmDialog,
    MessageDialog,
    PermissionDialog,
    RequestDialog,
    ShareDialog,
    StepDialog,
)

TABS = ("siena", "partners", "board", "objectives", "log")

PANES: dict[str, type[Widget]] = {
    "siena": SienaPane,
    "partners": PartnersPane,
    "board": BoardPane,
    "objectives": ObjectivesPane,
    "log": LogPane,
}

MAIN_WIDGET = {
    "siena": "#siena-list",
    "partners": "#partners-list",
    "board": "#board-list",
    "objectives": "#objectives-pane",
    "log": "#log-list",
}
"""What takes the focus when a pane is shown, so that the arrow keys work at once."""

# The panes' buttons and the command each is (as on its key and in the palette): a pane
# posts what the player asks for (tui/messages.py) and the screen acts on it with @on.
BUTTON_ACTIONS = {
    "siena-compose": "compose",
    "siena-reply": "reply",
    "siena-mode-button": "siena_view",
    "partner-request": "request",
    "partner-share": "contact",
    "partner-siena": "siena_selected",
    "fact-permission": "permission",
    "fact-siena": "siena_selected",
    "fact-share": "contact",
}

COMMANDS = (
    ("compose", "tui.compose"),
    ("reply", "tui.reply"),
    ("steps", "key.steps"),
    ("request", "tui.request"),
    ("contact", "tui.contact"),
    ("contact", "tui.share_fact"),
    ("siena_selected", "tui.siena_to"),
    ("siena_selected", "tui.send_fact"),
    ("permission", "tui.ask_permission"),
    ("end_turn", "key.end_turn"),
    ("siena_view", "key.siena_view"),
    ("briefing", "key.briefing"),
    ("to_title", "key.to_title"),
)
"""The palette's commands: (action, its name: the words on its button, where it has one)."""


class GameScreen(BaseScreen[None]):
    AUTO_FOCUS = ""
    """No selector (None would mean the app's "*"): Textual gives the one named here the
    focus whenever the screen comes back with the focus nowhere, shown or not, and the
    panes are hidden, not removed. on_screen_resume focuses the list on screen instead."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As on every Screen, but a move of the focus does not repaint the whole screen: the
    widgets it leaves and enters restyle and redraw themselves (and the containers that
    style the focus within them), so after a pane switch only the two lists are drawn
    again, not the whole screen a second time."""

    def __init__(self) -> None:
        super().__init__()
        self._warned: set[int] = set()  # pending items already said to come too late
        # A pane's contents are built the first time it is shown (most players never
        # open some panes in a turn), and only the pane on screen is redrawn after an
        # action: the others are marked stale and drawn when shown.
        self._panes: dict[str, PaneMixin] = {}
        self._drawn_role: str | None = None
        self._building: set[str] = set()  # mounted, not yet ready to draw
        self._shown_pane = TABS[0]

    BINDINGS = [
        binding("c", "compose", "compose"),
        binding("a", "steps", "steps"),
        binding("e", "end_turn", "end_turn"),
        binding("r", "request", "request", show=False),
        binding("d", "contact", "contact", show=False),
        binding("s", "siena_selected", "siena_selected", show=False),
        binding("R", "reply", "reply", show=False),
        binding("p", "permission", "permission", show=False),
        binding("v", "siena_view", "siena_view", show=False),
        binding("b", "briefing", "briefing", show=False),
        binding("1", "tab('siena')", "tab_siena", show=False),
        binding("2", "tab('partners')", "tab_partners", show=False),
        binding("3", "tab('board')", "tab_board", show=False),
        binding("4", "tab('objectives')", "tab_objectives", show=False),
        binding("5", "tab('log')", "tab_log", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        labels = [(tab, self._tab_label(number, tab)) for number, tab in enumerate(TABS, 1)]
        yield TabRow(labels, active=TABS[0], id="tabs")
        # Each pane in a plain container that is shown or hidden (``display``): the
        # container keeps the pane's place while the pane itself is not built yet.
        for tab in TABS:
            holder = Container(id=tab, classes="tab-pane")
            holder.display = tab == TABS[0]
            with holder:
                if tab == TABS[0]:  # shown first: built now, the others when shown
                    yield self._new_pane(tab)
        yield SteadyFooter()

    # --- drawing -----------------------------------------------------------------------

    def _tab_label(self, number: int, tab: str) -> str:
        return f"{number} {self.tr(f'tui.tab_{tab}')}"

    def refresh_language(self) -> None:
        row = self.query_one("#tabs", TabRow)
        for number, tab in enumerate(TABS, 1):
            row.set_label(tab, self._tab_label(number, tab))  # drawn as plain text
        self.update_panes()

    def on_mount(self) -> None:
        session = self.game.session
        if self.game.classroom is not None:
            self.set_interval(1.0, self._tick)  # the class's clock, always moving
            return  # a class game: each group's news comes after its hand-over screen
        if session is not None and not session.actions:
            # A new game: the briefing first, then what happens at the start, as every
            # later turn does (the briefing is pushed last, so it is read first).
            self.call_later(self._tell, list(session.events))
            self.call_later(self.app.push_screen, BriefingDialog())

    def on_screen_resume(self) -> None:
        """Back on top (a dialog closed, the game just shown) with the focus nowhere: the
        list of the pane on screen takes it, never that of a hidden pane, where arrows and
        Enter would act out of sight (the focus is lost so when the terminal loses it and a
        dialog comes and goes meanwhile)."""
        if self.focused is None:
            self._focus_pane(self._shown_pane)

    def _tick(self) -> None:
        classroom = self.game.classroom
        if classroom is None or self.game.session is None or self.app.screen is not self:
            return
        self.query_one(StatusBar).update_view()
        left = classroom.turn_remaining()
        if left is not None and left <= 0 and not classroom.turn_warned:
            classroom.turn_warned = True
            self.say(self.tr("trainer.turn_over"), severity="warning", timeout=10)

    def _new_pane(self, tab: str) -> Widget:
        pane = PANES[tab](id=f"{tab}-pane")
        assert isinstance(pane, PaneMixin)
        self._panes[tab] = pane
        return pane

    def update_panes(self) -> None:
        """Redraw the status and the pane on screen; mark the other built panes stale."""
        if self.game.session is None:
            return
        self.query_one(StatusBar).update_view()
        shown = self._shown()
        # When the laptop passes to another group, every pane is drawn for it at once:
        # nothing of the last group's view may wait, hidden, to be shown for a moment.
        role = self.session.state.role
        everything = role != self._drawn_role
        self._drawn_role = role
        for tab, pane in self._panes.items():
            if tab in self._building:
                continue  # drawn once it is in place (_built)
            if tab == shown or everything:
                pane.draw()
            else:
                pane.stale = True

    @on(TabRow.Changed, "#tabs")
    def _tab_chosen(self, message: TabRow.Changed) -> None:
        """A label clicked, or an arrow key on the tab row: the focus stays on the row."""
        self._show(message.tab)

    def _show(self, tab: str) -> None:
        """Show the pane of ``tab`` and hide the one shown: build it the first time,
        redraw it when it is stale."""
        row = self.query_one("#tabs", TabRow)
        hidden = self._shown_pane
        row.active = tab
        self._shown_pane = tab
        if hidden != tab:
            self.query_one(f"#{hidden}", Container).display = False
            self.query_one(f"#{tab}", Container).display = True
        if tab not in self._panes:
            mounting = self.query_one(f"#{tab}", Container).mount(self._new_pane(tab))
            self._building.add(tab)
            self.call_later(self._built, tab, mounting)
            return
        pane = self._panes[tab]
        if pane.stale and tab not in self._building and self.ready and self.game.session:
            pane.draw()

    async def _built(self, tab: str, mounting: Awaitable[None]) -> None:
        """A pane shown for the first time is in place: draw it, and give its list the
        focus if the player chose it by its key (the focus is nowhere then)."""
        await mounting
        self._building.discard(tab)
        if self.ready and self.game.session is not None:
            self._panes[tab].draw()
        if self.focused is None and self._shown_pane == tab:
            self._focus_pane(tab)

    @on(GameUpdated)
    def _game_updated(self, message: GameUpdated) -> None:
        if not self.ready:
            return
        self.game_update(message.events, message.role, message.seen)
        if message.ended:  # its debrief comes over this action's news
            self.game.call_after_refresh(self.game.show_debrief)

    def game_update(self, events: list[Event], role: str, seen: int) -> None:
        self.update_panes()
        state = self.session.state
        if state.seats and any(e.kind in (E.SEAT_PASSED, E.TURN_STARTED) for e in events):
            # Another group's turn: hide this one's screen until they are ready.
            from .trainer import HandOverScreen

            if not state.over:
                self.app.push_screen(HandOverScreen(state.role), self.game._handed_over)
                return
        self._tell(events)
        self._warn_too_late()
        self._mark_seen(role, seen)

    def _warn_too_late(self) -> None:
        """Say once, when it is set off, that a reply cannot arrive before the game ends."""
        state = self.session.state
        last = self.session.content.scenario.max_turns
        for item in state.pending:
            if item.kind not in ("reply", "grant") or item.get("to", state.role) != state.role:
                continue
            if item.due <= last or item.seq in self._warned:
                continue
            self._warned.add(item.seq)
            sender = item.get("sender") if item.kind == "reply" else item.get("provider")
            self.say(
                self.tr(
                    "tui.late_warning",
                    max=last,
                    who=narrate.actor_name(self.session.content, str(sender), self.lang),
                    turn=item.due,
                ),
                severity="warning",
                timeout=10,
            )

    def _mark_seen(self, role: str | None = None, seen: int | None = None) -> None:
        """The group's news up to now (or up to its action ``seen``) has been shown."""
        classroom = self.game.classroom
        if classroom is not None:
            role = self.session.state.role if role is None else role
            classroom.seen[role] = len(self.session.events) if seen is None else seen

    def show_unseen(self) -> None:
        """What happened since this group last played, as one summary when it sits down."""
        session = self.session
        classroom = self.game.classroom
        start = classroom.seen.get(session.state.role, 0) if classroom else 0
        self._mark_seen()
        self.update_panes()
        # Nothing of the last group's place stays: a button it left focused would act
        # for this group on its first Enter.
        self.query_one("#tabs", TabRow).focus()
        lines = [
            line
            for event in session.events[start:]
            if event.kind not in (E.SEAT_PASSED, E.TURN_STARTED)
            for line in narrate.describe(
                event, session.content, session.state, self.lang, names=session.group_labels()
            )
        ]
        title = self.tr(
            "trainer.your_turn",
            group=session.group_name(session.state.role),
            turn=session.state.turn,
            date=narrate.date_text(session.content, session.state.turn, self.lang),
        )
        self.app.push_screen(
            MessageDialog(
                title, "\n".join(lines) or self.tr("trainer.nothing_new"), linked_terms=True
            ),
            lambda _: self.ask_decisions(set()),
        )

    def ask_decisions(self, postponed: set[int]) -> None:
        """Requests made to this group's role, one after the other: the group decides."""
        from ...engine.actions import Decide
        from ...engine.decisions import waiting_for
        from .trainer import DecisionDialog

        state = self.session.state
        waiting = [m for m in waiting_for(state, state.role) if m.id not in postponed]
        if not waiting or state.over:
            return
        request = waiting[0].id

        def decided(answer: tuple[str, str] | None) -> None:
            if answer is None:
                postponed.add(request)
            else:
                self.game.perform(Decide(request, answer[0], answer[1]))
            self.ask_decisions(postponed)

        self.app.push_screen(DecisionDialog(request), decided)

    def _tell(self, events: list[Event]) -> None:
        """Show what an action made happen: a summary for a new turn, toasts otherwise."""
        session = self.session
        lines = [
            line
            for event in events
            if event.kind != E.TURN_STARTED  # the dialog's title says it already
            for line in narrate.describe(
                event, session.content, session.state, self.lang, names=session.group_labels()
            )
        ]
        if not lines:
            return
        if any(e.kind == E.TURN_STARTED for e in events):
            self.app.push_screen(
                MessageDialog(
                    self.tr(
                        "tui.turn_summary",
                        turn=session.state.turn,
                        date=narrate.date_text(session.content, session.state.turn, self.lang),
                    ),
                    "\n".join(lines),
                    linked_terms=True,
                )
            )
            return
        # At most one toast for what happened and one for a refusal: a pile of toasts
        # would cover the panes, and the Log keeps every line anyway.
        in_dialog = self.app.screen is not self
        refused: list[str] = []
        news: list[str] = []
        title = ""
        for event in events:
            described = narrate.describe(
                event, session.content, session.state, self.lang, names=session.group_labels()
            )
            if not described:
                continue
            text = "\n".join(described)
            if event.kind == E.ACTION_REFUSED and not in_dialog:
                refused.append(text)
            elif event.kind in (E.MESSAGE_RECEIVED, E.INJECT):
                title = title or self.tr(
                    "tui.new_message" if event.kind == E.MESSAGE_RECEIVED else "tui.event"
                )
                news.append(text)
            elif event.kind in (
                E.OBJECTIVE_MET,
                E.SCORE_CHANGED,
                E.NARRATION,
                E.PERMISSION_GRANTED,
            ):
                news.append(text)
        if refused:
            self.say("\n".join(refused), severity="error", timeout=8)
        if news:
            self.say(
                "\n".join(news),
                title=title,
                severity="warning" if title else "information",
                timeout=8 if title else 6,
            )

    # --- actions ------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        if self._shown_pane == tab:
            self._focus_pane(tab)
            return
        self._show(tab)
        # The focus moves to the pane shown at once, in this handler: left inside the
        # pane being hidden, the next key would go to a list out of sight, and moved
        # later it would cost another layout of the screen. A pane shown for the first
        # time takes it when it is built.
        if tab in self._building:
            self.set_focus(None)
        else:
            self._focus_pane(tab)

    def _focus_pane(self, tab: str) -> None:
        """Focus the pane's list, unless the focus is in that pane already."""
        pane = self.query_one(f"#{tab}", Container)
        focused = self.focused
        if focused is not None and pane in focused.ancestors:
            return
        # A pane shown for the first time is still being built: it takes the focus
        # when it is ready (_built).
        with contextlib.suppress(NoMatches):
            # Widget.focus() moves it on the next turn of the loop, after the frame that
            # shows the pane: moved here, the restyling of the two lists came before
            # that frame and delayed it (measured: 56 ms against 71 ms to the frame).
            self.query_one(MAIN_WIDGET[tab]).focus(scroll_visible=False)

    def action_compose(
        self,
        to: tuple[str, ...] = (),
        facts: tuple[str, ...] = (),
        reply_to: int | None = None,
        subject: str = "",
    ) -> None:
        self.app.push_screen(ComposeDialog(to, facts, reply_to, subject))

    def action_steps(self) -> None:
        self.app.push_screen(StepDialog())

    def _shown(self) -> str:
        return self._shown_pane

    def _partner_in_view(self) -> Actor | None:
        """The partner selected on the Partners pane, when that pane is on screen; from
        anywhere else a dialog asks, rather than act on a selection out of sight."""
        if self._shown() != "partners":
            return None
        return self.query_one(PartnersPane).selected_actor()

    def _fact_in_view(self) -> str | None:
        if self._shown() != "board":
            return None
        return self.query_one(BoardPane).selected_fact()

    def _actor(self, partner: str | None) -> Actor | None:
        return self.session.content.actors.get(partner) if partner else None

    def action_request(self) -> None:
        self._request(self._partner_in_view())

    @on(RequestRequested)
    def _request_requested(self, message: RequestRequested) -> None:
        self._request(self._actor(message.partner))

    def _request(self, actor: Actor | None) -> None:
        self.app.push_screen(RequestDialog(actor.id if actor and actor.services else None))

    def action_contact(self) -> None:
        """Contact directly… (Partners) and Share directly… (Case board): one dialog."""
        self._contact(self._partner_in_view(), self._fact_in_view())

    @on(ContactRequested)
    def _contact_requested(self, message: ContactRequested) -> None:
        self._contact(self._actor(message.partner), message.fact)

    def _contact(self, actor: Actor | None, fact: str | None) -> None:
        me = self.session.content.actors[self.session.state.role]
        if not me.uses("direct"):
            self.say(self.tr("tui.no_direct"), severity="warning")
            return
        to = actor.id if actor is not None and actor.uses("direct") else None
        self.app.push_screen(ShareDialog(to, (fact,) if fact else ()))

    def action_siena_selected(self) -> None:
        """SIENA message… (Partners) and Send via SIENA… (Case board)."""
        self._siena_to(self._partner_in_view(), self._fact_in_view())

    @on(SienaToRequested)
    def _siena_to_requested(self, message: SienaToRequested) -> None:
        self._siena_to(self._actor(message.partner), message.fact)

    def _siena_to(self, actor: Actor | None, fact: str | None) -> None:
        self.action_compose(
            to=(actor.id,) if actor is not None and actor.uses("siena") else (),
            facts=(fact,) if fact else (),
        )

    @on(ComposeRequested)
    def _compose_requested(self, message: ComposeRequested) -> None:
        self.action_compose(to=message.to, facts=message.facts)

    @on(ReplyRequested)
    def _reply_requested(self, request: ReplyRequested) -> None:
        state = self.session.state
        self._reply(state.messages[request.message_id - 1] if request.message_id else None)

    def action_reply(self) -> None:
        shown = self._shown() == "siena"
        self._reply(self.query_one(SienaPane).selected_message() if shown else None)

    def _reply(self, message: EngineMessage | None) -> None:
        if message is None or message.sender == self.state_role():
            self.action_tab("siena")
            self.say(self.tr("tui.choose_message_first"))
            return
        subject = narrate.message_subject(self.session.content, message, self.lang)
        self.action_compose(
            to=(message.sender,),
            reply_to=message.id,
            subject=self.tr("tui.reply_subject", subject=subject) if subject else "",
        )

    def state_role(self) -> str:
        return self.session.state.role

    def action_permission(self) -> None:
        self._permission(self._fact_in_view())

    @on(PermissionRequested)
    def _permission_requested(self, message: PermissionRequested) -> None:
        self._permission(message.fact)

    def _permission(self, fact: str | None) -> None:
        knowledge = self.session.state.knowledge.get(self.state_role(), {})
        how = knowledge.get(fact) if fact else None
        needs = (
            how is not None
            and how.handling in ("H1", "H2")
            and how.source is not None
            and (fact, how.source) not in self.session.state.permissions
        )
        if fact is not None and needs:
            self.game.perform(AskPermission(fact))
            return
        self.app.push_screen(PermissionDialog(fact))

    def action_briefing(self) -> None:
        self.app.push_screen(BriefingDialog())

    def action_siena_view(self) -> None:
        self.action_tab("siena")
        self.query_one(SienaPane).cycle_mode()

    def action_end_turn(self) -> None:
        if self.session.state.over:
            self.game.show_debrief()
            return
        if self.session.state.ap > 0:
            self.app.push_screen(
                ConfirmDialog(
                    self.tr(
                        "tui.confirm_end_turn",
                        ap=tn("n.action_points", self.lang, self.session.state.ap),
                    )
                ),
                self._end_turn_confirmed,
            )
        else:
            self.game.perform(EndTurn())

    def _end_turn_confirmed(self, yes: bool | None) -> None:
        if yes:
            self.game.perform(EndTurn())

    def action_to_title(self) -> None:
        self.game.pop_to_title()

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Every game action, for the command palette, named as on its button or key."""
        named: set[str] = set()
        for ident, title in COMMANDS:
            name = self.tr(title)
            if name in named:
                continue  # two buttons of one command may share their words in a language
            named.add(name)
            yield SystemCommand(name, self.tr(f"cmd.{ident}"), getattr(self, f"action_{ident}"))
        for tab in TABS:
            yield SystemCommand(
                self.tr(f"tui.tab_{tab}"), self.tr("cmd.tab"), lambda tab=tab: self.action_tab(tab)
            )
