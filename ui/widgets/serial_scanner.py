"""Scanners set to "USB serial" / "HID POS" mode: the payload arrives on a serial port.

Such a scanner shows up as ``/dev/ttyACM0`` (Linux) or ``COM3`` (Windows) and
sends the bytes it read, usually UTF-8 and usually ending with CR or LF. No
key events are involved, so no modifier or layout can garble it. A line ends
at CR/LF, or after a short silence for scanners set to send no suffix.
"""

from __future__ import annotations

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal
from PySide6.QtSerialPort import QSerialPort

# Bytes arriving further apart than this do not belong to one code.
LINE_PAUSE_MS = 300
MAX_LINE_BYTES = 4096


class SerialScanner(QObject):
    """Reads whole payloads from a serial port and hands each over as ``line``."""

    line = Signal(str)
    failed = Signal(str)  # a sentence in Vietnamese saying why the port is unusable

    def __init__(self, port_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.port_name = port_name
        self.port = QSerialPort(self)
        self.port.setPortName(port_name)
        self.port.setBaudRate(QSerialPort.BaudRate.Baud9600)
        self.port.readyRead.connect(self._read)
        self._buffer = bytearray()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    def open(self) -> bool:
        if self.port.open(QIODevice.OpenModeFlag.ReadOnly):
            return True
        self.failed.emit(
            self.tr("Không mở được cổng máy quét {port}: {why}").format(
                port=self.port_name, why=self.port.errorString()
            )
        )
        return False

    def close(self) -> None:
        self._timer.stop()
        if self.port.isOpen():
            self.port.close()

    def _read(self) -> None:
        self._buffer += bytes(self.port.readAll().data())
        while True:
            cut = min(
                (i for i in (self._buffer.find(b"\r"), self._buffer.find(b"\n")) if i >= 0),
                default=-1,
            )
            if cut < 0:
                break
            chunk = bytes(self._buffer[:cut])
            del self._buffer[: cut + 1]
            self._emit(chunk)
        if len(self._buffer) > MAX_LINE_BYTES:
            self._flush()
        elif self._buffer:
            self._timer.start(LINE_PAUSE_MS)

    def _flush(self) -> None:
        chunk = bytes(self._buffer)
        self._buffer.clear()
        self._emit(chunk)

    def _emit(self, chunk: bytes) -> None:
        text = chunk.decode("utf-8", errors="replace").strip()
        if text:
            self.line.emit(text)
