"""What the law routes share: each region's law has its own sentences, and a guide page."""

from __future__ import annotations

from calculator import Region
from calculator.routes import legal_guarantee, withdrawal
from calculator.routes.consumer_law import LAW_REGIONS, REGION_GUIDES


def test_every_region_has_one_country_guide_page() -> None:
    assert set(REGION_GUIDES) == set(Region)
    for region, guide in REGION_GUIDES.items():
        assert guide.startswith("countries/") and guide.endswith("/"), region
    # Regions with no law of their own in the calculator share the overview.
    assert REGION_GUIDES[Region.OTHER] == REGION_GUIDES[Region.EU] == "countries/"
    assert REGION_GUIDES[Region.KR] == "countries/korea/"


def test_a_region_with_a_rule_has_its_law_named_and_the_others_say_why_not() -> None:
    for module in (withdrawal, legal_guarantee):
        ruled = set(Region) - set(module.NONE)
        assert ruled == LAW_REGIONS, module.__name__
        # Each region's law is named in its own whole sentences, never spliced in.
        assert set(module.WAITING) == LAW_REGIONS, module.__name__
