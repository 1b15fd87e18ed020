"""The game screen: status always in view, five panes, and every action a key away."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult, SystemCommand
from textual.css.query import NoMatches
from textual.widgets import Button, Footer, TabbedContent, TabPane, Tabs

from ... import narrate
from ...engine import AskPermission, EndTurn, Event
from ...engine import events as E
from ..localize import binding
from ..panes.board import BoardPane
from ..panes.partners import PartnersPane
from ..panes.progress import LogPane, ObjectivesPane
from ..panes.siena import SienaPane
from ..panes.status import StatusBar
from ..text import plain
from .base import BaseScreen
from .dialogs import (
    ComposeDialog,
    ConfirmDialog,
    MessageDialog,
    RequestDialog,
    ShareDialog,
    StepDialog,
)

TABS = ("siena", "partners", "board", "objectives", "log")


class GameScreen(BaseScreen[None]):
    BINDINGS = [
        binding("c", "compose", "compose"),
        binding("a", "steps", "steps"),
        binding("e", "end_turn", "end_turn"),
        binding("r", "request", "request", show=False),
        binding("p", "permission", "permission", show=False),
        binding("v", "siena_view", "siena_view", show=False),
        binding("1", "tab('siena')", "tab_siena", show=False),
        binding("2", "tab('partners')", "tab_partners", show=False),
        binding("3", "tab('board')", "tab_board", show=False),
        binding("4", "tab('objectives')", "tab_objectives", show=False),
        binding("5", "tab('log')", "tab_log", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with TabbedContent(id="tabs"):
            with TabPane(self._tab_label(1, "siena"), id="siena"):
                yield SienaPane(id="siena-pane")
            with TabPane(self._tab_label(2, "partners"), id="partners"):
                yield PartnersPane(id="partners-pane")
            with TabPane(self._tab_label(3, "board"), id="board"):
                yield BoardPane(id="board-pane")
            with TabPane(self._tab_label(4, "objectives"), id="objectives"):
                yield ObjectivesPane(id="objectives-pane")
            with TabPane(self._tab_label(5, "log"), id="log"):
                yield LogPane(id="log-pane")
        yield Footer()

    # --- drawing -----------------------------------------------------------------------

    def _tab_label(self, number: int, tab: str) -> str:
        return f"{number} {self.tr(f'tui.tab_{tab}')}"

    def refresh_language(self) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        for number, tab in enumerate(TABS, 1):
            # Before the tabs are built, compose has given them the right labels already.
            with contextlib.suppress(NoMatches):
                tabs.get_tab(tab).label = plain(self._tab_label(number, tab))
        self.update_panes()

    def on_mount(self) -> None:
        session = self.game.session
        if self.game.classroom is not None:
            self.set_interval(1.0, self._tick)  # the class's clock, always moving
            return  # a class game: each group's news comes after its hand-over screen
        if session is not None and not session.actions:
            # A new game: show what happens at the start, as every later turn does.
            self.call_later(self._tell, list(session.events))

    def _tick(self) -> None:
        classroom = self.game.classroom
        if classroom is None or self.game.session is None or self.app.screen is not self:
            return
        self.query_one(StatusBar).update_view()
        left = classroom.turn_remaining()
        if left is not None and left <= 0 and not classroom.turn_warned:
            classroom.turn_warned = True
            self.say(self.tr("trainer.turn_over"), severity="warning", timeout=10)

    def update_panes(self) -> None:
        if self.game.session is None:
            return
        for pane in (StatusBar, SienaPane, PartnersPane, BoardPane, ObjectivesPane, LogPane):
            self.query_one(pane).update_view()

    def on_game_update(self, events: list[Event]) -> None:
        self.update_panes()
        state = self.session.state
        if state.seats and any(e.kind in (E.SEAT_PASSED, E.TURN_STARTED) for e in events):
            # Another group's turn: hide this one's screen until they are ready.
            from .trainer import HandOverScreen

            if not state.over:
                self.app.push_screen(HandOverScreen(state.role), self.game._handed_over)
                return
        self._tell(events)
        self._mark_seen()

    def _mark_seen(self) -> None:
        classroom = self.game.classroom
        if classroom is not None:
            classroom.seen[self.session.state.role] = len(self.session.events)

    def show_unseen(self) -> None:
        """What happened since this group last played, as one summary when it sits down."""
        session = self.session
        classroom = self.game.classroom
        start = classroom.seen.get(session.state.role, 0) if classroom else 0
        self._mark_seen()
        self.update_panes()
        # Nothing of the last group's place stays: a button it left focused would act
        # for this group on its first Enter.
        self.query_one("#tabs", TabbedContent).query_one(Tabs).focus()
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
            lambda _: self._ask_decisions(set()),
        )

    def _ask_decisions(self, postponed: set[int]) -> None:
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
            self._ask_decisions(postponed)

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
        in_dialog = self.app.screen is not self
        for event in events:
            described = narrate.describe(
                event, session.content, session.state, self.lang, names=session.group_labels()
            )
            if not described:
                continue
            text = "\n".join(described)
            if event.kind == E.ACTION_REFUSED and not in_dialog:
                self.say(text, severity="error", timeout=8)
            elif event.kind in (E.MESSAGE_RECEIVED, E.INJECT):
                self.say(
                    text,
                    title=self.tr("tui.new_message")
                    if event.kind == E.MESSAGE_RECEIVED
                    else self.tr("tui.event"),
                    severity="warning",
                    timeout=8,
                )
            elif event.kind in (
                E.OBJECTIVE_MET,
                E.SCORE_CHANGED,
                E.NARRATION,
                E.PERMISSION_GRANTED,
            ):
                self.say(text, timeout=6)

    # --- actions ------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab

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

    def action_request(self) -> None:
        actor = self.query_one(PartnersPane).selected_actor()
        if actor is None or not actor.services:
            self.action_tab("partners")
            self.say(self.tr("tui.choose_partner_first"))
            return
        self.app.push_screen(RequestDialog(actor.id))

    def action_permission(self) -> None:
        fact = self.query_one(BoardPane).selected_fact()
        if fact is None:
            self.action_tab("board")
            return
        self.game.perform(AskPermission(fact))

    def action_siena_view(self) -> None:
        self.action_tab("siena")
        self.query_one(SienaPane).cycle_mode()

    def action_end_turn(self) -> None:
        if self.session.state.over:
            self.game.show_debrief()
            return
        if self.session.state.ap > 0:
            self.app.push_screen(
                ConfirmDialog(self.tr("tui.confirm_end_turn", ap=self.session.state.ap)),
                self._end_turn_confirmed,
            )
        else:
            self.game.perform(EndTurn())

    def _end_turn_confirmed(self, yes: bool | None) -> None:
        if yes:
            self.game.perform(EndTurn())

    def action_title(self) -> None:
        self.game.pop_to_title()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id
        siena = self.query_one(SienaPane)
        partners = self.query_one(PartnersPane)
        board = self.query_one(BoardPane)
        actor = partners.selected_actor()
        fact = board.selected_fact()
        if button == "siena-compose":
            self.action_compose()
        elif button == "siena-reply":
            message = siena.selected_message()
            if message is not None:
                subject = narrate.message_subject(self.session.content, message, self.lang)
                self.action_compose(
                    to=(message.sender,),
                    reply_to=message.id,
                    subject=f"Re: {subject}" if subject else "",
                )
        elif button == "siena-mode-button":
            siena.cycle_mode()
        elif button == "partner-request" and actor is not None:
            self.app.push_screen(RequestDialog(actor.id))
        elif button == "partner-share" and actor is not None:
            self.app.push_screen(ShareDialog(actor.id))
        elif button == "partner-siena" and actor is not None:
            self.action_compose(to=(actor.id,))
        elif button == "fact-permission":
            self.action_permission()
        elif button == "fact-siena" and fact is not None:
            self.action_compose(facts=(fact,))
        elif button == "fact-share" and fact is not None:
            targets = [
                a
                for a in self.session.content.actors.values()
                if a.id != self.session.state.role and a.uses("direct")
            ]
            target = (
                actor.id
                if actor is not None and actor.uses("direct")
                else (targets[0].id if targets else None)
            )
            if target is not None:
                self.app.push_screen(ShareDialog(target, (fact,)))

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Every game action, for the command palette."""
        commands: list[tuple[str, Any]] = [
            ("compose", self.action_compose),
            ("steps", self.action_steps),
            ("end_turn", self.action_end_turn),
            ("request", self.action_request),
            ("permission", self.action_permission),
            ("siena_view", self.action_siena_view),
            ("to_title", self.action_title),
        ]
        for ident, callback in commands:
            yield SystemCommand(self.tr(f"key.{ident}"), self.tr(f"cmd.{ident}"), callback)
        for tab in TABS:
            yield SystemCommand(
                self.tr(f"tui.tab_{tab}"), self.tr("cmd.tab"), lambda tab=tab: self.action_tab(tab)
            )
