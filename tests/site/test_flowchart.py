"""sitebuild.flowchart: a page's flowchart block becomes an SVG and a list saying the same."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from sitebuild.flowchart import FlowchartError, parse, render_all

BLOCK = """\
Before.

```flowchart
title: How it goes
list: As a list
box start 0 1: Something <broke>
choice asked 1 1: Seller answers?
box done 2 0: Refund
box other 2 2: Other routes
edge start asked
edge asked done: Yes
edge asked other: No
```

After.
"""
SVG = "{http://www.w3.org/2000/svg}"


def drawn(markdown: str) -> ET.Element:
    html = render_all(markdown)
    figure = re.search(r"<figure.*</figure>", html)
    assert figure is not None
    return ET.fromstring(figure.group(0))


def test_the_block_becomes_one_raw_html_figure_and_the_page_stays() -> None:
    html = render_all(BLOCK)
    assert html.startswith("Before.\n\n<figure") and html.endswith("</figure>\n\nAfter.\n")
    assert "```" not in html and "\n" not in html[html.index("<figure") : html.index("</figure>")]


def test_the_svg_is_named_by_its_title_and_escapes_the_words() -> None:
    figure = drawn(BLOCK)
    svg = figure.find(f"{SVG}svg")
    assert svg is not None and svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == "How it goes"
    assert svg.get("aria-labelledby") == title.get("id")
    words = " ".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))
    assert "Something <broke>" in words and "Seller answers?" in words
    # Two boxes, one question, and an arrowhead per edge.
    assert len(svg.findall(f".//{SVG}rect[@class='flowchart-box']")) == 3
    assert len(svg.findall(f".//{SVG}polygon[@class='flowchart-choice']")) == 1
    assert len(svg.findall(f".//{SVG}polygon[@class='flowchart-arrow']")) == 3


def test_no_colour_is_fixed_and_no_style_attribute_is_written() -> None:
    """Only colours that follow the scheme: the text colour, or the system's page colour
    under the CSS that gives the theme's own."""
    figure = drawn(BLOCK)
    for element in figure.iter():
        assert element.get("style") is None
        for attribute in ("fill", "stroke"):
            assert element.get(attribute) in (None, "none", "currentColor", "Canvas"), element.tag


def test_the_list_says_what_the_chart_says() -> None:
    figure = drawn(BLOCK)
    summary = figure.find("figcaption/details/summary")
    assert summary is not None and summary.text == "As a list"
    steps = figure.findall("figcaption/details/ol/li")
    assert [step.text for step in steps] == [
        "Something <broke>",
        "Seller answers?",
        "Refund",
        "Other routes",
    ]
    leads = ["".join(li.itertext()) for li in steps[1].findall("ul/li")]
    assert leads == ["Yes \u2192 Refund", "No \u2192 Other routes"]


@pytest.mark.parametrize(
    ("lines", "complaint"),
    [
        ("box a 0 0: A\nedge a b", "'b', which is not placed"),
        ("box a 0 0: A\nbox a 1 0: B", "'a' is placed twice"),
        ("box a 0 0: A\nbox b 0 0: B", "share a place"),
        ("box a 1 0: A\nbox b 0 0: B\nedge a b", "must go down or across"),
        ("circle a 0 0: A", "line 3: cannot read 'circle a 0 0: A'"),
    ],
)
def test_a_chart_that_cannot_be_drawn_says_why(lines: str, complaint: str) -> None:
    with pytest.raises(FlowchartError, match=re.escape(complaint)):
        parse(f"title: T\nlist: L\n{lines}\n")


def test_a_chart_needs_its_title_and_its_list_title() -> None:
    with pytest.raises(FlowchartError, match="title"):
        parse("box a 0 0: A\n")
