"""The text layer (OCR) added after a component is saved, for the capture dialog.

Recognition runs in the window's OCR pool, one component at a time; the
dialog shows what is being recognised, and once it is closed the window's
status bar says how it ended. Strings keep the dialog's translation context.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from app.capture import attachments
from app.capture.attachments import AttachResult
from app.domain.errors import DomainError
from app.office import settings
from ui.widgets.messages import describe

OCR_SETTING = "capture_ocr"
OCR_MESSAGE_MS = 10_000
translate = QCoreApplication.translate


class TextLayerMixin:
    """OCR: the part of :class:`~ui.capture.dialog.CaptureDialog` that adds the text layer."""

    def ocr_wanted(self) -> bool:
        return settings.is_on(
            self.ctx.settings.get(OCR_SETTING, settings.SPECS[OCR_SETTING].default)
        )

    def recognise_text(self, index: int) -> None:
        """Add the text layer to the saved component, off the GUI thread, one at a time.

        The outcome goes to this dialog while it is open, else to the window's
        status bar: the clerk may have closed the dialog by then.
        A failure leaves the image-only PDF as it was saved.
        """
        if not self.ocr_wanted() or self.ctx.ocr_ready is False:
            return
        code = self.code
        ctx = self.ctx
        dialog = self
        window = self.parentWidget().window() if self.parentWidget() is not None else None

        def alive(widget: QWidget | None) -> bool:
            return widget is not None and shiboken6.isValid(widget)

        def status(text: str) -> None:
            # An open dialog says it itself; the window's status bar is for after it
            # closed (a message there hides the officer and sync labels meanwhile).
            if alive(dialog) and dialog.isVisible():
                return
            if alive(window) and isinstance(window, QMainWindow):
                window.statusBar().showMessage(text, OCR_MESSAGE_MS)

        def done(_result: AttachResult) -> None:
            # Not self.tr: this may run after the dialog is gone.
            status(
                translate(
                    "CaptureDialog",
                    "Đã nhận dạng chữ (OCR) hồ sơ {code}, thành phần {n}: tệp đã tìm kiếm được.",
                ).format(code=code, n=index)
            )
            if alive(dialog):
                dialog._recognised(index, True, "")

        def failed(exc: BaseException) -> None:
            code_of = exc.code if isinstance(exc, DomainError) else ""
            if code_of == "ocr_unavailable":
                ctx.ocr_ready = False
            if code_of in ("ocr_unavailable", "attachment_changed", "already_searchable"):
                # Nothing the clerk must act on: no OCR here, or a newer capture won.
                text = ""
            elif code_of and code_of != "ocr_failed":
                text = translate(
                    "CaptureDialog",
                    "Không nhận dạng được chữ (OCR) hồ sơ {code}, thành phần {n}: {why}",
                ).format(code=code, n=index, why=describe(exc))
            else:
                # The cause is in the log; the clerk needs to know the file is safe.
                text = translate(
                    "CaptureDialog",
                    "Không nhận dạng được chữ (OCR) hồ sơ {code}, "
                    "thành phần {n}; bản số hóa chỉ có ảnh vẫn được giữ.",
                ).format(code=code, n=index)
            if text:
                status(text)
            if alive(dialog):
                dialog._recognised(index, False, text)

        self._recognising.append(index)
        self._show_recognising()
        self.ctx.ocr_tasks.run(
            attachments.add_text_layer,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            code,
            index,
            on_done=done,
            on_error=failed,
            label=translate("CaptureDialog", "Đang nhận dạng chữ…"),
        )

    def _show_recognising(self) -> None:
        if not self._recognising:
            return
        numbers = ", ".join(str(n) for n in self._recognising)
        self.ocr_status.setText(
            translate(
                "CaptureDialog",
                "Đang nhận dạng chữ (OCR) thành phần {n} ở chế độ nền; có thể làm tiếp.",
            ).format(n=numbers)
        )
        self.ocr_status.setStyleSheet("color:#57606a;")
        self.ocr_status.show()

    def _recognised(self, index: int, ok: bool, text: str) -> None:
        if index in self._recognising:
            self._recognising.remove(index)
        if self._recognising:
            self._show_recognising()
        elif ok:
            self.ocr_status.setText(
                translate(
                    "CaptureDialog", "Đã nhận dạng chữ (OCR) thành phần {n}; tệp đã tìm kiếm được."
                ).format(n=index)
            )
            self.ocr_status.setStyleSheet("color:#1a7f37;")
        elif text:
            self.ocr_status.setText(text)
            self.ocr_status.setStyleSheet("color:#b3261e;")
        else:
            self.ocr_status.hide()
        self.text_layer_finished.emit(self.code, index, ok)
