"""The directory of agencies and partners: mandate, limits, speed, and the requests they take."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.widgets import Button
from textual.widgets.option_list import Option

from ...content import Actor
from ...engine.rules import DISTRUST_REFUSES
from ...i18n import tn
from ..messages import ContactRequested, RequestRequested, SienaToRequested
from ..text import linked
from .list_detail import ListDetailPane

CHANNEL_MARKS = {"siena": "S", "i24_7": "I", "direct": "D", "judicial": "J"}


class PartnersPane(ListDetailPane):
    LIST_ID = "partners-list"
    DETAIL_ID = "partner-detail"
    HEADING_ID = "partners-heading"
    HEADING_KEY = "tui.partners_heading"
    BUTTONS = (
        ("partner-request", "tui.request", "r"),
        ("partner-share", "tui.contact", "d"),
        ("partner-siena", "tui.siena_to", "s"),
    )

    def others(self) -> list[Actor]:
        return [a for a in self.game_content.actors.values() if a.id != self.state.role]

    def rows(self) -> list[Option]:
        rows = []
        labels = self.session.group_labels()  # a class game: roles other groups play
        for actor in self.others():
            marks = "".join(
                CHANNEL_MARKS[c]
                for c in ("siena", "i24_7", "direct", "judicial")
                if c in actor.channels
            )
            name = labels.get(actor.id) or actor.short_name.get(self.lang)
            # A partner whose trust the player broke is marked in the list too.
            wary = " ⚠" if self.state.distrust(actor.id) else ""
            rows.append(Option(Content(f"{name} [{marks}]{wary}"), id=actor.id))
        return rows

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

    def show_item(self, ident: str) -> None:
        actor = self.game_content.actors[ident]
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
        self.detail(linked("\n".join(rows), self.game.term_index()))
        self.enable("partner-request", bool(actor.services))
        self.enable("partner-share", me.uses("direct") and actor.uses("direct"))
        self.enable("partner-siena", actor.uses("siena"))
