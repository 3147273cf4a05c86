"""CSV and JSON renderings of the same rows, streamed to a file."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import msgspec

from docmill_exporter.rows import COLUMNS, Row
from docmill_exporter.safety import escape_csv


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_csv(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 2500000, not 2500000.0
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class CsvSink:
    """A header line, then one line per row; formula-looking text is quoted with `'`."""

    def __init__(self, path: Path) -> None:
        # utf-8-sig: Excel reads the BOM and shows Kannada and other scripts correctly.
        self._file = path.open("w", newline="", encoding="utf-8-sig")
        self._writer = csv.writer(self._file)
        self._writer.writerow(COLUMNS)

    def write(self, rows: Iterable[Row]) -> None:
        """Append rows."""
        self._writer.writerows([_csv_value(v) for v in row] for row in rows)

    def close(self) -> None:
        """Flush and close the file."""
        self._file.close()

    def abort(self) -> None:
        """Close without finishing; the caller removes the folder."""
        self._file.close()


class JsonSink:
    """A JSON array of objects keyed by column name, written incrementally."""

    def __init__(self, path: Path) -> None:
        self._file = path.open("wb")
        self._file.write(b"[")
        self._first = True
        self._encoder = msgspec.json.Encoder()

    def write(self, rows: Iterable[Row]) -> None:
        """Append rows."""
        for row in rows:
            self._file.write(b"\n" if self._first else b",\n")
            self._first = False
            self._file.write(self._encoder.encode(dict(zip(COLUMNS, row, strict=True))))

    def close(self) -> None:
        """Close the array and the file."""
        self._file.write(b"\n]\n")
        self._file.close()

    def abort(self) -> None:
        """Close without finishing; the caller removes the folder."""
        self._file.close()
