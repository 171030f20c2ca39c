"""The command line: ``python main.py [--data-dir DIR] [--json] SUBCOMMAND``."""

from __future__ import annotations

import argparse

from app.cli import protect_cmd


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="main.py",
        description="MotCua Desk — phần mềm Bộ phận Một cửa (tiếp nhận, biên nhận, tra cứu).",
    )
    p.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--user", help="cán bộ thực hiện (mặc định: quản trị tạo lúc init)")
    sub = p.add_subparsers(dest="command", metavar="SUBCOMMAND")

    s = sub.add_parser("init", help="khởi tạo thư mục dữ liệu cho một quầy")
    s.add_argument("--office-code", required=True, help="mã định danh cơ quan, vd 000.00.24.H47")
    s.add_argument("--office-name", required=True)
    s.add_argument("--parent-name", help="cơ quan cấp trên (dòng đầu tiêu đề văn bản)")
    s.add_argument("--place", help="địa danh ghi trên văn bản, vd “Hà Nội”")
    s.add_argument("--address")
    s.add_argument("--phone")
    s.add_argument("--station", required=True, type=int, help="số quầy (1, 2, …)")
    s.add_argument("--admin-user", required=True)
    s.add_argument(
        "--admin-full-name",
        "--admin-name",
        dest="admin_full_name",
        default="",
        help="họ tên người quản trị, in trên các phiếu người đó ký (bỏ trống: hỏi khi đăng nhập)",
    )
    s.add_argument("--admin-password", help="nếu bỏ trống sẽ được hỏi")

    s = sub.add_parser("office", help="tên cơ quan, bộ phận, địa danh, người ký in trên giấy tờ")
    osub = s.add_subparsers(dest="office_command", metavar="ACTION")
    osub.add_parser("show", help="xem các tên đang dùng")
    o = osub.add_parser("set", help="đặt tên (có thể dùng mẫu sẵn --preset)")
    o.add_argument(
        "--preset",
        choices=["commune", "ward", "province"],
        help="mẫu sẵn: UBND xã, UBND phường, Trung tâm Phục vụ hành chính công tỉnh",
    )
    o.add_argument(
        "--governing-body", help="cơ quan ban hành, vd “Ủy ban nhân dân phường Hoàn Kiếm”"
    )
    o.add_argument("--unit-name", help="vd “Trung tâm Phục vụ hành chính công phường Hoàn Kiếm”")
    o.add_argument("--place", help="địa danh trước ngày tháng, vd “Hoàn Kiếm”")
    o.add_argument("--signer-title", help="chức vụ người ký, vd “Chủ tịch”")
    o.add_argument("--signer-for", help='dòng thẩm quyền, vd “TM. Ủy ban nhân dân” ("" để bỏ)')
    o.add_argument("--signer-name", help="họ tên thủ trưởng ký văn bản xin lỗi, thông báo")
    o.add_argument("--office-abbr", help="chữ viết tắt cơ quan trong số văn bản, vd UBND")
    o.add_argument("--unit-abbr", help="chữ viết tắt bộ phận trong số văn bản, vd TTPVHCC")

    s = sub.add_parser("catalogue", help="danh mục thủ tục hành chính")
    csub = s.add_subparsers(dest="catalogue_command", metavar="ACTION")
    c = csub.add_parser("list", help="liệt kê thủ tục")
    c.add_argument("--search", default="", help="lọc theo tên (không dấu) hoặc mã")
    c = csub.add_parser("set", help="sửa thời hạn, lệ phí, quy tắc 15 giờ của một thủ tục")
    c.add_argument("code")
    c.add_argument("--processing", help="thời hạn bằng chữ, vd “05 ngày làm việc”")
    c.add_argument("--processing-value", type=int, help="thời hạn bằng số")
    c.add_argument(
        "--processing-unit",
        choices=["same_day", "working_hours", "working_days", "calendar_days"],
    )
    c.add_argument("--max-days", type=int, help="tối đa (ngày làm việc) khi cần xác minh")
    c.add_argument("--fee", help="lệ phí: số tiền hoặc chữ, vd “2.000 đồng/trang …”")
    c.add_argument("--after-15h", choices=["yes", "no"], help="nhận sau 15 giờ tính ngày sau")
    c.add_argument("--result-place", help="nơi trả kết quả")
    c.add_argument(
        "--components",
        metavar="FILE.json",
        help="thay danh sách thành phần hồ sơ: tệp JSON "
        '[{"name": …, "originals": 1, "copies": 0, "required": true}, …] theo thứ tự in',
    )
    c.add_argument(
        "--exemptions",
        metavar="FILE.json",
        help='thay danh sách đối tượng miễn, giảm phí: tệp JSON [{"code": …, "label": …}, …]',
    )
    c.add_argument(
        "--portal-url",
        help="trang thủ tục trên Cổng Dịch vụ công quốc gia (mã QR của tờ hướng dẫn); "
        "chuỗi rỗng để xóa",
    )
    c = csub.add_parser("import", help="nhập danh mục thủ tục từ tệp Excel (.xlsx)")
    c.add_argument("file", metavar="FILE.xlsx")
    c = csub.add_parser("set-fee", help="nhập lệ phí do tỉnh quy định")
    c.add_argument("code")
    c.add_argument("amount", type=int)
    c.add_argument("--note")

    s = sub.add_parser("receive", help="tiếp nhận hồ sơ từ tệp JSON")
    s.add_argument("--file", required=True, help="tệp JSON mô tả hồ sơ ('-' = stdin)")
    s.add_argument(
        "--confirm-by",
        metavar="SUPERVISOR",
        help="lãnh đạo bộ phận xác nhận (ngày hẹn nhập tay, số định danh lệch với thẻ)",
    )

    s = sub.add_parser("lookup", help="tra cứu theo mã, QR biên nhận, số CCCD hoặc họ tên")
    s.add_argument("query", nargs="+")

    s = sub.add_parser("show", help="xem chi tiết một hồ sơ")
    s.add_argument("code")

    s = sub.add_parser("status", help="chuyển trạng thái hồ sơ")
    s.add_argument("code")
    s.add_argument("--set", dest="to_status", required=True, help="mã trạng thái (1–10)")
    s.add_argument("--note")

    s = sub.add_parser("return", help="trả kết quả cho người dân")
    s.add_argument("code")
    s.add_argument("--collector", required=True, help="họ tên người nhận kết quả")
    s.add_argument("--collector-id", help="số giấy tờ của người nhận")
    s.add_argument("--note")
    _result_options(s, "--result-file", required=False)

    s = sub.add_parser("result", help="bản số hóa kết quả giải quyết")
    rsub = s.add_subparsers(dest="result_command", metavar="ACTION")
    r = rsub.add_parser("attach", help="lưu bản số hóa kết quả của hồ sơ đã giải quyết")
    r.add_argument("code")
    _result_options(r, "--file", required=True)

    s = sub.add_parser("supplement", help="yêu cầu bổ sung hồ sơ (dừng tính thời hạn)")
    s.add_argument("code")
    s.add_argument("--missing", required=True, help="giấy tờ cần bổ sung: số thứ tự hoặc tên")
    s.add_argument("--reason", help="lý do (mặc định: hồ sơ chưa đầy đủ, chưa hợp lệ)")
    s.add_argument("--out", help="lưu phiếu yêu cầu bổ sung ra tệp PDF")
    s = sub.add_parser("supplied", help="công dân đã bổ sung: tính tiếp thời hạn")
    s.add_argument("code")
    s.add_argument("--note")
    s = sub.add_parser("extend", help="hẹn lại ngày trả kết quả (phiếu xin lỗi)")
    s.add_argument("code")
    s.add_argument("--to", required=True, help="ngày giờ hẹn mới ISO 8601")
    s.add_argument("--reason", required=True)
    s.add_argument("--out", help="lưu phiếu xin lỗi ra tệp PDF")
    s = sub.add_parser("stop", help="dừng xử lý hồ sơ (trạng thái 8)")
    s.add_argument("code")
    s.add_argument("--reason", required=True)
    s.add_argument("--out", help="lưu thông báo dừng ra tệp PDF")
    s = sub.add_parser("refuse", help="từ chối, trả hồ sơ không giải quyết (trạng thái 3)")
    s.add_argument("code")
    s.add_argument("--reason", required=True)
    s.add_argument("--out", help="lưu phiếu từ chối ra tệp PDF")
    s = sub.add_parser("withdraw", help="công dân rút hồ sơ (trạng thái 7)")
    s.add_argument("code")
    s.add_argument("--reason", required=True)
    s = sub.add_parser("pay", help="ghi nhận đã nộp phí, lệ phí (in lại biên nhận sau đó)")
    s.add_argument("code")
    s.add_argument("--unpaid", action="store_true", help="ghi nhận chưa nộp (sửa nhầm)")
    s.add_argument(
        "--method",
        choices=["cash", "transfer", "online", "pos"],
        help="hình thức nộp: tiền mặt, chuyển khoản, trực tuyến (Cổng DVC), thẻ POS; "
        "bỏ trống = không ghi nhận",
    )
    s = sub.add_parser("cancel", help="hủy hồ sơ nhập nhầm (lãnh đạo bộ phận; không xóa)")
    s.add_argument("code")
    s.add_argument("--reason", required=True)

    s = sub.add_parser("due", help="tính ngày hẹn trả kết quả")
    g = s.add_mutually_exclusive_group(required=True)
    g.add_argument("--procedure", help="mã thủ tục")
    g.add_argument("--working-days", type=int)
    s.add_argument("--received", required=True, help="thời điểm tiếp nhận ISO 8601")

    s = sub.add_parser("print", help="in biên nhận, các phiếu và sổ theo dõi ra tệp PDF")
    s.add_argument(
        "form",
        choices=[
            "receipt",
            "supplement",
            "refusal",
            "apology",
            "control",
            "stop",
            "logbook",
            "cover",
            "guide",
        ],
    )
    s.add_argument("code", nargs="?", help="mã hồ sơ (trừ logbook); với guide: mã thủ tục")
    s.add_argument("--out", required=True, help="tệp PDF đầu ra")
    s.add_argument("--layout", choices=["a4", "80mm"], help="khổ biên nhận (mặc định: thiết lập)")
    s.add_argument("--two-per-page", action="store_true", help="hai liên biên nhận trên một trang")
    s.add_argument("--reprint", action="store_true", help="đánh dấu “BẢN SAO”")
    s.add_argument("--reason", help="lý do (bổ sung, từ chối, xin lỗi, dừng)")
    s.add_argument(
        "--missing", help="thành phần cần bổ sung: số thứ tự hoặc tên, cách nhau dấu phẩy"
    )
    s.add_argument("--guidance", help="nơi tra cứu quy định (phiếu bổ sung)")
    s.add_argument("--contact", help="cán bộ/số điện thoại liên hệ")
    s.add_argument("--new-date", help="ngày hẹn mới ISO 8601 (phiếu xin lỗi)")
    s.add_argument("--requested", dest="requested_at", help="ngày người dân đề nghị dừng")
    s.add_argument("--from", dest="date_from", help="sổ theo dõi: từ ngày YYYY-MM-DD")
    s.add_argument("--to", dest="date_to", help="sổ theo dõi: đến ngày YYYY-MM-DD")
    s.add_argument("--component", type=int, help="tờ bìa: chỉ thành phần số N")
    s.add_argument(
        "--paper", choices=["a4", "a3"], help="sổ theo dõi: khổ A4 (mặc định) hoặc A3 ngang"
    )

    _capture_parsers(sub)

    from app.cli.report_cmd import add_parsers as report_parsers

    report_parsers(sub)

    from app.cli.feedback_cmd import add_parsers as feedback_parsers

    feedback_parsers(sub)

    from app.cli.rate_cmd import add_parsers as rate_parsers

    rate_parsers(sub)

    s = sub.add_parser("enroll", help="đăng ký quầy với máy chủ trung tâm")
    s.add_argument("--server", required=True, help="địa chỉ máy chủ, vd https://motcua.tinh.gov.vn")
    s.add_argument("--code", required=True, help="mã đăng ký một lần do máy chủ cấp")

    sub.add_parser("sync", help="đồng bộ một lượt với máy chủ (in tóm tắt JSON với --json)")

    sub.add_parser("self-test", help="kiểm tra cơ sở dữ liệu, phông chữ, danh mục")
    _update_parsers(sub)
    protect_cmd.add_parsers(sub)
    accept_json_anywhere(p)
    return p


def _result_options(s: argparse.ArgumentParser, file_flag: str, *, required: bool) -> None:
    s.add_argument(
        file_flag,
        dest="result_files",
        action="append",
        required=required,
        metavar="FILE",
        help="tệp kết quả (JPEG, PNG, TIFF, PDF); lặp lại cho nhiều trang",
    )
    s.add_argument("--result-number", help="số của giấy tờ kết quả")
    s.add_argument("--result-date", help="ngày cấp (dd/mm/yyyy hoặc YYYY-MM-DD)")
    s.add_argument("--result-kind", help="loại giấy tờ, vd “Trích lục khai sinh”")
    s.add_argument("--result-issuer", help="cơ quan cấp")
    s.add_argument(
        "--electronic",
        action="store_true",
        help="kết quả điện tử: lưu nguyên tệp PDF cơ quan giải quyết gửi",
    )


def accept_json_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let ``--json`` stand before or after any subcommand, at any depth.

    The subcommands' own ``--json`` defaults to SUPPRESS, so a subcommand that
    does not see it leaves the global value alone instead of resetting it.
    """
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                if "--json" not in child._option_string_actions:
                    child.add_argument(
                        "--json",
                        action="store_true",
                        default=argparse.SUPPRESS,
                        help="in kết quả dạng JSON",
                    )
                accept_json_anywhere(child)


def _cleaning_options(s: argparse.ArgumentParser) -> None:
    s.add_argument(
        "--colour",
        choices=["auto", "colour", "gray", "bw"],
        default="auto",
        help="màu trang lưu: tự chọn (mặc định), màu, xám, đen trắng",
    )
    s.add_argument("--no-deskew", action="store_true", help="không tự chỉnh nghiêng")
    s.add_argument("--no-crop", action="store_true", help="không cắt viền máy quét")


def _scanner_options(s: argparse.ArgumentParser) -> None:
    s.add_argument(
        "--device",
        help="tên máy quét (SANE) hoặc mã thiết bị WIA (mặc định: máy đầu tiên tìm thấy)",
    )
    s.add_argument("--resolution", type=int, default=200, help="độ phân giải dpi (mặc định 200)")
    s.add_argument("--mode", choices=["color", "gray", "lineart"], default="color")
    s.add_argument(
        "--feed",
        choices=["flatbed", "adf", "duplex"],
        help="nguồn giấy: mặt kính, khay nạp, hai mặt",
    )
    s.add_argument("--pages", type=int, help="số trang tối đa")
    s.add_argument(
        "--sane-option",
        action="append",
        metavar="ARG",
        help="tham số riêng của máy quét, vd --sane-option=--test-picture (SANE) "
        "hoặc --sane-option=6154=100 (WIA: mã thuộc tính=giá trị)",
    )


def _capture_parsers(sub) -> None:
    s = sub.add_parser("attach", help="số hóa một thành phần hồ sơ từ tệp ảnh/PDF")
    s.add_argument("code")
    s.add_argument("--component", type=int, required=True, help="số thứ tự thành phần")
    s.add_argument("files", nargs="+", metavar="FILE", help="JPEG, PNG, TIFF hoặc PDF")
    s.add_argument("--camera", action="store_true", help="ảnh chụp bằng máy ảnh/điện thoại")
    s.add_argument(
        "--ocr", action="store_true", help="nhận dạng chữ (OCR) sau khi đính kèm, nếu máy có OCR"
    )
    _cleaning_options(s)

    s = sub.add_parser("ocr", help="thêm lớp chữ tìm kiếm được (OCR) cho thành phần đã số hóa")
    s.add_argument("code")
    s.add_argument("--component", type=int, required=True, help="số thứ tự thành phần")
    s = sub.add_parser("scan", help="quét một thành phần hồ sơ qua máy quét (SANE hoặc WIA)")
    s.add_argument("code", nargs="?")
    s.add_argument("--component", type=int, help="số thứ tự thành phần")
    s.add_argument("--list-devices", action="store_true", help="liệt kê máy quét")
    _scanner_options(s)
    _cleaning_options(s)

    s = sub.add_parser("batch", help="tách xấp quét nhiều hồ sơ theo tờ bìa và đính kèm")
    s.add_argument("files", nargs="*", metavar="FILE", help="các tệp đã quét, theo thứ tự")
    _scanner_options(s)
    _cleaning_options(s)


def _update_parsers(sub) -> None:
    s = sub.add_parser("update", help="kiểm tra và cài bản cập nhật có chữ ký (máy chủ hoặc USB)")
    usub = s.add_subparsers(dest="update_command", metavar="ACTION", required=True)
    for name, text in (
        ("check", "xem có bản cập nhật mới không"),
        ("apply", "tải, kiểm tra chữ ký, cài bên cạnh bản hiện tại và chuyển sang"),
    ):
        u = usub.add_parser(name, help=text)
        u.add_argument("--from", dest="from_dir", help="thư mục chứa bản cập nhật (USB)")
        u.add_argument("--server", help="địa chỉ máy chủ (mặc định: máy chủ quầy đã đăng ký)")
    usub.add_parser("rollback", help="quay về phiên bản trước")
