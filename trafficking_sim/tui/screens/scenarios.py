"""Choosing a scenario: what each is about, how hard and long, which roles it offers."""

from __future__ import annotations

from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ..localize import binding
from ..text import lines, plain
from .chooser import ChooserScreen


class ScenarioScreen(ChooserScreen):
    LIST_ID, DETAIL_ID, TITLE_KEY = "scenario-list", "scenario-detail", "tui.choose_scenario"
    BUTTONS = (("choose", "choose"),)

    BINDINGS = [
        binding("escape", "app.pop_screen", "back"),
        binding("enter", "choose", "choose", show=False),
    ]

    def refresh_language(self) -> None:
        self.query_one("#choose", Button).label = plain(self.tr("tui.choose"))
        self.query_one("#back", Button).label = plain(self.tr("tui.back"))
        options = self.query_one("#scenario-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        catalogue = self.game.catalogue
        if catalogue is None:
            options.add_option(Option(plain(self.tr("tui.loading")), disabled=True))
            return
        for game in catalogue:
            options.add_option(Option(plain(game.scenario.title.get(self.lang)), id=game.id))
        if catalogue:
            options.highlighted = highlighted if highlighted is not None else 0
            options.focus()
        if self.game.catalogue_errors:
            self.say(self.tr("tui.some_scenarios_broken"), severity="warning")
        self.show(options.highlighted)

    def show(self, index: int | None) -> None:
        detail = self.query_one("#scenario-detail", Static)
        catalogue = self.game.catalogue or []
        if index is None or index >= len(catalogue):
            detail.update(plain(""))
            return
        s = catalogue[index].scenario
        game = catalogue[index]
        roles = ", ".join(game.actors[r].short_name.get(self.lang) for r in game.roles)
        parts = [
            s.title.get(self.lang),
            "",
            s.summary.get(self.lang),
            "",
            self.tr("tui.difficulty", level=self.tr(f"difficulty.{s.difficulty}")),
            self.tr("tui.duration", minutes=s.duration_minutes),
            self.tr("tui.roles_offered", roles=roles),
            "",
            s.fiction_note.get(self.lang),
        ]
        if s.content_note is not None:
            parts += ["", "⚠ " + self.tr("tui.content_note", note=s.content_note.get(self.lang))]
        detail.update(lines(*parts))

    def action_choose(self) -> None:
        catalogue = self.game.catalogue
        index = self.query_one("#scenario-list", OptionList).highlighted
        if not catalogue or index is None or index >= len(catalogue):
            return
        from .roles import RoleScreen

        self.app.push_screen(RoleScreen(catalogue[index]))
