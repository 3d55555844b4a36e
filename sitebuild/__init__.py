"""The site build, for any generator: sources -> prepare -> generator -> finish -> site.

`python -m sitebuild prepare` renders docs/ into a generated folder (tokens filled
in, generated tables, the calculator's runtime, wheel, snapshot and manifest) and
writes a generator config that points at it; mkdocs or Zensical turns that folder
into HTML like any plain Markdown folder; `python -m sitebuild finish SITE_DIR`
does the little that needs the finished HTML. Nothing here runs inside a generator,
so a generator that ignores mkdocs hooks builds the same site.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class BuildError(Exception):
    """Why the build stopped, in one line for the reader of the terminal."""
