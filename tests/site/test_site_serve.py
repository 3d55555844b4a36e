"""The local server sends the types the calculator needs and caches only what cannot change."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from email.utils import formatdate
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from conftest import ROOT
from serve import (
    IMMUTABLE,
    REVALIDATE,
    SiteHandler,
    is_content_hashed,
    make_server,
    serving,
    site_policy,
)

OLD = 978_307_200  # 2001-01-01

FILES = {
    "index.html": "<h1>Home</h1>",
    "assets/javascripts/bundle.79ae519e.min.js": "/* bundle */",
    "assets/pyodide-1a2b3c4d5e/pyodide.asm.wasm": "\0asm",
    "assets/calculator/worker.mjs": "export {}",
    "assets/calculator/calculator-1.0.0-py3-none-any.whl": "PK",
    "assets/calculator/snapshot.bin.gz": "\x1f\x8b",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("served")
    for name, body in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, "utf-8")
    server = make_server(root)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("path", "content_type", "cache"),
    [
        ("", "text/html", REVALIDATE),
        ("assets/javascripts/bundle.79ae519e.min.js", "text/javascript", IMMUTABLE),
        ("assets/pyodide-1a2b3c4d5e/pyodide.asm.wasm", "application/wasm", IMMUTABLE),
        ("assets/calculator/worker.mjs", "text/javascript", REVALIDATE),
        ("assets/calculator/calculator-1.0.0-py3-none-any.whl", "application/zip", REVALIDATE),
        ("assets/calculator/snapshot.bin.gz", "application/gzip", REVALIDATE),
    ],
)
def test_headers(served: str, path: str, content_type: str, cache: str) -> None:
    with urlopen(served + path) as response:
        assert response.headers.get_content_type() == content_type
        assert response.headers["Cache-Control"] == cache


@pytest.mark.parametrize(
    ("path", "hashed"),
    [
        ("/assets/stylesheets/main.484c7ddc.min.css", True),
        ("/assets/vendor/mermaid.0123456789ab.min.js", True),
        ("/assets/pyodide-deadbeef12/pyodide.mjs", True),
        ("/assets/a1b2c3d4e5f6/worker.mjs", True),
        ("/assets/calculator/worker.mjs?v=1234abcd", False),
        ("/assets/stylesheets/main.484c7dd.css", False),
        ("/refunds/time-limits/", False),
        ("/assets/calculator/calculator-1.0.0-py3-none-any.whl", False),
        ("/assets/pyodide/314.0.7/pyodide.asm.wasm", True),
        ("/assets/pyodide/314.0.7", False),
        ("/assets/calculator/manifest.json", False),
    ],
)
def test_content_hash_detection(path: str, hashed: bool) -> None:
    assert is_content_hashed(path) is hashed


def test_command_refuses_a_folder_without_a_site(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), "--dir", str(tmp_path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "index.html" in result.stderr


def test_command_serves_a_built_site_and_prints_its_address(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<h1>Served</h1>", "utf-8")
    command = [sys.executable, str(ROOT / "scripts" / "serve.py"), "--dir", str(tmp_path)]
    with subprocess.Popen(
        [*command, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            url = line.split(" at ", 1)[1].split()[0]
            assert url.startswith("http://127.0.0.1:")
            with urlopen(url) as response:
                assert b"Served" in response.read()
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_a_browser_hanging_up_is_not_reported_but_a_real_error_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = make_server(tmp_path)
    client = ("127.0.0.1", 1)
    request, other_end = socket.socketpair()
    try:
        for hung_up in (BrokenPipeError(), ConnectionResetError()):
            try:
                raise hung_up
            except ConnectionError:
                server.handle_error(request, client)
            assert capsys.readouterr().err == ""
        try:
            raise ValueError("a bug in the handler")
        except ValueError:
            server.handle_error(request, client)
        assert "a bug in the handler" in capsys.readouterr().err
    finally:
        request.close()
        other_end.close()
        server.server_close()


def _get(url: str, **headers: str) -> tuple[int, str | None, bytes]:
    try:
        with urlopen(Request(url, headers=headers)) as response:
            return response.status, response.headers["ETag"], response.read()
    except HTTPError as error:
        return error.code, error.headers["ETag"], b""


def test_a_page_is_revalidated_by_its_content_never_by_its_date(tmp_path: Path) -> None:
    """A rebuild or a rollback that keeps the file's date is still seen."""
    page = tmp_path / "index.html"
    page.write_text("<h1>One</h1>", "utf-8")
    os.utime(page, (OLD, OLD))
    with serving(make_server(tmp_path)) as url:
        status, etag, body = _get(url)
        assert status == 200 and etag and body == b"<h1>One</h1>"
        assert _get(url, **{"If-None-Match": etag})[0] == 304
        page.write_text("<h1>Two</h1>", "utf-8")
        os.utime(page, (OLD, OLD))
        later = formatdate(OLD + 3600, usegmt=True)
        status, new_etag, body = _get(url, **{"If-None-Match": etag, "If-Modified-Since": later})
        assert status == 200 and body == b"<h1>Two</h1>" and new_etag != etag


def test_hashed_files_carry_no_etag(served: str) -> None:
    assert _get(served + "assets/javascripts/bundle.79ae519e.min.js")[1] is None


def test_the_site_s_policy_is_sent_when_asked(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<h1>Home</h1>", "utf-8")
    assert site_policy(tmp_path) is None
    (tmp_path / "_headers").write_text(
        "/*\n  Content-Security-Policy: default-src 'self'\n/sw.js\n  Cache-Control: no-cache\n",
        "utf-8",
    )
    assert site_policy(tmp_path) == "default-src 'self'"

    class WithPolicy(SiteHandler):
        policy = site_policy(tmp_path)

    with serving(make_server(tmp_path, handler=WithPolicy)) as url, urlopen(url) as response:
        assert response.headers["Content-Security-Policy"] == "default-src 'self'"


def test_the_command_refuses_csp_without_a_policy(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<h1>Home</h1>", "utf-8")
    command = [sys.executable, str(ROOT / "scripts" / "serve.py"), "--dir", str(tmp_path)]
    result = subprocess.run(
        [*command, "--port", "0", "--csp"], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 2 and "Content-Security-Policy" in result.stderr
