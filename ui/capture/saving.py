"""Saving the tray as a component's PDF (or the result's) for the capture dialog.

The pages are cleaned and encoded on a worker with progress and a way to
cancel; the tray is locked meanwhile so the clerk cannot reorder what is
being written. Strings keep the dialog's translation context.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.capture import attachments
from app.capture.attachments import AttachResult
from app.capture.clean import CleanOptions
from app.capture.pages import Page
from app.domain.errors import DomainError
from app.infra.storage import Database
from app.office.auth import Actor
from ui.capture.sources import majority_source
from ui.shell import i18n
from ui.widgets.messages import describe

translate = QCoreApplication.translate

# The entry of the component list that stands for the dossier's result paper.
RESULT_ITEM = -1


def save_result(db: Database, actor: Actor, code: str, pages: list[Page], source: str) -> Any:
    """Worker: the result's PDF from the tray's pages, kept with the dossier."""
    from app.capture import results

    prepared = results.prepare_pages(db, actor, code, pages, source=source)
    return results.attach(db, actor, code, prepared)


class SavingMixin:
    """Lưu: the part of :class:`~ui.capture.dialog.CaptureDialog` that writes the PDF."""

    def save(self) -> None:
        if self.saving:
            return
        pages = self.model.pages()
        index = self.component_index()
        if not pages:
            self.banner.show_message(
                translate("CaptureDialog", "Khay chưa có trang nào để lưu."), "error"
            )
            return
        if index is None:
            self.banner.show_message(
                translate("CaptureDialog", "Chưa chọn thành phần hồ sơ."), "error"
            )
            return
        self.banner.clear_message()
        self._cancel_save = threading.Event()
        self._saving_keys = [p.key for p in pages]
        self._set_saving(True, len(pages))
        options = CleanOptions(colour=self.colour.currentData())
        if index == RESULT_ITEM:
            self.runner.run(
                save_result,
                self.ctx.require_db(),
                self.ctx.require_actor(),
                self.code,
                pages,
                majority_source(pages),
                on_done=self._result_saved,
                on_error=self._save_failed,
                label=translate("CaptureDialog", "Đang lưu bản số hóa kết quả…"),
            )
            return
        self.runner.run(
            attachments.attach_component,
            self.ctx.require_db(),
            self.ctx.require_actor(),
            self.code,
            index,
            pages,
            source=majority_source(pages),
            options=options,
            progress=lambda done, total: self._progress_stream.put(done),
            cancel=self._cancel_save.is_set,
            on_done=self._saved,
            on_error=self._save_failed,
            label=translate("CaptureDialog", "Đang lưu bản số hóa…"),
        )

    def _progress(self, done: int) -> None:
        self.progress.setValue(max(self.progress.value(), done))

    def cancel_save(self) -> None:
        if self.saving:
            self._cancel_save.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(translate("CaptureDialog", "Đang hủy…"))

    def _set_saving(self, on: bool, total: int = 0) -> None:
        self.saving = on
        self.model.locked = on
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.cancel_button.setEnabled(on)
        if on:
            self.progress.setRange(0, total)
            self.progress.setValue(0)
            self.progress.setFormat(translate("CaptureDialog", "Đang lưu %v/%m trang"))
        for widget in (self.component, self.colour, self.retake):
            widget.setEnabled(not on)
        self.reuse.setEnabled(not on)
        self._refresh()

    def _saved(self, result: AttachResult) -> None:
        self._set_saving(False)
        self.model.delete_keys(self._saving_keys)
        text = translate(
            "CaptureDialog", "Đã lưu thành phần {n} ({pages} trang, {dpi} dpi)."
        ).format(n=result.component_index, pages=result.pages, dpi=result.dpi or "?")
        lang = i18n.language()
        if result.warnings:
            text += " " + " ".join(w.message(lang) for w in result.warnings)
        self.banner.show_message(text, "info" if result.warnings else "success")
        self.recognise_text(result.component_index)
        self._after_change()

    def _result_saved(self, result: Any) -> None:
        self._set_saving(False)
        self.model.delete_keys(self._saving_keys)
        self.banner.show_message(
            translate("CaptureDialog", "Đã lưu bản số hóa kết quả ({pages} trang).").format(
                pages=result.pages
            ),
            "success",
        )
        self._after_change()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, DomainError) and exc.code == "cancelled":
            self.banner.show_message(
                translate("CaptureDialog", "Đã hủy lưu; các trang vẫn còn trong khay."), "info"
            )
        else:
            self.banner.show_message(
                translate("CaptureDialog", "Chưa lưu được: {why}").format(why=describe(exc)),
                "error",
            )
        if self._close_when_idle:
            self.reject()
