<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="50"/>
        <source>Cá nhân</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="51"/>
        <source>Tổ chức</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="52"/>
        <source>12 số CCCD, hoặc quét mã QR trên thẻ</source>
        <translation>12-digit ID number, or scan the card&apos;s QR code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="54"/>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="58"/>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="59"/>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="63"/>
        <location filename="../../ui/widgets/applicant_form.py" line="140"/>
        <source>Số CCCD</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="81"/>
        <source>Đối tượng</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="83"/>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="84"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="85"/>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="86"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="87"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="88"/>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="101"/>
        <source>Dùng thông tin đã lưu</source>
        <translation>Use saved details</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="140"/>
        <source>Mã số thuế</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/applicant_form.py" line="174"/>
        <source>Người nộp đã có trong hệ thống: {name}{details}.</source>
        <translation>Returning applicant: {name}{details}.</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="45"/>
        <source>Mọi cán bộ</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="49"/>
        <source>Mọi thao tác</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="51"/>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="57"/>
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="60"/>
        <location filename="../../ui/screens/audit_tab.py" line="79"/>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="62"/>
        <location filename="../../ui/screens/audit_tab.py" line="80"/>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="66"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="78"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="81"/>
        <source>Đối tượng</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="82"/>
        <source>Chi tiết</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="111"/>
        <source>Đang đọc nhật ký…</source>
        <translation>Reading the audit log…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="119"/>
        <source>{n} mục khớp</source>
        <translation>{n} entries match</translation>
    </message>
    <message>
        <location filename="../../ui/screens/audit_tab.py" line="121"/>
        <source> (hiện {shown} mục mới nhất)</source>
        <translation> (showing the newest {shown})</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="42"/>
        <source>Nơi sao lưu</source>
        <translation>Backup locations</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="48"/>
        <source>Bản sao lưu hằng ngày</source>
        <translation>Daily backups</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="49"/>
        <source>Nơi sao lưu thứ hai (USB, thư mục mạng)</source>
        <translation>Second destination (USB drive, network folder)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="53"/>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="56"/>
        <source>Kiểm tra bản đã chọn</source>
        <translation>Check the selected backup</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="59"/>
        <source>Tải lại danh sách</source>
        <translation>Reload the list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="70"/>
        <source>Tạo lúc</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="71"/>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="72"/>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="73"/>
        <source>Tệp số hóa</source>
        <translation>Scanned files</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="74"/>
        <source>Tệp sao lưu</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="118"/>
        <source>Đang sao lưu và kiểm tra bản sao lưu…</source>
        <translation>Backing up and checking the backup…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="125"/>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="130"/>
        <source>Đã sao lưu và kiểm tra: {file} ({files} tệp số hóa kèm theo).</source>
        <translation>Backed up and checked: {file} (with {files} scanned files).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="134"/>
        <source>Đã chép sang nơi thứ hai.</source>
        <translation>Copied to the second destination.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="136"/>
        <source>Không chép được sang nơi thứ hai ({error}).</source>
        <translation>Could not copy to the second destination ({error}).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="153"/>
        <source>Chọn một bản sao lưu trong danh sách để kiểm tra.</source>
        <translation>Select a backup in the list to check it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="162"/>
        <source>Đang kiểm tra bản sao lưu…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="168"/>
        <source>Bản sao lưu tốt: {file}</source>
        <translation>The backup is good: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/backup_tab.py" line="171"/>
        <source>Bản sao lưu không dùng được.</source>
        <translation>The backup cannot be used.</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../ui/capture/camera.py" line="60"/>
        <source>Bật máy ảnh</source>
        <translation>Turn camera on</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="64"/>
        <source>Chụp (F6)</source>
        <translation>Capture (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="124"/>
        <source>Chụp trang đang đặt dưới máy ảnh (F6)</source>
        <translation>Capture the page under the camera (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="126"/>
        <source>Đặt trang dưới máy ảnh, bật máy ảnh rồi chụp.</source>
        <translation>Put the page under the camera, turn the camera on, then capture.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="130"/>
        <source>Không tìm thấy máy ảnh nào trên máy tính này; hãy cắm webcam hoặc máy chụp tài liệu.</source>
        <translation>No camera was found on this computer; plug in a webcam or a document camera.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="169"/>
        <source>Máy ảnh đang bật.</source>
        <translation>The camera is on.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="219"/>
        <source>anh-chup-{n}.jpg</source>
        <translation>photo-{n}.jpg</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="221"/>
        <source>Đã chụp; đang đưa vào khay…</source>
        <translation>Captured; adding to the tray…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/camera.py" line="224"/>
        <source>Máy ảnh báo lỗi: {why}</source>
        <translation>The camera reported an error: {why}</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../ui/capture/dialog.py" line="94"/>
        <location filename="../../ui/capture/dialog.py" line="120"/>
        <source>Số hóa hồ sơ {code}</source>
        <translation>Digitize dossier {code}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="131"/>
        <source>Thành phần</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="140"/>
        <source>Màu khi lưu</source>
        <translation>Colour when saved</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="144"/>
        <source>Tự động</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="145"/>
        <source>Màu</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="146"/>
        <source>Xám</source>
        <translation>Grey</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="147"/>
        <source>Đen trắng</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="152"/>
        <source>Tự động: giữ màu khi trang có dấu đỏ, chữ ký màu; trang chỉ có chữ lưu đen trắng.</source>
        <translation>Automatic: colour is kept for red stamps and coloured signatures; text-only pages are saved black and white.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="172"/>
        <source>Tệp</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="173"/>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="174"/>
        <source>Máy ảnh</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="175"/>
        <source>Dùng lại</source>
        <translation>Reuse</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="195"/>
        <source>Chụp lại trang này</source>
        <translation>Re-take this page</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="197"/>
        <source>Trang chụp hoặc quét tiếp theo sẽ thay trang đang chọn</source>
        <translation>The next page captured or scanned replaces the selected one</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="215"/>
        <location filename="../../ui/capture/saving.py" line="110"/>
        <source>Đang lưu %v/%m trang</source>
        <translation>Saving page %v of %m</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="217"/>
        <source>Hủy lưu</source>
        <translation>Cancel saving</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="220"/>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="226"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="297"/>
        <source>dùng lại</source>
        <translation>reused</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="299"/>
        <source>đã số hóa</source>
        <translation>digitized</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="301"/>
        <source>chưa số hóa</source>
        <translation>not digitized</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="307"/>
        <source>Kết quả giải quyết (bản số hóa kèm hồ sơ)</source>
        <translation>Result (digitized copy kept with the dossier)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="322"/>
        <source>Kết quả giải quyết</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="333"/>
        <source>Thành phần này đang dùng lại tệp của hồ sơ trước; lưu sẽ thay bằng bản mới.</source>
        <translation>This component reuses a file from an earlier dossier; saving replaces it with the new capture.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="336"/>
        <source>Thành phần này đã được số hóa; lưu lần nữa sẽ thay bản đã lưu.</source>
        <translation>This component is already digitized; saving again replaces the stored file.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="364"/>
        <source>Đang đọc tệp…</source>
        <translation>Reading files…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="390"/>
        <source>Đã thay trang {n}.</source>
        <translation>Page {n} replaced.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="403"/>
        <source>Trang {n} sẽ được thay bằng trang chụp hoặc quét tiếp theo.</source>
        <translation>Page {n} will be replaced by the next page captured or scanned.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="420"/>
        <source>{n} trang</source>
        <translation>Pages: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="422"/>
        <source>{n} trang có cảnh báo</source>
        <translation>Warnings on {n} page(s)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="448"/>
        <source>Khay trống. Thêm tệp, quét hoặc chụp các trang theo đúng thứ tự; kéo thả để đổi thứ tự, Ctrl+↑/↓ để đưa trang lên hoặc xuống, Del để xóa.</source>
        <translation>The tray is empty. Add files, scan or photograph the pages in order; drag to reorder, Ctrl+↑/↓ to move a page earlier or later, Del to delete.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/saving.py" line="50"/>
        <source>Khay chưa có trang nào để lưu.</source>
        <translation>The tray has no pages to save.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/saving.py" line="55"/>
        <source>Chưa chọn thành phần hồ sơ.</source>
        <translation>No component is selected.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/saving.py" line="73"/>
        <source>Đang lưu bản số hóa kết quả…</source>
        <translation>Saving the digitized result…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/saving.py" line="89"/>
        <source>Đang lưu bản số hóa…</source>
        <translation>Saving the digitized copy…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/saving.py" line="99"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/saving.py" line="119"/>
        <source>Đã lưu thành phần {n} ({pages} trang, {dpi} dpi).</source>
        <translation>Component {n} saved ({pages} page(s), {dpi} dpi).</translation>
    </message>
    <message>
        <location filename="../../ui/capture/saving.py" line="133"/>
        <source>Đã lưu bản số hóa kết quả ({pages} trang).</source>
        <translation>Digitized result saved ({pages} pages).</translation>
    </message>
    <message>
        <location filename="../../ui/capture/saving.py" line="144"/>
        <source>Đã hủy lưu; các trang vẫn còn trong khay.</source>
        <translation>Saving cancelled; the pages are still in the tray.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/saving.py" line="148"/>
        <source>Chưa lưu được: {why}</source>
        <translation>Not saved: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="458"/>
        <source>Thành phần {n} dùng lại tệp của hồ sơ {origin}.</source>
        <translation>Component {n} reuses the file of dossier {origin}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/text_layer.py" line="61"/>
        <source>Đã nhận dạng chữ (OCR) hồ sơ {code}, thành phần {n}: tệp đã tìm kiếm được.</source>
        <translation>Text recognised (OCR) for dossier {code}, component {n}: the file is now searchable.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/text_layer.py" line="77"/>
        <source>Không nhận dạng được chữ (OCR) hồ sơ {code}, thành phần {n}: {why}</source>
        <translation>Text recognition (OCR) failed for dossier {code}, component {n}: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/text_layer.py" line="83"/>
        <source>Không nhận dạng được chữ (OCR) hồ sơ {code}, thành phần {n}; bản số hóa chỉ có ảnh vẫn được giữ.</source>
        <translation>Text recognition (OCR) failed for dossier {code}, component {n}; the image-only copy is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/text_layer.py" line="103"/>
        <source>Đang nhận dạng chữ…</source>
        <translation>Recognising text…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/text_layer.py" line="111"/>
        <source>Đang nhận dạng chữ (OCR) thành phần {n} ở chế độ nền; có thể làm tiếp.</source>
        <translation>Recognising text (OCR) of component {n} in the background; you can carry on.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/text_layer.py" line="126"/>
        <source>Đã nhận dạng chữ (OCR) thành phần {n}; tệp đã tìm kiếm được.</source>
        <translation>Text recognised (OCR) for component {n}; the file is now searchable.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/dialog.py" line="481"/>
        <source>Đang dừng lưu…</source>
        <translation>Stopping the save…</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="54"/>
        <source>Tìm theo tên (không dấu) hoặc mã</source>
        <translation>Search by name (diacritics optional) or code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="56"/>
        <source>Nhập từ Excel…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="76"/>
        <source>vd: 05 ngày làm việc</source>
        <translation>e.g. 05 working days</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="80"/>
        <source>không</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="83"/>
        <source>vd: 50.000 đồng hoặc 2.000 đồng/trang …</source>
        <translation>e.g. 50.000 đồng or 2.000 đồng/page …</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="84"/>
        <source>Nhận sau 15 giờ tính từ ngày làm việc sau</source>
        <translation>Received after 15:00 counts from the next working day</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="88"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="89"/>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="90"/>
        <source>Tối đa khi cần xác minh</source>
        <translation>Maximum when verification is needed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="91"/>
        <source>Phí, lệ phí</source>
        <translation>Fees and charges</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="93"/>
        <source>Nơi trả kết quả</source>
        <translation>Where the result is collected</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="97"/>
        <source>https://… (mã QR trên tờ hướng dẫn thủ tục dẫn tới trang này)</source>
        <translation>https://… (the QR code on the procedure guide leads to this page)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="99"/>
        <source>Trang trên Cổng DVC quốc gia</source>
        <translation>Page on the National Public Service Portal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="101"/>
        <source>Lưu thủ tục</source>
        <translation>Save procedure</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="105"/>
        <source>Thành phần hồ sơ…</source>
        <translation>Components…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="108"/>
        <source>Đối tượng miễn, giảm phí…</source>
        <translation>Fee exemptions…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="150"/>
        <source>theo trang/bản</source>
        <translation>per page/copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="202"/>
        <location filename="../../ui/screens/catalogue.py" line="229"/>
        <location filename="../../ui/screens/catalogue.py" line="259"/>
        <source>Chọn một thủ tục trong bảng.</source>
        <translation>Select a procedure in the table.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="213"/>
        <location filename="../../ui/screens/catalogue.py" line="301"/>
        <source>Đang lưu thủ tục…</source>
        <translation>Saving the procedure…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="218"/>
        <source>Đã lưu thủ tục </source>
        <translation>Procedure saved </translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="241"/>
        <source>Tên thành phần hồ sơ</source>
        <translation>Component name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="242"/>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="243"/>
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="244"/>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="247"/>
        <source>Thành phần hồ sơ</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="249"/>
        <source>Thành phần hồ sơ của thủ tục {code}, theo thứ tự in trên giấy tiếp nhận. Hồ sơ đã nhận giữ nguyên thành phần của mình.</source>
        <translation>Components of procedure {code}, in the order printed on the receipt. Dossiers already received keep their own components.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="262"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="263"/>
        <source>Đối tượng được miễn, giảm</source>
        <translation>Exempted or reduced</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="266"/>
        <source>Đối tượng miễn, giảm phí, lệ phí</source>
        <translation>Fee exemptions and reductions</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="268"/>
        <source>Đối tượng cán bộ chọn khi tiếp nhận hồ sơ thủ tục {code} (ví dụ: hộ nghèo, người có công, trẻ em).</source>
        <translation>Categories the clerk chooses when receiving a dossier of procedure {code} (e.g. poor households, people with merit, children).</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="308"/>
        <source>Chọn danh mục thủ tục</source>
        <translation>Choose the procedure list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="308"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="321"/>
        <source>Đang nhập danh mục…</source>
        <translation>Importing the catalogue…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/catalogue.py" line="325"/>
        <source>Đã nhập {0} thủ tục mới, cập nhật {1}; {2} chỗ cần xem lại.</source>
        <translation>Imported {0} new procedures, updated {1}; {2} places to check.</translation>
    </message>
</context>
<context>
    <name>ComponentsTable</name>
    <message>
        <location filename="../../ui/widgets/components_table.py" line="39"/>
        <source>Thành phần hồ sơ (* bắt buộc)</source>
        <translation>Component (* required)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/components_table.py" line="40"/>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/components_table.py" line="41"/>
        <source>Bản sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/components_table.py" line="42"/>
        <source>Số trang/bản</source>
        <translation>Pages/copy</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/components_table.py" line="84"/>
        <source>Thành phần chưa được xác minh trong CSDL quốc gia</source>
        <translation>Component not confirmed in the national database</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/components_table.py" line="144"/>
        <source>Thành phần %1: nhập số trang mỗi bản để tính lệ phí.</source>
        <translation>Component %1: enter the pages per copy to work out the fee.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/components_table.py" line="155"/>
        <source>Nhập số trang mỗi bản để tính lệ phí</source>
        <translation>Enter the pages per copy to work out the fee</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/components_table.py" line="157"/>
        <source>Không thu lệ phí</source>
        <translation>No fee</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <location filename="../../ui/screens/customer.py" line="132"/>
        <source>Đánh giá mức độ hài lòng</source>
        <translation>Satisfaction rating</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="206"/>
        <source>Chạm vào một nút, hoặc bấm phím 1, 2, 3 trên bàn phím số.
Đánh giá là ẩn danh: cán bộ không xem được đánh giá của từng người.</source>
        <translation>Touch a button, or press 1, 2 or 3 on the numeric keypad.
Ratings are anonymous: officers cannot see any one person&apos;s rating.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="213"/>
        <source>Gửi đánh giá</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="224"/>
        <source>Hoặc quét mã để đánh giá
trên điện thoại</source>
        <translation>Or scan the code to rate
on your phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="300"/>
        <source>Chuẩn bị màn hình đánh giá…</source>
        <translation>Preparing the rating screen…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="311"/>
        <source>Ông/bà hài lòng thế nào với việc tiếp nhận hồ sơ?</source>
        <translation>How satisfied are you with how your dossier was received?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="313"/>
        <source>Ông/bà hài lòng thế nào với việc trả kết quả?</source>
        <translation>How satisfied are you with how your result was handed over?</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="316"/>
        <source>Hồ sơ {code}</source>
        <translation>Dossier {code}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="317"/>
        <source>Đánh giá chung</source>
        <translation>Overall</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="387"/>
        <source>Đang ghi nhận đánh giá…</source>
        <translation>Recording the rating…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="392"/>
        <source>Cảm ơn ông/bà đã đánh giá!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <location filename="../../ui/screens/customer.py" line="398"/>
        <source>Chưa ghi nhận được đánh giá.</source>
        <translation>The rating could not be recorded.</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <location filename="../../ui/shell/daily_backup.py" line="61"/>
        <source>Đang sao lưu hằng ngày…</source>
        <translation>Making the daily backup…</translation>
    </message>
</context>
<context>
    <name>DossierDetail</name>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="134"/>
        <location filename="../../ui/widgets/dossier_detail.py" line="292"/>
        <source>Chọn một hồ sơ để xem chi tiết</source>
        <translation>Select a dossier to see its details</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="147"/>
        <source>Thành phần</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="147"/>
        <source>Chính</source>
        <translation>Orig.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="147"/>
        <source>Sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="147"/>
        <source>Số hóa</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="162"/>
        <source>Thành phần hồ sơ</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="164"/>
        <source>Quá trình xử lý</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="181"/>
        <source>Lý do / ghi chú</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="184"/>
        <source>Giấy tờ cần bổ sung, ví dụ: 2, Giấy ủy quyền</source>
        <translation>Papers to supplement, e.g. 2, Power of attorney</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="186"/>
        <source>Số thứ tự thành phần hoặc tên giấy tờ, cách nhau bằng dấu phẩy</source>
        <translation>Component numbers or paper names, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="196"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="197"/>
        <source>Từ chối</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="198"/>
        <source>Chuyển xử lý</source>
        <translation>Send for processing</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="199"/>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="200"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="214"/>
        <source>Đã bổ sung xong</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="215"/>
        <source>Gia hạn…</source>
        <translation>Extend…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="216"/>
        <source>Đã nộp phí…</source>
        <translation>Fee paid…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="217"/>
        <source>Dừng xử lý…</source>
        <translation>Stop processing…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="218"/>
        <source>Rút hồ sơ…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="219"/>
        <source>Hủy hồ sơ…</source>
        <translation>Cancel dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="227"/>
        <source>Hủy hồ sơ nhập nhầm (chỉ lãnh đạo bộ phận)</source>
        <translation>Cancel a dossier entered by mistake (supervisors only)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="232"/>
        <source>In lại…</source>
        <translation>Reprint…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="236"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and appointment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="237"/>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control sheet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="246"/>
        <source>khổ A4</source>
        <translation>A4 sheet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="246"/>
        <source>cuộn 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="248"/>
        <source>{form} — {paper}</source>
        <translation>{form} — {paper}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="267"/>
        <source>Đang tải hồ sơ {code}…</source>
        <translation>Loading dossier {code}…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="276"/>
        <source>Đang tải hồ sơ…</source>
        <translation>Loading the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="315"/>
        <source>ĐÃ HỦY (nhập nhầm)</source>
        <translation>CANCELLED (entered by mistake)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="317"/>
        <source>QUÁ HẠN</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="324"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="325"/>
        <source>Số CCCD/MST</source>
        <translation>ID number / tax code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="326"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="327"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="328"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="329"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="330"/>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="331"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="333"/>
        <source>Hẹn ban đầu</source>
        <translation>First appointment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="338"/>
        <source>Đã trả</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="340"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="342"/>
        <source> (đã nộp)</source>
        <translation> (paid)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="342"/>
        <source> (chưa nộp)</source>
        <translation> (not paid)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="348"/>
        <location filename="../../ui/widgets/dossier_detail.py" line="360"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="349"/>
        <source>Máy chủ từ chối: {reason}</source>
        <translation>Refused by the server: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="367"/>
        <source>Tái sử dụng</source>
        <translation>Reused</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="369"/>
        <source>Đã số hóa</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="369"/>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="430"/>
        <source>Thao tác trên hồ sơ &lt;b&gt;{code}&lt;/b&gt;:</source>
        <translation>Actions on dossier &lt;b&gt;{code}&lt;/b&gt;:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="434"/>
        <source>In lại {code}…</source>
        <translation>Print {code} again…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="453"/>
        <source>Bấm lần nữa: {action}</source>
        <translation>Click again: {action}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="457"/>
        <source>Thao tác này không hoàn tác được. Bấm “{action}” lần nữa trong {s} giây để áp dụng cho hồ sơ {code}.</source>
        <translation>This cannot be undone. Click “{action}” again within {s} seconds to apply it to dossier {code}.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="490"/>
        <location filename="../../ui/widgets/dossier_detail.py" line="531"/>
        <source>Đang cập nhật hồ sơ…</source>
        <translation>Updating the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="498"/>
        <location filename="../../ui/widgets/dossier_detail.py" line="538"/>
        <source>Đã cập nhật hồ sơ {code}: {status}</source>
        <translation>Dossier {code} updated: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="561"/>
        <source>Số hóa lại thành phần này…</source>
        <translation>Digitize this component again…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="563"/>
        <source>Số hóa…</source>
        <translation>Digitize…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="564"/>
        <source>Quét, chụp hoặc thêm tệp cho thành phần này</source>
        <translation>Scan, photograph or add files for this component</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_detail.py" line="600"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="60"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="61"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="62"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="63"/>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="64"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="65"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="110"/>
        <source>Đang tải danh sách hồ sơ…</source>
        <translation>Loading dossiers…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="168"/>
        <source>Máy chủ từ chối hồ sơ này: {reason}</source>
        <translation>The server refused this dossier: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="177"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dossier_model.py" line="179"/>
        <source>Sắp đến hạn (trong 2 ngày)</source>
        <translation>Due within 2 days</translation>
    </message>
</context>
<context>
    <name>DossiersPage</name>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="80"/>
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="90"/>
        <source>Mọi thủ tục</source>
        <translation>Any procedure</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="93"/>
        <source>Tiếp nhận từ</source>
        <translation>Received from</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="101"/>
        <location filename="../../ui/screens/dossiers.py" line="223"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="105"/>
        <source>Hồ sơ đang giải quyết đã quá hạn hẹn, và hồ sơ đã có kết quả nhưng trễ hạn (không tính hồ sơ đã hủy)</source>
        <translation>Dossiers still in progress past their appointment, and dossiers resolved late (cancelled ones not counted)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="109"/>
        <source>Sắp đến hạn ({n} ngày)</source>
        <translation>Due within {n} days</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="111"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="113"/>
        <source>Lọc:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="121"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="128"/>
        <source>In danh sách</source>
        <translation>Print the list</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="130"/>
        <source>In danh sách hồ sơ đang lọc (khổ A4 ngang)</source>
        <translation>Print the filtered list of dossiers (A4 landscape)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="136"/>
        <source>In sổ theo dõi</source>
        <translation>Print the log book</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="139"/>
        <source>Sổ theo dõi hồ sơ của các ngày đang lọc (hoặc hôm nay)</source>
        <translation>The log book of the filtered days (or of today)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="178"/>
        <source>Màu đỏ: quá hạn · màu vàng: sắp đến hạn trong {n} ngày · ⚠ chữ đỏ: máy chủ từ chối (rê chuột để xem lý do)</source>
        <translation>Red: overdue · yellow: due within {n} days · ⚠ red text: refused by the server (hover for the reason)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="217"/>
        <source>Hôm nay:</source>
        <translation>Today:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="221"/>
        <source>Đã tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="222"/>
        <source>Đến hạn trả</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="224"/>
        <source>Chờ bổ sung</source>
        <translation>Waiting for supplements</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="225"/>
        <source>Có kết quả, chờ trả</source>
        <translation>Result ready to hand over</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="226"/>
        <source>Chờ đồng bộ</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="227"/>
        <source>PAKN quá hạn</source>
        <translation>Feedback overdue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="228"/>
        <source>PAKN sắp đến hạn</source>
        <translation>Feedback due soon</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="236"/>
        <source>Mở sổ phản ánh, kiến nghị (PAKN)</source>
        <translation>Open the feedback register</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="238"/>
        <source>Mở danh sách hồ sơ này</source>
        <translation>Open this list of dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="366"/>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="369"/>
        <source>Xuất danh sách hồ sơ</source>
        <translation>Export the list of dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="366"/>
        <source>Bảng tính Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="131"/>
        <source>Xuất tệp…</source>
        <translation>Export to a file…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="133"/>
        <source>Lưu danh sách đang lọc thành tệp Excel hoặc PDF</source>
        <translation>Save the filtered list as an Excel workbook or a PDF</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="390"/>
        <source>Danh sách hồ sơ</source>
        <translation>List of dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="393"/>
        <source>Đang lập danh sách…</source>
        <translation>Making the list…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="399"/>
        <source>Đã xuất danh sách ra {path}.</source>
        <translation>List exported to {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="416"/>
        <source>Sổ theo dõi hồ sơ</source>
        <translation>Dossier log book</translation>
    </message>
    <message>
        <location filename="../../ui/screens/dossiers.py" line="419"/>
        <source>Đang lập sổ theo dõi…</source>
        <translation>Making the log book…</translation>
    </message>
</context>
<context>
    <name>EnrolmentBox</name>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="42"/>
        <source>Máy chủ đồng bộ</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="45"/>
        <source>Đang đọc trạng thái đăng ký…</source>
        <translation>Reading the enrolment state…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="60"/>
        <source>mã dùng một lần do quản trị máy chủ cấp</source>
        <translation>one-time code from the server&apos;s administrator</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="61"/>
        <source>Đăng ký</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="71"/>
        <source>Địa chỉ máy chủ</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="73"/>
        <source>Mã đăng ký</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="76"/>
        <source>Quản trị máy chủ in mã bằng lệnh “python -m server admin enroll-station”. Sau khi đăng ký, quầy tự gửi hồ sơ lên máy chủ và nhận cập nhật về.</source>
        <translation>The server&apos;s administrator prints the code with “python -m server admin enroll-station”. Once enrolled, the station sends its dossiers to the server and receives updates by itself.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="96"/>
        <source>Quầy chưa đăng ký: hồ sơ chỉ lưu trên máy này.</source>
        <translation>Not enrolled: dossiers are kept on this computer only.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="100"/>
        <source>Đã đăng ký: quầy số {n} của cơ quan {office} với máy chủ {url}</source>
        <translation>Enrolled: station {n} of office {office} with server {url}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="118"/>
        <source>Đang đăng ký với máy chủ…</source>
        <translation>Enrolling with the server…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/enrolment_box.py" line="126"/>
        <source>Đã đăng ký quầy với máy chủ; đồng bộ bắt đầu.</source>
        <translation>The station is enrolled with the server; syncing starts.</translation>
    </message>
</context>
<context>
    <name>FeePaidBox</name>
    <message>
        <location filename="../../ui/widgets/fee_paid_box.py" line="26"/>
        <source>Đã thu lệ phí</source>
        <translation>Fee paid</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_paid_box.py" line="31"/>
        <source>Hình thức nộp</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/fee_paid_box.py" line="83"/>
        <source>Chọn hình thức công dân đã nộp phí, lệ phí.</source>
        <translation>Choose how the citizen paid the fee.</translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message>
        <location filename="../../ui/screens/feedback.py" line="242"/>
        <location filename="../../ui/screens/feedback.py" line="411"/>
        <source>Chọn một phản ánh trong sổ để xem chi tiết.</source>
        <translation>Select an item of the register to see it.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="274"/>
        <source>Ghi trả lời</source>
        <translation>Record answer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="180"/>
        <source>Hiển thị:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="336"/>
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="347"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="277"/>
        <source>In lại phiếu tiếp nhận có mã QR tra cứu</source>
        <translation>Print the acknowledgement with its status QR again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="266"/>
        <source>Từ chối tiếp nhận (ghi lý do)</source>
        <translation>Refuse (give the reason)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="267"/>
        <source>Chuyển cơ quan có thẩm quyền (ghi nơi nhận)</source>
        <translation>Forward to the competent body (name it)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="276"/>
        <source>In phiếu tiếp nhận</source>
        <translation>Print acknowledgement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="279"/>
        <source>In trả lời</source>
        <translation>Print answer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="280"/>
        <source>In văn bản trả lời gửi người phản ánh</source>
        <translation>Print the answer letter to the sender</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="288"/>
        <source>Yêu cầu bổ sung thông tin</source>
        <translation>Ask for more information</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="290"/>
        <source>Ghi nội dung ở trên thành yêu cầu người phản ánh bổ sung và in văn bản</source>
        <translation>Record the text above as a request to the sender for more information and print the letter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="293"/>
        <source>Đã nhận thông tin bổ sung</source>
        <translation>Information received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="294"/>
        <source>Hạn trả lời được tính lại từ hôm nay</source>
        <translation>The answer&apos;s deadline is counted again from today</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="340"/>
        <source>Kênh tiếp nhận</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="186"/>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="343"/>
        <source>Nội dung *</source>
        <translation>Content *</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="253"/>
        <source>Nội dung trả lời của cơ quan…</source>
        <translation>The office&apos;s answer…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="514"/>
        <location filename="../../ui/screens/feedback.py" line="625"/>
        <source>Phiếu tiếp nhận phản ánh</source>
        <translation>Feedback acknowledgement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="342"/>
        <source>Phân loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="176"/>
        <source>Sổ tiếp nhận phản ánh, kiến nghị</source>
        <translation>Feedback register</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="339"/>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="189"/>
        <source>Tiếp nhận phản ánh mới</source>
        <translation>New feedback</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="309"/>
        <source>Tiếp nhận phản ánh, kiến nghị</source>
        <translation>Receive feedback</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="249"/>
        <location filename="../../ui/screens/feedback.py" line="265"/>
        <source>Trả lời</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="331"/>
        <source>Tự phân loại theo mã hồ sơ</source>
        <translation>Classify from the dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="345"/>
        <source>Vào sổ và in phiếu tiếp nhận</source>
        <translation>Enter and print acknowledgement</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="554"/>
        <location filename="../../ui/screens/feedback.py" line="625"/>
        <source>Văn bản trả lời phản ánh</source>
        <translation>Feedback answer letter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="341"/>
        <source>Về hồ sơ (mã)</source>
        <translation>About dossier (code)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="578"/>
        <source>Văn bản đề nghị bổ sung thông tin</source>
        <translation>Request for more information</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="581"/>
        <source>Đang ghi yêu cầu bổ sung…</source>
        <translation>Recording the request…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="585"/>
        <source>Đã ghi yêu cầu bổ sung thông tin.</source>
        <translation>Request for more information recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="603"/>
        <source>Đang ghi nhận thông tin bổ sung…</source>
        <translation>Recording the information received…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="608"/>
        <source>Đã ghi nhận thông tin bổ sung; hạn trả lời mới: {date}</source>
        <translation>Information received recorded; new answer deadline: {date}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="638"/>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the print…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="557"/>
        <source>Đang ghi trả lời…</source>
        <translation>Recording the answer…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="517"/>
        <source>Đang vào sổ…</source>
        <translation>Entering…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="338"/>
        <source>Điện thoại *</source>
        <translation>Phone *</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="561"/>
        <source>Đã ghi câu trả lời.</source>
        <translation>Answer recorded.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="524"/>
        <source>Đã vào sổ phản ánh {code}; hạn trả lời {due}.</source>
        <translation>Feedback {code} entered; answer due {due}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="337"/>
        <source>Địa chỉ *</source>
        <translation>Address *</translation>
    </message>
    <message>
        <location filename="../../ui/screens/feedback.py" line="223"/>
        <source>Hạn tính theo ngày làm việc trên lịch của cơ quan (Nghị định 20/2008/NĐ-CP). Màu đỏ: quá hạn · màu vàng: còn hai ngày làm việc trở xuống.</source>
        <translation>Deadlines in working days on the office calendar (Decree 20/2008/ND-CP). Red: overdue · yellow: two working days or fewer left.</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../ui/capture/sources.py" line="109"/>
        <source>Thêm tệp… (Ctrl+O)</source>
        <translation>Add files… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="114"/>
        <source>Ảnh JPEG, PNG, TIFF nhiều trang hoặc tệp PDF. Có thể kéo thả tệp vào khay.</source>
        <translation>JPEG, PNG, multi-page TIFF or PDF files. Files can also be dropped onto the tray.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="120"/>
        <source>Thư mục máy quét lưu tệp</source>
        <translation>Folder the scanner saves into</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="126"/>
        <source>chưa chọn thư mục</source>
        <translation>no folder chosen</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="127"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="134"/>
        <location filename="../../ui/capture/sources.py" line="192"/>
        <source>Theo dõi thư mục</source>
        <translation>Watch the folder</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="153"/>
        <source>Chọn ảnh hoặc tệp PDF</source>
        <translation>Choose images or PDF files</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="156"/>
        <source>Ảnh và PDF ({types})</source>
        <translation>Images and PDF ({types})</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="156"/>
        <source>Mọi tệp (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="166"/>
        <source>Chọn thư mục máy quét lưu tệp</source>
        <translation>Choose the folder the scanner saves into</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="192"/>
        <source>Đang theo dõi — bấm để dừng</source>
        <translation>Watching — click to stop</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="198"/>
        <source>Đã dừng theo dõi.</source>
        <translation>Stopped watching.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="205"/>
        <source>Chưa chọn thư mục để theo dõi.</source>
        <translation>No folder is chosen to watch.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="208"/>
        <source>Đang mở thư mục…</source>
        <translation>Opening the folder…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="226"/>
        <source>Đang theo dõi: tệp mới lưu vào thư mục sẽ vào khay.</source>
        <translation>Watching: new files saved into the folder go to the tray.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="228"/>
        <source>Đã nhận {n} tệp.</source>
        <translation>Files received: {n}.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="43"/>
        <source>Thiết lập lần đầu</source>
        <translation>First-time set-up</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="46"/>
        <source>Thư mục dữ liệu {path} chưa có cơ quan. Nhập thông tin cơ quan, số quầy và tài khoản quản trị.</source>
        <translation>The data folder {path} has no office yet. Enter the office, the counter number and an administrator account.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="67"/>
        <source>Ủy ban nhân dân xã …</source>
        <translation>People&apos;s Committee of … commune</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="68"/>
        <source>Cơ quan cấp trên (dòng đầu văn bản)</source>
        <translation>Parent agency (first line of letterheads)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="69"/>
        <source>Địa danh ghi trên văn bản, ví dụ Hà Nội</source>
        <translation>Place written on documents, e.g. Hà Nội</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="80"/>
        <source>Mã định danh cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="81"/>
        <source>Tên cơ quan</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="82"/>
        <source>Cơ quan cấp trên</source>
        <translation>Parent agency</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="83"/>
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="84"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="85"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="86"/>
        <source>Số quầy</source>
        <translation>Counter number</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="87"/>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="88"/>
        <source>Họ tên quản trị</source>
        <translation>Administrator&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="89"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="90"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="97"/>
        <source>Khởi tạo</source>
        <translation>Set up</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="113"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/first_run.py" line="136"/>
        <source>Đang khởi tạo dữ liệu…</source>
        <translation>Setting up the data folder…</translation>
    </message>
</context>
<context>
    <name>LifeDialog</name>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="93"/>
        <source>Ngày hẹn mới</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="43"/>
        <source>— Chọn hình thức nộp —</source>
        <translation>— Choose how it was paid —</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="102"/>
        <source>Hình thức nộp</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="108"/>
        <source>Bắt buộc: lý do cụ thể</source>
        <translation>Required: a specific reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="108"/>
        <source>Không bắt buộc</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="110"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="110"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="121"/>
        <source>Đóng, không thay đổi</source>
        <translation>Close without changes</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="128"/>
        <source>chưa có</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="131"/>
        <source>Công dân đã bổ sung hồ sơ</source>
        <translation>Citizen supplied the missing papers</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="133"/>
        <source>Hồ sơ {code}: công dân đã nộp đủ giấy tờ bổ sung. Thời hạn giải quyết tính tiếp; thời gian chờ bổ sung không tính vào hạn trả.</source>
        <translation>Dossier {code}: the citizen has supplied all the missing papers. The processing time runs again; the wait for the supplement does not count towards the appointment.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="136"/>
        <source>Ghi nhận đã bổ sung</source>
        <translation>Record the supplement</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="139"/>
        <source>Gia hạn (hẹn lại ngày trả kết quả)</source>
        <translation>Extend (new appointment for the result)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="141"/>
        <source>Hồ sơ {code}, hẹn trả hiện tại: {due}. In Phiếu xin lỗi và hẹn lại ngày trả kết quả. Hẹn lại lần thứ hai cần lãnh đạo bộ phận.</source>
        <translation>Dossier {code}, current appointment: {due}. Prints the letter of apology with the new appointment. A second extension needs a supervisor.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="144"/>
        <source>Gia hạn và in phiếu</source>
        <translation>Extend and print the letter</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="147"/>
        <source>Ghi nhận đã nộp phí, lệ phí</source>
        <translation>Record fees paid</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="149"/>
        <source>Hồ sơ {code}: công dân đã nộp {amount}. Giấy tiếp nhận được in lại với trạng thái đã nộp.</source>
        <translation>Dossier {code}: the citizen has paid {amount}. The receipt is printed again showing it paid.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="152"/>
        <source>Đã nộp phí, in lại giấy</source>
        <translation>Paid, print the receipt again</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="155"/>
        <source>Dừng xử lý hồ sơ</source>
        <translation>Stop processing the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="157"/>
        <source>Hồ sơ {code} chuyển sang “Dừng xử lý” và in Thông báo dừng xử lý. Không hoàn tác được.</source>
        <translation>Dossier {code} moves to “Processing stopped” and the stop notice is printed. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="160"/>
        <source>Dừng xử lý và in thông báo</source>
        <translation>Stop and print the notice</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="163"/>
        <source>Công dân rút hồ sơ</source>
        <translation>Citizen withdraws the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="165"/>
        <source>Hồ sơ {code} chuyển sang “Công dân yêu cầu rút hồ sơ”. Không hoàn tác được.</source>
        <translation>Dossier {code} moves to “Withdrawn at the citizen&apos;s request”. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="167"/>
        <source>Ghi nhận rút hồ sơ</source>
        <translation>Record the withdrawal</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="170"/>
        <source>Hủy hồ sơ nhập nhầm</source>
        <translation>Cancel a dossier entered by mistake</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="172"/>
        <source>Hồ sơ {code} được đánh dấu hủy do nhập nhầm: không xóa, giữ nguyên mã và lịch sử, không còn tính là đang giải quyết. Chỉ lãnh đạo bộ phận được hủy.</source>
        <translation>Dossier {code} is marked cancelled as entered by mistake: nothing is deleted, its code and history stay, and it no longer counts as in progress. Only a supervisor may cancel.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="175"/>
        <source>Hủy hồ sơ</source>
        <translation>Cancel dossier</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="46"/>
        <source>Tiền mặt</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="47"/>
        <source>Chuyển khoản (mã VietQR trên giấy tiếp nhận)</source>
        <translation>Bank transfer (the VietQR code on the receipt)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="48"/>
        <source>Thanh toán trực tuyến qua Cổng Dịch vụ công</source>
        <translation>Online payment on the National Public Service Portal</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="49"/>
        <source>Thẻ qua máy POS</source>
        <translation>Card on the POS terminal</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/life_dialog.py" line="194"/>
        <source>Chọn hình thức công dân đã nộp phí, lệ phí.</source>
        <translation>Choose how the citizen paid the fee.</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../ui/widgets/list_editor.py" line="82"/>
        <source>Thêm dòng</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/list_editor.py" line="83"/>
        <source>Xóa dòng</source>
        <translation>Delete row</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/list_editor.py" line="94"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/list_editor.py" line="96"/>
        <source>Đóng, không lưu</source>
        <translation>Close without saving</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/shell/lock.py" line="114"/>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock.py" line="125"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock.py" line="128"/>
        <source>Đăng nhập tài khoản khác</source>
        <translation>Sign in as someone else</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock.py" line="131"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock.py" line="148"/>
        <source>Cán bộ {name} ({user}) đang đăng nhập. Nhập mật khẩu để tiếp tục làm việc.</source>
        <translation>{name} ({user}) is signed in. Enter the password to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock.py" line="160"/>
        <source>Hãy nhập mật khẩu.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/lock.py" line="172"/>
        <source>Đang kiểm tra mật khẩu…</source>
        <translation>Checking the password…</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <location filename="../../ui/screens/lookup.py" line="61"/>
        <source>Mã hồ sơ, quét mã QR trên giấy tiếp nhận hoặc CCCD, số CCCD, mã số thuế, họ tên…</source>
        <translation>Dossier code, scanned receipt or ID card QR, ID number, tax code, name…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup.py" line="66"/>
        <source>Tra cứu (Enter)</source>
        <translation>Look up (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup.py" line="79"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup.py" line="80"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup.py" line="81"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup.py" line="82"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup.py" line="83"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup.py" line="122"/>
        <source>Đang tra cứu…</source>
        <translation>Looking up…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup.py" line="159"/>
        <source>{n} hồ sơ (tìm theo {kind}: {q})</source>
        <translation>{n} dossier(s) (by {kind}: {q})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/lookup.py" line="175"/>
        <source>Chọn một hồ sơ trong danh sách để in.</source>
        <translation>Select a dossier in the list to print.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="359"/>
        <source>Cơ sở dữ liệu bị hỏng</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="361"/>
        <source>Kiểm tra cơ sở dữ liệu phát hiện trang bị hỏng ({problem}). Đừng tiếp nhận thêm: đóng cửa sổ, chạy “backup list” rồi “restore TỆP” với bản sao lưu gần nhất.</source>
        <translation>The database check found a damaged page ({problem}). Receive nothing more: close the window, run “backup list”, then “restore FILE” with the newest backup.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="406"/>
        <source>Có bản cập nhật {version}</source>
        <translation>Update {version} available</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="409"/>
        <source>Phiên bản {version} đã sẵn sàng trên máy chủ. Cập nhật khi không tiếp nhận: đóng cửa sổ rồi chạy “motcua-desk update apply”; dữ liệu được giữ nguyên.</source>
        <translation>Version {version} is ready on the server. Update when not receiving: close the window and run “motcua-desk update apply”; the data is kept.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="207"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="110"/>
        <location filename="../../ui/shell/main_window.py" line="498"/>
        <source>MotCua Desk — Bộ phận Một cửa</source>
        <translation>MotCua Desk — One-stop counter</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="201"/>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="202"/>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="203"/>
        <source>Tra cứu</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="204"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="205"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="206"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="331"/>
        <source>Cán bộ: {name} ({role})</source>
        <translation>Officer: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="336"/>
        <source>MotCua Desk — {name}</source>
        <translation>MotCua Desk — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="591"/>
        <source>Quầy {n} · {office}</source>
        <translation>Counter {n} · {office}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="611"/>
        <source>{first} (và {n} cảnh báo khác)</source>
        <translation>{first} (+{n} more)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="613"/>
        <source>⚠ {n} cảnh báo</source>
        <translation>⚠ warnings: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="654"/>
        <source>⚠ Còn {n} thay đổi chưa gửi lên máy chủ. Đóng cửa sổ lần nữa để vẫn thoát; các thay đổi được gửi ở lần mở sau.</source>
        <translation>⚠ {n} changes have not reached the server yet. Close the window again to quit anyway; they are sent the next time it opens.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="595"/>
        <source>Chờ đồng bộ: {n}</source>
        <translation>Waiting to sync: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="597"/>
        <source>Còn {size} tệp</source>
        <translation>{size} of files left</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="599"/>
        <source>Tệp đã số hóa chưa tải lên máy chủ</source>
        <translation>Digitized files not yet uploaded to the server</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="601"/>
        <source>chưa có</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="602"/>
        <source>Đồng bộ lần cuối: {t}</source>
        <translation>Last sync: {t}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="208"/>
        <source>Phản ánh</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="386"/>
        <source>Sao lưu {time}: có lỗi</source>
        <translation>Backup {time}: with errors</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="389"/>
        <source>Bản sao lưu trên máy đã tạo, nhưng: {problem}</source>
        <translation>The backup on this PC was made, but: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="392"/>
        <source>Đã sao lưu {time}</source>
        <translation>Backed up {time}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="398"/>
        <source>Chưa sao lưu được hôm nay</source>
        <translation>No backup made today</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="370"/>
        <source>Bản sao lưu mới nhất đã kiểm tra tốt: {file}</source>
        <translation>The newest backup, checked and good: {file}</translation>
    </message>
</context>
<context>
    <name>OfficersTab</name>
    <message>
        <location filename="../../ui/screens/officers.py" line="57"/>
        <source>Mật khẩu của tôi</source>
        <translation>My password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="60"/>
        <source>mật khẩu đang dùng</source>
        <translation>the password in use</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="62"/>
        <source>ít nhất 8 ký tự</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="66"/>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="69"/>
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="72"/>
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="74"/>
        <source>Nhập lại mật khẩu mới</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="79"/>
        <source>Cán bộ của quầy (quản trị)</source>
        <translation>Officers of this station (administrators)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="84"/>
        <location filename="../../ui/screens/officers.py" line="122"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="84"/>
        <location filename="../../ui/screens/officers.py" line="124"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="84"/>
        <location filename="../../ui/screens/officers.py" line="125"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="84"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="96"/>
        <source>mật khẩu mới cho cán bộ đã chọn</source>
        <translation>new password for the selected officer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="98"/>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="100"/>
        <location filename="../../ui/screens/officers.py" line="186"/>
        <source>Khóa tài khoản</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="110"/>
        <source>chữ không dấu, ví dụ canbo2</source>
        <translation>letters without diacritics, e.g. canbo2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="117"/>
        <source>ít nhất 8 ký tự; cán bộ tự đổi sau</source>
        <translation>at least 8 characters; the officer changes it later</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="119"/>
        <source>Thêm cán bộ</source>
        <translation>Add officer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="127"/>
        <source>Mật khẩu ban đầu</source>
        <translation>First password</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="161"/>
        <source>Đã khóa</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="163"/>
        <source>Tạm khóa (đăng nhập sai)</source>
        <translation>Locked for a while (wrong passwords)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="165"/>
        <source>Đang hoạt động</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="186"/>
        <source>Mở lại</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="206"/>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="212"/>
        <source>Hai lần nhập mật khẩu mới không khớp.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="219"/>
        <source>Đã đổi mật khẩu của bạn.</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="238"/>
        <source>Đã thêm cán bộ {name}.</source>
        <translation>Officer {name} added.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="256"/>
        <source>Đã đặt lại mật khẩu cho {name}.</source>
        <translation>Password of {name} reset.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="269"/>
        <source>Đã mở lại tài khoản {name}.</source>
        <translation>Account {name} reactivated.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/officers.py" line="271"/>
        <source>Đã khóa tài khoản {name}; cán bộ này không đăng nhập được nữa.</source>
        <translation>Account {name} deactivated; this officer can no longer sign in.</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../ui/widgets/procedure_picker.py" line="27"/>
        <source>Gõ tên thủ tục (có dấu hay không dấu) hoặc mã…</source>
        <translation>Type the procedure&apos;s name (diacritics optional) or code…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/procedure_picker.py" line="62"/>
        <source>Thông tin thủ tục chưa được xác minh đầy đủ</source>
        <translation>Procedure details not fully confirmed</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <location filename="../../ui/screens/receive.py" line="149"/>
        <source>1. Thủ tục hành chính</source>
        <translation>1. Administrative procedure</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="155"/>
        <source>In hướng dẫn thủ tục</source>
        <translation>Print the procedure guide</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="160"/>
        <source>2. Người nộp hồ sơ (quét mã QR trên CCCD để điền tự động)</source>
        <translation>2. Applicant (scan the ID card&apos;s QR code to fill in)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="168"/>
        <source>3. Thành phần hồ sơ đã nộp</source>
        <translation>3. Components handed in</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="181"/>
        <source>mặc định: tên thủ tục</source>
        <translation>default: the procedure&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="182"/>
        <source>Số bộ hồ sơ</source>
        <translation>Sets</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="183"/>
        <source>Nội dung yêu cầu</source>
        <translation>Request</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="186"/>
        <source>4. Lệ phí và hẹn trả kết quả</source>
        <translation>4. Fee and appointment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="196"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="199"/>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="204"/>
        <source>Hẹn trả (nếu nhận bây giờ)</source>
        <translation>Due (if received now)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="212"/>
        <source>Ngày hẹn trả (nhập tay)</source>
        <translation>Appointment (typed in)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="215"/>
        <source>Lãnh đạo xác nhận</source>
        <translation>Confirmed by supervisor</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="223"/>
        <source>Tiếp nhận (Ctrl+Enter)</source>
        <translation>Receive (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="232"/>
        <source>Lý do (khi không tiếp nhận)</source>
        <translation>Reason (when not accepted)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="233"/>
        <source>Phiếu yêu cầu bổ sung</source>
        <translation>Supplement request slip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="236"/>
        <source>Phiếu từ chối</source>
        <translation>Refusal slip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="239"/>
        <source>Hồ sơ mới (F2)</source>
        <translation>New dossier (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="246"/>
        <source>Khổ giấy của biên nhận này</source>
        <translation>Paper for this receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="247"/>
        <source>Khổ A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="248"/>
        <source>Cuộn 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="262"/>
        <source>Số hóa hồ sơ</source>
        <translation>Digitize dossier</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="264"/>
        <source>Quét hoặc chụp giấy tờ của hồ sơ vừa tiếp nhận</source>
        <translation>Scan or photograph the papers of the dossier just received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="269"/>
        <source>⚠ Chưa có địa chỉ tra cứu công khai: mã QR trên biên nhận chỉ mang mã hồ sơ.</source>
        <translation>⚠ No public look-up address: the receipt&apos;s QR code carries only the dossier code.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="273"/>
        <source>Người dân chưa tra cứu được bằng điện thoại. Đặt địa chỉ trong Cài đặt → Tra cứu và VietQR.</source>
        <translation>Citizens cannot look the dossier up on a phone yet. Set the address in Settings → Look-up and VietQR.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="362"/>
        <source>Máy quét gửi một mã không phải mã QR trên CCCD hay giấy tiếp nhận.</source>
        <translation>The scanner sent a code that is neither an ID card QR nor a receipt&apos;s.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="384"/>
        <source>Đang tải thủ tục…</source>
        <translation>Loading the procedure…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="415"/>
        <source>Thủ tục chưa có thời hạn giải quyết trong danh mục: nhập ngày hẹn trả; lãnh đạo bộ phận xác nhận bằng tên đăng nhập và mật khẩu của mình.</source>
        <translation>The procedure has no processing time in the catalogue: type the appointment; a supervisor confirms with their own username and password.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="460"/>
        <source>Đã đọc CCCD của {name}.</source>
        <translation>ID card of {name} read.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="513"/>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="536"/>
        <source>Đang kiểm tra hồ sơ…</source>
        <translation>Checking the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="544"/>
        <source>Đang tải thủ tục; hồ sơ được tiếp nhận ngay khi tải xong.</source>
        <translation>Loading the procedure; the dossier is received as soon as it has loaded.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="556"/>
        <location filename="../../ui/screens/receive.py" line="670"/>
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="561"/>
        <source>Đang tiếp nhận và in biên nhận…</source>
        <translation>Receiving and printing the receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="571"/>
        <source>Đã tiếp nhận hồ sơ {code} — hẹn trả {due}</source>
        <translation>Dossier {code} received — due {due}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="580"/>
        <source>Hồ sơ đã được tiếp nhận nhưng chưa in được biên nhận: {why} Nhấn Ctrl+P để in lại.</source>
        <translation>The dossier was received but the receipt could not be printed: {why} Press Ctrl+P to print it again.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="662"/>
        <source>Chưa có biên nhận nào để in.</source>
        <translation>No receipt to print yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="674"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="684"/>
        <source>Chọn thủ tục để in hướng dẫn.</source>
        <translation>Choose a procedure to print its guide.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="693"/>
        <source>Hướng dẫn thực hiện thủ tục hành chính</source>
        <translation>Guide to the administrative procedure</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="696"/>
        <source>Đang in hướng dẫn…</source>
        <translation>Printing the guide…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="705"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request to supplement the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="706"/>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Refusal to accept the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="718"/>
        <source>Đang in phiếu…</source>
        <translation>Printing the slip…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/receive.py" line="776"/>
        <source>Nhấn Esc lần nữa để hủy hồ sơ đang nhập.</source>
        <translation>Press Esc again to discard this dossier.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/screens/reports.py" line="238"/>
        <source>Nhấn vào một chỉ số để xem các hồ sơ.</source>
        <translation>Click a figure to list its dossiers.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="243"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="244"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="245"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="246"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="247"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="278"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="278"/>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="278"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="278"/>
        <source>Khoảng ngày</source>
        <translation>Date range</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="296"/>
        <source>Xem báo cáo</source>
        <translation>Show report</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="298"/>
        <source>Xuất Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="300"/>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="302"/>
        <location filename="../../ui/screens/reports.py" line="559"/>
        <source>Báo cáo cuối ngày</source>
        <translation>Close of day</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="304"/>
        <source>Kỳ:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="327"/>
        <source>Quý </source>
        <translation>Quarter </translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="330"/>
        <source>Tháng </source>
        <translation>Month </translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="370"/>
        <source>Đang tính {period}…</source>
        <translation>Computing {period}…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="379"/>
        <location filename="../../ui/screens/reports.py" line="393"/>
        <source>Đang tính báo cáo…</source>
        <translation>Computing the report…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="396"/>
        <source>{office} — {period} (số liệu đến {as_of})</source>
        <translation>{office} — {period} (figures as of {as_of})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="410"/>
        <source>{sign} {diff} so với kỳ trước ({before})</source>
        <translation>{sign} {diff} against the previous period ({before})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="420"/>
        <source>Chưa tính được</source>
        <translation>Not computed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="420"/>
        <source>Không có hồ sơ</source>
        <translation>No dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="424"/>
        <source>Kỳ trước: —</source>
        <translation>Previous period: —</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="429"/>
        <source>{sign} {points} điểm % so với kỳ trước</source>
        <translation>{sign} {points} percentage points against the previous period</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="463"/>
        <source>{name}: {points}/{max} điểm</source>
        <translation>{name}: {points}/{max} points</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="467"/>
        <source> (trên {group_max})</source>
        <translation> (of {group_max})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="469"/>
        <source>, kỳ trước {points}</source>
        <translation>, previous period {points}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="471"/>
        <source> — trọng số chưa xác minh</source>
        <translation> — weights unverified</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="474"/>
        <source>Điểm theo Quyết định 766/QĐ-TTg: </source>
        <translation>Decision 766/QĐ-TTg points: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="475"/>
        <source>. Chưa tính được: {groups}.</source>
        <translation>. Not computed: {groups}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="476"/>
        <source>chưa có hồ sơ.</source>
        <translation>no dossiers yet.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="487"/>
        <source>Chỉ số này không có danh sách hồ sơ.</source>
        <translation>This figure has no list of dossiers.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="494"/>
        <source>{title}: {n} hồ sơ</source>
        <translation>{title}: {n} dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="495"/>
        <source> (hiện 5.000 hồ sơ đầu)</source>
        <translation> (the first 5,000 shown)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="503"/>
        <source>Đang lấy danh sách hồ sơ…</source>
        <translation>Listing the dossiers…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="521"/>
        <source>Xuất báo cáo</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="547"/>
        <source>Đã xuất báo cáo ra {path}</source>
        <translation>Report written to {path}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="550"/>
        <source>Đang xuất báo cáo…</source>
        <translation>Exporting the report…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/reports.py" line="570"/>
        <source>Đang lập báo cáo cuối ngày…</source>
        <translation>Preparing the close-of-day summary…</translation>
    </message>
</context>
<context>
    <name>RestorePanel</name>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="51"/>
        <source>Khôi phục bản đã chọn…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="54"/>
        <source>Khôi phục từ tệp…</source>
        <translation>Restore from a file…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="63"/>
        <source>Khôi phục thay toàn bộ dữ liệu của quầy bằng bản sao lưu (chỉ quản trị). Dữ liệu đang dùng được giữ lại một bản an toàn trước khi thay; sau đó mọi người đăng nhập lại.</source>
        <translation>Restoring replaces all of the station&apos;s data with the backup (administrators only). A safety copy of the data in use is kept before it is replaced; then everyone signs in again.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="79"/>
        <source>Chọn một bản sao lưu trong danh sách để khôi phục.</source>
        <translation>Select a backup in the list to restore.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="85"/>
        <source>Chọn tệp sao lưu</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="88"/>
        <source>Bản sao lưu (*{suffix})</source>
        <translation>Backups (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="95"/>
        <source>Đang kiểm tra bản sao lưu trước khi khôi phục…</source>
        <translation>Checking the backup before restoring…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="103"/>
        <source>Đang kiểm tra bản sao lưu…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="109"/>
        <source>Không khôi phục: {problem} Không có gì bị thay đổi.</source>
        <translation>Not restored: {problem} Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="110"/>
        <source>Bản sao lưu không dùng được.</source>
        <translation>The backup cannot be used.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="118"/>
        <source>Khôi phục từ bản sao lưu</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="120"/>
        <source>Thay toàn bộ dữ liệu đang dùng của quầy (hồ sơ, cán bộ, thiết lập) bằng bản sao lưu tạo lúc {made} ({dossiers} hồ sơ)? Những gì ghi sau lúc đó sẽ không còn trên máy này; quầy đã đăng ký với máy chủ lấy lại hồ sơ ở lần đồng bộ sau.</source>
        <translation>Replace all of the station&apos;s data in use (dossiers, officers, settings) with the backup made at {made} ({dossiers} dossiers)? Whatever was recorded after that will no longer be on this computer; a station enrolled with the server gets its dossiers back at the next sync.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="129"/>
        <source>Dữ liệu đang dùng được giữ nguyên một bản an toàn trong thư mục sao lưu trước khi thay. Cửa sổ đóng dữ liệu trong lúc khôi phục, rồi mọi người đăng nhập lại.</source>
        <translation>A safety copy of the data in use is kept, unchanged, in the backup folder before it is replaced. The window closes the data while restoring, then everyone signs in again.</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/restore_panel.py" line="134"/>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <location filename="../../ui/screens/returns.py" line="99"/>
        <source>Mã hồ sơ, quét mã QR trên giấy tiếp nhận, số CCCD hoặc họ tên người nộp</source>
        <translation>Dossier code, scanned receipt QR, ID number or the applicant&apos;s name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="102"/>
        <source>Tìm (Enter)</source>
        <translation>Find (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="110"/>
        <location filename="../../ui/screens/returns.py" line="240"/>
        <source>Hồ sơ đã có kết quả, chờ trả</source>
        <translation>Results ready, waiting to be collected</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="116"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="116"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="116"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="116"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="128"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="130"/>
        <source>Chưa chọn hồ sơ</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="139"/>
        <source>Người nộp hồ sơ nhận trực tiếp</source>
        <translation>The applicant collects in person</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="147"/>
        <source>ví dụ: nhận thay theo giấy ủy quyền</source>
        <translation>e.g. collected on their behalf with a power of attorney</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="150"/>
        <source>Họ tên người nhận</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="152"/>
        <source>Số CCCD người nhận</source>
        <translation>Collector&apos;s ID number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="153"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="159"/>
        <location filename="../../ui/screens/returns.py" line="385"/>
        <source>Chưa chọn</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="162"/>
        <source>Chọn tệp…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="164"/>
        <source>Quét / chụp…</source>
        <translation>Scan / photograph…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="169"/>
        <source>Kết quả điện tử (giữ nguyên tệp PDF)</source>
        <translation>Electronic result (keep the PDF as it is)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="177"/>
        <source>Bản số hóa kết quả</source>
        <translation>Digitized result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="181"/>
        <source>Số kết quả</source>
        <translation>Result number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="183"/>
        <source>Ngày cấp</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="187"/>
        <source>In phiếu kiểm soát để người nhận ký</source>
        <translation>Print the control sheet for the collector to sign</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="190"/>
        <location filename="../../ui/screens/returns.py" line="441"/>
        <source>Xác nhận đã trả kết quả</source>
        <translation>Confirm the result was handed over</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="271"/>
        <source>Đang tìm hồ sơ…</source>
        <translation>Finding the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="276"/>
        <source>Không tìm thấy hồ sơ nào.</source>
        <translation>No dossier found.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="278"/>
        <source>Kết quả tìm: {n} hồ sơ</source>
        <translation>Found: {n} dossier(s)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="317"/>
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
        <location filename="../../ui/screens/returns.py" line="334"/>
        <source>Hồ sơ đang ở trạng thái “{status}”; chỉ trả kết quả khi hồ sơ đã xử lý xong.</source>
        <translation>The dossier is “{status}”; a result can be returned only once it is resolved.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="358"/>
        <source>Chọn tệp kết quả</source>
        <translation>Choose the result files</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="360"/>
        <source>Ảnh hoặc PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)</source>
        <translation>Images or PDF (*.jpg *.jpeg *.png *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="379"/>
        <source>Đã lưu bản số hóa kết quả</source>
        <translation>Digitized result saved</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="418"/>
        <source>Đang ghi nhận trả kết quả…</source>
        <translation>Recording the return…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="423"/>
        <source>(chưa nhập người nhận)</source>
        <translation>(no collector typed)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="424"/>
        <source>Bấm lần nữa để trả hồ sơ {code}</source>
        <translation>Click again to hand over {code}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="428"/>
        <source>Trả kết quả hồ sơ {code} cho {collector}? Việc này không hoàn tác được. Bấm nút lần nữa (hoặc Enter) trong {s} giây để xác nhận.</source>
        <translation>Hand over the result of dossier {code} to {collector}? This cannot be undone. Click the button again (or press Enter) within {s} seconds to confirm.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="450"/>
        <source>Đã trả kết quả hồ sơ {code} lúc {at}.</source>
        <translation>Result of {code} returned at {at}.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="467"/>
        <source>Phiếu kiểm soát</source>
        <translation>Control sheet</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="470"/>
        <source>Đã trả kết quả nhưng chưa in được phiếu kiểm soát: {why}</source>
        <translation>The result was handed over but the control sheet did not print: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/returns.py" line="474"/>
        <source>Đang in phiếu kiểm soát…</source>
        <translation>Printing the control sheet…</translation>
    </message>
</context>
<context>
    <name>ReusePanel</name>
    <message>
        <location filename="../../ui/capture/reuse.py" line="37"/>
        <source>Giấy tờ người nộp đã số hóa trong hồ sơ trước đây; chọn một tệp để dùng lại cho thành phần đang chọn thay vì chụp lại.</source>
        <translation>Papers of this applicant digitized in earlier dossiers; choose one to reuse for the selected component instead of capturing it again.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/reuse.py" line="48"/>
        <source>Dùng lại cho thành phần này</source>
        <translation>Reuse for this component</translation>
    </message>
    <message>
        <location filename="../../ui/capture/reuse.py" line="76"/>
        <source>{name}
Hồ sơ {code}, nhận ngày {day} · {pages} trang</source>
        <translation>{name}
Dossier {code}, received {day} · {pages} page(s)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/reuse.py" line="87"/>
        <source>Người nộp chưa có giấy tờ nào được số hóa ở hồ sơ trước.</source>
        <translation>The applicant has no papers digitized in earlier dossiers.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/reuse.py" line="117"/>
        <source>Đang liên kết tệp…</source>
        <translation>Linking the file…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/reuse.py" line="125"/>
        <source>Đã dùng lại tệp của hồ sơ {origin} cho thành phần {n}.</source>
        <translation>The file of dossier {origin} is reused for component {n}.</translation>
    </message>
</context>
<context>
    <name>ScannerPanel</name>
    <message>
        <location filename="../../ui/capture/sources.py" line="285"/>
        <source>tên thiết bị</source>
        <translation>device name</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="286"/>
        <source>Tìm lại</source>
        <translation>Search again</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="292"/>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="300"/>
        <source>Độ phân giải</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="304"/>
        <source>Chế độ quét</source>
        <translation>Scan mode</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="308"/>
        <source>Nguồn giấy</source>
        <translation>Paper source</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="313"/>
        <source>đến hết giấy</source>
        <translation>until the feeder is empty</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="315"/>
        <source>Chỉ dùng với khay nạp giấy; mặt kính quét một trang mỗi lần.</source>
        <translation>Only for the document feeder; the flatbed scans one page at a time.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="317"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="321"/>
        <source>tùy chọn riêng của máy quét (nếu cần)</source>
        <translation>the scanner&apos;s own options (if needed)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="322"/>
        <source>Nâng cao</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="326"/>
        <source>Quét (F5)</source>
        <translation>Scan (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="329"/>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="357"/>
        <source>Màu</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="357"/>
        <source>Xám</source>
        <translation>Grey</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="357"/>
        <source>Đen trắng</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="365"/>
        <source>Mặt kính</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="366"/>
        <source>Khay nạp giấy (ADF)</source>
        <translation>Document feeder (ADF)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="367"/>
        <source>Hai mặt (duplex)</source>
        <translation>Both sides (duplex)</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="380"/>
        <source>Đang tìm máy quét…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="393"/>
        <source>Tìm thấy {n} máy quét.</source>
        <translation>Scanners found: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="399"/>
        <source>Không tìm thấy máy quét nào. Kiểm tra cáp và nguồn rồi bấm “Tìm lại”, hoặc gõ tên thiết bị.</source>
        <translation>No scanner was found. Check the cable and power and click “Search again”, or type the device name.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="439"/>
        <source>Máy quét sẵn sàng.</source>
        <translation>The scanner is ready.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="471"/>
        <source>Chưa chọn máy quét.</source>
        <translation>No scanner is selected.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="481"/>
        <location filename="../../ui/capture/sources.py" line="490"/>
        <source>Đang quét…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="496"/>
        <source>Đang quét… đã nhận {n} trang.</source>
        <translation>Scanning… pages received: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="500"/>
        <source>Đã quét {n} trang.</source>
        <translation>Pages scanned: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="505"/>
        <source>Đã dừng quét; {n} trang đã vào khay.</source>
        <translation>Scanning stopped; pages in the tray: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture/sources.py" line="512"/>
        <source>Đang dừng sau trang hiện tại…</source>
        <translation>Stopping after the current page…</translation>
    </message>
</context>
<context>
    <name>SerialScanner</name>
    <message>
        <location filename="../../ui/widgets/serial_scanner.py" line="41"/>
        <source>Không mở được cổng máy quét {port}: {why}</source>
        <translation>Cannot open the scanner port {port}: {why}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/screens/settings.py" line="172"/>
        <source>để trống: chỉ hỏi đánh giá chung; vd attitude, waiting</source>
        <translation>empty: only the overall question; e.g. attitude, waiting</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="177"/>
        <source>Tiêu chí đánh giá hài lòng</source>
        <translation>Satisfaction criteria</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="293"/>
        <source>Màn hình đánh giá của người dân</source>
        <translation>Citizen&apos;s rating screen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="310"/>
        <source>Tự chọn (màn hình thứ hai, nếu có)</source>
        <translation>Automatic (the second screen, if any)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="311"/>
        <source>Không dùng</source>
        <translation>Not used</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="315"/>
        <source>Màn hình {n}: {name} ({w}×{h})</source>
        <translation>Screen {n}: {name} ({w}×{h})</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="96"/>
        <source>In ấn và ngôn ngữ</source>
        <translation>Printing and language</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="97"/>
        <source>Cơ quan</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="98"/>
        <source>Giờ làm việc và lịch</source>
        <translation>Working hours and calendar</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="99"/>
        <source>Máy chủ đồng bộ</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="100"/>
        <source>Tra cứu và VietQR</source>
        <translation>Look-up and VietQR</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="101"/>
        <source>Bảo mật</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="102"/>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="103"/>
        <source>Cán bộ và mật khẩu</source>
        <translation>Officers and passwords</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="113"/>
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="152"/>
        <source>Mã định danh cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="153"/>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="155"/>
        <source>Tên cơ quan</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="157"/>
        <source>Cơ quan cấp trên</source>
        <translation>Parent agency</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="158"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="159"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="160"/>
        <source>Địa danh trên văn bản</source>
        <translation>Place on documents</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="161"/>
        <source>Họ tên thủ trưởng</source>
        <translation>Head of office</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="162"/>
        <source>Chức vụ thủ trưởng</source>
        <translation>Head&apos;s title</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="163"/>
        <source>Bắt buộc số hóa kết quả trước khi trả cho người dân</source>
        <translation>Require the digitized result before handing it to the citizen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="167"/>
        <source>In phiếu kiểm soát khi trả kết quả để người nhận ký</source>
        <translation>Print the control sheet at hand-over for the collector to sign</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="188"/>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="194"/>
        <source>Giờ làm việc theo mùa</source>
        <translation>Seasonal working hours</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="202"/>
        <source>Sau giờ này tính sang ngày sau</source>
        <translation>Count from the next day after</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="207"/>
        <source>Ngày nghỉ thêm và ngày làm bù của cơ quan</source>
        <translation>The office&apos;s extra days off and extra working days</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="211"/>
        <source>Ngày</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="211"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="211"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="225"/>
        <location filename="../../ui/screens/settings.py" line="440"/>
        <source>Ngày nghỉ thêm</source>
        <translation>Extra day off</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="226"/>
        <location filename="../../ui/screens/settings.py" line="440"/>
        <source>Ngày làm bù</source>
        <translation>Extra working day</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="228"/>
        <source>Căn cứ, ví dụ Quyết định số …</source>
        <translation>Basis, e.g. Decision no. …</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="229"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="231"/>
        <source>Xóa ngày đã chọn</source>
        <translation>Remove selected day</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="250"/>
        <source>(máy in mặc định của Windows/hệ thống)</source>
        <translation>(the system&apos;s default printer)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="256"/>
        <source>Khổ A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="257"/>
        <source>Giấy cuộn 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="259"/>
        <source>In hai liên biên nhận trên một trang A4</source>
        <translation>Print both receipt copies on one A4 page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="262"/>
        <source>In ngay, không mở bản xem trước</source>
        <translation>Print at once, without the preview</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="265"/>
        <source>Nhận dạng chữ (OCR) sau khi số hóa, khi máy có cài OCR</source>
        <translation>Recognise text (OCR) after digitizing, where OCR is installed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="271"/>
        <source>(không dùng: máy quét gõ như bàn phím)</source>
        <translation>(none: the scanner types like a keyboard)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="280"/>
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="281"/>
        <source>Khổ giấy biên nhận</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="287"/>
        <source>Số điện thoại in trên phiếu</source>
        <translation>Phone printed on slips</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="291"/>
        <source>Máy quét mã QR (USB serial)</source>
        <translation>QR scanner (USB serial)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="297"/>
        <source>Như hệ thống</source>
        <translation>As the system</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="298"/>
        <source>Vừa (11 điểm)</source>
        <translation>Medium (11 points)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="299"/>
        <source>Lớn (12 điểm)</source>
        <translation>Large (12 points)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="300"/>
        <source>Rất lớn (14 điểm)</source>
        <translation>Very large (14 points)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="302"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="303"/>
        <source>Cỡ chữ trên màn hình</source>
        <translation>Text size on screen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="331"/>
        <source>Đồng bộ tự động và cảnh báo</source>
        <translation>Automatic sync and warnings</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="336"/>
        <source>Đồng bộ tự động mỗi</source>
        <translation>Sync automatically every</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="338"/>
        <source> giây</source>
        <translation> seconds</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="342"/>
        <source>Cảnh báo khi hồ sơ chờ gửi quá</source>
        <translation>Warn when changes have waited unsent for over</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="344"/>
        <source> giờ</source>
        <translation> hours</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="348"/>
        <source>Cảnh báo khi danh mục và lịch cũ quá</source>
        <translation>Warn when the catalogue and calendar are older than</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="350"/>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="362"/>
        <source>Trang tra cứu công khai</source>
        <translation>Public look-up page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="364"/>
        <source>để trống: dùng địa chỉ máy chủ</source>
        <translation>empty: use the server address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="366"/>
        <source>Mã BIN ngân hàng</source>
        <translation>Bank BIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="368"/>
        <source>Số tài khoản nhận phí</source>
        <translation>Fee account number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="371"/>
        <source>Tên tài khoản</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="381"/>
        <source>Khóa màn hình sau</source>
        <translation>Lock the screen after</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="383"/>
        <source> phút không thao tác</source>
        <translation> idle minutes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="387"/>
        <source>Số lần đăng nhập sai tối đa</source>
        <translation>Failed sign-ins allowed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="389"/>
        <source> lần</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="393"/>
        <source>Thời gian khóa tài khoản</source>
        <translation>Account lock time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="395"/>
        <source> phút</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="424"/>
        <source>Quầy số {n} (số thứ tự {a}–{b} mỗi ngày)</source>
        <translation>Counter {n} (numbers {a}–{b} each day)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="458"/>
        <source>Bạn có quyền quản trị: được sửa mọi thiết lập.</source>
        <translation>You are an administrator: every setting can be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="462"/>
        <source>Chỉ quản trị được sửa thông tin cơ quan, giờ làm việc, máy chủ và bảo mật; bạn được chỉnh phần in ấn và ngôn ngữ của quầy này.</source>
        <translation>Only an administrator changes the office, working hours, server and security settings; you can set this counter&apos;s printing and language.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="517"/>
        <source>Đang lưu thiết lập…</source>
        <translation>Saving settings…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="523"/>
        <source>Đã lưu thiết lập.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="525"/>
        <source>Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
        <translation>The new language applies when the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="553"/>
        <source>Chọn một ngày trong bảng để xóa.</source>
        <translation>Select a day in the table to remove.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="92"/>
        <source>để trống: không chép đi đâu</source>
        <translation>leave empty: no second copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="104"/>
        <source>Sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../ui/screens/settings.py" line="105"/>
        <source>Nhật ký</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="39"/>
        <source>Đăng nhập MotCua Desk</source>
        <translation>Sign in to MotCua Desk</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="51"/>
        <source>ví dụ: canbo1</source>
        <translation>e.g. canbo1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="55"/>
        <source>Tên đăng nhập</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="56"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="61"/>
        <source>Tài khoản chưa có họ tên. Nhập họ tên để in trên các phiếu bạn ký:</source>
        <translation>This account has no full name yet. Type the name to print on the slips you sign:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="66"/>
        <source>ví dụ: Nguyễn Văn An</source>
        <translation>e.g. Nguyễn Văn An</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="72"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="78"/>
        <source>Đăng nhập không cần mạng. Sai mật khẩu nhiều lần, tài khoản sẽ tạm khóa.</source>
        <translation>Signing in works offline. Repeated wrong passwords lock the account for a while.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="110"/>
        <source>Hãy nhập tên đăng nhập và mật khẩu.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="121"/>
        <source>Đang đăng nhập…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="150"/>
        <source>Đang lưu họ tên…</source>
        <translation>Saving the name…</translation>
    </message>
</context>
<context>
    <name>SupervisorConfirm</name>
    <message>
        <location filename="../../ui/widgets/supervisor_confirm.py" line="21"/>
        <source>Tên đăng nhập lãnh đạo</source>
        <translation>Supervisor&apos;s username</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/supervisor_confirm.py" line="25"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>SyncLink</name>
    <message>
        <location filename="../../ui/screens/sync.py" line="56"/>
        <source>● Chưa đăng ký máy chủ</source>
        <translation>● Not enrolled with a server</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="58"/>
        <source>Hồ sơ chỉ lưu trên máy này cho đến khi quản trị đăng ký quầy với máy chủ.</source>
        <translation>Dossiers stay on this computer only until an administrator enrols the station with a server.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="66"/>
        <source>● Đang đồng bộ…</source>
        <translation>● Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="69"/>
        <source>● Đang kết nối…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="71"/>
        <source>● Ngoại tuyến</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="73"/>
        <source>● Trực tuyến · đồng bộ lỗi</source>
        <translation>● Online · sync failed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="74"/>
        <source>● Trực tuyến</source>
        <translation>● Online</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/screens/sync.py" line="98"/>
        <source>Đồng bộ với máy chủ</source>
        <translation>Sync with the server</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="108"/>
        <source>Các lần đồng bộ gần đây</source>
        <translation>Recent sync rounds</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="112"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="113"/>
        <source>Gửi lên</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="114"/>
        <source>Nhận về</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="115"/>
        <source>Tải tệp lên</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="116"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="127"/>
        <source>Hồ sơ bị máy chủ từ chối (vẫn lưu trên máy này; nhấn đúp để mở)</source>
        <translation>Dossiers refused by the server (still kept here; double-click to open)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="132"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="132"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="132"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="132"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="157"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="158"/>
        <source>Quầy</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="159"/>
        <source>Kết nối</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="160"/>
        <source>Chờ gửi</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="161"/>
        <source>Đồng bộ thành công lần cuối</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="162"/>
        <source>Lần thử gần nhất</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="181"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="220"/>
        <source>Đang bắt đầu đồng bộ…</source>
        <translation>Starting to sync…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="226"/>
        <source>chưa đăng ký</source>
        <translation>not enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="228"/>
        <source>Quầy số {n} · {office}</source>
        <translation>Station {n} · {office}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="230"/>
        <source>{n} thay đổi</source>
        <translation>{n} change(s)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="232"/>
        <source>{size} tệp chưa tải lên</source>
        <translation>{size} of files not uploaded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="261"/>
        <source>Quản trị đăng ký quầy với máy chủ ở Cài đặt → Máy chủ đồng bộ.</source>
        <translation>An administrator enrols the station in Settings → Sync server.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="266"/>
        <source>Tự động đồng bộ mỗi {n} giây và ngay khi có mạng trở lại.</source>
        <translation>Syncs automatically every {n} seconds, and as soon as the network is back.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="280"/>
        <source>Đang gửi thay đổi: {done}/{total}</source>
        <translation>Sending changes: {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="289"/>
        <source>Đang tải tệp lên: {done} / {total}</source>
        <translation>Uploading files: {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="296"/>
        <source>Đang nhận cập nhật từ máy chủ…</source>
        <translation>Receiving updates from the server…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="298"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="361"/>
        <source>Thành công</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="363"/>
        <source>{n} bị từ chối</source>
        <translation>{n} refused</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="367"/>
        <source>{n} xung đột (giữ cả hai phiên bản)</source>
        <translation>{n} conflicts (both versions kept)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="371"/>
        <source>danh mục thủ tục</source>
        <translation>procedure catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="372"/>
        <source>lịch làm việc</source>
        <translation>working calendar</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="373"/>
        <source>cán bộ</source>
        <translation>officers</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="376"/>
        <source>cập nhật {what}</source>
        <translation>updated {what}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="381"/>
        <source>không có gì mới</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="387"/>
        <source>{n} lần từ {time}</source>
        <translation>{n} times since {time}</translation>
    </message>
    <message>
        <location filename="../../ui/screens/sync.py" line="236"/>
        <source>chưa có</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>TrayDelegate</name>
    <message>
        <location filename="../../ui/capture/tile.py" line="64"/>
        <source>{dpi} dpi</source>
        <translation>{dpi} dpi</translation>
    </message>
    <message>
        <location filename="../../ui/capture/tile.py" line="66"/>
        <source>khổ nhỏ</source>
        <translation>small page</translation>
    </message>
    <message>
        <location filename="../../ui/capture/tile.py" line="103"/>
        <source>Trang {n}</source>
        <translation>Page {n}</translation>
    </message>
</context>
<context>
    <name>TrayModel</name>
    <message>
        <location filename="../../ui/capture/tray.py" line="117"/>
        <source>Trang {n}: {label}</source>
        <translation>Page {n}: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/capture/tray.py" line="122"/>
        <source>{w} × {h} điểm ảnh, {dpi} dpi</source>
        <translation>{w} × {h} pixels, {dpi} dpi</translation>
    </message>
</context>
<context>
    <name>TrayView</name>
    <message>
        <location filename="../../ui/capture/tray.py" line="334"/>
        <source>Xoay trái</source>
        <translation>Turn left</translation>
    </message>
    <message>
        <location filename="../../ui/capture/tray.py" line="337"/>
        <source>Xoay phải</source>
        <translation>Turn right</translation>
    </message>
    <message>
        <location filename="../../ui/capture/tray.py" line="340"/>
        <source>Lên trước</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <location filename="../../ui/capture/tray.py" line="343"/>
        <source>Xuống sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ui/capture/tray.py" line="345"/>
        <source>Xóa trang</source>
        <translation>Delete page</translation>
    </message>
</context>
<context>
    <name>WindowRestore</name>
    <message>
        <location filename="../../ui/shell/restore.py" line="64"/>
        <source>Đang khôi phục từ bản sao lưu…</source>
        <translation>Restoring from the backup…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/restore.py" line="79"/>
        <source>Đang khôi phục…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/restore.py" line="93"/>
        <source>Không mở được dữ liệu.</source>
        <translation>The data could not be opened.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/restore.py" line="96"/>
        <source>Khôi phục không thành công.</source>
        <translation>The restore did not succeed.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/restore.py" line="103"/>
        <source>Đã khôi phục từ bản sao lưu tạo lúc {made}. Bản an toàn của dữ liệu cũ: {safety}. Hãy đăng nhập lại.</source>
        <translation>Restored from the backup made at {made}. Safety copy of the old data: {safety}. Please sign in again.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/restore.py" line="110"/>
        <source>Quầy chưa cấp mã hồ sơ mới cho tới lần đồng bộ tới với máy chủ.</source>
        <translation>The station issues no new dossier code until its next sync with the server.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/restore.py" line="113"/>
        <source>Số thứ tự hồ sơ đã nhảy trước để không cấp lại mã đã dùng sau bản sao lưu.</source>
        <translation>The dossier sequence skipped ahead so that no code used after the backup is issued again.</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../ui/shell/help.py" line="17"/>
        <source>&lt;p&gt;&lt;b&gt;Phím tắt chung:&lt;/b&gt; F2 hồ sơ mới · F3 tra cứu · Ctrl+P in lại · Ctrl+L khóa màn hình · Alt+số chuyển màn hình · F1 trợ giúp.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Keys everywhere:&lt;/b&gt; F2 new dossier · F3 look up · Ctrl+P print again · Ctrl+L lock the screen · Alt+number switch screens · F1 help.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="24"/>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receiving a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="25"/>
        <source>&lt;ol&gt;&lt;li&gt;Gõ vài chữ của tên thủ tục (không cần dấu) rồi Enter.&lt;/li&gt;&lt;li&gt;Quét mã QR trên CCCD ở ô bất kỳ, hoặc gõ số CCCD, họ tên, ngày sinh (12/03/1985 hoặc 12031985).&lt;/li&gt;&lt;li&gt;Đánh dấu các thành phần đã nộp (phím cách), sửa số bản nếu cần.&lt;/li&gt;&lt;li&gt;Ctrl+Enter: tiếp nhận và mở biên nhận để in (Enter hoặc Ctrl+P trong bản xem trước để in). Khổ giấy chọn cạnh nút, chỉ cho biên nhận này.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Mọi lỗi hiện cùng lúc ngay dưới ô sai; sửa ô nào, lỗi ô đó biến mất. Hồ sơ thiếu: ghi lý do rồi in phiếu yêu cầu bổ sung hoặc phiếu từ chối. Esc hai lần: bỏ hồ sơ đang nhập.&lt;/p&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;Type a few letters of the procedure&apos;s name (diacritics optional) and press Enter.&lt;/li&gt;&lt;li&gt;Scan the QR code of the ID card in any field, or type the ID number, name and birth date (12/03/1985 or 12031985).&lt;/li&gt;&lt;li&gt;Tick the components handed in (Space) and correct the number of copies if needed.&lt;/li&gt;&lt;li&gt;Ctrl+Enter: receive and open the receipt to print (Enter or Ctrl+P in the preview prints). The paper beside the button is for this receipt only.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Every mistake shows at once under its field and goes when that field is edited. Papers missing: type the reason, then print the supplement request or the refusal. Esc twice: discard the dossier being typed.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="39"/>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="40"/>
        <source>&lt;p&gt;Các số đếm trong ngày ở trên cùng (nhận hôm nay, đến hạn, quá hạn, chờ bổ sung, chờ trả, chờ đồng bộ): bấm để mở danh sách. Lọc theo trạng thái, ngày, thủ tục; chọn một dòng để xem chi tiết và thao tác.&lt;/p&gt;&lt;p&gt;Nút chuyển trạng thái hỏi lại: bấm lần nữa trong 5 giây để áp dụng.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Today&apos;s counts at the top (received today, due, overdue, waiting for supplements, ready to hand over, waiting to sync): click one to open its list. Filter by status, date, procedure; select a row for its details and actions.&lt;/p&gt;&lt;p&gt;Status buttons ask first: click again within 5 seconds to apply.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="49"/>
        <source>Tra cứu</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="50"/>
        <source>&lt;p&gt;Gõ mã hồ sơ, quét mã QR trên giấy tiếp nhận hoặc CCCD, số CCCD, mã số thuế hoặc họ tên (không cần dấu), rồi Enter. Khi có nhiều kết quả, chọn đúng dòng trước khi in hay thao tác: các nút ghi rõ mã hồ sơ chúng sẽ tác động.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Type a dossier code, scan the receipt&apos;s or the ID card&apos;s QR code, an ID number, a tax code or a name (diacritics optional), then press Enter. With several results, select the right row before printing or acting: the buttons name the dossier code they act on.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="58"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="59"/>
        <source>&lt;p&gt;Tìm hồ sơ (mã, QR giấy tiếp nhận, CCCD hoặc họ tên), kiểm tra người nhận (người khác nhận thay: bỏ dấu ô và ghi họ tên, số CCCD, giấy ủy quyền vào ghi chú), đính kèm bản số hóa kết quả nếu có.&lt;/p&gt;&lt;p&gt;Bấm “Xác nhận đã trả kết quả” (hoặc Enter): lần đầu chỉ hỏi lại; bấm lần nữa trong 5 giây để ghi nhận. Phiếu kiểm soát in ra để người nhận ký.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Find the dossier (code, receipt QR, ID number or name), check who collects (someone else collecting: untick the box and type their name, ID number and the authorisation in the note), attach the digitized result if there is one.&lt;/p&gt;&lt;p&gt;Click “Xác nhận đã trả kết quả” (or press Enter): the first time it only asks; click again within 5 seconds to record it. The control sheet prints for the collector to sign.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="69"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="70"/>
        <source>&lt;p&gt;Quầy làm việc cả khi mất mạng; hồ sơ chờ gửi được gửi lên máy chủ khi có mạng. Màn hình này cho biết lần đồng bộ cuối, số thay đổi đang chờ và lỗi nếu có; nút “Đồng bộ ngay” chạy thêm một lượt.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The station works offline too; dossiers waiting are sent to the server when the network is up. This screen shows the last sync, the changes waiting and any error; “Đồng bộ ngay” runs one more round.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="78"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="79"/>
        <source>&lt;p&gt;Máy in, khổ giấy, cỡ chữ và ngôn ngữ: mọi cán bộ. Cơ quan, giờ làm việc, máy chủ, bảo mật: quản trị. Thủ tục: lãnh đạo bộ phận. Cán bộ và mật khẩu: tự đổi mật khẩu; quản trị thêm, khóa cán bộ và đặt lại mật khẩu.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Printer, paper, text size and language: every officer. Office, working hours, server, security: administrators. Procedures: supervisors. Officers and passwords: everyone changes their own; administrators add and deactivate officers and reset passwords.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="88"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="89"/>
        <source>&lt;p&gt;Chọn kỳ báo cáo và xem các chỉ số; xuất Excel hoặc PDF, in sổ theo dõi hồ sơ của một ngày.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choose the period and read the indicators; export to Excel or PDF, print the log book of a day.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="95"/>
        <source>Trợ giúp</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help.py" line="108"/>
        <source>Trợ giúp — {title}</source>
        <translation>Help — {title}</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/widgets/messages.py" line="33"/>
        <source>Đã xảy ra lỗi không mong muốn; thao tác chưa được thực hiện. Chi tiết đã được ghi vào nhật ký.</source>
        <translation>Something unexpected went wrong; nothing was done. The details are in the log file.</translation>
    </message>
</context>
<context>
    <name>print_preview</name>
    <message>
        <location filename="../../ui/widgets/print_preview.py" line="260"/>
        <location filename="../../ui/widgets/print_preview.py" line="284"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/print_preview.py" line="330"/>
        <source>Đã gửi “{title}” tới máy in.</source>
        <translation>“{title}” sent to the printer.</translation>
    </message>
</context>
</TS>
