"""Codes files from teachers: every encoding and layout a school machine writes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.reports.codefile import CodeFileError, code_of, decode_bytes, read_code_lines

ROOT = Path(__file__).parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
TEXT = "RF-AAAA-BBBB\nZoë,RF-CCCC-DDDD\n\nnot a code\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "cp1252"])
def test_every_encoding_reads_to_the_same_lines(encoding) -> None:
    assert decode_bytes(TEXT.encode(encoding)).splitlines() == TEXT.splitlines()


def test_a_byte_order_mark_never_hides_the_first_code() -> None:
    assert code_of(decode_bytes(b"\xef\xbb\xbfRF-AAAA-BBBB\n").splitlines()[0]) == "RF-AAAA-BBBB"


@pytest.mark.parametrize("line,code", [("Ann,RF-0E8V-ZBR0", "RF-0E8V-ZBR0"),
                                       ("Ann\tRF-0E8V-ZBR0\t5b", "RF-0E8V-ZBR0"),
                                       ('"Lee, Ann";rf-0e8v-zbr0', "rf-0e8v-zbr0"),
                                       ("name,code", "name,code")])
def test_a_csv_row_gives_its_code_column(line, code) -> None:
    assert code_of(line) == code


def test_a_huge_file_is_refused_before_it_is_read_whole(tmp_path) -> None:
    big = tmp_path / "codes.txt"
    with open(big, "wb") as f:
        f.truncate(64 * 2**20)
    with pytest.raises(CodeFileError, match="larger than 4 MiB"):
        read_code_lines(big)


def _code(choices: str) -> str:
    out = subprocess.run([sys.executable, "-m", "game", "run", "--story", str(MINI),
                          "--scenario", "courier", "--choices", choices, "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["code"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252"])
def test_class_report_reads_a_spreadsheet_export(tmp_path, encoding) -> None:
    rows = f"name,code\nZoë,{_code('1,1,2')}\nLéa,{_code('2,1')}\n"
    codes = tmp_path / "codes.csv"
    codes.write_bytes(rows.encode(encoding))
    out = tmp_path / "class.html"
    proc = subprocess.run([sys.executable, "-m", "game", "class-report", str(codes), "-o",
                           str(out), "--story", str(MINI)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "Codes handed in: <b>2</b>" in html  # both students, the header line skipped
    assert "Zoë" not in html and "Léa" not in html  # names never reach the page
