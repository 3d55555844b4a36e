"""What the shopper knows about one order, and the checks that make it trustworthy.

A deadline computed from an impossible set of dates would look precise and
be wrong, so every inconsistency is refused with one line that names the
field (by its command-line option name) and says what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date

from calculator.dates import parse_iso
from calculator.policy import POLICY

__all__ = ["FIELD_NAMES", "PAYMENT_METHODS", "Case", "InputError", "parse_case"]

PAYMENT_METHODS = ("card", "paypal", "balance", "other")

# Option name -> Case attribute, in the order the command line lists them.
FIELD_NAMES: dict[str, str] = {
    "order-date": "order_date",
    "shipped": "shipped",
    "delivered": "delivered",
    "protection-end": "protection_end",
    "protection-days": "protection_days",
    "dispute-opened": "dispute_opened",
    "seller-replied": "seller_replied",
    "refund-approved": "refund_approved",
    "payment-method": "payment_method",
    "free-return": "free_return",
    "today": "today",
}
_DATE_FIELDS = (
    "order-date",
    "shipped",
    "delivered",
    "protection-end",
    "dispute-opened",
    "seller-replied",
    "refund-approved",
    "today",
)
# Things that have already happened cannot be dated after today.
_EVENT_FIELDS = ("shipped", "delivered", "dispute-opened", "seller-replied", "refund-approved")
_TRUE = frozenset({"true", "yes", "on", "1", "y"})
_FALSE = frozenset({"false", "no", "off", "0", "n", ""})
_WHOLE = re.compile(r"[+-]?[0-9]+")


class InputError(ValueError):
    """Bad input, named by the option the user typed so they can find it at once."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


@dataclass(frozen=True)
class Case:
    """One order; constructing it checks it, so an invalid Case never exists."""

    order_date: date
    shipped: date | None = None
    delivered: date | None = None
    protection_end: date | None = None
    protection_days: int | None = None
    dispute_opened: date | None = None
    seller_replied: date | None = None
    refund_approved: date | None = None
    payment_method: str = "card"
    free_return: bool = False
    today: date | None = None

    def __post_init__(self) -> None:
        check_case(self)

    def with_today(self, today: date) -> Case:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["today"] = today
        return Case(**values)


def _after(field: str, later: date, other: str, earlier: date | None) -> None:
    if earlier is not None and later < earlier:
        raise InputError(field, f"{field} {later} is before {other} {earlier}")


def _dates(case: Case) -> dict[str, object]:
    """The date fields by option name, read directly: this runs for every batch row."""
    return {
        "order-date": case.order_date,
        "shipped": case.shipped,
        "delivered": case.delivered,
        "protection-end": case.protection_end,
        "dispute-opened": case.dispute_opened,
        "seller-replied": case.seller_replied,
        "refund-approved": case.refund_approved,
        "today": case.today,
    }


def check_case(case: Case) -> None:
    """Refuse dates that cannot all be true; the first problem found is reported."""
    limits = POLICY.limits
    low_year, high_year = limits["year_min"], limits["year_max"]
    dates = _dates(case)
    for field, value in dates.items():
        if value is None:
            continue
        if not isinstance(value, date):
            raise InputError(field, f"{field} must be a date")
        if not low_year <= value.year <= high_year:
            raise InputError(
                field, f"{field} {value} is outside the years {low_year} to {high_year}"
            )
    if case.protection_days is not None:
        if case.protection_end is not None:
            raise InputError("protection-days", "give protection-end or protection-days, not both")
        low, high = limits["protection_days_min"], limits["protection_days_max"]
        if not low <= case.protection_days <= high:
            raise InputError(
                "protection-days",
                f"protection-days {case.protection_days} is outside {low} to {high}",
            )
    if case.payment_method not in PAYMENT_METHODS:
        raise InputError(
            "payment-method",
            f"payment-method '{case.payment_method}' is not one of {', '.join(PAYMENT_METHODS)}",
        )
    order = case.order_date
    if case.shipped is not None:
        _after("shipped", case.shipped, "order-date", order)
    for field in ("delivered", "protection-end"):
        value = dates[field]
        if value is not None and case.shipped is None:
            raise InputError("shipped", f"shipped is needed with {field}")
        if isinstance(value, date):
            _after(field, value, "shipped", case.shipped)
    if case.dispute_opened is not None:
        _after("dispute-opened", case.dispute_opened, "order-date", order)
        _after("dispute-opened", case.dispute_opened, "shipped", case.shipped)
    previous, previous_field = case.dispute_opened, "dispute-opened"
    for field in ("seller-replied", "refund-approved"):
        value = dates[field]
        if not isinstance(value, date):
            continue
        if case.dispute_opened is None:
            raise InputError("dispute-opened", f"dispute-opened is needed with {field}")
        _after(field, value, previous_field, previous)
        previous, previous_field = value, field
    if case.today is not None:
        if case.today < order:
            raise InputError("today", f"today {case.today} is before order-date {order}")
        for field in _EVENT_FIELDS:
            value = dates[field]
            if isinstance(value, date) and value > case.today:
                raise InputError(field, f"{field} {value} is after today {case.today}")


def _text(field: str, raw: object) -> str:
    if not isinstance(raw, str):
        raise InputError(field, f"{field} must be text, not {type(raw).__name__}")
    return raw.strip()


def _parse_date(field: str, raw: object) -> date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, date):
        return raw
    text = _text(field, raw)
    if not text:
        return None
    parsed = parse_iso(text)
    if parsed is None:
        raise InputError(field, f"{field} '{text}' is not a real date in YYYY-MM-DD form")
    return parsed


def _parse_days(field: str, raw: object) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    text = _text(field, raw)
    if not text:
        return None
    if _WHOLE.fullmatch(text) is None:
        raise InputError(field, f"{field} '{text}' is not a whole number of days")
    return int(text)


def _parse_flag(field: str, raw: object) -> bool:
    if raw is None:
        return False
    if isinstance(raw, bool):
        return raw
    text = _text(field, raw).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(field, f"{field} '{text}' is not yes or no")


def _parse_method(field: str, raw: object) -> str:
    if raw is None:
        return "card"
    text = _text(field, raw).lower()
    return text or "card"


def parse_case(fields: Mapping[str, object], today: date | None = None) -> Case:
    """Build a checked Case from option-name keys; blank values count as absent.

    `today` is used when the fields carry none, then the local date, so that
    the check "today is not before the order date" always runs here.
    """
    for key in fields:
        if key not in FIELD_NAMES:
            raise InputError(key, f"{key} is not a known field")
    values = {name: _parse_date(name, fields.get(name)) for name in _DATE_FIELDS}
    order_date = values.pop("order-date")
    if order_date is None:
        raise InputError("order-date", "order-date is required")
    given_today = values.pop("today") or today or date.today()
    return Case(
        order_date=order_date,
        shipped=values["shipped"],
        delivered=values["delivered"],
        protection_end=values["protection-end"],
        protection_days=_parse_days("protection-days", fields.get("protection-days")),
        dispute_opened=values["dispute-opened"],
        seller_replied=values["seller-replied"],
        refund_approved=values["refund-approved"],
        payment_method=_parse_method("payment-method", fields.get("payment-method")),
        free_return=_parse_flag("free-return", fields.get("free-return")),
        today=given_today,
    )
