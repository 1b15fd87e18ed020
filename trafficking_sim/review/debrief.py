"""The after-action review of one game, as plain data in one language.

Modelled on exercise practice (a hot wash and an after-action report): what happened,
what it meant, what was expected and what to improve. The TUI screen, the Markdown and
the HTML report all render this one structure, so they always say the same thing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..content.bundle import GameContent
from ..content.logic import PILLARS
from ..engine import Action
from ..engine import events as E
from ..engine.compiled import compile_condition
from ..engine.rating import rate
from ..engine.state import GameState
from ..i18n import t
from ..play import narrate
from ..play.session import Session

RATING_MARKS = {"best": "★★★", "good": "★★", "mixed": "★", "bad": "✘"}


def question_origin(section: str | None, lang: str) -> str:
    """Where a reflection question comes from: a section of the manual, or the scenario."""
    if section is None:
        return t("debrief.own_question", lang)
    return t("debrief.from_section", lang, section=section)


@dataclass
class Change:
    turn: int
    delta: int  # the change it made to the score
    reason: str
    source: str
    asked: int = 0  # the change the rule asked for (differs at the 0 and 100 limits)


@dataclass
class Pillar:
    id: str
    name: str
    score: int
    changes: list[Change]


@dataclass
class Learning:
    seed: str
    text: str
    verdict: str  # 'met' | 'partly' | 'not_met'
    shown_by: list[str]


@dataclass
class Link:
    """Exchanges between two actors over one channel; unused links would have helped."""

    a: str
    b: str
    channel: str
    count: int = 0
    facts: list[str] = field(default_factory=list)
    used: bool = True


@dataclass
class Moment:
    turn: int
    actors: list[str]
    kind: str
    text: str


@dataclass
class Debrief:
    lang: str
    scenario: str
    role: str
    role_id: str
    turn: int
    ending_title: str
    ending_rating: str  # what the game earned: the plot's rating, lowered by breaches
    ending_text: str
    ending_meaning: list[str]
    pillars: list[Pillar]
    learning: list[Learning]
    timeline: list[Moment]
    links: list[Link]
    actor_names: dict[str, str]
    fact_names: dict[str, str]
    never_found: list[str]
    never_passed: list[tuple[str, str, str]]  # (who needed it, the fact, why it stayed)
    best_reachable_until: int | None
    best_reachable_sure: bool
    reached_best: bool
    questions: list[str]
    questions_seed: list[tuple[str, str]]  # (where it comes from, in words; the question)
    plot_rating: str = ""  # the ending's own rating
    rating_costs: list[str] = field(default_factory=list)  # why the rating is lower
    # (sent, received) by the reviewed role, counted as the SIENA pane and the map count
    messages: tuple[int, int] | None = None


class _Context:
    def __init__(self, state: GameState) -> None:
        self.state = state
        self.message = None

    def draw_percent(self) -> int:
        return 0


def build_debrief(
    session: Session,
    lang: str,
    *,
    search: bool = True,
    budget: int = 500,
    role: str | None = None,
) -> Debrief:
    """Everything the review shows, from a finished (or interrupted) game.

    In a hot-seat game each group has its own review: ``role`` says whose (by default
    the first group's). The search for the last turn the best was reachable plays one
    role alone, so it is left out there.
    """
    content, state = session.content, session.state
    me = role or session.first_role
    if me != state.role:
        state = state.copy()  # the helpers below read 'state.role' as 'the one reviewed'
        state.role = me
    search = search and not state.seats
    names = {a: narrate.actor_name(content, a, lang) for a in content.actors}
    ending = content.endings.get(state.ending) if state.ending else None
    reached_best = ending is not None and ending.rating == "best"
    until, sure = (None, True)
    if search and not reached_best:
        from ..explore.search import last_turn_best_reachable

        until, sure = last_turn_best_reachable(
            content,
            state.role,
            session.seed,
            session.actions,
            budget=budget,
            courses=best_courses(content, state.role, session.seed),
        )
    links = _links(content, state, session.events)
    rated = rate(content, state)
    from .debrief_map import message_counts  # it imports this module

    return Debrief(
        lang=lang,
        messages=message_counts(state, me),
        scenario=content.scenario.title.get(lang),
        role=content.actors[state.role].name.get(lang),
        role_id=state.role,
        turn=turns_played(session),
        ending_title=ending.title.get(lang) if ending else t("tui.not_ended", lang),
        ending_rating=rated.rating if rated else "",
        plot_rating=rated.plot if rated else "",
        rating_costs=narrate.rating_costs(content, rated.to_dict(), lang)[1:] if rated else [],
        ending_text=ending.text.get(lang) if ending else "",
        ending_meaning=[m.get(lang) for m in ending.meaning] if ending else [],
        pillars=_pillars(content, state, lang),
        learning=_learning(content, state, lang, rating=rated.rating if rated else None),
        timeline=_timeline(content, state, session.events, lang),
        links=links,
        actor_names=names,
        fact_names={f: fact.label.get(lang) for f, fact in content.facts.items()},
        never_found=[content.facts[f].label.get(lang) for f in _never_found(content, state)],
        never_passed=[
            (names[a], content.facts[f].label.get(lang), key)
            for a, f, key in _never_passed(content, state)
        ],
        best_reachable_until=until,
        best_reachable_sure=sure,
        reached_best=reached_best,
        questions=_fitted_questions(content, state, links, names, lang),
        questions_seed=[
            (question_origin(q.section, lang), q.text.get(lang))
            for q in content.scenario.debrief.questions
        ],
    )


def counted_deltas(content: GameContent, state: GameState) -> list[int]:
    """What each entry of the score log really changed: a score stays within 0..100, so a
    gain at 100 (or a loss at 0) counts for less than it asked, or for nothing. Every
    review, league and class table adds these, so they all agree with the final scores."""
    scores: dict[str, int] = dict.fromkeys(PILLARS, content.scenario.scoring.start)
    counted = []
    for change in state.score_log:
        before = scores.get(change.pillar, content.scenario.scoring.start)
        scores[change.pillar] = max(0, min(100, before + change.delta))
        counted.append(scores[change.pillar] - before)
    return counted


def _pillars(content: GameContent, state: GameState, lang: str) -> list[Pillar]:
    """Each pillar's changes as they counted, with what they asked."""
    pillars = []
    counted = counted_deltas(content, state)
    for pillar in PILLARS:
        changes = [
            Change(
                c.turn,
                delta,
                narrate.reason_text(content, dict(c.reason), lang),
                narrate.source_text(content, dict(c.source) or None, lang),
                asked=c.delta,
            )
            for c, delta in zip(state.score_log, counted, strict=True)
            if c.pillar == pillar
        ]
        pillars.append(Pillar(pillar, t(f"pillar.{pillar}", lang), state.scores[pillar], changes))
    return pillars


def best_reach_key(d: Debrief) -> str:
    """Which sentence says how long the best ending was within reach (``turn`` param)."""
    if d.reached_best:
        return "debrief.best_reached_lowered" if d.rating_costs else "debrief.best_reached"
    if d.best_reachable_until is not None:
        return "debrief.best_until" if d.best_reachable_sure else "debrief.best_until_unsure"
    return "debrief.best_never" if d.best_reachable_sure else "debrief.best_unknown"


def best_courses(content: GameContent, role: str, seed: int) -> list[list[Action]]:
    """The tested walkthroughs of this role that reach a best ending (played with this
    game's seed, so a course that depends on chance is checked, not trusted)."""
    from ..paths import walkthroughs_dir
    from ..play.notation import play_script

    targets = {e.id for e in content.endings.values() if e.rating == "best"}
    folder = walkthroughs_dir() / content.id
    courses = []
    for path in sorted(folder.glob(f"{role}-*.txt")) if folder.is_dir() else []:
        try:
            script = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        first = script.split("\n", 1)[0].strip().removeprefix("# expect:").split()
        promise = dict(part.split("=", 1) for part in first if "=" in part)
        if promise.get("ending") not in targets:
            continue
        course = Session.new(content, role, seed, "en")
        play_script(course, script.splitlines())
        if course.state.ending in targets:
            courses.append(list(course.actions))
    return courses


def class_learning(session: Session, lang: str) -> list[Learning]:
    """The learning objectives for a class: a decision counts when any group made it
    (evidence that names 'the player' is judged for each group in turn)."""
    rated = rate(session.content, session.state)
    return _learning(
        session.content,
        session.state,
        lang,
        session.state.played,
        rating=rated.rating if rated else None,
    )


def turns_played(session: Session) -> int:
    """The turns the player played: those they ended, and the one they were acting in when
    the game stopped (a game that ends as a turn begins adds no turn of theirs)."""
    from ..engine import EndTurn

    ends = sum(1 for a in session.actions if isinstance(a, EndTurn))
    groups = len(session.state.seats) or 1
    played = -(-ends // groups)  # in class, each group ends each turn once
    if session.actions and not isinstance(session.actions[-1], EndTurn):
        played += 1
    return max(1, played)


MET_NEEDS = 2
"""A learning objective is met only when at least this many decisions show it."""


def _learning(
    content: GameContent,
    state: GameState,
    lang: str,
    roles: tuple[str, ...] = (),
    *,
    rating: str | None = None,
) -> list[Learning]:
    """Each learning objective of section 7.2, judged honestly: 'met' needs two or more
    pieces of evidence (a scenario lists more, some fitting one role's game, some another's)
    and nothing against it (a breach of a handling code or of a victim's
    consent counts against the standards objective, 7.2.3), and a mixed or bad game shows
    none as fully met: what was learned was not yet put into practice."""
    contexts = [_Context(state)]
    for role in roles:
        if role != state.role:
            seen_by = state.copy()
            seen_by.role = role
            contexts.append(_Context(seen_by))
    played = set(roles) | {state.role}
    breached = any(b.by in played for b in state.breaches)
    results = []
    for objective in content.scenario.debrief.learning_objectives:
        shown = [
            e.text.get(lang)
            for e in objective.evidence
            if any(compile_condition(e.if_)(ctx) for ctx in contexts)  # type: ignore[arg-type]
        ]
        against = breached and objective.seed == STANDARDS_SEED
        if len(shown) >= MET_NEEDS and not against and rating not in ("mixed", "bad"):
            verdict = "met"
        elif shown:
            verdict = "partly"
        else:
            verdict = "not_met"
        results.append(Learning(objective.seed, objective.text.get(lang), verdict, shown))
    return results


STANDARDS_SEED = "7.2.3"
"""The learning objective on international standards, which any breach counts against."""


def _actors_of(event: E.Event, state: GameState) -> list[str]:
    """Who took part in an event (for the timeline filter)."""
    data = event.data
    if event.kind in (E.MESSAGE_SENT, E.MESSAGE_RECEIVED):
        message = state.messages[data["message"] - 1]
        return [message.sender, *message.recipients]
    if event.kind == E.FACTS_LEARNED:
        return [a for a in (data.get("source"), data["actor"]) if a]
    if event.kind == E.PERMISSION_GRANTED:
        return [data["provider"], state.role]
    if event.kind in (E.ACTION_DONE, E.SCORE_CHANGED):
        return [data.get("by") or state.role]
    if event.kind == E.ACTION_REFUSED:
        return [data.get("by") or state.role]
    return []


def _timeline(
    content: GameContent, state: GameState, events: list[E.Event], lang: str
) -> list[Moment]:
    moments = []
    for event in events:
        lines = narrate.describe(event, content, state, lang)
        if not lines:
            continue
        moments.append(
            Moment(
                event.turn,
                _actors_of(event, state),
                event.kind,
                " ".join(line.strip() for line in lines),
            )
        )
    return moments


def _links(content: GameContent, state: GameState, events: list[E.Event]) -> list[Link]:
    """Who exchanged with whom, through which channel; and the links that would have helped."""
    found: dict[tuple[str, str, str], Link] = {}

    def add(a: str, b: str, channel: str, facts: tuple[str, ...] | list[str]) -> None:
        pair = tuple(sorted((a, b)))
        link = found.setdefault((pair[0], pair[1], channel), Link(pair[0], pair[1], channel))
        link.count += 1
        link.facts += [f for f in facts if f not in link.facts]

    for message in state.messages:
        for recipient in message.recipients:
            add(message.sender, recipient, message.channel, message.facts)
    for event in events:
        if (
            event.kind == E.FACTS_LEARNED
            and event.data.get("via") == "rule"
            and event.data.get("source")
        ):
            add(event.data["source"], event.data["actor"], "rule", event.data["facts"])
    links = list(found.values())
    used_pairs = {(link.a, link.b) for link in links}
    for actor, fact, _ in _never_passed(content, state):
        pair = tuple(sorted((state.role, actor)))
        unused = next((link for link in links if (link.a, link.b) == pair and not link.used), None)
        if unused is not None:
            unused.facts.append(fact)
        elif pair not in used_pairs:
            links.append(Link(pair[0], pair[1], "", 0, [fact], used=False))
    return links


def _never_found(content: GameContent, state: GameState) -> list[str]:
    """Facts the player never learned though their own role needed them."""
    mine = state.knowledge.get(state.role, {})
    return [f for f in sorted(content.actors[state.role].needs) if f not in mine]


def _never_passed(content: GameContent, state: GameState) -> list[tuple[str, str, str]]:
    """Facts the player held that reached none of the actors who needed them, with the
    catalogue key that says why it stayed (``debrief.never_passed`` or, for H1/H2 data
    still waiting for its provider's permission, ``debrief.never_passed_waiting``).

    One entry per fact (naming the first actor who needed it): when any of them got it,
    the fact did its work, even if an intermediary that also lists it did not. A victim's
    account counts only towards those the victim agreed to, once asked: not passing it
    elsewhere is never a missed chance.
    """
    mine = state.knowledge.get(state.role, {})
    context = _Context(state)
    missing = []
    for fact in sorted(mine):
        needing = [a.id for a in content.actors.values() if a.id != state.role and fact in a.needs]
        consent = content.facts[fact].consent
        if consent is not None:
            agreed = consent.asked is None or compile_condition(consent.asked)(context)  # type: ignore[arg-type]
            needing = [a for a in needing if agreed and a in consent.to]
        if needing and not any(fact in state.knowledge.get(a, {}) for a in needing):
            asked = [
                m.id
                for m in state.messages
                if m.kind == "permission" and m.sender == state.role and fact in m.facts
            ]
            granted = [m.turn for m in state.messages if m.in_reply_to in asked]
            # Asked, and the answer had not come, or came only as the game ended.
            waiting = bool(asked) and (not granted or max(granted) >= state.turn)
            key = "debrief.never_passed_waiting" if waiting else "debrief.never_passed"
            missing.append((needing[0], fact, key))
    return missing


def _fitted_questions(
    content: GameContent, state: GameState, links: list[Link], names: dict[str, str], lang: str
) -> list[str]:
    """Reflection questions about this game in particular (sections 7.5 and 7.6)."""
    questions: list[str] = []
    me = state.role
    by_id = {m.id: m for m in state.messages}
    waits = [
        (reply.turn - by_id[reply.in_reply_to].turn, by_id[reply.in_reply_to], reply)
        for reply in state.messages
        if reply.in_reply_to in by_id and by_id[reply.in_reply_to].sender == me and reply.facts
    ]
    if waits:
        wait, asked, reply = max(waits, key=lambda w: (w[0], -w[1].id))
        if wait >= 2:
            questions.append(
                t(
                    "debrief.q_wait",
                    lang,
                    actor=names[reply.sender],
                    turns=wait,
                    channel=t(f"channel.{asked.channel}", lang),
                )
            )
    refusals = [
        c
        for c in state.score_log
        if dict(c.reason).get("key", "").startswith(("handling", "siena", "wrong_channel"))
        or c.origin.startswith("refusal:guard")
    ]
    if refusals:
        reason = narrate.reason_text(content, dict(refusals[0].reason), lang)
        questions.append(t("debrief.q_refused", lang, reason=reason.rstrip(".")))
    unused = [link for link in links if not link.used and me in (link.a, link.b)]
    if unused:
        link = unused[0]
        other = link.b if link.a == me else link.a
        fact = content.facts[link.facts[0]].label.get(lang)
        questions.append(t("debrief.q_unused", lang, actor=names[other], fact=fact))
    contacted = {a for link in links if link.used for a in (link.a, link.b)}
    silent = [
        names[a.id] for a in content.actors.values() if a.kind == "agency" and a.id not in contacted
    ]
    if silent:
        questions.append(t("debrief.q_silent", lang, actors=", ".join(silent)))
    lowest = min(PILLARS, key=lambda p: state.scores[p])
    if state.scores[lowest] < content.scenario.scoring.start:
        questions.append(t("debrief.q_lowest", lang, pillar=t(f"pillar.{lowest}", lang)))
    return questions


def change_reason(change: Change, lang: str) -> str:
    """The reason, with a note when the score's limit swallowed part of the change."""
    if change.asked == change.delta:
        return change.reason
    limit = 100 if change.asked > 0 else 0
    note = t("debrief.capped", lang, asked=f"{change.asked:+d}", limit=limit)
    return f"{change.reason} {note}"


def verdict_word(verdict: str, lang: str) -> str:
    return {"met": "✔ ", "partly": "◐ ", "not_met": "✘ "}[verdict] + t(
        {"met": "tui.lo_met", "partly": "tui.lo_partly", "not_met": "tui.lo_not_met"}[verdict], lang
    )


def links_between(debrief: Debrief) -> dict[str, Any]:
    """Counts for a summary line: exchanges, partners reached, links that were missing."""
    used = [link for link in debrief.links if link.used]
    return {
        "exchanges": sum(link.count for link in used),
        "partners": len({a for link in used for a in (link.a, link.b)} - {debrief.role_id}),
        "missing": sum(1 for link in debrief.links if not link.used),
        "channels": Counter(link.channel for link in used),
    }
