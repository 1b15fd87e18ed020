"""Objectives (yours and the shared ones) and the scores so far; the log of everything."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Input, Log, Select, Static

from ...content.logic import PILLARS
from ...engine import events as E
from ...engine.rating import PILLAR_FLOOR
from ...play import narrate
from ..text import plain
from ..widgets.marks import relabel
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


LOG_KINDS = {
    "all": None,
    "messages": {E.MESSAGE_SENT, E.MESSAGE_RECEIVED, E.PERMISSION_GRANTED},
    "events": {E.INJECT, E.NARRATION, E.TURN_STARTED, E.GAME_ENDED},
    "scores": {E.SCORE_CHANGED, E.ACTION_REFUSED, E.OBJECTIVE_MET},
    "facts": {E.FACTS_LEARNED, E.ACTION_DONE},
}


MAX_LOG_LINES = 600
"""Lines shown at once; older entries stay reachable through the filter."""


class LogFilter(Input):
    """The log's word filter: it tells the log as soon as its text changes.

    ``Input.Changed`` is a message, handled after the key's own handler and so drawn a
    frame later; calling back from the value's watcher, inside the key's handler, puts
    the typed letter and the filtered log on the same frame.
    """

    def __init__(self, on_edit: Callable[[str], None], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._on_edit = on_edit

    def watch_value(self, value: str) -> None:
        self._on_edit(value)


class WrappedLog(Log):
    """A Log for lines wrapped to its width already, shown in one go.

    Textual's Log measures the width of written lines in a thread and lays itself out
    again when the thread is done: on a filter key that thread competed with the frame
    showing the filtered log, and the log was drawn twice. Here the width is known.
    """

    def show_lines(self, lines: list[str], width: int) -> None:
        self.clear()
        self.write_lines(lines)
        self._width = width
        self.virtual_size = Size(width, self.line_count)

    def _update_size(self, updates: int, lines: list[str]) -> None:  # type: ignore[override]
        """No measuring thread: ``show_lines`` sets the width."""


class LogPane(PaneMixin, Vertical):
    """Everything that happened, newest first, filtered by kind and by words.

    A long game has thousands of events, so each event's sentence is made once per
    language and wrapped once per width; a key press only filters what is ready.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._lang = ""
        self._viewer = ""
        self._texts: list[tuple[str, str]] = []  # (event kind, sentence), oldest first
        self._wrapped: dict[tuple[int, int], list[str]] = {}
        self._width = 0
        self._drawn_words: str | None = None  # the filter words the log shows now
        self._labelled = ""  # the language of the filters' words
        self.stale = True

    def compose(self) -> ComposeResult:
        # Labelled in the language of the moment: the pane is built when first shown,
        # and a Select relabelled at once, before its own parts are built, would fail.
        self._labelled = self.lang
        with Horizontal(classes="log-filters"):
            yield LogFilter(
                self._filter_now, id="log-filter", placeholder=self.tr("tui.log_filter")
            )
            yield Select[str](self._kinds(), id="log-kind", allow_blank=False)
        yield WrappedLog(id="log", auto_scroll=False)

    def _kinds(self) -> list[tuple[Content, str]]:
        return [(plain(self.tr(f"tui.log_{k}")), k) for k in LOG_KINDS]

    def update_view(self) -> None:
        if self._labelled != self.lang:  # a language switch since the last drawing
            self._labelled = self.lang
            kind = self.query_one("#log-kind", Select)
            current = str(kind.value) if kind.value in LOG_KINDS else "all"
            relabel(kind, [(str(label), k) for label, k in self._kinds()], current)
            self.query_one("#log-filter", Input).placeholder = self.tr("tui.log_filter")
        self.stale = True
        if self.display and self.size.width:
            self.redraw()

    def _catch_up(self) -> None:
        """Describe the events not described yet (all of them after a language switch)."""
        session = self.session
        # In a class game each group's log is its own: told from its point of view, and
        # made again when the laptop passes to another group.
        viewer = session.state.role if session.state.seats else ""
        if self._lang != self.lang or self._viewer != viewer:
            self._lang, self._viewer, self._texts, self._wrapped = self.lang, viewer, [], {}
        names = session.group_labels()
        for event in session.events[len(self._texts) :]:
            described = narrate.describe(
                event, session.content, session.state, self.lang, names=names
            )
            text = " ".join(line.strip() for line in described)
            stamp = self.tr("tui.turn_short", n=event.turn)
            self._texts.append((event.kind, f"{stamp}  {text}" if text else ""))

    def redraw(self) -> None:
        self._catch_up()
        self.stale = False
        kinds = LOG_KINDS.get(str(self.query_one("#log-kind", Select).value))
        words = self.query_one("#log-filter", Input).value.strip().lower()
        self._drawn_words = words
        log = self.query_one("#log", WrappedLog)
        width = max(30, (log.size.width or self.app.size.width) - 2)
        lines: list[str] = []
        hidden = 0
        for index in range(len(self._texts) - 1, -1, -1):
            kind, text = self._texts[index]
            if not text or (kinds is not None and kind not in kinds):
                continue
            if words and words not in text.lower():
                continue
            if len(lines) >= MAX_LOG_LINES:
                hidden += 1
                continue
            key = (index, width)
            wrapped = self._wrapped.get(key)
            if wrapped is None:
                wrapped = self._wrapped[key] = wrap(text, width)
            lines += wrapped
        if hidden:
            lines.append(self.tr("tui.log_more", n=hidden))
        log.show_lines(lines or [self.tr("tui.log_empty")], width)
        log.scroll_home(animate=False)

    def on_show(self) -> None:
        if self.stale:
            self.redraw()

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._width = self.size.width
            self.redraw()

    def _filter_now(self, value: str) -> None:
        """Filter at once, in the handler of the key that changed the words."""
        if self.is_mounted and self.display and self.size.width:
            self.redraw()

    def on_input_changed(self, event: Input.Changed) -> None:
        # Already drawn by _filter_now when the change came from a key; this catches a
        # value set while the pane was hidden or not yet laid out.
        if event.value.strip().lower() != self._drawn_words:
            self.redraw()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.redraw()


def wrap(text: str, width: int, indent: str = "     ") -> list[str]:
    """Greedy word wrap, several times faster than textwrap for plain sentences."""
    if len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = indent + word
        while len(line) > width:  # a single word longer than the line
            lines.append(line[:width])
            line = indent + line[width:]
    lines.append(line)
    return lines
