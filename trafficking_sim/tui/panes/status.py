"""The always-visible lines: turn and time left, date, action points, role, how the case
stands, and the replies on their way with the turn each is due."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.widgets import Static

from ...engine import GameState
from ...i18n import tn
from ...play import narrate
from ...review.debrief_map import message_counts
from .base import PaneMixin


def my_objectives(state: GameState, objectives: Mapping[str, object]) -> list[str]:
    """The objectives this player works towards: theirs and the shared ones (as on the
    Objectives pane, so that the two counts agree)."""
    return [
        oid
        for oid, objective in objectives.items()
        if getattr(objective, "owner", "shared") in ("shared", state.role)
    ]


def on_the_way(state: GameState) -> list[tuple[int, str]]:
    """(turn due, sender) of each reply and permission coming to this player, soonest
    first."""
    return sorted(
        (p.due, str(p.get("sender") if p.kind == "reply" else p.get("provider")))
        for p in state.pending
        if p.kind in ("reply", "grant") and p.get("to", state.role) == state.role
    )


class StatusBar(PaneMixin, Static):
    def update_view(self) -> None:
        state, content, lang = self.state, self.game_content, self.lang
        role = content.actors[state.role].short_name.get(lang)
        session = self.game.session
        if state.seats and session is not None and state.role in session.group_names:
            role = f"{session.group_names[state.role]} · {role}"  # hot-seat: whose turn
        total = content.actors[state.role].action_points
        dots = "●" * state.ap + "○" * max(0, total - state.ap)
        # A group counts its own and the shared objectives, and waits for its own replies:
        # in a class, the others' progress is theirs to tell.
        mine = my_objectives(state, content.objectives)
        met = sum(1 for o in mine if o in state.objectives)
        if state.ending is not None:
            ending = content.endings[state.ending]
            case = self.tr(
                "tui.case_closed",
                title=ending.title.get(lang),
                rating=self.tr(f"rating.{ending.rating}"),
            )
        else:
            case = self.tr("tui.case_open", met=met, total=len(mine))
        last = content.scenario.max_turns
        coming = on_the_way(state)
        first = self.tr(
            "tui.status_line",
            turn=state.turn,
            max=last,
            date=narrate.date_text(content, state.turn, lang),
            dots=dots,
            ap=state.ap,
            total=total,
            role=role,
        )
        left = last - state.turn
        time_left = (
            self.tr("tui.last_turn")
            if left <= 0
            else self.tr("tui.turns_left", turns=tn("n.turns", lang, left))
        )
        second = self.tr(
            "tui.status_case",
            reference=content.scenario.case.reference,
            case=case,
            left=time_left,
        )
        # The same counts as the SIENA pane's inbox and outbox and the debrief.
        sent, received = message_counts(state, state.role)
        counts = self.tr("tui.status_messages", sent=sent, received=received)
        third = f"{counts} · {self._coming_line(coming, last, len(counts) + 3)}"
        text = f"{first}\n{second}\n{third}"
        classroom = self.game.classroom
        self.set_class(classroom is not None, "-class")
        if classroom is not None:
            # A class: the phase's clock and the group's own turn time, always in view.
            from ..screens.trainer import class_clock

            text += "\n⏱ " + class_clock(classroom, self.lang)
        self.update(Content(text))

    def _coming_line(self, coming: list[tuple[int, str]], last: int, taken: int = 0) -> str:
        if not coming:
            return self.tr("tui.on_the_way_none")
        width = max(40, (self.size.width or self.app.size.width) - 2 - taken)
        items: list[str] = []
        for index, (due, sender) in enumerate(coming):
            who = narrate.actor_name(self.game_content, sender, self.lang)
            key = "tui.due_late" if due > last else "tui.due_item"
            item = self.tr(key, who=who, turn=due)
            line = self.tr("tui.on_the_way", items=" · ".join([*items, item]))
            rest = len(coming) - index - 1
            more = f" {self.tr('tui.due_more', n=rest)}" if rest else ""
            if items and len(line) + len(more) > width:
                more = f" {self.tr('tui.due_more', n=len(coming) - index)}"
                return self.tr("tui.on_the_way", items=" · ".join(items)) + more
            items.append(item)
        return self.tr("tui.on_the_way", items=" · ".join(items))
