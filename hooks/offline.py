"""Temporary: writes the offline copy's service worker at the end of the mkdocs build.

Listed last in mkdocs.yml so that every other hook has written its files (the
calculator's runtime, wheel, manifest and snapshot) before the list is made. The
build is moving to `python -m sitebuild finish SITE_DIR`, which calls the same
function; this hook goes away then.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sitebuild.offline import write_service_worker  # noqa: E402 -- after the path is set


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    write_service_worker(Path(config["site_dir"]))
