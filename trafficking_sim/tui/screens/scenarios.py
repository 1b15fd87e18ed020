"""Choosing a scenario: what each is about, how hard and long, which roles it offers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..localize import binding
from ..text import lines, plain
from ..widgets.tlabel import TLabel
from .base import BaseScreen


class ScenarioScreen(BaseScreen[None]):
    BINDINGS = [
        binding("escape", "app.pop_screen", "back"),
        binding("enter", "choose", "choose", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield TLabel("tui.choose_scenario", id="screen-title", classes="screen-title")
        with Horizontal(classes="chooser"):
            yield OptionList(id="scenario-list", classes="chooser-list")
            with Vertical(classes="chooser-detail"):
                with VerticalScroll():
                    yield Static(id="scenario-detail")
                with Horizontal(classes="buttons"):
                    yield Button(id="choose", variant="primary")
                    yield Button(id="back")
        yield Footer()

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
        self._show(options.highlighted)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose()

    def _show(self, index: int | None) -> None:
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

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "choose":
            self.action_choose()
        elif event.button.id == "back":
            self.app.pop_screen()

    def action_choose(self) -> None:
        catalogue = self.game.catalogue
        index = self.query_one("#scenario-list", OptionList).highlighted
        if not catalogue or index is None or index >= len(catalogue):
            return
        from .roles import RoleScreen

        self.app.push_screen(RoleScreen(catalogue[index]))
