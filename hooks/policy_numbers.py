"""Fill the guide's policy numbers in from calculator/policy.toml at build time.

A deadline typed by hand into a page drifts from the calculator the first time a
rule changes; a token cannot. Anything between double braces that is not a known
token stops the build, so a typo never reaches a reader as raw braces.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from calculator.policy import Entry, Policy, Source, load_policy  # noqa: E402

POLICY_FILE = ROOT / "calculator" / "policy.toml"
TOKEN = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.DOTALL)
PEAK_SEASONS = "peak_seasons"


class TokenError(ValueError):
    """A token names something the policy data does not hold."""


def read_policy(path: Path = POLICY_FILE) -> Policy:
    """Parse the file afresh on every build, so `mkdocs serve` shows an edited number at once."""
    return load_policy(path.read_text(encoding="utf-8"))


def long_date(day: date) -> str:
    """Spell dates out: readers in many countries misread 03/11."""
    return f"{day.day} {day:%B %Y}"


def _entry(policy: Policy, entry_id: str) -> Entry:
    try:
        return policy.entries[entry_id]
    except KeyError:
        raise TokenError(f"no policy entry {entry_id!r}") from None


def _policy_token(policy: Policy, path: str) -> str:
    if path == "rules_as_of":
        return long_date(policy.rules_as_of)
    entry_id, _, part = path.partition(".")
    entry = _entry(policy, entry_id)
    if part == "" and entry.value is not None:
        return str(entry.value)
    if part == "unit":
        return entry.unit
    if entry.range is not None:
        low, high = entry.range
        pieces = {"min": str(low), "max": str(high), "range": f"{low} to {high}"}
        if part in pieces:
            return pieces[part]
    shown = part or "value"
    raise TokenError(f"policy entry {entry_id!r} has no {shown}")


def _sources_list(policy: Policy, ids: list[str]) -> str:
    if not ids:
        raise TokenError("sources: names no entry")
    seen: dict[tuple[str, str], Source] = {}
    for entry_id in ids:
        if entry_id == PEAK_SEASONS:
            found: tuple[Source, ...] = tuple(s.source for s in policy.peak_seasons)
        elif entry_id in policy.facts:
            found = policy.facts[entry_id].sources
        else:
            found = _entry(policy, entry_id).sources
        for source in found:
            seen.setdefault((source.title, source.url), source)
    return "\n".join(f"- [{s.title}]({s.url}), seen {long_date(s.seen)}" for s in seen.values())


def _seasons_table(policy: Policy) -> str:
    rows = [
        f"| {s.name} | {long_date(s.start)} | {long_date(s.end)} |" for s in policy.peak_seasons
    ]
    return "\n".join(["| Period | From | To |", "| --- | --- | --- |", *rows])


def expand_token(policy: Policy, token: str) -> str:
    """Turn the text between the braces into what the reader sees."""
    if token.startswith("policy."):
        return _policy_token(policy, token.removeprefix("policy."))
    if token.startswith("sources:"):
        return _sources_list(policy, token.removeprefix("sources:").split())
    if token == PEAK_SEASONS:
        return _seasons_table(policy)
    raise TokenError("unknown token")


def expand(markdown: str, policy: Policy) -> str:
    """Replace every token; the first bad one raises TokenError naming it."""

    def replace(match: re.Match[str]) -> str:
        try:
            return expand_token(policy, match.group(1))
        except TokenError as exc:
            raise TokenError(f"{match.group(0)}: {exc}") from None

    return TOKEN.sub(replace, markdown)


_policy: Policy | None = None


def on_config(config: Any) -> Any:
    global _policy  # noqa: PLW0603 -- mkdocs hooks share state only through module globals
    _policy = read_policy()
    config["copyright"] = f"Rules as of {long_date(_policy.rules_as_of)}"
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    policy = _policy or read_policy()
    try:
        return expand(markdown, policy)
    except TokenError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
