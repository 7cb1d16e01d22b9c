"""What an uploaded file really is: its content must be the type its name says, without active content.

The name's extension says which type the applicant means; the bytes must be that type: the magic number (via
`filetype`), plus what lies inside where a magic number says little — the members of zip containers (docx, xlsx,
odt, ods), the streams of OLE files (doc, xls), a PDF's object tree (pypdf). A file that can run code when it is
opened (a PDF with JavaScript, a launch action or embedded files; an Office file with macros) is refused, not
cleaned: the applicant can save a clean copy, and we never keep what we cannot vouch for. Every parser meets
untrusted bytes, so whatever it raises means "not this type" or "unreadable", never a 500.
"""
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import olefile
from filetype.types.archive import Pdf
from filetype.types.image import Jpeg, Png
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from workflows.errors import InvalidInput

Actief = tuple[str, str] | None  # the active content found, in Dutch and English; None when there is none


class _AnderType(Exception):
    """The content is not the type the name promises."""


@dataclass(frozen=True)
class Soort:
    naam: str  # as the applicant knows it; the same in both languages
    content_type: str  # what the download says it is
    controleer: Callable[[bytes], Actief]  # raises _AnderType when the bytes are another type


def _magic(matcher) -> Callable[[bytes], Actief]:
    def controleer(data: bytes) -> Actief:
        if not matcher.match(bytearray(data[:8192])):
            raise _AnderType
        return None

    return controleer


def _png(data: bytes) -> Actief:
    """The signature alone is eight bytes anyone can write: the first chunk of a PNG is always its IHDR header."""
    _magic(Png())(data)
    if data[12:16] != b"IHDR":
        raise _AnderType
    return None


# --- PDF: refuse what can act when the file is opened -----------------------------------------------------------
JAVASCRIPT = ("JavaScript", "JavaScript")
LAUNCH = ("een opdracht die een programma start", "an action that starts a program")
EMBEDDED = ("ingesloten bestanden", "embedded files")
PDF_ACTIEF = {"/JavaScript": JAVASCRIPT, "/JS": JAVASCRIPT, "/XFA": JAVASCRIPT,  # XFA forms carry their own scripts
              "/Launch": LAUNCH, "/EmbeddedFile": EMBEDDED, "/EmbeddedFiles": EMBEDDED, "/EF": EMBEDDED}
MAX_PDF_OBJECTEN = 100_000  # a bound on the walk, far above any real document


def _onleesbaar() -> InvalidInput:
    return InvalidInput(
        "Wij kunnen dit PDF-bestand niet openen. Misschien is het beschadigd of beveiligd met een wachtwoord. "
        "Sla het opnieuw op als PDF, zonder wachtwoord.",
        "We cannot open this PDF file. It may be damaged or protected by a password. "
        "Save it again as PDF, without a password.",
        code="bestand_onleesbaar", details={"velden": ["bestand"]})


def _pdf(data: bytes) -> Actief:
    """Walk every object reachable from the trailer; names are compared after pypdf decoded them (`/J#53`)."""
    _magic(Pdf())(data)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _onleesbaar()
        todo, gezien = [reader.trailer], set()
        while todo:
            obj = todo.pop()
            if isinstance(obj, IndirectObject):
                if (obj.idnum, obj.generation) in gezien:
                    continue
                gezien.add((obj.idnum, obj.generation))
                if len(gezien) > MAX_PDF_OBJECTEN:
                    raise _onleesbaar()
                obj = obj.get_object()
            if isinstance(obj, DictionaryObject):  # streams too: their dictionary, not their content
                for sleutel, waarde in dict.items(obj):  # unresolved: references are followed above, once each
                    if sleutel in PDF_ACTIEF:
                        return PDF_ACTIEF[sleutel]
                    todo.append(waarde)
            elif isinstance(obj, ArrayObject):
                todo.extend(list.__iter__(obj))
            elif isinstance(obj, NameObject) and obj in PDF_ACTIEF:
                return PDF_ACTIEF[obj]
    except InvalidInput:
        raise
    except Exception as error:  # noqa: BLE001 - any failure of the parser on these bytes means: unreadable
        raise _onleesbaar() from error
    return None


# --- Office: zip containers (OOXML, OpenDocument) and OLE files (doc, xls) ---------------------------------------
MACROS = ("macro's", "macros")
MAX_DEEL = 1024 * 1024  # the small parts read from a container; a larger one is not what it claims
CONTENT_TYPE = re.compile(rb"""ContentType\s*=\s*["']([^"']+)["']""")


def _lees_deel(archief: zipfile.ZipFile, naam: str) -> bytes:
    with archief.open(naam) as deel:
        inhoud = deel.read(MAX_DEEL + 1)
    if len(inhoud) > MAX_DEEL:
        raise _AnderType
    return inhoud


def _zip(data: bytes, lees: Callable[[zipfile.ZipFile], Actief]) -> Actief:
    if not data.startswith(b"PK\x03\x04"):
        raise _AnderType
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archief:
            return lees(archief)
    except _AnderType:
        raise
    except Exception as error:  # noqa: BLE001 - a broken, encrypted or odd archive is not the promised document
        raise _AnderType from error


def _ooxml(hoofddeel: str) -> Callable[[bytes], Actief]:
    """docx/xlsx: the main part's content type in [Content_Types].xml; macros are a vbaProject part or a
    macro-enabled content type (a .docm renamed .docx)."""

    def lees(archief: zipfile.ZipFile) -> Actief:
        types = {t.decode("ascii", "replace").lower()
                 for t in CONTENT_TYPE.findall(_lees_deel(archief, "[Content_Types].xml"))}
        namen = [naam.lower() for naam in archief.namelist()]
        if (any(naam.rsplit("/", 1)[-1] == "vbaproject.bin" for naam in namen)
                or any("macroenabled" in t or "vbaproject" in t for t in types)):
            return MACROS
        if hoofddeel not in types:
            raise _AnderType
        return None

    return lambda data: _zip(data, lees)


def _opendocument(mimetype: str) -> Callable[[bytes], Actief]:
    """odt/ods: the `mimetype` member names the type; macros live in the Basic/ and Scripts/ folders."""

    def lees(archief: zipfile.ZipFile) -> Actief:
        if _lees_deel(archief, "mimetype").strip() != mimetype.encode():
            raise _AnderType
        if any(naam.lower().startswith(("basic/", "scripts/")) for naam in archief.namelist()):
            return MACROS
        return None

    return lambda data: _zip(data, lees)


OLE_MACROS = {"macros", "_vba_project_cur", "vba", "_vba_project"}


def _ole(*hoofdstromen: str) -> Callable[[bytes], Actief]:
    """doc/xls: an OLE compound file with the application's main stream (WordDocument; Workbook or Book)."""

    def controleer(data: bytes) -> Actief:
        if not data.startswith(olefile.MAGIC):
            raise _AnderType
        try:
            with olefile.OleFileIO(data) as ole:
                paden = [[deel.lower() for deel in pad] for pad in ole.listdir(streams=True, storages=True)]
        except Exception as error:  # noqa: BLE001 - a damaged compound file is not the promised document
            raise _AnderType from error
        if any(OLE_MACROS.intersection(pad) for pad in paden):
            return MACROS
        if not any(pad == [stroom.lower()] for pad in paden for stroom in hoofdstromen):
            raise _AnderType
        return None

    return controleer


# --- plain text ----------------------------------------------------------------------------------------------------
MARKUP = ("<!doctype", "<html", "<svg", "<?xml", "<script")  # HTML and SVG are not accepted, under any name


def _tekst(data: bytes) -> Actief:
    """Text has no magic number: UTF-8 without NUL bytes, and no web page or image in disguise."""
    if b"\0" in data:
        raise _AnderType
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _AnderType from error
    if tekst.lstrip()[:20].lower().startswith(MARKUP):
        raise _AnderType
    return None


SOORTEN = {
    ".pdf": Soort("PDF", "application/pdf", _pdf),
    ".jpg": Soort("JPEG", "image/jpeg", _magic(Jpeg())),
    ".jpeg": Soort("JPEG", "image/jpeg", _magic(Jpeg())),
    ".png": Soort("PNG", "image/png", _png),
    ".doc": Soort("Word (.doc)", "application/msword", _ole("WordDocument")),
    ".docx": Soort("Word (.docx)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                   _ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
    ".odt": Soort("OpenDocument (.odt)", "application/vnd.oasis.opendocument.text",
                  _opendocument("application/vnd.oasis.opendocument.text")),
    ".xls": Soort("Excel (.xls)", "application/vnd.ms-excel", _ole("Workbook", "Book")),
    ".xlsx": Soort("Excel (.xlsx)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   _ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")),
    ".ods": Soort("OpenDocument (.ods)", "application/vnd.oasis.opendocument.spreadsheet",
                  _opendocument("application/vnd.oasis.opendocument.spreadsheet")),
    ".txt": Soort("TXT (UTF-8)", "text/plain; charset=utf-8", _tekst),
}


def controleer(extensie: str, data: bytes) -> Soort:
    """The checked type of a file with this extension and content; InvalidInput when it is not that type or it
    carries active content. The extension itself was checked against SOORTEN by the caller."""
    soort = SOORTEN[extensie]
    try:
        actief = soort.controleer(data)
    except _AnderType:
        raise InvalidInput(
            f"De naam van het bestand eindigt op {extensie}, maar de inhoud is geen {soort.naam}. "
            f"Kies het juiste bestand, of sla het opnieuw op als {soort.naam}.",
            f"The name of the file ends in {extensie}, but its content is not {soort.naam}. "
            f"Choose the right file, or save it again as {soort.naam}.",
            code="bestandsinhoud", details={"velden": ["bestand"]},
        ) from None
    if actief:
        nl, en = actief
        raise InvalidInput(
            f"Het bestand bevat {nl}. Zulke bestanden nemen wij niet aan, omdat ze schadelijk kunnen zijn. "
            f"Sla een kopie op zonder {nl} en stuur die.",
            f"The file contains {en}. We do not accept such files, because they can be harmful. "
            f"Save a copy without {en} and send that.",
            code="actieve_inhoud", details={"velden": ["bestand"]},
        )
    return soort
