"""The directory of agencies and partners: mandate, limits, speed, and the requests they take."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...content import Actor
from ...engine.rules import DISTRUST_REFUSES
from ...i18n import tn
from ..messages import ContactRequested, RequestRequested, SienaToRequested
from ..text import linked, plain
from ..widgets.tlabel import TLabel
from .base import PaneMixin

CHANNEL_MARKS = {"siena": "S", "i24_7": "I", "direct": "D", "judicial": "J"}


class PartnersPane(PaneMixin, Vertical):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.selected: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="pane-row"):
            with Vertical(classes="pane-list"):
                yield TLabel("tui.partners_heading", id="partners-heading", classes="pane-heading")
                yield OptionList(id="partners-list")
            with VerticalScroll(classes="pane-detail"):
                yield Static(id="partner-detail")
        with Horizontal(classes="buttons"):
            yield Button(id="partner-request", variant="primary")
            yield Button(id="partner-share")
            yield Button(id="partner-siena")

    def others(self) -> list[Actor]:
        return [a for a in self.game_content.actors.values() if a.id != self.state.role]

    def update_view(self) -> None:
        self.query_one("#partner-request", Button).label = plain(self.tr("tui.request") + " (r)")
        self.query_one("#partner-share", Button).label = plain(self.tr("tui.contact") + " (d)")
        self.query_one("#partner-siena", Button).label = plain(self.tr("tui.siena_to") + " (s)")
        options = self.query_one("#partners-list", OptionList)
        options.clear_options()
        actors = self.others()
        labels = self.session.group_labels()  # a class game: roles other groups play
        for actor in actors:
            marks = "".join(
                CHANNEL_MARKS[c]
                for c in ("siena", "i24_7", "direct", "judicial")
                if c in actor.channels
            )
            name = labels.get(actor.id) or actor.short_name.get(self.lang)
            # A partner whose trust the player broke is marked in the list too.
            wary = " ⚠" if self.state.distrust(actor.id) else ""
            options.add_option(Option(Content(f"{name} [{marks}]{wary}"), id=actor.id))
        ids = [a.id for a in actors]
        index = ids.index(self.selected) if self.selected in ids else 0
        if actors:
            options.highlighted = index
            self._show(actors[index])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "partners-list" and event.option.id:
            self._show(self.game_content.actors[event.option.id])

    def selected_actor(self) -> Actor | None:
        return self.game_content.actors.get(self.selected) if self.selected else None

    # --- what the player asks for: the game screen acts on it --------------------------

    @on(Button.Pressed, "#partner-request")
    def _request_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(RequestRequested(self.selected))

    @on(Button.Pressed, "#partner-share")
    def _contact_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(ContactRequested(partner=self.selected))

    @on(Button.Pressed, "#partner-siena")
    def _siena_to_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(SienaToRequested(partner=self.selected))

    def _show(self, actor: Actor) -> None:
        self.selected = actor.id
        me = self.game_content.actors[self.state.role]
        lang = self.lang
        rows = [actor.name.get(lang)]
        if actor.id in self.state.seats:
            group = self.session.group_label(actor.id)
            rows.append(self.tr("tui.played_by_group", group=group))
        elif actor.kind == "role":
            rows.append(self.tr("tui.played_by_rules"))
        if actor.profile is not None:
            rows += ["", actor.profile.mandate.get(lang)]
            if actor.profile.cannot:
                rows += ["", self.tr("tui.cannot_do")]
                rows += [f"  ✘ {c.get(lang)}" for c in actor.profile.cannot]
            if actor.profile.ask_instead is not None:
                rows += ["", "→ " + actor.profile.ask_instead.get(lang)]
        elif actor.card is not None:
            about = actor.card.about or actor.card.who
            rows += ["", about.get(lang)]
        rows += ["", self.tr("tui.reached_by")]
        for channel in sorted(actor.channels):
            usable = "✔" if me.uses(channel) else "✘"
            rows.append(f"  {usable} {self.tr(f'channel_long.{channel}')}")
        rows.append(
            self.tr(
                "tui.answers_in",
                normal=tn("n.turns", lang, actor.reply_delay.normal),
                urgent=tn("n.turns", lang, actor.reply_delay.urgent),
            )
        )
        broken = self.state.distrust(actor.id)
        if broken:
            key = "tui.trust_refuses" if broken >= DISTRUST_REFUSES else "tui.trust_reduced"
            rows.append("⚠ " + self.tr(key))
        if actor.services:
            rows += ["", self.tr("tui.requests_taken")]
            for service in actor.services.values():
                usable = "✔" if me.uses(service.channel) else "✘"
                rows.append(
                    f"  {usable} {service.label.get(lang)}"
                    f" ({self.tr(f'channel.{service.channel}')})"
                )
        rows += ["", self.tr("tui.channel_legend")]
        self.query_one("#partner-detail", Static).update(
            linked("\n".join(rows), self.game.term_index())
        )
        self.query_one("#partner-request", Button).disabled = not actor.services
        self.query_one("#partner-share", Button).disabled = not (
            me.uses("direct") and actor.uses("direct")
        )
        self.query_one("#partner-siena", Button).disabled = not actor.uses("siena")
