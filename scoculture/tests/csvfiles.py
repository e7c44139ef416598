"""Reading back an exported CSV file in tests."""

import csv
import io

from exports.exporters import TRAILER

BOM = "\ufeff"


def read_export(data) -> list[list[str]]:
    """The header and data rows of a complete export: the trailer must close it and count
    the data rows; it is not returned."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    assert text.startswith(BOM)
    *rows, trailer = csv.reader(io.StringIO(text[1:], newline=""))
    assert trailer == [TRAILER, str(len(rows) - 1)]
    return rows
