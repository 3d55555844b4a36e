"""What the shopper knows about one order, and the checks that make it trustworthy.

A deadline computed from an impossible set of dates would look precise and
be wrong, so every inconsistency is refused with one line that names the
field (by its command-line option name) and says what is wrong. Which fields
exist, and how each is read, comes from calculator.fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from calculator.dates import parse_iso
from calculator.errors import InputError
from calculator.fields import FIELD_BY_NAME, FIELDS, Field, FieldKind
from calculator.i18n import Option
from calculator.policy import POLICY
from calculator.vocab import REFUNDING, DisputeOutcome, DisputeReason, PaymentMethod, Region

__all__ = ["Case", "InputError", "parse_case"]

_TRUE = frozenset({"true", "yes", "on", "1", "y"})
_FALSE = frozenset({"false", "no", "off", "0", "n", ""})
_WHOLE = re.compile(r"[+-]?[0-9]+")
MOST_DIGITS = 9
"""A whole number longer than this is refused before Python reads it: reading a
5,000-digit number fails, and any limit in the policy is far shorter."""
# (option name, attribute) pairs: the checks run on every row of a batch.
_DATE_FIELDS = tuple((f.name, f.attr) for f in FIELDS if f.kind is FieldKind.DATE)
_EVENT_FIELDS = tuple((f.name, f.attr) for f in FIELDS if f.event)
# Each of these needs the parcel to have left, so none can be before shipping.
_AFTER_SHIPPING = tuple(
    (name, FIELD_BY_NAME[name].attr)
    for name in ("tracking-delivered", "delivered", "confirmed", "protection-end")
)
# A request's story in the order it happens; each step needs the request to exist.
_DISPUTE_STEPS = tuple(
    (name, FIELD_BY_NAME[name].attr)
    for name in ("seller-replied", "return-agreed", "refund-approved", "dispute-closed")
)


@dataclass(frozen=True)
class Case:
    """One order; constructing it checks it, so an invalid Case never exists."""

    order_date: date
    shipped: date | None = None
    protection_end: date | None = None
    protection_days: int | None = None
    tracking_delivered: date | None = None
    delivered: date | None = None
    confirmed: date | None = None
    dispute_opened: date | None = None
    dispute_reason: DisputeReason | None = None
    seller_replied: date | None = None
    return_agreed: date | None = None
    refund_approved: date | None = None
    dispute_closed: date | None = None
    dispute_outcome: DisputeOutcome | None = None
    payment_method: PaymentMethod = PaymentMethod.CARD
    paid_on: date | None = None
    """None: paid on the order date."""
    paypal_opened: date | None = None
    free_return: bool = False
    region: Region = Region.OTHER
    today: date | None = None

    def __post_init__(self) -> None:
        check_case(self)

    def with_today(self, today: date) -> Case:
        return replace(self, today=today)

    @property
    def paid(self) -> date:
        """The payment day: as given, else the order date."""
        return self.paid_on or self.order_date

    @property
    def disputed(self) -> DisputeReason | None:
        """What the open (or closed) request is about: as given, else what the dates say."""
        if self.dispute_opened is None:
            return None
        if self.dispute_reason is not None:
            return self.dispute_reason
        if self.delivered is None:
            return DisputeReason.NOT_RECEIVED
        return DisputeReason.NOT_AS_DESCRIBED


def _after(field: str, later: date, other: str, earlier: date | None) -> None:
    if earlier is not None and later < earlier:
        raise InputError(
            field, "before", field=Option(field), value=later, other=Option(other), earlier=earlier
        )


def _check_dates(case: Case) -> None:
    low_year, high_year = POLICY.limit("year_min"), POLICY.limit("year_max")
    values = vars(case)  # read as a dict: every row of a batch runs these checks
    for name, attr in _DATE_FIELDS:
        value = values[attr]
        if value is None:
            continue
        if not isinstance(value, date):
            raise InputError(name, "date_type", field=Option(name))
        if not low_year <= value.year <= high_year:
            raise InputError(
                name, "years", field=Option(name), value=value, low=low_year, high=high_year
            )


def _check_protection(case: Case) -> None:
    if case.protection_days is None:
        return
    if case.protection_end is not None:
        raise InputError(
            "protection-days",
            "not_both",
            field=Option("protection-end"),
            other=Option("protection-days"),
        )
    low, high = POLICY.limit("protection_days_min"), POLICY.limit("protection_days_max")
    if not low <= case.protection_days <= high:
        raise InputError(
            "protection-days",
            "range",
            field=Option("protection-days"),
            value=case.protection_days,
            low=low,
            high=high,
        )


def _not_one_of(field: str, value: object, choices: type[StrEnum]) -> InputError:
    return InputError(
        field, "not_one_of", field=Option(field), text=str(value), choices=", ".join(choices)
    )


def _needed(field: str, other: str) -> InputError:
    return InputError(field, "needed_with", field=Option(field), other=Option(other))


_METHODS = frozenset(PaymentMethod)
_REGIONS = frozenset(Region)
_REASONS = frozenset(DisputeReason)
_OUTCOMES = frozenset(DisputeOutcome)


def _check_choices(case: Case) -> None:
    if case.payment_method not in _METHODS:
        raise _not_one_of("payment-method", case.payment_method, PaymentMethod)
    if case.region not in _REGIONS:
        raise _not_one_of("region", case.region, Region)
    if case.dispute_reason is not None:
        if case.dispute_reason not in _REASONS:
            raise _not_one_of("dispute-reason", case.dispute_reason, DisputeReason)
        if case.dispute_opened is None:
            raise _needed("dispute-opened", "dispute-reason")
    _check_outcome(case)


def _check_outcome(case: Case) -> None:
    outcome = case.dispute_outcome
    if outcome is None:
        return
    if outcome not in _OUTCOMES:
        raise _not_one_of("dispute-outcome", outcome, DisputeOutcome)
    if case.dispute_closed is None:
        raise _needed("dispute-closed", "dispute-outcome")
    if case.refund_approved is not None and outcome not in REFUNDING:
        raise InputError(
            "dispute-outcome",
            "outcome_refund",
            field=Option("dispute-outcome"),
            value=str(outcome),
            approved=case.refund_approved,
        )


def _check_order(case: Case) -> None:
    order = case.order_date
    if case.shipped is not None:
        _after("shipped", case.shipped, "order-date", order)
    values = vars(case)
    for name, attr in _AFTER_SHIPPING:
        value = values[attr]
        if value is None:
            continue
        if case.shipped is None:
            raise _needed("shipped", name)
        assert isinstance(value, date)  # checked by _check_dates
        _after(name, value, "shipped", case.shipped)
    if case.dispute_opened is not None:
        _after("dispute-opened", case.dispute_opened, "order-date", order)
        _after("dispute-opened", case.dispute_opened, "shipped", case.shipped)
    previous, previous_name = case.dispute_opened, "dispute-opened"
    for name, attr in _DISPUTE_STEPS:
        value = values[attr]
        if not isinstance(value, date):
            continue
        if case.dispute_opened is None:
            raise _needed("dispute-opened", name)
        _after(name, value, previous_name, previous)
        previous, previous_name = value, name
    if case.paid_on is not None:
        _after("paid-on", case.paid_on, "order-date", order)
    if case.paypal_opened is not None:
        if case.payment_method is not PaymentMethod.PAYPAL:
            raise InputError(
                "paypal-opened",
                "needs_paypal",
                field=Option("paypal-opened"),
                other=Option("payment-method"),
            )
        _after("paypal-opened", case.paypal_opened, "paid-on", case.paid_on)
        _after("paypal-opened", case.paypal_opened, "order-date", order)


def _check_today(case: Case) -> None:
    if case.today is None:
        return
    if case.today < case.order_date:
        _after("today", case.today, "order-date", case.order_date)
    today, values = case.today, vars(case)
    for name, attr in _EVENT_FIELDS:
        value = values[attr]
        if isinstance(value, date) and value > today:
            raise InputError(name, "after_today", field=Option(name), value=value, today=today)


def check_case(case: Case) -> None:
    """Refuse dates that cannot all be true; the first problem found is reported.

    Choices given as plain strings become their vocabulary members, so the
    rules can compare by identity whoever built the Case.
    """
    _check_dates(case)
    _check_protection(case)
    _check_choices(case)
    object.__setattr__(case, "payment_method", PaymentMethod(case.payment_method))
    object.__setattr__(case, "region", Region(case.region))
    if case.dispute_reason is not None:
        object.__setattr__(case, "dispute_reason", DisputeReason(case.dispute_reason))
    if case.dispute_outcome is not None:
        object.__setattr__(case, "dispute_outcome", DisputeOutcome(case.dispute_outcome))
    _check_order(case)
    _check_today(case)


def _text(field: str, raw: object) -> str:
    if not isinstance(raw, str):
        raise InputError(field, "not_text", field=Option(field), kind=type(raw).__name__)
    return raw.strip()


# The parsers below get a value that is neither None nor "": parse_case reads those as blank.


def _parse_date(field: str, raw: object) -> date | None:
    if isinstance(raw, date):
        return raw
    text = _text(field, raw)
    if not text:
        return None
    parsed = parse_iso(text)
    if parsed is None:
        raise InputError(field, "not_a_date", field=Option(field), text=text)
    return parsed


def _parse_days(field: str, raw: object) -> int | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    text = _text(field, raw)
    if not text:
        return None
    if _WHOLE.fullmatch(text) is None:
        raise InputError(field, "not_days", field=Option(field), text=text)
    if len(text.lstrip("+-")) > MOST_DIGITS:
        raise InputError(field, "too_many_digits", field=Option(field), text=text, most=MOST_DIGITS)
    return int(text)


def _parse_flag(field: str, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = _text(field, raw).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(field, "not_yes_no", field=Option(field), text=text)


def _parse_choice(field: Field, raw: object) -> str | None:
    """The choice as typed, lower-cased; None for blank. Its value is checked with the case."""
    text = _text(field.name, raw).lower().replace("-", "_")
    return text or None


def _parse(field: Field, raw: object) -> object:
    if field.kind is FieldKind.DATE:
        return _parse_date(field.name, raw)
    if field.kind is FieldKind.DAYS:
        return _parse_days(field.name, raw)
    if field.kind is FieldKind.FLAG:
        return _parse_flag(field.name, raw)
    return _parse_choice(field, raw)


# (field, option name, attribute, blank value) once: a batch parses every field of every row.
_PARSED = tuple(
    (field, field.name, field.attr, False if field.kind is FieldKind.FLAG else None)
    for field in FIELDS
)


def _choice(
    kind: type[PaymentMethod] | type[DisputeReason] | type[DisputeOutcome] | type[Region],
    text: object,
) -> object:
    """The vocabulary member for a typed choice; an unknown word stays text for the check."""
    if not isinstance(text, str):
        return text
    try:
        return kind(text)
    except ValueError:
        return text


def parse_case(fields: Mapping[str, object], today: date | None = None) -> Case:
    """Build a checked Case from option-name keys; blank values count as absent.

    `today` is used when the fields carry none, then the local date, so that
    the check "today is not before the order date" always runs here.
    """
    for key in fields:
        if key not in FIELD_BY_NAME:
            raise InputError(key, "unknown_field", field=Option(key))
    values = {
        attr: blank if (raw := fields.get(name)) is None or raw == "" else _parse(field, raw)
        for field, name, attr, blank in _PARSED
    }
    if values["order_date"] is None:
        raise InputError("order-date", "required", field=Option("order-date"))
    values["today"] = values["today"] or today or date.today()
    method = _choice(PaymentMethod, values["payment_method"])
    values["payment_method"] = method or PaymentMethod.CARD
    values["dispute_reason"] = _choice(DisputeReason, values["dispute_reason"])
    values["dispute_outcome"] = _choice(DisputeOutcome, values["dispute_outcome"])
    values["region"] = _choice(Region, values["region"]) or Region.OTHER
    return Case(**values)  # type: ignore[arg-type]
