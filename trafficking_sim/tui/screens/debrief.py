"""The debrief at the end: the ending, the pillars with their reasons, learning, questions."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Static

from ... import narrate
from ...content.logic import PILLARS
from ...engine.compiled import compile_condition
from ..localize import binding
from ..text import linked
from .base import BaseScreen


class _Frozen:
    """A read-only context for evaluating debrief evidence against the final state."""

    def __init__(self, state: object) -> None:
        self.state = state
        self.message = None

    def draw_percent(self) -> int:
        return 0


class DebriefScreen(BaseScreen[None]):
    BINDINGS = [
        binding("n", "new_game", "new_game"),
        binding("t", "title", "to_title"),
        binding("escape", "back", "back_to_game"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="debrief"):
            yield Static(id="debrief-title", classes="screen-title")
            with VerticalScroll(id="debrief-scroll"):
                yield Static(id="debrief-text")
            with Horizontal(classes="buttons"):
                yield Button(id="debrief-new", variant="primary")
                yield Button(id="debrief-title-button")
                yield Button(id="debrief-back")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-scroll").focus()

    def refresh_language(self) -> None:
        session = self.session
        content, state, lang = session.content, session.state, self.lang
        self.query_one("#debrief-title", Static).update(self.tr("tui.debrief_title"))
        self.query_one("#debrief-new", Button).label = self.tr("tui.new_game")
        self.query_one("#debrief-title-button", Button).label = self.tr("tui.to_title")
        self.query_one("#debrief-back", Button).label = self.tr("tui.back_to_game")
        rows: list[str] = []
        if state.ending is not None:
            ending = content.endings[state.ending]
            symbol = {"best": "★★★", "good": "★★", "mixed": "★", "bad": "✘"}[ending.rating]
            rows += [
                f"{symbol} {ending.title.get(lang)} ({self.tr(f'rating.{ending.rating}')})",
                "",
                ending.text.get(lang),
                "",
            ]
        else:
            rows += [self.tr("tui.not_ended"), ""]
        rows.append(self.tr("tui.pillars_heading"))
        for pillar in PILLARS:
            rows.append("")
            rows.append(f"■ {self.tr(f'pillar.{pillar}')}: {state.scores[pillar]}")
            changes = [c for c in state.score_log if c.pillar == pillar]
            if not changes:
                rows.append("    " + self.tr("tui.no_changes"))
            for change in changes:
                reason = narrate.reason_text(content, dict(change.reason), lang)
                rows.append(
                    f"    {self.tr('tui.turn_short', n=change.turn)} {change.delta:+d}  {reason}"
                )
                source = narrate.source_text(content, dict(change.source) or None, lang)
                if source:
                    rows.append(f"          {self.tr('event.source', source=source)}")
        debrief = content.scenario.debrief
        if debrief.learning_objectives:
            rows += ["", self.tr("tui.learning_heading")]
            ctx = _Frozen(state)
            for objective in debrief.learning_objectives:
                shown = [e for e in objective.evidence if compile_condition(e.if_)(ctx)]  # type: ignore[arg-type]
                if objective.evidence and len(shown) == len(objective.evidence):
                    verdict = "✔ " + self.tr("tui.lo_met")
                elif shown:
                    verdict = "◐ " + self.tr("tui.lo_partly")
                else:
                    verdict = "✘ " + self.tr("tui.lo_not_met")
                rows += ["", f"{objective.seed} [{verdict}] {objective.text.get(lang)}"]
                rows += [f"    • {e.text.get(lang)}" for e in shown]
        if debrief.questions:
            rows += ["", self.tr("tui.questions_heading")]
            for number, question in enumerate(debrief.questions, 1):
                rows.append(f"  {number}. {question.text.get(lang)}")
        self.query_one("#debrief-text", Static).update(
            linked("\n".join(rows), self.game.term_index())
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "debrief-new":
            self.action_new_game()
        elif event.button.id == "debrief-title-button":
            self.action_title()
        elif event.button.id == "debrief-back":
            self.action_back()

    def action_new_game(self) -> None:
        from .scenarios import ScenarioScreen

        self.game.pop_to_title()
        self.app.push_screen(ScenarioScreen())

    def action_title(self) -> None:
        self.game.pop_to_title()

    def action_back(self) -> None:
        self.app.pop_screen()
