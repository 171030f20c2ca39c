"""The feedback register screen at 1366×768 into docs/screenshots/feedback-register.png.

    Xvfb :91 -screen 0 1366x768x24 &
    DISPLAY=:91 QT_QPA_PLATFORM=xcb python scripts/feedback_screenshot.py

Builds a throw-away station with a few feedback items (late, due soon, answered,
outside the office's competence), signs in, opens Phản ánh and saves the window.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.feedback import register  # noqa: E402
from app.infra import clock  # noqa: E402
from app.office import auth  # noqa: E402
from scripts.screenshots import clerk_window, new_station, pump, wait  # noqa: E402

ITEMS = [
    (
        "Nguyễn Văn Bình",
        "0912 345 678",
        30,
        None,
        "letter",
        "Đề nghị niêm yết công khai mức lệ phí chứng thực bản sao tại Bộ phận Một cửa.",
    ),
    (
        "Phạm Thị Hương",
        "0987 111 222",
        19,
        "000.00.24.H47-{d}-0003",
        "counter",
        "Hồ sơ đăng ký khai sinh của con tôi đã quá ngày hẹn nhưng chưa có kết quả.",
    ),
    (
        "Trần Quốc Việt",
        "0903 456 789",
        12,
        None,
        "phone",
        "Đề nghị bố trí thêm quầy tiếp nhận vào buổi sáng thứ Hai.",
    ),
    (
        "Lê Thị Mai",
        "0977 654 321",
        6,
        "000.46.24.H44-{d}-0012",
        "counter",
        "Hồ sơ đất đai nộp tại huyện chưa được giải quyết; đề nghị xã hướng dẫn.",
    ),
    (
        "Đỗ Minh Khoa",
        "0934 222 333",
        1,
        None,
        "web",
        "Trang tra cứu không hiển thị ngày hẹn trả kết quả trên điện thoại.",
    ),
]


def seed(data_dir: Path):
    db = new_station(data_dir)
    actor = auth.Actor("canbo1", "Trần Thị Hoa", "clerk")
    now = clock.now()
    codes = []
    for name, phone, days_ago, dossier, channel, content in ITEMS:
        at = now - timedelta(days=days_ago, hours=2)
        data = {
            "sender": {"full_name": name, "address": "Xã Tân Lập, Đan Phượng", "phone": phone},
            "content": content,
            "channel": channel,
            "dossier_code": dossier.format(d=at.strftime("%y%m%d")) if dossier else None,
            "received_at": at.isoformat(),
        }
        codes.append(register.receive(db, actor, data, now=now).code)
    register.answer(
        db,
        actor,
        codes[2],
        "Từ ngày 01 tháng sau, Bộ phận Một cửa mở thêm quầy số 3 vào sáng thứ Hai.",
        now - timedelta(days=3),
    )
    return db, codes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from ui.shell.app import application

    application()
    tmp = Path(tempfile.mkdtemp(prefix="motcua-feedback-"))
    db, codes = seed(tmp / "station")
    win = clerk_window(tmp / "station", db)
    page = win.show_page("feedback")
    wait(lambda: page.model.rowCount() == len(codes))
    page.table.selectRow(page.model.row_of(codes[1]))
    pump(400)
    target = args.out / "feedback-register.png"
    win.grab().save(str(target))
    print("saved", target, win.width(), "x", win.height())
    win.close()


if __name__ == "__main__":
    main()
