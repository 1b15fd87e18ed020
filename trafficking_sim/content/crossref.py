"""Checks that every id a scenario mentions exists and is used as what it is."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from . import logic as L
from .errors import Problem, suggest
from .models import ID_PATTERN, Fact, Scenario
from .validation import walk
from .yamlsafe import Located, Path_

CHECKED_FORMS: tuple[type[BaseModel], ...] = (
    L.Knows,
    L.VarCompare,
    L.RoleIs,
    L.Fired,
    L.Injected,
    L.Done,
    L.ObjectiveMet,
    L.MessageFilter,
    L.OnAction,
    L.OnRequest,
    L.OnInject,
    L.OnPermission,
    Fact,
    L.Reveal,
    L.Reply,
    L.Forward,
    L.SetVar,
    L.AddVar,
    L.TriggerInject,
    L.End,
    L.MessageIs,
    L.Chance,
)
"""Every form that ``_one`` or ``_placement`` checks (a test keeps the list complete)."""


class _Checker:
    def __init__(self, scenario: Scenario, located: Located, actors: set[str]) -> None:
        self.s = scenario
        self.located = located
        self.problems: list[Problem] = []
        self.actors = actors
        self.roles = {r.card for r in scenario.roles}
        self.facts = {f.id for f in scenario.facts}
        self.vars = scenario.variables
        self.rules = {r.id for r in scenario.rules}
        self.injects = {i.id for i in scenario.injects}
        self.actions = {a.id for a in scenario.actions}
        self.objectives = {o.id for o in scenario.objectives}
        self.endings = {e.id for e in scenario.endings}
        self.consent = {f.id: set(f.consent.to) for f in scenario.facts if f.consent}

    def error(self, path: Path_, message: str) -> None:
        self.problems.append(self.located.problem(path, message))

    def ref(self, path: Path_, kind: str, value: str | None, known: Iterable[str]) -> None:
        if value is None:
            return
        known = set(known)
        if value not in known:
            message = f"unknown {kind} '{value}'"
            hint = suggest(value, known)
            if hint:
                message += "." + hint
            elif known:
                message += f" (defined: {', '.join(sorted(known)[:8])})"
            self.error(path, message)

    def actor(self, path: Path_, value: str | None) -> None:
        if value == L.PLAYER:
            return
        self.ref(path, "actor", value, self.actors)

    # --- the checks -----------------------------------------------------------------------

    def duplicates(self) -> None:
        for section in ("facts", "actions", "rules", "injects", "objectives", "endings"):
            seen: dict[str, int] = {}
            items: list[Any] = getattr(self.s, section)
            for i, item in enumerate(items):
                if item.id in seen:
                    self.error(
                        (section, i, "id"),
                        f"the id '{item.id}' is used twice in {section} "
                        f"(first at item {seen[item.id] + 1})",
                    )
                seen.setdefault(item.id, i)
        debrief_sections: tuple[tuple[str, list[Any]], ...] = (
            ("learning_objectives", list(self.s.debrief.learning_objectives)),
            ("questions", list(self.s.debrief.questions)),
        )
        for section, items in debrief_sections:
            ids: set[str] = set()
            for i, item in enumerate(items):
                if item.id in ids:
                    self.error(("debrief", section, i, "id"), f"the id '{item.id}' is used twice")
                ids.add(item.id)
        cards: set[str] = set()
        for i, role in enumerate(self.s.roles):
            if role.card in cards:
                self.error(("roles", i, "card"), f"the role '{role.card}' is listed twice")
            cards.add(role.card)
        profiles: set[str] = set()
        for i, agency in enumerate(self.s.agencies):
            actor_id = agency.id or agency.profile
            if actor_id in profiles or actor_id in cards:
                self.error(
                    ("agencies", i, "profile"),
                    f"the actor '{actor_id}' is listed twice; give one an 'id:' of its own",
                )
            profiles.add(actor_id)

    def variables(self) -> None:
        import re

        for name, var in self.vars.items():
            path: Path_ = ("variables", name)
            if not re.match(ID_PATTERN, name):
                self.error(
                    path,
                    f"the variable name '{name}' is not valid: use lowercase letters, "
                    "digits and '_', starting with a letter",
                )
            if (var.min is not None or var.max is not None) and not _is_int(var.initial):
                self.error(path, f"'{name}' has min/max but its initial value is not a number")
            if _is_int(var.initial):
                assert isinstance(var.initial, int)
                if (var.min is not None and var.initial < var.min) or (
                    var.max is not None and var.initial > var.max
                ):
                    self.error(
                        (*path, "initial"), f"the initial value of '{name}' is outside its min/max"
                    )

    def structure(self) -> None:
        s = self.s
        self.ref(("timeout_ending",), "ending", s.timeout_ending, self.endings)
        for i, entry in enumerate(s.roles):
            if entry.state is not None and entry.state not in s.states:
                self.error(
                    ("roles", i, "state"), f"state '{entry.state}' is not defined under 'states:'"
                )
            for j, fact in enumerate(entry.needs):
                self.ref(("roles", i, "needs", j), "fact", fact, self.facts)
            for j, fact in enumerate(entry.knows):
                self.ref(("roles", i, "knows", j), "fact", fact, self.facts)
        for i, agency in enumerate(s.agencies):
            if agency.state is not None and agency.state not in s.states:
                self.error(("agencies", i, "state"), f"state '{agency.state}' is not defined")
            for j, fact in enumerate(agency.needs):
                self.ref(("agencies", i, "needs", j), "fact", fact, self.facts)
            for j, fact in enumerate(agency.knows):
                self.ref(("agencies", i, "knows", j), "fact", fact, self.facts)
        for i, action in enumerate(s.actions):
            for j, role_id in enumerate(action.by):
                self.ref(("actions", i, "by", j), "role", role_id, self.roles)
        for i, rule in enumerate(s.rules):
            self.ref(("rules", i, "plays"), "role", rule.plays, self.roles)
        for i, obj in enumerate(s.objectives):
            if obj.owner != "shared":
                self.ref(("objectives", i, "owner"), "role (or 'shared')", obj.owner, self.roles)
        for i, inject in enumerate(s.injects):
            for j, role_id in enumerate(inject.audience):
                self.ref(("injects", i, "audience", j), "role", role_id, self.roles)
            if inject.at_turn is not None and inject.at_turn > s.max_turns:
                self.error(
                    ("injects", i, "at_turn"),
                    f"turn {inject.at_turn} is after the last turn ({s.max_turns})",
                )

    def _placement(self, path: Path_, obj: BaseModel, kinds: list[str]) -> None:
        """Forms that only make sense in some places: about a message, or a reply."""
        in_rule = path[:1] == ("rules",) and len(path) > 2
        kind = kinds[int(path[1])] if in_rule else None
        part = path[2] if in_rule else None
        if isinstance(obj, L.MessageIs) and not (part == "if" and kind == "message"):
            self.error(
                path,
                "a 'message' condition only works in the 'if' of a rule whose 'when' is a message",
            )
        elif isinstance(obj, L.Forward) and not (part == "then" and kind in ("message", "request")):
            self.error(
                path,
                "'forward' passes on the facts of the message that triggered the "
                "rule, so it only works in a rule whose 'when' is a message or request",
            )
        elif (
            isinstance(obj, L.Reply)
            and obj.reply.sender is None
            and not (part == "then" and kind in ("message", "request", "permission"))
        ):
            self.error(
                path,
                "say who the reply is from ('from: ...'): here it does not answer "
                "a request, a message or a permission",
            )
        elif isinstance(obj, L.Chance) and path[:1] in (
            ("objectives",),
            ("endings",),
            ("debrief",),
        ):
            self.error(
                path,
                "'chance' cannot decide an objective, ending or debrief: they are "
                "checked again and again, so the outcome would hang on how often",
            )

    def references(self, services: dict[str, set[str]]) -> None:
        """What every id refers to and where each form stands, in one walk of the scenario."""
        kinds = [L.trigger_kind(rule.when) for rule in self.s.rules]
        # Most nodes (texts, lists, most models) are none of the forms checked below: each
        # type is asked once whether it is one, rather than through the chains of tests.
        checked: dict[type, bool] = {}
        for path, obj in walk(self.s):
            cls = type(obj)
            found = checked.get(cls)
            if found is None:
                found = checked[cls] = issubclass(cls, CHECKED_FORMS)
            if found:
                self._placement(path, obj, kinds)
                self._one(path, obj, services)

    def _one(self, path: Path_, obj: BaseModel, services: dict[str, set[str]]) -> None:
        if isinstance(obj, L.Knows):
            self.ref((*path, "knows", "fact"), "fact", obj.knows.fact, self.facts)
            self.actor((*path, "knows", "actor"), obj.knows.actor)
        elif isinstance(obj, L.VarCompare):
            self._var(path, obj.var, obj.value, numeric=obj.op in ("lt", "le", "gt", "ge"))
        elif isinstance(obj, L.RoleIs):
            self.ref((*path, "role"), "role", obj.role, self.roles)
        elif isinstance(obj, L.Fired):
            self.ref((*path, "fired"), "rule", obj.fired, self.rules)
        elif isinstance(obj, L.Injected):
            self.ref((*path, "injected"), "inject", obj.injected, self.injects)
        elif isinstance(obj, L.Done):
            self.ref((*path, "done"), "action", obj.done.action, self.actions)
        elif isinstance(obj, L.ObjectiveMet):
            self.ref((*path, "objective"), "objective", obj.objective, self.objectives)
        elif isinstance(obj, L.MessageFilter):
            self.actor((*path, "to"), obj.to)
            self.actor((*path, "from"), obj.sender)
            self.ref((*path, "has_fact"), "fact", obj.has_fact, self.facts)
        elif isinstance(obj, L.OnAction):
            self.ref((*path, "action"), "action", obj.action, self.actions)
        elif isinstance(obj, L.OnRequest):
            req = obj.request
            self.actor((*path, "request", "agency"), req.agency)
            if req.agency in services:
                self.ref(
                    (*path, "request", "service"),
                    f"service of '{req.agency}'",
                    req.service,
                    services[req.agency],
                )
            self.ref((*path, "request", "fact"), "fact", req.fact, self.facts)
        elif isinstance(obj, L.OnInject):
            self.ref((*path, "inject"), "inject", obj.inject, self.injects)
        elif isinstance(obj, L.OnPermission):
            self.ref((*path, "permission"), "fact", obj.permission, self.facts)
        elif isinstance(obj, Fact):
            if obj.consent is not None:
                for j, actor in enumerate(obj.consent.to):
                    self.actor((*path, "consent", "to", j), actor)
            elif obj.kind == "victim" and obj.personal_data:
                self.error(
                    path,
                    f"'{obj.id}' is a victim's personal data, so it needs 'consent': whose it "
                    "is, whom they agreed it may go to, and for what",
                )
        elif isinstance(obj, L.Reveal):
            for j, fact in enumerate(obj.reveal.facts):
                self.ref((*path, "reveal", "facts", j), "fact", fact, self.facts)
                scope = self.consent.get(fact)
                if scope is not None and obj.reveal.sender and obj.reveal.to not in scope:
                    self.error(
                        (*path, "reveal", "to"),
                        f"'{fact}' goes only where its victim agreed ({', '.join(sorted(scope))}); "
                        f"a partner passing it to '{obj.reveal.to}' breaks that consent",
                    )
            self.actor((*path, "reveal", "to"), obj.reveal.to)
            self.actor((*path, "reveal", "from"), obj.reveal.sender)
        elif isinstance(obj, L.Reply):
            self.actor((*path, "reply", "from"), obj.reply.sender)
            for j, fact in enumerate(obj.reply.facts):
                self.ref((*path, "reply", "facts", j), "fact", fact, self.facts)
        elif isinstance(obj, L.Forward):
            self.actor((*path, "forward", "to"), obj.forward.to)
        elif isinstance(obj, L.SetVar):
            self._var((*path, "set"), obj.set.var, obj.set.value, numeric=False, at="value")
        elif isinstance(obj, L.AddVar):
            self._var((*path, "add"), obj.add.var, obj.add.value, numeric=True, at="value")
        elif isinstance(obj, L.TriggerInject):
            self.ref((*path, "inject"), "inject", obj.inject.id, self.injects)
        elif isinstance(obj, L.End):
            self.ref((*path, "end"), "ending", obj.end, self.endings)

    def _var(
        self, path: Path_, name: str, value: Any, *, numeric: bool, at: str | None = None
    ) -> None:
        if name not in self.vars:
            self.ref((*path, "var"), "variable", name, self.vars)
            return
        initial = self.vars[name].initial
        where = (*path, at) if at else path
        if numeric and not _is_int(initial):
            self.error(where, f"'{name}' is not a number, so it cannot be compared or added to")
        elif type(value) is not type(initial):
            self.error(where, f"'{name}' holds {_kind(initial)}, but this gives it {_kind(value)}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    return "text"


def check_scenario(
    scenario: Scenario, located: Located, actors: set[str], services: dict[str, set[str]]
) -> list[Problem]:
    """Every cross-reference problem in a validated scenario."""
    checker = _Checker(scenario, located, actors)
    checker.duplicates()
    checker.variables()
    checker.structure()
    checker.references(services)
    return checker.problems
