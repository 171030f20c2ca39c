"""VietQR payloads for paying a fee by bank transfer.

A VietQR code is an EMVCo merchant-presented QR: a string of TLV fields (two
digit tag, two digit length, value) ending with a CRC-16/CCITT-FALSE checksum.
Any Vietnamese banking app that scans it fills in the bank, the account, the
amount and the transfer note, so the clerk can match the payment to the
dossier by its note.
"""

from __future__ import annotations

import re
import unicodedata

from app.domain.errors import DomainError

# Napas' application identifier and the service code for "transfer to an
# account" (as opposed to a card number).
NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
CURRENCY_VND = "704"
COUNTRY_VN = "VN"
NOTE_MAX_LENGTH = 25
# The EMVCo amount field holds at most 13 characters.
AMOUNT_MAX = 10**13 - 1

_BIN = re.compile(r"\d{6}")
_ACCOUNT = re.compile(r"[0-9A-Za-z]{1,19}")
# Unicode gives đ/Đ no decomposition, so NFD alone would leave them in place.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "D"})


def crc16_ccitt_false(data: bytes) -> int:
    """CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def _tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise DomainError(
            "vietqr.field_too_long",
            f"Trường {tag} của mã VietQR dài quá 99 ký tự.",
            f"VietQR field {tag} is longer than 99 characters.",
        )
    return f"{tag}{len(value):02d}{value}"


def fold_note(text: str) -> str:
    """Strip Vietnamese diacritics but keep case: 'Nộp phí Đất' → 'Nop phi Dat'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.split())


def _validated_note(note: str) -> str:
    folded = fold_note(note)
    # Banking apps reject or mangle anything outside printable ASCII.
    if not folded or not all(" " <= ch <= "~" for ch in folded):
        raise DomainError(
            "vietqr.note_invalid",
            "Nội dung chuyển khoản chỉ được dùng chữ, số và dấu câu thông thường.",
            "The transfer note may only contain letters, digits and plain punctuation.",
            field="note",
        )
    if len(folded) > NOTE_MAX_LENGTH:
        raise DomainError(
            "vietqr.note_too_long",
            f"Nội dung chuyển khoản dài quá {NOTE_MAX_LENGTH} ký tự.",
            f"The transfer note is longer than {NOTE_MAX_LENGTH} characters.",
            field="note",
        )
    return folded


def build_vietqr(
    bank_bin: str,
    account: str,
    *,
    amount: int | None = None,
    note: str | None = None,
    one_time: bool | None = None,
) -> str:
    """The VietQR payload for a transfer to ``account`` at the bank ``bank_bin``.

    ``one_time`` defaults to True exactly when an amount is given: a code for
    one fee should not be reused for another. The note is stored without
    diacritics, since banking apps do not carry them.
    """
    bank_bin = (bank_bin or "").strip()
    account = (account or "").strip()
    if not _BIN.fullmatch(bank_bin):
        raise DomainError(
            "vietqr.bin_invalid",
            "Mã ngân hàng (BIN) phải gồm đúng 6 chữ số.",
            "The bank BIN must be exactly 6 digits.",
            field="bank_bin",
        )
    if not _ACCOUNT.fullmatch(account):
        raise DomainError(
            "vietqr.account_invalid",
            "Số tài khoản chỉ gồm chữ và số, tối đa 19 ký tự.",
            "The account number may only hold letters and digits, at most 19.",
            field="account",
        )
    # bool is an int subclass; True as an amount is a caller bug, not 1 đồng.
    if amount is not None and (
        isinstance(amount, bool) or not isinstance(amount, int) or not 0 < amount <= AMOUNT_MAX
    ):
        raise DomainError(
            "vietqr.amount_invalid",
            "Số tiền phải là số nguyên dương (đồng).",
            "The amount must be a positive whole number of dong.",
            field="amount",
        )
    if one_time is None:
        one_time = amount is not None

    beneficiary = _tlv("00", bank_bin) + _tlv("01", account)
    merchant = _tlv("00", NAPAS_GUID) + _tlv("01", beneficiary) + _tlv("02", SERVICE_TO_ACCOUNT)
    parts = [
        _tlv("00", "01"),
        _tlv("01", "12" if one_time else "11"),
        _tlv("38", merchant),
        _tlv("53", CURRENCY_VND),
    ]
    if amount is not None:
        parts.append(_tlv("54", str(amount)))
    parts.append(_tlv("58", COUNTRY_VN))
    if note is not None and note.strip():
        parts.append(_tlv("62", _tlv("08", _validated_note(note))))
    body = "".join(parts) + "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def parse_tlv(text: str) -> dict[str, str]:
    """Split one level of TLV fields into {tag: value}; nested values stay raw."""
    fields: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        head = text[pos : pos + 4]
        if len(head) < 4 or not head.isdigit():
            raise DomainError(
                "vietqr.malformed",
                f"Mã VietQR sai cấu trúc ở vị trí {pos}.",
                f"Malformed VietQR payload at position {pos}.",
            )
        tag, length = head[:2], int(head[2:])
        value = text[pos + 4 : pos + 4 + length]
        if len(value) != length:
            raise DomainError(
                "vietqr.malformed",
                f"Trường {tag} của mã VietQR bị cắt cụt.",
                f"VietQR field {tag} is truncated.",
            )
        fields[tag] = value
        pos += 4 + length
    return fields


def crc_is_valid(payload: str) -> bool:
    """True when the trailing '6304XXXX' matches the checksum of what precedes it."""
    if len(payload) < 8 or payload[-8:-4] != "6304":
        return False
    expected = crc16_ccitt_false(payload[:-4].encode("ascii"))
    return payload[-4:].upper() == f"{expected:04X}"


def transfer_note_for(dossier_code: str) -> str | None:
    """A transfer note that identifies the dossier, or None if none fits.

    The usual code is exactly 25 characters. The longer national variant does
    not fit, so its dots go first: the parts stay recognisable to the clerk
    reconciling the bank statement.
    """
    for candidate in (dossier_code, dossier_code.replace(".", "")):
        if len(candidate) <= NOTE_MAX_LENGTH and candidate.isascii():
            return candidate
    return None
