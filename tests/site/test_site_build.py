"""The site builds strictly, without a network, with every policy token filled in."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, build_site, skip_or_fail

from calculator.policy import POLICY

sys.path.insert(0, str(ROOT / "hooks"))

from diagrams import MARKER
from policy_numbers import long_date

DOCS = ROOT / "docs"
MERMAID_TAG = re.compile(r'<script src="[^"]*assets/vendor/mermaid\.[0-9a-f]+\.min\.js"')
CONNECT = "import socket; socket.create_connection(('1.1.1.1', 53), 2)"


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def page_url(md: str) -> str:
    """The site-relative URL of docs/<md> with use_directory_urls."""
    stem = md.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def html_for(site: Path, md: Path) -> Path:
    """Where use_directory_urls puts the page built from docs/<md>."""
    rel = md.relative_to(DOCS).with_suffix("")
    if rel.name == "index":
        return site / rel.parent / "index.html"
    return site / rel / "index.html"


def test_every_markdown_page_is_built(built_site: Path) -> None:
    missing = [
        str(md.relative_to(ROOT))
        for md in sorted(DOCS.rglob("*.md"))
        if not html_for(built_site, md).is_file()
    ]
    assert missing == []


def test_every_page_names_the_date_of_its_rules(built_site: Path) -> None:
    stamp = f"Rules as of {long_date(POLICY.rules_as_of)}"
    lacking = [str(p) for p in built_pages(built_site) if stamp not in p.read_text("utf-8")]
    assert lacking == []


def test_no_token_reaches_a_reader(built_site: Path) -> None:
    leftovers = [
        f"{p.relative_to(built_site)}: {m.group(0)}"
        for p in built_pages(built_site)
        for m in re.finditer(r"\{\{[^}]*\}\}", p.read_text("utf-8"))
    ]
    assert leftovers == []


def test_diagram_script_is_served_only_where_a_diagram_is_drawn(built_site: Path) -> None:
    with_diagram: list[tuple[Path, bool]] = []
    without: list[tuple[Path, bool]] = []
    for page in built_pages(built_site):
        html = page.read_text("utf-8")
        loads_script = re.search(
            r'<script src="[^"]*assets/vendor/mermaid\.[0-9a-f]+\.min\.js"', html
        )
        (with_diagram if MARKER in html else without).append((page, bool(loads_script)))
    assert with_diagram, "no page draws a diagram; disputes/index.md should"
    assert all(loads for _, loads in with_diagram)
    assert not any(loads for _, loads in without)
    assert list((built_site / "assets" / "vendor").glob("mermaid.*.min.js"))


def test_theme_never_links_google_fonts_or_a_cdn(built_site: Path) -> None:
    pattern = re.compile(
        r"(?:src|href)=\"(?:https?:)?//[^\"]*(?:googleapis|gstatic|unpkg|jsdelivr)"
    )
    offenders = [str(p) for p in built_pages(built_site) if pattern.search(p.read_text("utf-8"))]
    assert offenders == []


def _unshare_prefix() -> list[str] | None:
    """A command prefix that runs the build in a network namespace with no interfaces."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    prefix = [unshare, "-n"] if os.geteuid() == 0 else [unshare, "-rn"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else None


def test_build_passes_with_no_network(tmp_path: Path) -> None:
    prefix = _unshare_prefix()
    if prefix is None:
        skip_or_fail("cannot create a network namespace here (unshare -n / -rn refused)")
        return
    # Inside the namespace there is no interface at all: any download would fail the build.
    no_net = subprocess.run(
        [
            *prefix,
            sys.executable,
            "-c",
            "import socket; socket.create_connection(('1.1.1.1', 53), 2)",
        ],
        capture_output=True,
        check=False,
    )
    assert no_net.returncode != 0, "the namespace still reaches the network"
    out = tmp_path / "site"
    command = [*prefix, sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "index.html").is_file()


def _tiny_project(tmp_path: Path, page: str, hook: str = "policy_numbers", extra: str = "") -> Path:
    """A throwaway project with a single hook, so that hook's effect is seen alone."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(textwrap.dedent(page), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent(f"""\
            site_name: Token check
            docs_dir: {docs}
            theme: {{name: mkdocs}}
            markdown_extensions: [tables]
            hooks: [{ROOT / "hooks" / f"{hook}.py"}]
            """)
        + extra,
        encoding="utf-8",
    )
    return config


def test_tokens_become_the_numbers_in_the_policy_file(tmp_path: Path) -> None:
    config = _tiny_project(
        tmp_path,
        """\
        # Tokens

        Window: {{ policy.dispute_window_days }} {{ policy.dispute_window_days.unit }}.

        Refund: {{ policy.refund_working_days.range }} working days.

        Processing: {{ policy.processing_days.min }}-{{ policy.processing_days.max }}.

        As of: {{ policy.rules_as_of }}.

        {{ peak_seasons }}

        ## Sources

        {{ sources: dispute_window_days protection_days }}
        """,
    )
    out = tmp_path / "site"
    result = build_site(out, config)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "index.html").read_text("utf-8")
    window = POLICY.entries["dispute_window_days"]
    refund = POLICY.entries["refund_working_days"]
    processing = POLICY.entries["processing_days"]
    assert refund.range is not None
    assert processing.range is not None
    assert f"Window: {window.value} {window.unit}." in html
    assert f"Refund: {refund.range[0]} to {refund.range[1]} working days." in html
    assert f"Processing: {processing.range[0]}-{processing.range[1]}." in html
    assert f"As of: {long_date(POLICY.rules_as_of)}." in html
    first_season = POLICY.peak_seasons[0]
    assert f"<td>{first_season.name}</td>" in html
    assert f"<td>{long_date(first_season.start)}</td>" in html
    wanted = {
        s.url for e in ("dispute_window_days", "protection_days") for s in POLICY.entries[e].sources
    }
    assert {url for url in wanted if f'href="{url}"' in html} == wanted
    # Shared sources are listed once.
    titles = re.findall(r"<li><a href=\"[^\"]+\">([^<]+)</a>", html)
    assert len(titles) == len(set(titles))


@pytest.mark.parametrize(
    ("token", "complaint"),
    [
        ("{{ policy.no_such_rule }}", "no policy entry 'no_such_rule'"),
        ("{{ policy.processing_days }}", "has no value"),
        ("{{ policy.return_ship_days.range }}", "has no range"),
        ("{{ policy.dispute_window_days.colour }}", "has no colour"),
        ("{{ sources: protection_days nope }}", "no policy entry 'nope'"),
        ("{{ sources: }}", "names no entry"),
        ("{{ polcy.protection_days }}", "unknown token"),
    ],
)
def test_a_bad_token_stops_the_build_naming_page_and_token(
    tmp_path: Path, token: str, complaint: str
) -> None:
    config = _tiny_project(tmp_path, f"# Bad\n\nWait {token} days.\n")
    result = build_site(tmp_path / "site", config)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "index.md" in output
    assert token in output
    assert complaint in output
    assert "Traceback" not in output


def test_search_ranks_the_boosted_pages_higher(built_site: Path) -> None:
    """Pages that walk through a whole topic carry `search: boost:` in their front matter."""
    boosts: dict[str, int] = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        front = re.match(r"---\nsearch:\n  boost: (\d+)\n---\n", path.read_text("utf-8"))
        if front:
            boosts[path.relative_to(ROOT / "docs").as_posix()] = int(front.group(1))
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    page_boost = {
        doc["location"]: doc.get("boost") for doc in index["docs"] if "#" not in doc["location"]
    }
    assert set(boosts) == {"disputes/index.md", "disputes/escalation.md", "refunds/time-limits.md"}
    for md, factor in boosts.items():
        assert page_boost[page_url(md)] == factor, md
    assert page_boost[""] is None


def test_every_checklist_box_and_the_search_dialog_have_a_name(built_site: Path) -> None:
    unnamed = []
    for page in built_pages(built_site):
        html = page.read_text("utf-8")
        boxes = re.findall(r'<label class="task-list-control"><input type="checkbox"[^>]*>', html)
        unnamed += [f"{page.relative_to(built_site)}: {b}" for b in boxes if "aria-label=" not in b]
        if 'data-md-component="search"' in html:
            assert 'role="dialog" aria-label="' in html, page
    assert unnamed == []
