"""Reading and checking the inputs: every bad value gets one line naming its field."""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from datetime import date

import pytest

from calculator import FIELDS, Case, DisputeReason, InputError, PaymentMethod, Region, parse_case
from calculator.errors import ERRORS

TODAY = date(2026, 11, 26)


def fields(**values: object) -> dict[str, object]:
    base: dict[str, object] = {"order-date": "2026-10-01"}
    base.update({key.replace("_", "-"): value for key, value in values.items()})
    return base


def refused(given: dict[str, object], today: date | None = TODAY) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_case(given, today=today)
    error = caught.value
    assert "\n" not in error.message
    assert error.field in error.message
    assert str(error) == error.message
    # Data first: the field, a code with its values; the message is the catalogue's words.
    assert error.code in ERRORS
    assert error.to_dict() == {
        "field": error.field,
        "code": error.code,
        "values": {key: _json(value) for key, value in error.values.items()},
        "message": error.message,
    }
    return error


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def test_a_full_case_parses() -> None:
    case = parse_case(
        fields(
            shipped="2026-10-03",
            delivered=" 2026-10-20 ",
            protection_days="90",
            dispute_opened="2026-10-25",
            seller_replied="2026-10-27",
            refund_approved="2026-11-02",
            payment_method=" PayPal ",
            free_return="yes",
        ),
        today=TODAY,
    )
    assert case == Case(
        order_date=date(2026, 10, 1),
        shipped=date(2026, 10, 3),
        delivered=date(2026, 10, 20),
        protection_days=90,
        dispute_opened=date(2026, 10, 25),
        seller_replied=date(2026, 10, 27),
        refund_approved=date(2026, 11, 2),
        payment_method=PaymentMethod.PAYPAL,
        free_return=True,
        today=TODAY,
    )


def test_blank_and_missing_values_count_as_absent() -> None:
    case = parse_case(
        fields(shipped="", delivered="  ", protection_days="  ", payment_method="", free_return=""),
        today=TODAY,
    )
    assert case.shipped is None and case.delivered is None and case.protection_days is None
    assert case.payment_method == "card"
    assert case.free_return is False


def test_python_values_are_accepted_as_they_are() -> None:
    case = parse_case(
        {
            "order-date": date(2026, 10, 1),
            "shipped": date(2026, 10, 2),
            "protection-days": 75,
            "free-return": True,
            "payment-method": None,
        },
        today=TODAY,
    )
    assert case.protection_days == 75 and case.free_return is True
    assert case.payment_method == "card"


def test_today_comes_from_the_field_then_the_argument_then_the_clock() -> None:
    assert parse_case(fields(today="2026-11-01"), today=TODAY).today == date(2026, 11, 1)
    assert parse_case(fields(), today=TODAY).today == TODAY
    assert parse_case(fields(), today=None).today == date.today()


@pytest.mark.parametrize("flag", ["true", "YES", "on", "1", "y"])
def test_free_return_true_words(flag: str) -> None:
    assert parse_case(fields(free_return=flag), today=TODAY).free_return is True


@pytest.mark.parametrize("flag", ["false", "No", "off", "0", "n"])
def test_free_return_false_words(flag: str) -> None:
    assert parse_case(fields(free_return=flag), today=TODAY).free_return is False


@pytest.mark.parametrize(
    ("given", "field", "text"),
    [
        (
            fields(order_date="2026-02-30"),
            "order-date",
            "order-date '2026-02-30' is not a real date",
        ),
        (fields(order_date="1/10/2026"), "order-date", "YYYY-MM-DD"),
        (fields(order_date=""), "order-date", "order-date is required"),
        ({"shipped": "2026-10-02"}, "order-date", "order-date is required"),
        (fields(order_date="1999-12-31"), "order-date", "outside the years 2000 to 2100"),
        (fields(order_date="2101-01-01"), "order-date", "outside the years 2000 to 2100"),
        (
            fields(shipped="2026-09-30"),
            "shipped",
            "shipped 2026-09-30 is before order-date 2026-10-01",
        ),
        (
            fields(shipped="2026-10-05", delivered="2026-10-04"),
            "delivered",
            "delivered 2026-10-04 is before shipped 2026-10-05",
        ),
        (fields(delivered="2026-10-04"), "shipped", "shipped is needed with delivered"),
        (fields(protection_end="2026-12-04"), "shipped", "shipped is needed with protection-end"),
        (
            fields(shipped="2026-10-05", protection_end="2026-10-04"),
            "protection-end",
            "protection-end 2026-10-04 is before shipped 2026-10-05",
        ),
        (fields(protection_days="0"), "protection-days", "protection-days 0 is outside 1 to 365"),
        (
            fields(protection_days="366"),
            "protection-days",
            "protection-days 366 is outside 1 to 365",
        ),
        (fields(protection_days="-5"), "protection-days", "outside 1 to 365"),
        (fields(protection_days="ten"), "protection-days", "'ten' is not a whole number"),
        (fields(protection_days="7.5"), "protection-days", "not a whole number"),
        (
            fields(shipped="2026-10-02", protection_days="60", protection_end="2026-12-01"),
            "protection-days",
            "give protection-end or protection-days, not both",
        ),
        (fields(payment_method="crypto"), "payment-method", "'crypto' is not one of card"),
        (fields(free_return="maybe"), "free-return", "'maybe' is not yes or no"),
        (fields(today="2026-09-30"), "today", "today 2026-09-30 is before order-date 2026-10-01"),
        (fields(shipped="2026-11-27"), "shipped", "shipped 2026-11-27 is after today 2026-11-26"),
        (
            fields(dispute_opened="2026-09-01"),
            "dispute-opened",
            "dispute-opened 2026-09-01 is before order-date",
        ),
        (
            fields(shipped="2026-10-05", dispute_opened="2026-10-04"),
            "dispute-opened",
            "dispute-opened 2026-10-04 is before shipped 2026-10-05",
        ),
        (
            fields(seller_replied="2026-10-04"),
            "dispute-opened",
            "dispute-opened is needed with seller-replied",
        ),
        (fields(refund_approved="2026-10-04"), "dispute-opened", "needed with refund-approved"),
        (
            fields(dispute_opened="2026-10-10", seller_replied="2026-10-09"),
            "seller-replied",
            "seller-replied 2026-10-09 is before dispute-opened 2026-10-10",
        ),
        (
            fields(
                dispute_opened="2026-10-10",
                seller_replied="2026-10-12",
                refund_approved="2026-10-11",
            ),
            "refund-approved",
            "refund-approved 2026-10-11 is before seller-replied 2026-10-12",
        ),
        (
            fields(dispute_opened="2026-10-10", refund_approved="2026-10-09"),
            "refund-approved",
            "refund-approved 2026-10-09 is before dispute-opened 2026-10-10",
        ),
        (fields(colour="red"), "colour", "colour is not a known field"),
        (fields(shipped=20261002), "shipped", "shipped must be text, not int"),
        (fields(protection_days=True), "protection-days", "must be text, not bool"),
    ],
)
def test_bad_input_names_the_field(given: dict[str, object], field: str, text: str) -> None:
    error = refused(given)
    assert error.field == field
    assert text in error.message


def test_today_before_order_is_refused_on_the_local_clock_too() -> None:
    error = refused(fields(order_date="2099-01-01"), today=None)
    assert error.field == "today"


def test_a_case_built_directly_is_checked_too() -> None:
    with pytest.raises(InputError, match="shipped 2026-01-01 is before order-date"):
        Case(order_date=date(2026, 1, 5), shipped=date(2026, 1, 1))
    with pytest.raises(InputError, match="order-date must be a date"):
        Case(order_date="2026-01-05")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="payment-method 'cash'"):
        Case(order_date=date(2026, 1, 5), payment_method="cash")  # type: ignore[arg-type]


def test_same_day_dates_are_allowed() -> None:
    day = "2026-10-01"
    case = parse_case(
        fields(
            order_date=day,
            shipped=day,
            delivered=day,
            dispute_opened=day,
            seller_replied=day,
            refund_approved=day,
            today=day,
        )
    )
    assert case.refund_approved == case.order_date == case.today


def test_year_limits_are_inclusive() -> None:
    assert parse_case(fields(order_date="2000-01-01"), today=TODAY).order_date.year == 2000
    late = parse_case(fields(order_date="2100-12-31", today="2100-12-31"))
    assert late.order_date == date(2100, 12, 31)


def test_with_today_rechecks() -> None:
    case = Case(order_date=date(2026, 10, 1), today=TODAY)
    assert case.with_today(date(2026, 10, 1)).today == date(2026, 10, 1)
    with pytest.raises(InputError, match="today 2026-09-30 is before"):
        case.with_today(date(2026, 9, 30))


@pytest.mark.parametrize(
    ("given", "field", "text"),
    [
        ({"confirmed": "2026-10-02"}, "shipped", "shipped is needed with confirmed"),
        (
            {"shipped": "2026-10-03", "tracking-delivered": "2026-10-02"},
            "tracking-delivered",
            "tracking-delivered 2026-10-02 is before shipped 2026-10-03",
        ),
        (
            {"shipped": "2026-10-03", "confirmed": "2026-11-27"},
            "confirmed",
            "confirmed 2026-11-27 is after today",
        ),
        (
            {"shipped": "2026-10-03", "dispute-reason": "damaged"},
            "dispute-opened",
            "dispute-opened is needed with dispute-reason",
        ),
        (
            {"shipped": "2026-10-03", "dispute-opened": "2026-10-09", "dispute-reason": "lost"},
            "dispute-reason",
            "dispute-reason 'lost' is not one of not_received, not_as_described, damaged",
        ),
        (
            {"shipped": "2026-10-03", "dispute-closed": "2026-10-09"},
            "dispute-opened",
            "dispute-opened is needed with dispute-closed",
        ),
        (
            {
                "shipped": "2026-10-03",
                "dispute-opened": "2026-10-09",
                "dispute-closed": "2026-10-08",
            },
            "dispute-closed",
            "dispute-closed 2026-10-08 is before dispute-opened 2026-10-09",
        ),
    ],
)
def test_the_new_fields_are_checked_like_the_others(
    given: dict[str, object], field: str, text: str
) -> None:
    error = refused(fields(**{k.replace("-", "_"): v for k, v in given.items()}))
    assert error.field == field
    assert text in error.message


def test_the_dispute_reason_defaults_to_what_the_dates_say() -> None:
    opened = {"shipped": "2026-10-03", "dispute_opened": "2026-10-20"}
    assert parse_case(fields(**opened), today=TODAY).disputed == "not_received"
    arrived = parse_case(fields(**opened, delivered="2026-10-15"), today=TODAY)
    assert arrived.disputed == "not_as_described" and arrived.dispute_reason is None
    given = parse_case(fields(**opened, dispute_reason=" Not-As-Described "), today=TODAY)
    assert given.dispute_reason is DisputeReason.NOT_AS_DESCRIBED
    assert parse_case(fields(), today=TODAY).disputed is None


def test_case_is_built_from_the_field_table() -> None:
    assert [f.name for f in dataclass_fields(Case)] == [field.attr for field in FIELDS]


@pytest.mark.parametrize(
    ("given", "field", "text"),
    [
        ({"region": "mars"}, "region", "region 'mars' is not one of eu, uk, br, kr, us, other"),
        (
            {"paid-on": "2026-09-30"},
            "paid-on",
            "paid-on 2026-09-30 is before order-date 2026-10-01",
        ),
        ({"paid-on": "2026-11-27"}, "paid-on", "paid-on 2026-11-27 is after today 2026-11-26"),
        ({"paid-on": "soon"}, "paid-on", "paid-on 'soon' is not a real date"),
        (
            {"paypal-opened": "2026-10-05"},
            "paypal-opened",
            "paypal-opened needs payment-method paypal",
        ),
        (
            {"payment-method": "paypal", "paid-on": "2026-10-04", "paypal-opened": "2026-10-03"},
            "paypal-opened",
            "paypal-opened 2026-10-03 is before paid-on 2026-10-04",
        ),
        (
            {"payment-method": "paypal", "paypal-opened": "2026-09-03"},
            "paypal-opened",
            "paypal-opened 2026-09-03 is before order-date 2026-10-01",
        ),
        (
            {"payment-method": "paypal", "paypal-opened": "2026-11-27"},
            "paypal-opened",
            "paypal-opened 2026-11-27 is after today 2026-11-26",
        ),
    ],
)
def test_region_payment_day_and_paypal_dispute_are_checked(
    given: dict[str, object], field: str, text: str
) -> None:
    error = refused(fields(**{k.replace("-", "_"): v for k, v in given.items()}))
    assert error.field == field
    assert text in error.message


def test_region_and_payment_day_are_read_and_default_sensibly() -> None:
    plain = parse_case(fields(), today=TODAY)
    assert (plain.region, plain.paid_on, plain.paid) == (Region.OTHER, None, plain.order_date)
    given = parse_case(
        fields(region=" EU ", paid_on="2026-10-02", payment_method="paypal", paypal_opened=""),
        today=TODAY,
    )
    assert given.region is Region.EU and given.paid == date(2026, 10, 2)
    assert given.paypal_opened is None
    with pytest.raises(InputError, match="region 'xx'"):
        Case(order_date=date(2026, 1, 5), region="xx")  # type: ignore[arg-type]
    built = Case(order_date=date(2026, 1, 5), region="uk")  # type: ignore[arg-type]
    assert built.region is Region.UK


@pytest.mark.parametrize(
    ("given", "field", "text"),
    [
        (fields(protection_days="9" * 5000), "protection-days", "has more than 9 digits"),
        (fields(protection_days="0" * 5000 + "5"), "protection-days", "has more than 9 digits"),
        (fields(protection_days="-" + "1" * 10), "protection-days", "has more than 9 digits"),
        (fields(protection_days="123456789"), "protection-days", "is outside 1 to 365"),
        (fields(protection_days=10**5000), "protection-days", "protection-days … is outside"),
        (fields(shipped="2" * 100_000), "shipped", "is not a real date"),
        (fields(region="x" * 100_000), "region", "is not one of"),
        (fields(free_return="x" * 100_000), "free-return", "is not yes or no"),
    ],
)
def test_huge_values_get_a_short_error_naming_the_field(
    given: dict[str, object], field: str, text: str
) -> None:
    error = refused(given)
    assert error.field == field and text in error.message
    assert len(error.message) < 120


def test_an_unknown_field_with_a_huge_name_is_named_shortly() -> None:
    error = refused({"order-date": "2026-10-01", "z" * 100_000: "1"})
    assert len(error.field) == 40 and error.message == f"{error.field} is not a known field"
