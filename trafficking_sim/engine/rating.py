"""The rating of a finished game: the plot's ending, weighed against how it was reached.

An ending says what happened in the story; the rating also asks whether the law and the
victims' consent were kept, whether the practice behind it held (every pillar at 60 or
more), and whether the player's own cooperation, not the scripted partners', got there.
A breach never pays: the same plot ending is rated lower, and the rating says what the
breach cost in the story.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..content.bundle import GameContent
from .state import GameState

RATINGS = ("best", "good", "mixed", "bad")
PILLAR_FLOOR = 60
"""The best rating needs every pillar at this or more."""

BREACH_KINDS = ("handling", "consent", "need_to_know")


@dataclass(frozen=True)
class Rating:
    """``rating`` is what the game earned; ``plot`` is the ending's own rating."""

    rating: str
    plot: str
    costs: tuple[tuple[str, dict[str, Any]], ...] = field(default=())
    """Why the rating is lower than the plot's: catalogue keys (``rating.cost.*``) and
    their parameters, in the order they were applied."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rating": self.rating,
            "plot": self.plot,
            "costs": [{"key": key, **params} for key, params in self.costs],
        }


def own_exchanges(state: GameState) -> int:
    """The fewest own exchanges among the roles people play (in class, each group's)."""
    return min(state.exchanges.get(role, 0) for role in state.played)


def rate(content: GameContent, state: GameState) -> Rating | None:
    """The rating of ``state``'s ending; None while the game goes on."""
    if state.ending is None:
        return None
    plot = content.endings[state.ending].rating
    grade = RATINGS.index(plot)
    costs: list[tuple[str, dict[str, Any]]] = []

    breaches = [b for b in state.breaches if b.by in state.played]
    by_kind = Counter(b.kind for b in breaches)
    for kind in BREACH_KINDS:
        if by_kind[kind]:
            providers = sorted({b.provider for b in breaches if b.kind == kind and b.provider})
            costs.append((f"rating.cost.{kind}", {"count": by_kind[kind], "who": providers}))
    if breaches:
        grade += 1

    low = [p for p, score in state.scores.items() if score < PILLAR_FLOOR]
    if low:
        grade += 1
        costs.append(("rating.cost.pillars", {"pillars": low, "floor": PILLAR_FLOOR}))

    floor = content.scenario.scoring.min_exchanges
    own = own_exchanges(state)
    if own == 0 and floor:
        grade = max(grade, RATINGS.index("mixed"))
        costs.append(("rating.cost.no_exchange", {}))
    elif own < floor:
        grade = max(grade, RATINGS.index("good"))
        costs.append(("rating.cost.few_exchanges", {"count": own, "floor": floor}))

    rating = RATINGS[min(grade, len(RATINGS) - 1)]
    # Costs are told only where they lowered the rating.
    return Rating(rating, plot, tuple(costs) if rating != plot else ())
