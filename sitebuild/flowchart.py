"""Draws a page's flowchart as an SVG at build time, so no page loads a diagram library.

A reader on a phone should not download megabytes of script to see one chart. The page
keeps the chart's words, as a fenced block (after its tokens are filled in):

    ```flowchart
    title: What the chart shows, read out by screen readers
    list: The summary of the same chart as a list
    box start 0 1: Something is wrong
    choice asked 1 1: Seller answers?
    box done 2 0: Done
    edge start asked
    edge asked done: Yes
    ```

`box ID ROW COLUMN: words` and `choice ID ROW COLUMN: words` place a step or a
question on a grid (the author lays the chart out: rows go down, columns across);
`edge FROM TO` or `edge FROM TO: words` joins two of them, going down or across and
then down. The block becomes a figure holding an inline SVG (a `title`, shapes that
take the theme's colours through CSS classes and `currentColor`, so both colour
schemes work) and, folded under it, the same chart as a list: its text alternative,
made from the same lines, so the two cannot disagree. No style attribute is written,
so a strict Content Security Policy lets the chart through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

FENCE = re.compile(
    r"^(?P<fence>```|~~~)[ \t]*flowchart[ \t]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)
NODE = re.compile(r"^(box|choice)\s+([\w-]+)\s+(\d+)\s+(\d+)\s*:\s*(.+)$")
EDGE = re.compile(r"^edge\s+([\w-]+)\s+([\w-]+)\s*(?::\s*(.+))?$")
SETTING = re.compile(r"^(title|list)\s*:\s*(.+)$")

COLUMN = 240  # px between column centres
ROW = 124  # px between row centres
MARGIN = 16
BOX_WIDTH = 200
CHOICE_TIP = 18  # how far a question's pointed sides reach out
FONT = 14
LINE = 18
PAD = 10
LABEL_FONT = 13
LABEL_LINE = 16
# An average character of the theme's sans-serif at that size, on the wide side, so
# that a wrapped line never runs out of its box.
CHAR_WIDTH = 0.56
LABEL_WIDTH = 128
ARROW = 7


class FlowchartError(ValueError):
    """A line of a flowchart block that cannot be drawn, in one line."""


@dataclass(frozen=True)
class Node:
    key: str
    shape: str
    row: int
    column: int
    text: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    text: str | None


@dataclass
class Chart:
    title: str = ""
    list_title: str = ""
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)


def parse(body: str) -> Chart:
    chart = Chart()
    for number, raw in enumerate(body.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if found := SETTING.match(line):
            name, value = found.groups()
            if name == "title":
                chart.title = value.strip()
            else:
                chart.list_title = value.strip()
        elif found := NODE.match(line):
            kind, key, row, column, text = found.groups()
            if key in chart.nodes:
                raise FlowchartError(f"flowchart line {number}: {key!r} is placed twice")
            chart.nodes[key] = Node(key, kind, int(row), int(column), text.strip())
        elif found := EDGE.match(line):
            source, target, text = found.groups()
            chart.edges.append(Edge(source, target, text.strip() if text else None))
        else:
            raise FlowchartError(f"flowchart line {number}: cannot read {line!r}")
    if not chart.title or not chart.list_title:
        raise FlowchartError("a flowchart needs a `title:` and a `list:` line")
    cells = [(n.row, n.column) for n in chart.nodes.values()]
    if len(set(cells)) != len(cells):
        raise FlowchartError("two steps of a flowchart share a place on its grid")
    for edge in chart.edges:
        for end in (edge.source, edge.target):
            if end not in chart.nodes:
                raise FlowchartError(f"flowchart edge names {end!r}, which is not placed")
        source, target = chart.nodes[edge.source], chart.nodes[edge.target]
        if target.row < source.row or (target.row, target.column) == (source.row, source.column):
            raise FlowchartError(
                f"flowchart edge {edge.source} -> {edge.target} must go down or across"
            )
    return chart


def wrap(text: str, width: float, size: int) -> list[str]:
    """Words into lines that fit `width` px at font `size`."""
    most = max(1, int(width / (size * CHAR_WIDTH)))
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= most:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


@dataclass(frozen=True)
class Box:
    """Where a node is drawn: centre and size."""

    x: float
    y: float
    width: float
    height: float
    lines: list[str]

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2


def boxes(chart: Chart) -> dict[str, Box]:
    placed: dict[str, Box] = {}
    for node in chart.nodes.values():
        inner = BOX_WIDTH - 2 * PAD - (CHOICE_TIP if node.shape == "choice" else 0)
        lines = wrap(node.text, inner, FONT)
        placed[node.key] = Box(
            x=MARGIN + COLUMN / 2 + node.column * COLUMN,
            y=MARGIN + ROW / 2 + node.row * ROW,
            width=BOX_WIDTH,
            height=len(lines) * LINE + 2 * PAD,
            lines=lines,
        )
    return placed


def text_block(lines: list[str], at: tuple[float, float], size: int, step: int, kind: str) -> str:
    x, y = at
    first = y - (len(lines) - 1) * step / 2
    spans = "".join(
        f'<tspan x="{x:g}" y="{first + i * step:g}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text class="flowchart-{kind}" font-size="{size}" text-anchor="middle"'
        f' dominant-baseline="central" fill="currentColor">{spans}</text>'
    )


def shape(node: Node, box: Box) -> str:
    left, right = box.x - box.width / 2, box.x + box.width / 2
    if node.shape == "choice":
        tip = CHOICE_TIP
        points = [
            (left, box.y),
            (left + tip, box.top),
            (right - tip, box.top),
            (right, box.y),
            (right - tip, box.bottom),
            (left + tip, box.bottom),
        ]
        outline = " ".join(f"{px:g},{py:g}" for px, py in points)
        drawn = f'<polygon class="flowchart-choice" points="{outline}"'
    else:
        drawn = (
            f'<rect class="flowchart-box" x="{left:g}" y="{box.top:g}" width="{box.width:g}"'
            f' height="{box.height:g}" rx="6"'
        )
    drawn += ' fill="none" stroke="currentColor" stroke-width="1.5"/>'
    return drawn + text_block(box.lines, (box.x, box.y), FONT, LINE, "text")


def arrowhead(x: float, y: float, direction: str) -> str:
    """A filled triangle whose tip is at (x, y), pointing down or sideways."""
    if direction == "down":
        points = [(x, y), (x - ARROW / 1.4, y - ARROW), (x + ARROW / 1.4, y - ARROW)]
    else:
        back = -ARROW if direction == "right" else ARROW
        points = [(x, y), (x + back, y - ARROW / 1.4), (x + back, y + ARROW / 1.4)]
    outline = " ".join(f"{px:g},{py:g}" for px, py in points)
    return f'<polygon class="flowchart-arrow" points="{outline}" fill="currentColor"/>'


def connector(edge: Edge, source: Box, target: Box) -> str:
    """Straight down, straight across, or across and then down into the target's top;
    the words sit on the first stretch, over a patch of the page's background."""
    if source.x == target.x:
        path = [(source.x, source.bottom), (target.x, target.top)]
        tip = arrowhead(target.x, target.top, "down")
    else:
        side = 1 if target.x > source.x else -1
        start = (source.x + side * source.width / 2, source.y)
        if source.y == target.y:
            end = (target.x - side * target.width / 2, target.y)
            path = [start, end]
            tip = arrowhead(*end, "right" if side > 0 else "left")
        else:
            path = [start, (target.x, source.y), (target.x, target.top)]
            tip = arrowhead(target.x, target.top, "down")
    outline = " ".join(f"{px:g},{py:g}" for px, py in path)
    drawn = (
        f'<polyline class="flowchart-edge" points="{outline}" fill="none"'
        f' stroke="currentColor" stroke-width="1.5"/>{tip}'
    )
    if edge.text:
        (x0, y0), (x1, y1) = path[0], path[1]
        mid_x, mid_y = (x0 + x1) / 2, (y0 + y1) / 2
        lines = wrap(edge.text, LABEL_WIDTH, LABEL_FONT)
        width = max(len(line) for line in lines) * LABEL_FONT * CHAR_WIDTH + 8
        height = len(lines) * LABEL_LINE + 4
        drawn += (
            f'<rect class="flowchart-label" x="{mid_x - width / 2:g}" y="{mid_y - height / 2:g}"'
            f' width="{width:g}" height="{height:g}" fill="Canvas"/>'
        )
        drawn += text_block(lines, (mid_x, mid_y), LABEL_FONT, LABEL_LINE, "label-text")
    return drawn


def text_alternative(chart: Chart, list_id: str) -> str:
    """Every step in the order written, each followed by where it leads."""
    items: list[str] = []
    for node in chart.nodes.values():
        leads = [
            f"<li>{escape(e.text) + ' ' if e.text else ''}\u2192 "
            f"{escape(chart.nodes[e.target].text)}</li>"
            for e in chart.edges
            if e.source == node.key
        ]
        tail = f"<ul>{''.join(leads)}</ul>" if leads else ""
        items.append(f"<li>{escape(node.text)}{tail}</li>")
    return f'<ol id="{list_id}">{"".join(items)}</ol>'


def render(chart: Chart, number: int) -> str:
    """The figure as one raw HTML block (no blank line, so Markdown leaves it whole)."""
    placed = boxes(chart)
    columns = 1 + max(n.column for n in chart.nodes.values())
    rows = 1 + max(n.row for n in chart.nodes.values())
    width = 2 * MARGIN + columns * COLUMN
    height = 2 * MARGIN + rows * ROW
    title_id = f"flowchart-{number}-title"
    parts = [
        f'<figure class="flowchart"><svg xmlns="http://www.w3.org/2000/svg" role="img"'
        f' aria-labelledby="{title_id}" viewBox="0 0 {width} {height}" width="{width}"'
        f' height="{height}" focusable="false">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
    ]
    parts += [connector(e, placed[e.source], placed[e.target]) for e in chart.edges]
    parts += [shape(node, placed[node.key]) for node in chart.nodes.values()]
    parts.append("</svg>")
    parts.append(
        f"<figcaption><details><summary>{escape(chart.list_title)}</summary>"
        f"{text_alternative(chart, f'flowchart-{number}-list')}</details></figcaption>"
    )
    parts.append("</figure>")
    return "".join(parts)


def render_all(markdown: str) -> str:
    """Every flowchart block of a page, drawn; the rest of the page untouched."""
    count = 0

    def draw(found: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return render(parse(found.group("body")), count)

    return FENCE.sub(draw, markdown)
