"""Identify a file from its first bytes before SQLite reads it, to say exactly what is wrong.

SQLite would open an empty file as an empty database and call a workbook "not a database";
reading the 100-byte header ourselves tells an empty file, a renamed workbook, another
program's database, a truncated copy and a newer file format apart, without writing a byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import (
    CorruptPlanFileError,
    EmptyPlanFileError,
    ForeignDatabaseError,
    NewerPlanVersionError,
    NotAPlanFileError,
    PlanFileError,
    PlanNotFoundError,
    SpreadsheetFileError,
    TruncatedPlanFileError,
)
from .tables import APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
_ZIP = b"PK\x03\x04"
_OLE = bytes.fromhex("d0cf11e0a1b11ae1")  # .xls, .doc and other old Office files


@dataclass(frozen=True)
class FileHeader:
    size: int
    page_size: int
    page_count: int
    application_id: int
    user_version: int


def inspect_file(path: Path) -> FileHeader:
    """The header of the plan file at ``path``; a PlanFileError subclass if it is not one."""
    try:
        if path.is_dir():
            raise PlanNotFoundError(path, "this is a folder, not a plan file")
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEADER_SIZE)
    except FileNotFoundError:
        raise PlanNotFoundError(path, "there is no such file") from None
    except PlanFileError:
        raise
    except OSError as error:
        raise PlanFileError(path, f"the file cannot be read ({error.strerror or error})") from None
    return parse_header(path, head, size)


def parse_header(path: Path, head: bytes, size: int) -> FileHeader:
    if size == 0 or not head:
        raise EmptyPlanFileError(path, "the file is empty (0 bytes), so there is no plan in it; it may "
                                       "be an interrupted copy or download")
    if head.startswith(_ZIP):
        raise SpreadsheetFileError(path, "this is a zip file, such as an Excel workbook (.xlsx), renamed "
                                         "to look like a plan; open the workbook with Import instead")
    if head.startswith(_OLE):
        raise SpreadsheetFileError(path, "this is an old-style Office file, such as an Excel workbook (.xls), "
                                         "renamed to look like a plan; open it in Excel and import it")
    if not head.startswith(SQLITE_MAGIC):
        if len(head) < len(SQLITE_MAGIC) and SQLITE_MAGIC.startswith(head):
            raise TruncatedPlanFileError(path, f"the file is cut short ({size} bytes)")
        raise NotAPlanFileError(path, "this is not a specplan plan file (it is not an SQLite database)")
    if len(head) < HEADER_SIZE:
        raise TruncatedPlanFileError(path, f"the file is cut short ({size} bytes, less than its header)")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    application_id = int.from_bytes(head[68:72], "big")
    user_version = int.from_bytes(head[60:64], "big", signed=True)
    page_count = int.from_bytes(head[28:32], "big")
    if application_id != APPLICATION_ID:
        owner = (f"another program (application id 0x{application_id:08X})" if application_id
                 else "another program, or made by hand")
        raise ForeignDatabaseError(path, f"this is an SQLite database from {owner}, not a specplan plan")
    if user_version > SCHEMA_VERSION:
        raise NewerPlanVersionError(path, f"this plan was saved by a newer version of specplan (file format "
                                          f"{user_version}; this version reads formats up to {SCHEMA_VERSION}). "
                                          "Install the latest specplan to open it")
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        raise CorruptPlanFileError(path, f"the file's header is damaged (page size {page_size})")
    # The header's page count is valid when its change counter matches "version valid for".
    if head[24:28] == head[92:96] and size < page_count * page_size:
        raise TruncatedPlanFileError(path, f"the file is cut short: {size:,} bytes where its header says "
                                           f"{page_count * page_size:,}; it may be an interrupted copy or download")
    if user_version < 1:
        raise CorruptPlanFileError(path, f"the file's header is damaged (file format {user_version})")
    return FileHeader(size, page_size, page_count, application_id, user_version)
