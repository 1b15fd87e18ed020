"""A minimal scenario to build hand-made test cases on (two roles, two agencies)."""

from __future__ import annotations

from pathlib import Path

HEADER = """\
kind: scenario
id: mini
title: {en: Mini, sl: Mini}
summary: {en: A test case., sl: Testni primer.}
fiction_note: {en: Fictional., sl: Izmišljeno.}
difficulty: tutorial
duration_minutes: 5
languages: [en, sl]
start_date: "2026-01-05"
max_turns: 3
case: {reference: "T-1", title: {en: Test, sl: Test}}
states:
  A: {name: {en: State A, sl: Država A}, part: origin}
  C: {name: {en: State C, sl: Država C}, part: destination}
roles:
  - card: police_a
    state: A
  - card: ngo
    state: C
agencies:
  - profile: europol
  - profile: eurojust
facts:
  - id: phone
    kind: communication
    label: {en: Phone, sl: Telefon}
    text: {en: A phone number., sl: Telefonska številka.}
  - id: secret
    kind: person
    label: {en: Secret, sl: Skrivnost}
    text: {en: A name., sl: Ime.}
    personal_data: true
variables:
  flag: {initial: false}
  count: {initial: 0}
endings:
  - id: good
    rating: best
    title: {en: Good, sl: Dobro}
    text: {en: Good., sl: Dobro.}
    when: {var: flag, eq: true}
  - id: late
    rating: bad
    title: {en: Late, sl: Pozno}
    text: {en: Late., sl: Pozno.}
timeout_ending: late
"""

T = "{en: x, sl: y}"


def write_scenario(tmp_path: Path, extra: str, header: str = HEADER) -> Path:
    folder = tmp_path / "scenarios"
    folder.mkdir(exist_ok=True)
    path = folder / "mini.yaml"
    path.write_text(header + extra, encoding="utf-8")
    return path


POLICE_KNOWS_PHONE_RULE = """\
  - id: police_knows
    when: turn_start
    if: {role: police_a}
    then:
      - reveal: {facts: [phone], to: police_a}
"""


def europol_gives_secret(handling: str, more_rules: str = "") -> str:
    """Rules where the police know a phone and Europol, sent it, replies with `secret`.

    The tests of handling codes and of permission build on this exchange; `more_rules`
    adds what each needs after it (a permission answered, a rule about the phone).
    """
    return (
        "rules:\n"
        + POLICE_KNOWS_PHONE_RULE
        + f"""\
  - id: europol_answers
    when: {{message: {{to: europol, has_fact: phone}}}}
    then:
      - reply: {{text: {T}, facts: [secret], handling: {handling}, after: 0}}
"""
        + more_rules
    )
