"""The one table of what a reader can tell the calculator about an order.

The command line's options, the batch file's columns, the JSON case, the
page's form and the share link's keys are all read from this table, so a new
field is one row here and cannot be forgotten in one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from calculator.vocab import DisputeOutcome, DisputeReason, PaymentMethod, Region, Situation

__all__ = ["FIELDS", "FIELD_BY_NAME", "Field", "FieldKind", "fields_json"]


class FieldKind(StrEnum):
    DATE = "date"
    DAYS = "days"
    CHOICE = "choice"
    FLAG = "flag"


@dataclass(frozen=True)
class Field:
    name: str
    """The long option name; also the form field's id and the share link's key."""
    kind: FieldKind
    label: str
    help: str
    group: str
    situations: tuple[Situation, ...]
    """The situations this field matters for; the rest of the time it waits under 'more details'."""
    required: bool = False
    event: bool = False
    """Something that has already happened, so it cannot be after today."""
    choices: tuple[tuple[str, str], ...] = ()
    """(value, label) pairs for a choice; the first is the default."""
    asked_first: bool = False
    """In the situations it matters for, its group comes first: the number it holds decides
    the dates, and the order page shows it at the top."""

    @property
    def attr(self) -> str:
        """The Case attribute."""
        return self.name.replace("-", "_")

    @property
    def column(self) -> str:
        """The batch file's column name."""
        return self.attr

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "label": self.label,
            "help": self.help,
            "group": self.group,
            "situations": list(self.situations),
            "required": self.required,
            "choices": [list(choice) for choice in self.choices],
            "asked_first": self.asked_first,
        }


_ALL = tuple(Situation)
_ITEM = (Situation.DAMAGED, Situation.NOT_AS_DESCRIBED)
_COUNTDOWN = (Situation.NOT_RECEIVED, *_ITEM, Situation.DISPUTE)
_DISPUTE = (Situation.DISPUTE,)

_ORDER = "Your order"
_PROTECTION = "Purchase protection"
_DISPUTE_GROUP = "Dispute or refund request, if you opened one"
_PAYMENT = "Payment and return"
_COUNT = "Count from"
_HOME = "Where you live"

FIELDS: tuple[Field, ...] = (
    Field(
        "order-date", FieldKind.DATE, "Order date", "The day you placed and paid for the order.",
        _ORDER, _ALL, required=True,
    ),
    Field(
        "shipped", FieldKind.DATE, "Shipped on",
        "The day the seller shipped. Leave empty if the order has not shipped.",
        _ORDER, _ALL, event=True,
    ),
    Field(
        "protection-end", FieldKind.DATE, "Protection ends on",
        "The last day of the purchase-protection countdown on your order page.",
        _PROTECTION, _COUNTDOWN, asked_first=True,
    ),
    Field(
        "protection-days", FieldKind.DAYS, "Protection length in days",
        "Only if you know the length and not the end: days of protection from shipping.",
        _PROTECTION, (),
    ),
    Field(
        "tracking-delivered", FieldKind.DATE, "Tracking said delivered on",
        "The first day tracking said delivered, even if nothing reached you.",
        _ORDER, (Situation.NOT_RECEIVED, Situation.DISPUTE), event=True,
    ),
    Field(
        "delivered", FieldKind.DATE, "Received on",
        "The day the parcel was in your hands. Leave empty if nothing arrived.",
        _ORDER, (*_ITEM, Situation.CHANGE_OF_MIND, Situation.DISPUTE), event=True,
    ),
    Field(
        "confirmed", FieldKind.DATE, "Receipt confirmed on",
        "The day you clicked Confirm receipt, if you did.",
        _ORDER, (Situation.NOT_RECEIVED, *_ITEM, Situation.CHANGE_OF_MIND), event=True,
    ),
    Field(
        "dispute-opened", FieldKind.DATE, "Opened on",
        "The day you asked for a refund or return (Return/refund) on the order page.",
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "dispute-reason", FieldKind.CHOICE, "About",
        "What the request is about. If you leave it, the calculator goes by whether the "
        "parcel arrived.",
        _DISPUTE_GROUP, _DISPUTE,
        choices=(
            ("", "Work it out from the dates"),
            (DisputeReason.NOT_RECEIVED, "Item not received"),
            (DisputeReason.NOT_AS_DESCRIBED, "Not as described"),
            (DisputeReason.DAMAGED, "Damaged or defective"),
        ),
    ),
    Field(
        "seller-replied", FieldKind.DATE, "Seller replied on",
        "The day the seller accepted, rejected or answered with an offer.",
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "return-agreed", FieldKind.DATE, "Return agreed on",
        "The day the return was agreed in the request (Return & refund): the days to ship it "
        "start then.",
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "refund-approved", FieldKind.DATE, "Refund approved on",
        "The day the order page said the refund was approved.",
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "dispute-closed", FieldKind.DATE, "Closed on",
        "The day the request ended: decided, cancelled or closed.",
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "dispute-outcome", FieldKind.CHOICE, "How it ended",
        "A request you cancelled decided nothing, and a new one may still be opened; a "
        "decision is final.",
        _DISPUTE_GROUP, _DISPUTE,
        choices=(
            ("", "Not given"),
            (DisputeOutcome.CANCELLED, "I cancelled it"),
            (DisputeOutcome.REFUNDED, "Refunded in full"),
            (DisputeOutcome.PARTIAL, "Partly refunded"),
            (DisputeOutcome.REJECTED, "Decided against me"),
        ),
    ),
    Field(
        "payment-method", FieldKind.CHOICE, "Paid with",
        "How you paid; it decides where a refund lands and which other routes you have.",
        _PAYMENT, _ALL,
        choices=(
            (PaymentMethod.CARD, "Card"),
            (PaymentMethod.PAYPAL, "PayPal"),
            (PaymentMethod.BALANCE, "AliExpress balance"),
            (PaymentMethod.OTHER, "Something else"),
        ),
    ),
    Field(
        "paid-on", FieldKind.DATE, "Paid on",
        "The day the payment was taken, if not the order date; PayPal and card limits count "
        "from it.",
        _PAYMENT, (), event=True,
    ),
    Field(
        "paypal-opened", FieldKind.DATE, "PayPal dispute opened on",
        "The day you opened a dispute with PayPal about this payment, if you did.",
        _PAYMENT, _DISPUTE, event=True,
    ),
    Field(
        "free-return", FieldKind.FLAG, "The item has a Free Return label",
        "Shown next to the price on the item page.",
        _PAYMENT, (Situation.CHANGE_OF_MIND,),
    ),
    Field(
        "region", FieldKind.CHOICE, "You live in",
        "Where you live as a buyer; it decides which consumer law gives you more time.",
        _HOME, _ALL,
        choices=(
            ("", "Not given (no consumer law is counted)"),
            (Region.EU, "European Union"),
            (Region.UK, "United Kingdom"),
            (Region.BR, "Brazil"),
            (Region.KR, "South Korea"),
            (Region.US, "United States"),
            (Region.OTHER, "Somewhere else"),
        ),
    ),
    Field(
        "today", FieldKind.DATE, "Today's date",
        "Your own date; change it to see how things will stand on another day.",
        _COUNT, (),
    ),
)  # fmt: skip

FIELD_BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}


def fields_json() -> list[dict[str, Any]]:
    """The table as the page reads it."""
    return [field.to_dict() for field in FIELDS]
