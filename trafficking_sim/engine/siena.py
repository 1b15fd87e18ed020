"""Mock SIENA: handling and evaluation codes and the rules for passing information on.

The codes and what they mean follow the Council's Manual on Law Enforcement Information
Exchange (doc. 6261/18) and the Europol Regulation (EU) 2016/794, Art 29 (4x4
evaluation). The wording shown to players lives in ``trafficking_sim.i18n``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..content.bundle import GameContent
from .state import Known

HANDLING_CODES = ("H0", "H1", "H2", "H3")
SOURCE_CODES = ("A", "B", "C", "X")
INFO_CODES = ("1", "2", "3", "4")
PRIORITIES = ("normal", "urgent")

# The rules of practice behind the engine's own checks: keys of ``trafficking_sim.i18n``.
HANDLING_SOURCE = "source.handling"
SIENA_SOURCE = "source.siena"
CHANNEL_SOURCE = "source.channel"
NEED_TO_KNOW_SOURCE = "source.need_to_know"
EVALUATION_SOURCE = "source.evaluation"


def passing_on_verdict(
    how: Known,
    fact: str,
    recipients: Sequence[str],
    content: GameContent,
    permissions: Collection[tuple[str, str]],
) -> tuple[str, str] | None:
    """Why passing ``fact`` to ``recipients`` would break its handling code, or None.

    H2: no dissemination without the provider's permission (sending it back to the
    provider is not dissemination). H1: no disclosure for judicial proceedings without
    permission; a judicial recipient such as Eurojust receives it for exactly that.
    """
    provider = how.source
    handling = how.handling
    # (H0 and H3 bind no one here: no list of the other recipients is made for them)
    if provider is None or handling not in _BINDING or (fact, provider) in permissions:
        return None
    others = [r for r in recipients if r != provider]
    if handling == "H2" and others:
        return "handling_h2", provider
    if handling == "H1" and any(content.actors[r].judicial for r in others):
        return "handling_h1", provider
    return None


_BINDING = frozenset({"H1", "H2"})  # (the codes ``passing_on_verdict`` may refuse under)
