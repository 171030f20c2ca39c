"""Sealing a station's data key to the central server's public key, and back.

A sealed key is ``version ‖ ephemeral X25519 public key ‖ nonce ‖ AES-GCM
ciphertext`` in base64. The AES key comes from HKDF-SHA256 over the X25519
shared secret and both public keys, so only the holder of the recipient's
private key can open it. The office code and station number are the
associated data: a sealed key handed back for another station does not open.

Both sides use this module: the station seals its key at enrolment, the
server opens it when an administrator authorises a recovery and seals it
again to the one-time public key the station sent with its request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 1
_INFO = b"motcua-desk key seal v1"
_RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


# The same check value as app.protect.keys.check_value (tests hold them equal): the
# server confirms a sealed copy without importing the desktop's key stores.
_CHECK_LABEL = b"motcua-desk key check v1"


def check_value(key: bytes) -> str:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:32]


class SealError(ValueError):
    """A sealed key that does not open: damaged, or for another key or station."""


def station_label(office_code: str, station_number: int) -> bytes:
    """What a sealed key is bound to."""
    return f"motcua-desk station {office_code.strip().upper()}#{int(station_number)}".encode()


def public_bytes(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(*_RAW)


def public_b64(private: X25519PrivateKey) -> str:
    return base64.b64encode(public_bytes(private)).decode("ascii")


def key_id(public: bytes) -> str:
    """A short name for a public key: which server key a copy was sealed to."""
    return hashlib.sha256(public).hexdigest()[:16]


def derive_private(secret: bytes) -> X25519PrivateKey:
    """A key pair that follows from a secret kept elsewhere (the server's ``server.key``)."""
    seed = HKDF(hashes.SHA256(), 32, salt=None, info=b"motcua-desk escrow key v1").derive(secret)
    return X25519PrivateKey.from_private_bytes(seed)


def _aead_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=_INFO).derive(shared)


def seal(recipient_public: bytes, plaintext: bytes, label: bytes) -> str:
    try:
        recipient = X25519PublicKey.from_public_bytes(recipient_public)
    except ValueError as exc:
        raise SealError("not an X25519 public key") from exc
    ephemeral = X25519PrivateKey.generate()
    eph_public = public_bytes(ephemeral)
    try:
        shared = ephemeral.exchange(recipient)
    except ValueError as exc:  # a low-order point: no shared secret
        raise SealError("unusable public key") from exc
    key = _aead_key(shared, eph_public, recipient_public)
    nonce = os.urandom(12)
    body = AESGCM(key).encrypt(nonce, plaintext, label)
    return base64.b64encode(bytes([VERSION]) + eph_public + nonce + body).decode("ascii")


def open_sealed(private: X25519PrivateKey, sealed: str, label: bytes) -> bytes:
    try:
        raw = base64.b64decode(sealed, validate=True)
    except (ValueError, TypeError) as exc:
        raise SealError("not base64") from exc
    if len(raw) < 1 + 32 + 12 + 16 or raw[0] != VERSION:
        raise SealError("not a sealed key of this version")
    eph_public, nonce, body = raw[1:33], raw[33:45], raw[45:]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_public))
    except ValueError as exc:  # a low-order point: no shared secret
        raise SealError("unusable ephemeral key") from exc
    key = _aead_key(shared, eph_public, public_bytes(private))
    try:
        return AESGCM(key).decrypt(nonce, body, label)
    except InvalidTag as exc:
        raise SealError("does not open with this key for this station") from exc


def decode_public(text: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (ValueError, TypeError) as exc:
        raise SealError("not base64") from exc
    if len(raw) != 32:
        raise SealError("an X25519 public key is 32 bytes")
    return raw
