"""The one table of what a reader can tell the calculator about an order.

The command line's options, the batch file's columns, the JSON case, the
page's form and the share link's keys are all read from this table, so a new
field is one row here and cannot be forgotten in one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from calculator.i18n import DEFAULT, Message, render
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
    label: Message
    help: Message
    group: Message
    situations: tuple[Situation, ...]
    """The situations this field matters for; the rest of the time it waits under 'more details'."""
    required: bool = False
    event: bool = False
    """Something that has already happened, so it cannot be after today."""
    choices: tuple[tuple[str, Message], ...] = ()
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

    def to_dict(self, lang: str = DEFAULT) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "label": render(self.label, lang),
            "help": render(self.help, lang),
            "group": render(self.group, lang),
            "situations": list(self.situations),
            "required": self.required,
            "choices": [[value, render(label, lang)] for value, label in self.choices],
            "asked_first": self.asked_first,
        }


_ALL = tuple(Situation)
_ITEM = (Situation.DAMAGED, Situation.NOT_AS_DESCRIBED)
_COUNTDOWN = (Situation.NOT_RECEIVED, *_ITEM, Situation.DISPUTE)
_DISPUTE = (Situation.DISPUTE,)

_ORDER = Message("Your order", context="group")
_PROTECTION = Message("Purchase protection", context="group")
_DISPUTE_GROUP = Message("Dispute or refund request, if you opened one", context="group")
_PAYMENT = Message("Payment and return", context="group")
_COUNT = Message("Count from", context="group")
_HOME = Message("Where you live", context="group")

FIELDS: tuple[Field, ...] = (
    Field(
        "order-date", FieldKind.DATE, Message("Order date"),
        Message("The day you placed and paid for the order."),
        _ORDER, _ALL, required=True,
    ),
    Field(
        "shipped", FieldKind.DATE, Message("Shipped on"),
        Message("The day the seller shipped. Leave empty if the order has not shipped."),
        _ORDER, _ALL, event=True,
    ),
    Field(
        "protection-end", FieldKind.DATE, Message("Protection ends on"),
        Message("The last day of the purchase-protection countdown on your order page."),
        _PROTECTION, _COUNTDOWN, asked_first=True,
    ),
    Field(
        "protection-days", FieldKind.DAYS, Message("Protection length in days"),
        Message("Only if you know the length and not the end: days of protection from shipping."),
        _PROTECTION, (),
    ),
    Field(
        "tracking-delivered", FieldKind.DATE, Message("Tracking said delivered on"),
        Message("The first day tracking said delivered, even if nothing reached you."),
        _ORDER, (Situation.NOT_RECEIVED, Situation.DISPUTE), event=True,
    ),
    Field(
        "delivered", FieldKind.DATE, Message("Received on"),
        Message("The day the parcel was in your hands. Leave empty if nothing arrived."),
        _ORDER, (*_ITEM, Situation.CHANGE_OF_MIND, Situation.DISPUTE), event=True,
    ),
    Field(
        "confirmed", FieldKind.DATE, Message("Receipt confirmed on"),
        Message("The day you clicked Confirm receipt, if you did."),
        _ORDER, (Situation.NOT_RECEIVED, *_ITEM, Situation.CHANGE_OF_MIND), event=True,
    ),
    Field(
        "dispute-opened", FieldKind.DATE, Message("Opened on"),
        Message("The day you asked for a refund or return (Return/refund) on the order page."),
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "dispute-reason", FieldKind.CHOICE, Message("About"),
        Message("What the request is about. If you leave it, the calculator goes by whether the "
        "parcel arrived."),
        _DISPUTE_GROUP, _DISPUTE,
        choices=(
            ("", Message("Work it out from the dates", context="choice")),
            (DisputeReason.NOT_RECEIVED, Message("Item not received", context="choice")),
            (DisputeReason.NOT_AS_DESCRIBED, Message("Not as described", context="choice")),
            (DisputeReason.DAMAGED, Message("Damaged or defective", context="choice")),
        ),
    ),
    Field(
        "seller-replied", FieldKind.DATE, Message("Seller replied on"),
        Message("The day the seller accepted, rejected or answered with an offer."),
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "return-agreed", FieldKind.DATE, Message("Return agreed on"),
        Message("The day the return was agreed in the request (Return & refund): the days to "
        "ship it start then."),
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "refund-approved", FieldKind.DATE, Message("Refund approved on"),
        Message("The day the order page said the refund was approved."),
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "dispute-closed", FieldKind.DATE, Message("Closed on"),
        Message("The day the request ended: decided, cancelled or closed."),
        _DISPUTE_GROUP, _DISPUTE, event=True,
    ),
    Field(
        "dispute-outcome", FieldKind.CHOICE, Message("How it ended"),
        Message("A request you cancelled decided nothing, and a new one may still be opened; a "
        "decision is final."),
        _DISPUTE_GROUP, _DISPUTE,
        choices=(
            ("", Message("Not given", context="choice")),
            (DisputeOutcome.CANCELLED, Message("I cancelled it", context="choice")),
            (DisputeOutcome.REFUNDED, Message("Refunded in full", context="choice")),
            (DisputeOutcome.PARTIAL, Message("Partly refunded", context="choice")),
            (DisputeOutcome.REJECTED, Message("Decided against me", context="choice")),
        ),
    ),
    Field(
        "payment-method", FieldKind.CHOICE, Message("Paid with"),
        Message("How you paid; it decides where a refund lands and which other routes you have."),
        _PAYMENT, _ALL,
        choices=(
            (PaymentMethod.CARD, Message("Card", context="choice")),
            (PaymentMethod.PAYPAL, Message("PayPal", context="choice")),
            (PaymentMethod.BALANCE, Message("AliExpress balance", context="choice")),
            (PaymentMethod.OTHER, Message("Something else", context="choice")),
        ),
    ),
    Field(
        "paid-on", FieldKind.DATE, Message("Paid on"),
        Message("The day the payment was taken, if not the order date; PayPal and card limits "
        "count from it."),
        _PAYMENT, (), event=True,
    ),
    Field(
        "paypal-opened", FieldKind.DATE, Message("PayPal dispute opened on"),
        Message("The day you opened a dispute with PayPal about this payment, if you did."),
        _PAYMENT, _DISPUTE, event=True,
    ),
    Field(
        "free-return", FieldKind.FLAG, Message("The item has a Free Return label"),
        Message("Shown next to the price on the item page."),
        _PAYMENT, (Situation.CHANGE_OF_MIND,),
    ),
    Field(
        "region", FieldKind.CHOICE, Message("You live in"),
        Message("Where you live as a buyer; it decides which consumer law gives you more time."),
        _HOME, _ALL,
        choices=(
            ("", Message("Not given (no consumer law is counted)", context="choice")),
            (Region.EU, Message("European Union", context="choice")),
            (Region.UK, Message("United Kingdom", context="choice")),
            (Region.BR, Message("Brazil", context="choice")),
            (Region.KR, Message("South Korea", context="choice")),
            (Region.US, Message("United States", context="choice")),
            (Region.OTHER, Message("Somewhere else", context="choice")),
        ),
    ),
    Field(
        "today", FieldKind.DATE, Message("Today's date"),
        Message("Your own date; change it to see how things will stand on another day."),
        _COUNT, (),
    ),
)  # fmt: skip

FIELD_BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}


def fields_json(lang: str = DEFAULT) -> list[dict[str, Any]]:
    """The table as the page reads it, its words in `lang`."""
    return [field.to_dict(lang) for field in FIELDS]
