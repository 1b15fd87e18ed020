"""Choosing a role: the role card, with what you can and cannot do and why you need others."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import t
from ..localize import binding
from ..text import linked, plain
from ..widgets.tlabel import TLabel
from .chooser import ChooserScreen

if TYPE_CHECKING:
    from ...content import Actor, GameContent


class RoleScreen(ChooserScreen):
    LIST_ID, DETAIL_ID, CHOOSE = "role-list", "role-detail", "start"
    BUTTONS = (("start", "start"),)

    BINDINGS = [
        binding("escape", "app.pop_screen", "back"),
        binding("s", "start", "start"),
    ]

    def __init__(self, content: GameContent) -> None:
        super().__init__()
        self.content = content

    def title_label(self) -> TLabel:
        # Names the scenario, in the language of the moment.
        title = self.content.scenario.title.get
        return TLabel("tui.choose_role", id="screen-title", classes="screen-title", scenario=title)

    def refresh_language(self) -> None:
        self.query_one("#start", Button).label = plain(self.tr("tui.start"))
        self.query_one("#back", Button).label = plain(self.tr("tui.back"))
        options = self.query_one("#role-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for role in self.content.roles:
            options.add_option(
                Option(plain(self.content.actors[role].name.get(self.lang)), id=role)
            )
        options.highlighted = highlighted if highlighted is not None else 0
        options.focus()
        self.show(options.highlighted)

    def show(self, index: int | None) -> None:
        if index is None:
            return
        actor = self.content.actors[self.content.roles[index]]
        text = role_card_text(actor, self.lang)
        self.query_one("#role-detail", Static).update(linked(text, self.game.term_index()))

    def action_start(self) -> None:
        index = self.query_one("#role-list", OptionList).highlighted
        if index is not None:
            self.game.start_game(self.content, self.content.roles[index], self.game.config.seed)


def role_card_text(actor: Actor, lang: str) -> str:
    """A role card as the player reads it: who you are, what you can and cannot do, your
    special task and why you need the others (also the briefing's last part)."""
    card = actor.card
    assert card is not None
    channels = ", ".join(t(f"channel_long.{c}", lang) for c in sorted(actor.channels))
    return "\n".join(
        [
            actor.name.get(lang),
            "",
            card.who.get(lang),
            "",
            t("tui.you_can", lang),
            *[f"  ✔ {p.get(lang)}" for p in card.powers],
            "",
            t("tui.you_cannot", lang),
            *[f"  ✘ {p.get(lang)}" for p in card.limits],
            "",
            t("tui.channels", lang, channels=channels),
            "",
            "★ "
            + t("tui.special_task", lang, task=(actor.special_task or card.special_task).get(lang)),
            "",
            t("tui.why_others", lang, text=card.why_others.get(lang)),
            *(
                ["", t("tui.hints", lang)] + [f"  • {h.get(lang)}" for h in card.hints]
                if card.hints
                else []
            ),
        ]
    )
