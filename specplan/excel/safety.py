"""Refuse hostile or mislabelled files before any parser sees them.

A workbook is a zip of XML: openpyxl must parse that XML through defusedxml (no entity
expansion, no external entities), and a zip whose members inflate to absurd sizes is refused
before it is parsed. A file's real type is sniffed from its bytes, not its name, so an HTML page
or a CSV saved as ``.xlsx`` and a password-protected workbook each get a message a person can act on.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl.xml

from .errors import fail

if not openpyxl.xml.DEFUSEDXML:  # pragma: no cover - defusedxml is a hard dependency
    raise ImportError("specplan.excel needs defusedxml so that openpyxl parses XML safely")

#: Largest total a workbook may inflate to (a 250,000-row finance sheet is about 60 MB).
MAX_UNCOMPRESSED = 1 << 30
#: Largest inflation ratio of one large member; real sheets compress 5-30 times, bombs 1000+.
MAX_RATIO = 200
#: Members smaller than this may compress as well as they like (a sheet of blanks).
RATIO_FLOOR = 4 << 20
MAX_MEMBERS = 10_000

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
KINDS = ("xlsx", "xlsb", "xls", "ods", "csv")


def sniff(path: str | Path) -> str:
    """The file's real kind (one of :data:`KINDS`), or an ImportFileError saying what it is."""
    return check_file(path)


def check_file(path: str | Path) -> str:
    """The file's real kind, checked (see :func:`sniff`)."""
    path = Path(path)
    if not path.is_file():
        fail(path, f"no such file: {path}")
    size = path.stat().st_size
    if size == 0:
        fail(path, "the file is empty (0 bytes); it may not have finished saving or downloading")
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    if head.startswith(_ZIP):
        return _zip_kind(path)
    if head.startswith(_CFB):
        return _cfb_kind(path, head)
    return _text_kind(path, head)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            check_zip(path, archive)
    except zipfile.BadZipFile as error:
        fail(path, f"the file is damaged: it is not a readable workbook ({error})")
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names and "mimetype" in names:
        return "ods"
    if any(n.startswith("word/") for n in names):
        fail(path, "this is a Word document, not a workbook")
    fail(path, "this is a zip file, not a workbook (no xl/workbook.xml inside)")


def check_zip(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse zip bombs from the zip's directory, before anything is inflated: too many members,
    too large a total, or an absurd ratio, and encrypted members.

    A forged directory that understates a member's size does not get past this into memory:
    python-calamine and :func:`read_part` both stop at the declared size and report the file as
    damaged (tests/excel/corpus.py makes such a file).
    """
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        fail(path, f"refused: the workbook holds {len(members):,} parts (a zip bomb?)")
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        fail(path, f"refused: the workbook would inflate to {total / 2**20:,.0f} MB "
                   f"(limit {MAX_UNCOMPRESSED / 2**20:,.0f} MB; a zip bomb?)")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            fail(path, f"refused: part {member.filename} inflates {ratio:,.0f} times "
                       f"(limit {MAX_RATIO}; a zip bomb?)")
        if member.flag_bits & 0x1:
            fail(path, "the workbook is password-protected (encrypted); remove the password and save it again")


def read_part(path: Path, archive: zipfile.ZipFile, name: str) -> bytes:
    """One member, inflated no further than its (checked) declared size; damage is a user error."""
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        fail(path, f"the file is damaged: part {name} could not be read ({error})")


def _cfb_kind(path: Path, head: bytes) -> str:
    """An OLE compound file: an encrypted xlsx, a legacy .xls, or something else."""
    with path.open("rb") as handle:
        data = handle.read(4 << 20)  # directory entries are near the start in practice
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        fail(path, "the workbook is password-protected (encrypted); open it in Excel, remove the "
                   "password (File > Info > Protect Workbook) and save it again")
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    fail(path, "this is an Office file but not a workbook (no Workbook stream)")


def _text_kind(path: Path, head: bytes) -> str:
    if b"\x00" in head[:4096]:
        fail(path, "this is not a spreadsheet: its content is not a workbook or text")
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html", "<table", "<meta")) or "<html" in text[:1024]:
        fail(path, "this is a web page (HTML) saved with a spreadsheet name, often an 'export to "
                   "Excel' from a web system; open it in Excel and Save As .xlsx, then import that")
    if text.startswith("<?xml"):
        fail(path, "this is an XML file (perhaps an Excel 2003 XML spreadsheet), not a workbook; "
                   "open it in Excel and Save As .xlsx")
    if path.suffix.lower() in (".csv", ".txt", ".tsv"):
        return "csv"
    fail(path, f"this is a text (CSV) file named {path.suffix or 'without an extension'}, not an "
               f"Excel workbook; rename it to .csv to import it as CSV")
