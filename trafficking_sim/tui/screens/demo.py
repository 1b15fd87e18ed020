"""Demo playback on screen: step through a game, or let it play at a chosen pace."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, Footer, Static

from ...content.logic import PILLARS
from ...play.demo import Playback, action_text, frame_lines
from ..localize import binding
from ..text import lines, plain
from .base import BaseScreen

PACES = (0.5, 1.0, 2.0, 3.0, 5.0, 8.0)


class DemoScreen(BaseScreen[None]):
    BINDINGS = [
        binding("right", "step(1)", "demo_next", key_display="→"),
        binding("left", "step(-1)", "demo_previous", key_display="←"),
        binding("space", "play", "demo_play"),
        binding("plus", "pace(-1)", "demo_faster", key_display="+", show=False),
        binding("minus", "pace(1)", "demo_slower", key_display="-", show=False),
        binding("home", "go(0)", "demo_previous", show=False),
        binding("end", "go(-1)", "demo_next", show=False),
        binding("escape", "app.pop_screen", "back"),
    ]

    def __init__(self, playback: Playback, pace: float = 2.0) -> None:
        super().__init__()
        self.playback = playback
        self.index = 0
        # The pace asked for (demo --pace) is one of the steps + and - move between.
        self.paces = tuple(sorted({*PACES, pace}))
        self.pace_index = self.paces.index(pace)
        self.timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="screen-title", classes="screen-title")
        with Vertical(id="demo"):
            yield Static(id="demo-action")
            with VerticalScroll(id="demo-events-box"):
                yield Static(id="demo-events")
            yield Static(id="demo-scores")
        with Horizontal(classes="buttons"):
            yield Button("◀", id="demo-previous")
            yield Button(id="demo-play", variant="primary")
            yield Button("▶", id="demo-next")
        yield Footer()

    def refresh_language(self) -> None:
        pb, lang = self.playback, self.lang
        frame = pb.frames[self.index]
        self.query_one("#screen-title", Static).update(
            plain(
                self.tr(
                    "demo.title",
                    scenario=pb.content.scenario.title.get(lang),
                    step=self.index,
                    steps=len(pb.frames) - 1,
                    turn=frame.state.turn,
                )
            )
        )
        role = pb.content.actors[frame.state.role].short_name.get(lang)
        self.query_one("#demo-action", Static).update(
            lines(self.tr("demo.done"), f"{role}: {action_text(frame.action, pb.content, lang)}")
        )
        happened = frame_lines(pb, self.index, lang) or [self.tr("demo.nothing")]
        self.query_one("#demo-events", Static).update(lines(self.tr("demo.happened"), *happened))
        scores = "  ".join(f"{self.tr(f'pillar.{p}')}: {frame.state.scores[p]}" for p in PILLARS)
        playing = (
            self.tr("demo.playing", pace=self.paces[self.pace_index])
            if self.timer is not None
            else self.tr("demo.stopped")
        )
        self.query_one("#demo-scores", Static).update(Content(f"{scores}\n{playing}"))
        self.query_one("#demo-play", Button).label = plain(self.tr("key.demo_play"))

    def action_step(self, delta: int) -> None:
        self.index = max(0, min(len(self.playback.frames) - 1, self.index + delta))
        if self.index == len(self.playback.frames) - 1:
            self._stop()
        self.refresh_language()

    def action_go(self, index: int) -> None:
        self.index = index % len(self.playback.frames)
        self.refresh_language()

    def action_play(self) -> None:
        if self.timer is not None:
            self._stop()
        else:
            if self.index == len(self.playback.frames) - 1:
                self.index = 0
            self.timer = self.set_interval(self.paces[self.pace_index], lambda: self.action_step(1))
        self.refresh_language()

    def action_pace(self, delta: int) -> None:
        self.pace_index = max(0, min(len(self.paces) - 1, self.pace_index + delta))
        if self.timer is not None:
            self._stop()
            self.action_play()
        self.refresh_language()

    def _stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "demo-previous":
            self.action_step(-1)
        elif event.button.id == "demo-next":
            self.action_step(1)
        elif event.button.id == "demo-play":
            self.action_play()
