"""The always-visible line: turn, date, action points, role and how the case stands."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ... import narrate
from .base import PaneMixin


class StatusBar(PaneMixin, Static):
    def update_view(self) -> None:
        state, content = self.state, self.content
        role = content.actors[state.role].short_name.get(self.lang)
        session = self.game.session
        if state.seats and session is not None and state.role in session.group_names:
            role = f"{session.group_names[state.role]} · {role}"  # hot-seat: whose turn
        total = content.actors[state.role].action_points
        dots = "●" * state.ap + "○" * max(0, total - state.ap)
        # In a class game a group counts its own and the shared objectives, and waits
        # for its own replies: the others' progress is theirs to tell.
        mine = [
            o.id
            for o in content.objectives.values()
            if not state.seats or o.owner in ("shared", state.role)
        ]
        met = sum(1 for o in mine if o in state.objectives)
        if state.ending is not None:
            ending = content.endings[state.ending]
            case = self.tr(
                "tui.case_closed",
                title=ending.title.get(self.lang),
                rating=self.tr(f"rating.{ending.rating}"),
            )
        else:
            case = self.tr("tui.case_open", met=met, total=len(mine))
        waiting = sum(
            1
            for p in state.pending
            if p.kind in ("reply", "grant") and p.get("to") in (None, state.role)
        )
        first = self.tr(
            "tui.status_line",
            turn=state.turn,
            max=content.scenario.max_turns,
            date=narrate.date_text(content, state.turn, self.lang),
            dots=dots,
            ap=state.ap,
            total=total,
            role=role,
        )
        second = self.tr(
            "tui.status_case", reference=content.scenario.case.reference, case=case, waiting=waiting
        )
        text = f"{first}\n{second}"
        classroom = self.game.classroom
        self.set_class(classroom is not None, "-class")
        if classroom is not None:
            # A class: the phase's clock and the group's own turn time, always in view.
            from ..screens.trainer import class_clock

            text += "\n⏱ " + class_clock(classroom, self.lang)
        self.update(Content(text))
