"""The hash of a game's content files: how saves and the content cache notice an edit."""

from __future__ import annotations

import hashlib
from pathlib import Path


def content_hash(files: list[Path]) -> str:
    """A hash of every file a game depends on, so a save can tell when content changed."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]
