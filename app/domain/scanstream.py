"""Telling a keyboard-wedge scanner's burst from a person typing, key by key.

A USB scanner in keyboard mode "types" what it read. Two payloads matter at
the counter:

* the chip ID card's QR, ``12 digits|old id|name|birth|sex|address|issued``:
  nobody types ``|`` by hand after twelve digits, so that is the start;
* the receipt's QR, a look-up link ``http(s)://…/tra-cuu/CODE?k=…``: the
  start is ``://`` after ``http`` or ``https``.

Only the *characters* count. Modifier keys (Shift held for ``|`` or ``:``,
AltGr, the Alt of an Alt+numpad code), dead keys and keys without text are
ignored, so whatever layout or modifiers the scanner uses, the stream of
characters is the same. Timing is measured, not assumed: the silence that
ends a burst without Enter is four times the longest gap seen inside it
(at least :data:`MIN_PAUSE_S`), so a slow scanner emitting Vietnamese letters
as Alt+numpad codes is not cut off, and a fast one ends quickly.

This module knows nothing of Qt; ``ui.widgets.scanner_input`` feeds it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters typed further apart than this are not one burst (a person paused).
RESET_GAP_S = 2.0
# The shortest and longest silence that ends a burst which has no Enter.
MIN_PAUSE_S = 0.3
MAX_PAUSE_S = 2.0
PAUSE_FACTOR = 4.0

_ID_TAIL = re.compile(r"\d{12}$")
_URL_HEAD = re.compile(r"https?:/$", re.IGNORECASE)
_RECEIPT = re.compile(r"^https?://\S+/tra-cuu/[^/?#\s]+", re.IGNORECASE)

CCCD = "cccd"
RECEIPT = "receipt"


@dataclass(frozen=True)
class Step:
    """What to do with one character."""

    swallow: bool = False
    # A burst just started: these characters, already delivered to the field,
    # belong to it and must be taken back out.
    take_back: str = ""
    started: bool = False


@dataclass(frozen=True)
class Burst:
    kind: str  # CCCD or RECEIPT
    payload: str


class KeyStream:
    """The last characters typed into one target, and the burst being captured."""

    def __init__(self) -> None:
        self._recent = ""
        self._recent_at = -1e9
        self._target: object = None
        self._kind: str | None = None
        self._buffer: list[str] = []
        self._last_at = 0.0
        self._max_gap = 0.0

    @property
    def capturing(self) -> bool:
        return self._kind is not None

    def pause_s(self) -> float:
        """How long a silence ends the burst being captured."""
        return min(MAX_PAUSE_S, max(MIN_PAUSE_S, PAUSE_FACTOR * self._max_gap))

    def char(self, text: str, now: float, target: object = None) -> Step:
        """One or more characters that a key (or an input method) delivered to ``target``."""
        if not text:
            return Step()
        if self._kind is not None:
            self._max_gap = max(self._max_gap, now - self._last_at)
            self._last_at = now
            self._buffer.append(text)
            return Step(swallow=True)
        if target is not self._target or now - self._recent_at > RESET_GAP_S:
            self._recent = ""
            self._target = target
        self._recent_at = now
        if text == "|" and _ID_TAIL.search(self._recent):
            return self._start(CCCD, self._recent[-12:], "|", now)
        head = _URL_HEAD.search(self._recent) if text == "/" else None
        if head is not None:
            return self._start(RECEIPT, head.group(0), "/", now)
        self._recent = (self._recent + text)[-40:]
        return Step()

    def backspace(self) -> None:
        if self._kind is None:
            self._recent = self._recent[:-1]

    def _start(self, kind: str, typed: str, text: str, now: float) -> Step:
        self._kind = kind
        self._buffer = [typed, text]
        self._recent = ""
        self._last_at = now
        self._max_gap = 0.0
        return Step(swallow=True, take_back=typed, started=True)

    def finish(self) -> Burst | None:
        """End the burst (Enter, Tab or the pause); ``None`` when none was running."""
        if self._kind is None:
            return None
        burst = Burst(self._kind, "".join(self._buffer))
        self._kind = None
        self._buffer = []
        self._max_gap = 0.0
        return burst


def receipt_link(payload: str) -> bool:
    """Does a scanned link look like a receipt's look-up link?"""
    return _RECEIPT.match(payload.strip()) is not None


def receipt_code(payload: str) -> str:
    """The dossier code in a receipt's look-up link (``…/tra-cuu/CODE?k=…``)."""
    match = _RECEIPT.match(payload.strip())
    return match.group(0).rsplit("/", 1)[1] if match else ""
