"""The engine's catalogues: extract the template from the code, compile the translations.

The engine marks every entry as `Message("...")` (with `context=` and `plural=`
where needed); extraction reads those from the code's syntax tree, and the peak
seasons' names from policy.toml, so the template cannot drift from the code.
Each entry gets a translator comment: where it is used and what each named
placeholder holds. The .po files live in the repository; the .mo files are built
(here, with Babel, a development tool) and shipped in the wheel, where the engine
reads them with the standard library's gettext.

    python -m sitebuild.catalogues compile   # .po -> .mo beside them
    python -m sitebuild.catalogues extract   # write calculator.pot from the code
    python -m sitebuild.catalogues update    # merge the .pot into each .po
"""

from __future__ import annotations

import ast
import string
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from calculator import policy_words
from sitebuild import ROOT

__all__ = ["Entry", "compile_catalogues", "extract", "placeholders", "template"]

PACKAGE = ROOT / "calculator"
LOCALE = PACKAGE / "locale"
DOMAIN = "calculator"
TRANSLATED = ("es", "pt_BR")
POT = LOCALE / f"{DOMAIN}.pot"
GUIDE_CODE = (ROOT / "sitebuild" / "tokens.py",)
"""The build's own words for the guide's generated blocks share the engine's catalogue."""
PLURALS = {"es": (2, "(n != 1)"), "pt_BR": (2, "(n > 1)")}
"""The usual gettext plural rules: one form for one, another for the rest (pt_BR: 0 and 1
are singular). CLDR's extra Spanish form for round millions never occurs here."""
STAMP = datetime(2026, 12, 4)
"""A fixed date in the headers, so that extracting again changes nothing but entries."""
HEADER = """\
# The calculator's words{language}.
# English is the source language; each entry's comment says where it is used and what its
# placeholders hold. Keep the placeholders as they are; dates come in the language's long
# form, and {{date:on}} says 'on' that day in the language's own way (pt: na/no by weekday).
# Compiled to .mo by `python -m sitebuild.catalogues compile`.
#"""

GLOSSARY = {
    "n": "a number that decides the plural form",
    "title": "a refund route's title",
    "titles": "a list of refund routes' titles",
    "step": "the next step's own sentences",
    "disputed": "the title of the route the dispute is about",
    "route": "the title of the route to look at",
    "names": "a list of peak seasons, each with its dates",
    "name": "a name (a peak season, a file or a column)",
    "label": "a short label of the answer",
    "field": "an option or column name, as typed; never translated",
    "other": "an option or column name, as typed; never translated",
    "text": "what the reader typed",
    "choices": "the accepted values, as typed; never translated",
    "reason": "the reason given by the system or the parser (in its own words)",
    "kind": "a Python type name",
    "summary": "the rule's summary (English, from policy.toml)",
    "unit": "the rule's unit (English, from policy.toml)",
    "help": "the option's help text",
    "dates": "a phrase with the route's dates",
    "phrase": "a phrase with the route's status and dates",
    "when": "a phrase with the route's status and dates",
    "message": "an error message",
    "columns": "column names or the columns' help; never translated",
    "order": "an order's date or reference",
    "line": "a line number of the CSV file",
    "left": "a phrase with the days left",
    "rules": "a date (YYYY-MM-DD)",
    "today": "a date",
    "posting": "a range of days, such as 3-5",
}
"""What a placeholder holds; any other is a date (in the language's long form) or a number."""


@dataclass(frozen=True)
class Entry:
    id: str
    context: str | None
    plural: str | None
    where: tuple[str, ...]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _keyword(call: ast.Call, name: str) -> str | None:
    for keyword in call.keywords:
        if keyword.arg == name and isinstance(keyword.value, ast.Constant):
            value = keyword.value.value
            return value if isinstance(value, str) else None
    return None


def _calls(path: Path) -> Iterator[tuple[str, str | None, str | None, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT).as_posix()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message"):
            continue
        if not node.args or not isinstance(node.args[0], ast.Constant):
            continue
        text = node.args[0].value
        if isinstance(text, str):
            yield text, _keyword(node, "context"), _keyword(node, "plural"), where


def extract() -> list[Entry]:
    """Every entry of the code and of policy.toml, in the order first met."""
    found: dict[tuple[str, str | None], Entry] = {}

    def add(text: str, context: str | None, plural: str | None, where: str) -> None:
        key = (text, context)
        old = found.get(key)
        places = (*old.where, where) if old else (where,)
        found[key] = Entry(text, context, plural, tuple(dict.fromkeys(places)))

    for path in [*sorted(PACKAGE.rglob("*.py")), *GUIDE_CODE]:
        for text, context, plural, where in _calls(path):
            add(text, context, plural, where)
    policy = tomllib.loads((PACKAGE / "policy.toml").read_text(encoding="utf-8"))
    for season in policy.get("peak_seasons", []):
        add(str(season["name"]), None, None, "calculator/policy.toml (peak season)")
    for entry_id, entry in policy.get("entries", {}).items():
        where = f"calculator/policy.toml (entries.{entry_id})"
        for version in (entry, *entry.get("history", [])):
            if "summary" in version:
                add(str(version["summary"]), policy_words.SUMMARY, None, where)
            if "note" in version:
                add(str(version["note"]), policy_words.NOTE, None, where)
            if "unit" in version:
                add(str(version["unit"]), policy_words.UNIT, None, where)
    return list(found.values())


def _comment(entry: Entry) -> str:
    names = sorted(placeholders(entry.id) | placeholders(entry.plural or ""))
    parts = [f"Used in {', '.join(entry.where)}."]
    for name in names:
        parts.append(f"{{{name}}}: {GLOSSARY.get(name, 'a date or a number')}.")
    return " ".join(parts)


def template() -> Catalog:
    catalog = new_catalogue(None)
    for entry in extract():
        msgid: str | tuple[str, str] = entry.id
        if entry.plural is not None:
            msgid = (entry.id, entry.plural)
        flags = ["python-brace-format"] if placeholders(entry.id) else []
        catalog.add(msgid, context=entry.context, auto_comments=[_comment(entry)], flags=flags)
    return catalog


def new_catalogue(lang: str | None) -> Catalog:
    """An empty catalogue with the project's header, for the template or a language."""
    catalog = Catalog(
        locale=lang,
        domain=DOMAIN,
        project="refund-calc",
        version="1",
        charset="utf-8",
        creation_date=STAMP,
        revision_date=STAMP,
        header_comment=HEADER.format(language=f" in {lang}" if lang else ""),
        fuzzy=False,
    )
    if lang is not None:
        count, rule = PLURALS[lang]
        plurals = ("Plural-Forms", f"nplurals={count}; plural={rule};")
        catalog.mime_headers = [*catalog.mime_headers, plurals]
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, omit_header=False, sort_output=False)


def write_template() -> Path:
    _write(template(), POT)
    return POT


def po_path(lang: str, locale: Path = LOCALE) -> Path:
    return locale / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(lang: str, locale: Path = LOCALE) -> Catalog:
    with po_path(lang, locale).open("rb") as source:
        return read_po(source, locale=lang, domain=DOMAIN)


def update() -> None:
    """Merge the code's entries into each translation, keeping what is translated."""
    fresh = template()
    for lang in TRANSLATED:
        catalog = read_catalogue(lang)
        catalog.update(fresh, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write(catalog, po_path(lang))


def compile_catalogues(locale: Path = LOCALE) -> list[Path]:
    """Each .po compiled to the .mo beside it, which the engine reads."""
    written = []
    for lang in TRANSLATED:
        catalog = read_catalogue(lang, locale)
        target = po_path(lang, locale).with_suffix(".mo")
        with target.open("wb") as out:
            write_mo(out, catalog, use_fuzzy=False)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "compile"
    if command == "extract":
        print(write_template())
    elif command == "update":
        write_template()
        update()
    elif command == "compile":
        for path in compile_catalogues():
            print(path.relative_to(ROOT))
    else:
        print(f"unknown command {command}: extract, update or compile", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
