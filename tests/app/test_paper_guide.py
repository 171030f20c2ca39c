"""The procedure guide a citizen takes home, read back with pdftotext."""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.office import catalogue
from app.paper.guide_print import print_guide

NOW = datetime(2026, 2, 13, 9, 30)


def _run(tool: str, pdf: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / "guide.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.parametrize(("layout", "width"), [("a4", 595.28), ("80mm", 226.77)])
def test_guide_lists_what_to_bring_fee_time_place_and_hours(db, clerk, tmp_path, layout, width):
    with db.read() as session:
        proc = catalogue.get(session, "1.001193")
        components = [(c.name, c.originals, c.copies) for c in proc.components]
        result_place = proc.result_place
    pdf = print_guide(db, clerk, "1.001193", layout=layout, now=NOW)
    text = " ".join(_run("pdftotext", pdf, tmp_path, "-raw").split())
    info = " ".join(_run("pdfinfo", pdf, tmp_path).split())
    assert "Pages: 1 " in info
    assert f"Page size: {width:.2f}" in info.replace("595.276", "595.28").replace(
        "226.772", "226.77"
    )
    assert "HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH" in text
    assert "Đăng ký khai sinh" in text and "Mã thủ tục: 1.001193" in text
    for name, _, _ in components:
        assert " ".join(name.split()[:4]) in text
    assert "Thời hạn giải quyết:" in text
    assert "(01) ngày làm việc" in text or "trong ngày làm việc" in text
    assert "Phí, lệ phí:" in text
    assert f"Nơi nhận kết quả: {result_place}" in text
    assert "bưu chính công ích" in text
    assert "Giờ làm việc: từ 07 giờ 30 đến 11 giờ 30, từ 13 giờ 30 đến 17 giờ 30" in text


def test_guide_for_an_unknown_procedure_says_so(db, clerk):
    with pytest.raises(DomainError) as caught:
        print_guide(db, clerk, "9.999999")
    assert caught.value.code == "unknown_procedure"


def test_same_day_procedure_with_a_maximum_reads_in_words(db, clerk, tmp_path):
    pdf = print_guide(db, clerk, "1.000656", now=NOW)
    text = " ".join(_run("pdftotext", pdf, tmp_path, "-raw").split())
    assert "Thời hạn giải quyết: giải quyết trong ngày làm việc" in text
    assert "tối đa ba (03) ngày làm việc khi phải xác minh" in text
    assert "same_day" not in text
