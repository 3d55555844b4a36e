"""Every guide link the calculator gives leads to a page (and heading) of the site."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from calculator import Case, assess
from calculator.guides import Guide

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GOLDEN = Path(__file__).parent / "golden"


def _extra_cases() -> list[dict[str, Any]]:
    shipped = date(2026, 1, 10)
    late = shipped + timedelta(days=200)
    return [
        assess(
            Case(order_date=shipped, shipped=shipped, dispute_opened=shipped, today=late)
        ).to_dict(),
        assess(Case(order_date=shipped, shipped=shipped, today=late)).to_dict(),
    ]


def _guides() -> set[str]:
    answers = [json.loads(p.read_text(encoding="utf-8")) for p in GOLDEN.glob("*.json")]
    answers += _extra_cases()
    found: set[str] = set()
    for answer in answers:
        found.update(route["guide"] for route in answer["routes"])
        if answer["dispute"] is not None:
            found.add(answer["dispute"]["guide"])
    return found


def _slug(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def _page(path: str) -> Path:
    stem = path.rstrip("/")
    single = DOCS / f"{stem}.md"
    return single if single.exists() else DOCS / stem / "index.md"


def test_every_link_an_answer_gives_is_in_the_guide_table() -> None:
    assert _guides() <= set(Guide)


def test_guide_links_point_at_existing_pages_and_headings() -> None:
    for guide in Guide:
        path, _, anchor = guide.partition("#")
        assert path.endswith("/") and not path.startswith("/"), guide
        page = _page(path)
        assert page.exists(), f"{guide} has no page {page.relative_to(ROOT)}"
        if anchor:
            headings = re.findall(
                r"^#+\s+(.+?)\s*$", page.read_text(encoding="utf-8"), re.MULTILINE
            )
            assert anchor in {_slug(h) for h in headings}, guide
