"""The `refund-calc` command: assess one order, export its calendar, or rank many orders.

Bad input never shows a traceback: one line on standard error names the
field, the exit status is the usual one for a usage error, and with --json
the same error is also written as JSON so scripts can read it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

from calculator import batch as batch_module
from calculator.batch import run_batch
from calculator.case import InputError, parse_case
from calculator.dates import parse_iso
from calculator.echo import clip, printable
from calculator.engine import assess
from calculator.fields import FIELDS, FieldKind
from calculator.ics import calendar_ics, future_deadlines
from calculator.policy import POLICY
from calculator.summary import render_summary, when_phrase
from calculator.vocab import Family

__all__ = ["build_parser", "main"]

PROG = "refund-calc"
EXIT_BAD_INPUT = 2
"""The usual exit status for a usage error, as argparse itself uses."""
_ARGUMENT = re.compile(r"argument (?:--)?([A-Za-z-]+)")


class _Refused(Exception):
    """Raised instead of argparse's own exit, so every error takes the one-line path."""

    def __init__(self, error: InputError) -> None:
        super().__init__(error.message)
        self.error = error


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        match = _ARGUMENT.search(message)
        field = match.group(1).lower() if match else "arguments"
        raise _Refused(InputError(field, message))


def _case_options(parser: argparse.ArgumentParser) -> None:
    """One option per field of the field table, named and explained as it says."""
    for field in FIELDS:
        text = field.help
        if field.required:
            text += " (required)"
        if field.kind is FieldKind.FLAG:
            parser.add_argument(f"--{field.name}", action="store_true", help=text)
            continue
        if field.kind is FieldKind.CHOICE:
            values = [value for value, _ in field.choices if value]
            text += f" One of: {', '.join(values)}."
        metavar = {FieldKind.DATE: "D", FieldKind.DAYS: "N"}.get(field.kind, "WORD")
        parser.add_argument(f"--{field.name}", metavar=metavar, help=text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Which AliExpress refund routes are still open for an order, "
        "the last day for each and what to do next. Dates are YYYY-MM-DD.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    assess_parser = commands.add_parser(
        "assess",
        help="judge every refund route for one order",
        description="Judge every "
        "refund route for one order: status, last day, days left, reason and next step.",
    )
    _case_options(assess_parser)
    assess_parser.add_argument("--json", action="store_true", help="print the result as JSON")
    assess_parser.add_argument(
        "--why",
        action="store_true",
        help="under each route, the rules its dates come from, with their sources",
    )
    ics_parser = commands.add_parser(
        "ics",
        help="write the order's future deadlines as a calendar (.ics) to standard output",
        description="Write the order's future deadlines as an iCalendar file, each with "
        f"a reminder {POLICY.days('reminder_days')} days before.",
    )
    _case_options(ics_parser)
    ics_parser.add_argument("--json", action="store_true", help="report errors as JSON too")
    batch_parser = commands.add_parser(
        "batch",
        help="rank many orders from a CSV file, most urgent first",
        description=f"{batch_module.__doc__}\nColumns:\n{batch_module.column_help()}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    batch_parser.add_argument(
        "file", metavar="FILE.csv", help="the CSV file, or - for standard input"
    )
    batch_parser.add_argument("--today", metavar="D", help="assess as of this day (default: today)")
    output = batch_parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the result as JSON")
    output.add_argument("--csv", action="store_true", help="print the result as CSV")
    return parser


def _fields(args: argparse.Namespace) -> dict[str, object]:
    return {field.name: getattr(args, field.attr) for field in FIELDS}


def _batch_today(text: str | None) -> date:
    if text is None or not text.strip():
        return date.today()
    parsed = parse_iso(text.strip())
    if parsed is None:
        raise InputError("today", f"today '{clip(text)}' is not a real date in YYYY-MM-DD form")
    return parsed


def _read_csv(name: str, stdin: TextIO) -> str:
    if name == "-":
        return stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8 text"
        raise InputError("file", f"file {clip(name)} cannot be read: {reason}") from None


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _batch_text(result: batch_module.BatchResult) -> str:
    lines = [f"{_count(len(result.rows), 'order')} assessed on {result.today}, most urgent first"]
    for row in result.rows:
        if row.title is None:
            when = "nothing open"
        else:
            when = f"{row.title}: " + when_phrase(
                row.status,
                row.act_by,
                row.closes_on,
                row.days_left,
                row.closes_on_latest,
                family=row.family or Family.ALIEXPRESS,
                decider=row.decider,
            )
        lines.append(f"  line {row.line}  {clip(row.order_id) or '-'}: {when}")
    if result.errors:
        lines.append(f"{_count(len(result.errors), 'row')} could not be read")
        lines.extend(f"  line {e.line}: {e.message}" for e in result.errors)
    if result.ignored_columns:
        ignored = ", ".join(clip(name) for name in result.ignored_columns)
        lines.append(f"Ignored columns: {ignored}")
    return "\n".join(printable(line) for line in lines) + "\n"


def _run(args: argparse.Namespace, stdin: TextIO, err: TextIO) -> tuple[str, Any]:
    """The text to print; the Any part is the JSON document when --json was asked for."""
    if args.command == "batch":
        result = run_batch(_read_csv(args.file, stdin), _batch_today(args.today))
        if args.csv:
            # The cells keep their line breaks; nothing else may reach a terminal raw.
            return printable(result.to_csv(), lines=True), None
        return _batch_text(result), result.to_dict()
    assessment = assess(parse_case(_fields(args)))
    if args.command == "ics":
        if not future_deadlines(assessment):
            print(f"{PROG}: no deadline lies ahead, so the calendar has no events", file=err)
        return calendar_ics(assessment), None
    return render_summary(assessment, why=args.why), assessment.to_dict()


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command; the streams are parameters so tests can run it in-process too."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    wants_json = "--json" in arguments
    try:
        args = build_parser().parse_args(arguments)
        if args.command is None:
            raise InputError("command", "choose a command: assess, ics or batch (see --help)")
        text, document = _run(args, stdin or sys.stdin, err)
    except (_Refused, InputError) as problem:
        error = problem.error if isinstance(problem, _Refused) else problem
        print(f"{PROG}: {printable(error.message)}", file=err)
        if wants_json:
            print(json.dumps({"error": error.to_dict()}), file=out)
        return EXIT_BAD_INPUT
    if wants_json and document is not None:
        print(json.dumps(document, indent="  "), file=out)
    else:
        out.write(text)
    return 0
