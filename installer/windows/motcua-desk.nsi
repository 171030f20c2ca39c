; MotCua Desk for Windows 10/11: a per-user installer (no administrator rights).
;
;   makensis -DVERSION=0.1.0 -DBUNDLE=dist\motcua-desk -DICON=installer\build\motcua-desk.ico \
;            -DOUTFILE=dist\MotCuaDesk-0.1.0-setup.exe installer\windows\motcua-desk.nsi
;
; Layout, matching app/update/layout.py:
;   %LOCALAPPDATA%\Programs\MotCuaDesk\app\        the frozen bundle installed here
;   %LOCALAPPDATA%\Programs\MotCuaDesk\versions\   versions installed by "update apply"
;   %LOCALAPPDATA%\MotCuaDesk\                     the station's data: never touched here
;
; The uninstaller removes the program folder, the shortcuts, the scheduled
; backup task and its registry entry, and leaves the data folder in place.

Unicode true
!include "MUI2.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef BUNDLE
  !error "pass -DBUNDLE=path\to\dist\motcua-desk"
!endif
!ifndef OUTFILE
  !define OUTFILE "MotCuaDesk-${VERSION}-setup.exe"
!endif

!define APPNAME "MotCua Desk"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MotCuaDesk"
!define TASKNAME "MotCua Desk\Sao luu hang ngay"
!define BACKUPTIME "17:45"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\MotCuaDesk"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
SetCompressor /SOLID lzma
ShowInstDetails show
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APPNAME}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APPNAME} – Bộ phận Một cửa"
VIAddVersionKey "LegalCopyright" "MIT"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\app\MotCuaDesk.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

Section "MotCua Desk" SecMain
  SectionIn RO
  ; A new installation replaces the packaged bundle only; versions installed
  ; by "update apply" and the data folder stay.
  RMDir /r "$INSTDIR\app"
  SetOutPath "$INSTDIR\app"
  File /r "${BUNDLE}\*.*"
  FileOpen $0 "$INSTDIR\app\version.txt" w
  FileWrite $0 "${VERSION}$\r$\n"
  FileClose $0

  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\app\MotCuaDesk.exe" "" "$INSTDIR\app\MotCuaDesk.exe" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\Gỡ cài đặt ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\app\MotCuaDesk.exe" "" "$INSTDIR\app\MotCuaDesk.exe" 0

  ; Registers no file type (the program opens no documents by double-click).
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "MotCua Desk"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\app\MotCuaDesk.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1

  Call ScheduleBackup
SectionEnd

; The daily backup task, created only when this version has the "backup"
; subcommand (its --help answers 0). It runs as the user who installed, at
; the end of the working day, and also at the next log-on if the PC was off.
Function ScheduleBackup
  nsExec::ExecToLog '"$INSTDIR\app\motcua-desk.exe" backup --help'
  Pop $0
  ${If} $0 == "0"
    nsExec::ExecToLog 'schtasks /Create /F /SC DAILY /ST ${BACKUPTIME} /TN "${TASKNAME}" /TR "\"$INSTDIR\app\motcua-desk.exe\" backup"'
    Pop $0
    ${If} $0 != "0"
      DetailPrint "Không tạo được lịch sao lưu hằng ngày (schtasks: $0)."
    ${EndIf}
  ${Else}
    DetailPrint "Phiên bản này chưa có lệnh sao lưu; không tạo lịch sao lưu."
  ${EndIf}
FunctionEnd

Section "Uninstall"
  nsExec::ExecToLog 'schtasks /Delete /F /TN "${TASKNAME}"'
  Pop $0
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  ; The program only: the bundle, updated versions, update metadata. The data
  ; folder ($LOCALAPPDATA\MotCuaDesk) is another folder and is kept.
  RMDir /r "$INSTDIR\app"
  RMDir /r "$INSTDIR\versions"
  RMDir /r "$INSTDIR\tuf"
  RMDir /r "$INSTDIR\downloads"
  Delete "$INSTDIR\current.json"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
SectionEnd
