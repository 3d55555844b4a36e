"""The prepare step that makes the snapshot: it never breaks the build, and it never
ships a snapshot that does not belong to the files beside it.

These run `sitebuild.snapshot` on a copy of the built site's calculator files, so
each test can break one input without touching the session's site.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from sitebuild import snapshot as step


def copy_calculator_files(built_site: Path, to: Path) -> Path:
    """A site holding only what the snapshot step reads: the manifest, wheel and runtime."""
    for part in ("calculator", "pyodide"):
        shutil.copytree(built_site / "assets" / part, to / "assets" / part)
    for old in (to / "assets" / "calculator").glob("snapshot-*"):
        old.unlink()
    return to


def read_manifest(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / step.MANIFEST).read_text(encoding="utf-8"))
    return data


def step_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "sitebuild.snapshot"]


def test_the_same_inputs_reuse_the_cached_snapshot(
    built_site: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = copy_calculator_files(built_site, tmp_path / "site")
    stale = site / "assets" / "calculator" / "snapshot-0123456789abcdef.bin.gz"
    stale.write_bytes(b"left by an older build")
    caplog.set_level(logging.INFO)
    name = step.attach_snapshot(site)
    assert name is not None
    assert name == json.loads((built_site / step.MANIFEST).read_text())["snapshot"]
    assert read_manifest(site)["snapshot"] == name
    assert (site / "assets" / "calculator" / name).read_bytes() == (
        built_site / "assets" / "calculator" / name
    ).read_bytes()
    assert not stale.exists()
    assert any("reusing" in r.getMessage() for r in step_records(caplog))


def test_any_changed_input_changes_the_cache_key(built_site: Path, tmp_path: Path) -> None:
    site = copy_calculator_files(built_site, tmp_path / "site")
    calculator_dir = site / "assets" / "calculator"
    manifest = read_manifest(site)
    index_dir = (calculator_dir / manifest["indexURL"]).resolve()
    wheel = calculator_dir / manifest["wheel"]
    before = step.inputs_key(index_dir, wheel)
    assert step.inputs_key(index_dir, wheel) == before
    with wheel.open("ab") as handle:
        handle.write(b"\0")
    after_wheel = step.inputs_key(index_dir, wheel)
    assert after_wheel != before
    for name in step.CORE_FILES:
        with (index_dir / name).open("ab") as handle:
            handle.write(b"\0")
        changed = step.inputs_key(index_dir, wheel)
        assert changed != after_wheel, name
        after_wheel = changed


@pytest.mark.node
def test_a_failed_snapshot_leaves_a_site_that_starts_normally(
    built_site: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = copy_calculator_files(built_site, tmp_path / "site")
    wheel = site / "assets" / "calculator" / read_manifest(site)["wheel"]
    wheel.write_bytes(b"not a zip file")
    monkeypatch.setenv(step.CACHE_DIR_ENV, str(tmp_path / "cache"))
    caplog.set_level(logging.INFO)
    assert step.attach_snapshot(site) is None
    assert read_manifest(site)["snapshot"] is None
    assert not list((site / "assets" / "calculator").glob("snapshot-*"))
    records = step_records(caplog)
    # A missing snapshot is no reason to stop the build; this must only inform.
    assert records and all(r.levelno < logging.WARNING for r in records)
    message = records[-1].getMessage()
    assert "none in this build (make_snapshot: " in message, message
    assert "\n" not in message


def test_without_node_the_site_ships_no_snapshot(
    built_site: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site = copy_calculator_files(built_site, tmp_path / "site")
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv(step.CACHE_DIR_ENV, str(tmp_path / "cache"))
    caplog.set_level(logging.INFO)
    assert step.attach_snapshot(site) is None
    assert read_manifest(site)["snapshot"] is None
    assert "node is not on PATH" in step_records(caplog)[-1].getMessage()


def test_a_site_without_the_calculator_is_left_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    assert step.attach_snapshot(tmp_path) is None
    assert list(tmp_path.iterdir()) == []
    assert all(r.levelno < logging.WARNING for r in step_records(caplog))


def test_the_cache_keeps_only_the_most_recently_used_snapshots(tmp_path: Path) -> None:
    entries = []
    for age in range(step.CACHE_KEEP + 3):
        entry = tmp_path / f"{age:064x}{step.SNAPSHOT_SUFFIX}"
        entry.write_bytes(b"snapshot")
        os.utime(entry, (1_000_000 - age, 1_000_000 - age))
        entries.append(entry)
    other = tmp_path / "notes.txt"
    other.write_text("not a snapshot")
    step.prune(tmp_path)
    assert [e.exists() for e in entries] == [True] * step.CACHE_KEEP + [False] * 3
    assert other.exists()
