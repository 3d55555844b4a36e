"""The same commit builds the same bytes, whatever the checkout's file modes and dates.

A wheel, snapshot or offline set that changed with the umask or a copy's dates would
send every returning reader the whole calculator again for an unchanged commit. Each
test builds twice from sources that differ only in modes and dates, and compares.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, skip_or_fail

from sitebuild import snapshot
from sitebuild.assets import PYODIDE_DIR, build_wheel
from sitebuild.offline import SERVICE_WORKER, write_service_worker
from sitebuild.zipfiles import FILE_MODE, ZIP_EPOCH, normalised_zip

OLD = 978_307_200  # 2001-01-01
NEW = 1_796_000_000  # late 2026


def restamp(folder: Path, file_mode: int, folder_mode: int, when: int) -> None:
    """Every file and folder under `folder` (itself included) gets these modes and this date."""
    for path in sorted(folder.rglob("*"), reverse=True):
        path.chmod(folder_mode if path.is_dir() else file_mode)
        os.utime(path, (when, when))
    folder.chmod(folder_mode)


def checkout(to: Path, file_mode: int, folder_mode: int, when: int) -> Path:
    """What the wheel is built from, copied with these modes and this date."""
    to.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(ROOT / name, to / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "calculator", to / "calculator", ignore=ignore)
    restamp(to, file_mode, folder_mode, when)
    return to


@pytest.fixture(scope="module")
def two_wheels(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    here = tmp_path_factory.mktemp("wheels")
    private = checkout(here / "private", 0o600, 0o700, OLD)
    shared = checkout(here / "shared", 0o775, 0o775, NEW)
    return build_wheel(here / "a", root=private), build_wheel(here / "b", root=shared)


def test_the_wheel_is_the_same_whatever_the_modes_and_dates(two_wheels: tuple[Path, Path]) -> None:
    first, second = two_wheels
    assert first.name == second.name
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as wheel:
        entries = wheel.infolist()
        assert wheel.testzip() is None
    assert {entry.external_attr >> 16 for entry in entries} == {FILE_MODE}
    assert {entry.date_time for entry in entries} == {ZIP_EPOCH}
    assert entries[-1].filename.endswith(".dist-info/RECORD")


def test_normalising_keeps_every_entry_and_its_bytes(two_wheels: tuple[Path, Path]) -> None:
    data = two_wheels[0].read_bytes()
    again = normalised_zip(data)
    assert again == data
    with zipfile.ZipFile(two_wheels[0]) as one:
        names = [entry.filename for entry in one.infolist()]
        assert "calculator/policy.toml" in names and "calculator/py.typed" in names


@pytest.mark.node
def test_the_snapshot_is_the_same_from_two_checkouts(
    two_wheels: tuple[Path, Path], tmp_path: Path
) -> None:
    """Made twice, from runtime copies with other modes and dates and from the two wheels."""
    if shutil.which("node") is None:
        skip_or_fail("node is not on PATH")
    made = []
    for n, (wheel, mode, when) in enumerate(
        zip(two_wheels, (0o600, 0o644), (OLD, NEW), strict=True)
    ):
        runtime = tmp_path / f"runtime-{n}"
        runtime.mkdir()
        for name in (*snapshot.CORE_FILES, "pyodide-lock.json"):
            shutil.copyfile(PYODIDE_DIR / name, runtime / name)
        restamp(runtime, mode, 0o755, when)
        out = tmp_path / f"snapshot-{n}.bin.gz"
        snapshot.make_snapshot(runtime, wheel, out)
        made.append(out.read_bytes())
    assert made[0] == made[1]


def test_the_offline_set_is_the_same_whatever_the_modes_and_dates(
    built_site: Path, tmp_path: Path
) -> None:
    written = []
    for n, (mode, when) in enumerate(((0o600, OLD), (0o664, NEW))):
        site = shutil.copytree(built_site, tmp_path / f"site-{n}", copy_function=shutil.copyfile)
        (site / SERVICE_WORKER).unlink()
        restamp(site, mode, 0o755, when)
        write_service_worker(site)
        written.append((site / SERVICE_WORKER).read_bytes())
    assert written[0] == written[1] == (built_site / SERVICE_WORKER).read_bytes()
