; Inno Setup script for the Windows installer of Tribunal (巡回仲裁庭书记员工作台).
;
; Build on Windows after `python installer/build.py` has made dist\tribunal\:
;     iscc /DAppVersion=0.1.0 installer\tribunal.iss
; (.github/workflows/windows-installer.yml does both.) Needs Inno Setup 7.0.2 or later, the
; first release that ships the Simplified Chinese translation (compiler:Languages\).
; Writes dist\tribunal-setup-VERSION.exe.
;
; What it does, for a clerk without administrator rights:
; * installs for the current user only (no UAC prompt) into %LOCALAPPDATA%\Programs\Tribunal;
;   IT can install for every user of the PC instead with `tribunal-setup-X.exe /ALLUSERS`
;   (then into Program Files, with an administrator's consent);
; * a Start-menu shortcut and (ticked by default) a desktop shortcut, both with the icon;
; * upgrades in place: same AppId, same folder, the previous version's program files
;   removed first, a running copy closed through the Restart Manager;
; * the uninstaller removes the program files and shortcuts only. The clerk's database,
;   backups and settings in %LOCALAPPDATA%\Tribunal, the printed documents in
;   Documents\巡回仲裁文书 and the window layout in the registry (HKCU\Software\Tribunal)
;   are never listed for removal, so they stay.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\tribunal.iss
#endif
#if !FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #error This Inno Setup has no Languages\ChineseSimplified.isl: use Inno Setup 7.0.2 or later
#endif

[Setup]
; Fixed forever: Windows recognises an upgrade of the same program by it ("{{" is a literal
; brace). Never reuse it for another program, never change it for this one.
AppId={{7E3B2F41-5C1D-4B8E-9A62-0D4C7B1E2A90}
AppName={cm:AppDisplayName}
AppVersion={#AppVersion}
AppPublisher=Tribunal
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Tribunal
VersionInfoDescription=Tribunal Setup
; Per-user install, no administrator rights; /ALLUSERS on the command line for IT.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
; {autopf} is %LOCALAPPDATA%\Programs in a per-user install, Program Files with /ALLUSERS.
DefaultDirName={autopf}\Tribunal
DisableDirPage=auto
; Shortcuts go straight into the Start menu's program list, not into a folder of their own.
DisableProgramGroupPage=yes
; The bundle is 64-bit: refuse 32-bit Windows, install in 64-bit mode (Arm64 Windows 11
; runs it through x64 emulation). Windows 10 1809 is the oldest Qt 6 supports.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
SetupIconFile=..\resources\icons\tribunal.ico
UninstallDisplayIcon={app}\tribunal.exe
UninstallDisplayName={cm:AppDisplayName}
OutputDir=..\dist
OutputBaseFilename=tribunal-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Chinese Windows gets the Chinese wizard without a question; ask only when neither matches.
ShowLanguageDialog=auto
; Close a running copy (Restart Manager) before its files are replaced; do not restart it.
CloseApplications=yes
RestartApplications=no

[Languages]
; The first entry is the fallback when the PC's language is neither.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppDisplayName=巡回仲裁庭书记员工作台
english.AppDisplayName=Tribunal circuit tribunal workbench
chinesesimplified.AppComment=登记劳动争议案件、安排巡回庭审、邀请旁听、打印庭审文书
english.AppComment=Register cases, schedule circuit hearings, invite observers, print hearing packs

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole program: files a previous version shipped and this one no
; longer does must not linger beside the new ones. Only program files live here.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\tribunal\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\resources\icons\tribunal.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{cm:AppDisplayName}"; Filename: "{app}\tribunal.exe"; IconFilename: "{app}\tribunal.ico"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{cm:AppDisplayName}"; Filename: "{app}\tribunal.exe"; IconFilename: "{app}\tribunal.ico"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\tribunal.exe"; Description: "{cm:LaunchProgram,{cm:AppDisplayName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section: nothing outside the files installed above is ever removed.
