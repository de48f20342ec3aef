; Inno Setup script for the Windows installer of Tribunal.
; Build on Windows after PyInstaller:  iscc /DAppVersion=0.1.0 installer\tribunal.iss
; The AppId is fixed forever: it is how Windows recognises an upgrade of the same program.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\tribunal.iss
#endif

[Setup]
AppId={{7E3B2F41-5C1D-4B8E-9A62-0D4C7B1E2A90}
AppName=Tribunal 巡回仲裁庭工作台
AppVersion={#AppVersion}
AppPublisher=Tribunal
DefaultDirName={autopf}\Tribunal
DefaultGroupName=Tribunal
OutputBaseFilename=tribunal-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\tribunal\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Tribunal 巡回仲裁庭工作台"; Filename: "{app}\tribunal.exe"
Name: "{autodesktop}\Tribunal 巡回仲裁庭工作台"; Filename: "{app}\tribunal.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\tribunal.exe"; Description: "{cm:LaunchProgram,Tribunal}"; Flags: nowait postinstall skipifsilent
