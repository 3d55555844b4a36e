"""A zip archive that depends on its entries' names and bytes alone.

A wheel records each file's permission bits and date as the checkout had them, so
the same commit checked out with another umask, or copied with other dates, would
give another wheel, hence a new snapshot and a new offline set that every returning
reader downloads again. Rewriting the archive with one date and one mode for every
entry, in the order the builder wrote them, leaves only what matters.
"""

from __future__ import annotations

import io
import zipfile

__all__ = ["normalised_zip"]

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip entry can carry."""
FILE_MODE = 0o100644
"""A regular file, readable by all, writable by its owner."""


def normalised_zip(data: bytes) -> bytes:
    """The same entries, in the same order, with a fixed date and mode and no comment."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_EPOCH)
            info.external_attr = FILE_MODE << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry), compresslevel=9)
    return out.getvalue()
