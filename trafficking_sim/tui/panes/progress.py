"""Objectives (yours and the shared ones) and the scores so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...content.logic import PILLARS
from ...engine.rating import PILLAR_FLOOR
from ...play import narrate
from .base import PaneMixin


class ObjectivesPane(PaneMixin, VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static(id="objectives-text")

    def update_view(self) -> None:
        state, content, lang = self.state, self.game_content, self.lang
        rows = [self.tr("tui.objectives_heading"), ""]
        for objective in content.objectives.values():
            if objective.owner not in ("shared", state.role):
                continue
            done = objective.id in state.objectives
            mark = "✔ " + self.tr("plain.done") if done else "○ " + self.tr("plain.open")
            owner = self.tr("shared") if objective.owner == "shared" else self.tr("you")
            star = " ★" if objective.special_task else ""
            rows.append(f"[{mark}] ({owner}{star}) {objective.text.get(lang)}")
        rows += [
            "",
            "★ " + self.tr("plain.star_note").removeprefix("* "),
            "",
            self.tr(
                "tui.scores_heading",
                start=self.game_content.scenario.scoring.start,
                floor=PILLAR_FLOOR,
            ),
        ]
        if state.seats:
            # A class game: the group's own points (its ledger), not the shared pillars
            # that every group's work moves.
            from ...classroom.league import ledger

            own = ledger(self.session, state.role)
            rows[-1] = self.tr("class.your_points", group=self.session.group_name(state.role))
            for pillar in PILLARS:
                rows.append(f"  {self.tr(f'pillar.{pillar}')}: {own.pillars[pillar]:+d}")
            rows.append(f"  {self.tr('class.points')}: {own.points}")
        else:
            for pillar in PILLARS:
                rows.append(f"  {self.tr(f'pillar.{pillar}')}: {state.scores[pillar]}")
        last = [c for c in state.score_log if not state.seats or c.by == state.role][-3:]
        if last:
            rows += ["", self.tr("tui.last_changes")]
            for change in reversed(last):
                reason = narrate.reason_text(
                    content, dict(change.reason), lang, self.session.group_labels()
                )
                rows.append(f"  {self.tr(f'pillar.{change.pillar}')} {change.delta:+d}: {reason}")
        self.query_one("#objectives-text", Static).update(Content("\n".join(rows)))
