"""Cover sheets printed, scanned back inside a stack, and the stack filed by them."""

from __future__ import annotations

from datetime import datetime

import pypdfium2 as pdfium
import pytest
import qrcode
from PIL import Image
from sqlalchemy import select

from app.capture import attachments, batches
from app.capture.cover import find_cover, parse_payload, payload
from app.capture.pages import page_from_image
from app.domain.errors import DomainError
from db.models import AuditLog, OutboxEvent
from tests.capture.conftest import A5_PIXELS
from tests.capture.synth import read_tag, rotated, text_page
from tests.conftest import snapshot

NOW = datetime(2026, 2, 13, 11, 30)


def _scanned_covers(pdf: bytes, angle: float = 1.5) -> list[Image.Image]:
    """The printed sheets as a scanner gives them back: 200 dpi, slightly crooked."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            rotated(
                document[i].render(scale=200 / 72).to_pil().convert("RGB"),
                angle,
                fill=(255, 255, 255),
            )
            for i in range(len(document))
        ]
    finally:
        document.close()


def _content(seed: int, tag: int) -> Image.Image:
    return text_page(200, seed=seed, lines=15, noise=0, size=A5_PIXELS, tag=tag)


def test_payload_round_trip_and_foreign_codes():
    code = "000.00.24.H47-260213-0001"
    assert parse_payload(payload(code, 3)) == (code, 3)
    for text in (
        "https://tracuu.example.vn/tra-cuu/x",
        "MCD|not-a-code|1",
        f"MCD|{code}|x",
        f"XYZ|{code}|1",
        f"MCD|{code}|1|extra",
        "",
    ):
        assert parse_payload(text) is None


def test_a_stack_of_three_dossiers_is_split_and_filed(db, clerk, received, receive_another):
    second = receive_another("2026-02-13T10:00:00+07:00")
    third = receive_another(
        "2026-02-13T10:30:00+07:00",
        id_number="001185012345",
        full_name="Lê Thị Lan",
        birth_date="1985-06-01",
        sex="Nữ",
    )
    covers = {}
    for code in (received, second, third):
        images = _scanned_covers(batches.print_covers(db, clerk, code, now=NOW))
        assert len(images) == 2, "one sheet per component"
        covers[code] = images
    assert find_cover(covers[second][1]) == (second, 2)

    # A page carrying some other QR code (a receipt's look-up link) is an ordinary page.
    receipt_page = _content(90, 1)
    receipt_page.paste(
        qrcode.make("https://motcua.example.vn/tra-cuu/abc").convert("RGB").resize((300, 300)),
        (700, 1000),
    )
    blank_back = Image.new("RGB", A5_PIXELS, (250, 250, 250))
    stack = [
        (covers[received][0], None),
        (_content(1, 0), "A1"),
        (_content(2, 1), "A1"),
        (covers[received][1], None),
        (_content(3, 0), "A2"),
        (covers[second][0], None),
        (blank_back, None),
        (_content(4, 0), "B1"),
        (receipt_page, "B1"),
        (_content(5, 2), "B1"),
        (covers[third][1], None),
        (_content(6, 0), "C2"),
        (_content(7, 1), "C2"),
    ]
    pages = [
        page_from_image(img, source="scanner", label=f"scan {i}", dpi=200)
        for i, (img, _) in enumerate(stack, start=1)
    ]
    results = batches.attach_batch(db, clerk, pages, now=NOW)

    got = {(r.code, r.component_index): r for r in results}
    assert set(got) == {(received, 1), (received, 2), (second, 1), (third, 2)}
    assert [got[k].pages for k in sorted(got)] == [2, 1, 3, 2]
    assert all(r.source == "batch" for r in results)
    tags = {}
    for code, index in got:
        tags[(code, index)] = _tags(attachments.read_component(db, clerk, code, index))
    assert tags[(received, 1)] == [0, 1]
    assert tags[(second, 1)] == [0, 1, 2]
    assert tags[(third, 2)] == [0, 1]
    with db.read() as session:
        events = session.scalars(
            select(OutboxEvent).where(OutboxEvent.type == "dossier.attachments")
        ).all()
        prints = session.scalars(select(AuditLog).where(AuditLog.action == "print.cover")).all()
    assert sorted(e.payload["code"] for e in events) == sorted([received, second, third])
    first = next(e for e in events if e.payload["code"] == received)
    assert [m["component_index"] for m in first.payload["manifest"]] == [1, 2]
    assert len(prints) == 3


def _tags(data: bytes) -> list[int]:
    import io

    import pikepdf

    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            (image,) = page.get_images().values()
            out.append(read_tag(pikepdf.PdfImage(image).as_pil_image(), A5_PIXELS[0]))
    return out


def test_a_stack_that_does_not_start_with_a_cover_is_refused_whole(db, clerk, received):
    cover = _scanned_covers(batches.print_covers(db, clerk, received, 1, now=NOW))
    assert len(cover) == 1
    before = snapshot(db.path)
    pages = [
        page_from_image(img, source="scanner", label=f"s{i}", dpi=200)
        for i, img in enumerate([_content(1, 0), cover[0], _content(2, 1)])
    ]
    with pytest.raises(DomainError) as err:
        batches.attach_batch(db, clerk, pages, now=NOW)
    assert err.value.code == "batch_without_cover"
    assert "trước tờ bìa đầu tiên" in err.value.message_vi
    only_cover = [page_from_image(cover[0], source="scanner", label="s", dpi=200)]
    with pytest.raises(DomainError) as err:
        batches.attach_batch(db, clerk, only_cover, now=NOW)
    assert err.value.code == "batch_empty_part"
    assert snapshot(db.path) == before


def test_a_cover_for_an_unknown_component_is_refused(db, clerk, received):
    with pytest.raises(DomainError) as err:
        batches.print_covers(db, clerk, received, 7)
    assert err.value.code == "unknown_component"
