"""The whole pipeline for one generator: prepare -> mkdocs or Zensical, once per
language (the root first, then `es/`, `pt/` inside it) -> finish, once over the whole.

`make site` and `make site-zensical` spell these steps out; the tests and
`python -m sitebuild serve` call `build_site` instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from sitebuild import ROOT, BuildError
from sitebuild.config import SOURCE_CONFIG
from sitebuild.finish import finish
from sitebuild.prepare import prepare
from sitebuild.render import DOCS

GENERATORS = ("mkdocs", "zensical")
WORK = ROOT / "build"


def command(generator: str, config: Path, site_dir: Path) -> list[str]:
    if generator == "mkdocs":
        site = str(site_dir.resolve())
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", site]
    if generator == "zensical":
        return [sys.executable, "-m", "zensical", "build", "--strict", "-f", str(config)]
    raise BuildError(f"generator: {generator!r} is not one of {', '.join(GENERATORS)}")


def build_site(
    generator: str,
    site_dir: Path,
    *,
    work: Path = WORK,
    docs: Path = DOCS,
    source_config: Path = SOURCE_CONFIG,
    today: date | None = None,
    with_snapshot: bool = True,
) -> str:
    """Build the site into `site_dir`; returns the generator's output, raises BuildError.

    `work` holds the rendered pages (`work/docs`) and the generated config. Zensical
    writes only inside its config's folder, so its site is built in `work` and moved.
    """
    config = work / f"{generator}.yml"
    built = site_dir if generator == "mkdocs" else work / f"site-{generator}"
    command(generator, config, built)  # an unknown generator stops before any work
    prepared = prepare(
        out=work / "docs",
        site_dir=built,
        config=config,
        source=docs,
        source_config=source_config,
        today=today,
        with_snapshot=with_snapshot,
        generator=generator,
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    output = ""
    for site in prepared.sites:
        run = command(generator, site.config, site.site_dir)
        result = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        output += result.stdout + result.stderr
        if result.returncode != 0:
            lines = (result.stdout + result.stderr).strip().splitlines()
            shown = lines[-1] if lines else result.returncode
            raise BuildError(f"{generator} build ({site.language.code}) failed: {shown}")
    if built.resolve() != site_dir.resolve():
        shutil.rmtree(site_dir, ignore_errors=True)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(built, site_dir)
    finish(site_dir)
    return output
