"""The procedure guide's QR leads to the procedure's page on the national portal.

The catalogue had no field for that link, so the QR the guide's renderer can
draw was never printed. The link is now a catalogue field, set in the editor,
the CLI, a spreadsheet import or the seed, and read back here with zbar from
the printed page.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import openpyxl
import pytest

from app.domain.errors import DomainError
from app.office import catalogue, catalogue_edit, catalogue_import
from app.office.catalogue_seed import DEFAULT_SEED_PATH, parse_catalogue
from app.paper.guide_print import print_guide
from tests.documents.conftest import PdfFile, zbar_decode

CODE = "1.001193"
# A link of the portal's shape, made up for the test.
URL = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1"


def _qr_payloads(db, actor, tmp_path: Path, layout: str) -> list[str]:
    path = tmp_path / f"guide-{layout}.pdf"
    path.write_bytes(print_guide(db, actor, CODE, layout=layout))
    return zbar_decode(PdfFile(path).render(dpi=200))


@pytest.mark.parametrize("layout", ["a4", "80mm"])
def test_the_guide_prints_a_qr_to_the_portal_page_once_the_catalogue_has_it(
    db, admin, tmp_path, layout
):
    assert _qr_payloads(db, admin, tmp_path, layout) == []  # no link, no QR
    catalogue_edit.set_procedure(db, admin, CODE, catalogue_edit.ProcedureEdit(portal_url=URL))
    assert _qr_payloads(db, admin, tmp_path, layout) == [URL]
    # Emptied, the link is gone from the guide again.
    catalogue_edit.set_procedure(db, admin, CODE, catalogue_edit.ProcedureEdit(portal_url=""))
    assert _qr_payloads(db, admin, tmp_path, layout) == []


@pytest.mark.parametrize("bad", ["dichvucong.gov.vn/thu-tuc", "https://x y.vn", "ftp://a.vn/b"])
def test_a_link_that_is_no_web_address_is_refused(db, admin, bad):
    with pytest.raises(DomainError) as caught:
        catalogue_edit.set_procedure(db, admin, CODE, catalogue_edit.ProcedureEdit(portal_url=bad))
    assert caught.value.field == "portal_url" and "https://" in caught.value.message_vi
    with db.read() as session:
        assert catalogue.get(session, CODE).portal_url is None


def test_the_link_survives_a_refresh_and_comes_from_import_and_seed(db, admin, tmp_path):
    catalogue_edit.set_procedure(db, admin, CODE, catalogue_edit.ProcedureEdit(portal_url=URL))
    with db.write() as session:
        catalogue.import_seed(session)
        assert catalogue.get(session, CODE).portal_url == URL

    book = openpyxl.Workbook()
    book.active.append(
        ("Mã", "Tên", "Lĩnh vực", "Cấp", "Thời hạn", "Phí", "Thành phần", "Cổng DVC")
    )
    book.active.append(("1.004884", "Đăng ký lại khai sinh", "Hộ tịch", "Xã", "", "", "", URL))
    book.active.append(("1.004873", "Cấp bản sao", "Hộ tịch", "Xã", "", "", "", "không có"))
    path = tmp_path / "danh-muc.xlsx"
    book.save(path)
    result = catalogue_import.import_file(db, admin, path)
    assert [(f.code, f.field) for f in result.flagged] == [("1.004873", "portal_url")]
    listed = {p.code: p.portal_url for p in catalogue.list_procedures(db)}
    assert listed["1.004884"] == URL and listed["1.004873"] is None

    # A seed (or the server's catalogue) may carry the link; a bad one is refused.
    raw = json.loads(DEFAULT_SEED_PATH.read_text(encoding="utf-8"))
    item = copy.deepcopy(next(i for i in raw["procedures"] if i["code"] == "1.001612"))
    data = {"version": "test", "procedures": [{**item, "portal_url": URL}]}
    assert parse_catalogue(data).procedures[0].portal_url == URL
    data["procedures"][0]["portal_url"] = "không phải đường dẫn"
    with pytest.raises(DomainError) as caught:
        parse_catalogue(data)
    assert "Cổng Dịch vụ công" in caught.value.message_vi
    with db.write() as session:
        catalogue.import_seed(
            session, parse_catalogue({**data, "procedures": [{**item, "portal_url": URL}]})
        )
        assert catalogue.get(session, "1.001612").portal_url == URL
