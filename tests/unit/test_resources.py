"""Tests for tribunal.resources: the bundled CJK fonts are found, TrueType and cover our text."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tribunal import resources

WEIGHTS = ("regular", "bold")

# Rare characters seen in parties' names: CJK Ext-A 䶮 (U+4DAE), Ext-E 𬱖 (U+2CC56), 𬉼 (U+2C27C).
RARE_CHARACTERS = "䶮𬱖𬉼"
# The commonest characters of this domain's documents.
DOMAIN_TEXT = "仲裁劳动争议开庭通知书申请人被申请人"


def _sfnt_tables(path: Path) -> tuple[int, set[str]]:
    """Return the sfnt version tag and the table tags of a font file."""
    with path.open("rb") as handle:
        version, num_tables = struct.unpack(">IH", handle.read(6))
        handle.seek(12)
        directory = handle.read(16 * num_tables)
    tags = {directory[i : i + 4].decode("latin-1") for i in range(0, len(directory), 16)}
    return version, tags


@pytest.fixture(scope="module", params=WEIGHTS)
def registered_font(request: pytest.FixtureRequest) -> TTFont:
    # The program's own registration: another TTFont of the same file, registered first under
    # another name, would take the place of the documents' font in this process.
    from tribunal.documents.fonts import bundled_font

    return bundled_font(request.param)


def test_resource_root_is_a_folder_with_fonts() -> None:
    root = resources.resource_root()
    assert root.is_dir()
    assert (root / "fonts").is_dir()
    assert resources.resource_root() is root  # cached


@pytest.mark.parametrize("weight", WEIGHTS)
def test_font_files_are_found(weight: str) -> None:
    path = resources.font_path(weight)
    assert path.is_file()
    assert path.suffix == ".ttf"
    assert path.parent == resources.resource_path("fonts")


def test_font_weight_is_case_insensitive_and_validated() -> None:
    assert resources.font_path("Bold") == resources.font_path("bold")
    assert resources.font_path() == resources.font_path("regular")
    with pytest.raises(ValueError, match="semibold"):
        resources.font_path("semibold")


def test_font_licence_is_shipped() -> None:
    text = resources.resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text


@pytest.mark.parametrize("weight", WEIGHTS)
def test_fonts_are_truetype_with_glyf_outlines(weight: str) -> None:
    version, tables = _sfnt_tables(resources.font_path(weight))
    assert version == 0x00010000, "expected TrueType outlines, not CFF ('OTTO')"
    assert "glyf" in tables
    assert "CFF " not in tables


def test_reportlab_registers_fonts(registered_font: TTFont) -> None:
    assert registered_font.fontName in pdfmetrics.getRegisteredFontNames()
    assert pdfmetrics.stringWidth(DOMAIN_TEXT, registered_font.fontName, 12) > 0


@pytest.mark.parametrize("char", list(dict.fromkeys(RARE_CHARACTERS + DOMAIN_TEXT)))
def test_fonts_cover_characters(registered_font: TTFont, char: str) -> None:
    glyph = registered_font.face.charToGlyph.get(ord(char), 0)
    assert glyph != 0, f"{registered_font.fontName} has no glyph for {char} (U+{ord(char):04X})"


def test_missing_resource_raises_with_its_name() -> None:
    with pytest.raises(FileNotFoundError, match=r"no-such-font\.ttf"):
        resources.resource_path("fonts", "no-such-font.ttf")


def test_translations_dir_is_under_root() -> None:
    assert resources.translations_dir() == resources.resource_root() / "translations"


@pytest.fixture
def uncached_root():
    resources.resource_root.cache_clear()
    yield
    resources.resource_root.cache_clear()


@pytest.mark.usefixtures("uncached_root")
def test_installed_data_folder_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "tribunal"
    (package / "_resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(resources, "files", lambda _name: package)
    assert resources.resource_root() == package / "_resources"
    # translations_dir() creates nothing, even when the folder is absent.
    assert not resources.translations_dir().exists()


@pytest.mark.usefixtures("uncached_root")
def test_checkout_falls_back_to_repository_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "repo" / "src" / "tribunal"
    package.mkdir(parents=True)
    (tmp_path / "repo" / "resources").mkdir()
    monkeypatch.setattr(resources, "files", lambda _name: package)
    assert resources.resource_root() == tmp_path / "repo" / "resources"


@pytest.mark.usefixtures("uncached_root")
def test_no_resource_folder_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "src" / "tribunal"
    package.mkdir(parents=True)
    monkeypatch.setattr(resources, "files", lambda _name: package)
    with pytest.raises(FileNotFoundError, match="resource folder not found"):
        resources.resource_root()


def test_all_resources_lists_installer_folders() -> None:
    assert resources.ALL_RESOURCES == ("fonts", "icons", "translations", "topics", "periods.json")


def test_all_resources_names_everything_in_the_resources_folder() -> None:
    """Nothing under resources/ is left out of the wheel and the bundle, nothing listed is missing."""
    root = resources.resource_root()
    present = {path.name for path in root.iterdir() if path.name != "__pycache__"}
    assert present == set(resources.ALL_RESOURCES)


def test_package_data_folders_exist_in_the_package() -> None:
    package = Path(resources.__file__).parent
    for folder in resources.PACKAGE_DATA_FOLDERS:
        assert (package / folder).is_dir(), folder
    assert (package / "db" / "migrations" / "script.py.mako").is_file()


@pytest.mark.parametrize("size", resources.APP_ICON_SIZES)
def test_app_icon_png_has_its_size(size: int) -> None:
    path = resources.app_icon_path(size)
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (size, size)


def test_app_icon_files_smallest_first_and_sizes_validated() -> None:
    files = resources.app_icon_files()
    assert [p.name for p in files] == [f"tribunal-{s}.png" for s in resources.APP_ICON_SIZES]
    with pytest.raises(ValueError, match="17"):
        resources.app_icon_path(17)


def test_windows_icon_holds_every_size_from_16_to_256() -> None:
    data = resources.resource_path("icons", "tribunal.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}  # 0 in the directory means 256
    assert {16, 24, 32, 48, 256} <= sizes


def test_resources_module_imports_no_qt() -> None:
    source = Path(resources.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source
    assert "QtCore" not in source
