"""The Content-Security-Policy the build writes for hosts: every inline script by its hash."""

from __future__ import annotations

import re
from pathlib import Path

from sitebuild.csp import HEADERS_FILE, content_security_policy, inline_script_hashes
from sitebuild.offline import precache_list

EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_only_scripts_that_run_are_hashed(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        "<script>a()</script><script src=x.js></script>"
        '<script type="application/json" id="t">{"b": 1}</script>'
        '<script type="module">c()</script><SCRIPT data-x></SCRIPT>',
        "utf-8",
    )
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<script>a()</script>", "utf-8")
    hashes = inline_script_hashes(tmp_path)
    assert len(hashes) == 3 and EMPTY in hashes
    assert "'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='" in hashes  # a()


def test_the_built_site_s_policy_allows_its_inline_scripts_and_wasm_only(built_site: Path) -> None:
    policy = content_security_policy(built_site)
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    script = directives["script-src"].split()
    assert script[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in directives["script-src"]
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
    calculator = (built_site / "calculator" / "index.html").read_text(encoding="utf-8")
    inline = re.findall(r"<script(?: data-worker=[^>]*)?>(.+?)</script>", calculator, re.DOTALL)
    assert len(inline) >= 3
    assert set(inline_script_hashes(built_site)) <= set(script)
    headers = (built_site / HEADERS_FILE).read_text(encoding="utf-8")
    assert f"  Content-Security-Policy: {policy}\n" in headers
    assert "/sw.js\n  Cache-Control: no-cache\n" in headers
    assert HEADERS_FILE not in {entry["url"] for entry in precache_list(built_site)}
