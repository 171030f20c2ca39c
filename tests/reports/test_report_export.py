"""``report export``: the Excel opened by LibreOffice says what the PDF says."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.reports.office_fixture import build
from tests.reports.test_report_cli import run

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="needs LibreOffice (Debian libreoffice-calc) and pdftotext (poppler-utils)",
)

MARCH = ("--from", "2026-03-01", "--to", "2026-03-31")


def number(text: str) -> float:
    return float(text.replace(",", "."))


def sheets_as_csv(xlsx: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``xlsx`` as LibreOffice reads it (raw cell values)."""
    # 44 ',' · 34 '"' · 76 UTF-8 · … · -1: every sheet to its own file
    options = "44,34,76,1,,0,false,true,false,false,false,-1"
    proc = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{options}",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr
    found = {}
    for path in out.glob(f"{xlsx.stem}-*.csv"):
        with path.open(encoding="utf-8") as f:
            found[path.stem[len(xlsx.stem) + 1 :]] = list(csv.reader(f))
    return found


@pytest.mark.slow
def test_excel_and_pdf_agree(db, data_dir, tmp_path):
    build(db)
    xlsx, pdf = tmp_path / "bao-cao.xlsx", tmp_path / "bao-cao.pdf"
    for fmt, target in (("xlsx", xlsx), ("pdf", pdf)):
        proc = run(
            data_dir, "--json", "report", "export", *MARCH, "--format", fmt, "--out", str(target)
        )
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["bytes"] == target.stat().st_size
    with zipfile.ZipFile(xlsx) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2  # native Excel charts, not pictures

    sheets = sheets_as_csv(xlsx, tmp_path)
    assert set(sheets) == {"Biểu II.06a", "Chỉ số"}
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]

    table = [
        r
        for r in sheets["Biểu II.06a"]
        if len(r) > 12 and re.fullmatch(r"\d+|", r[0]) and r[2].isdigit()
    ]
    assert [r[1] for r in table] == ["Cư trú", "Hộ tịch", "Tổng cộng"]
    total = table[-1]
    assert [int(x) for x in total[2:]] == [180, 16, 164, 33, 161, 44, 85, 32, 52, 29, 23]
    for row in table:
        # the same figures, in the same order, on one line of the PDF
        expected = " ".join([row[0], row[1], *row[2:]]).strip()
        assert expected in lines, expected

    summary = [r for r in sheets["Chỉ số"] if len(r) >= 2 and r[0] and r[1] and r[0] != "Chỉ số"]
    summary = [r for r in summary if not r[0].startswith(("UBND", "Ủy ban"))]
    checked = 0
    for label, value, *_ in summary:
        match = next((line for line in lines if line.startswith(label + " ")), None)
        if match is None:
            continue  # the chart's data range, not a printed line
        printed = match[len(label) :].split()[0]
        if value == "—":
            assert printed == "—", label
        else:
            assert number(printed) == pytest.approx(number(value)), label
        checked += 1
    assert checked >= 15
    # the chart's figures, written as formulas, were computed: LibreOffice shows them
    chart_data = {r[0]: r[1] for r in sheets["Chỉ số"] if r and r[0] in ("Trước hạn", "Quá hạn")}
    assert chart_data == {"Trước hạn": "44", "Quá hạn": "32"}


def test_export_refuses_bad_input(db, data_dir, tmp_path):
    target = tmp_path / "x.xlsx"
    proc = run(
        data_dir,
        "report",
        "export",
        "--from",
        "2026-04-01",
        "--to",
        "2026-03-01",
        "--format",
        "xlsx",
        "--out",
        str(target),
    )
    assert proc.returncode == 1 and "trước ngày bắt đầu" in proc.stderr
    assert not target.exists()
