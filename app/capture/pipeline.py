"""Cleaning and encoding a component's pages on every core, then one PDF.

Each page is decoded, cleaned and encoded by one worker and only its
encoded bytes (a few hundred kB) are kept, so memory stays at a few pages'
worth however long the stack. Pillow, numpy and OpenCV release the GIL in
their heavy loops, so threads are enough to use both cores of a counter PC.
The caller (the window's worker, the CLI) decides where this runs; progress
and cancellation come in as plain callables.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass

from app.capture import pdf as pdfout
from app.capture.clean import CleanOptions, clean_page
from app.capture.pages import CaptureWarning, Page, page_warnings
from app.capture.sources import MAX_PAGES
from app.domain.errors import DomainError

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BuiltComponent:
    pdf: bytes
    pages: int
    dpi: int  # the lowest page resolution: what the archival floor is about
    kinds: tuple[str, ...]
    warnings: tuple[CaptureWarning, ...]


def _cancelled() -> DomainError:
    return DomainError("cancelled", "Đã hủy việc số hóa.", "Digitizing was cancelled.")


def process_pages(
    pages: Sequence[Page],
    options: CleanOptions | None = None,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[pdfout.EncodedPage]:
    if not pages:
        raise DomainError(
            "no_pages", "Chưa có trang nào để lưu.", "There are no pages to save.", field="pages"
        )
    if len(pages) > MAX_PAGES:
        raise DomainError(
            "too_many_pages",
            f"Một thành phần tối đa {MAX_PAGES} trang; đã có {len(pages)} trang.",
            f"A component holds at most {MAX_PAGES} pages; there are {len(pages)}.",
            field="pages",
        )
    options = options or CleanOptions()

    def work(page: Page) -> pdfout.EncodedPage:
        if cancel is not None and cancel():
            raise _cancelled()
        return pdfout.encode(clean_page(page, options), layered=options.colour == "auto")

    count = max(1, min(workers or os.cpu_count() or 1, len(pages)))
    results: list[pdfout.EncodedPage | None] = [None] * len(pages)
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="capture") as pool:
        futures = {pool.submit(work, page): i for i, page in enumerate(pages)}
        done_count = 0
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for future in done:
                error = future.exception()
                if error is not None:
                    for other in pending:
                        other.cancel()
                    raise error
                results[futures[future]] = future.result()
                done_count += 1
                if progress is not None:
                    progress(done_count, len(pages))
    return [r for r in results if r is not None]


def build_component(
    pages: Sequence[Page],
    meta: pdfout.PdfMetadata,
    options: CleanOptions | None = None,
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> BuiltComponent:
    encoded = process_pages(pages, options, workers=workers, progress=progress, cancel=cancel)
    if cancel is not None and cancel():
        raise _cancelled()
    found: list[CaptureWarning] = []
    for number, page in enumerate(encoded, start=1):
        found.extend(page_warnings(number, page.width, page.height, page.dpi))
    return BuiltComponent(
        pdf=pdfout.build_pdf(encoded, meta),
        pages=len(encoded),
        dpi=min(p.dpi for p in encoded),
        kinds=tuple(p.kind for p in encoded),
        warnings=tuple(found),
    )
