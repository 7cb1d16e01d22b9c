"""Documents through the API: what an upload must be, who may download it and how it is handed out, and the
optional virus scan (a fake clamd on a unix socket, speaking INSTREAM like ClamAV)."""
import hashlib
import os
import shutil
import socket
import struct
import tempfile
import threading
from pathlib import Path

import pytest

from subsidies.models import Document
from subsidies.rollen import Rol
from subsidies.services.documenten import voeg_document_toe
from tests import bestanden
from tests.api import assert_error, client_for
from tests.factories import maak_gebruiker
from workflows.models import AuditRecord

pytestmark = pytest.mark.django_db


def post(aanvraag, user, naam: str, data: bytes, omschrijving="Begroting"):
    return client_for(user).post(f"/api/aanvragen/{aanvraag.pk}/documenten/",
                                 {"bestand": bestanden.upload(naam, data), "omschrijving": omschrijving},
                                 format="multipart")


def opgeslagen_bestanden(settings) -> list[Path]:
    return [pad for pad in Path(settings.DOCUMENTEN_ROOT).rglob("*") if pad.is_file()]


def inhoud(response) -> bytes:
    return b"".join(response.streaming_content)


# --- uploads -------------------------------------------------------------------------------------------------------
def test_an_executable_named_pdf_is_refused_and_nothing_is_stored(concept, aanvrager, settings):
    response = post(concept, aanvrager, "begroting.pdf", bestanden.EXE)

    body = assert_error(response, 400, "bestandsinhoud")
    assert body["message"] == {
        "nl": "De naam van het bestand eindigt op .pdf, maar de inhoud is geen PDF. Kies het juiste bestand, of sla "
              "het opnieuw op als PDF.",
        "en": "The name of the file ends in .pdf, but its content is not PDF. Choose the right file, or save it "
              "again as PDF."}
    assert body["details"] == {"velden": ["bestand"]}
    assert not Document.objects.exists() and not opgeslagen_bestanden(settings)


@pytest.mark.parametrize(("naam", "data", "code"), [
    pytest.param("begroting.pdf", bestanden.PDF_MET_JAVASCRIPT, "actieve_inhoud", id="pdf-javascript"),
    pytest.param("plan.docx", bestanden.docx(extra={"word/vbaProject.bin": b"\xd0\xcf"}), "actieve_inhoud",
                 id="docx-vbaproject"),
    pytest.param("begroting.pdf", b"%PDF-1.4\n%%EOF", "bestand_onleesbaar", id="kapotte-pdf"),
])
def test_active_or_unreadable_content_is_refused(concept, aanvrager, settings, naam, data, code):
    assert_error(post(concept, aanvrager, naam, data), 400, code)
    assert not Document.objects.exists() and not opgeslagen_bestanden(settings)


@pytest.mark.parametrize(("naam", "data"), [
    pytest.param("begroting.pdf", bestanden.pdf(), id="pdf"),
    pytest.param("foto.png", bestanden.png(), id="png"),
    pytest.param("plan.docx", bestanden.docx(), id="docx"),
    pytest.param("toelichting.txt", "Zomerfeest in De Wilg, € 2.500.\n".encode(), id="txt"),
])
def test_good_files_are_accepted_and_listed_with_their_download_link(concept, aanvrager, naam, data):
    response = post(concept, aanvrager, naam, data)

    assert response.status_code == 201, response.content
    [document] = response.json()
    opgeslagen = Document.objects.get()
    assert document["bestand"] == f"http://testserver/api/documenten/{opgeslagen.pk}/download/"
    assert (document["oorspronkelijke_naam"], document["grootte"]) == (naam, len(data))
    assert client_for(aanvrager).get(f"/api/aanvragen/{concept.pk}/documenten/").json() == [document]


def test_the_stored_name_is_random_and_the_audit_trail_holds_the_sha256(concept, aanvrager, settings):
    post(concept, aanvrager, "Begroting De Wilg 2026.pdf", bestanden.pdf())

    document = Document.objects.get()
    [opgeslagen] = opgeslagen_bestanden(settings)
    assert "Wilg" not in document.bestand.name and "Wilg" not in str(opgeslagen)
    assert opgeslagen.is_relative_to(settings.DOCUMENTEN_ROOT) and opgeslagen.suffix == ".pdf"
    record = AuditRecord.objects.get(object_id=str(document.pk), actie="aangemaakt",
                                     object_type__model="document")
    assert record.wijzigingen["sha256"] == [None, hashlib.sha256(bestanden.pdf()).hexdigest()]
    assert record.wijzigingen["oorspronkelijke_naam"] == [None, "Begroting De Wilg 2026.pdf"]


# --- downloads -----------------------------------------------------------------------------------------------------
@pytest.fixture
def document(concept, aanvrager):
    return voeg_document_toe(concept, bestand=bestanden.upload("Begroting “De Wilg”.pdf", bestanden.pdf()),
                             omschrijving="Begroting", user=aanvrager)


def download(document, user=None):
    return client_for(user).get(f"/api/documenten/{document.pk}/download/")


def test_a_member_downloads_the_exact_bytes_as_an_attachment(document, aanvrager):
    response = download(document, aanvrager)

    assert response.status_code == 200
    assert inhoud(response) == bestanden.pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Begroting%20%E2%80%9CDe%20Wilg%E2%80%9D.pdf")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_a_text_file_keeps_its_name_and_type(concept, aanvrager):
    tekst = voeg_document_toe(concept, bestand=bestanden.upload('uitleg "kort".txt', b"Kort.\n"),
                              omschrijving="Uitleg", user=aanvrager)
    response = download(tekst, aanvrager)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="uitleg \\"kort\\".txt"'


@pytest.mark.parametrize("rol", [Rol.BEHANDELAAR, Rol.BESLISSER, Rol.AUDITOR, Rol.BEHEERDER])
def test_staff_auditors_and_beheerders_download_every_document(document, rol):
    response = download(document, maak_gebruiker(rol))
    assert response.status_code == 200 and inhoud(response) == bestanden.pdf()


def test_another_organisations_member_gets_404_and_anonymous_401(document):
    assert_error(download(document, maak_gebruiker(Rol.AANVRAGER)), 404, "niet_gevonden")
    assert_error(download(document), 401, "niet_ingelogd")


def test_a_document_whose_file_is_gone_answers_404_not_500(document, aanvrager):
    document.bestand.storage.delete(document.bestand.name)
    assert_error(download(document, aanvrager), 404, "niet_gevonden")


def test_the_download_ignores_what_the_client_asks_to_accept(document, aanvrager):
    response = client_for(aanvrager).get(f"/api/documenten/{document.pk}/download/", HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200 and inhoud(response) == bestanden.pdf()


def test_the_admin_links_to_the_download_view(document, admin_client):
    pagina = admin_client.get(f"/admin/subsidies/aanvraag/{document.aanvraag_id}/change/")

    assert pagina.status_code == 200
    link = f'href="/api/documenten/{document.pk}/download/"'
    assert link in pagina.content.decode() and "/media/" not in pagina.content.decode()
    assert inhoud(admin_client.get(f"/api/documenten/{document.pk}/download/")) == bestanden.pdf()


# --- the virus scan ------------------------------------------------------------------------------------------------
EICAR = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE"  # the fake's signature; the real EICAR string is not needed


def _lees_precies(verbinding, aantal: int) -> bytes:
    data = b""
    while len(data) < aantal:
        deel = verbinding.recv(aantal - len(data))
        if not deel:
            raise ConnectionError("clamd: the client hung up")
        data += deel
    return data


def _beantwoord(verbinding, ontvangen: list) -> None:
    commando = b""
    while not commando.endswith(b"\0"):
        commando += _lees_precies(verbinding, 1)
    assert commando == b"zINSTREAM\0"
    data = b""
    while lengte := struct.unpack("!I", _lees_precies(verbinding, 4))[0]:
        data += _lees_precies(verbinding, lengte)
    ontvangen.append(data)
    verbinding.sendall(b"stream: Eicar-Signature FOUND\0" if EICAR in data else b"stream: OK\0")


@pytest.fixture
def clamd(settings):
    """A fake clamd in a thread, on a unix socket in a short temporary folder (socket paths are limited to about
    100 characters); yields the list of files it was sent."""
    map_ = tempfile.mkdtemp(prefix="clamd-")
    pad = os.path.join(map_, "clamd.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(pad)
    server.listen()
    server.settimeout(0.1)
    ontvangen, stop = [], threading.Event()

    def dien():
        while not stop.is_set():
            try:
                verbinding, _ = server.accept()
            except TimeoutError:
                continue
            with verbinding:
                verbinding.settimeout(5)
                _beantwoord(verbinding, ontvangen)

    thread = threading.Thread(target=dien, daemon=True)
    thread.start()
    settings.CLAMD_SOCKET = pad
    yield ontvangen
    stop.set()
    thread.join(timeout=5)
    server.close()
    shutil.rmtree(map_)


def test_a_clean_file_is_scanned_and_stored(concept, aanvrager, clamd):
    data = b"Begroting zomerfeest.\n" * 10_000  # several INSTREAM chunks

    response = post(concept, aanvrager, "begroting.txt", data)

    assert response.status_code == 201, response.content
    assert clamd == [data] and Document.objects.count() == 1


def test_an_infected_file_is_refused_and_nothing_is_stored(concept, aanvrager, clamd, settings):
    response = post(concept, aanvrager, "begroting.txt", b"Begroting " + EICAR + b"\n")

    body = assert_error(response, 400, "virus_gevonden")
    assert body["details"] == {"velden": ["bestand"], "virus": "Eicar-Signature"}
    assert len(clamd) == 1 and not Document.objects.exists() and not opgeslagen_bestanden(settings)


def test_an_unreachable_scanner_refuses_the_upload_until_later(concept, aanvrager, settings, tmp_path):
    settings.CLAMD_SOCKET = str(tmp_path / "geen-clamd.sock")

    body = assert_error(post(concept, aanvrager, "begroting.pdf", bestanden.pdf()), 503, "virusscan_niet_beschikbaar")

    assert "Probeer het later opnieuw" in body["message"]["nl"] and "try again later" in body["message"]["en"]
    assert not Document.objects.exists() and not opgeslagen_bestanden(settings)


def test_the_documents_list_is_the_bare_list_the_schema_promises(document, aanvrager, client):
    """The list is not paged (a request has a handful of documents), and the OpenAPI schema says so."""
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/aanvragen/{id}/documenten/"]["get"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "type": "array", "items": {"$ref": "#/components/schemas/Document"}}
    assert [p["name"] for p in operation["parameters"]] == ["id"]  # no page, filters or ordering

    lijst = client_for(aanvrager).get(f"/api/aanvragen/{document.aanvraag_id}/documenten/").json()
    assert isinstance(lijst, list) and [d["id"] for d in lijst] == [document.pk]
    assert set(lijst[0]) == set(schema["components"]["schemas"]["Document"]["properties"])
