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
