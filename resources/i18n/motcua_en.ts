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
    <name>CameraPanel</name>
    <message>
        <location filename="../../ui/capture_camera.py" line="53"/>
        <source>Bật máy ảnh</source>
        <translation>Turn camera on</translation>
    </message>
    <message>
        <location filename="../../ui/capture_camera.py" line="57"/>
        <source>Chụp (F6)</source>
        <translation>Capture (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_camera.py" line="102"/>
        <source>Chụp trang đang đặt dưới máy ảnh (F6)</source>
        <translation>Capture the page under the camera (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_camera.py" line="104"/>
        <source>Đặt trang dưới máy ảnh, bật máy ảnh rồi chụp.</source>
        <translation>Put the page under the camera, turn the camera on, then capture.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_camera.py" line="107"/>
        <source>Không tìm thấy máy ảnh nào trên máy tính này; hãy cắm webcam hoặc máy chụp tài liệu.</source>
        <translation>No camera was found on this computer; plug in a webcam or a document camera.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_camera.py" line="146"/>
        <source>Máy ảnh đang bật.</source>
        <translation>The camera is on.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_camera.py" line="167"/>
        <source>anh-chup-{n}.jpg</source>
        <translation>photo-{n}.jpg</translation>
    </message>
    <message>
        <location filename="../../ui/capture_camera.py" line="169"/>
        <source>Đã chụp; đang đưa vào khay…</source>
        <translation>Captured; adding to the tray…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_camera.py" line="172"/>
        <source>Máy ảnh báo lỗi: {why}</source>
        <translation>The camera reported an error: {why}</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../ui/capture_dialog.py" line="83"/>
        <location filename="../../ui/capture_dialog.py" line="104"/>
        <source>Số hóa hồ sơ {code}</source>
        <translation>Digitize dossier {code}</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="113"/>
        <source>Thành phần</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="121"/>
        <source>Màu khi lưu</source>
        <translation>Colour when saved</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="124"/>
        <source>Tự động</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="124"/>
        <source>Màu</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="125"/>
        <source>Xám</source>
        <translation>Grey</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="125"/>
        <source>Đen trắng</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="127"/>
        <source>Tự động: giữ màu khi trang có dấu đỏ, chữ ký màu; trang chỉ có chữ lưu đen trắng.</source>
        <translation>Automatic: colour is kept for red stamps and coloured signatures; text-only pages are saved black and white.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="146"/>
        <source>Tệp</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="147"/>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="148"/>
        <source>Máy ảnh</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="149"/>
        <source>Dùng lại</source>
        <translation>Reuse</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="164"/>
        <source>Chụp lại trang này</source>
        <translation>Re-take this page</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="166"/>
        <source>Trang chụp hoặc quét tiếp theo sẽ thay trang đang chọn</source>
        <translation>The next page captured or scanned replaces the selected one</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="184"/>
        <location filename="../../ui/capture_dialog.py" line="421"/>
        <source>Đang lưu %v/%m trang</source>
        <translation>Saving page %v of %m</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="186"/>
        <source>Hủy lưu</source>
        <translation>Cancel saving</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="189"/>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="194"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="243"/>
        <source>dùng lại</source>
        <translation>reused</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="243"/>
        <source>đã số hóa</source>
        <translation>digitized</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="244"/>
        <source>chưa số hóa</source>
        <translation>not digitized</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="265"/>
        <source>Thành phần này đang dùng lại tệp của hồ sơ trước; lưu sẽ thay bằng bản mới.</source>
        <translation>This component reuses a file from an earlier dossier; saving replaces it with the new capture.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="268"/>
        <source>Thành phần này đã được số hóa; lưu lần nữa sẽ thay bản đã lưu.</source>
        <translation>This component is already digitized; saving again replaces the stored file.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="293"/>
        <source>Đang đọc tệp…</source>
        <translation>Reading files…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="317"/>
        <source>Đã thay trang {n}.</source>
        <translation>Page {n} replaced.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="330"/>
        <source>Trang {n} sẽ được thay bằng trang chụp hoặc quét tiếp theo.</source>
        <translation>Page {n} will be replaced by the next page captured or scanned.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="344"/>
        <source>{n} trang</source>
        <translation>Pages: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="346"/>
        <source>{n} trang có cảnh báo</source>
        <translation>Warnings on {n} page(s)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="372"/>
        <source>Khay trống. Thêm tệp, quét hoặc chụp các trang theo đúng thứ tự; kéo thả để đổi thứ tự, Ctrl+↑/↓ để đưa trang lên hoặc xuống, Del để xóa.</source>
        <translation>The tray is empty. Add files, scan or photograph the pages in order; drag to reorder, Ctrl+↑/↓ to move a page earlier or later, Del to delete.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="386"/>
        <source>Khay chưa có trang nào để lưu.</source>
        <translation>The tray has no pages to save.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="389"/>
        <source>Chưa chọn thành phần hồ sơ.</source>
        <translation>No component is selected.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="401"/>
        <source>Đang lưu bản số hóa…</source>
        <translation>Saving the digitized copy…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="410"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="430"/>
        <source>Đã lưu thành phần {n} ({pages} trang, {dpi} dpi).</source>
        <translation>Component {n} saved ({pages} page(s), {dpi} dpi).</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="441"/>
        <source>Đã hủy lưu; các trang vẫn còn trong khay.</source>
        <translation>Saving cancelled; the pages are still in the tray.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="445"/>
        <source>Chưa lưu được: {why}</source>
        <translation>Not saved: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="451"/>
        <source>Thành phần {n} dùng lại tệp của hồ sơ {origin}.</source>
        <translation>Component {n} reuses the file of dossier {origin}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_dialog.py" line="472"/>
        <source>Đang dừng lưu…</source>
        <translation>Stopping the save…</translation>
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
        <location filename="../../ui/dossier_detail.py" line="83"/>
        <location filename="../../ui/dossier_detail.py" line="171"/>
        <source>Chọn một hồ sơ để xem chi tiết</source>
        <translation>Select a dossier to see its details</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="96"/>
        <source>Thành phần</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="96"/>
        <source>Chính</source>
        <translation>Orig.</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="96"/>
        <source>Sao</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="96"/>
        <source>Số hóa</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="110"/>
        <source>Thành phần hồ sơ</source>
        <translation>Components</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="112"/>
        <source>Quá trình xử lý</source>
        <translation>Processing history</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="120"/>
        <source>Lý do / ghi chú</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="123"/>
        <source>Giấy tờ cần bổ sung, ví dụ: 2, Giấy ủy quyền</source>
        <translation>Papers to supplement, e.g. 2, Power of attorney</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="124"/>
        <source>Số thứ tự thành phần hoặc tên giấy tờ, cách nhau bằng dấu phẩy</source>
        <translation>Component numbers or paper names, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="134"/>
        <source>Yêu cầu bổ sung</source>
        <translation>Request supplement</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="135"/>
        <source>Từ chối</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="136"/>
        <source>Chuyển xử lý</source>
        <translation>Send for processing</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="137"/>
        <source>Đã có kết quả</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="138"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="147"/>
        <source>In lại…</source>
        <translation>Reprint…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="151"/>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and appointment</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="152"/>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="167"/>
        <source>Đang tải hồ sơ…</source>
        <translation>Loading the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="189"/>
        <source>QUÁ HẠN</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="195"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="196"/>
        <source>Số CCCD/MST</source>
        <translation>ID number / tax code</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="197"/>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="198"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="199"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="200"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="201"/>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="202"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="203"/>
        <source>Đã trả</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="204"/>
        <source>Lệ phí</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="205"/>
        <source> (đã nộp)</source>
        <translation> (paid)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="205"/>
        <source> (chưa nộp)</source>
        <translation> (not paid)</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="208"/>
        <location filename="../../ui/dossier_detail.py" line="216"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="208"/>
        <source>Máy chủ từ chối: {reason}</source>
        <translation>Refused by the server: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="222"/>
        <source>Tái sử dụng</source>
        <translation>Reused</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="223"/>
        <source>Đã số hóa</source>
        <translation>Digitized</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="223"/>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="275"/>
        <source>Đang cập nhật hồ sơ…</source>
        <translation>Updating the dossier…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="281"/>
        <source>Đã cập nhật hồ sơ {code}: {status}</source>
        <translation>Dossier {code} updated: {status}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="301"/>
        <source>Số hóa lại thành phần này…</source>
        <translation>Digitize this component again…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="303"/>
        <source>Số hóa…</source>
        <translation>Digitize…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="304"/>
        <source>Quét, chụp hoặc thêm tệp cho thành phần này</source>
        <translation>Scan, photograph or add files for this component</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_detail.py" line="331"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <location filename="../../ui/dossier_model.py" line="59"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="59"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="59"/>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="60"/>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="60"/>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="60"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="99"/>
        <source>Đang tải danh sách hồ sơ…</source>
        <translation>Loading dossiers…</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="153"/>
        <source>Máy chủ từ chối hồ sơ này: {reason}</source>
        <translation>The server refused this dossier: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="163"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../ui/dossier_model.py" line="165"/>
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
        <location filename="../../ui/dossiers_page.py" line="117"/>
        <source>Màu đỏ: quá hạn · màu vàng: sắp đến hạn trong {n} ngày · ⚠ chữ đỏ: máy chủ từ chối (rê chuột để xem lý do)</source>
        <translation>Red: overdue · yellow: due within {n} days · ⚠ red text: refused by the server (hover for the reason)</translation>
    </message>
    <message>
        <source>PAKN quá hạn</source>
        <translation>Feedback overdue</translation>
    </message>
    <message>
        <source>PAKN sắp đến hạn</source>
        <translation>Feedback due soon</translation>
    </message>
    <message>
        <source>Mở sổ phản ánh, kiến nghị (PAKN)</source>
        <translation>Open the feedback register</translation>
    </message>
    <message>
        <source>Mở danh sách hồ sơ này</source>
        <translation>Open this list of dossiers</translation>
    </message>
</context>
<context>
    <name>EnrolmentBox</name>
    <message>
        <location filename="../../ui/enrolment_box.py" line="42"/>
        <source>Máy chủ đồng bộ</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="45"/>
        <source>Đang đọc trạng thái đăng ký…</source>
        <translation>Reading the enrolment state…</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="59"/>
        <source>mã dùng một lần do quản trị máy chủ cấp</source>
        <translation>one-time code from the server's administrator</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="60"/>
        <source>Đăng ký</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="69"/>
        <source>Địa chỉ máy chủ</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="71"/>
        <source>Mã đăng ký</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="73"/>
        <source>Quản trị máy chủ in mã bằng lệnh “python -m server admin enroll-station”. Sau khi đăng ký, quầy tự gửi hồ sơ lên máy chủ và nhận cập nhật về.</source>
        <translation>The server's administrator prints the code with “python -m server admin enroll-station”. Once enrolled, the station sends its dossiers to the server and receives updates by itself.</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="87"/>
        <source>Quầy chưa đăng ký: hồ sơ chỉ lưu trên máy này.</source>
        <translation>Not enrolled: dossiers are kept on this computer only.</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="91"/>
        <source>Đã đăng ký: quầy số {n} của cơ quan {office} với máy chủ {url}</source>
        <translation>Enrolled: station {n} of office {office} with server {url}</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="102"/>
        <source>Đang đăng ký với máy chủ…</source>
        <translation>Enrolling with the server…</translation>
    </message>
    <message>
        <location filename="../../ui/enrolment_box.py" line="108"/>
        <source>Đã đăng ký quầy với máy chủ; đồng bộ bắt đầu.</source>
        <translation>The station is enrolled with the server; syncing starts.</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../ui/capture_sources.py" line="124"/>
        <source>Thêm tệp… (Ctrl+O)</source>
        <translation>Add files… (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="128"/>
        <source>Ảnh JPEG, PNG, TIFF nhiều trang hoặc tệp PDF. Có thể kéo thả tệp vào khay.</source>
        <translation>JPEG, PNG, multi-page TIFF or PDF files. Files can also be dropped onto the tray.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="134"/>
        <source>Thư mục máy quét lưu tệp</source>
        <translation>Folder the scanner saves into</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="140"/>
        <source>chưa chọn thư mục</source>
        <translation>no folder chosen</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="141"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="148"/>
        <location filename="../../ui/capture_sources.py" line="200"/>
        <source>Theo dõi thư mục</source>
        <translation>Watch the folder</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="167"/>
        <source>Chọn ảnh hoặc tệp PDF</source>
        <translation>Choose images or PDF files</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="169"/>
        <source>Ảnh và PDF ({types})</source>
        <translation>Images and PDF ({types})</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="170"/>
        <source>Mọi tệp (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="178"/>
        <source>Chọn thư mục máy quét lưu tệp</source>
        <translation>Choose the folder the scanner saves into</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="199"/>
        <source>Đang theo dõi — bấm để dừng</source>
        <translation>Watching — click to stop</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="205"/>
        <source>Đã dừng theo dõi.</source>
        <translation>Stopped watching.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="212"/>
        <source>Chưa chọn thư mục để theo dõi.</source>
        <translation>No folder is chosen to watch.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="215"/>
        <source>Đang mở thư mục…</source>
        <translation>Opening the folder…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="229"/>
        <source>Đang theo dõi: tệp mới lưu vào thư mục sẽ vào khay.</source>
        <translation>Watching: new files saved into the folder go to the tray.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="231"/>
        <source>Đã nhận {n} tệp.</source>
        <translation>Files received: {n}.</translation>
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
        <source>Cơ sở dữ liệu bị hỏng</source>
        <translation>The database is damaged</translation>
    </message>
    <message>
        <source>Kiểm tra cơ sở dữ liệu phát hiện trang bị hỏng ({problem}). Đừng tiếp nhận thêm: đóng cửa sổ, chạy “backup list” rồi “restore TỆP” với bản sao lưu gần nhất.</source>
        <translation>The database check found a damaged page ({problem}). Receive nothing more: close the window, run “backup list”, then “restore FILE” with the newest backup.</translation>
    </message>
    <message>
        <source>Có bản cập nhật {version}</source>
        <translation>Update {version} available</translation>
    </message>
    <message>
        <source>Phiên bản {version} đã sẵn sàng trên máy chủ. Cập nhật khi không tiếp nhận: đóng cửa sổ rồi chạy “motcua-desk update apply”; dữ liệu được giữ nguyên.</source>
        <translation>Version {version} is ready on the server. Update when not receiving: close the window and run “motcua-desk update apply”; the data is kept.</translation>
    </message>
    <message>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <source>MotCua Desk — Bộ phận Một cửa</source>
        <translation>MotCua Desk — One-stop counter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Tiếp nhận</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Tra cứu</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Trả kết quả</source>
        <translation>Return results</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>Cán bộ: {name} ({role})</source>
        <translation>Officer: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>Quầy {n} · {office}</source>
        <translation>Counter {n} · {office}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>{first} (và {n} cảnh báo khác)</source>
        <translation>{first} (+{n} more)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369"/>
        <source>⚠ {n} cảnh báo</source>
        <translation>⚠ warnings: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>Chờ đồng bộ: {n}</source>
        <translation>Waiting to sync: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>Còn {size} tệp</source>
        <translation>{size} of files left</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>Tệp đã số hóa chưa tải lên máy chủ</source>
        <translation>Digitized files not yet uploaded to the server</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>chưa có</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>Đồng bộ lần cuối: {t}</source>
        <translation>Last sync: {t}</translation>
    </message>
    <message>
        <source>Phản ánh</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Sao lưu {time}: có lỗi</source>
        <translation>Backup {time}: with errors</translation>
    </message>
    <message>
        <source>Bản sao lưu trên máy đã tạo, nhưng: {problem}</source>
        <translation>The backup on this PC was made, but: {problem}</translation>
    </message>
    <message>
        <source>Đã sao lưu {time}</source>
        <translation>Backed up {time}</translation>
    </message>
    <message>
        <source>Chưa sao lưu được hôm nay</source>
        <translation>No backup made today</translation>
    </message>
    <message>
        <source>Bản sao lưu mới nhất đã kiểm tra tốt: {file}</source>
        <translation>The newest backup, checked and good: {file}</translation>
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
        <location filename="../../ui/receive_page.py" line="185"/>
        <source>Số hóa hồ sơ</source>
        <translation>Digitize dossier</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="187"/>
        <source>Quét hoặc chụp giấy tờ của hồ sơ vừa tiếp nhận</source>
        <translation>Scan or photograph the papers of the dossier just received</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="234"/>
        <source>Đang tải thủ tục…</source>
        <translation>Loading the procedure…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="245"/>
        <source>Không thu lệ phí</source>
        <translation>No fee</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="251"/>
        <source>Thủ tục chưa có thời hạn giải quyết đã xác minh; lãnh đạo bộ phận cần nhập trước khi tiếp nhận.</source>
        <translation>This procedure has no confirmed processing time; a supervisor must record it before dossiers can be received.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="274"/>
        <source>Đã đọc CCCD của {name}.</source>
        <translation>ID card of {name} read.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="315"/>
        <source>Chưa chọn thủ tục.</source>
        <translation>No procedure chosen.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="330"/>
        <location filename="../../ui/receive_page.py" line="386"/>
        <source>Giấy tiếp nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="331"/>
        <source>Đang tiếp nhận và in biên nhận…</source>
        <translation>Receiving and printing the receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="337"/>
        <source>Đã tiếp nhận hồ sơ {code} — hẹn trả {due}</source>
        <translation>Dossier {code} received — due {due}</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="344"/>
        <source>Hồ sơ đã được tiếp nhận nhưng chưa in được biên nhận: {why} Nhấn Ctrl+P để in lại.</source>
        <translation>The dossier was received but the receipt could not be printed: {why} Press Ctrl+P to print it again.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="382"/>
        <source>Chưa có biên nhận nào để in.</source>
        <translation>No receipt to print yet.</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="387"/>
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="399"/>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request to supplement the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="400"/>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Refusal to accept the dossier</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="403"/>
        <source>Đang in phiếu…</source>
        <translation>Printing the slip…</translation>
    </message>
    <message>
        <location filename="../../ui/receive_page.py" line="451"/>
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
    <name>ReusePanel</name>
    <message>
        <location filename="../../ui/capture_reuse.py" line="35"/>
        <source>Giấy tờ người nộp đã số hóa trong hồ sơ trước đây; chọn một tệp để dùng lại cho thành phần đang chọn thay vì chụp lại.</source>
        <translation>Papers of this applicant digitized in earlier dossiers; choose one to reuse for the selected component instead of capturing it again.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_reuse.py" line="44"/>
        <source>Dùng lại cho thành phần này</source>
        <translation>Reuse for this component</translation>
    </message>
    <message>
        <location filename="../../ui/capture_reuse.py" line="66"/>
        <source>{name}
Hồ sơ {code}, nhận ngày {day} · {pages} trang</source>
        <translation>{name}
Dossier {code}, received {day} · {pages} page(s)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_reuse.py" line="74"/>
        <source>Người nộp chưa có giấy tờ nào được số hóa ở hồ sơ trước.</source>
        <translation>The applicant has no papers digitized in earlier dossiers.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_reuse.py" line="99"/>
        <source>Đang liên kết tệp…</source>
        <translation>Linking the file…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_reuse.py" line="104"/>
        <source>Đã dùng lại tệp của hồ sơ {origin} cho thành phần {n}.</source>
        <translation>The file of dossier {origin} is reused for component {n}.</translation>
    </message>
</context>
<context>
    <name>ScannerPanel</name>
    <message>
        <location filename="../../ui/capture_sources.py" line="285"/>
        <source>tên thiết bị</source>
        <translation>device name</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="286"/>
        <source>Tìm lại</source>
        <translation>Search again</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="292"/>
        <source>Máy quét</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="300"/>
        <source>Độ phân giải</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="304"/>
        <source>Chế độ quét</source>
        <translation>Scan mode</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="308"/>
        <source>Nguồn giấy</source>
        <translation>Paper source</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="313"/>
        <source>đến hết giấy</source>
        <translation>until the feeder is empty</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="314"/>
        <source>Chỉ dùng với khay nạp giấy; mặt kính quét một trang mỗi lần.</source>
        <translation>Only for the document feeder; the flatbed scans one page at a time.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="316"/>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="320"/>
        <source>tùy chọn riêng của máy quét (nếu cần)</source>
        <translation>the scanner&apos;s own options (if needed)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="321"/>
        <source>Nâng cao</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="325"/>
        <source>Quét (F5)</source>
        <translation>Scan (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="328"/>
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="356"/>
        <source>Màu</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="356"/>
        <source>Xám</source>
        <translation>Grey</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="357"/>
        <source>Đen trắng</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="364"/>
        <source>Mặt kính</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="364"/>
        <source>Khay nạp giấy (ADF)</source>
        <translation>Document feeder (ADF)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="365"/>
        <source>Hai mặt (duplex)</source>
        <translation>Both sides (duplex)</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="377"/>
        <source>Đang tìm máy quét…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="389"/>
        <source>Tìm thấy {n} máy quét.</source>
        <translation>Scanners found: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="392"/>
        <source>Không tìm thấy máy quét nào. Kiểm tra cáp và nguồn rồi bấm “Tìm lại”, hoặc gõ tên thiết bị.</source>
        <translation>No scanner was found. Check the cable and power and click “Search again”, or type the device name.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="420"/>
        <source>Máy quét sẵn sàng.</source>
        <translation>The scanner is ready.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="446"/>
        <source>Chưa chọn máy quét.</source>
        <translation>No scanner is selected.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="456"/>
        <location filename="../../ui/capture_sources.py" line="459"/>
        <source>Đang quét…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="464"/>
        <source>Đang quét… đã nhận {n} trang.</source>
        <translation>Scanning… pages received: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="468"/>
        <source>Đã quét {n} trang.</source>
        <translation>Pages scanned: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="473"/>
        <source>Đã dừng quét; {n} trang đã vào khay.</source>
        <translation>Scanning stopped; pages in the tray: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/capture_sources.py" line="481"/>
        <source>Đang dừng sau trang hiện tại…</source>
        <translation>Stopping after the current page…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>để trống: chỉ hỏi đánh giá chung; vd attitude, waiting</source>
        <translation>empty: only the overall question; e.g. attitude, waiting</translation>
    </message>
    <message>
        <source>Tiêu chí đánh giá hài lòng</source>
        <translation>Satisfaction criteria</translation>
    </message>
    <message>
        <source>Màn hình đánh giá của người dân</source>
        <translation>Citizen's rating screen</translation>
    </message>
    <message>
        <source>Tự chọn (màn hình thứ hai, nếu có)</source>
        <translation>Automatic (the second screen, if any)</translation>
    </message>
    <message>
        <source>Không dùng</source>
        <translation>Not used</translation>
    </message>
    <message>
        <source>Màn hình {n}: {name} ({w}×{h})</source>
        <translation>Screen {n}: {name} ({w}×{h})</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="74"/>
        <source>In ấn và ngôn ngữ</source>
        <translation>Printing and language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="75"/>
        <source>Cơ quan</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="76"/>
        <source>Giờ làm việc và lịch</source>
        <translation>Working hours and calendar</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77"/>
        <source>Máy chủ đồng bộ</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="78"/>
        <source>Tra cứu và VietQR</source>
        <translation>Look-up and VietQR</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="79"/>
        <source>Bảo mật</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="86"/>
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="125"/>
        <source>Mã định danh cơ quan</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="126"/>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="127"/>
        <source>Tên cơ quan</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="129"/>
        <source>Cơ quan cấp trên</source>
        <translation>Parent agency</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="130"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="131"/>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="132"/>
        <source>Địa danh trên văn bản</source>
        <translation>Place on documents</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="133"/>
        <source>Họ tên thủ trưởng</source>
        <translation>Head of office</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="134"/>
        <source>Chức vụ thủ trưởng</source>
        <translation>Head&apos;s title</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="143"/>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="145"/>
        <source>Sau giờ này tính sang ngày sau</source>
        <translation>Count from the next day after</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="148"/>
        <source>Ngày nghỉ thêm và ngày làm bù của cơ quan</source>
        <translation>The office&apos;s extra days off and extra working days</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="151"/>
        <source>Ngày</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="151"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="152"/>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="165"/>
        <location filename="../../ui/settings_page.py" line="298"/>
        <source>Ngày nghỉ thêm</source>
        <translation>Extra day off</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="166"/>
        <location filename="../../ui/settings_page.py" line="298"/>
        <source>Ngày làm bù</source>
        <translation>Extra working day</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="168"/>
        <source>Căn cứ, ví dụ Quyết định số …</source>
        <translation>Basis, e.g. Decision no. …</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="169"/>
        <source>Thêm</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="171"/>
        <source>Xóa ngày đã chọn</source>
        <translation>Remove selected day</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="190"/>
        <source>(máy in mặc định của Windows/hệ thống)</source>
        <translation>(the system&apos;s default printer)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="196"/>
        <source>Khổ A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="197"/>
        <source>Giấy cuộn 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="199"/>
        <source>In hai liên biên nhận trên một trang A4</source>
        <translation>Print both receipt copies on one A4 page</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="207"/>
        <source>Máy in</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="208"/>
        <source>Khổ giấy biên nhận</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="210"/>
        <source>Số điện thoại in trên phiếu</source>
        <translation>Phone printed on slips</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="212"/>
        <source>Ngôn ngữ giao diện</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="223"/>
        <source>Đồng bộ tự động và cảnh báo</source>
        <translation>Automatic sync and warnings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="226"/>
        <source>Đồng bộ tự động mỗi</source>
        <translation>Sync automatically every</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="227"/>
        <source> giây</source>
        <translation> seconds</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="228"/>
        <source>Cảnh báo khi hồ sơ chờ gửi quá</source>
        <translation>Warn when changes have waited unsent for over</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="229"/>
        <source> giờ</source>
        <translation> hours</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="230"/>
        <source>Cảnh báo khi danh mục và lịch cũ quá</source>
        <translation>Warn when the catalogue and calendar are older than</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="231"/>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="240"/>
        <source>Trang tra cứu công khai</source>
        <translation>Public look-up page</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="241"/>
        <source>để trống: dùng địa chỉ máy chủ</source>
        <translation>empty: use the server address</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="242"/>
        <source>Mã BIN ngân hàng</source>
        <translation>Bank BIN</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="243"/>
        <source>Số tài khoản nhận phí</source>
        <translation>Fee account number</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="245"/>
        <source>Tên tài khoản</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="253"/>
        <source>Khóa màn hình sau</source>
        <translation>Lock the screen after</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="254"/>
        <source> phút không thao tác</source>
        <translation> idle minutes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="255"/>
        <source>Số lần đăng nhập sai tối đa</source>
        <translation>Failed sign-ins allowed</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="256"/>
        <source> lần</source>
        <translation> times</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="257"/>
        <source>Thời gian khóa tài khoản</source>
        <translation>Account lock time</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="258"/>
        <source> phút</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="284"/>
        <source>Quầy số {n} (số thứ tự {a}–{b} mỗi ngày)</source>
        <translation>Counter {n} (numbers {a}–{b} each day)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="312"/>
        <source>Bạn có quyền quản trị: được sửa mọi thiết lập.</source>
        <translation>You are an administrator: every setting can be changed.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="315"/>
        <source>Chỉ quản trị được sửa thông tin cơ quan, giờ làm việc, máy chủ và bảo mật; bạn được chỉnh phần in ấn và ngôn ngữ của quầy này.</source>
        <translation>Only an administrator changes the office, working hours, server and security settings; you can set this counter&apos;s printing and language.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="356"/>
        <source>Đang lưu thiết lập…</source>
        <translation>Saving settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="361"/>
        <source>Đã lưu thiết lập.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="363"/>
        <source>Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
        <translation>The new language applies when the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="385"/>
        <source>Chọn một ngày trong bảng để xóa.</source>
        <translation>Select a day in the table to remove.</translation>
    </message>
    <message>
        <source>để trống: không chép đi đâu</source>
        <translation>leave empty: no second copy</translation>
    </message>
    <message>
        <source>Sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Nhật ký</source>
        <translation>Audit log</translation>
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
    <name>SyncLink</name>
    <message>
        <location filename="../../ui/sync_page.py" line="52"/>
        <source>● Chưa đăng ký máy chủ</source>
        <translation>● Not enrolled with a server</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="52"/>
        <source>Hồ sơ chỉ lưu trên máy này cho đến khi quản trị đăng ký quầy với máy chủ.</source>
        <translation>Dossiers stay on this computer only until an administrator enrols the station with a server.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="58"/>
        <source>● Đang đồng bộ…</source>
        <translation>● Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="61"/>
        <source>● Đang kết nối…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="63"/>
        <source>● Ngoại tuyến</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="65"/>
        <source>● Trực tuyến · đồng bộ lỗi</source>
        <translation>● Online · sync failed</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="66"/>
        <source>● Trực tuyến</source>
        <translation>● Online</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_page.py" line="92"/>
        <source>Đồng bộ với máy chủ</source>
        <translation>Sync with the server</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="102"/>
        <source>Các lần đồng bộ gần đây</source>
        <translation>Recent sync rounds</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="103"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="103"/>
        <source>Gửi lên</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="104"/>
        <source>Nhận về</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="104"/>
        <source>Tải tệp lên</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="105"/>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="113"/>
        <source>Hồ sơ bị máy chủ từ chối (vẫn lưu trên máy này; nhấn đúp để mở)</source>
        <translation>Dossiers refused by the server (still kept here; double-click to open)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="116"/>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="116"/>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="116"/>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="116"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="140"/>
        <source>Máy chủ</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="140"/>
        <source>Quầy</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="141"/>
        <source>Kết nối</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="141"/>
        <source>Chờ gửi</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="142"/>
        <source>Đồng bộ thành công lần cuối</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="143"/>
        <source>Lần thử gần nhất</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="161"/>
        <source>Đồng bộ ngay</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="200"/>
        <source>Đang bắt đầu đồng bộ…</source>
        <translation>Starting to sync…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="206"/>
        <source>chưa đăng ký</source>
        <translation>not enrolled</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="207"/>
        <source>Quầy số {n} · {office}</source>
        <translation>Station {n} · {office}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="209"/>
        <source>{n} thay đổi</source>
        <translation>{n} change(s)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="211"/>
        <source>{size} tệp chưa tải lên</source>
        <translation>{size} of files not uploaded</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="238"/>
        <source>Quản trị đăng ký quầy với máy chủ ở Cài đặt → Máy chủ đồng bộ.</source>
        <translation>An administrator enrols the station in Settings → Sync server.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="241"/>
        <source>Tự động đồng bộ mỗi {n} giây và ngay khi có mạng trở lại.</source>
        <translation>Syncs automatically every {n} seconds, and as soon as the network is back.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="252"/>
        <source>Đang gửi thay đổi: {done}/{total}</source>
        <translation>Sending changes: {done}/{total}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="258"/>
        <source>Đang tải tệp lên: {done} / {total}</source>
        <translation>Uploading files: {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="262"/>
        <source>Đang nhận cập nhật từ máy chủ…</source>
        <translation>Receiving updates from the server…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="263"/>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="317"/>
        <source>Thành công</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="319"/>
        <source>{n} bị từ chối</source>
        <translation>{n} refused</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="322"/>
        <source>{n} xung đột (giữ cả hai phiên bản)</source>
        <translation>{n} conflicts (both versions kept)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="325"/>
        <source>danh mục thủ tục</source>
        <translation>procedure catalogue</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="326"/>
        <source>lịch làm việc</source>
        <translation>working calendar</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="326"/>
        <source>cán bộ</source>
        <translation>officers</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="327"/>
        <source>cập nhật {what}</source>
        <translation>updated {what}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="330"/>
        <source>không có gì mới</source>
        <translation>nothing new</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="335"/>
        <source>{n} lần từ {time}</source>
        <translation>{n} times since {time}</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="214"/>
        <source>chưa có</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>TrayDelegate</name>
    <message>
        <location filename="../../ui/capture_tile.py" line="64"/>
        <source>{dpi} dpi</source>
        <translation>{dpi} dpi</translation>
    </message>
    <message>
        <location filename="../../ui/capture_tile.py" line="66"/>
        <source>khổ nhỏ</source>
        <translation>small page</translation>
    </message>
    <message>
        <location filename="../../ui/capture_tile.py" line="102"/>
        <source>Trang {n}</source>
        <translation>Page {n}</translation>
    </message>
</context>
<context>
    <name>TrayModel</name>
    <message>
        <location filename="../../ui/capture_tray.py" line="116"/>
        <source>Trang {n}: {label}</source>
        <translation>Page {n}: {label}</translation>
    </message>
    <message>
        <location filename="../../ui/capture_tray.py" line="120"/>
        <source>{w} × {h} điểm ảnh, {dpi} dpi</source>
        <translation>{w} × {h} pixels, {dpi} dpi</translation>
    </message>
</context>
<context>
    <name>TrayView</name>
    <message>
        <location filename="../../ui/capture_tray.py" line="318"/>
        <source>Xoay trái</source>
        <translation>Turn left</translation>
    </message>
    <message>
        <location filename="../../ui/capture_tray.py" line="320"/>
        <source>Xoay phải</source>
        <translation>Turn right</translation>
    </message>
    <message>
        <location filename="../../ui/capture_tray.py" line="322"/>
        <source>Lên trước</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <location filename="../../ui/capture_tray.py" line="324"/>
        <source>Xuống sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../ui/capture_tray.py" line="326"/>
        <source>Xóa trang</source>
        <translation>Delete page</translation>
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
<context>
    <name>ReportsPage</name>
    <message>
        <source>Tỷ lệ kết quả điện tử</source>
        <translation>Electronic results</translation>
    </message>
    <message>
        <source>Nhấn vào một chỉ số để xem các hồ sơ.</source>
        <translation>Click a figure to list its dossiers.</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Khoảng ngày</source>
        <translation>Date range</translation>
    </message>
    <message>
        <source>Xem báo cáo</source>
        <translation>Show report</translation>
    </message>
    <message>
        <source>Xuất Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>Xuất PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Báo cáo cuối ngày</source>
        <translation>Close of day</translation>
    </message>
    <message>
        <source>Kỳ:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Quý </source>
        <translation>Quarter </translation>
    </message>
    <message>
        <source>Tháng </source>
        <translation>Month </translation>
    </message>
    <message>
        <source>Đang tính {period}…</source>
        <translation>Computing {period}…</translation>
    </message>
    <message>
        <source>Đang tính báo cáo…</source>
        <translation>Computing the report…</translation>
    </message>
    <message>
        <source>{office} — {period} (số liệu đến {as_of})</source>
        <translation>{office} — {period} (figures as of {as_of})</translation>
    </message>
    <message>
        <source>{sign} {diff} so với kỳ trước ({before})</source>
        <translation>{sign} {diff} against the previous period ({before})</translation>
    </message>
    <message>
        <source>Chưa tính được</source>
        <translation>Not computed</translation>
    </message>
    <message>
        <source>Không có hồ sơ</source>
        <translation>No dossiers</translation>
    </message>
    <message>
        <source>Kỳ trước: —</source>
        <translation>Previous period: —</translation>
    </message>
    <message>
        <source>{sign} {points} điểm % so với kỳ trước</source>
        <translation>{sign} {points} percentage points against the previous period</translation>
    </message>
    <message>
        <source>{name}: {points}/{max} điểm</source>
        <translation>{name}: {points}/{max} points</translation>
    </message>
    <message>
        <source> (trên {group_max})</source>
        <translation> (of {group_max})</translation>
    </message>
    <message>
        <source>, kỳ trước {points}</source>
        <translation>, previous period {points}</translation>
    </message>
    <message>
        <source> — trọng số chưa xác minh</source>
        <translation> — weights unverified</translation>
    </message>
    <message>
        <source>Điểm theo Quyết định 766/QĐ-TTg: </source>
        <translation>Decision 766/QĐ-TTg points: </translation>
    </message>
    <message>
        <source>. Chưa tính được: {groups}.</source>
        <translation>. Not computed: {groups}.</translation>
    </message>
    <message>
        <source>chưa có hồ sơ.</source>
        <translation>no dossiers yet.</translation>
    </message>
    <message>
        <source>Chỉ số này không có danh sách hồ sơ.</source>
        <translation>This figure has no list of dossiers.</translation>
    </message>
    <message>
        <source>{title}: {n} hồ sơ</source>
        <translation>{title}: {n} dossiers</translation>
    </message>
    <message>
        <source> (hiện 5.000 hồ sơ đầu)</source>
        <translation> (the first 5,000 shown)</translation>
    </message>
    <message>
        <source>Đang lấy danh sách hồ sơ…</source>
        <translation>Listing the dossiers…</translation>
    </message>
    <message>
        <source>Xuất báo cáo</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>Đã xuất báo cáo ra {path}</source>
        <translation>Report written to {path}</translation>
    </message>
    <message>
        <source>Đang xuất báo cáo…</source>
        <translation>Exporting the report…</translation>
    </message>
    <message>
        <source>Đang lập báo cáo cuối ngày…</source>
        <translation>Preparing the close-of-day summary…</translation>
    </message>
    <message>
        <source>Tiếp nhận trong kỳ</source>
        <translation>Received in the period</translation>
    </message>
    <message>
        <source>Kỳ trước chuyển sang</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <source>Giải quyết trước hạn</source>
        <translation>Resolved early</translation>
    </message>
    <message>
        <source>Giải quyết đúng hạn</source>
        <translation>Resolved on time</translation>
    </message>
    <message>
        <source>Giải quyết quá hạn</source>
        <translation>Resolved late</translation>
    </message>
    <message>
        <source>Đang giải quyết trong hạn</source>
        <translation>In progress, on time</translation>
    </message>
    <message>
        <source>Đang giải quyết quá hạn</source>
        <translation>In progress, overdue</translation>
    </message>
    <message>
        <source>Hồ sơ trực tuyến</source>
        <translation>Online dossiers</translation>
    </message>
    <message>
        <source>Tỷ lệ số hóa khi tiếp nhận</source>
        <translation>Digitized at intake</translation>
    </message>
    <message>
        <source>Tỷ lệ thành phần dùng lại</source>
        <translation>Components reused</translation>
    </message>
    <message>
        <source>Tỷ lệ hồ sơ trực tuyến</source>
        <translation>Online share</translation>
    </message>
    <message>
        <source>Tỷ lệ không dùng tiền mặt</source>
        <translation>Cashless share</translation>
    </message>
</context>
<context>
    <name>CustomerScreen</name>
    <message>
        <source>Đánh giá mức độ hài lòng</source>
        <translation>Satisfaction rating</translation>
    </message>
    <message>
        <source>Chạm vào một nút, hoặc bấm phím 1, 2, 3 trên bàn phím số.
Đánh giá là ẩn danh: cán bộ không xem được đánh giá của từng người.</source>
        <translation>Touch a button, or press 1, 2 or 3 on the numeric keypad.
Ratings are anonymous: officers cannot see any one person's rating.</translation>
    </message>
    <message>
        <source>Gửi đánh giá</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <source>Hoặc quét mã để đánh giá
trên điện thoại</source>
        <translation>Or scan the code to rate
on your phone</translation>
    </message>
    <message>
        <source>Chuẩn bị màn hình đánh giá…</source>
        <translation>Preparing the rating screen…</translation>
    </message>
    <message>
        <source>Ông/bà hài lòng thế nào với việc tiếp nhận hồ sơ?</source>
        <translation>How satisfied are you with how your dossier was received?</translation>
    </message>
    <message>
        <source>Ông/bà hài lòng thế nào với việc trả kết quả?</source>
        <translation>How satisfied are you with how your result was handed over?</translation>
    </message>
    <message>
        <source>Hồ sơ {code}</source>
        <translation>Dossier {code}</translation>
    </message>
    <message>
        <source>Đánh giá chung</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>Đang ghi nhận đánh giá…</source>
        <translation>Recording the rating…</translation>
    </message>
    <message>
        <source>Cảm ơn ông/bà đã đánh giá!</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <source>Chưa ghi nhận được đánh giá.</source>
        <translation>The rating could not be recorded.</translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message>
        <source>Chọn một phản ánh trong sổ để xem chi tiết.</source>
        <translation>Select an item of the register to see it.</translation>
    </message>
    <message>
        <source>Ghi trả lời</source>
        <translation>Record answer</translation>
    </message>
    <message>
        <source>Hiển thị:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Họ và tên *</source>
        <translation>Full name *</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>In lại phiếu tiếp nhận có mã QR tra cứu</source>
        <translation>Print the acknowledgement with its status QR again</translation>
    </message>
    <message>
        <source>In phiếu tiếp nhận</source>
        <translation>Print acknowledgement</translation>
    </message>
    <message>
        <source>In trả lời</source>
        <translation>Print answer</translation>
    </message>
    <message>
        <source>In văn bản trả lời gửi người phản ánh</source>
        <translation>Print the answer letter to the sender</translation>
    </message>
    <message>
        <source>Kênh tiếp nhận</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Nội dung *</source>
        <translation>Content *</translation>
    </message>
    <message>
        <source>Nội dung trả lời của cơ quan…</source>
        <translation>The office's answer…</translation>
    </message>
    <message>
        <source>Phiếu tiếp nhận phản ánh</source>
        <translation>Feedback acknowledgement</translation>
    </message>
    <message>
        <source>Phân loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Sổ tiếp nhận phản ánh, kiến nghị</source>
        <translation>Feedback register</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Tiếp nhận phản ánh mới</source>
        <translation>New feedback</translation>
    </message>
    <message>
        <source>Tiếp nhận phản ánh, kiến nghị</source>
        <translation>Receive feedback</translation>
    </message>
    <message>
        <source>Trả lời</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>Tự phân loại theo mã hồ sơ</source>
        <translation>Classify from the dossier code</translation>
    </message>
    <message>
        <source>Vào sổ và in phiếu tiếp nhận</source>
        <translation>Enter and print acknowledgement</translation>
    </message>
    <message>
        <source>Văn bản trả lời phản ánh</source>
        <translation>Feedback answer letter</translation>
    </message>
    <message>
        <source>Về hồ sơ (mã)</source>
        <translation>About dossier (code)</translation>
    </message>
    <message>
        <source>Đang chuẩn bị bản in…</source>
        <translation>Preparing the print…</translation>
    </message>
    <message>
        <source>Đang ghi trả lời…</source>
        <translation>Recording the answer…</translation>
    </message>
    <message>
        <source>Đang vào sổ…</source>
        <translation>Entering…</translation>
    </message>
    <message>
        <source>Điện thoại *</source>
        <translation>Phone *</translation>
    </message>
    <message>
        <source>Đã ghi câu trả lời.</source>
        <translation>Answer recorded.</translation>
    </message>
    <message>
        <source>Đã vào sổ phản ánh {code}; hạn trả lời {due}.</source>
        <translation>Feedback {code} entered; answer due {due}.</translation>
    </message>
    <message>
        <source>Địa chỉ *</source>
        <translation>Address *</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Chưa trả lời</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Hạn tính theo ngày làm việc trên lịch của cơ quan (Nghị định 20/2008/NĐ-CP). Màu đỏ: quá hạn · màu vàng: còn hai ngày làm việc trở xuống.</source>
        <translation>Deadlines in working days on the office calendar (Decree 20/2008/ND-CP). Red: overdue · yellow: two working days or fewer left.</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>Nơi sao lưu</source>
        <translation>Backup locations</translation>
    </message>
    <message>
        <source>Bản sao lưu hằng ngày</source>
        <translation>Daily backups</translation>
    </message>
    <message>
        <source>Nơi sao lưu thứ hai (USB, thư mục mạng)</source>
        <translation>Second destination (USB drive, network folder)</translation>
    </message>
    <message>
        <source>Sao lưu ngay</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Kiểm tra bản đã chọn</source>
        <translation>Check the selected backup</translation>
    </message>
    <message>
        <source>Tải lại danh sách</source>
        <translation>Reload the list</translation>
    </message>
    <message>
        <source>Tạo lúc</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Tệp số hóa</source>
        <translation>Scanned files</translation>
    </message>
    <message>
        <source>Tệp sao lưu</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <source>Khôi phục: đóng cửa sổ MotCua Desk rồi chạy “motcua-desk restore TỆP” với tệp sao lưu ở trên. Dữ liệu đang dùng được giữ lại một bản an toàn trước khi thay.</source>
        <translation>To restore: close the MotCua Desk window, then run “motcua-desk restore FILE” with a backup file above. A safety copy of the data in use is kept before it is replaced.</translation>
    </message>
    <message>
        <source>Đang sao lưu và kiểm tra bản sao lưu…</source>
        <translation>Backing up and checking the backup…</translation>
    </message>
    <message>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Đã sao lưu và kiểm tra: {file} ({files} tệp số hóa kèm theo).</source>
        <translation>Backed up and checked: {file} (with {files} scanned files).</translation>
    </message>
    <message>
        <source>Đã chép sang nơi thứ hai.</source>
        <translation>Copied to the second destination.</translation>
    </message>
    <message>
        <source>Không chép được sang nơi thứ hai ({error}).</source>
        <translation>Could not copy to the second destination ({error}).</translation>
    </message>
    <message>
        <source>Chọn một bản sao lưu trong danh sách để kiểm tra.</source>
        <translation>Select a backup in the list to check it.</translation>
    </message>
    <message>
        <source>Đang kiểm tra bản sao lưu…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <source>Bản sao lưu tốt: {file}</source>
        <translation>The backup is good: {file}</translation>
    </message>
    <message>
        <source>Bản sao lưu không dùng được.</source>
        <translation>The backup cannot be used.</translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>Đang sao lưu hằng ngày…</source>
        <translation>Making the daily backup…</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>Mọi cán bộ</source>
        <translation>All officers</translation>
    </message>
    <message>
        <source>Mọi thao tác</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Từ ngày</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Lọc</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Đối tượng</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Đang đọc nhật ký…</source>
        <translation>Reading the audit log…</translation>
    </message>
    <message>
        <source>{n} mục khớp</source>
        <translation>{n} entries match</translation>
    </message>
    <message>
        <source> (hiện {shown} mục mới nhất)</source>
        <translation> (showing the newest {shown})</translation>
    </message>
</context>
</TS>
