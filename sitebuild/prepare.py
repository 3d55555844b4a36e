"""`python -m sitebuild prepare`: docs/ and the policy data -> rendered folder + config."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from calculator.i18n import DEFAULT
from calculator.i18n import render as word
from calculator.policy import Policy, load_policy
from sitebuild import ROOT, render
from sitebuild.config import SOURCE_CONFIG, write_config
from sitebuild.tokens import RULES_AS_OF, Context, long_date

POLICY_FILE = ROOT / "calculator" / "policy.toml"
DEFAULT_OUT = ROOT / "build" / "docs"


def read_policy(path: Path = POLICY_FILE) -> Policy:
    """Parse the file afresh on every build, so a rebuild shows an edited number at once."""
    return load_policy(path.read_text(encoding="utf-8"))


def footer(policy: Policy, lang: str = DEFAULT) -> str:
    return word(RULES_AS_OF.format(day=long_date(policy.rules_as_of, lang)), lang)


@dataclass(frozen=True)
class Prepared:
    docs_dir: Path
    config: Path
    pages: int


def prepare(
    out: Path = DEFAULT_OUT,
    *,
    site_dir: Path | None = None,
    config: Path | None = None,
    source: Path = render.DOCS,
    source_config: Path = SOURCE_CONFIG,
    today: date | None = None,
    with_snapshot: bool = True,
) -> Prepared:
    """Render `source` into `out` and write the generator config beside it.

    The config defaults to `<out>/../mkdocs.yml` and the site to `<out>/../site`.
    """
    policy = read_policy()
    context = Context(policy=policy, today=today or date.today())
    done = render.render(out, context, source=source, with_snapshot=with_snapshot)
    config = config or out.parent / "mkdocs.yml"
    site_dir = site_dir or out.parent / "site"
    write_config(config, out, site_dir, footer(policy), source=source_config)
    return Prepared(docs_dir=out, config=config, pages=done.pages)
