"""Properties that must hold for every valid order, not just the examples."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import Case, assess, bridge, calendar_ics, run_batch
from calculator.case import FIELD_NAMES, PAYMENT_METHODS, InputError, parse_case
from calculator.policy import POLICY

DAY = timedelta(days=1)
# No per-example time limit: these check behaviour, and a busy machine must not fail them.
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """Valid orders: each event after the one before it, today on or after the last event."""
    order = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2095, 1, 1)))
    gap = st.integers(min_value=0, max_value=120)
    shipped = order + draw(gap) * DAY if draw(st.booleans()) else None
    delivered = None
    protection_end = None
    protection_days = None
    if shipped is not None:
        if draw(st.booleans()):
            delivered = shipped + draw(gap) * DAY
        choice = draw(st.sampled_from(["default", "end", "days"]))
        if choice == "end":
            protection_end = shipped + draw(gap) * DAY
        elif choice == "days":
            protection_days = draw(st.integers(min_value=1, max_value=365))
    last = max(d for d in (order, shipped, delivered) if d is not None)
    opened = replied = approved = None
    if draw(st.booleans()):
        opened = last + draw(gap) * DAY
        last = opened
        if draw(st.booleans()):
            replied = opened + draw(gap) * DAY
            last = replied
        if draw(st.booleans()):
            approved = last + draw(gap) * DAY
            last = approved
    today = last + draw(st.integers(min_value=0, max_value=400)) * DAY
    return Case(
        order_date=order,
        shipped=shipped,
        delivered=delivered,
        protection_end=protection_end,
        protection_days=protection_days,
        dispute_opened=opened,
        seller_replied=replied,
        refund_approved=approved,
        payment_method=draw(st.sampled_from(PAYMENT_METHODS)),
        free_return=draw(st.booleans()),
        today=today,
    )


def later(case: Case, days: int) -> Case:
    assert case.today is not None
    return case.with_today(case.today + days * DAY)


@RELAXED
@given(cases())
def test_every_route_ends_on_or_after_it_opens(case: Case) -> None:
    for route in assess(case).routes:
        if route.opens_on is not None and route.closes_on is not None:
            assert route.closes_on >= route.opens_on, route


@RELAXED
@given(cases())
def test_routes_name_only_known_policy_entries(case: Case) -> None:
    for route in assess(case).routes:
        assert set(route.policy) <= set(POLICY.entries), route


@RELAXED
@given(cases())
def test_days_left_is_closes_on_minus_today_for_open_routes_only(case: Case) -> None:
    result = assess(case)
    for route in result.routes:
        if route.status == "open" and route.closes_on is not None:
            assert route.days_left == (route.closes_on - result.today).days >= 0
        else:
            assert route.days_left is None


@RELAXED
@given(cases())
def test_a_route_open_today_is_open_or_closed_tomorrow(case: Case) -> None:
    today = assess(case)
    tomorrow = assess(later(case, 1))
    for before, after in zip(today.routes, tomorrow.routes, strict=True):
        if before.status == "open":
            assert after.status in ("open", "closed"), (before, after)
            if before.days_left == 0:
                assert after.status == "closed"


@RELAXED
@given(cases(), st.integers(min_value=1, max_value=800))
def test_moving_today_forward_never_reopens_a_closed_route(case: Case, days: int) -> None:
    before = assess(case)
    after = assess(later(case, days))
    for old, new in zip(before.routes, after.routes, strict=True):
        if old.status == "closed":
            assert new.status == "closed", (old, new)
            assert new.closes_on == old.closes_on


@RELAXED
@given(cases())
def test_json_round_trips(case: Case) -> None:
    data = assess(case).to_dict()
    text = json.dumps(data)
    assert json.loads(text) == data
    back: dict[str, Any] = {
        name: data["case"][attribute]
        for name, attribute in FIELD_NAMES.items()
        if attribute in data["case"]
    }
    back["today"] = data["today"]
    assert parse_case(back) == case


@RELAXED
@given(cases())
def test_timeline_is_ordered_and_the_calendar_has_only_future_events(case: Case) -> None:
    result = assess(case)
    dates = [event.date for event in result.timeline]
    assert dates == sorted(dates)
    text = calendar_ics(result)
    starts = [line for line in text.split("\r\n") if line.startswith("DTSTART")]
    assert all(line[-8:] >= result.today.strftime("%Y%m%d") for line in starts)


@RELAXED
@given(st.text())
def test_the_bridge_never_raises_on_arbitrary_text(text: str) -> None:
    for call in (bridge.assess_json, bridge.ics_json):
        data = json.loads(call(text))
        assert data["ok"] in (True, False)
    assert json.loads(bridge.batch_json(text, text))["ok"] in (True, False)


@settings(RELAXED, max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from(sorted(FIELD_NAMES)), st.one_of(st.text(max_size=12), st.none())
    )
)
def test_the_bridge_answers_every_field_object(fields: dict[str, str | None]) -> None:
    data = json.loads(bridge.assess_json(json.dumps(fields)))
    if data["ok"]:
        assert len(data["result"]["routes"]) == 5
    else:
        assert set(data["error"]) == {"field", "message"}
        assert data["error"]["field"] in FIELD_NAMES or data["error"]["field"] == "input"


@RELAXED
@given(st.text())
def test_batch_only_ever_refuses_with_an_input_error(text: str) -> None:
    try:
        result = run_batch(text, date(2026, 11, 26))
    except InputError as error:
        assert error.field == "file"
    else:
        assert len(result.rows) + len(result.errors) <= text.count("\n") + text.count("\r") + 1
