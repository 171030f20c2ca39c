<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../ui/applicant_form.py" line="47"/>
        <source>Cá nhân</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="48"/>
        <source>Tổ chức</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="49"/>
        <source>12 số CCCD, hoặc quét mã QR trên thẻ</source>
        <translation>12-digit ID number, or scan the card&apos;s QR code</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="51"/>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="55"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="56"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="60"/>
        <location filename="../../ui/applicant_form.py" line="116"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="70"/>
        <source>Đối tượng</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="72"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="73"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="74"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="75"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="76"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="77"/>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="90"/>
        <source>Dùng thông tin đã lưu</source>
        <translation>Use saved details</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="116"/>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location filename="../../ui/applicant_form.py" line="143"/>
        <source>Người nộp đã có trong hệ thống: {name}{details}.</source>
        <translation>Returning applicant: {name}{details}.</translation>
    </message>
</context>
<context>
    <name>ComponentsTable</name>
    <message>
        <location filename="../../ui/components_table.py" line="26"/>
        <source>Thành phần hồ sơ (* bắt buộc)</source>
        <translation>Component (* required)</translation>
    </message>
    <message>
        <location filename="../../ui/components_table.py" line="26"/>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location filename="../../ui/components_table.py" line="26"/>
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/components_table.py" line="54"/>
        <source>Thành phần chưa được xác minh trong CSDL quốc gia</source>
        <translation>Component not confirmed in the national database</translation>
    </message>
</context>
<context>
    <name>DossierDetail</name>
    <message>
        <location filename="../../ui/dossier_detail.py" line="82"/>
        <location filename="../../ui/dossier_detail.py" line="166"/>
        <source>Chọn một hồ sơ để xem chi tiết</source>
        <translation>Select a dossier to see its details</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="95"/>
        <source>Thành phần</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="95"/>
        <source>Chính</source>
        <translation>Orig.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="95"/>
        <source>Sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="95"/>
        <source>Số hóa</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="105"/>
        <source>Thành phần hồ sơ</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="107"/>
        <source>Quá trình xử lý</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="115"/>
        <source>Lý do / ghi chú</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="118"/>
        <source>Giấy tờ cần bổ sung, ví dụ: 2, Giấy ủy quyền</source>
        <translation>Papers to supplement, e.g. 2, Power of attorney</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="119"/>
        <source>Số thứ tự thành phần hoặc tên giấy tờ, cách nhau bằng dấu phẩy</source>
        <translation>Component numbers or paper names, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="129"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="130"/>
        <source>Từ chối</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="131"/>
        <source>Chuyển xử lý</source>
        <translation>Send for processing</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="132"/>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="133"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="142"/>
        <source>In lại…</source>
        <translation>Reprint…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="146"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and appointment</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="147"/>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="162"/>
        <source>Đang tải hồ sơ…</source>
        <translation>Loading the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="184"/>
        <source>QUÁ HẠN</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="190"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="191"/>
        <source>Số CCCD/MST</source>
        <translation>ID number / tax code</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="192"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="193"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="194"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="195"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="196"/>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="197"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="198"/>
        <source>Đã trả</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="199"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="200"/>
        <source> (đã nộp)</source>
        <translation> (paid)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="200"/>
        <source> (chưa nộp)</source>
        <translation> (not paid)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="211"/>
        <source>Tái sử dụng</source>
        <translation>Reused</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="212"/>
        <source>Đã số hóa</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="212"/>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="254"/>
        <source>Đang cập nhật hồ sơ…</source>
        <translation>Updating the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="260"/>
        <source>Đã cập nhật hồ sơ {code}: {status}</source>
        <translation>Dossier {code} updated: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="273"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../ui/dossier_model.py" line="56"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="56"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="56"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="57"/>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="57"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="57"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="96"/>
        <source>Đang tải danh sách hồ sơ…</source>
        <translation>Loading dossiers…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="151"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="153"/>
        <source>Sắp đến hạn (trong 2 ngày)</source>
        <translation>Due within 2 days</translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <location filename="../../ui/dossiers_page.py" line="48"/>
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers_page.py" line="57"/>
        <source>Mọi thủ tục</source>
        <translation>Any procedure</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers_page.py" line="60"/>
        <source>Tiếp nhận từ</source>
        <translation>Received from</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers_page.py" line="68"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers_page.py" line="70"/>
        <source>Sắp đến hạn ({n} ngày)</source>
        <translation>Due within {n} days</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers_page.py" line="72"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers_page.py" line="74"/>
        <source>Lọc:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers_page.py" line="82"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/dossiers_page.py" line="116"/>
        <source>Màu đỏ: quá hạn · màu vàng: sắp đến hạn trong {n} ngày</source>
        <translation>Red: overdue · yellow: due within {n} days</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="43"/>
        <source>Thiết lập lần đầu</source>
        <translation>First-time set-up</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="44"/>
        <source>Thư mục dữ liệu {path} chưa có cơ quan. Nhập thông tin cơ quan, số quầy và tài khoản quản trị.</source>
        <translation>The data folder {path} has no office yet. Enter the office, the counter number and an administrator account.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="63"/>
        <source>Ủy ban nhân dân xã …</source>
        <translation>People&apos;s Committee of … commune</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="64"/>
        <source>Cơ quan cấp trên (dòng đầu văn bản)</source>
        <translation>Parent agency (first line of letterheads)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="65"/>
        <source>Địa danh ghi trên văn bản, ví dụ Hà Nội</source>
        <translation>Place written on documents, e.g. Hà Nội</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="73"/>
        <source>Quản trị hệ thống</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="77"/>
        <source>Mã định danh cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="78"/>
        <source>Tên cơ quan</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="79"/>
        <source>Cơ quan cấp trên</source>
        <translation>Parent agency</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="80"/>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="81"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="82"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="83"/>
        <source>Số quầy</source>
        <translation>Counter number</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="84"/>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="85"/>
        <source>Họ tên quản trị</source>
        <translation>Administrator&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="86"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="87"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="94"/>
        <source>Khởi tạo</source>
        <translation>Set up</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="110"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="130"/>
        <source>Đang khởi tạo dữ liệu…</source>
        <translation>Setting up the data folder…</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/lock.py" line="90"/>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="100"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="103"/>
        <source>Đăng nhập tài khoản khác</source>
        <translation>Sign in as someone else</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="106"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="121"/>
        <source>Cán bộ {name} ({user}) đang đăng nhập. Nhập mật khẩu để tiếp tục làm việc.</source>
        <translation>{name} ({user}) is signed in. Enter the password to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="133"/>
        <source>Hãy nhập mật khẩu.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="140"/>
        <source>Đang kiểm tra mật khẩu…</source>
        <translation>Checking the password…</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <location filename="../../ui/lookup_page.py" line="57"/>
        <source>Mã hồ sơ, quét mã QR trên giấy tiếp nhận hoặc CCCD, số CCCD, mã số thuế, họ tên…</source>
        <translation>Dossier code, scanned receipt or ID card QR, ID number, tax code, name…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_page.py" line="60"/>
        <source>Tra cứu (Enter)</source>
        <translation>Look up (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_page.py" line="70"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_page.py" line="70"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_page.py" line="71"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_page.py" line="71"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_page.py" line="72"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_page.py" line="104"/>
        <source>Đang tra cứu…</source>
        <translation>Looking up…</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_page.py" line="128"/>
        <source>{n} hồ sơ (tìm theo {kind}: {q})</source>
        <translation>{n} dossier(s) (by {kind}: {q})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="51"/>
        <source>MotCua Desk — Bộ phận Một cửa</source>
        <translation>MotCua Desk — One-stop counter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Tra cứu</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>Cán bộ: {name} ({role})</source>
        <translation>Officer: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>Quầy {n} · {office}</source>
        <translation>Counter {n} · {office}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="307"/>
        <source>● Chưa kết nối máy chủ</source>
        <translation>● Server not connected</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>● Ngoại tuyến</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>Chờ đồng bộ: {n}</source>
        <translation>Waiting to sync: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="313"/>
        <source>chưa có</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314"/>
        <source>Đồng bộ lần cuối: {t}</source>
        <translation>Last sync: {t}</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/procedure_picker.py" line="27"/>
        <source>Gõ tên thủ tục (có dấu hay không dấu) hoặc mã…</source>
        <translation>Type the procedure&apos;s name (diacritics optional) or code…</translation>
    </message>
    <message>
        <location filename="../../ui/procedure_picker.py" line="62"/>
        <source>Thông tin thủ tục chưa được xác minh đầy đủ</source>
        <translation>Procedure details not fully confirmed</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <location filename="../../ui/receive_page.py" line="103"/>
        <source>1. Thủ tục hành chính</source>
        <translation>1. Administrative procedure</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="108"/>
        <source>2. Người nộp hồ sơ (quét mã QR trên CCCD để điền tự động)</source>
        <translation>2. Applicant (scan the ID card&apos;s QR code to fill in)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="116"/>
        <source>3. Thành phần hồ sơ đã nộp</source>
        <translation>3. Components handed in</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="126"/>
        <source>mặc định: tên thủ tục</source>
        <translation>default: the procedure&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="127"/>
        <source>Số bộ hồ sơ</source>
        <translation>Sets</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="128"/>
        <source>Nội dung yêu cầu</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="131"/>
        <source>4. Lệ phí và hẹn trả kết quả</source>
        <translation>4. Fee and appointment</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="136"/>
        <source>Đã thu lệ phí</source>
        <translation>Fee paid</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="142"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="145"/>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="150"/>
        <source>Hẹn trả (nếu nhận bây giờ)</source>
        <translation>Due (if received now)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="155"/>
        <source>Tiếp nhận (Ctrl+Enter)</source>
        <translation>Receive (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="163"/>
        <source>Lý do (khi không tiếp nhận)</source>
        <translation>Reason (when not accepted)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="164"/>
        <source>Phiếu yêu cầu bổ sung</source>
        <translation>Supplement request slip</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="167"/>
        <source>Phiếu từ chối</source>
        <translation>Refusal slip</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="170"/>
        <source>Hồ sơ mới (F2)</source>
        <translation>New dossier (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="225"/>
        <source>Đang tải thủ tục…</source>
        <translation>Loading the procedure…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="236"/>
        <source>Không thu lệ phí</source>
        <translation>No fee</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="242"/>
        <source>Thủ tục chưa có thời hạn giải quyết đã xác minh; lãnh đạo bộ phận cần nhập trước khi tiếp nhận.</source>
        <translation>This procedure has no confirmed processing time; a supervisor must record it before dossiers can be received.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="265"/>
        <source>Đã đọc CCCD của {name}.</source>
        <translation>ID card of {name} read.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="306"/>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="321"/>
        <location filename="../../ui/receive_page.py" line="376"/>
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="322"/>
        <source>Đang tiếp nhận và in biên nhận…</source>
        <translation>Receiving and printing the receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="328"/>
        <source>Đã tiếp nhận hồ sơ {code} — hẹn trả {due}</source>
        <translation>Dossier {code} received — due {due}</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="334"/>
        <source>Hồ sơ đã được tiếp nhận nhưng chưa in được biên nhận: {why} Nhấn Ctrl+P để in lại.</source>
        <translation>The dossier was received but the receipt could not be printed: {why} Press Ctrl+P to print it again.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="372"/>
        <source>Chưa có biên nhận nào để in.</source>
        <translation>No receipt to print yet.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="377"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="389"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request to supplement the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="390"/>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Refusal to accept the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="393"/>
        <source>Đang in phiếu…</source>
        <translation>Printing the slip…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="431"/>
        <source>Nhấn Esc lần nữa để hủy hồ sơ đang nhập.</source>
        <translation>Press Esc again to discard this dossier.</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../ui/return_page.py" line="48"/>
        <source>Mã hồ sơ, quét mã QR trên giấy tiếp nhận, số CCCD hoặc họ tên người nộp</source>
        <translation>Dossier code, scanned receipt QR, ID number or the applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="50"/>
        <source>Tìm (Enter)</source>
        <translation>Find (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="58"/>
        <location filename="../../ui/return_page.py" line="129"/>
        <source>Hồ sơ đã có kết quả, chờ trả</source>
        <translation>Results ready, waiting to be collected</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="63"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="63"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="64"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="64"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="75"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="77"/>
        <source>Chưa chọn hồ sơ</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="85"/>
        <source>Người nộp hồ sơ nhận trực tiếp</source>
        <translation>The applicant collects in person</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="93"/>
        <source>ví dụ: nhận thay theo giấy ủy quyền</source>
        <translation>e.g. collected on their behalf with a power of attorney</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="95"/>
        <source>Họ tên người nhận</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="97"/>
        <source>Số CCCD người nhận</source>
        <translation>Collector&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="98"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="100"/>
        <source>Xác nhận đã trả kết quả</source>
        <translation>Confirm the result was handed over</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="145"/>
        <source>Đang tìm hồ sơ…</source>
        <translation>Finding the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="149"/>
        <source>Không tìm thấy hồ sơ nào.</source>
        <translation>No dossier found.</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="151"/>
        <source>Kết quả tìm: {n} hồ sơ</source>
        <translation>Found: {n} dossier(s)</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="172"/>
        <source>Người nộp: {name} ({id})
Thủ tục: {proc}
Hẹn trả: {due}
Trạng thái: {status}</source>
        <translation>Applicant: {name} ({id})
Procedure: {proc}
Due: {due}
Status: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="183"/>
        <source>Hồ sơ đang ở trạng thái “{status}”; chỉ trả kết quả khi hồ sơ đã xử lý xong.</source>
        <translation>The dossier is “{status}”; a result can be returned only once it is resolved.</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="209"/>
        <source>Đang ghi nhận trả kết quả…</source>
        <translation>Recording the return…</translation>
    </message>
    <message>
        <location filename="../../ui/return_page.py" line="216"/>
        <source>Đã trả kết quả hồ sơ {code} lúc {at}.</source>
        <translation>Result of {code} returned at {at}.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="71"/>
        <source>In ấn và ngôn ngữ</source>
        <translation>Printing and language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="72"/>
        <source>Cơ quan</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="73"/>
        <source>Giờ làm việc và lịch</source>
        <translation>Working hours and calendar</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="74"/>
        <source>Máy chủ và VietQR</source>
        <translation>Server and VietQR</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="75"/>
        <source>Bảo mật</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="82"/>
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="121"/>
        <source>Mã định danh cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="122"/>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="123"/>
        <source>Tên cơ quan</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="125"/>
        <source>Cơ quan cấp trên</source>
        <translation>Parent agency</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="126"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="127"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="128"/>
        <source>Địa danh trên văn bản</source>
        <translation>Place on documents</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="129"/>
        <source>Họ tên thủ trưởng</source>
        <translation>Head of office</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="130"/>
        <source>Chức vụ thủ trưởng</source>
        <translation>Head&apos;s title</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="139"/>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="141"/>
        <source>Sau giờ này tính sang ngày sau</source>
        <translation>Count from the next day after</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="144"/>
        <source>Ngày nghỉ thêm và ngày làm bù của cơ quan</source>
        <translation>The office&apos;s extra days off and extra working days</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="147"/>
        <source>Ngày</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="147"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="148"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="161"/>
        <location filename="../../ui/settings_page.py" line="274"/>
        <source>Ngày nghỉ thêm</source>
        <translation>Extra day off</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="162"/>
        <location filename="../../ui/settings_page.py" line="274"/>
        <source>Ngày làm bù</source>
        <translation>Extra working day</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="164"/>
        <source>Căn cứ, ví dụ Quyết định số …</source>
        <translation>Basis, e.g. Decision no. …</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="165"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="167"/>
        <source>Xóa ngày đã chọn</source>
        <translation>Remove selected day</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="186"/>
        <source>(máy in mặc định của Windows/hệ thống)</source>
        <translation>(the system&apos;s default printer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="192"/>
        <source>Khổ A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="193"/>
        <source>Giấy cuộn 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="195"/>
        <source>In hai liên biên nhận trên một trang A4</source>
        <translation>Print both receipt copies on one A4 page</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="203"/>
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="204"/>
        <source>Khổ giấy biên nhận</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="206"/>
        <source>Số điện thoại in trên phiếu</source>
        <translation>Phone printed on slips</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="208"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="215"/>
        <source>Địa chỉ máy chủ đồng bộ</source>
        <translation>Sync server address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="217"/>
        <source>Trang tra cứu công khai</source>
        <translation>Public look-up page</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="218"/>
        <source>để trống: dùng địa chỉ máy chủ</source>
        <translation>empty: use the server address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="219"/>
        <source>Mã BIN ngân hàng</source>
        <translation>Bank BIN</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="220"/>
        <source>Số tài khoản nhận phí</source>
        <translation>Fee account number</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="222"/>
        <source>Tên tài khoản</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="230"/>
        <source>Khóa màn hình sau</source>
        <translation>Lock the screen after</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="231"/>
        <source> phút không thao tác</source>
        <translation> idle minutes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="232"/>
        <source>Số lần đăng nhập sai tối đa</source>
        <translation>Failed sign-ins allowed</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="233"/>
        <source> lần</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="234"/>
        <source>Thời gian khóa tài khoản</source>
        <translation>Account lock time</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="235"/>
        <source> phút</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="261"/>
        <source>Quầy số {n} (số thứ tự {a}–{b} mỗi ngày)</source>
        <translation>Counter {n} (numbers {a}–{b} each day)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="288"/>
        <source>Bạn có quyền quản trị: được sửa mọi thiết lập.</source>
        <translation>You are an administrator: every setting can be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="291"/>
        <source>Chỉ quản trị được sửa thông tin cơ quan, giờ làm việc, máy chủ và bảo mật; bạn được chỉnh phần in ấn và ngôn ngữ của quầy này.</source>
        <translation>Only an administrator changes the office, working hours, server and security settings; you can set this counter&apos;s printing and language.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="332"/>
        <source>Đang lưu thiết lập…</source>
        <translation>Saving settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="337"/>
        <source>Đã lưu thiết lập.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="339"/>
        <source>Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
        <translation>The new language applies when the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="356"/>
        <source>Chọn một ngày trong bảng để xóa.</source>
        <translation>Select a day in the table to remove.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/sign_in.py" line="39"/>
        <source>Đăng nhập MotCua Desk</source>
        <translation>Sign in to MotCua Desk</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="50"/>
        <source>ví dụ: canbo1</source>
        <translation>e.g. canbo1</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="54"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="55"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="57"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="62"/>
        <source>Đăng nhập không cần mạng. Sai mật khẩu nhiều lần, tài khoản sẽ tạm khóa.</source>
        <translation>Signing in works offline. Repeated wrong passwords lock the account for a while.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="87"/>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="92"/>
        <source>Đang đăng nhập…</source>
        <translation>Signing in…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_page.py" line="19"/>
        <source>Đồng bộ với máy chủ</source>
        <translation>Sync with the server</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="21"/>
        <source>Mọi hồ sơ được lưu ngay trên máy này và làm việc được khi mất mạng. Chức năng gửi hồ sơ lên máy chủ trung tâm sẽ có trong bản cập nhật tới; các thay đổi đang chờ sẽ được gửi đi khi chức năng này hoạt động.</source>
        <translation>Every dossier is stored on this computer at once, and work goes on without a network. Sending dossiers to the central server comes in the next update; the changes waiting here will be sent then.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="34"/>
        <source>chưa cấu hình</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="35"/>
        <source>chưa có</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="37"/>
        <source>Máy chủ: {server}
Thay đổi chờ gửi: {n}
Đồng bộ lần cuối: {last}</source>
        <translation>Server: {server}
Changes waiting: {n}
Last sync: {last}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="33"/>
        <source>Đã xảy ra lỗi không mong muốn; thao tác chưa được thực hiện. Chi tiết đã được ghi vào nhật ký.</source>
        <translation>Something unexpected went wrong; nothing was done. The details are in the log file.</translation>
    </message>
</context>
<context>
    <name>print_preview</name>
    <message>
        <location filename="../../ui/print_preview.py" line="163"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
</context>
</TS>
