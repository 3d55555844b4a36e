"""The calculator page's scripts: their own tests under node, and no sentence in them.

Every sentence a reader sees lives in one place (the engine's catalogue, the page
labels the build writes in, the guide's pages); the scripts move data and draw. A
string literal of two or more words of letters is a sentence that slipped in.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from calculator.page_labels import page_labels

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "docs" / "assets" / "calculator"
NODE_TESTS = ROOT / "tests" / "js"
_TAG = re.compile(r"<[^<>]*>")
# Words of letters with spaces between them; a word joined to a hyphen, dot, colon or
# bracket is part of an id, a class list or a CSS selector, never a sentence.
_SENTENCE = re.compile(r"(?<![\w\-.#:\[])[A-Za-z]+(?: +[A-Za-z]+)+(?![\w\-(\[])")
_REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}
# A diagnostic for developers, never the page's words: the console's, and an Error's,
# which the page shows only as "what the browser said", quoted as it is.
_DIAGNOSTIC = re.compile(r"(?:\bnew Error|\bconsole\.\w+)\([^()\n;]*$")


def _skip_string(text: str, i: int, quote: str) -> tuple[int, str]:
    start = i + 1
    i = start
    while text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1, text[start:i]


def _skip_regex(text: str, i: int) -> int:
    i += 1
    in_class = False
    while in_class or text[i] != "/":
        if text[i] == "\\":
            i += 1
        elif text[i] == "[":
            in_class = True
        elif text[i] == "]":
            in_class = False
        i += 1
    return i + 1


def _template(text: str, i: int, found: list[str]) -> int:
    """From a backtick to past its closing one; its text, each expression as \\0."""
    i += 1
    parts = []
    while text[i] != "`":
        if text[i] == "\\":
            parts.append(text[i : i + 2])
            i += 2
        elif text.startswith("${", i):
            parts.append("\0")
            i = _code(text, i + 2, found, closing=True)
        else:
            parts.append(text[i])
            i += 1
    found.append("".join(parts))
    return i + 1


def _code(text: str, i: int, found: list[str], closing: bool = False) -> int:
    """Scans code from `i`, collecting string literals; stops past an unmatched } if `closing`."""
    depth = 0
    last = ""
    while i < len(text):
        char = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = len(text) if i < 0 else i
            continue
        if text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        if char in "\"'`":
            diagnostic = _DIAGNOSTIC.search(text, max(0, i - 40), i) is not None
            kept: list[str] = []
            if char == "`":
                i = _template(text, i, kept)
            else:
                i, literal = _skip_string(text, i, char)
                kept.append(literal)
            if not diagnostic:
                found.extend(kept)
            last = "a"
            continue
        if char == "/" and (last in _REGEX_BEFORE or text[:i].rstrip().endswith("return")):
            i = _skip_regex(text, i)
            last = "a"
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            if closing and depth == 0:
                return i + 1
            depth -= 1
        if not char.isspace():
            last = char
        i += 1
    return i


def literals(text: str) -> list[str]:
    found: list[str] = []
    _code(text, 0, found)
    return found


def sentences(text: str) -> Iterator[str]:
    for literal in literals(text):
        words = _TAG.sub(" ", literal)
        yield from (match.group(0) for match in _SENTENCE.finditer(words))


def _scripts() -> list[Path]:
    return sorted([*SCRIPTS.glob("*.js"), *SCRIPTS.glob("*.mjs")])


def test_the_scanner_finds_sentences_and_leaves_ids_and_selectors() -> None:
    code = r"""
    // A comment with words is no literal.
    const a = "Link copied.";
    const b = `<p class="rc-a rc-b">${x ? `Days left ${n}` : ""}</p>`;
    const c = $("#calc-fields .rc-field") + 'details[open]' + "text/csv" + /a b/g.source;
    const d = { "&": "&amp;", "<": "&lt;" };
    console.info(`calculator: snapshot not used (${reason})`);
    throw new Error("snapshot: empty file");
    """
    assert list(sentences(code)) == ["Link copied", "Days left"]


@pytest.mark.parametrize("script", _scripts(), ids=lambda path: path.name)
def test_no_script_of_the_page_writes_a_sentence(script: Path) -> None:
    found = list(sentences(script.read_text(encoding="utf-8")))
    # Move each into calculator/page_labels.py, and draw it from the page's labels.
    assert found == []


def test_the_page_modules_pass_their_node_tests() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; the page's modules cannot be tested without it")
    tests = sorted(str(path) for path in NODE_TESTS.glob("*.test.mjs"))
    assert tests, "no node tests found"
    env = {**os.environ, "CALC_LABELS": json.dumps(page_labels("en"))}
    run = subprocess.run(
        [node, "--test", *tests],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
