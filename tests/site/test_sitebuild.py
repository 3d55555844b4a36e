"""The build pipeline's own pieces: tokens, the generated config, the finishing pass."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from calculator.batch import COLUMNS as BATCH_COLUMNS
from calculator.i18n import render
from calculator.fields import FIELD_BY_NAME, FIELDS, FieldKind, fields_json
from calculator.vocab import SITUATION_LABELS, STATUS_LABELS, Situation, Status
from calculator.policy import POLICY, load_policy
from sitebuild import BuildError
from sitebuild.config import write_config
from sitebuild.finish import finish, name_controls
from sitebuild.render import page_url, relative, with_meta
from sitebuild.tokens import GENERATED, Context, TokenError, expand, generated

CONTEXT = Context(policy=POLICY, today=date(2026, 11, 1))


def test_mkdocs_yml_needs_no_hooks() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert not re.search(r"^hooks:", config, re.MULTILINE)
    assert not (ROOT / "hooks").exists()


def test_the_deadlines_table_has_every_time_limit_once() -> None:
    table = expand("{{ deadlines_table }}", CONTEXT)
    rows = table.splitlines()[2:]
    span = re.compile(r"\b(?:days?|hours?|weeks?|months?|years)\b")
    spans = [e for e in POLICY.entries.values() if span.search(e.unit)]
    assert len(rows) == len(spans)
    for entry, row in zip(spans, rows, strict=True):
        assert row.startswith(f"| {entry.summary} |"), entry.id
        shown = entry.value if entry.value is not None else entry.span()
        assert f"**{shown}** {entry.unit}" in row, entry.id
    assert "eu_commitment_year" in POLICY.entries
    assert str(POLICY.entries["eu_commitment_year"].value) not in table


def test_a_new_generated_token_is_one_function(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitebuild.tokens.GENERATED", dict(GENERATED))

    @generated("build_day")
    def build_day(context: Context) -> str:
        return context.today.isoformat()

    assert expand("Built {{ build_day }}.", CONTEXT) == "Built 2026-11-01."
    with pytest.raises(ValueError, match="registered twice"):
        generated("build_day")(build_day)


def test_a_large_amount_groups_its_thousands_and_a_year_does_not() -> None:
    assert expand("£{{ policy.uk_s75_max_gbp }}", CONTEXT) == "£30,000"
    assert expand("{{ policy.eu_small_parcel_duty_end_year }}", CONTEXT) == "2028"


def test_a_rule_s_first_day_is_spelled_out_and_an_undated_rule_says_so() -> None:
    assert expand("since {{ policy.es_guarantee_years.from }}", CONTEXT) == "since 1 January 2022"
    with pytest.raises(TokenError, match="has no 'from' day"):
        expand("{{ policy.earliest_dispute_day.from }}", CONTEXT)


def test_peak_seasons_says_so_when_none_is_left() -> None:
    after = max(s.end for s in POLICY.peak_seasons)
    text = expand(
        "{{ peak_seasons }}", Context(policy=POLICY, today=after.replace(year=after.year + 1))
    )
    assert "|" not in text and "No busy season" in text


def test_an_unknown_token_names_itself() -> None:
    with pytest.raises(TokenError, match=r"^\{\{ nope \}\}: unknown token$"):
        expand("a {{ nope }} b", CONTEXT)


@pytest.mark.parametrize(
    ("md", "url"),
    [("index.md", ""), ("calculator.md", "calculator/"), ("disputes/index.md", "disputes/")],
)
def test_page_urls_follow_directory_urls(md: str, url: str) -> None:
    assert page_url(md) == url


def test_links_from_pages_are_relative() -> None:
    assert relative("assets/x.js", "") == "assets/x.js"
    assert relative("assets/x.js", "disputes/") == "../assets/x.js"
    assert relative("assets/x.js", "refunds/cancel/") == "../../assets/x.js"


def test_front_matter_keys_are_added_to_what_is_there() -> None:
    assert with_meta("# Hi\n", {}) == "# Hi\n"
    assert with_meta("# Hi\n", {"a": "b"}) == '---\na: "b"\n---\n\n# Hi\n'
    page = "---\nsearch:\n  boost: 2\n---\n# Hi\n"
    added = with_meta(page, {"code": 'say("hi")\n'})
    assert yaml.safe_load(added.split("---\n")[1]) == {
        "search": {"boost": 2},
        "code": 'say("hi")\n',
    }
    assert added.endswith("---\n# Hi\n")


def test_the_generated_config_points_at_the_rendered_folder(tmp_path: Path) -> None:
    target = write_config(tmp_path / "gen.yml", tmp_path / "docs", tmp_path / "site", "Rules")
    config = yaml.load(target.read_text("utf-8"), Loader=yaml.Loader)
    assert config["docs_dir"] == "docs"
    assert config["site_dir"] == "site"
    assert config["copyright"] == "Rules"
    assert config["theme"]["custom_dir"] == str(ROOT / "overrides")
    # The source's Markdown extensions come along unchanged; no fence is left to a
    # script in the page (flowcharts are drawn by the build).
    assert "pymdownx.superfences" in config["markdown_extensions"]


def test_a_config_that_sets_what_the_build_owns_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "mkdocs.yml"
    source.write_text("site_name: x\nhooks: [a.py]\ndocs_dir: d\n", "utf-8")
    with pytest.raises(BuildError, match="the build sets docs_dir, hooks"):
        write_config(tmp_path / "gen.yml", tmp_path, tmp_path, "", source=source)


def test_the_finishing_pass_names_controls_once(built_site: Path) -> None:
    page = (built_site / "checklist" / "index.html").read_text("utf-8")
    assert name_controls(page) == page
    bare = page.replace(' aria-label="Search the guide"', "")
    bare = re.sub(r'(<input type="checkbox") aria-label="[^"]*"', r"\1", bare)
    assert name_controls(bare) == page


def test_finish_refuses_a_folder_without_a_site(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match=r"no index\.html"):
        finish(tmp_path)


HISTORY_POLICY = """
[meta]
rules_as_of = 2026-11-01

[entries.a]
value = 9
unit = "calendar days"
summary = "A rule."
from = 2017-03-01
note = "Longer"
sources = [{ title = "new", url = "https://example.org/new", seen = 2026-01-02 }]

[[entries.a.history]]
value = 5
from = 2013-01-01
sources = [{ title = "old", url = "https://example.org/old", seen = 2026-01-02 }]

[[entries.a.history]]
range = [4, 6]
sources = [{ title = "undated", url = "https://example.org/undated", seen = 2026-01-02 }]

[entries.b]
value = 3
unit = "hours"
summary = "Another rule."
sources = [{ title = "b", url = "https://example.org/b", seen = 2026-01-02 }]
"""


def test_rules_history_lists_dated_versions_newest_first() -> None:
    context = Context(policy=load_policy(HISTORY_POLICY), today=date(2026, 11, 1))
    lines = expand("{{ rules_history }}", context).splitlines()
    assert lines == [
        "- **1 March 2017**: Longer. A rule: 9 calendar days. "
        "Source: [new](https://example.org/new).",
        "- **1 January 2013**: the rule took effect. A rule: 5 calendar days. "
        "Source: [old](https://example.org/old).",
    ]


def test_rules_history_says_so_when_nothing_is_dated() -> None:
    head, _, rest = HISTORY_POLICY.partition("[entries.a]")
    only_b = head + "[entries.b]" + rest.partition("[entries.b]")[2]
    undated = Context(policy=load_policy(only_b))
    assert "No dated change" in expand("{{ rules_history }}", undated)


def _form_controls(html: str) -> dict[str, tuple[str, list[str]]]:
    """Each control's name -> (tag or input type, option values), read back from the HTML."""

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: dict[str, tuple[str, list[str]]] = {}
            self.select: str | None = None
            self.labels: dict[str, str] = {}
            self.label_for: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            seen = {key: value or "" for key, value in attrs}
            if tag == "input":
                self.found[seen["name"]] = (seen["type"], [])
                assert seen["id"] == seen["name"] and seen["aria-describedby"] == seen["id"] + "-help"
            elif tag == "select":
                self.select = seen["name"]
                self.found[seen["name"]] = ("select", [])
            elif tag == "option" and self.select is not None:
                self.found[self.select][1].append(seen["value"])
            elif tag == "label":
                self.label_for = seen["for"]

        def handle_endtag(self, tag: str) -> None:
            if tag == "select":
                self.select = None
            if tag == "label":
                self.label_for = None

        def handle_data(self, data: str) -> None:
            if self.label_for is not None:
                self.labels[self.label_for] = self.labels.get(self.label_for, "") + data

    reader = Reader()
    reader.feed(html)
    for name, label in reader.labels.items():
        assert str(FIELD_BY_NAME[name].label) == label
    return reader.found


def test_the_calculator_form_is_the_field_table() -> None:
    html = expand("{{ calculator_form }}", CONTEXT)
    kinds = {
        FieldKind.DATE: "date",
        FieldKind.DAYS: "number",
        FieldKind.FLAG: "checkbox",
        FieldKind.CHOICE: "select",
    }
    controls = _form_controls(html)
    assert list(controls) == [field.name for field in FIELDS]
    for field in FIELDS:
        assert controls[field.name] == (kinds[field.kind], [v for v, _ in field.choices])
        assert f'id="{field.name}-help">{escape(str(field.help), quote=False)}</p>' in html
    # Markdown ends a raw HTML block at a blank line, which would print the rest as text.
    assert "\n\n" not in html
    legends = re.findall(r"<legend>(.*?)</legend>", html)
    runs = [group for group, _ in itertools.groupby(field.group for field in FIELDS)]
    assert legends == [escape(str(group), quote=False) for group in runs]


def test_the_first_question_is_the_engine_s_situations() -> None:
    html = expand("{{ calculator_situations }}", CONTEXT)
    found = re.findall(r'data-situation="([a-z_]+)" aria-pressed="false">(.*?)</button>', html)
    assert found == [
        (str(s), escape(str(label), quote=False)) for s, label in SITUATION_LABELS.items()
    ]
    assert [s for s, _ in found] == [str(s) for s in Situation]


def test_calculator_fields_lists_every_field_of_the_form() -> None:
    text = expand("{{ calculator_fields }}", CONTEXT)
    for field in FIELDS:
        assert f"**{field.label}**" in text, field.name
        assert str(field.help).split(".")[0] in text, field.name
        for _, label in field.choices:
            assert str(label) in text, field.name
    groups = list(dict.fromkeys(str(field.group) for field in FIELDS))
    assert [line[2:-2] for line in text.splitlines() if line.startswith("**") and "|" not in line] == groups
    assert "{{" not in text


def test_the_page_carries_the_engine_s_field_table() -> None:
    html = expand("{{ calculator_field_table }}", CONTEXT)
    found = re.fullmatch(
        r'<script type="application/json" id="calc-field-table">(.*)</script>', html, re.DOTALL
    )
    assert found is not None and "\n" not in html
    assert json.loads(found.group(1)) == json.loads(json.dumps(fields_json()))
    assert "</" not in found.group(1)


def test_a_status_token_is_the_engine_s_label_and_an_unknown_one_stops_the_build() -> None:
    for status, label in STATUS_LABELS.items():
        assert expand(f"{{{{ status: {status} }}}}", CONTEXT) == render(label)
    with pytest.raises(TokenError, match="no status 'opened'"):
        expand("{{ status: opened }}", CONTEXT)


def test_the_calculator_page_explains_every_status_in_the_engine_s_words() -> None:
    page = (ROOT / "docs" / "calculator.md").read_text("utf-8")
    named = re.findall(r"^\{\{ status: ([a-z_]+) \}\}$", page, re.MULTILINE)
    assert sorted(named) == sorted(str(status) for status in Status)


def test_a_column_token_names_a_batch_column_or_stops_the_build() -> None:
    assert expand("{{ column: tracking_delivered }}", CONTEXT) == "`tracking_delivered`"
    with pytest.raises(TokenError, match="the batch has no column 'today'"):
        expand("{{ column: today }}", CONTEXT)


def test_the_batch_columns_table_lists_every_column_the_batch_reads_in_its_order() -> None:
    text = expand("{{ batch_columns }}", CONTEXT)
    listed = re.findall(r"^\| `([a-z_]+)` \|", text, re.MULTILINE)
    assert listed == list(BATCH_COLUMNS)
    assert "`yes` or `no`" in text and "`paypal`" in text and "Required." in text


def test_a_field_token_is_the_form_s_label_or_stops_the_build() -> None:
    for field in FIELDS:
        assert expand(f"{{{{ field: {field.name} }}}}", CONTEXT) == render(field.label)
    with pytest.raises(TokenError, match="no field 'received'"):
        expand("{{ field: received }}", CONTEXT)
