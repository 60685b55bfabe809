"""Make the corpus of awkward and hostile workbooks the excel tests read.

Run ``python tests/excel/corpus.py OUT_DIR`` to look at them in Excel; the tests build them
once per session in a temporary folder (``build``). Nothing here is a committed binary.

Finance sheets are for the ``mh-collaborative`` sample plan (5 East Midlands ICBs, 10 mental
health service lines). Each builder documents what the sheet should import as.
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

import openpyxl
import xlsxwriter

MH_ICBS = ("QJ2", "QK1", "QJM", "QPM", "QT1")
SERVICES = ("NCBPS23K", "NCBPS23L", "NCBPS22E")
#: title_block.xlsx: (service, icb, setting, bed days, £k) - amounts exact to the penny.
TITLE_ROWS = [(s, i, k, 100.0 + n, 1234.567 + 10 * n)
              for n, (s, i, k) in enumerate((s, i, k) for s in SERVICES for i in ("QJ2", "QK1")
                                            for k in ("Inpatient", "Community"))]
TITLE_TOTAL_PENCE = sum(round(k * 100_000) for *_, k in TITLE_ROWS)


def title_block(folder: Path) -> Path:
    """A title block above the header (row 5), a merged title, units in the header (£000s), a
    POD column, and a Total row of SUM formulas with saved values (as Excel leaves them)."""
    path = folder / "title_block.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Budget 2025-26")
    sheet.merge_range("A1:E1", "East Midlands specialised mental health: budget 2025/26")
    sheet.write("A2", "Source: ledger extract, month 12")
    sheet.write_row(4, 0, ["Service line", "ICB code", "POD", "Bed days", "Annual budget 2025/26 (£000s)"])
    for r, row in enumerate(TITLE_ROWS, start=5):
        sheet.write_row(r, 0, row)
    last = 5 + len(TITLE_ROWS)
    sheet.write(last, 0, "Total")
    sheet.write_formula(last, 3, f"=SUM(D6:D{last})", None, sum(r[3] for r in TITLE_ROWS))
    sheet.write_formula(last, 4, f"=SUM(E6:E{last})", None, sum(r[4] for r in TITLE_ROWS))
    book.close()
    return path


#: wide_names.xlsx: (ICB as written, service as written, £ per setting, inpatient bed days)
WIDE_ROWS = [
    ("NHS Derby & Derbyshire ICB", "Adult eating disorders", (1000.25, 0, 250.5, 300), 12.5),
    ("Lincolnshire", "Tier 4 CAMHS/CYPMHS (low secure)", (5000, 0, 0, 1200.75), 40),
    ("NHS Nottingham and Nottinghamshire Integrated Care Board", "NCBPS23K", (7500, 100, 0, 0), 60),
]
WIDE_TOTAL_PENCE = sum(round(v * 100) for *_, money, _ in WIDE_ROWS for v in money)


def wide_names(folder: Path) -> Path:
    """Wide layout (a column per setting), ICBs and services by name, a Grand total row."""
    path = folder / "wide_names.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Spend by setting"
    sheet.append(["Commissioner", "Specialised service", "Inpatient £", "Day case £", "Outpatient £",
                  "Community £", "Inpatient bed days"])
    for icb, service, money, beds in WIDE_ROWS:
        sheet.append([icb, service, *money, beds])
    sheet.append(["Grand total", None, *(sum(r[2][k] for r in WIDE_ROWS) for k in range(4)),
                  sum(r[3] for r in WIDE_ROWS)])
    book.save(path)
    return path


CSV_TEXT = (
    "icb,service,setting,spend\n"
    'QJ2,NCBPS23K,Inpatient,"£1,234.50"\n'
    "QK1,NCBPS23K,IP,1 234\n"
    "QJM,NCBPS23K,Community,-\n"
    "QPM,NCBPS23K,Day case,£2.5k\n"
    "QT1,NCBPS23K,Outpatient,12.345\n"
    'Total,,,"£4,980.85"\n'
)
CSV_PENCE = 123450 + 123400 + 0 + 250000 + 1235  # 12.345 rounds half away to £12.35


def money_text_csv(folder: Path) -> Path:
    """Money as text in a CSV: £ and commas, a space separator, a nil dash, a k suffix, and an
    amount with fractions of a penny (rounded half away from zero, with a warning)."""
    path = folder / "money_text.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    return path


MESSY_PENCE = (100 + 200 + 300 + 400 + 50) * 100


def messy(folder: Path) -> Path:
    """A hidden sheet first (never chosen by itself), a merged service cell beside four rows,
    blank rows, a heading row, a subtotal row, a hidden data row, and a Total."""
    path = folder / "messy.xlsx"
    book = openpyxl.Workbook()
    old = book.active
    old.title = "Old budget"
    old.append(["Service", "ICB", "Setting", "Spend"])
    old.append(["NCBPS23K", "QJ2", "inpatient", 999999])
    old.sheet_state = "hidden"
    sheet = book.create_sheet("Budget")
    sheet.append(["Budget 2025/26 (£)"])
    sheet.append([])
    sheet.append(["Service", "ICB", "Setting", "Spend"])                # row 3
    sheet.append(["NCBPS23L", "QJ2", "inpatient", 100])                  # row 4: merged A4:A7
    sheet.append([None, "QJ2", "community", 200])
    sheet.append([None, "QK1", "inpatient", 300])
    sheet.append([None, "QK1", "community", 400])
    sheet.merge_cells("A4:A7")
    sheet.append([])                                                     # row 8 blank
    sheet.append(["Subtotal", None, None, 1000])                         # row 9
    sheet.append(["Lincolnshire"])                                       # row 10 heading
    sheet.append(["NCBPS23L", "QJM", "inpatient", 50])                   # row 11 hidden
    sheet.row_dimensions[11].hidden = True
    sheet.append(["Total", None, None, 1050])                            # row 12
    sheet.append([])
    sheet.append(["Notes: figures exclude CQUIN"])                        # row 14 note
    book.active = 1
    book.save(path)
    return path


def formulas_uncached(folder: Path) -> Path:
    """Formulas that were never calculated (openpyxl saves no values): errors, never zeros."""
    path = folder / "formulas_uncached.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Baseline"
    sheet.append(["Service", "ICB", "Setting", "Spend"])
    sheet.append(["NCBPS23K", "QJ2", "inpatient", "=100*2"])
    sheet.append(["NCBPS23K", "QK1", "inpatient", 300])
    sheet.append(["NCBPS23K", "QJM", "inpatient", "=D3*2"])
    book.save(path)
    return path


MAPPING = {"header_row": 2, "columns": {"icb": "Comm ref", "service": "PSS line", "setting": "Where",
                                        "spend": "Money (£m)"},
           "values": {"setting": {"Ward": "inpatient", "Home": "community"}}}


def local_headers(folder: Path) -> tuple[Path, Path]:
    """Headers too local to guess, and the mapping file that names them (amounts in £m)."""
    path, mapping = folder / "local_headers.xlsx", folder / "local_mapping.json"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Extract for planning"])
    sheet.append(["Comm ref", "PSS line", "Where", "Money (£m)"])
    sheet.append(["QJ2", "NCBPS22E", "Ward", 1.25])
    sheet.append(["QJ2", "NCBPS22E", "Home", "0.5"])
    book.save(path)
    mapping.write_text(json.dumps(MAPPING), encoding="utf-8")
    return path, mapping


def million_rows(folder: Path) -> Path:
    """Declares A1:XFD1048576 and styles the last cell, but holds five rows: must read quickly."""
    path = folder / "million_rows.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Service", "ICB", "Setting", "Spend"])
    for icb in MH_ICBS:
        sheet.append(["NCBPS23K", icb, "inpatient", 1000])
    buffer = io.BytesIO()
    book.save(buffer)
    return _rewrite(buffer.getvalue(), path, {"xl/worksheets/sheet1.xml": lambda x: re.sub(
        rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', x).replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>')})


def bad_values(folder: Path) -> Path:
    """Every kind of bad row at once; the import must list all of them with their cells."""
    path = folder / "bad_values.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Baseline"
    sheet.append(["service_code", "icb_code", "setting", "activity", "spend_gbp"])
    sheet.append(["NCBPS23K", "QJ2", "inpatient", 10, 1000])             # row 2 fine
    sheet.append(["NCBPS23K", "QK1", "inpatient", 10, "12,3x4"])         # row 3 not a number
    sheet.append(["NCBPS23K", "QJM", "inpatient", 10, -5])               # row 4 negative
    sheet.append(["NCBPS23K", "QPM", "inpatient", 10, "(1,234.00)"])     # row 5 negative (brackets)
    sheet.append(["NCBPS23K", "ZZZ", "inpatient", 10, 1])                # row 6 unknown ICB
    sheet.append(["NOPE99", "QJ2", "inpatient", 10, 1])                  # row 7 unknown service
    sheet.append(["NCBPS22S/MS_M_LD", "QJ2", "inpatient", 10, 1])        # row 8 reference, not in plan
    sheet.append(["NCBPS23K", "QJ2", "teleport", 10, 1])                 # row 9 unknown setting
    sheet.append(["NCBPS23K", "QJ2", "inpatient", 10, 1])                # row 10 duplicate of row 2
    sheet.append(["NCBPS23K", "QWU", "inpatient", 10, 1])                # row 11 ICB not in this plan
    sheet.append(["NCBPS23K", None, "inpatient", 10, 1])                 # row 12 blank ICB
    sheet.append(["NCBPS23K", "QT1", "inpatient", "lots", 1])            # row 13 bad activity
    book.save(path)
    return path


def providers(folder: Path) -> Path:
    """A provider column: rows for the same cell from different providers add up; the same
    provider twice is a duplicate. The provider column is hidden (reported, still read)."""
    path = folder / "providers.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Provider", "Service", "ICB", "Setting", "Spend"])
    sheet.append(["RX1", "NCBPS23K", "QJ2", "inpatient", 100.25])
    sheet.append(["RY2", "NCBPS23K", "QJ2", "inpatient", 200.50])
    sheet.append(["RX1", "NCBPS23K", "QK1", "inpatient", 300])
    sheet.column_dimensions["A"].hidden = True
    book.save(path)
    return path


def ods(folder: Path) -> Path:
    """A minimal OpenDocument spreadsheet (written by hand: no ODS writer is installed)."""
    path = folder / "budget.ods"
    cells = [["ICB", "Service", "Setting", "Spend £k"], ["QJ2", "NCBPS23K", "Inpatient", 12.5],
             ["QK1", "NCBPS23K", "Community", 7.25]]

    def cell(value):
        if isinstance(value, float):
            return f'<table:table-cell office:value-type="float" office:value="{value!r}"><text:p>{value}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    rows = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in cells)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Budget">{rows}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def simple(folder: Path, name: str, rows: list[list], header=("Service", "ICB", "Setting", "Spend")) -> Path:
    path = folder / name
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def hostile(folder: Path) -> dict[str, Path]:
    """Files that are not what their names say, and workbooks built to hurt a parser."""
    made: dict[str, Path] = {}
    made["empty"] = folder / "empty.xlsx"
    made["empty"].write_bytes(b"")
    made["html"] = folder / "html.xlsx"
    made["html"].write_text("<!DOCTYPE html><html><body><table><tr><td>ICB</td></tr></table></body></html>")
    made["csv_renamed"] = folder / "csv_renamed.xlsx"
    made["csv_renamed"].write_text("service,icb,setting,spend\nNCBPS23K,QJ2,inpatient,100\n")
    made["encrypted"] = folder / "encrypted.xlsx"
    made["encrypted"].write_bytes(_compound_file(["EncryptionInfo", "EncryptedPackage"]))
    made["legacy_doc"] = folder / "legacy_doc.xls"
    made["legacy_doc"].write_bytes(_compound_file(["WordDocument"]))
    made["binary"] = folder / "binary.xlsx"
    made["binary"].write_bytes(bytes(range(256)) * 64)
    made["word"] = folder / "word.xlsx"
    with zipfile.ZipFile(made["word"], "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    base = _workbook_bytes()
    made["zip_bomb"] = _rewrite(base, folder / "zip_bomb.xlsx", {
        "xl/worksheets/sheet1.xml": lambda x: x.replace(b"<sheetData>", b"<sheetData>" + b" " * (64 << 20))})
    made["lying_sizes"] = _lying(base, folder / "lying_sizes.xlsx")
    entity = (b'<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
    made["xml_bomb"] = _rewrite(base, folder / "xml_bomb.xlsx", {
        "xl/workbook.xml": lambda x: entity + re.sub(rb"^<\?xml[^>]*\?>", b"", x)})
    made["xxe_sheet"] = _rewrite(base, folder / "xxe_sheet.xlsx", {
        "xl/worksheets/sheet1.xml": lambda x: b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM '
                                              b'"file:///etc/passwd">]>' + re.sub(rb"^<\?xml[^>]*\?>", b"", x)})
    made["empty_sheet"] = folder / "empty_sheet.xlsx"
    openpyxl.Workbook().save(made["empty_sheet"])
    return made


def _workbook_bytes() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["Service", "ICB", "Setting", "Spend"])
    book.active.append(["NCBPS23K", "QJ2", "inpatient", 100])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, path: Path, changes: dict) -> Path:
    """Copy a workbook's zip, passing the named members through ``changes``."""
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            content = source.read(name)
            out.writestr(name, changes[name](content) if name in changes else content)
    return path


def _lying(data: bytes, path: Path) -> Path:
    """A member whose headers claim 100 bytes while it inflates to more (a forged zip)."""
    import struct

    path.write_bytes(data)
    raw = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    raw[info.header_offset + 22: info.header_offset + 26] = struct.pack("<I", 100)
    at = 0
    while (at := raw.find(b"PK\x01\x02", at)) >= 0:
        length = struct.unpack("<H", raw[at + 28: at + 30])[0]
        if bytes(raw[at + 46: at + 46 + length]) == b"xl/worksheets/sheet1.xml":
            raw[at + 24: at + 28] = struct.pack("<I", 100)
        at += 4
    path.write_bytes(bytes(raw))
    return path


def _compound_file(streams: list[str]) -> bytes:
    """A minimal OLE compound file: the signature, and directory entries naming ``streams``.

    Enough for type sniffing (an encrypted xlsx is a compound file holding EncryptionInfo and
    EncryptedPackage streams); it holds no real stream data.
    """
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x18:0x1C] = b"\x3e\x00\x03\x00"
    header[0x1C:0x1E] = b"\xfe\xff"
    directory = bytearray()
    for name in ["Root Entry", *streams]:
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[: len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        directory += entry
    return bytes(header + directory + bytes(512 - len(directory) % 512))


def build(folder: Path) -> dict[str, Path]:
    """Every corpus file in ``folder``, by name."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {"title_block": title_block(folder), "wide_names": wide_names(folder),
            "money_text": money_text_csv(folder), "messy": messy(folder),
            "formulas_uncached": formulas_uncached(folder), "million_rows": million_rows(folder),
            "bad_values": bad_values(folder)}
    made["local_headers"], made["local_mapping"] = local_headers(folder)
    made["providers"], made["ods"] = providers(folder), ods(folder)
    made["xlsm"] = folder / "title_block.xlsm"
    made["xlsm"].write_bytes(made["title_block"].read_bytes())
    made["missing_spend"] = simple(folder, "missing_spend.xlsx", [["NCBPS23K", "QJ2", "inpatient"]],
                                   header=("Service", "ICB", "Setting", "Notes"))
    made["control_mismatch"] = simple(folder, "control_mismatch.xlsx", [
        ["NCBPS23K", "QJ2", "inpatient", 100], ["NCBPS23K", "QK1", "inpatient", 200], ["Total", None, None, 301]])
    made["units_m"] = simple(folder, "units_m.xlsx", [["NCBPS23K", "QJ2", "inpatient", 1.5]],
                             header=("Service", "ICB", "Setting", "Spend £m"))
    made.update(hostile(folder))
    return made


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "excel-corpus")
    for name, path in build(out).items():
        print(f"{name:18} {path}")
