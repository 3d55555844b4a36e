"""What a message repeats of the input: a few dozen characters, nothing a terminal obeys."""

from __future__ import annotations

from calculator.echo import ECHO_CHARS, clip, printable


def test_a_short_value_is_repeated_whole() -> None:
    assert clip("2026-02-30") == "2026-02-30"
    assert clip("x" * ECHO_CHARS) == "x" * ECHO_CHARS


def test_a_long_value_is_cut_with_an_ellipsis() -> None:
    shown = clip("x" * 100_000)
    assert len(shown) == ECHO_CHARS and shown.endswith("…")
    assert clip(12345, limit=4) == "123…"


def test_a_number_too_long_to_write_out_is_shown_as_an_ellipsis() -> None:
    assert clip(10**5000) == "…"


def test_control_characters_and_reordering_marks_are_shown_as_question_marks() -> None:
    hostile = "A\x1b]0;owned\x07\x1b[2J\r\u202egnp.exe\x9b1m"
    assert printable(hostile) == "A?]0;owned??[2J??gnp.exe?1m"
    assert printable("a\nb\tc") == "a?b?c"
    assert printable("a\nb\x1b", lines=True) == "a\nb?"
