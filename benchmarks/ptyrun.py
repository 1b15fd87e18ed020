"""Running a program in a real pseudo-terminal and timing until text is on its screen.

Shared by bench_start.py and bench_tui.py. The program gets a real terminal (an 80x24 pty,
TERM=xterm-256color), so Textual runs its real driver and writes what a terminal would
show; the reader strips escape sequences and looks for plain text in what was written.
POSIX only (the pty module).
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from pathlib import Path

_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: window title, colours
    rb"|\x1bP[^\x1b]*\x1b\\"  # DCS
    rb"|\x1b[=>()][0-9A-Za-z]?"  # keypad and character set switches
)


def screen_text(raw: bytes) -> str:
    """The printable text in terminal output, escape sequences removed."""
    return _ESCAPES.sub(b"", raw).decode("utf-8", errors="replace")


class Terminal:
    """One program in a pty: start it, send keys, wait for text."""

    def __init__(
        self,
        command: Sequence[str],
        env: dict[str, str],
        cwd: Path,
        size: tuple[int, int] = (80, 24),
    ) -> None:
        self.master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        full_env = {
            **env,
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(rows),
        }
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            list(command),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=full_env,
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.output = b""

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            raise RuntimeError("the program closed its terminal:\n" + screen_text(self.output))
        self.output += chunk
        return True

    def wait_for(self, text: str, since: int = 0, timeout: float = 60.0) -> float:
        """perf_counter() when ``text`` first showed in the output after byte ``since``."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self._read(0.5) and text in screen_text(self.output[since:]):
                return time.perf_counter()
        raise TimeoutError(f"{text!r} never appeared; the screen said:\n" + self.shown()[-2000:])

    def quiet(self, seconds: float = 0.3) -> None:
        """Read until the program has written nothing for ``seconds``."""
        while self._read(seconds):
            pass

    def send(self, keys: bytes) -> float:
        """Write keys as typed; returns perf_counter() just before writing."""
        at = time.perf_counter()
        os.write(self.master, keys)
        return at

    def shown(self) -> str:
        return screen_text(self.output)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        os.close(self.master)
