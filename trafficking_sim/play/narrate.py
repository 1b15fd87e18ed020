"""Words for what happened: events, refusals and messages as sentences in a language.

Shared by the plain mode, the TUI and the debrief, so each says the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..content.bundle import GameContent
from ..engine import events as E
from ..engine.rating import rate
from ..engine.state import GameState, Message
from ..i18n import has, t, tn

_ACTOR_PARAMS = ("actor", "role", "agency", "provider", "to", "sender")


Names = Mapping[str, str] | None
"""In a class game, what to call the roles groups play ('Group 2 (Border police of B)')."""


def actor_name(content: GameContent, actor: str | None, lang: str, names: Names = None) -> str:
    if actor is None:
        return "-"
    if names and actor in names:
        return names[actor]
    found = content.actors.get(actor)
    return found.short_name.get(lang) if found else actor


def fact_label(content: GameContent, fact: str, lang: str) -> str:
    found = content.facts.get(fact)
    return found.label.get(lang) if found else fact


def text_of(content: GameContent, text_id: str | None, lang: str) -> str:
    """A content text by id; the engine's own words (a permission granted) come from the
    catalogue."""
    if not text_id:
        return ""
    found = content.texts.get(text_id)
    if found is not None:
        return found.get(lang)
    return t(text_id, lang) if has(text_id) else text_id


def _param(content: GameContent, name: str, value: Any, lang: str, names: Names = None) -> Any:
    if name in _ACTOR_PARAMS and isinstance(value, str):
        return actor_name(content, value, lang, names)
    if name == "fact" and isinstance(value, str):
        return fact_label(content, value, lang)
    if name in ("service", "action", "person", "purpose") and isinstance(value, str):
        return text_of(content, value, lang)
    if name == "why" and isinstance(value, dict):
        text = reason_text(content, value, lang)
        return text if "text" in value else text.rstrip(".")
    if name == "inject" and isinstance(value, str) and value in content.injects:
        return content.injects[value].title.get(lang)
    if name == "objective" and isinstance(value, str) and value in content.objectives:
        return content.objectives[value].text.get(lang).rstrip(".")
    if name == "pillars" and isinstance(value, list):
        return ", ".join(t(f"pillar.{p}", lang) for p in value)
    if name == "channel" and isinstance(value, str):
        return t(f"channel.{value}", lang)
    if name == "kinds" and isinstance(value, list):
        return ", ".join(t(f"kind.{k}", lang) for k in value)
    if name == "who" and isinstance(value, list):
        return ", ".join(actor_name(content, a, lang, names) for a in value) or "-"
    if name == "what" and isinstance(value, str) and has(f"codekind.{value}"):
        return t(f"codekind.{value}", lang)  # the kind of code, in words: never the field name
    if name == "services" and isinstance(value, list):
        return ", ".join(value)
    return value


def reason_text(
    content: GameContent, reason: dict[str, Any], lang: str, names: Names = None
) -> str:
    """A refusal or score reason: a content text id, or a catalogue key with params."""
    if "text" in reason:
        return text_of(content, reason["text"], lang)
    key = f"reason.{reason.get('key')}"
    if not has(key):
        return str(reason.get("key"))
    params = {
        k: tn(_COUNTED[k], lang, v)
        if k in _COUNTED and isinstance(v, int)
        else _param(content, k, v, lang, names)
        for k, v in (reason.get("params") or {}).items()
    }
    return t(key, lang, **params)


_COUNTED = {"cost": "n.action_points", "ap": "n.action_points"}
"""A reason's counts, said with their noun in the right plural form ("1 action point")."""


def source_text(content: GameContent, source: dict[str, Any] | None, lang: str) -> str:
    """The rule of practice an event rests on, in ``lang``; '' when there is none."""
    if not source:
        return ""
    if "text" in source:
        return text_of(content, source["text"], lang)
    return t(source["key"], lang) if has(str(source.get("key"))) else str(source.get("key"))


def date_text(content: GameContent, turn: int, lang: str) -> str:
    scenario = content.scenario
    import datetime as dt

    day = scenario.start_date + dt.timedelta(days=(turn - 1) * scenario.days_per_turn)
    return t("format.date", lang, year=day.year, month=day.month, day=day.day)


def message_subject(content: GameContent, message: Message, lang: str) -> str:
    return message.subject or text_of(content, message.subject_id, lang)


def message_title(content: GameContent, message: Message, lang: str, width: int = 60) -> str:
    """A subject for lists: the subject, or the start of the body when there is none."""
    subject = message_subject(content, message, lang)
    if subject:
        return subject
    body = " ".join(message_body(content, message, lang).split())
    if len(body) <= width:
        return body or "-"
    return body[: width - 1].rsplit(" ", 1)[0] + "…"


def message_body(content: GameContent, message: Message, lang: str) -> str:
    return message.body or text_of(content, message.body_id, lang)


def message_lines(
    content: GameContent,
    message: Message,
    lang: str,
    names: Names = None,
    *,
    fact_ids: bool = False,
) -> list[str]:
    """A message as the player reads it, line by line: who, when, the channel, the case,
    the subject, the handling code and the evaluation in words, the body and the facts.

    The one rendering of a message: plain mode prints these lines, the TUI's SIENA pane
    shows them as literal text. ``fact_ids`` puts each fact's id in front of it, for
    plain mode, where commands name facts by id.
    """

    def tr(key: str, **params: Any) -> str:
        return t(key, lang, **params)

    m = message
    rows = [
        tr("tui.msg_from", who=actor_name(content, m.sender, lang, names)),
        tr("tui.msg_to", who=", ".join(actor_name(content, r, lang, names) for r in m.recipients)),
        tr("tui.msg_when", date=date_text(content, m.turn, lang), turn=m.turn),
        tr("tui.msg_channel", channel=tr(f"channel_long.{m.channel}")),
    ]
    if m.channel == "siena":
        rows.append(
            tr(
                "tui.msg_case",
                case=m.case or "-",
                thread=m.thread,
                area=tr(f"crime_area.{m.crime_area}"),
            )
        )
        rows.append(tr("tui.msg_priority", priority=tr(f"priority.{m.priority}")))
    subject = message_subject(content, m, lang)
    if subject:
        rows.append(tr("tui.msg_subject", subject=subject))
    if m.handling:
        rows.append(tr("tui.msg_handling", text=tr(f"handling.{m.handling}")))
        if m.handling_note:
            rows.append(f"    {m.handling_note}")
    if m.source_code and m.info_code:
        rows.append(tr("tui.msg_evaluation", code=f"{m.source_code}{m.info_code}"))
        rows.append("    " + tr(f"source.{m.source_code}"))
        rows.append("    " + tr(f"info.{m.info_code}"))
    elif m.channel == "siena" and m.facts:
        rows.append(tr("tui.msg_evaluation", code=tr("not_graded")))
    body = message_body(content, m, lang)
    if body:
        rows += ["", body]
    if m.facts:
        rows += ["", tr("tui.msg_attached")]
        for fact_id in m.facts:
            fact = content.facts[fact_id]
            mark = f"[{fact_id}]" if fact_ids else "◆"
            rows.append(f"  {mark} {fact.label.get(lang)}: {fact.text.get(lang)}")
    return rows


def _facts_list(content: GameContent, facts: list[str] | tuple[str, ...], lang: str) -> str:
    return ", ".join(fact_label(content, f, lang) for f in facts)


def seen_by(event: E.Event, state: GameState, role: str) -> bool:
    """In a hot-seat game, whether a group sees an event: its own steps, points and
    narration, messages it sent or received, facts it learned, its own and the shared
    objectives, and what concerns everyone (turns, events for all, the end). The
    trainer's notes are for the debrief; whose turn it is, for the hand-over screen."""
    data = event.data
    kind = event.kind
    if kind in E.HIDDEN_KINDS or kind in (E.TRAINER_NOTE, E.SEAT_PASSED):
        return False
    if kind in (E.ACTION_DONE, E.ACTION_REFUSED):
        return bool(data.get("by", role) == role)
    if kind in (E.SCORE_CHANGED, E.NARRATION):
        return data.get("by") in ("", None, role)
    if kind == E.REQUEST_DECIDED:
        return role in (data.get("agency"), data.get("asker"))
    if kind in (E.MESSAGE_SENT, E.MESSAGE_RECEIVED, E.PERMISSION_GRANTED):
        message = state.messages[data["message"] - 1]
        return role == message.sender or role in message.recipients
    if kind == E.FACTS_LEARNED:
        return bool(data.get("actor") == role)
    if kind == E.INJECT:
        audience = data.get("audience") or []
        return not audience or role in audience
    return True


def describe(
    event: E.Event,
    content: GameContent,
    state: GameState,
    lang: str,
    *,
    role: str | None = None,
    names: Names = None,
) -> list[str]:
    """The lines a player sees for one event; [] for events meant only for trainers.

    ``role`` is whose point of view (default: whose turn it is); ``names`` what to call
    the roles groups play in a class game."""
    data = event.data
    kind = event.kind
    me = role or state.role
    if kind in E.HIDDEN_KINDS:
        return []
    if state.seats and not seen_by(event, state, me):
        return []
    if kind == E.TURN_STARTED:
        return [
            t(
                "event.turn_started",
                lang,
                turn=data["turn"],
                date=date_text(content, data["turn"], lang),
            )
        ]
    if kind == E.ACTION_REFUSED:
        lines = [t("refused", lang, reason=reason_text(content, data["reason"], lang, names))]
        if data.get("source"):
            source = source_text(content, data["source"], lang)
            lines.append("  " + t("event.source", lang, source=source))
        return lines
    if kind == E.MESSAGE_SENT:
        message = state.messages[data["message"] - 1]
        if message.sender != me:
            # In a class game, another group's message to this one: news it received.
            if message.kind == "request" and message.id in state.open_requests:
                return [
                    t(
                        "event.decision_waiting",
                        lang,
                        id=message.id,
                        asker=actor_name(content, message.sender, lang, names),
                        service=text_of(content, message.subject_id, lang),
                    ),
                    *_received_lines(content, message, lang, names)[1:],
                ]
            return _received_lines(content, message, lang, names)
        return [_sent_line(content, message, lang, names)]
    if kind == E.MESSAGE_RECEIVED:
        message = state.messages[data["message"] - 1]
        if message.sender == me:
            return []  # a class game: the group's own answer, which it decided itself
        return _received_lines(content, message, lang, names)
    if kind == E.SEAT_PASSED:
        return [t("event.seat_passed", lang, role=actor_name(content, data["role"], lang, names))]
    if kind == E.TRAINER_NOTE:
        return [t("event.trainer_note", lang, text=data["text"])]
    if kind == E.REQUEST_DECIDED:
        request = state.messages[data["request"] - 1]
        line = t(
            f"event.decided.{data['verdict']}",
            lang,
            id=request.id,
            agency=actor_name(content, data["agency"], lang, names),
            asker=actor_name(content, data["asker"], lang, names),
            service=text_of(content, request.subject_id, lang),
        )
        if data.get("trainer") and data["verdict"] != "script":
            line += " " + t("event.decided.by_trainer", lang)
        return [line]
    if kind == E.FACTS_LEARNED:
        if data["actor"] != me:
            return []
        return [t("event.learned", lang, facts=_facts_list(content, data["facts"], lang))]
    if kind == E.ACTION_DONE:
        action = content.actions[data["action"]]
        return [t("event.action_done", lang, action=action.label.get(lang))]
    if kind == E.INJECT:
        audience = data.get("audience") or []
        if audience and me not in audience:
            return []
        inject = content.injects[data["inject"]]
        return [t("event.inject", lang, title=inject.title.get(lang), text=inject.text.get(lang))]
    if kind == E.NARRATION:
        return [text_of(content, data["text"], lang)]
    if kind == E.OBJECTIVE_MET:
        if content.objectives[data["objective"]].owner not in ("shared", me):
            return []  # another role's objective: not news to this player
        return [
            t(
                "event.objective_met",
                lang,
                objective=content.objectives[data["objective"]].text.get(lang),
            )
        ]
    if kind == E.PERMISSION_GRANTED:
        return [
            t(
                "event.permission",
                lang,
                provider=actor_name(content, data["provider"], lang, names),
                fact=fact_label(content, data["fact"], lang),
            )
        ]
    if kind == E.SCORE_CHANGED:
        reason = data["reason"]
        if reason.get("key") == "need_met" and (reason.get("params") or {}).get("actor") == me:
            reason = {**reason, "key": "need_met_self"}  # told to the one who needed it
        if str(data.get("origin", "")).startswith("refusal:"):
            # The refusal just above already gave the reason and its source.
            return [
                t(
                    "event.score_short",
                    lang,
                    pillar=t(f"pillar.{data['pillar']}", lang),
                    delta=data["delta"],
                )
            ]
        lines = [
            t(
                "event.score",
                lang,
                pillar=t(f"pillar.{data['pillar']}", lang),
                delta=data["delta"],
                reason=reason_text(content, reason, lang, names),
            )
        ]
        if data.get("source"):
            source = source_text(content, data["source"], lang)
            lines.append("  " + t("event.source", lang, source=source))
        return lines
    if kind == E.TRUST_LOST:
        key = "event.trust_lost_refuses" if data.get("level", 1) >= 2 else "event.trust_lost"
        return [
            t(
                key,
                lang,
                actor=actor_name(content, data["actor"], lang),
                fact=fact_label(content, data["fact"], lang),
            )
        ]
    if kind == E.GAME_ENDED:
        ending = content.endings[data["ending"]]
        # The game is over, so the state is final: rate it as it ended.
        rated = rate(content, state) if state.ending == data["ending"] else None
        rating = rated.rating if rated else ending.rating
        lines = [
            t(
                "event.ended",
                lang,
                title=ending.title.get(lang),
                rating=t(f"rating.{rating}", lang),
                text=ending.text.get(lang),
            )
        ]
        return lines + (rating_costs(content, rated.to_dict(), lang) if rated else [])
    return []


def rating_costs(content: GameContent, rated: dict[str, Any], lang: str) -> list[str]:
    """Why a game was rated lower than its ending: '' lines when it was not."""
    costs = rated.get("costs") or []
    if not costs or rated.get("rating") == rated.get("plot"):
        return []
    lines = [
        t(
            "event.rated",
            lang,
            rating=t(f"rating.{rated['rating']}", lang),
            plot=t(f"rating.{rated['plot']}", lang),
        )
    ]
    for cost in costs:
        params = {k: _param(content, k, v, lang) for k, v in cost.items() if k != "key"}
        lines.append("  - " + t(cost["key"], lang, **params))
    return lines


def _sent_line(content: GameContent, message: Message, lang: str, names: Names = None) -> str:
    to = ", ".join(actor_name(content, r, lang, names) for r in message.recipients)
    facts = (
        t("event.with_facts", lang, facts=_facts_list(content, message.facts, lang))
        if message.facts
        else ""
    )
    if message.kind == "permission":
        facts = " " + _facts_list(content, message.facts, lang)
    key = {
        "message": "event.sent.message",
        "share": "event.sent.share",
        "request": "event.sent.request",
        "permission": "event.sent.permission",
        "reply": "event.sent.reply",  # a group's answer to a request made to its role
    }[message.kind]
    service = text_of(content, message.subject_id, lang)
    return t(key, lang, id=message.id, to=to, facts=facts, service=service)


def _received_lines(
    content: GameContent, message: Message, lang: str, names: Names = None
) -> list[str]:
    lines = [
        t(
            "event.received",
            lang,
            id=message.id,
            sender=actor_name(content, message.sender, lang, names),
            body=message_body(content, message, lang),
        )
    ]
    if message.facts:
        evaluation = (
            f"{message.source_code}{message.info_code}"
            if message.source_code
            else t("not_graded", lang)
        )
        lines.append(
            "  "
            + t(
                "event.received_facts",
                lang,
                facts=_facts_list(content, message.facts, lang),
                handling=message.handling or "-",
                evaluation=evaluation,
            )
        )
    return lines


def grade_hints(
    content: GameContent, state: GameState, facts: list[str] | tuple[str, ...], lang: str
) -> list[str]:
    """Which evaluation code fits each fact the player is about to send, and why: for what
    the player found, the grade the content gives it; for what came from a partner, the
    grade it came with (passing it on keeps the provider's grading)."""
    mine = state.knowledge.get(state.role, {})
    by_id = {m.id: m for m in state.messages}
    hints = []
    for fact in facts:
        how = mine.get(fact)
        if how is None or fact not in content.facts:
            continue
        label = fact_label(content, fact, lang)
        grade = content.facts[fact].grade
        if how.source is None and grade is not None:
            hints.append(
                t(
                    "grade.fits",
                    lang,
                    fact=label,
                    code=f"{grade.source}{grade.info}",
                    why=grade.why.get(lang),
                )
            )
        elif how.source is not None:
            message = by_id.get(how.message) if how.message is not None else None
            code = (
                f"{message.source_code}{message.info_code}"
                if message is not None and message.source_code and message.info_code
                else None
            )
            provider = actor_name(content, how.source, lang)
            hints.append(
                t("grade.received", lang, fact=label, provider=provider, code=code)
                if code
                else t("grade.received_ungraded", lang, fact=label, provider=provider)
            )
    return hints
