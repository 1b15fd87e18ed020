"""The debrief: the after-action review on screen, with the same content as the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Select, Static

from ...review.debrief import Debrief, best_reach_key, build_debrief, change_reason, verdict_word
from ...review.debrief_map import WIDTH, map_lines
from ..localize import binding
from ..text import linked, plain
from ..widgets.tlabel import TLabel
from .base import BaseScreen

if TYPE_CHECKING:
    from ...play.session import Session

EVERYONE = "*"
MAP_MARGIN = 5
"""Columns of the window the map cannot use: the scroll's padding and its scrollbar."""


class DebriefScreen(BaseScreen[None]):
    BINDINGS = [
        binding("n", "new_game", "new_game"),
        binding("t", "title", "to_title"),
        binding("x", "export", "export"),
        binding("escape", "back", "back_to_game"),
    ]

    def __init__(self, session: Session | None = None) -> None:
        """Without ``session``, the game just played; with one, a past game under review
        (which leaves the game in progress alone)."""
        super().__init__()
        self.reviewed = session
        self.debrief: Debrief | None = None
        self.searched = False

    @property
    def session(self) -> Session:
        return self.reviewed if self.reviewed is not None else super().session

    def compose(self) -> ComposeResult:
        with Vertical(id="debrief"):
            yield TLabel("tui.debrief_title", id="debrief-title", classes="screen-title")
            with VerticalScroll(id="debrief-scroll"):
                yield Static(id="debrief-text")
                yield Static(id="debrief-map", classes="map")
                yield Static(id="debrief-missed")
                yield Static(id="debrief-questions")
                with Horizontal(classes="timeline-filter"):
                    yield TLabel("debrief.s_timeline", id="timeline-heading")
                    yield Select[str]([(EVERYONE, EVERYONE)], id="timeline-who", allow_blank=False)
                yield Static(id="debrief-timeline")
            with Horizontal(classes="buttons"):
                yield Button(id="debrief-new", variant="primary")
                yield Button(id="debrief-export")
                yield Button(id="debrief-title-button")
                yield Button(id="debrief-back")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-scroll").focus()
        # The quick review now; when the best ending was last within reach comes from a
        # search, which runs in the background.
        self.run_worker(self._search, thread=True, exclusive=True, group="debrief")

    def _search(self) -> None:
        session = self.session
        result = build_debrief(session, self.lang, search=True)
        self.app.call_from_thread(self._searched, result)

    def _searched(self, result: Debrief) -> None:
        self.searched = True
        if result.lang == self.lang:
            self.debrief = result
        self.refresh_language()

    def _draw_map(self) -> None:
        """The map as wide as the scroll's text (the window less padding and scrollbar),
        so that Textual never wraps one of its lines in the middle of a name."""
        assert self.debrief is not None
        width = max(40, min(WIDTH, self.app.size.width - MAP_MARGIN))
        drawn = map_lines(self.debrief, width, self.session.state)
        self.query_one("#debrief-map", Static).update(
            Content("\n".join([self.tr("debrief.s_map"), "", *drawn]))
        )

    def on_resize(self) -> None:
        if self.debrief is not None:
            self._draw_map()

    def refresh_language(self) -> None:
        if self.debrief is None or self.debrief.lang != self.lang:
            self.debrief = build_debrief(self.session, self.lang, search=False)
            if self.searched:  # the language changed: redo the search's part too
                self.run_worker(self._search, thread=True, exclusive=True, group="debrief")
        d = self.debrief
        index = self.game.term_index()
        for ident, key in (
            ("#debrief-new", "tui.new_game"),
            ("#debrief-export", "debrief.export"),
            ("#debrief-title-button", "tui.to_title"),
            ("#debrief-back", "tui.back" if self.reviewed else "tui.back_to_game"),
        ):
            self.query_one(ident, Button).label = plain(self.tr(key))
        self.query_one("#debrief-text", Static).update(linked(self._summary(d), index))
        self._draw_map()
        self.query_one("#debrief-missed", Static).update(linked(self._missed(d), index))
        questions = [self.tr("debrief.s_questions"), ""]
        questions += [f"  {i}. {q}" for i, q in enumerate(d.questions, 1)]
        start = len(d.questions)
        questions += [f"  {start + i}. {q} ({s})" for i, (s, q) in enumerate(d.questions_seed, 1)]
        self.query_one("#debrief-questions", Static).update(linked("\n".join(questions), index))
        who = self.query_one("#timeline-who", Select)
        current = str(who.value) if who.value in d.actor_names else EVERYONE
        from ..widgets.marks import relabel

        relabel(
            who,
            [(self.tr("debrief.timeline_all"), EVERYONE)]
            + [(name, actor) for actor, name in d.actor_names.items()],
            current,
        )
        self._timeline()

    def _summary(self, d: Debrief) -> str:
        rows: list[str] = []
        if d.ending_rating:
            mark = {"best": "★★★", "good": "★★", "mixed": "★", "bad": "✘"}[d.ending_rating]
            rows += [f"{mark} {d.ending_title} ({self.tr(f'rating.{d.ending_rating}')})", ""]
            rows += [d.ending_text, *[f"  • {m}" for m in d.ending_meaning], ""]
            if d.rating_costs:
                rated = self.tr(
                    "event.rated",
                    rating=self.tr(f"rating.{d.ending_rating}"),
                    plot=self.tr(f"rating.{d.plot_rating}"),
                )
                rows += [rated, *[f"  {line.strip()}" for line in d.rating_costs], ""]
        else:
            rows += [self.tr("tui.not_ended"), ""]
        rows.append(self.tr("debrief.s_pillars"))
        for pillar in d.pillars:
            rows += ["", f"■ {pillar.name}: {pillar.score}"]
            if not pillar.changes:
                rows.append("    " + self.tr("tui.no_changes"))
            for change in pillar.changes:
                rows.append(
                    f"    {self.tr('tui.turn_short', n=change.turn)} "
                    f"{change.delta:+d}  {change_reason(change, self.lang)}"
                )
                if change.source:
                    rows.append(f"          {self.tr('event.source', source=change.source)}")
        if d.learning:
            rows += ["", self.tr("debrief.s_learning")]
            for lo in d.learning:
                rows += ["", f"{lo.seed} [{verdict_word(lo.verdict, self.lang)}] {lo.text}"]
                rows += [f"    • {s}" for s in lo.shown_by]
        return "\n".join(rows) + "\n"

    def _missed(self, d: Debrief) -> str:
        rows = ["", self.tr("debrief.s_missed"), ""]
        if d.never_found:
            rows.append("  • " + self.tr("debrief.never_found", facts=", ".join(d.never_found)))
        rows += ["  • " + self.tr(key, actor=a, fact=f) for a, f, key in d.never_passed]
        if d.reached_best:
            rows.append("  • " + self.tr("debrief.best_reached"))
        elif not self.searched:
            rows.append("  " + self.tr("debrief.searching"))
        else:
            rows.append("  • " + self.tr(best_reach_key(d), turn=d.best_reachable_until))
        return "\n".join(rows) + "\n"

    def _timeline(self) -> None:
        d = self.debrief
        assert d is not None
        who = str(self.query_one("#timeline-who", Select).value)
        rows = [
            f"{self.tr('tui.turn_short', n=m.turn)}  {m.text}"
            for m in d.timeline
            if who == EVERYONE or who in m.actors
        ]
        self.query_one("#debrief-timeline", Static).update(Content("\n".join(rows) or "-"))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "timeline-who" and self.debrief is not None:
            self._timeline()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "debrief-new": self.action_new_game,
            "debrief-export": self.action_export,
            "debrief-title-button": self.action_title,
            "debrief-back": self.action_back,
        }
        if event.button.id in actions:
            actions[event.button.id]()

    def action_export(self) -> None:
        """Write the report as HTML and Markdown to the reports folder, and say where."""
        from ...i18n import t
        from ...review.debrief_report import to_markdown
        from ...review.report_page import write_report_pair

        d = self.debrief
        if d is None:
            return
        path = write_report_pair(
            f"{self.session.content.id}-{d.role_id}",
            to_markdown(d),
            f"{t('debrief.report_title', d.lang)}: {d.scenario}",
            d.lang,
        )
        # Both files are written; the toast names both, the HTML first (it opens anywhere).
        files = f"{path}\n{path.with_suffix('.md')}"
        self.say(self.tr("tui.exported_both", files=files), timeout=10)

    def action_new_game(self) -> None:
        from .scenarios import ScenarioScreen

        self.game.pop_to_title()
        self.app.push_screen(ScenarioScreen())

    def action_title(self) -> None:
        self.game.pop_to_title()

    def action_back(self) -> None:
        self.app.pop_screen()
