"""Join codes: one random code per seat and one for the trainer, kept only as hashes."""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O or U
CODE_LENGTH = 10
"""Ten characters of base 32: 50 random bits, far more than anyone can guess in 5 tries."""

MAX_TRIES = 5
"""Wrong codes a process accepts before it ends."""

_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
# Stored hashes are costly to try against; the codes themselves are random, so one salt
# per class is enough and lets a code be found with a single hash, not one per seat.


def new_code() -> str:
    """A fresh code, written in two halves for reading aloud: 'K7QM2-X9D4T'."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise(code: str) -> str:
    """What a person typed, as the code it means: case, spaces and dashes do not matter,
    and the letters that look like digits are read as those digits."""
    cleaned = "".join(ch for ch in code.upper() if ch != "-" and not ch.isspace())
    return cleaned.translate(str.maketrans("OIL", "011"))


def new_salt() -> bytes:
    return secrets.token_bytes(16)


def code_hash(code: str, salt: bytes) -> bytes:
    return hashlib.scrypt(normalise(code).encode("ascii", "replace"), salt=salt, **_SCRYPT)
