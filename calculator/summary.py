"""The assessment as short lines for an 80-column terminal.

A worried buyer reads this once, top to bottom: the next step first, then
each route with its last day written with the weekday, since "Monday" is
easier to act on than a bare date.
"""

from __future__ import annotations

import textwrap
from datetime import date

from calculator import policy_words
from calculator.assessment import Assessment, Route
from calculator.dates import weekday_name
from calculator.dates_i18n import sentence_date
from calculator.i18n import DEFAULT, Message, render
from calculator.policy import POLICY
from calculator.vocab import CompletedBy, Decider, Family, Status, status_label

__all__ = ["days_left_phrase", "long_date", "render_summary", "when_phrase"]

LINE_WIDTH = 78
"""Columns of the terminal summary: fits an 80-column terminal with room to spare."""
_INDENT = "  "
_INNER = _INDENT + _INDENT
ALIEXPRESS_HEADING = Message("Refund routes with AliExpress")
PAYMENT_HEADING = Message("If AliExpress says no: your payment")
LAW_HEADING = Message("If AliExpress says no: consumer law")
LAST_DAY_TODAY = Message("today is the last day")
DAYS_LEFT = Message("{n} day left", plural="{n} days left")
LAST_DAY = Message("last day {day}")
LAST_DAY_LEFT = Message("last day {day} ({left})")
BEST_BY = Message("best by {day} · {last}")
OPEN = Message("OPEN · {dates}")
OPEN_UNDATED = Message("OPEN, no fixed last day")
NOT_YET = Message("not yet · {dates}")
NOT_YET_UNDATED = Message("not yet, no fixed last day")
CHECK = Message("{label}: may have closed on {day}")
CHECK_UNTIL = Message("{label}: may have closed on {day} and may be open until {latest}")
IN_DISPUTE = Message("IN DISPUTE")
IN_DISPUTE_LOOK = Message("IN DISPUTE · look again on {day}")
IN_DISPUTE_ACT = Message("IN DISPUTE · act by {day}")
CLOSED = Message("closed", context="summary")
CLOSED_ON = Message("closed (last day was {day})")
NOT_APPLICABLE = Message("does not apply", context="summary")
RULE = Message("Rule: {summary} ({value} {unit}; {titles})")
RULE_SINCE = Message("Rule: {summary} ({value} {unit}, since {since}; {titles})")
ROUTE_LINE = Message("{title}: {phrase}")
NEXT = Message("Next: {step}")
COMPLETED = Message("Order completed {day}")
COMPLETES = Message("Order completes {day}")
COMPLETES_BETWEEN = Message("Order completes between {day} and {latest}: check your order page")
PLACED = Message("AliExpress order placed {day}")
CHECKED = Message("Checked on {day} (rules as of {rules})")
PROTECTION_ENDED = Message("Purchase protection ended {day}")
PROTECTION_ENDS = Message("Purchase protection ends {day}")
PROTECTION_ENDED_RANGE = Message("Purchase protection ended {day} (or as late as {latest}: check)")
PROTECTION_ENDS_RANGE = Message("Purchase protection ends {day} (or as late as {latest}: check)")
NEXT_STEP = Message("Next step: {step}")
DISPUTE_OPENED = Message("Dispute opened {day}")
WATCH_OUT = Message("Watch out")
TIMELINE = Message("Timeline (> still ahead)")


def long_date(day: date, lang: str = DEFAULT) -> str:
    """English: 'Tue 2026-12-15', the weekday to act on and the date no reader misreads;
    other languages: their own long form."""
    if lang == DEFAULT:
        return f"{weekday_name(day)} {day.isoformat()}"
    return sentence_date(day, lang)


def _when(day: date, lang: str) -> object:
    """A date for a message: English's own form as text; in another language the date
    itself, which the message words in its long form (with 'on' where it says {day:on})."""
    return long_date(day) if lang == DEFAULT else day


def days_left_phrase(days_left: int, lang: str = DEFAULT) -> str:
    if days_left == 0:
        return render(LAST_DAY_TODAY, lang)
    return render(DAYS_LEFT.format(n=days_left), lang)


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=LINE_WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def _dates(act_by: date | None, closes_on: date | None, days_left: int | None, lang: str) -> str:
    if closes_on is None:
        return ""
    day = _when(closes_on, lang)
    if days_left is None:
        last = render(LAST_DAY.format(day=day), lang)
    else:
        left = days_left_phrase(days_left, lang)
        last = render(LAST_DAY_LEFT.format(day=day, left=left), lang)
    if act_by is not None and act_by != closes_on:
        return render(BEST_BY.format(day=_when(act_by, lang), last=last), lang)
    return last


def when_phrase(
    status: Status | None,
    act_by: date | None,
    closes_on: date | None,
    days_left: int | None,
    latest: date | None = None,
    *,
    family: Family = Family.ALIEXPRESS,
    decider: Decider = Decider.ORDER_PAGE,
    lang: str = DEFAULT,
) -> str:
    """A route's status and dates in one line: 'OPEN · best by … · last day …'.

    A 'check' leads with who decides (the order page, the bank, the law), in the route's
    own words.
    """
    if status is Status.OPEN or status is Status.NOT_YET:
        dates = _dates(act_by, closes_on, days_left, lang)
        opened = status is Status.OPEN
        if not dates:
            return render(OPEN_UNDATED if opened else NOT_YET_UNDATED, lang)
        return render((OPEN if opened else NOT_YET).format(dates=dates), lang)
    if status is Status.CHECK:
        assert closes_on is not None  # a check always has its range
        label = render(status_label(status, decider), lang).upper()
        day = _when(closes_on, lang)
        if latest is None:
            return render(CHECK.format(label=label, day=day), lang)
        until = _when(latest, lang)
        return render(CHECK_UNTIL.format(label=label, day=day, latest=until), lang)
    if status is Status.IN_DISPUTE:
        if not act_by:
            return render(IN_DISPUTE, lang)
        look = IN_DISPUTE_LOOK if family is Family.ALIEXPRESS else IN_DISPUTE_ACT
        return render(look.format(day=_when(act_by, lang)), lang)
    last = latest or closes_on
    if status is Status.CLOSED:
        if last:
            return render(CLOSED_ON.format(day=_when(last, lang)), lang)
        return render(CLOSED, lang)
    return render(NOT_APPLICABLE, lang)


def _policy_lines(route: Route, lang: str) -> list[str]:
    """The rule's summary in the reader's language; its sources' titles are the pages' own."""
    lines = []
    for use in route.policy:
        entry = use.entry
        values = {
            "summary": policy_words.summary(entry.summary),
            "value": entry.default,
            "unit": policy_words.unit(entry.unit),
            "since": entry.from_.isoformat() if entry.from_ is not None else "",
            "titles": "; ".join(source.title for source in entry.sources),
        }
        text = RULE if entry.from_ is None else RULE_SINCE
        lines += _wrap(render(text.format(**values), lang), _INNER)
    return lines


def _route_lines(route: Route, why: bool, lang: str) -> list[str]:
    phrase = when_phrase(
        route.status,
        route.act_by,
        route.closes_on,
        route.days_left,
        route.closes_on_latest,
        family=route.family,
        decider=route.decider,
        lang=lang,
    )
    lines = _wrap(
        render(ROUTE_LINE.format(title=route.title, phrase=phrase), lang), _INNER, _INDENT
    )
    lines += _wrap(render(route.reason, lang), _INNER)
    if route.status is not Status.NOT_APPLICABLE:
        lines += _wrap(render(NEXT.format(step=route.next_step), lang), _INNER)
    if why:
        lines += _policy_lines(route, lang)
    return lines


def _completion_lines(assessment: Assessment, lang: str) -> list[str]:
    """'Completed' is said as a fact only when it is one; a range says so.

    The end of protection has its own line, so a completion on that day adds none.
    """
    completed, latest = assessment.completed_on, assessment.completed_on_latest
    if completed is None:
        return []
    day = _when(completed, lang)
    if latest is not None:
        text = COMPLETES_BETWEEN.format(day=day, latest=_when(latest, lang))
        return [render(text, lang)]
    if assessment.completed_by is CompletedBy.PROTECTION_END:
        return []
    text = COMPLETED if completed <= assessment.today else COMPLETES
    return [render(text.format(day=day), lang)]


def render_summary(assessment: Assessment, why: bool = False, lang: str = DEFAULT) -> str:
    """The answer as text in `lang`; with `why`, each route lists the rules behind its dates."""
    case = assessment.case

    def say(message: Message) -> str:
        return render(message, lang)

    rules = POLICY.rules_as_of.isoformat()
    lines = [
        say(PLACED.format(day=_when(case.order_date, lang))),
        say(CHECKED.format(day=_when(assessment.today, lang), rules=rules)),
    ]
    end = assessment.protection_end
    if end is not None:
        ended = end < assessment.today
        day = _when(end, lang)
        later = assessment.protection_end_latest
        if later is None:
            line = (PROTECTION_ENDED if ended else PROTECTION_ENDS).format(day=day)
        else:
            text = PROTECTION_ENDED_RANGE if ended else PROTECTION_ENDS_RANGE
            line = text.format(day=day, latest=_when(later, lang))
        lines.append(say(line))
    lines += _completion_lines(assessment, lang)
    lines.append("")
    lines += _wrap(say(NEXT_STEP.format(step=assessment.next_step)), _INDENT, "")
    for heading, family in (
        (ALIEXPRESS_HEADING, Family.ALIEXPRESS),
        (PAYMENT_HEADING, Family.PAYMENT),
        (LAW_HEADING, Family.LAW),
    ):
        lines += ["", say(heading)]
        for route in assessment.routes:
            if route.family is family:
                lines += _route_lines(route, why, lang)
    dispute = assessment.dispute
    if dispute is not None:
        lines += ["", say(DISPUTE_OPENED.format(day=_when(dispute.opened, lang)))]
        lines += _wrap(say(dispute.message), _INNER, _INDENT)
        if dispute.payment_note is not None:
            lines += _wrap(say(dispute.payment_note), _INNER, _INDENT)
    if assessment.warnings:
        lines += ["", say(WATCH_OUT)]
        for warning in assessment.warnings:
            lines += _wrap(say(warning.message), _INNER, _INDENT + "! ")
    lines += ["", say(TIMELINE)]
    for event in assessment.timeline:
        marker = "  " if event.date < assessment.today else "> "
        head = f"{marker}{long_date(event.date, lang)}  "
        lines += _wrap(say(event.label), " " * len(head), head)
    return "\n".join(lines) + "\n"
