"""Small but real files of every accepted type, built byte by byte, and their dangerous variants."""
import io
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile


def upload(naam: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, data)


def pdf(catalogus: bytes = b"", *extra: bytes) -> bytes:
    """A one-page PDF with a correct cross-reference table; `catalogus` is added to the catalog dictionary and
    `extra` are objects 4, 5, … for it to point at."""
    objecten = [b"<< /Type /Catalog /Pages 2 0 R " + catalogus + b" >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>", *extra]
    uit, posities = bytearray(b"%PDF-1.7\n"), []
    for nummer, inhoud in enumerate(objecten, 1):
        posities.append(len(uit))
        uit += b"%d 0 obj\n%s\nendobj\n" % (nummer, inhoud)
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    uit += b"".join(b"%010d 00000 n \n" % positie for positie in posities)
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objecten) + 1, xref)
    return bytes(uit)


PDF_MET_JAVASCRIPT = pdf(b"/OpenAction 4 0 R", b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>")
PDF_MET_VERSTOPT_JAVASCRIPT = pdf(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>")  # #61 = a
PDF_MET_LAUNCH = pdf(b"/OpenAction << /S /Launch /F (cmd.exe) >>")
PDF_MET_BIJLAGE = pdf(b"/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>",
                      b"<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>",
                      b"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream")


def png() -> bytes:
    """A 1×1 grey pixel: the signature, IHDR, IDAT and IEND, each with its CRC."""
    def chunk(soort: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + soort + data + struct.pack(">I", zlib.crc32(soort + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def _zip(delen: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        for naam, inhoud in delen.items():
            archief.writestr(naam, inhoud)
    return buffer.getvalue()


WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def docx(main: str = WORD_MAIN, extra: dict[str, bytes] | None = None) -> bytes:
    """A Word document: [Content_Types].xml names the main part's type; `extra` adds parts (word/vbaProject.bin)."""
    types = (f'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             f'<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>')
    return _zip({"[Content_Types].xml": types.encode(), "_rels/.rels": b"<Relationships/>",
                 "word/document.xml": b"<w:document><w:body>Begroting</w:body></w:document>",
                 **(extra or {})})


def odt(extra: dict[str, bytes] | None = None) -> bytes:
    """An OpenDocument text: the `mimetype` member first; `extra` adds members (Basic/ holds macros)."""
    return _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document/>",
                 **(extra or {})})


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole(*stromen: str, opslag: str = "") -> bytes:
    """A compound file (the container of .doc and .xls) with one 4 KB stream per name in `stromen` and, if given,
    an empty storage `opslag` (as Word keeps its macros in "Macros"). Regular sectors only, no mini stream."""
    vrij, einde, fat_sector, geen = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    namen = [("Root Entry", 5), *((naam, 2) for naam in stromen), *([(opslag, 1)] if opslag else [])]
    fat, data = [fat_sector, einde], b""  # sector 0: the FAT, sector 1: the directory
    entries = b""
    for index, (naam, soort) in enumerate(namen):
        start, grootte = einde, 0
        if soort == 2:
            start, grootte = 2 + len(data) // 512, 4096
            fat += [*range(start + 1, start + 8), einde]
            data += naam.encode()[:1] * grootte
        gecodeerd = naam.encode("utf-16-le") + b"\0\0"
        kind = 1 if index == 0 else geen
        rechts = index + 1 if 0 < index < len(namen) - 1 else geen  # siblings as a chain to the right
        entries += (gecodeerd.ljust(64, b"\0") + struct.pack("<HBBIII", len(gecodeerd), soort, 1, geen, rechts, kind)
                    + b"\0" * 16 + struct.pack("<I", 0) + b"\0" * 16 + struct.pack("<IQ", start, grootte))
    header = (OLE_MAGIC + b"\0" * 16 + struct.pack("<HHHHHH", 0x3E, 3, 0xFFFE, 9, 6, 0) + b"\0" * 4
              + struct.pack("<IIIIIIII", 0, 1, 1, 0, 4096, einde, 0, einde) + struct.pack("<I", 0)
              + struct.pack("<I", 0) + struct.pack("<108I", *[vrij] * 108))
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")
    return header + fat_bytes + entries.ljust(512, b"\0") + data


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run."
