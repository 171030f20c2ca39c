"""QR codes drawn as vector shapes inside a PDF.

The matrix is the one the ``qrcode`` library makes at a chosen
error-correction level (reportlab's own widget picks its level by itself):
the same segments, version and mask, module for module. Only the slow parts
are done differently: Reed–Solomon with log tables, and the eight mask
candidates placed and scored together as arrays. Each run of dark modules
becomes one rectangle of a single filled path, so the code stays sharp at any
printer resolution and adjacent modules show no hairline seams.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import qrcode
import qrcode.base
import qrcode.exceptions
import qrcode.LUT
import qrcode.util
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

QUIET_ZONE_MODULES = 4


class _Blank(qrcode.QRCode):
    """A QRCode that stops short of placing data: its modules are the bare
    function patterns (finders, timing, format and version bits), with None
    where data goes."""

    def map_data(self, data: list[int], mask_pattern: int) -> None:
        pass


@dataclass(frozen=True)
class _Template:
    """What a version and error-correction level fix, whatever the data."""

    size: int
    # Flat indices of the data modules in the order bits are placed.
    order: np.ndarray
    data_cells: np.ndarray
    # Function patterns as qrcode scores its mask candidates (format bits light).
    scored: np.ndarray
    # Per mask pattern: the final function patterns (format bits set), and
    # the data modules that pattern inverts.
    final: np.ndarray
    masks: np.ndarray


def _blank(version: int, error_correction: int, test: bool, mask: int) -> list[list[bool | None]]:
    code = _Blank(version=version, error_correction=error_correction, border=0)
    code.data_cache = []
    code.makeImpl(test, mask)
    return code.modules


def _placement(blank: list[list[bool | None]]) -> list[int]:
    """Data module positions in placement order, as ``QRCode.map_data`` walks them."""
    size = len(blank)
    order = []
    row, step = size - 1, -1
    for col in range(size - 1, 0, -2):
        if col <= 6:
            col -= 1
        while True:
            for c in (col, col - 1):
                if blank[row][c] is None:
                    order.append(row * size + c)
            row += step
            if row < 0 or row >= size:
                row -= step
                step = -step
                break
    return order


@lru_cache(maxsize=40)
def _template(version: int, error_correction: int) -> _Template:
    scored = _blank(version, error_correction, True, 0)
    size = len(scored)
    data_cells = np.array([[m is None for m in row] for row in scored])
    rows, cols = np.indices((size, size))
    masks = np.stack([data_cells & _MASKS[p](rows, cols) for p in range(8)])
    final = np.stack(
        [
            np.array(
                [[bool(m) for m in row] for row in _blank(version, error_correction, False, p)]
            )
            for p in range(8)
        ]
    )
    return _Template(
        size=size,
        order=np.array(_placement(scored), dtype=np.intp),
        data_cells=data_cells,
        scored=np.array([[bool(m) for m in row] for row in scored]),
        final=final,
        masks=masks,
    )


# ISO 18004 mask conditions on row i and column j, as ``qrcode.util.mask_func`` has them.
_MASKS = (
    lambda i, j: (i + j) % 2 == 0,
    lambda i, j: i % 2 == 0,
    lambda i, j: j % 3 == 0,
    lambda i, j: (i + j) % 3 == 0,
    lambda i, j: (i // 2 + j // 3) % 2 == 0,
    lambda i, j: (i * j) % 2 + (i * j) % 3 == 0,
    lambda i, j: ((i * j) % 2 + (i * j) % 3) % 2 == 0,
    lambda i, j: ((i * j) % 3 + (i + j) % 2) % 2 == 0,
)


class _Bits:
    """The bit stream of the data segments as one integer (``QRData.write`` only calls put)."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | num
        self.length += length

    def __len__(self) -> int:
        return self.length


def _segments(version: int, data_list: list) -> _Bits:
    bits = _Bits()
    for data in data_list:
        bits.put(data.mode, 4)
        bits.put(len(data), qrcode.util.length_in_bits(data.mode, version))
        data.write(bits)
    return bits


def _version(error_correction: int, data_list: list) -> int:
    """The smallest version the data fits, as ``QRCode.best_fit`` finds it."""
    start = 1
    while True:
        needed = len(_segments(start, data_list))
        version = bisect_left(qrcode.util.BIT_LIMIT_TABLE[error_correction], needed, start)
        if version == 41:
            raise qrcode.exceptions.DataOverflowError("data too long for a QR code")
        if qrcode.util.mode_sizes_for_version(start) is qrcode.util.mode_sizes_for_version(version):
            return version
        start = version


def _codewords(version: int, error_correction: int, data_list: list) -> list[int]:
    """Data and error-correction codewords, interleaved, as ``util.create_data`` makes them.

    The padding is qrcode's own; the Reed–Solomon remainders are computed
    with log tables instead of qrcode's polynomial objects, which cost more
    than the rest of the code together.
    """
    stream = _segments(version, data_list)
    blocks = qrcode.base.rs_blocks(version, error_correction)
    bit_limit = sum(block.data_count * 8 for block in blocks)
    if len(stream) > bit_limit:
        raise qrcode.exceptions.DataOverflowError("data too long for the chosen version")
    # Up to four terminating zeros, then zeros to the next whole byte.
    ended = len(stream) + min(bit_limit - len(stream), 4)
    size = (ended + 7) // 8
    value = stream.value << (size * 8 - len(stream))
    data_bytes = list(value.to_bytes(size, "big"))
    pad = (qrcode.util.PAD0, qrcode.util.PAD1)
    data_bytes += [pad[i % 2] for i in range(bit_limit // 8 - len(data_bytes))]
    exp, log = qrcode.base.EXP_TABLE, qrcode.base.LOG_TABLE
    dc_blocks, ec_blocks = [], []
    offset = 0
    for block in blocks:
        dc = data_bytes[offset : offset + block.data_count]
        offset += block.data_count
        ec_count = block.total_count - block.data_count
        generator = [log[c] for c in _generator(ec_count)[1:]]
        remainder = [0] * ec_count
        for byte in dc:
            factor = byte ^ remainder[0]
            remainder = remainder[1:] + [0]
            if factor:
                lf = log[factor]
                remainder = [
                    r ^ exp[(lf + g) % 255] for r, g in zip(remainder, generator, strict=True)
                ]
        dc_blocks.append(dc)
        ec_blocks.append(remainder)
    out = []
    for group in (dc_blocks, ec_blocks):
        for i in range(max(map(len, group))):
            out += [block[i] for block in group if i < len(block)]
    return out


@lru_cache(maxsize=32)
def _generator(ec_count: int) -> tuple[int, ...]:
    if ec_count in qrcode.LUT.rsPoly_LUT:
        return tuple(qrcode.LUT.rsPoly_LUT[ec_count])
    poly = qrcode.base.Polynomial([1], 0)
    for i in range(ec_count):
        poly = poly * qrcode.base.Polynomial([1, qrcode.base.gexp(i)], 0)
    return tuple(poly[i] for i in range(len(poly)))


# 1:1:3:1:1 dark-light with four light modules after or before it; bit k is
# the k-th module of the window.
_FINDER_A = sum(1 << k for k, dark in enumerate("10111010000") if dark == "1")
_FINDER_B = sum(1 << k for k, dark in enumerate("00001011101") if dark == "1")


def _penalties(candidates: np.ndarray) -> list[int]:
    """ISO 18004 mask penalty of each candidate, exactly as ``qrcode.util.lost_point``."""
    count, size = candidates.shape[0], candidates.shape[1]
    lines = np.concatenate([candidates, candidates.transpose(0, 2, 1)], axis=1)
    # Runs of five or more: a run of n scores n - 2, which is one point per
    # window of five alike (n - 4) plus two for the window that starts it.
    same = lines[:, :, 1:] == lines[:, :, :-1]
    five = same[:, :, :-3] & same[:, :, 1:-2] & same[:, :, 2:-1] & same[:, :, 3:]
    starts = np.ones_like(five)
    starts[:, :, 1:] = ~same[:, :, : five.shape[2] - 1]
    runs = five.sum(axis=(1, 2)) + 2 * (five & starts).sum(axis=(1, 2))
    upper, lower = candidates[:, :-1, :], candidates[:, 1:, :]
    blocks = (
        (upper[:, :, :-1] == upper[:, :, 1:])
        & (upper[:, :, :-1] == lower[:, :, :-1])
        & (upper[:, :, :-1] == lower[:, :, 1:])
    ).sum(axis=(1, 2))
    # Each window of eleven modules as an 11-bit number, compared with the
    # two finder-like patterns.
    width = lines.shape[2] - 10
    words = np.zeros(lines.shape[:2] + (width,), dtype=np.int16)
    for k in range(11):
        words |= lines[:, :, k : k + width].astype(np.int16) << k
    finders = ((words == _FINDER_A) | (words == _FINDER_B)).sum(axis=(1, 2))
    dark = candidates.sum(axis=(1, 2))
    scores = []
    for p in range(count):
        percent = float(dark[p]) / (size**2)
        balance = int(abs(percent * 100 - 50) / 5) * 10
        scores.append(int(runs[p]) + 3 * int(blocks[p]) + 40 * int(finders[p]) + balance)
    return scores


@lru_cache(maxsize=32)
def qr_matrix(data: str, error_correction: int = ERROR_CORRECT_M) -> tuple[tuple[bool, ...], ...]:
    """The module matrix for ``data``, without quiet zone (the page supplies it).

    The result is the matrix ``qrcode`` itself would make, mask pattern
    included. qrcode picks the mask by laying the code out eight times and
    scoring each module by module, which cost more than the rest of a
    receipt together; here the data bits are placed once and the eight
    masked candidates are scored together as arrays. Cached because every
    copy of a receipt carries the same codes.
    """
    code = qrcode.QRCode(error_correction=error_correction, border=0)
    code.add_data(data)
    version = _version(error_correction, code.data_list)
    tpl = _template(version, error_correction)
    words = np.frombuffer(bytes(_codewords(version, error_correction, code.data_list)), np.uint8)
    bits = np.zeros(len(tpl.order), dtype=bool)
    unpacked = np.unpackbits(words).astype(bool)[: len(bits)]
    bits[: len(unpacked)] = unpacked
    plain = np.zeros(tpl.size * tpl.size, dtype=bool)
    plain[tpl.order] = bits
    plain = plain.reshape(tpl.size, tpl.size)
    candidates = (plain ^ tpl.masks) | tpl.scored
    scores = _penalties(candidates)
    best = scores.index(min(scores))
    matrix = np.where(tpl.data_cells, plain ^ tpl.masks[best], tpl.final[best])
    return tuple(map(tuple, matrix.tolist()))


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
