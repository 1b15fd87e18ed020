"""Comparing the content objects the fast path makes (content/shapes.py) with pydantic's:
the comparison lives in content/crosscheck.py, which the fast path runs itself whenever
the test session's environment asks for it (tests/conftest.py)."""

from __future__ import annotations

from trafficking_sim.content.crosscheck import differences, shared

__all__ = ["differences", "shared"]
