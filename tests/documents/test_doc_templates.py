"""Every field the template set lists is on our page where docs/forms.md says.

The table in docs/forms.md is printed from ``app.paper.render.templates``;
this test renders each form and looks for each field's printed text in what
pdftotext reads, so the table cannot claim a field the PDF leaves out.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from datetime import date, datetime

import pytest

from app.paper.render import (
    LogbookLine,
    render_apology,
    render_control_sheet,
    render_logbook,
    render_receipt,
    render_refusal,
    render_stop_notice,
    render_supplement,
)
from app.paper.render.guide import GuideComponent, ProcedureGuide, render_guide
from app.paper.render.templates import TEMPLATES, document_number
from tests.documents.conftest import require_tool

CENTRE = "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"


def _words(pdf) -> str:
    out = subprocess.run(
        [require_tool("pdftotext"), "-raw", str(pdf.path), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", " ", out.replace("\u00a0", " "))


@pytest.fixture
def rendered(
    office,
    dossier,
    supplement_request,
    refusal_notice,
    apology_letter,
    control_sheet,
    stop_notice,
):
    office = dataclasses.replace(office, unit_name=CENTRE)
    line = LogbookLine(
        number=3,
        code=dossier.code,
        applicant=dossier.applicant.full_name,
        procedure=dossier.procedure_name,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        book="2026/Q01",
    )
    guide = ProcedureGuide(
        code="1.001193",
        name="Đăng ký khai sinh",
        field="Hộ tịch",
        components=(GuideComponent("Tờ khai đăng ký khai sinh", 1, 0),),
        fee_text="Không thu phí, lệ phí",
        processing_words="trong ngày làm việc",
        result_place=CENTRE,
    )
    return {
        "receipt": render_receipt(office, dossier),
        "supplement": render_supplement(office, dossier, supplement_request),
        "refusal": render_refusal(office, dossier, refusal_notice),
        "apology": render_apology(office, dossier, apology_letter),
        "stop": render_stop_notice(office, dossier, stop_notice),
        "control": render_control_sheet(office, dossier, control_sheet),
        "logbook": render_logbook(office, [line], date(2026, 2, 1), date(2026, 2, 28)),
        "guide": render_guide(office, guide, printed_at=datetime(2026, 2, 13, 9)),
    }


@pytest.mark.parametrize("form", sorted(TEMPLATES))
def test_every_template_field_is_printed(rendered, pdf_file, form):
    text = _words(pdf_file(rendered[form], form))
    template = TEMPLATES[form]
    if template.number_pattern != "{seq}/{office}-{unit}":
        # A letter (công văn) has a "V/v" line instead of a title.
        assert template.title.split()[0].upper() in text.upper()
    missing = [f.template for f in template.fields if f.printed not in text]
    assert missing == [], (form, missing)


def test_document_numbers_follow_the_pattern():
    assert document_number(TEMPLATES["stop"], 2, office_abbr="UBND", unit_abbr="X") == "02/TB-UBND"
    assert (
        document_number(TEMPLATES["apology"], 3, office_abbr="UBND", unit_abbr="TTPVHCC")
        == "03/UBND-TTPVHCC"
    )
    centre = document_number(TEMPLATES["apology"], 3, office_abbr="TTPVHCC", unit_abbr="TTPVHCC")
    assert centre == "03/TTPVHCC"
    assert document_number(TEMPLATES["receipt"], 1, office_abbr="UBND", unit_abbr="X") is None
