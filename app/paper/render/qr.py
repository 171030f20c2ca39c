"""QR codes drawn as vector shapes inside a PDF.

The matrix comes from the ``qrcode`` library at a chosen error-correction
level (reportlab's own widget picks its level by itself), and each run of
dark modules becomes one rectangle of a single filled path, so the code stays
sharp at any printer resolution and adjacent modules show no hairline seams.
"""

from __future__ import annotations

import re
from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

QUIET_ZONE_MODULES = 4


class _Probe(qrcode.QRCode):
    """A QRCode that remembers which modules carry data (and so get masked)."""

    data_cells: list[list[bool]] | None = None

    def map_data(self, data: bytes, mask_pattern: int) -> None:
        if self.data_cells is None:
            self.data_cells = [[module is None for module in row] for row in self.modules]
        super().map_data(data, mask_pattern)


_RUNS = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = re.compile(r"(?=10111010000|00001011101)")


def _penalty(rows: list[int], size: int) -> int:
    """ISO 18004 mask penalty, computed exactly as ``qrcode.util.lost_point`` does.

    Rows are bit masks (bit c = column c), so runs, 2×2 blocks and finder-like
    patterns are counted by string and bit operations instead of per module.
    """
    row_text = [format(row, f"0{size}b")[::-1] for row in rows]
    lines = row_text + ["".join(column) for column in zip(*row_text, strict=True)]
    points = 0
    for line in lines:
        points += sum(len(run) - 2 for run in _RUNS.findall(line))
        points += 40 * len(_FINDER_LIKE.findall(line))
    inner = (1 << (size - 1)) - 1
    for upper, lower in zip(rows, rows[1:], strict=False):
        same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & inner
        points += 3 * same.bit_count()
    dark = sum(row.bit_count() for row in rows)
    percent = float(dark) / (size**2)
    points += int(abs(percent * 100 - 50) / 5) * 10
    return points


@lru_cache(maxsize=40)
def _mask_bits(version: int, data_cells: tuple[tuple[bool, ...], ...]) -> list[list[int]]:
    """Per mask pattern, per row: the data modules that pattern inverts."""
    size = len(data_cells)
    masks = []
    for pattern in range(8):
        test = qrcode.util.mask_func(pattern)
        masks.append(
            [
                sum(1 << c for c in range(size) if data_cells[r][c] and test(r, c))
                for r in range(size)
            ]
        )
    return masks


@lru_cache(maxsize=32)
def qr_matrix(data: str, error_correction: int = ERROR_CORRECT_M) -> tuple[tuple[bool, ...], ...]:
    """The module matrix for ``data``, without quiet zone (the page supplies it).

    The result is the matrix ``qrcode`` itself would make, mask pattern
    included. It picks the mask by laying the code out eight times, which
    cost more than the rest of a receipt together; here the code is laid out
    once and the eight masks are scored by bit operations. Cached because
    every copy of a receipt carries the same codes.
    """
    code = _Probe(error_correction=error_correction, border=0)
    code.add_data(data)
    code.best_fit()
    # Test layout: format bits all light, as qrcode scores its candidates.
    code.makeImpl(True, 0)
    assert code.data_cells is not None
    size = len(code.modules)
    cells = tuple(tuple(row) for row in code.data_cells)
    masks = _mask_bits(code.version, cells)
    rows = [sum(1 << c for c, dark in enumerate(row) if dark) for row in code.modules]
    plain_rows = [row ^ mask for row, mask in zip(rows, masks[0], strict=True)]
    scores = [
        _penalty([row ^ mask for row, mask in zip(plain_rows, masks[p], strict=True)], size)
        for p in range(8)
    ]
    best = scores.index(min(scores))
    code.makeImpl(False, best)
    return tuple(tuple(row) for row in code.modules)


@lru_cache(maxsize=32)
def _module_runs(matrix: tuple[tuple[bool, ...], ...]) -> str:
    """PDF 're' operators for each horizontal run of dark modules, in module units."""
    count = len(matrix)
    ops: list[str] = []
    for row_index, row in enumerate(matrix):
        # PDF y grows upwards, the matrix is listed top row first.
        y = count - 1 - row_index
        col = 0
        while col < count:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < count and row[col]:
                col += 1
            ops.append(f"{start} {y} {col - start} 1 re")
    return "\n".join(ops)


class QRFlowable(Flowable):
    """A square QR code ``size`` points wide, with a white quiet zone around it.

    ``size`` is the width of the code itself; the quiet zone adds to the
    flowable's footprint so text placed next to it cannot eat into it.
    """

    def __init__(
        self,
        data: str,
        size: float = 26 * mm,
        *,
        error_correction: int = ERROR_CORRECT_M,
        quiet_zone: bool = True,
    ) -> None:
        super().__init__()
        self.data = data
        self.size = size
        self.matrix = qr_matrix(data, error_correction)
        count = len(self.matrix)
        self.module = size / count
        self.margin = self.module * QUIET_ZONE_MODULES if quiet_zone else 0.0
        self.width = self.height = size + 2 * self.margin

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        # Drawn in module units under a scaling transform: whole-number
        # coordinates keep the operators short and quick to write.
        canv.transform(self.module, 0, 0, self.module, self.margin, self.margin)
        canv.setFillColorRGB(0, 0, 0)
        canv.addLiteral(_module_runs(self.matrix) + "\nf")
        canv.restoreState()
