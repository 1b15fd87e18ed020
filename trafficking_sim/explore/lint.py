"""Static checks beyond validity: unused or unreachable content, and texts that do not fit.

``validate`` answers "can the game load this?"; ``lint`` answers "is any of it dead,
impossible, untranslated or too long for an 80x24 screen?". Findings are warnings,
except content that can never be reached (an ending, a condition, an inject), which is
an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..content import logic as L
from ..content.errors import Problem
from ..content.loader import Loaded, check_files, sorted_problems
from ..content.models import Scenario
from ..content.text import LocalText
from ..content.validation import walk
from ..content.yamlsafe import Path_

# Longest texts that fit where the 80x24 game screen shows them without scrolling
# (characters): fact labels in the case board's list, titles on one line, and so on.
# Texts shown in scrollable views (descriptions, trainer notes, debrief) have no limit.
LIMITS: dict[tuple[str | None, str], int] = {
    ("facts", "label"): 32,
    ("facts", "text"): 320,
    (None, "short_name"): 20,
    ("actions", "label"): 60,
    ("services", "label"): 60,
    ("injects", "title"): 60,
    ("injects", "text"): 420,
    ("objectives", "text"): 180,
    ("endings", "title"): 60,
    ("endings", "text"): 600,
    (None, "title"): 60,
}


@dataclass(frozen=True)
class BannedTerm:
    """A wording the content must not use (docs/terminology.md), and what to write instead."""

    lang: str
    pattern: re.Pattern[str]
    use: str
    why: str


def _banned(lang: str, pattern: str, use: str, why: str, flags: int = re.IGNORECASE) -> BannedTerm:
    return BannedTerm(lang, re.compile(pattern, flags), use, why)


# The variants an independent review found (issue #12). docs/terminology.md lists the terms
# to use; a test keeps the two in step. Each pattern is narrow on purpose: a rule that
# flags correct wording teaches authors to ignore it.
BANNED_TERMS: tuple[BannedTerm, ...] = (
    _banned(
        "sl",
        r"(?<!rdeča )(?<!rdečo )(?<!rdeče )(?<!rdeči )(?<!rdečih )(?<!rdečim )\btiralic\w*",
        "»rdeča tiralica« only for the Red Notice; »modro/rumeno/črno ... obvestilo« "
        "for the other notices",
        "a »tiralica« is a wanted-person notice",
    ),
    _banned(
        "sl",
        r"\blažn\w* prijav\w*",
        "»prijave pod lažnimi davčnimi številkami« (or say what was false)",
        "»lažna prijava« is the name of the offence of false reporting (KZ-1, Art 283)",
    ),
    _banned(
        "sl",
        r"\bnezakonit\w* delav\w*",
        "»delavci brez urejenega statusa«",
        "a person is not illegal; the English says irregular workers",
    ),
    _banned("sl", r"\bMOD\b", "»ILO«", "one abbreviation for the ILO", flags=0),
    _banned("sl", r"\bSOS[ -]telefon\w*", "»telefon za pomoč«", "one name for the hotline"),
    _banned(
        "sl",
        r'(?<![.!?:»"] )(?<!^)\bNacionaln\w* centraln\w* bir\w*',
        "»nacionalni centralni biro« (lower case mid-sentence)",
        "a common noun, not a proper name",
        flags=0,
    ),
    _banned(
        "sl",
        r"\bpoglavj\w* 7\.\d",
        "»razdelek 7.x«",
        "7.1 to 7.6 are sections (razdelki) of chapter 7",
    ),
    _banned(
        "sl",
        r"\bposredoval(?:ec|ca|cu|cem|ci|cev)\b",
        "»zagotovitelj (informacije)«",
        "clashes with »posredovati« (to forward)",
    ),
    _banned(
        "sl",
        r"\b(?:IOM|Frontex)(?: je| bo| ni)? \w+(?:ila|ala|ela|ula)\b",
        "masculine agreement: »IOM je prejel«, »Frontex je pripravil«",
        "IOM and Frontex are masculine in Slovene",
        flags=0,
    ),
    _banned(
        "sl",
        r"\bne smejo biti kaznovan\w*",
        "»naj ne bodo kaznovane; 8. člen Direktive 2011/36/EU omogoča, da jih ne "
        "preganjajo in ne kaznujejo«",
        "Art 8 entitles the authorities not to punish; it does not forbid it",
    ),
    _banned(
        "en",
        r"\bmust not be (?:punished|prosecuted)",
        "'should not be punished; Art 8 of Directive 2011/36/EU entitles the authorities "
        "not to prosecute or punish'",
        "Art 8 entitles the authorities not to punish; it does not forbid it",
    ),
    _banned(
        "en",
        r"\bfrom prosecutor to prosecutor\b",
        "'between judicial authorities (prosecutors and judges)'",
        "judicial cooperation involves judges too",
    ),
    _banned(
        "sl",
        r"\bod tožilca do tožilca\b",
        "»med pravosodnimi organi (tožilci in sodniki)«",
        "judicial cooperation involves judges too",
    ),
)


def banned_terms(text: str, lang: str) -> list[tuple[str, BannedTerm]]:
    """The banned wordings in ``text`` (a text in ``lang``), each with its rule."""
    found = []
    for term in BANNED_TERMS:
        if term.lang == lang:
            found += [(match.group(0), term) for match in term.pattern.finditer(text)]
    return found


@dataclass
class Finding:
    path: Path_
    severity: str
    message: str


def lint_files(targets: Iterable[Path]) -> tuple[list[Problem], int]:
    """Validation problems and lint findings for files and folders, sorted by place."""
    problems, loaded, count = check_files(targets)
    for each in loaded:
        problems += [_located(each, finding) for finding in lint_model(each.model)]
    return sorted_problems(problems), count


def _located(loaded: Loaded, finding: Finding) -> Problem:
    line, column = loaded.located.where(finding.path)
    return Problem(loaded.located.file, line, column, finding.message, finding.severity)


def lint_model(model: BaseModel) -> list[Finding]:
    findings = list(_text_findings(model))
    if isinstance(model, Scenario):
        findings += _ScenarioLint(model).run()
    return findings


# --- texts ---------------------------------------------------------------------------------


def _limit_for(path: Path_) -> int | None:
    field = str(path[-1]) if path else ""
    sections = {str(p) for p in path[:-1] if isinstance(p, str)}
    for (section, name), limit in LIMITS.items():
        if name == field and (section is None or section in sections):
            if section is None and (field != "title" or len(path) == 1):
                return limit
            if section is not None:
                return limit
    return None


def _text_findings(model: BaseModel) -> Iterator[Finding]:
    languages = list(getattr(model, "languages", ["en", "sl"]))
    for path, obj in walk(model):
        if not isinstance(obj, LocalText) or obj._ref is not None:
            continue
        values = {lang: obj.texts.get(lang, "") for lang in languages}
        en, sl = values.get("en", ""), values.get("sl", "")
        is_name = "also" in path or (path and path[-1] == "term")  # names stay the same
        if en and sl and en == sl and len(en.split()) >= 4 and not is_name:
            yield Finding(
                path,
                "warning",
                f"the text '{obj.id}' is the same in English and Slovene: is it translated?",
            )
        limit = _limit_for(path)
        for lang, value in values.items():
            for words, term in banned_terms(value, lang):
                yield Finding(
                    path,
                    "warning",
                    f"the {lang} text '{obj.id}' says '{words}': use {term.use} "
                    f"({term.why}; docs/terminology.md)",
                )
            if limit is not None and len(value) > limit:
                yield Finding(
                    path,
                    "warning",
                    f"the {lang} text '{obj.id}' has {len(value)} "
                    f"characters; more than {limit} will not fit the game screen "
                    "at 80x24 without scrolling",
                )


# --- scenarios --------------------------------------------------------------------------------


class _ScenarioLint:
    def __init__(self, scenario: Scenario) -> None:
        self.s = scenario
        self.nodes = list(walk(scenario))
        self.findings: list[Finding] = []

    def warn(self, path: Path_, message: str) -> None:
        self.findings.append(Finding(path, "warning", message))

    def error(self, path: Path_, message: str) -> None:
        self.findings.append(Finding(path, "error", message))

    def of(self, kind: type[Any]) -> list[tuple[Path_, Any]]:
        return [(p, o) for p, o in self.nodes if isinstance(o, kind)]

    def run(self) -> list[Finding]:
        self.facts()
        self.variables()
        self.injects()
        self.endings()
        self.texts_table()
        self.impossible_conditions()
        self.class_addressing()
        return self.findings

    def class_addressing(self) -> None:
        """In a class game a rule answers the group behind it; a rule set off by time
        must say, through its condition, which group it follows up on."""
        from ..engine.addressing import anchors, needs_anchor

        roles = {r.card for r in self.s.roles}
        for i, rule in enumerate(self.s.rules):
            if not needs_anchor(rule):
                continue
            found = list(anchors(rule.if_))
            named = sorted({ident for kind, ident in found if kind == "knows" and ident in roles})
            if found and len(named) > 1 and not any(kind == "fired" for kind, _ in found):
                self.warn(
                    ("rules", i, "when"),
                    f"the rule '{rule.id}' is set off by time and its condition names the roles "
                    f"{', '.join(named)}: in a class game it answers the first of them that a "
                    "group plays. Add a 'fired' for the rule it follows up on to say which",
                )
            if not found:
                self.warn(
                    ("rules", i, "when"),
                    f"the rule '{rule.id}' is set off by time and answers 'the player': in a "
                    "class game it could reach any group. Give its 'if' a 'fired' (the rule "
                    "it follows up on), a 'knows' with a role as actor, a 'role' or a 'done' "
                    "that names the group it answers",
                )

    # --- facts --------------------------------------------------------------------------

    def facts(self) -> None:
        s = self.s
        mentioned: set[str] = set()
        learnable: set[str] = set()
        entries: list[Any] = [*s.roles, *s.agencies]
        for entry in entries:
            learnable.update(entry.knows)
            mentioned.update(entry.knows)
            mentioned.update(entry.needs)
        for _, obj in self.of(L.Reveal):
            learnable.update(obj.reveal.facts)
            mentioned.update(obj.reveal.facts)
        for _, obj in self.of(L.Reply):
            learnable.update(obj.reply.facts)
            mentioned.update(obj.reply.facts)
        for _, obj in self.of(L.Knows):
            mentioned.add(obj.knows.fact)
        for _, obj in self.of(L.MessageFilter):
            if obj.has_fact:
                mentioned.add(obj.has_fact)
        for _, obj in self.of(L.RequestFilter):
            if obj.fact:
                mentioned.add(obj.fact)
        for _, obj in self.of(L.OnPermission):
            mentioned.add(obj.permission)
        for i, fact in enumerate(s.facts):
            if fact.id not in learnable:
                self.warn(
                    ("facts", i, "id"),
                    f"the fact '{fact.id}' can never be learned: "
                    "nobody knows it at the start and no rule reveals or replies with it",
                )
            elif fact.id not in mentioned - set():
                self.warn(("facts", i, "id"), f"the fact '{fact.id}' is never used")

    # --- variables ----------------------------------------------------------------------

    def variables(self) -> None:
        read = {obj.var for _, obj in self.of(L.VarCompare)}
        written = {obj.set.var for _, obj in self.of(L.SetVar)}
        written |= {obj.add.var for _, obj in self.of(L.AddVar)}
        for name in self.s.variables:
            path: Path_ = ("variables", name)
            if name not in read and name not in written:
                self.warn(path, f"the variable '{name}' is never used")
            elif name not in read:
                self.warn(path, f"the variable '{name}' is set but never read by a condition")
            elif name not in written:
                self.warn(
                    path,
                    f"the variable '{name}' never changes from "
                    f"{self.s.variables[name].initial!r}, so conditions on it are fixed",
                )

    # --- injects and endings ------------------------------------------------------------

    def injects(self) -> None:
        started = {obj.inject.id for _, obj in self.of(L.TriggerInject)}
        for i, inject in enumerate(self.s.injects):
            if inject.at_turn is None and inject.if_ is None and inject.id not in started:
                self.error(
                    ("injects", i, "id"),
                    f"the inject '{inject.id}' can never happen: "
                    "it has no 'at_turn', no 'if', and no 'inject:' effect starts it",
                )

    def endings(self) -> None:
        ended = {obj.end for _, obj in self.of(L.End)}
        for i, ending in enumerate(self.s.endings):
            if (
                ending.when is None
                and ending.id not in ended
                and (ending.id != self.s.timeout_ending)
            ):
                self.error(
                    ("endings", i, "id"),
                    f"no rule leads to the ending '{ending.id}': "
                    "it has no 'when', no 'end:' effect names it, and it is not the "
                    "timeout ending",
                )

    def texts_table(self) -> None:
        used: set[str] = set()
        for _, obj in self.nodes:
            if isinstance(obj, LocalText) and obj._ref is not None:
                used.add(obj._ref)
        for key in self.s.texts:
            if key not in used:
                self.warn(("texts", key), f"the text '{key}' in 'texts:' is never used")

    # --- conditions that can never hold ---------------------------------------------------

    def impossible_conditions(self) -> None:
        values = self._possible_values()
        for path, obj in self.of(L.VarCompare):
            possible = values.get(obj.var)
            if possible is None:
                continue  # added to: any number may come up
            holds = any(L.compare(v, obj.op, obj.value) for v in possible)
            if not holds:
                shown = ", ".join(repr(v) for v in sorted(possible, key=repr))
                self.error(
                    path,
                    f"this condition can never hold: '{obj.var}' only ever "
                    f"takes the values {shown}",
                )
        last = self.s.max_turns
        for path, obj in self.of(L.TurnIs):
            low, high = obj.turn.min, obj.turn.max
            if (low is not None and low > last + 1) or (
                low is not None and high is not None and low > high
            ):
                self.error(path, f"this turn range can never hold (the last turn is {last})")

    def _possible_values(self) -> dict[str, set[Any] | None]:
        values: dict[str, set[Any] | None] = {
            name: {var.initial} for name, var in self.s.variables.items()
        }
        for _, obj in self.of(L.AddVar):
            values[obj.add.var] = None
        for _, obj in self.of(L.SetVar):
            known = values.get(obj.set.var)
            if known is not None:
                known.add(obj.set.value)
        return values
