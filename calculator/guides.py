"""Every guide page (and heading) the calculator links to, in one table.

The site in each language mirrors the English paths, and translated headings keep
their English ids, so one table serves every language; a test checks that each one
leads to a page and heading of the guide.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Guide"]


class Guide(StrEnum):
    CANCEL = "refunds/cancel/"
    NOT_RECEIVED = "refunds/not-received/"
    NOT_AS_DESCRIBED = "refunds/not-as-described/"
    DAMAGED = "refunds/damaged/"
    CHANGE_OF_MIND = "refunds/change-of-mind/"
    RETURNS = "refunds/returns/"
    TIME_LIMITS = "refunds/time-limits/"
    TRACE_REFUND = "refunds/money-back/#trace-a-refund-with-the-arn"
    OPEN_DISPUTE = "disputes/open-dispute/"
    SELLER_REPLY = "disputes/seller-reply/"
    ESCALATION = "disputes/escalation/"
    LOST_DISPUTE = "disputes/lost-dispute/"
    PAYPAL_AND_CARD = "other-routes/paypal-and-card/"
    EU_RIGHTS = "other-routes/eu-rights/"
    COUNTRIES = "countries/"
    UK = "countries/uk/"
    BRAZIL = "countries/brazil/"
    KOREA = "countries/korea/"
    US = "countries/us/"
