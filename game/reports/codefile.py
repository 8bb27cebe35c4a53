"""Reading a file of replay codes handed in by a class, whatever wrote it.

Teachers collect codes in a text editor, a spreadsheet or a form export, so a
file may be UTF-8 (with or without a byte-order mark), UTF-16 (PowerShell,
Excel's "Unicode text"), or a legacy 8-bit encoding, and a line may be a CSV
or TSV row such as `Ann,RF-1234-...`. Each line comes back as the code it holds
(names and other columns are dropped: the report never needs them), or as the
line itself when no column looks like a code, so it is reported by number.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

MAX_BYTES = 4 * 2**20  # a class of thousands fits in far less
# A code as the game prints it (`RF-` and groups of four), tolerant of case and spaces.
_CODE = re.compile(r"RF[- ]?[0-9A-Z]{2,}(?:[- ]+[0-9A-Z]+)*", re.IGNORECASE)
_COLUMNS = re.compile(r"[,;\t|]")


class CodeFileError(ValueError):
    """The file cannot be read at all; the message is a sentence."""


def decode_bytes(data: bytes) -> str:
    """The text of a codes file: BOMs first, then UTF-16 without one, UTF-8, cp1252."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if data[1::2].count(0) > len(data) // 4:  # ASCII text in UTF-16LE: every other byte 0
        return data.decode("utf-16-le", errors="replace")
    if data[0::2].count(0) > len(data) // 4:
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Windows' legacy default; every byte maps, so a stray é never stops a report.
        return data.decode("cp1252", errors="replace")


def code_of(line: str) -> str:
    """The replay code a line holds (the one in a CSV/TSV row), or the line itself."""
    for column in _COLUMNS.split(line):
        column = column.strip().strip('"').strip()
        if _CODE.fullmatch(column):
            return column
    return line.strip()


def read_code_lines(path: Path) -> list[str]:
    """One entry per line of the file (blank lines stay blank, so numbers match)."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CodeFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise CodeFileError(f"{path} is larger than 4 MiB: is it really a list of codes?")
    return [code_of(line) for line in decode_bytes(data).splitlines()]
