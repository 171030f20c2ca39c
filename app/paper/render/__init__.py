"""Paper forms the counter prints, rendered from plain data to PDF bytes.

Rendering is pure: every function takes the frozen objects of
``app.paper.render.model`` (already looked up by the caller) and returns the
bytes of a PDF file. Nothing here touches the database, the settings or the
clock; ``printed_at`` is passed in.

Inputs (``app.paper.render.model``):

- ``OfficeInfo(agency_code, name, parent_name, address, phone, province_place,
  unit_name="Bộ phận tiếp nhận và trả kết quả", bank_bin=None,
  bank_account=None, bank_account_name=None)``
- ``ApplicantInfo(full_name, id_number=None, address=None, phone=None,
  email=None)``
- ``ComponentLine(index, name, originals=0, copies=0)``
- ``DossierInfo(code, procedure_code, procedure_name, applicant, received_at,
  due_at, field=None, components=(), sets=1, processing_text="",
  result_place="", logbook_book="", logbook_line="", fee_amount=0,
  fee_paid=False, fee_note=None, lookup_url="", receiving_officer="",
  summary=None)``; ``due_at`` may be None only on forms other than the
  receipt.
- ``SupplementItem(name, originals=0, certified_copies=0, photocopies=0,
  note=None)`` and ``SupplementRequest(number, issued_at, items, reason,
  guidance, contact_officer, guiding_officer, contact_phone=None)``
- ``RefusalNotice(number, issued_at, reason, contact, officer)``
- ``ApologyLetter(number, issued_at, reason, new_due_at, head_name,
  head_title)``
- ``HandoverRow(from_unit, to_unit, handed_at, giver, receiver, result,
  note)`` (all optional) and ``ControlSheet(rows=(), resolving_unit=None,
  coordinating_units=None, blank_rows=4)``
- ``StopNotice(number, issued_at, reason, requested_at, signer_name,
  signer_title, returned_documents=None)``
- ``LogbookLine(number, code, applicant, procedure, received_at, due_at,
  handovers="", returned_at=None, note="")``

Datetimes are naive office-local time.

Renderers (all keyword options default to an original, not a reprint):

- ``render_receipt(office, dossier, *, layout="a4" | "80mm",
  two_copies_per_page=False, reprint=False, printed_at=None)``
- ``render_supplement(office, dossier, request, *, reprint, printed_at)``
- ``render_refusal(office, dossier, notice, *, reprint, printed_at)``
- ``render_apology(office, dossier, letter, *, reprint, printed_at)``
- ``render_control_sheet(office, dossier, sheet, *, reprint, printed_at)``
- ``render_stop_notice(office, dossier, notice, *, reprint, printed_at)``
- ``render_logbook(office, lines, date_from, date_to, *, reprint, printed_at)``

A reprint carries a "BẢN SAO" stamp on every page; A4 pages carry the
dossier code, the print time and "Trang N/M" in the footer. The receipt
raises ``DomainError`` when the dossier has no appointment or no look-up
link. A dossier code of "" (a slip handed over at intake, before a dossier
exists) leaves the code line out of the supplement and refusal slips.

Text is set in Liberation Serif 2.x, shipped in ``resources/fonts`` and
embedded in every file. Renders may run on worker threads; they are
serialised internally.
"""

from app.paper.render.apology import render_apology
from app.paper.render.control import render_control_sheet
from app.paper.render.fonts import register_fonts
from app.paper.render.logbook import render_logbook
from app.paper.render.model import (
    ApologyLetter,
    ApplicantInfo,
    ComponentLine,
    ControlSheet,
    DossierInfo,
    HandoverRow,
    LogbookLine,
    OfficeInfo,
    RefusalNotice,
    StopNotice,
    SupplementItem,
    SupplementRequest,
)
from app.paper.render.receipt import render_receipt
from app.paper.render.refusal import render_refusal
from app.paper.render.stop import render_stop_notice
from app.paper.render.supplement import render_supplement

FORMS = (
    "receipt",
    "supplement",
    "refusal",
    "apology",
    "control",
    "stop",
    "logbook",
)

__all__ = [
    "FORMS",
    "ApologyLetter",
    "ApplicantInfo",
    "ComponentLine",
    "ControlSheet",
    "DossierInfo",
    "HandoverRow",
    "LogbookLine",
    "OfficeInfo",
    "RefusalNotice",
    "StopNotice",
    "SupplementItem",
    "SupplementRequest",
    "register_fonts",
    "render_apology",
    "render_control_sheet",
    "render_logbook",
    "render_receipt",
    "render_refusal",
    "render_stop_notice",
    "render_supplement",
]
