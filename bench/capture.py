"""Digitizing a component: 20 A4 pages at 200 dpi colour into one PDF.

    python bench/capture.py [--pages 20] [--dpi 200] [--workers N] [--keep DIR]

Draws realistic scanned pages (Vietnamese text, red stamps, blue signatures,
a photo, cream paper, sensor noise, a few degrees of skew) and saves them
as lossless PNG, as a scanner would hand them over; that part is not timed.
Then times what the counter does, in a background thread as the window
would run it: import (with the hostile-file checks), clean, encode, build
the PDF. While it runs the main thread ticks every 10 ms; the longest tick
shows whether the window would stay responsive. Prints wall time and size
per page beside the targets, and the same pages as lossless PNG-in-PDF.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import img2pdf  # noqa: E402

from app.capture import pdf as pdfout  # noqa: E402
from app.capture.clean import CleanOptions  # noqa: E402
from app.capture.pipeline import build_component  # noqa: E402
from app.capture.sources import import_bytes, import_files  # noqa: E402
from tests.capture.synth import encoded, rotated, text_page  # noqa: E402

TARGET_SECONDS = 5.0
TARGET_KB_PER_PAGE = 150
# A dossier's usual mix: typed forms, stamped or signed pages, an ID card copy.
KINDS = [{}, {"stamp": True}, {"signature": True}, {}, {"stamp": True, "signature": True},
         {"photo": True}, {}, {"signature": True}, {}, {"stamp": True}]


def make_pages(count: int, dpi: int) -> list[bytes]:
    pages = []
    for i in range(count):
        page = text_page(dpi, seed=i, lines=44, paper=(246, 242, 232), noise=3.5, blur=0.6,
                         markers=False, **KINDS[i % len(KINDS)])
        page = rotated(page, ((i * 7) % 9 - 4) * 0.6, fill=(246, 242, 232))
        pages.append(encoded(page, "PNG", dpi=(dpi, dpi), compress_level=1))
    return pages


def run(pngs: list[bytes], options: CleanOptions, workers: int | None, verify: bool,
        folder: Path):
    meta = pdfout.PdfMetadata("000.00.24.H47-260213-0001", 1, "Tờ khai", "canbo1",
                              "Trần Thị Hoa", datetime(2026, 2, 13, 9, 30), "scanner")
    result: dict = {}

    def work() -> None:
        if verify:
            pages = import_files(sorted(folder.glob("*.png")))
        else:
            pages = [p for i, data in enumerate(pngs)
                     for p in import_bytes(f"trang-{i + 1:03d}.png", data, source="scanner",
                                           verify=False)]
        result["built"] = build_component(pages, meta, options, workers=workers)

    ticks: list[float] = []
    cpu = time.process_time()
    start = time.perf_counter()
    worker = threading.Thread(target=work)
    worker.start()
    last = time.perf_counter()
    while worker.is_alive():
        time.sleep(0.01)
        now = time.perf_counter()
        ticks.append(now - last)
        last = now
    worker.join()
    wall = time.perf_counter() - start
    return wall, result["built"], max(ticks, default=0.0), time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the PDFs into this folder")
    args = parser.parse_args()

    t0 = time.perf_counter()
    pngs = make_pages(args.pages, args.dpi)
    print(f"{args.pages} pages A4 {args.dpi} dpi drawn in {time.perf_counter() - t0:.1f} s "
          f"(PNG input {sum(map(len, pngs)) / len(pngs) / 1024:.0f} kB/page)")

    folder = Path(tempfile.mkdtemp(prefix="bench-capture-"))
    for i, data in enumerate(pngs):
        (folder / f"trang-{i + 1:03d}.png").write_bytes(data)
    baseline = img2pdf.convert(pngs)
    print(f"baseline lossless PNG-in-PDF: {len(baseline) / args.pages / 1024:7.0f} kB/page")

    cases = (
        ("scanner pages, auto colour / grey / G4 per page", CleanOptions(), False),
        ("scanner pages, all colour JPEG", CleanOptions(colour="colour"), False),
        ("PNG files from disk (every page decoded at import), auto", CleanOptions(), True),
    )
    for label, options, verify in cases:
        times, cpus, built, stall = [], [], None, 0.0
        for _ in range(args.repeat):
            seconds, built, longest, cpu = run(pngs, options, args.workers, verify, folder)
            times.append(seconds)
            cpus.append(cpu)
            stall = max(stall, longest)
        assert built is not None
        per_page = len(built.pdf) / built.pages / 1024
        wall = statistics.median(times)
        print(f"\n{label}")
        print(f"  wall time      {wall:6.2f} s   (target ≤ {TARGET_SECONDS:.0f} s; "
              f"best {min(times):.2f}, {args.repeat} runs)   "
              f"{'OK' if wall <= TARGET_SECONDS else 'OVER'}")
        print(f"  CPU time       {statistics.median(cpus):6.2f} s   (all threads; on an idle "
              f"2-core machine wall ≈ CPU / 2 when both cores are busy)")
        print(f"  size per page  {per_page:6.0f} kB  (target ≤ {TARGET_KB_PER_PAGE} kB)   "
              f"{'OK' if per_page <= TARGET_KB_PER_PAGE else 'OVER'}   "
              f"= {len(baseline) / len(built.pdf):.0f}× smaller than lossless")
        print(f"  pages by kind  {dict(Counter(built.kinds))}")
        print(f"  longest main-thread stall while processing: {stall * 1000:.0f} ms")
        if args.keep and not verify:
            args.keep.mkdir(parents=True, exist_ok=True)
            name = "auto" if options.colour == "auto" else options.colour
            (args.keep / f"component-{name}.pdf").write_bytes(built.pdf)
    if args.keep:
        (args.keep / "baseline-png.pdf").write_bytes(baseline)
    for path in folder.glob("*.png"):
        path.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
