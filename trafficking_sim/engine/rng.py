"""A tiny seeded generator whose whole state is one integer, so it can be saved and replayed."""

from __future__ import annotations

_MASK = (1 << 64) - 1


def seed_state(seed: int) -> int:
    """Spread any seed into a non-zero 64-bit state (splitmix64)."""
    z = (seed + 0x9E3779B97F4A7C15) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return (z ^ (z >> 31)) or 1


def next_percent(state: int) -> tuple[int, int]:
    """The next state and a number in 0..99 (xorshift64*), identical on every platform."""
    x = state
    x ^= (x >> 12) & _MASK
    x ^= (x << 25) & _MASK
    x ^= (x >> 27) & _MASK
    x &= _MASK
    value = (x * 0x2545F4914F6CDD1D) & _MASK
    return x, (value >> 33) % 100
