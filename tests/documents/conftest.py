"""Realistic form data and helpers that read rendered PDFs back with independent tools.

The text comes back through poppler's pdftotext and the QR codes through
zbar and zxing-cpp, never through the libraries that wrote them, so a test
passes only if a person with a phone and a PDF viewer would see the same.
"""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from app.paper.render.model import (
    ApologyLetter,
    ApplicantInfo,
    ComponentLine,
    ControlSheet,
    DossierInfo,
    HandoverRow,
    OfficeInfo,
    RefusalNotice,
    StopNotice,
    SupplementItem,
    SupplementRequest,
)

CODE = "000.00.24.H47-260213-0001"
LOOKUP_URL = f"https://motcua.hoankiem.hanoi.gov.vn/tra-cuu/{CODE}?k=Zx8Qp2Lm9Rt4Vw7YbN3c"
APPLICANT_NAME = "Nguyễn Thị Thuỷ Tiên"
RECEIVED_AT = datetime(2026, 2, 13, 9, 5)
DUE_AT = datetime(2026, 2, 23, 8, 0)


def require_tool(name: str) -> str:
    """Path of a command-line tool; a missing tool skips locally but fails in CI."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required to check the printed forms in CI")
    pytest.skip(f"{name} is not installed")


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def flat(value: str) -> str:
    """NFC text with every run of whitespace (line wraps, page feeds) made one space."""
    return re.sub(r"\s+", " ", nfc(value)).strip()


@dataclass(frozen=True)
class PdfFile:
    """A rendered PDF on disk with poppler's view of it."""

    path: Path

    def text(self, *, layout: bool = True) -> str:
        args = [require_tool("pdftotext")]
        if layout:
            args.append("-layout")
        out = subprocess.run(
            [*args, str(self.path), "-"], check=True, capture_output=True, timeout=60
        ).stdout
        # Dates are set with no-break spaces so they never wrap mid-phrase;
        # a reader sees spaces.
        return nfc(out.decode("utf-8")).replace("\u00a0", " ")

    def page_texts(self) -> list[str]:
        # pdftotext ends every page with a form feed.
        return self.text().split("\f")[:-1]

    def info(self) -> dict[str, str]:
        out = subprocess.run(
            [require_tool("pdfinfo"), str(self.path)], check=True, capture_output=True, timeout=60
        ).stdout.decode("utf-8")
        return dict(
            (key.strip(), value.strip())
            for key, value in (line.split(":", 1) for line in out.splitlines() if ":" in line)
        )

    @property
    def pages(self) -> int:
        return int(self.info()["Pages"])

    def page_sizes(self) -> list[tuple[float, float]]:
        out = subprocess.run(
            [require_tool("pdfinfo"), "-f", "1", "-l", str(self.pages), str(self.path)],
            check=True,
            capture_output=True,
            timeout=60,
        ).stdout.decode("utf-8")
        sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
        return [(float(w), float(h)) for w, h in sizes]

    def render(self, page: int = 1, dpi: int = 150) -> Path:
        """The page as a PNG file, as a printer or a screen would show it."""
        prefix = self.path.with_name(f"{self.path.stem}-p{page}-{dpi}")
        subprocess.run(
            [
                require_tool("pdftoppm"),
                "-r",
                str(dpi),
                "-png",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(self.path),
                str(prefix),
            ],
            check=True,
            timeout=120,
        )
        return prefix.with_suffix(".png")


def zbar_decode(png: Path) -> list[str]:
    """Every QR payload zbar finds on the image."""
    result = subprocess.run(
        [require_tool("zbarimg"), "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(png)],
        capture_output=True,
        timeout=120,
    )
    # zbarimg exits 4 when it finds nothing: an empty list, not an error.
    if result.returncode not in (0, 4):
        raise RuntimeError(result.stderr.decode("utf-8", "replace"))
    return [line for line in result.stdout.decode("utf-8").splitlines() if line]


def zxing_symbols(png: Path) -> list[tuple[str, float]]:
    """Every QR code zxing-cpp finds on the image: (payload, width in pixels)."""
    if os.environ.get("CI"):
        import zxingcpp
    else:
        zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    with Image.open(io.BytesIO(png.read_bytes())) as image:
        found = zxingcpp.read_barcodes(image.convert("L"))
    symbols = []
    for barcode in found:
        corners = barcode.position
        width = math.dist(
            (corners.top_left.x, corners.top_left.y), (corners.top_right.x, corners.top_right.y)
        )
        symbols.append((barcode.text, width))
    return symbols


def zxing_decode(png: Path) -> list[str]:
    """Every QR payload zxing-cpp finds on the image."""
    return [payload for payload, _ in zxing_symbols(png)]


@pytest.fixture
def decode_qr():
    """Reads every QR code on a PNG with zbar and with zxing-cpp: (zbar, zxing)."""

    def decode(png: Path) -> tuple[list[str], list[str]]:
        return zbar_decode(png), zxing_decode(png)

    return decode


@pytest.fixture
def qr_widths_cm():
    """Printed width of each QR code on a page rendered at ``dpi``: {payload: [cm, …]}."""

    def measure(png: Path, dpi: int) -> dict[str, list[float]]:
        widths: dict[str, list[float]] = {}
        for payload, pixels in zxing_symbols(png):
            widths.setdefault(payload, []).append(pixels / dpi * 2.54)
        return widths

    return measure


@pytest.fixture
def pdf_file(tmp_path: Path):
    """Writes PDF bytes to a file and returns a PdfFile for it."""
    counter = iter(range(1000))

    def write(data: bytes, name: str = "form") -> PdfFile:
        assert data.startswith(b"%PDF-"), "not a PDF"
        path = tmp_path / f"{name}-{next(counter)}.pdf"
        path.write_bytes(data)
        return PdfFile(path)

    return write


@pytest.fixture
def office() -> OfficeInfo:
    return OfficeInfo(
        agency_code="000.00.24.H47",
        name="Ủy ban nhân dân phường Hoàn Kiếm",
        parent_name="Ủy ban nhân dân thành phố Hà Nội",
        address="126 Hàng Trống, phường Hoàn Kiếm, thành phố Hà Nội",
        phone="024 3825 3536",
        province_place="Hà Nội",
        bank_bin="970423",
        bank_account="0099999999",
        bank_account_name="UBND PHUONG HOAN KIEM",
    )


@pytest.fixture
def applicant() -> ApplicantInfo:
    return ApplicantInfo(
        full_name=APPLICANT_NAME,
        id_number="001195012345",
        address="Số 12 ngõ 34 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội",
        phone="0912 345 678",
        email="tien.nguyen@example.vn",
    )


@pytest.fixture
def dossier(applicant: ApplicantInfo) -> DossierInfo:
    return DossierInfo(
        code=CODE,
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh có yếu tố nước ngoài",
        field="Hộ tịch",
        applicant=applicant,
        components=(
            ComponentLine(1, "Tờ khai đăng ký khai sinh theo mẫu", 1, 0),
            ComponentLine(2, "Giấy chứng sinh do cơ sở y tế cấp", 1, 1),
            ComponentLine(3, "Giấy tờ tùy thân của người đi đăng ký (CCCD/hộ chiếu)", 0, 1),
        ),
        sets=1,
        processing_text="01 ngày làm việc",
        received_at=RECEIVED_AT,
        due_at=DUE_AT,
        result_place="Bộ phận tiếp nhận và trả kết quả phường Hoàn Kiếm",
        logbook_book="01",
        logbook_line="0123",
        fee_amount=50_000,
        fee_paid=False,
        lookup_url=LOOKUP_URL,
        receiving_officer="Trần Văn Bình",
    )


@pytest.fixture
def supplement_request() -> SupplementRequest:
    return SupplementRequest(
        number="05/PYCBS",
        issued_at=datetime(2026, 2, 13, 10, 30),
        items=(
            SupplementItem("Giấy xác nhận tình trạng hôn nhân của người mẹ", 1, 0, 0),
            SupplementItem(
                "Bản dịch giấy khai sinh của người mẹ", 0, 1, 0, note="Dịch sang tiếng Việt"
            ),
        ),
        reason="Thiếu giấy tờ chứng minh quan hệ mẹ – con theo quy định.",
        guidance="Điều 16 Luật Hộ tịch năm 2014; Cổng Dịch vụ công quốc gia, thủ tục 1.001193",
        contact_officer="Trần Văn Bình",
        contact_phone="024 3825 3536",
        guiding_officer="Trần Văn Bình",
    )


@pytest.fixture
def refusal_notice() -> RefusalNotice:
    return RefusalNotice(
        number="02/PTC",
        issued_at=datetime(2026, 2, 13, 10, 45),
        reason="Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường.",
        contact="Trần Văn Bình, điện thoại 024 3825 3536 (giờ hành chính)",
        officer="Trần Văn Bình",
    )


@pytest.fixture
def apology_letter() -> ApologyLetter:
    return ApologyLetter(
        number="01/PXL",
        issued_at=datetime(2026, 2, 23, 15, 0),
        reason="Cần xác minh thêm thông tin với cơ quan đăng ký hộ tịch nơi cư trú trước đây.",
        new_due_at=datetime(2026, 2, 26, 14, 30),
        head_name="Lê Thị Hồng Nhung",
        head_title="Chủ tịch",
    )


@pytest.fixture
def control_sheet() -> ControlSheet:
    return ControlSheet(
        rows=(
            HandoverRow(
                from_unit="Bộ phận tiếp nhận và trả kết quả",
                to_unit="Công chức Tư pháp – Hộ tịch",
                handed_at=datetime(2026, 2, 13, 9, 30),
                giver="Trần Văn Bình",
                receiver="Phạm Quốc Huy",
                result="Đúng hạn",
            ),
        ),
        resolving_unit="Công chức Tư pháp – Hộ tịch",
        blank_rows=2,
    )


@pytest.fixture
def stop_notice() -> StopNotice:
    return StopNotice(
        number="03/TB",
        issued_at=datetime(2026, 2, 16, 9, 0),
        reason="Người nộp hồ sơ đề nghị dừng để bổ sung giấy tờ khác.",
        requested_at=date(2026, 2, 14),
        signer_name="Lê Thị Hồng Nhung",
        signer_title="Chủ tịch",
        returned_documents="Tờ khai đăng ký khai sinh (bản chính)",
    )
