"""Trainer mode: set up a class, run the seed's phases with a timer, pass the game from
group to group, and step in with the trainer's tools."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Input, Markdown, Select, SelectionList, Static

from ...classroom.league import league
from ...classroom.phases import clock_text
from ...classroom.state import MIN_CODE, Classroom
from ...engine.actions import Decide, TrainerInject, TrainerNote, TrainerReveal
from ...play import narrate
from ..localize import binding
from ..text import lines, plain
from ..widgets.tlabel import TLabel
from .base import BaseModal, BaseScreen

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ...content import GameContent
    from ...engine.events import Event
    from ...play.session import Session


class TrainerSetupScreen(BaseScreen[None]):
    """Choose the scenario and the roles the groups play (the rest: played by rules)."""

    BINDINGS = [binding("escape", "app.pop_screen", "back")]

    def compose(self) -> ComposeResult:
        yield TLabel("trainer.setup_title", id="screen-title", classes="screen-title")
        with VerticalScroll(id="setup"):
            yield TLabel("trainer.scenario", id="setup-scenario-label")
            yield Select[str]([("…", "")], id="setup-scenario", allow_blank=False)
            yield TLabel("trainer.roles", id="setup-roles-label")
            yield SelectionList[str](id="setup-roles")
            yield TLabel("trainer.setup_note", id="setup-note")
            with Horizontal(classes="tool-row"):
                yield TLabel("trainer.code_label", id="setup-code-label", classes="setup-label")
                yield Input(id="setup-code", password=True)
            with Horizontal(classes="tool-row"):
                yield Static(id="setup-minutes-label", classes="setup-label")
                yield Input(id="setup-minutes", type="integer", max_length=2)
        with Horizontal(classes="buttons"):
            yield Button(id="setup-start", variant="primary")
            yield Button(id="setup-back")
        yield Footer()

    def refresh_language(self) -> None:
        self.query_one("#setup-code", Input).placeholder = self.tr("trainer.code_placeholder")
        self.query_one("#setup-minutes-label", Static).update(
            plain(self.tr("trainer.minutes_label"))
        )
        self.query_one("#setup-minutes", Input).placeholder = self.tr("trainer.minutes_none")
        self.query_one("#setup-start", Button).label = plain(self.tr("trainer.start"))
        self.query_one("#setup-back", Button).label = plain(self.tr("tui.back"))
        catalogue = self._choices()
        select = self.query_one("#setup-scenario", Select)
        if not catalogue:
            return
        ids = {g.id for g in catalogue}
        asked = self._asked.id if self._asked is not None else self.game.config.scenario
        current = select.value if select.value in ids else None
        from ..widgets.marks import relabel

        relabel(
            select,
            [(g.scenario.title.get(self.lang), g.id) for g in catalogue],
            current or (asked if asked in ids else catalogue[0].id),
        )
        self._roles()

    _asked: GameContent | None = None  # a scenario asked for by path (trainer --scenario)
    _tried = False

    def _choices(self) -> list[GameContent]:
        """The bundled scenarios, with one given on the command line by path in its place
        (or added), so a trainer can run a scenario of their own."""
        catalogue = self.game.catalogue
        if catalogue is None:
            return []
        asked = self.game.config.scenario
        if asked and not self._tried and asked not in {g.id for g in catalogue}:
            self._tried = True
            from ...content import ContentError, find_scenario, load_game

            try:
                self._asked = load_game(find_scenario(asked))
            except (LookupError, ContentError) as exc:
                self.game.show_problem(self.tr("tui.cannot_open_scenario"), str(exc))
        if self._asked is None:
            return list(catalogue)
        return [self._asked, *(g for g in catalogue if g.id != self._asked.id)]

    def _content(self) -> GameContent | None:
        chosen = self.query_one("#setup-scenario", Select).value
        return next((g for g in self._choices() if g.id == chosen), None)

    def _roles(self) -> None:
        content = self._content()
        roles = self.query_one("#setup-roles", SelectionList)
        ticked = set(roles.selected)
        roles.clear_options()
        if content is None:
            return
        for role in content.roles:
            name = content.actors[role].name.get(self.lang)
            roles.add_option((plain(name), role, role in ticked or not ticked))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "setup-scenario":
            self.query_one("#setup-roles", SelectionList).clear_options()
            self._roles()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "setup-start":
            self.action_start()
        elif event.button.id == "setup-back":
            self.app.pop_screen()

    def action_start(self) -> None:
        content = self._content()
        if content is None:
            return
        chosen = set(self.query_one("#setup-roles", SelectionList).selected)
        seats = tuple(r for r in content.roles if r in chosen)
        if not seats:
            self.say(self.tr("trainer.no_groups"), severity="warning")
            return
        code = self.query_one("#setup-code", Input).value.strip()
        if len(code) < MIN_CODE:
            self.say(self.tr("trainer.code_short", n=MIN_CODE), severity="warning")
            self.query_one("#setup-code", Input).focus()
            return
        minutes_text = self.query_one("#setup-minutes", Input).value.strip()
        minutes = int(minutes_text) if minutes_text.isdigit() else 0
        names = {role: self.tr("trainer.group_n", n=i) for i, role in enumerate(seats, 1)}
        self.game.start_class(
            content, seats, names, secrets.randbelow(2**31), code, min(minutes, 60)
        )


class TrainerScreen(BaseScreen[None]):
    """The trainer's dashboard: the phases, the timer, what to say, the league."""

    BINDINGS = [
        binding("space", "toggle_timer", "timer"),
        binding("plus", "extend(1)", "extend", key_display="+"),
        binding("minus", "extend(-1)", "shorten", key_display="-", show=False),
        binding("n", "next_phase", "next_phase"),
        binding("b", "previous_phase", "previous_phase", show=False),
        binding("g", "play", "play"),
        binding("l", "league", "league", show=False),
        binding("t", "trainer_notes", "trainer_notes", show=False),
        binding("d", "class_debrief", "class_debrief", show=False),
        binding("escape", "play", "play", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="screen-title", classes="screen-title")
        with Horizontal(id="trainer"):
            yield Static(id="trainer-phases")
            with Vertical(id="trainer-main"):
                yield Static(id="trainer-timer")
                with VerticalScroll(id="trainer-say-box"):
                    yield Static(id="trainer-say")
                    yield Static(id="trainer-league")
        with Horizontal(classes="buttons"):
            yield Button(id="trainer-toggle", variant="primary")
            yield Button(id="trainer-next")
            yield Button(id="trainer-play")
            yield Button(id="trainer-debrief")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(1.0, self.refresh_timer)

    def on_screen_resume(self) -> None:
        self.refresh_language()

    @property
    def classroom(self) -> Classroom:
        assert self.game.classroom is not None
        return self.game.classroom

    def refresh_language(self) -> None:
        self.query_one("#screen-title", Static).update(
            plain(
                self.tr(
                    "trainer.title", scenario=self.session.content.scenario.title.get(self.lang)
                )
            )
        )
        self.query_one("#trainer-next", Button).label = plain(self.tr("trainer.next_phase"))
        self.query_one("#trainer-play", Button).label = plain(self.tr("trainer.play"))
        self.query_one("#trainer-debrief", Button).label = plain(self.tr("trainer.class_debrief"))
        self.refresh_timer()

    def refresh_timer(self) -> None:
        clock = self.classroom.clock
        rows = []
        for i, phase in enumerate(clock.plan):
            mark = "▶" if i == clock.index else " "
            rows.append(f"{mark} {self.tr(f'phase.{phase.id}')} ({phase.minutes} min)")
        self.query_one("#trainer-phases", Static).update(Content("\n".join(rows)))
        state = self.tr("trainer.running") if clock.running else self.tr("trainer.paused")
        over = self.tr("trainer.over") if clock.overrun() else ""
        self.query_one("#trainer-timer", Static).update(
            Content(
                f"{self.tr(f'phase.{clock.phase.id}')}: {clock_text(clock.remaining())} "
                f"[{state}] {over}".rstrip()
            )
        )
        self.query_one("#trainer-toggle", Button).label = plain(
            self.tr("trainer.pause" if clock.running else "trainer.start_timer")
        )
        scenario = self.session.content.scenario
        say = [self.tr(f"phase.say_{clock.phase.id}")]
        note = scenario.phase_notes.get(clock.phase.id)  # type: ignore[call-overload]
        if note is not None:
            say += ["", note.get(self.lang)]
        if clock.phase.id in ("simulation", "reflection") and scenario.trainer_notes:
            if self.classroom.show_notes:
                say += ["", self.tr("trainer.notes"), scenario.trainer_notes.get(self.lang)]
            else:
                say += ["", self.tr("trainer.notes_hidden")]
        game_state = self.session.state
        waiting = [game_state.messages[i - 1] for i in game_state.open_requests]
        if waiting:
            # A group that has not decided by the end of its next turn: the trainer does.
            late = sum(1 for m in waiting if game_state.turn > m.turn + 1)
            say += ["", self.tr("trainer.decisions_waiting", n=len(waiting), late=late)]
        self.query_one("#trainer-say", Static).update(lines(*say))
        board = self.query_one("#trainer-league", Static)
        board.display = self.classroom.show_league
        if self.classroom.show_league:
            rows = ["", self.tr("class.league")]
            for place, row in enumerate(league(self.session), 1):
                star = " ★" if row.special_task else ""
                rows.append(f"  {place}. {row.label}: {row.points}{star}")
            board.update(Content("\n".join(rows)))

    def action_toggle_timer(self) -> None:
        self.classroom.clock.toggle()
        self.refresh_timer()

    def action_extend(self, minutes: int) -> None:
        self.classroom.clock.extend(minutes)
        self.refresh_timer()

    def action_next_phase(self) -> None:
        self.classroom.clock.skip()
        self.refresh_timer()

    def action_previous_phase(self) -> None:
        self.classroom.clock.back()
        self.refresh_timer()

    def action_trainer_notes(self) -> None:
        self.classroom.show_notes = not self.classroom.show_notes
        self.refresh_timer()

    def action_league(self) -> None:
        self.classroom.show_league = not self.classroom.show_league
        self.refresh_timer()

    def action_play(self) -> None:
        self.game.show_class_game()

    def action_class_debrief(self) -> None:
        self.app.push_screen(ClassDebriefScreen())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        actions = {
            "trainer-toggle": self.action_toggle_timer,
            "trainer-next": self.action_next_phase,
            "trainer-play": self.action_play,
            "trainer-debrief": self.action_class_debrief,
        }
        if event.button.id in actions:
            actions[event.button.id]()


class HandOverScreen(BaseScreen[None]):
    """Between two groups: nothing of the last group's screen stays visible."""

    BINDINGS = [binding("enter", "ready", "ready")]
    AUTO_FOCUS = "#handover-ready"

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role

    def on_mount(self) -> None:
        # (BaseScreen's on_mount runs too: Textual calls each class's handler.)
        # The last group's notifications belong to the app and would outlive its screen.
        self.app.clear_notifications()
        self.set_interval(1.0, self.refresh_language)  # the clock keeps moving

    def compose(self) -> ComposeResult:
        with Center(id="handover"), Vertical(id="handover-panel"):
            yield Static(id="handover-text")
            yield Button(id="handover-ready", variant="primary")
        yield Footer()

    def refresh_language(self) -> None:
        session = self.session
        role = session.content.actors[self.role].name.get(self.lang)
        parts = [
            self.tr("trainer.handover", group=session.group_name(self.role)),
            role,
            "",
            self.tr(
                "trainer.handover_turn",
                turn=session.state.turn,
                max=session.content.scenario.max_turns,
            ),
        ]
        classroom = self.game.classroom
        if classroom is not None:
            parts.append(class_clock(classroom, self.lang, with_turn=False))
            if classroom.turn_minutes:
                parts.append(self.tr("trainer.turn_allowed", n=classroom.turn_minutes))
        self.query_one("#handover-text", Static).update(lines(*parts))
        self.query_one("#handover-ready", Button).label = plain(self.tr("trainer.ready"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_ready()

    def action_ready(self) -> None:
        self.dismiss(None)


def class_clock(classroom: Classroom, lang: str, *, with_turn: bool = True) -> str:
    """'Simulation 12:05 (running)', and the group's own turn time when there is a limit."""
    from ...i18n import t

    clock = classroom.clock
    state = t("trainer.running", lang) if clock.running else t("trainer.paused", lang)
    text = f"{t(f'phase.{clock.phase.id}', lang)}: {clock_text(clock.remaining())} ({state})"
    left = classroom.turn_remaining() if with_turn else None
    if left is not None:
        text += " · " + t("trainer.turn_clock", lang, time=clock_text(left))
    return text


class DecisionDialog(BaseModal[tuple[str, str] | None]):
    """A request made to the role this group plays: the group decides, not the game."""

    BINDINGS = [binding("escape", "later", "later")]
    AUTO_FOCUS = "#decision-note"

    def __init__(self, request: int) -> None:
        super().__init__()
        self.request = request

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(id="decision-title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(id="decision-text")
            yield Input(id="decision-note")
            with Horizontal(classes="buttons"):
                yield Button(id="decision-grant", variant="primary")
                yield Button(id="decision-refuse")
                yield Button(id="decision-more")
                yield Button(id="decision-later")

    def refresh_language(self) -> None:
        session, lang = self.session, self.lang
        content = session.content
        message = session.state.messages[self.request - 1]
        names = session.group_labels()
        service = content.actors[message.recipients[0]].services.get(message.service or "")
        self.query_one("#decision-title", Static).update(
            self.tr(
                "trainer.decision_title",
                id=message.id,
                asker=narrate.actor_name(content, message.sender, lang, names),
            )
        )
        rows = [narrate.text_of(content, message.subject_id, lang)]
        if service is not None:
            rows += ["", service.text.get(lang)]
        if message.facts:
            rows += ["", self.tr("tui.msg_attached")]
            rows += [
                f"  ◆ {content.facts[f].label.get(lang)}: {content.facts[f].text.get(lang)}"
                for f in message.facts
            ]
        if message.body:
            rows += ["", message.body]
        rows += ["", self.tr("trainer.decision_help")]
        self.query_one("#decision-text", Static).update(lines(*rows))
        self.query_one("#decision-note", Input).placeholder = self.tr("trainer.decision_note")
        for verdict in ("grant", "refuse", "more", "later"):
            self.query_one(f"#decision-{verdict}", Button).label = plain(
                self.tr(f"trainer.decision_{verdict}")
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        verdict = (event.button.id or "").removeprefix("decision-")
        note = self.query_one("#decision-note", Input).value.strip()
        if verdict == "later":
            self.dismiss(None)
        elif verdict in ("refuse", "more") and not note:
            self.say(self.tr("reason.decision_needs_words"), severity="warning")
            self.query_one("#decision-note", Input).focus()
        else:
            self.dismiss((verdict, note))

    def action_later(self) -> None:
        self.dismiss(None)


class TrainerCodeDialog(BaseModal[str | None]):
    """F6 asks for the trainer's code: the tools show the whole case, no group's business."""

    BINDINGS = [binding("escape", "close", "close")]
    AUTO_FOCUS = "#code-input"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield TLabel("trainer.code_prompt", id="code-title", classes="dialog-title")
            yield Input(id="code-input", password=True)
            with Horizontal(classes="buttons"):
                yield Button(id="code-ok", variant="primary")
                yield Button(id="code-cancel")

    def refresh_language(self) -> None:
        self.query_one("#code-ok", Button).label = plain(self.tr("trainer.code_ok"))
        self.query_one("#code-cancel", Button).label = plain(self.tr("tui.cancel"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "code-ok":
            self.dismiss(self.query_one("#code-input", Input).value)
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class TrainerToolsDialog(BaseModal[None]):
    """Bring in an event, give a group a fact, note something for the debrief, or look at
    the whole case. The class sees this too if the screen is projected: it says so."""

    BINDINGS = [binding("escape", "close", "close")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield TLabel("trainer.tools", id="tools-title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield TLabel("trainer.tools_warning", id="tools-warning")
                with Horizontal(classes="tool-row"):
                    yield Select[str]([], id="tool-inject", allow_blank=True)
                    yield Button(id="tool-inject-go")
                with Horizontal(classes="tool-row"):
                    yield Select[str]([], id="tool-actor", allow_blank=True)
                    yield Select[str]([], id="tool-fact", allow_blank=True)
                    yield Button(id="tool-reveal-go")
                with Horizontal(classes="tool-row"):
                    yield Input(id="tool-note")
                    yield Button(id="tool-note-go")
                with Horizontal(classes="tool-row"):
                    yield Select[int]([], id="tool-request", allow_blank=True)
                    yield Select[str]([("…", "script")], id="tool-verdict", allow_blank=False)
                    yield Button(id="tool-decide-go")
                yield Static(id="tools-case")
            with Horizontal(classes="buttons"):
                yield Button(id="tools-dashboard", variant="primary")
                yield Button(id="tools-close")

    def refresh_language(self) -> None:
        session, lang = self.session, self.lang
        content, state = session.content, session.state
        self.query_one("#tool-inject-go", Button).label = plain(self.tr("trainer.inject"))
        self.query_one("#tool-reveal-go", Button).label = plain(self.tr("trainer.reveal"))
        self.query_one("#tool-note-go", Button).label = plain(self.tr("trainer.note"))
        self.query_one("#tool-note", Input).placeholder = self.tr("trainer.note_placeholder")
        self.query_one("#tools-dashboard", Button).label = plain(self.tr("trainer.dashboard"))
        self.query_one("#tools-close", Button).label = plain(self.tr("tui.close"))
        self.query_one("#tool-inject", Select).set_options(
            [
                (plain(i.title.get(lang)), i.id)
                for i in content.injects.values()
                if i.id not in state.injected
            ]
        )
        self.query_one("#tool-inject", Select).prompt = self.tr("trainer.choose_inject")
        self.query_one("#tool-actor", Select).set_options(
            [(plain(session.group_name(r)), r) for r in state.played]
        )
        self.query_one("#tool-actor", Select).prompt = self.tr("trainer.choose_group")
        self.query_one("#tool-fact", Select).set_options(
            [(plain(f.label.get(lang)), f.id) for f in content.facts.values()]
        )
        self.query_one("#tool-fact", Select).prompt = self.tr("trainer.choose_fact")
        names = session.group_labels()
        waiting = [state.messages[i - 1] for i in state.open_requests]
        self.query_one("#tool-request", Select).set_options(
            [
                (
                    self.tr(
                        "trainer.decision_row",
                        id=m.id,
                        asker=narrate.actor_name(content, m.sender, lang, names),
                        agency=narrate.actor_name(content, m.recipients[0], lang, names),
                        service=narrate.text_of(content, m.subject_id, lang),
                        turn=m.turn,
                    ),
                    m.id,
                )
                for m in waiting
            ]
        )
        self.query_one("#tool-request", Select).prompt = self.tr("trainer.choose_request")
        verdicts = self.query_one("#tool-verdict", Select)
        current = verdicts.value if isinstance(verdicts.value, str) else "script"
        verdicts.set_options(
            [(self.tr(f"trainer.decide_{v}"), v) for v in ("script", "grant", "refuse")]
        )
        verdicts.value = current
        self.query_one("#tool-decide-go", Button).label = plain(self.tr("trainer.decide"))
        self._case()

    def _case(self) -> None:
        """Who knows what: the whole case, which no group sees."""
        session, lang = self.session, self.lang
        content, state = session.content, session.state
        rows = [self.tr("trainer.whole_case"), ""]
        for actor in content.actors.values():
            known = [content.facts[f].label.get(lang) for f in state.knowledge.get(actor.id, {})]
            who = (
                f"{session.group_name(actor.id)} ({actor.short_name.get(lang)})"
                if actor.id in state.played
                else actor.short_name.get(lang)
            )
            rows.append(f"■ {who}: {', '.join(known) or '-'}")
        waiting = [p for p in state.pending if p.kind in ("reply", "grant")]
        rows += ["", self.tr("trainer.waiting", n=len(waiting))]
        self.query_one("#tools-case", Static).update(Content("\n".join(rows)))

    def _done(self, events: Sequence[Event]) -> None:
        refused = [e for e in events if e.kind == "action_refused"]
        session = self.session
        if refused:
            text = narrate.describe(refused[0], session.content, session.state, self.lang)
            self.say("\n".join(text), severity="error")
        else:
            self.say(self.tr("trainer.done"))
        self.refresh_language()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id
        if button == "tool-inject-go":
            inject = self.query_one("#tool-inject", Select).value
            if isinstance(inject, str):
                self._done(self.game.perform(TrainerInject(inject)))
        elif button == "tool-reveal-go":
            actor = self.query_one("#tool-actor", Select).value
            fact = self.query_one("#tool-fact", Select).value
            if isinstance(actor, str) and isinstance(fact, str):
                self._done(self.game.perform(TrainerReveal(actor, fact)))
        elif button == "tool-note-go":
            note_input = self.query_one("#tool-note", Input)
            if note_input.value.strip():
                self._done(self.game.perform(TrainerNote(note_input.value)))
                note_input.value = ""
        elif button == "tool-decide-go":
            request = self.query_one("#tool-request", Select).value
            verdict = self.query_one("#tool-verdict", Select).value
            if isinstance(request, int) and isinstance(verdict, str):
                note = self.tr("trainer.refused_for_group") if verdict == "refuse" else ""
                self._done(self.game.perform(Decide(request, verdict, note, trainer=True)))
        elif button == "tools-dashboard":
            self.dismiss(None)
            self.game.show_trainer()
        elif button == "tools-close":
            self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class ClassDebriefScreen(BaseScreen[None]):
    """Every group's review side by side, exportable like a single debrief."""

    BINDINGS = [
        binding("x", "export", "export"),
        binding("escape", "app.pop_screen", "back"),
    ]

    def __init__(self, session: Session | None = None) -> None:
        """Without ``session``, the class game in progress; with one, a past class game."""
        super().__init__()
        self.reviewed = session

    @property
    def session(self) -> Session:
        return self.reviewed if self.reviewed is not None else super().session

    def compose(self) -> ComposeResult:
        yield TLabel("class.title", id="screen-title", classes="screen-title")
        with VerticalScroll(id="class-scroll"):
            yield Markdown(id="class-text")
        with Horizontal(classes="buttons"):
            yield Button(id="class-export", variant="primary")
            yield Button(id="class-back")
        yield Footer()

    def refresh_language(self) -> None:
        from ...classroom.class_debrief import class_debrief_markdown

        self.query_one("#class-export", Button).label = plain(self.tr("debrief.export"))
        self.query_one("#class-back", Button).label = plain(self.tr("tui.back"))
        self.query_one("#class-text", Markdown).update(
            class_debrief_markdown(self.session, self.lang)
        )
        self.query_one("#class-scroll").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "class-export":
            self.action_export()
        else:
            self.app.pop_screen()

    def action_export(self) -> None:
        from ...classroom.class_debrief import class_debrief_markdown
        from ...review.report_page import write_report_pair

        title = f"{self.tr('class.title')}: {self.session.content.scenario.title.get(self.lang)}"
        path = write_report_pair(
            f"class-{self.session.content.id}",
            class_debrief_markdown(self.session, self.lang),
            title,
            self.lang,
        )
        self.say(self.tr("debrief.exported", path=str(path)), timeout=10)
