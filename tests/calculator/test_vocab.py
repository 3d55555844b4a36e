"""The named vocabularies: plain strings in JSON, and words for every member."""

from __future__ import annotations

import json

from calculator.vocab import FAMILY_LABELS, STATUS_LABELS, Family, Status


def test_every_status_and_family_has_words_for_the_page() -> None:
    assert set(STATUS_LABELS) == set(Status)
    assert set(FAMILY_LABELS) == set(Family)
    assert len(set(STATUS_LABELS.values())) == len(Status)


def test_members_travel_as_plain_strings() -> None:
    assert json.dumps({"status": Status.CHECK}) == '{"status": "check"}'
    assert Status("in_dispute") is Status.IN_DISPUTE
