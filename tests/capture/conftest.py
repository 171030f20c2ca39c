"""Fixtures for the capture tests: a received dossier and small synthetic pages."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

import pytest

from app.capture.pages import Page, page_from_image
from app.dossiers import intake as intake_uc
from tests.capture.synth import text_page

# A5 at 200 dpi: a real page size and resolution (no warnings), half the work of A4.
TEST_DPI = 200
A5_PIXELS = (1169, 1654)


@pytest.fixture
def received(db, clerk, intake: dict[str, Any]) -> str:
    """Code of a freshly received dossier with components 1 and 2."""
    return intake_uc.receive(db, clerk, intake, now=datetime(2026, 2, 13, 9, 5)).code


@pytest.fixture
def receive_another(db, clerk, intake: dict[str, Any]):
    def make(received_at: str = "2026-02-13T10:00:00+07:00", **applicant: Any) -> str:
        data = copy.deepcopy(intake)
        data["received_at"] = received_at
        data["applicant"].update(applicant)
        return intake_uc.receive(db, clerk, data, now=datetime(2026, 2, 13, 11, 0)).code

    return make


def small_pages(count: int, *, seed: int = 0, **kw: Any) -> list[Page]:
    pages = []
    for i in range(count):
        image = text_page(TEST_DPI, seed=seed + i, lines=18, noise=0, size=A5_PIXELS, tag=i, **kw)
        pages.append(page_from_image(image, source="scanner", label=f"p{i + 1}", dpi=TEST_DPI))
    return pages


@pytest.fixture
def pages_factory():
    return small_pages
