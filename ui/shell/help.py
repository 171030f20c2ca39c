"""F1: a short help page for the screen in front of the clerk.

A few lines per screen (what it is for, its keys), not a manual: a new clerk
at the counter reads it in the time a citizen takes to sit down.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

translate = QCoreApplication.translate  # read by lupdate as Qt's own


def pages() -> dict[str, tuple[str, str]]:
    """Screen name → (title, HTML body), in the window's language."""
    keys = translate(
        "help",
        "<p><b>Phím tắt chung:</b> F2 hồ sơ mới · F3 tra cứu · Ctrl+P in lại · "
        "Ctrl+L khóa màn hình · Alt+số chuyển màn hình · F1 trợ giúp.</p>",
    )
    screens = {
        "receive": (
            translate("help", "Tiếp nhận hồ sơ"),
            translate(
                "help",
                "<ol><li>Gõ vài chữ của tên thủ tục (không cần dấu) rồi Enter.</li>"
                "<li>Quét mã QR trên CCCD ở ô bất kỳ, hoặc gõ số CCCD, họ tên, ngày sinh "
                "(12/03/1985 hoặc 12031985).</li>"
                "<li>Đánh dấu các thành phần đã nộp (phím cách), sửa số bản nếu cần.</li>"
                "<li>Ctrl+Enter: tiếp nhận và mở biên nhận để in (Enter hoặc Ctrl+P trong "
                "bản xem trước để in). Khổ giấy chọn cạnh nút, chỉ cho biên nhận này.</li></ol>"
                "<p>Mọi lỗi hiện cùng lúc ngay dưới ô sai; sửa ô nào, lỗi ô đó biến mất. "
                "Hồ sơ thiếu: ghi lý do rồi in phiếu yêu cầu bổ sung hoặc phiếu từ chối. "
                "Esc hai lần: bỏ hồ sơ đang nhập.</p>",
            ),
        ),
        "dossiers": (
            translate("help", "Hồ sơ"),
            translate(
                "help",
                "<p>Các số đếm trong ngày ở trên cùng (nhận hôm nay, đến hạn, quá hạn, chờ bổ "
                "sung, chờ trả, chờ đồng bộ): bấm để mở danh sách. Lọc theo trạng thái, ngày, "
                "thủ tục; chọn một dòng để xem chi tiết và thao tác.</p>"
                "<p>Nút chuyển trạng thái hỏi lại: bấm lần nữa trong 5 giây để áp dụng.</p>",
            ),
        ),
        "lookup": (
            translate("help", "Tra cứu"),
            translate(
                "help",
                "<p>Gõ mã hồ sơ, quét mã QR trên giấy tiếp nhận hoặc CCCD, số CCCD, mã số thuế "
                "hoặc họ tên (không cần dấu), rồi Enter. Khi có nhiều kết quả, chọn đúng dòng "
                "trước khi in hay thao tác: các nút ghi rõ mã hồ sơ chúng sẽ tác động.</p>",
            ),
        ),
        "return": (
            translate("help", "Trả kết quả"),
            translate(
                "help",
                "<p>Tìm hồ sơ (mã, QR giấy tiếp nhận, CCCD hoặc họ tên), kiểm tra người nhận "
                "(người khác nhận thay: bỏ dấu ô và ghi họ tên, số CCCD, giấy ủy quyền vào ghi "
                "chú), đính kèm bản số hóa kết quả nếu có.</p>"
                "<p>Bấm “Xác nhận đã trả kết quả” (hoặc Enter): lần đầu chỉ hỏi lại; bấm lần "
                "nữa trong 5 giây để ghi nhận. Phiếu kiểm soát in ra để người nhận ký.</p>",
            ),
        ),
        "sync": (
            translate("help", "Đồng bộ"),
            translate(
                "help",
                "<p>Quầy làm việc cả khi mất mạng; hồ sơ chờ gửi được gửi lên máy chủ khi có "
                "mạng. Màn hình này cho biết lần đồng bộ cuối, số thay đổi đang chờ và lỗi "
                "nếu có; nút “Đồng bộ ngay” chạy thêm một lượt.</p>",
            ),
        ),
        "settings": (
            translate("help", "Cài đặt"),
            translate(
                "help",
                "<p>Máy in, khổ giấy, cỡ chữ và ngôn ngữ: mọi cán bộ. Cơ quan, giờ làm việc, "
                "máy chủ, bảo mật: quản trị. Thủ tục: lãnh đạo bộ phận. "
                "Cán bộ và mật khẩu: tự đổi mật khẩu; quản trị thêm, khóa cán bộ và đặt lại "
                "mật khẩu.</p>",
            ),
        ),
        "reports": (
            translate("help", "Báo cáo"),
            translate(
                "help",
                "<p>Chọn kỳ báo cáo và xem các chỉ số; xuất Excel hoặc PDF, in sổ theo dõi "
                "hồ sơ của một ngày.</p>",
            ),
        ),
        "": (translate("help", "Trợ giúp"), ""),
    }
    return {name: (title, body + keys) for name, (title, body) in screens.items()}


class HelpDialog(QDialog):
    """The page for ``screen``; Esc or Enter closes it."""

    def __init__(self, screen: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        known = pages()
        title, body = known.get(screen) or known[""]
        self.screen = screen
        self.setWindowTitle(translate("help", "Trợ giúp — {title}").format(title=title))
        self.setObjectName("help_dialog")
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setObjectName("help_text")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(f"<h3>{title}</h3>{body}")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(620, 420)
