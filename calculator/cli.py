"""The `refund-calc` command: assess one order, export its calendar, or rank many orders.

Bad input never shows a traceback: one line on standard error names the
field, the exit status is the usual one for a usage error, and with --json
the same error is also written as JSON so scripts can read it. Every command
answers in the language of --lang, else of LC_ALL or LANG, else English; the
JSON's keys and values and the CSV's columns stay the same in every language.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from calculator import batch as batch_module
from calculator.batch import run_batch
from calculator.case import InputError, parse_case
from calculator.dates import parse_iso
from calculator.echo import clip, printable
from calculator.engine import assess
from calculator.fields import FIELDS, FieldKind
from calculator.i18n import DEFAULT, LANGUAGES, Message, Option, language, render
from calculator.ics import calendar_ics, future_deadlines
from calculator.policy import POLICY
from calculator.summary import render_summary, when_phrase
from calculator.vocab import Family

__all__ = ["build_parser", "main"]

PROG = "refund-calc"
EXIT_BAD_INPUT = 2
"""The usual exit status for a usage error, as argparse itself uses."""
LANG_OPTION = "--lang"
LANG_CHOICES = ("en", "es", "pt-BR")
"""How --lang names the languages: the tags a reader knows (pt-BR, not pt_BR)."""

REQUIRED = Message("{help} (required)")
ONE_OF = Message("{help} One of: {choices}.")
DESCRIPTION = Message(
    "Which AliExpress refund routes are still open for an order, the last day for each and "
    "what to do next. Dates are YYYY-MM-DD."
)
ASSESS_HELP = Message("judge every refund route for one order")
ASSESS_DESCRIPTION = Message(
    "Judge every refund route for one order: status, last day, days left, reason and next step."
)
JSON_HELP = Message("print the result as JSON")
WHY_HELP = Message("under each route, the rules its dates come from, with their sources")
ICS_HELP = Message("write the order's future deadlines as a calendar (.ics) to standard output")
ICS_DESCRIPTION = Message(
    "Write the order's future deadlines as an iCalendar file, each with a reminder {days} days "
    "before."
)
ICS_JSON_HELP = Message("report errors as JSON too")
BATCH_HELP = Message("rank many orders from a CSV file, most urgent first")
BATCH_DESCRIPTION = Message(
    "Many orders at once, most urgent first. The input is CSV with a header row naming the "
    "columns, in any order; blank cells mean unknown. A row with bad data is reported with its "
    "line number, the column and what is wrong; the other rows are still assessed. Each row "
    "shows the order's next route and, beside it, the fallback that closes before AliExpress "
    "is likely to decide.\nColumns:\n{columns}"
)
FILE_HELP = Message("the CSV file, or - for standard input")
TODAY_HELP = Message("assess as of this day (default: today)")
CSV_HELP = Message("print the result as CSV")
LANG_HELP = Message("the language of the answer: {choices} (default: from LC_ALL or LANG)")
NO_DEADLINE = Message("no deadline lies ahead, so the calendar has no events")
ASSESSED = Message(
    "{n} order assessed on {today}, most urgent first",
    plural="{n} orders assessed on {today}, most urgent first",
)
NOTHING_OPEN = Message("nothing open")
ROW_NEXT = Message("{title}: {when}")
ROW = Message("line {line}  {order}: {when}")
UNREAD = Message("{n} row could not be read", plural="{n} rows could not be read")
ROW_ERROR = Message("line {line}: {message}")
IGNORED = Message("Ignored columns: {columns}")


class _Refused(Exception):
    """Raised instead of argparse's own exit, so every error takes the one-line path."""

    def __init__(self, error: InputError) -> None:
        super().__init__(error.message)
        self.error = error


class _Parser(argparse.ArgumentParser):
    """Errors as data: argparse's own are caught where they are raised, with the option they
    are about, rather than read back from its English sentences."""

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: None = None
    ) -> argparse.Namespace:
        try:
            parsed, extras = self.parse_known_args(args, namespace)
        except argparse.ArgumentError as error:
            name = (error.argument_name or "arguments").split("/")[0].lstrip("-").lower()
            raise _Refused(InputError(name, "bad_option", field=Option(name))) from None
        if extras:
            raise _Refused(InputError("arguments", "unknown_option", field=Option(extras[0])))
        return parsed


def _parser(**options: Any) -> _Parser:
    return _Parser(exit_on_error=False, **options)


def _case_options(parser: argparse.ArgumentParser, lang: str) -> None:
    """One option per field of the field table, named and explained as it says."""
    for field in FIELDS:
        text: Message = REQUIRED.format(help=field.help) if field.required else field.help
        if field.kind is FieldKind.FLAG:
            parser.add_argument(f"--{field.name}", action="store_true", help=render(text, lang))
            continue
        if field.kind is FieldKind.CHOICE:
            values = [value for value, _ in field.choices if value]
            text = ONE_OF.format(help=text, choices=", ".join(values))
        metavar = {FieldKind.DATE: "D", FieldKind.DAYS: "N"}.get(field.kind, "WORD")
        parser.add_argument(f"--{field.name}", metavar=metavar, help=render(text, lang))


def _lang_option(parser: argparse.ArgumentParser, lang: str) -> None:
    choices = ", ".join(LANG_CHOICES)
    parser.add_argument(
        LANG_OPTION, metavar="LANG", help=render(LANG_HELP.format(choices=choices), lang)
    )


def build_parser(lang: str = DEFAULT) -> argparse.ArgumentParser:
    """The command line, its help in `lang`."""

    def say(message: Message) -> str:
        return render(message, lang)

    parser = _parser(prog=PROG, description=say(DESCRIPTION))
    _lang_option(parser, lang)  # before the command too: refund-calc --lang es assess ...
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    assess_parser = commands.add_parser(
        "assess",
        help=say(ASSESS_HELP),
        description=say(ASSESS_DESCRIPTION),
        exit_on_error=False,
    )
    _case_options(assess_parser, lang)
    assess_parser.add_argument("--json", action="store_true", help=say(JSON_HELP))
    assess_parser.add_argument("--why", action="store_true", help=say(WHY_HELP))
    _lang_option(assess_parser, lang)
    ics_parser = commands.add_parser(
        "ics",
        help=say(ICS_HELP),
        description=say(ICS_DESCRIPTION.format(days=POLICY.days("reminder_days"))),
        exit_on_error=False,
    )
    _case_options(ics_parser, lang)
    ics_parser.add_argument("--json", action="store_true", help=say(ICS_JSON_HELP))
    _lang_option(ics_parser, lang)
    batch_parser = commands.add_parser(
        "batch",
        help=say(BATCH_HELP),
        description=say(BATCH_DESCRIPTION.format(columns=batch_module.column_help(lang))),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        exit_on_error=False,
    )
    batch_parser.add_argument("file", metavar="FILE.csv", nargs="?", help=say(FILE_HELP))
    batch_parser.add_argument("--today", metavar="D", help=say(TODAY_HELP))
    output = batch_parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=say(JSON_HELP))
    output.add_argument("--csv", action="store_true", help=say(CSV_HELP))
    _lang_option(batch_parser, lang)
    return parser


def environment_language(environ: dict[str, str] | None = None) -> str:
    """The language of LC_ALL, else LANG, when the engine speaks it; else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LANG"):
        value = env.get(name)
        if value:
            return language(value) or DEFAULT
    return DEFAULT


def _asked_language(arguments: list[str]) -> str | None:
    """The --lang value as typed, found before parsing so that help and errors use it."""
    for index, argument in enumerate(arguments):
        if argument == LANG_OPTION and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith(LANG_OPTION + "="):
            return argument.split("=", 1)[1]
    return None


def _language(asked: str | None, environ: dict[str, str] | None) -> str:
    if asked is None:
        return environment_language(environ)
    lang = language(asked)
    if lang is None or lang not in LANGUAGES:
        raise InputError(
            "lang", "language", field=Option("lang"), text=asked, choices=", ".join(LANG_CHOICES)
        )
    return lang


def _fields(args: argparse.Namespace) -> dict[str, object]:
    return {field.name: getattr(args, field.attr) for field in FIELDS}


def _batch_today(text: str | None) -> date:
    if text is None or not text.strip():
        return date.today()
    parsed = parse_iso(text.strip())
    if parsed is None:
        raise InputError("today", "not_a_date", field=Option("today"), text=text)
    return parsed


def _read_csv(name: str | None, stdin: TextIO) -> str:
    if name is None:
        raise InputError("file", "no_file")
    if name == "-":
        return stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("file", "not_utf8", name=name) from None
    except OSError as error:
        raise InputError("file", "unreadable", name=name, reason=error.strerror) from None


def _batch_text(result: batch_module.BatchResult, lang: str) -> str:
    def say(message: Message) -> str:
        return render(message, lang)

    lines = [say(ASSESSED.format(n=len(result.rows), today=result.today.isoformat()))]
    for row in result.rows:
        if row.title is None:
            when = say(NOTHING_OPEN)
        else:
            phrase = when_phrase(
                row.status,
                row.act_by,
                row.closes_on,
                row.days_left,
                row.closes_on_latest,
                family=row.family or Family.ALIEXPRESS,
                decider=row.decider,
                lang=lang,
            )
            when = say(ROW_NEXT.format(title=row.title, when=phrase))
        order = clip(row.order_id) or "-"
        lines.append("  " + say(ROW.format(line=row.line, order=order, when=when)))
    if result.errors:
        lines.append(say(UNREAD.format(n=len(result.errors))))
        lines.extend(
            "  " + say(ROW_ERROR.format(line=e.line, message=e.error.text)) for e in result.errors
        )
    if result.ignored_columns:
        ignored = ", ".join(clip(name) for name in result.ignored_columns)
        lines.append(say(IGNORED.format(columns=ignored)))
    return "\n".join(printable(line) for line in lines) + "\n"


def _run(args: argparse.Namespace, stdin: TextIO, err: TextIO, lang: str) -> tuple[str, Any]:
    """The text to print; the Any part is the JSON document when --json was asked for."""
    if args.command == "batch":
        result = run_batch(_read_csv(args.file, stdin), _batch_today(args.today))
        if args.csv:
            # The cells keep their line breaks; nothing else may reach a terminal raw.
            return printable(result.to_csv(lang), lines=True), None
        return _batch_text(result, lang), result.to_dict(lang)
    assessment = assess(parse_case(_fields(args)))
    if args.command == "ics":
        if not future_deadlines(assessment):
            print(f"{PROG}: {render(NO_DEADLINE, lang)}", file=err)
        return calendar_ics(assessment, lang), None
    return render_summary(assessment, why=args.why, lang=lang), assessment.to_dict(lang)


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
    environ: dict[str, str] | None = None,
) -> int:
    """Run the command; the streams and the environment are parameters so tests can run it
    in-process too."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    wants_json = "--json" in arguments
    lang = environment_language(environ)
    try:
        lang = _language(_asked_language(arguments), environ)
        args = build_parser(lang).parse_args(arguments)
        if args.command is None:
            raise InputError("command", "no_command")
        text, document = _run(args, stdin or sys.stdin, err, lang)
    except (_Refused, InputError) as problem:
        error = problem.error if isinstance(problem, _Refused) else problem
        print(f"{PROG}: {printable(error.worded(lang))}", file=err)
        if wants_json:
            print(json.dumps({"error": error.to_dict(lang)}), file=out)
        return EXIT_BAD_INPUT
    if wants_json and document is not None:
        print(json.dumps(document, indent="  "), file=out)
    else:
        out.write(text)
    return 0
