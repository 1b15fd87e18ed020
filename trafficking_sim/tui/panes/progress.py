"""Objectives (yours and the shared ones) and the scores so far; the log of everything."""

from __future__ import annotations

import textwrap

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Log, Select, Static

from ... import narrate
from ...content.logic import PILLARS
from ...engine import events as E
from ..widgets.marks import relabel
from .base import PaneMixin


class ObjectivesPane(PaneMixin, VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static(id="objectives-text")

    def update_view(self) -> None:
        state, content, lang = self.state, self.content, self.lang
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
            self.tr("tui.scores_heading"),
        ]
        for pillar in PILLARS:
            rows.append(f"  {self.tr(f'pillar.{pillar}')}: {state.scores[pillar]}")
        last = [c for c in state.score_log][-3:]
        if last:
            rows += ["", self.tr("tui.last_changes")]
            for change in reversed(last):
                reason = narrate.reason_text(content, dict(change.reason), lang)
                rows.append(f"  {self.tr(f'pillar.{change.pillar}')} {change.delta:+d}: {reason}")
        self.query_one("#objectives-text", Static).update(Content("\n".join(rows)))


LOG_KINDS = {
    "all": None,
    "messages": {E.MESSAGE_SENT, E.MESSAGE_RECEIVED, E.PERMISSION_GRANTED},
    "events": {E.INJECT, E.NARRATION, E.TURN_STARTED, E.GAME_ENDED},
    "scores": {E.SCORE_CHANGED, E.ACTION_REFUSED, E.OBJECTIVE_MET},
    "facts": {E.FACTS_LEARNED, E.ACTION_DONE},
}


class LogPane(PaneMixin, Vertical):
    """Everything that happened, newest first, filtered by kind and by words."""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="log-filters"):
            yield Input(id="log-filter")
            yield Select[str]([(k, k) for k in LOG_KINDS], id="log-kind", allow_blank=False)
        yield Log(id="log", auto_scroll=False)

    def update_view(self) -> None:
        kind = self.query_one("#log-kind", Select)
        current = str(kind.value) if kind.value in LOG_KINDS else "all"
        relabel(kind, [(self.tr(f"tui.log_{k}"), k) for k in LOG_KINDS], current)
        self.query_one("#log-filter", Input).placeholder = self.tr("tui.log_filter")
        self.redraw()

    def redraw(self) -> None:
        session = self.session
        kinds = LOG_KINDS.get(str(self.query_one("#log-kind", Select).value))
        words = self.query_one("#log-filter", Input).value.strip().lower()
        rows: list[str] = []
        for event in reversed(session.events):
            if kinds is not None and event.kind not in kinds:
                continue
            described = narrate.describe(event, session.content, session.state, self.lang)
            if not described:
                continue
            text = " ".join(line.strip() for line in described)
            if words and words not in text.lower():
                continue
            rows.append(f"{self.tr('tui.turn_short', n=event.turn)}  {text}")
        log = self.query_one("#log", Log)
        width = max(30, (log.size.width or self.app.size.width) - 2)
        lines: list[str] = []
        for row in rows or [self.tr("tui.log_empty")]:
            lines += textwrap.wrap(row, width, subsequent_indent="     ") or [""]
        log.clear()
        log.write_lines(lines)
        log.scroll_home(animate=False)

    def on_resize(self) -> None:
        self.redraw()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.redraw()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.redraw()
