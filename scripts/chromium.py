"""How this project starts Debian's Chromium, for the tests, the benchmark and the screenshot.

Playwright's own browser download cannot run here, so everything drives the
system package. The flags keep a root, headless run from trying to reach hosts
the machine cannot reach (updates, sync, field trials), which would otherwise
show up as failed requests and slow every start.
"""

from __future__ import annotations

import shutil
from pathlib import Path

EXECUTABLE = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def executable() -> str | None:
    """The Chromium to launch, or None when the machine has none."""
    if EXECUTABLE.exists():
        return str(EXECUTABLE)
    return shutil.which("chromium")
