"""Importing a province's procedure list from Excel: time texts read, the rest flagged."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.domain.errors import DomainError
from app.dossiers import intake as intake_uc
from app.office import catalogue, catalogue_import
from db.models import Procedure
from tests.conftest import snapshot

HEADER = ("Mã thủ tục", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Thời hạn giải quyết",
          "Phí, lệ phí", "Thành phần hồ sơ")  # fmt: skip


def _workbook(path: Path, rows: list[tuple]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_province_list_is_imported_and_what_cannot_be_read_is_flagged(
    db, clerk, supervisor, intake, tmp_path
):
    path = _workbook(
        tmp_path / "danh-muc.xlsx",
        [
            (
                "1.009999",
                "Thủ tục thử của tỉnh",
                "Hộ tịch",
                "Xã",
                "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
                "20.000 đồng/hồ sơ",
                "Tờ khai theo mẫu\nGiấy tờ chứng minh",
            ),
            (
                "1.004884",
                "Đăng ký lại khai sinh",
                "Hộ tịch",
                "Xã",
                "Ngay trong ngày; trường hợp nhận hồ sơ sau 15 giờ thì trả trong ngày "
                "làm việc tiếp theo",
                "Không thu phí",
                None,
            ),
            ("1.001776", "Trợ cấp xã hội", "Bảo trợ xã hội", "Xã", "Theo quy định", None, None),
            ("9.99", "Dòng sai mã", None, None, None, None, None),
        ],
    )
    result = catalogue_import.import_file(db, supervisor, path)
    assert (result.created, result.updated) == (1, 2)
    assert [(f.row, f.field) for f in result.flagged] == [(4, "processing"), (5, "code")]
    with db.read() as session:
        new = catalogue.get(session, "1.009999")
        assert (new.processing_value, new.processing_unit, new.fee_amount) == (
            5,
            "working_days",
            20000,
        )
        assert [c.name for c in new.components] == ["Tờ khai theo mẫu", "Giấy tờ chứng minh"]
        again = catalogue.get(session, "1.004884")
        assert (again.processing_unit, again.next_day_after_cutoff) == ("same_day", True)
        flagged = catalogue.get(session, "1.001776")
        assert flagged.processing_value is None
    # The imported times survive a catalogue refresh and the new one is receivable.
    with db.write() as session:
        catalogue.import_seed(session)
    with db.read() as session:
        row = session.scalar(select(Procedure).where(Procedure.code == "1.004884"))
        assert row.processing_unit == "same_day"
    data = copy.deepcopy(intake)
    data.update(procedure="1.009999", received_at="2026-03-02T09:00:00")
    data["components"] = [{"index": 1, "originals": 1, "copies": 0}]
    got = intake_uc.receive(db, clerk, data, now=datetime(2026, 3, 2, 9))
    assert got.due_at == datetime(2026, 3, 9, 9, 0) and got.fee_amount == 20000


@pytest.mark.parametrize("content", [b"code,name\n1.001193,x\n", b"PK\x03\x04broken"])
def test_a_file_that_is_not_a_spreadsheet_writes_nothing(db, supervisor, tmp_path, content):
    path = tmp_path / "danh-muc.xlsx"
    path.write_bytes(content)
    before = snapshot(db.path)
    with pytest.raises(DomainError) as info:
        catalogue_import.import_file(db, supervisor, path)
    assert info.value.code == "bad_spreadsheet" and "Excel" in info.value.message_vi
    assert snapshot(db.path) == before


def test_a_clerk_cannot_import(db, clerk, tmp_path):
    path = _workbook(tmp_path / "x.xlsx", [("1.009999", "Thử", None, None, None, None, None)])
    with pytest.raises(DomainError) as info:
        catalogue_import.import_file(db, clerk, path)
    assert info.value.code == "forbidden"
