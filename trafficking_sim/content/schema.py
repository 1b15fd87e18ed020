"""JSON Schemas of the content formats, for authors' editors (completion and checks)."""

from __future__ import annotations

from typing import Any

from .models import AgencyProfile, Codex, RoleCard, Scenario

_MODELS: dict[str, Any] = {
    "scenario": Scenario,
    "role": RoleCard,
    "agency": AgencyProfile,
    "codex": Codex,
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one file format: scenario, role, agency, codex."""
    model = _MODELS[kind]
    schema: dict[str, Any] = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://trafficking-sim.example/schemas/{kind}.schema.json"
    return schema
