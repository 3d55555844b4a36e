"""What the calculator repeats back of what it was given: short, and safe to print.

A message that quotes a bad value helps the reader find it, but a pasted cell or a
link can be a hundred thousand characters long, and a CSV can carry terminal escape
codes that retitle or clear the reader's terminal. So every echoed value is cut to
a few dozen characters here, and the command line passes everything it prints
through `printable` first.
"""

from __future__ import annotations

import re

__all__ = ["ECHO_CHARS", "MORE", "clip", "printable"]

ECHO_CHARS = 40
"""The most characters of a value a message repeats; enough to recognise it."""
MORE = "…"

# Control characters (C0, DEL, C1) and the invisible marks that reorder text on
# screen: none of them is ever part of a date, a choice or an order id.
_MARKS = "\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNPRINTABLE = re.compile(f"[\x00-\x1f{_MARKS}]")
_UNPRINTABLE_BUT_LINES = re.compile(f"[\x00-\x09\x0b-\x1f{_MARKS}]")


def clip(value: object, limit: int = ECHO_CHARS) -> str:
    """The value as text, cut to `limit` characters with an ellipsis when longer."""
    try:
        text = str(value)
    except ValueError:  # an int longer than Python agrees to write out
        return MORE
    if len(text) <= limit:
        return text
    return text[: limit - len(MORE)] + MORE


def printable(text: str, lines: bool = False) -> str:
    """The text with every control character shown as "?"; newlines kept when `lines`."""
    pattern = _UNPRINTABLE_BUT_LINES if lines else _UNPRINTABLE
    return pattern.sub("?", text)
