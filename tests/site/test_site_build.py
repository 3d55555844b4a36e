"""Both generators build the site strictly, without a network, with every token filled in.

The pages are rendered once by `python -m sitebuild prepare`; mkdocs and Zensical
each build from that folder. The checks on built files run on both sites (the
`any_site` fixture); where Zensical does not do what mkdocs does, the test says so
and asserts the difference, so it is noticed the day Zensical catches up.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from conftest import GENERATORS, ROOT, skip_or_fail

from calculator.policy import POLICY
from sitebuild import BuildError
from sitebuild.generators import build_site as pipeline
from sitebuild.languages import LANGUAGES
from sitebuild.prepare import footer
from sitebuild.tokens import long_date

DOCS = ROOT / "docs"
Site = tuple[str, Path]
FLOWCHART = re.compile(r'<figure class="flowchart"><svg [^>]*role="img" aria-labelledby="([^"]+)"')
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


def test_every_markdown_page_is_built_in_every_language(any_site: Site) -> None:
    _, built_site = any_site
    missing = [
        f"{language.prefix}{md.relative_to(DOCS)}"
        for language in LANGUAGES
        for md in sorted(DOCS.rglob("*.md"))
        if not html_for(built_site / language.prefix, md).is_file()
    ]
    assert missing == []


def test_every_page_names_the_date_of_its_rules_in_its_language(any_site: Site) -> None:
    _, built_site = any_site
    lacking = []
    for page in built_pages(built_site):
        where = page.relative_to(built_site).parts[0]
        language = next((lang for lang in LANGUAGES[1:] if lang.code == where), LANGUAGES[0])
        if footer(POLICY, language.catalogue) not in page.read_text("utf-8"):
            lacking.append(str(page.relative_to(built_site)))
    assert lacking == []
    assert footer(POLICY, "es") != footer(POLICY, "en")


def test_no_token_reaches_a_reader(any_site: Site) -> None:
    _, built_site = any_site
    leftovers = [
        f"{p.relative_to(built_site)}: {m.group(0)}"
        for p in built_pages(built_site)
        for m in re.finditer(r"\{\{[^}]*\}\}", p.read_text("utf-8"))
    ]
    assert leftovers == []


def test_the_dispute_flowchart_is_an_svg_with_a_title_and_a_text_alternative(
    any_site: Site,
) -> None:
    _, built_site = any_site
    html = html_for(built_site, DOCS / "disputes" / "index.md").read_text("utf-8")
    drawn = FLOWCHART.search(html)
    assert drawn, "disputes/index.md should draw its flowchart"
    assert f'<title id="{drawn.group(1)}">How a dispute goes' in html
    # The list says what the chart says: every step and every choice's words.
    alternative = html[html.index("<figcaption>") : html.index("</figcaption>")]
    seller_days = POLICY.entries["seller_response_days"].value
    assert f"Seller answers within {seller_days} days?" in alternative
    assert "Rejects or offers something else \u2192 Negotiate in the dispute" in alternative
    assert "Claim refused \u2192 Check PayPal, card and legal routes" in alternative


def test_no_page_loads_a_diagram_library(any_site: Site) -> None:
    _, built_site = any_site
    loading = [str(p) for p in built_pages(built_site) if "mermaid" in p.read_text("utf-8")]
    assert loading == []
    assert [p for p in built_site.rglob("*") if "mermaid" in p.name] == []


def test_theme_never_links_google_fonts_or_a_cdn(any_site: Site) -> None:
    _, built_site = any_site
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


@pytest.mark.parametrize("generator", GENERATORS)
def test_build_passes_with_no_network(tmp_path: Path, generator: str) -> None:
    prefix = _unshare_prefix()
    if prefix is None:
        skip_or_fail("cannot create a network namespace here (unshare -n / -rn refused)")
        return
    # Inside the namespace there is no interface at all: any download would fail the build.
    no_net = subprocess.run([*prefix, sys.executable, "-c", CONNECT], capture_output=True)
    assert no_net.returncode != 0, "the namespace still reaches the network"
    out = tmp_path / "site"
    command = [*prefix, sys.executable, "-m", "sitebuild", "build", "--generator", generator]
    command += ["--site", str(out), "--work", str(tmp_path / "work")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "index.html").is_file()
    assert (out / "calculator" / "index.html").is_file()
    assert (out / "assets" / "calculator" / "manifest.json").is_file()


def _tiny_project(tmp_path: Path, page: str) -> tuple[Path, Path]:
    """A throwaway docs folder and config, so the tokens are seen alone."""
    docs = tmp_path / "docs-src"
    docs.mkdir()
    (docs / "index.md").write_text(textwrap.dedent(page), encoding="utf-8")
    config = tmp_path / "mkdocs-src.yml"
    config.write_text(
        "site_name: Token check\ntheme: {name: material, font: false}\nmarkdown_extensions: [tables]\n",
        encoding="utf-8",
    )
    return docs, config


def _build_tiny(tmp_path: Path, page: str, generator: str = "mkdocs", **options: object) -> str:
    docs, config = _tiny_project(tmp_path, page)
    out = tmp_path / "site"
    pipeline(generator, out, work=tmp_path / "work", docs=docs, source_config=config, **options)  # type: ignore[arg-type]
    return (out / "index.html").read_text("utf-8")


TOKENS_PAGE = """\
    # Tokens

    Window: {{ policy.dispute_window_days }} {{ policy.dispute_window_days.unit }}.

    Refund: {{ policy.refund_working_days.range }} working days.

    Processing: {{ policy.processing_days.min }}-{{ policy.processing_days.max }}.

    As of: {{ policy.rules_as_of }}.

    {{ peak_seasons }}

    ## Sources

    {{ sources: dispute_window_days protection_days }}
    """


@pytest.mark.parametrize("generator", GENERATORS)
def test_tokens_become_the_numbers_in_the_policy_file(tmp_path: Path, generator: str) -> None:
    first_season = POLICY.peak_seasons[0]
    html = _build_tiny(tmp_path, TOKENS_PAGE, generator, today=first_season.start)
    window = POLICY.entries["dispute_window_days"]
    refund = POLICY.entries["refund_working_days"]
    processing = POLICY.entries["processing_days"]
    assert refund.range is not None
    assert processing.range is not None
    assert f"Window: {window.value} {window.unit}." in html
    assert f"Refund: {refund.range[0]} to {refund.range[1]} working days." in html
    assert f"Processing: {processing.range[0]}-{processing.range[1]}." in html
    assert f"As of: {long_date(POLICY.rules_as_of)}." in html
    assert f"<td>{first_season.name}</td>" in html
    assert f"<td>{long_date(first_season.start)}</td>" in html
    wanted = {
        s.url for e in ("dispute_window_days", "protection_days") for s in POLICY.entries[e].sources
    }
    assert {url for url in wanted if f'href="{url}"' in html} == wanted
    # Shared sources are listed once.
    titles = re.findall(r"<li><a href=\"[^\"]+\">([^<]+)</a>", html)
    assert len(titles) == len(set(titles))


def test_peak_seasons_lists_only_the_seasons_not_yet_over(tmp_path: Path) -> None:
    seasons = POLICY.peak_seasons
    day = seasons[1].start
    html = _build_tiny(tmp_path, "# Seasons\n\n{{ peak_seasons }}\n", today=day)
    shown = [s for s in seasons if f"<td>{long_date(s.start)}</td>" in html]
    assert shown == [s for s in seasons if s.end >= day]
    assert seasons[0] not in shown and seasons[1] in shown


def test_a_page_without_tokens_builds_and_a_rebuild_rewrites_nothing(tmp_path: Path) -> None:
    from sitebuild.prepare import prepare

    docs, config = _tiny_project(tmp_path, "# Plain\n\nNo token here.\n")
    out = tmp_path / "rendered"
    prepare(out=out, source=docs, source_config=config)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    prepare(out=out, source=docs, source_config=config)
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert before == after
    assert (out / "index.md").read_text("utf-8") == "# Plain\n\nNo token here.\n"


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
    docs, _ = _tiny_project(tmp_path, f"# Bad\n\nWait {token} days.\n")
    command = [sys.executable, "-m", "sitebuild", "prepare", "--docs", str(docs)]
    command += ["--out", str(tmp_path / "out" / "docs")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "index.md" in output
    assert token in output
    assert complaint in output
    assert "Traceback" not in output
    assert output.strip().count("\n") == 0, output


def test_the_pipeline_raises_one_line_on_a_bad_token(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"^index\.md: \{\{ policy\.nope \}\}: no policy"):
        _build_tiny(tmp_path, "# Bad\n\n{{ policy.nope }}\n")


def _boosts() -> dict[str, int]:
    boosts: dict[str, int] = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        front = re.match(r"---\nsearch:\n  boost: (\d+)\n---\n", path.read_text("utf-8"))
        if front:
            boosts[path.relative_to(ROOT / "docs").as_posix()] = int(front.group(1))
    countries = {f"countries/{slug}.md" for slug in ("spain", "brazil", "france", "poland")}
    countries |= {f"countries/{slug}.md" for slug in ("korea", "uk", "us")}
    topics = {"disputes/index.md", "disputes/escalation.md", "refunds/time-limits.md"}
    assert set(boosts) == topics | countries
    return boosts


def test_search_ranks_the_boosted_pages_higher(built_site: Path) -> None:
    """Pages that walk through a whole topic carry `search: boost:` in their front matter."""
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    page_boost = {
        doc["location"]: doc.get("boost") for doc in index["docs"] if "#" not in doc["location"]
    }
    for md, factor in _boosts().items():
        assert page_boost[page_url(md)] == factor, md
    assert page_boost[""] is None


def test_known_difference_zensical_ignores_search_boost(zensical_site: Path) -> None:
    """Zensical (0.0.73) writes its own index, search.json, and drops `search: boost:`:
    the boosted pages are found, but not ranked higher. The README says so."""
    index = json.loads((zensical_site / "search.json").read_text("utf-8"))
    pages = {item["location"]: item for item in index["items"] if "#" not in item["location"]}
    for md in _boosts():
        assert page_url(md) in pages, md
        assert "boost" not in pages[page_url(md)], "Zensical boosts now: rank them as mkdocs does"
    assert not (zensical_site / "search" / "search_index.json").exists()


def test_every_checklist_box_and_the_search_dialog_have_a_name(any_site: Site) -> None:
    _, built_site = any_site
    unnamed = []
    for page in built_pages(built_site):
        html = page.read_text("utf-8")
        boxes = re.findall(r'<label class="task-list-control"><input type="checkbox"[^>]*>', html)
        unnamed += [f"{page.relative_to(built_site)}: {b}" for b in boxes if "aria-label=" not in b]
        if 'data-md-component="search"' in html:
            assert 'role="dialog" aria-label="' in html, page
    assert unnamed == []
