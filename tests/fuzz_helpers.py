"""Fuzzed orders as a reader types them, shared by the tests that compare two ways of
answering the same input (Pyodide and CPython; the batch's lean path and the full one)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from calculator.batch import COLUMNS

Fields = dict[str, str]

GARBAGE = st.sampled_from(["2026-02-30", "2026-13-01", "1999-12-31", "2101-01-01", "soon", " "])


@st.composite
def form_fields(draw: st.DrawFn) -> Fields:
    """What a reader might type: mostly consistent dates, sometimes not, now and then junk."""

    def near(base: date, low: int, high: int) -> date:
        return base + timedelta(days=draw(st.integers(low, high)))

    def rarely(usual: st.SearchStrategy[str], odd: st.SearchStrategy[str]) -> str:
        return draw(odd if draw(st.integers(0, 11)) == 5 else usual)

    def maybe(day: date | None, chance: int = 2) -> str:
        present = day is not None and draw(st.integers(0, chance - 1)) > 0
        return day.isoformat() if present and day is not None else ""

    order = draw(st.dates(date(2024, 1, 1), date(2028, 12, 31)))
    shipped = near(order, -2, 25)
    delivered = near(shipped, -3, 70)
    scan = near(shipped, -3, 70)
    opened = near(delivered, -10, 80)
    replied = near(opened, -2, 12)
    approved = near(replied, -2, 20)
    closed = near(opened, -2, 40)
    paid = near(order, -1, 12)
    paypal_opened = near(paid, 0, 40)
    fields: Fields = {
        "order-date": order.isoformat(),
        "shipped": maybe(shipped, 4),
        "delivered": "",
        "tracking-delivered": "",
        "confirmed": "",
        "protection-end": "",
        "protection-days": "",
        "dispute-opened": "",
        "seller-replied": "",
        "refund-approved": "",
        "dispute-reason": "",
        "dispute-closed": "",
        "payment-method": rarely(
            st.sampled_from(["", "card", "paypal", "balance", "other"]), st.just("cash")
        ),
        "free-return": rarely(st.sampled_from(["", "true", "false", "yes"]), st.just("maybe")),
        "region": rarely(
            st.sampled_from(["", "eu", "uk", "br", "us", "other", "EU"]), st.just("mars")
        ),
        "paid-on": maybe(paid, 3),
        "paypal-opened": "",
        # Now and then soon after shipping, when routes are not yet open.
        "today": (
            near(shipped, 0, 12) if draw(st.integers(0, 4)) == 0 else near(order, -3, 220)
        ).isoformat(),
    }
    if fields["payment-method"] == "paypal":
        fields["paypal-opened"] = maybe(paypal_opened, 3)
    if fields["shipped"]:
        fields["delivered"] = maybe(delivered)
        fields["tracking-delivered"] = maybe(scan, 3)
        fields["confirmed"] = maybe(near(shipped, -1, 70), 4)
        fields["dispute-opened"] = maybe(opened, 3)
        if fields["dispute-opened"]:
            fields["seller-replied"] = maybe(replied)
            fields["refund-approved"] = maybe(approved, 3)
            fields["dispute-closed"] = maybe(closed, 4)
            fields["dispute-reason"] = rarely(
                st.sampled_from(["", "", "not_received", "not_as_described", "damaged"]),
                st.just("lost"),
            )
        protection = rarely(st.sampled_from(["none", "none", "end", "days"]), st.just("both"))
        if protection in {"end", "both"}:
            fields["protection-end"] = near(shipped, 20, 130).isoformat()
        if protection in {"days", "both"}:
            fields["protection-days"] = str(draw(st.integers(-5, 400)))
    if draw(st.integers(0, 11)) == 5:
        fields[draw(st.sampled_from(sorted(fields)))] = draw(GARBAGE)
    return fields


def batch_csv(cases: list[Fields]) -> str:
    """The same cases as the batch format's rows, with the batch panel's column names."""
    lines = [",".join(COLUMNS)]
    for number, fields in enumerate(cases):
        cells = [f"order {number}"] + [
            fields.get(column.replace("_", "-"), "") for column in COLUMNS[1:]
        ]
        lines.append(",".join(cell.replace(",", " ") for cell in cells))
    return "\n".join(lines) + "\n"
