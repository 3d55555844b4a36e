"""The named vocabularies: plain strings in JSON, and words for every member."""

from __future__ import annotations

import json

from calculator.vocab import (
    DISPUTE_STAGE_LABELS,
    FAMILY_LABELS,
    SITUATION_LABELS,
    STATUS_LABELS,
    DisputeStage,
    Family,
    Situation,
    Status,
)


def test_every_status_and_family_has_words_for_the_page() -> None:
    assert set(STATUS_LABELS) == set(Status)
    assert set(FAMILY_LABELS) == set(Family)
    assert len(set(STATUS_LABELS.values())) == len(Status)
    assert set(DISPUTE_STAGE_LABELS) == set(DisputeStage)
    assert set(SITUATION_LABELS) == set(Situation)


def test_members_travel_as_plain_strings() -> None:
    assert json.dumps({"status": Status.CHECK}) == '{"status": "check"}'
    assert Status("in_dispute") is Status.IN_DISPUTE
