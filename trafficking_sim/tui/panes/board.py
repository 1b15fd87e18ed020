"""The case board: the facts you know, by kind, where each came from and when."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import Button
from textual.widgets.option_list import Option

from ...content.models import FACT_KINDS
from ...play import narrate
from ..messages import ContactRequested, PermissionRequested, SienaToRequested
from ..text import linked
from .list_detail import ListDetailPane


class BoardPane(ListDetailPane):
    LIST_ID = "board-list"
    DETAIL_ID = "fact-detail"
    HEADING_ID = "board-heading"
    HEADING_KEY = "tui.board_heading"
    BUTTONS = (
        ("fact-permission", "tui.ask_permission", "p"),
        ("fact-siena", "tui.send_fact", "s"),
        ("fact-share", "tui.share_fact", "d"),
    )
    EMPTY_KEY = "tui.board_empty"
    HELP_KEY = "tui.board_help"

    def rows(self) -> list[Option]:
        mine = self.state.knowledge.get(self.state.role, {})
        rows = []
        for kind in FACT_KINDS:
            facts = [f for f in mine if self.game_content.facts[f].kind == kind]
            if not facts:
                continue
            rows.append(Option(Content(self.tr(f"kind.{kind}").upper()), disabled=True))
            for fact_id in facts:
                fact = self.game_content.facts[fact_id]
                marks = " ⚑" if fact.personal_data else ""
                code = f" {mine[fact_id].handling}" if mine[fact_id].handling else ""
                rows.append(
                    Option(Content(f" ◆ {fact.label.get(self.lang)}{code}{marks}"), id=fact_id)
                )
        return rows

    def can_show(self, ident: str) -> bool:
        # A highlight can arrive after the laptop passed to another group (a class game):
        # a fact the group at the laptop does not hold is not shown.
        return ident in self.state.knowledge.get(self.state.role, {})

    def show_item(self, fact_id: str) -> None:
        fact = self.game_content.facts[fact_id]
        how = self.state.knowledge[self.state.role][fact_id]
        lang = self.lang
        origin = (
            narrate.actor_name(self.game_content, how.source, lang, self.session.group_labels())
            if how.source
            else self.tr("plain.own_work")
        )
        rows = [
            fact.label.get(lang),
            f"{self.tr(f'kind.{fact.kind}')}"
            + (f" · ⚑ {self.tr('personal_data')}" if fact.personal_data else ""),
            "",
            fact.text.get(lang),
            "",
            self.tr(
                "tui.fact_origin",
                origin=origin,
                turn=how.turn,
                date=narrate.date_text(self.game_content, how.turn, lang),
            ),
        ]
        restricted = how.handling in ("H1", "H2") and how.source is not None
        if how.handling:
            rows.append(self.tr("tui.msg_handling", text=self.tr(f"handling.{how.handling}")))
        granted = restricted and (fact_id, how.source) in self.state.permissions
        if granted:
            rows.append("✔ " + self.tr("tui.permission_granted"))
        self.detail(linked("\n".join(rows), self.game.term_index()))
        self.enable("fact-permission", restricted and not granted)
        me = self.game_content.actors[self.state.role]
        self.enable("fact-siena", me.uses("siena"))
        self.enable("fact-share", me.uses("direct"))

    def selected_fact(self) -> str | None:
        return self.selected

    # --- what the player asks for: the game screen acts on it --------------------------

    @on(Button.Pressed, "#fact-permission")
    def _permission_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(PermissionRequested(self.selected))

    @on(Button.Pressed, "#fact-siena")
    def _send_fact_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(SienaToRequested(fact=self.selected))

    @on(Button.Pressed, "#fact-share")
    def _share_fact_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(ContactRequested(fact=self.selected))
