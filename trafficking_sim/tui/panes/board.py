"""The case board: the facts you know, by kind, where each came from and when."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...content.models import FACT_KINDS
from ...play import narrate
from ..messages import ContactRequested, PermissionRequested, SienaToRequested
from ..text import linked, plain
from ..widgets.tlabel import TLabel
from .base import PaneMixin


class BoardPane(PaneMixin, Vertical):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.selected: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="pane-row"):
            with Vertical(classes="pane-list"):
                yield TLabel("tui.board_heading", id="board-heading", classes="pane-heading")
                yield OptionList(id="board-list")
            with VerticalScroll(classes="pane-detail"):
                yield Static(id="fact-detail")
        with Horizontal(classes="buttons"):
            yield Button(id="fact-permission", variant="primary")
            yield Button(id="fact-siena")
            yield Button(id="fact-share")

    def update_view(self) -> None:
        self.query_one("#fact-permission", Button).label = plain(
            self.tr("tui.ask_permission") + " (p)"
        )
        self.query_one("#fact-siena", Button).label = plain(self.tr("tui.send_fact") + " (s)")
        self.query_one("#fact-share", Button).label = plain(self.tr("tui.share_fact") + " (d)")
        mine = self.state.knowledge.get(self.state.role, {})
        options = self.query_one("#board-list", OptionList)
        options.clear_options()
        if not mine:
            options.add_option(Option(plain(self.tr("tui.board_empty")), disabled=True))
            self.selected = None
            self._show(None)
            return
        for kind in FACT_KINDS:
            facts = [f for f in mine if self.game_content.facts[f].kind == kind]
            if not facts:
                continue
            options.add_option(Option(Content(self.tr(f"kind.{kind}").upper()), disabled=True))
            for fact_id in facts:
                fact = self.game_content.facts[fact_id]
                marks = " ⚑" if fact.personal_data else ""
                code = f" {mine[fact_id].handling}" if mine[fact_id].handling else ""
                options.add_option(
                    Option(Content(f" ◆ {fact.label.get(self.lang)}{code}{marks}"), id=fact_id)
                )
        index = next(
            (i for i, o in enumerate(options.options) if o.id and o.id == self.selected), None
        )
        if index is None:
            index = next(i for i, o in enumerate(options.options) if not o.disabled)
        options.highlighted = index
        option = options.get_option_at_index(index)
        self._show(option.id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Headings (the kinds) have no id; a highlight on one leaves the detail as it is.
        # A highlight can arrive after the laptop passed to another group (a class game):
        # a fact the group at the laptop does not hold is not shown.
        mine = self.state.knowledge.get(self.state.role, {})
        if event.option_list.id == "board-list" and event.option.id in mine:
            self._show(event.option.id)

    def _show(self, fact_id: str | None) -> None:
        detail = self.query_one("#fact-detail", Static)
        permission = self.query_one("#fact-permission", Button)
        if fact_id is None:
            detail.update(plain(self.tr("tui.board_help")))
            for button in self.query(Button):
                button.disabled = True
            return
        self.selected = fact_id
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
        detail.update(linked("\n".join(rows), self.game.term_index()))
        permission.disabled = not restricted or granted
        me = self.game_content.actors[self.state.role]
        self.query_one("#fact-siena", Button).disabled = not me.uses("siena")
        self.query_one("#fact-share", Button).disabled = not me.uses("direct")

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
