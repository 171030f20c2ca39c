"""The key-stream rules that tell a scanner's burst from typing (no Qt involved)."""

from __future__ import annotations

from app.domain import scanstream
from app.domain.scanstream import KeyStream

CARD = "001190012345|123456789|Tran Thi Hoa|15071990|Nu|Ha Noi|01022021"


def feed(stream: KeyStream, text: str, start: float = 0.0, gap: float = 0.01, target=None):
    steps = []
    for i, ch in enumerate(text):
        steps.append(stream.char(ch, start + i * gap, target))
    return steps


def test_a_card_burst_starts_at_the_bar_after_twelve_digits_and_takes_them_back():
    stream = KeyStream()
    steps = feed(stream, CARD)
    assert not any(s.swallow for s in steps[:12])
    assert steps[12].started and steps[12].take_back == "001190012345"
    assert all(s.swallow for s in steps[12:])
    burst = stream.finish()
    assert burst == scanstream.Burst(scanstream.CCCD, CARD)
    assert not stream.capturing


def test_a_slow_scanner_is_given_a_longer_pause_than_a_fast_one():
    fast, slow = KeyStream(), KeyStream()
    feed(fast, CARD[:30], gap=0.005)
    feed(slow, CARD[:30], gap=0.2)  # Alt+numpad letters: far slower than 50 ms a key
    assert fast.pause_s() == scanstream.MIN_PAUSE_S
    assert slow.pause_s() >= 0.8


def test_a_person_typing_digits_then_pausing_is_not_a_scan():
    stream = KeyStream()
    feed(stream, "001190012345", gap=0.3)
    step = stream.char("|", 12 * 0.3 + 2.5)
    assert not step.swallow and not stream.capturing


def test_digits_typed_into_another_field_do_not_count():
    stream = KeyStream()
    feed(stream, "001190012345", target="a")
    assert not stream.char("|", 0.2, "b").swallow


def test_a_receipt_link_starts_at_its_scheme():
    stream = KeyStream()
    link = "https://tracuu.example.vn/tra-cuu/000.00.01.H01-261207-0001?k=abc"
    steps = feed(stream, "xx" + link)
    started = [s for s in steps if s.started]
    assert started[0].take_back == "https:/"
    burst = stream.finish()
    assert burst.kind == scanstream.RECEIPT and burst.payload == link
    assert scanstream.receipt_link(burst.payload)
    assert scanstream.receipt_code(burst.payload) == "000.00.01.H01-261207-0001"
    assert not scanstream.receipt_link("https://example.vn/other")
