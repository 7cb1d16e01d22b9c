"""Applicants add documents to a draft or an aanvulling; the file's type, content, size and moment are checked.

Every file here is built byte by byte (tests/bestanden.py): real, minimal files of each accepted type, and the
dangerous ones a browser would send under an innocent name.
"""
import hashlib
import importlib
from datetime import date
from pathlib import Path

import pytest

from subsidies.models import Document
from subsidies.services.documenten import voeg_document_toe
from tests import bestanden
from tests.bestanden import upload
from tests.factories import breng_naar
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import perform


def pdf(name="begroting.pdf"):
    return upload(name, bestanden.pdf())


def opgeslagen_bestanden(settings) -> list[Path]:
    return [pad for pad in Path(settings.DOCUMENTEN_ROOT).rglob("*") if pad.is_file()]


def test_a_document_is_stored_with_the_draft_and_audited(concept, aanvrager):
    document = voeg_document_toe(concept, bestand=pdf(), omschrijving="Begroting 2026", user=aanvrager)

    assert concept.documenten.get() == document and document.bestand.read() == bestanden.pdf()
    record = AuditRecord.objects.get(object_id=str(document.pk), object_weergave="Begroting 2026")
    assert (record.actie, record.actor_id) == ("aangemaakt", aanvrager.pk)


def test_documents_can_be_added_when_information_was_asked(concept, aanvrager, behandelaar, vandaag):
    vandaag(date(2026, 2, 2))
    aanvraag = breng_naar(concept, "in_behandeling", aanvrager=aanvrager, behandelaar=behandelaar)
    aanvraag = perform(aanvraag, "aanvulling_vragen", behandelaar, reden="Stuur de offerte.",
                       termijn_tot=date(2026, 2, 20))
    voeg_document_toe(aanvraag, bestand=pdf("offerte.pdf"), omschrijving="Offerte", user=aanvrager)
    assert aanvraag.documenten.count() == 1


@pytest.mark.parametrize(("naam", "data", "content_type"), [
    pytest.param("begroting.pdf", bestanden.pdf(), "application/pdf", id="pdf"),
    pytest.param("foto.PNG", bestanden.png(), "image/png", id="png"),
    pytest.param("foto.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32 + b"\xff\xd9", "image/jpeg", id="jpeg"),
    pytest.param("plan.docx", bestanden.docx(),
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document", id="docx"),
    pytest.param("plan.odt", bestanden.odt(), "application/vnd.oasis.opendocument.text", id="odt"),
    pytest.param("plan.doc", bestanden.ole("WordDocument"), "application/msword", id="doc"),
    pytest.param("begroting.xls", bestanden.ole("Workbook"), "application/vnd.ms-excel", id="xls"),
    pytest.param("toelichting.txt", "Wij vragen € 2.500 voor het zomerfeest.\n".encode(), "text/plain; charset=utf-8",
                 id="txt"),
])
def test_each_accepted_type_is_stored_as_what_its_content_is(concept, aanvrager, settings, naam, data, content_type):
    document = voeg_document_toe(concept, bestand=upload(naam, data), omschrijving="Bijlage", user=aanvrager)

    assert (document.content_type, document.grootte, document.oorspronkelijke_naam) == (content_type, len(data), naam)
    [opgeslagen] = opgeslagen_bestanden(settings)
    assert opgeslagen.read_bytes() == data
    assert opgeslagen.suffix == Path(naam).suffix.lower() and Path(naam).stem not in str(opgeslagen)


def test_the_original_name_loses_its_folders_and_control_characters(concept, aanvrager):
    """It is shown in the admin and sent back in a header: only its printable characters are kept."""
    document = voeg_document_toe(concept, bestand=upload("../../be\x1bgroting\x07.pdf", bestanden.pdf()),
                                 omschrijving="Begroting", user=aanvrager)
    assert document.oorspronkelijke_naam == "begroting.pdf"


@pytest.mark.parametrize(("naam", "data", "code"), [
    pytest.param("virus.exe", bestanden.EXE, "bestandstype", id="extensie"),
    pytest.param("begroting.pdf", b"%" * (10 * 1024 * 1024 + 1), "bestand_te_groot", id="te-groot"),
    pytest.param("begroting.pdf", b"", "bestand_leeg", id="leeg"),
    pytest.param("begroting.pdf", bestanden.EXE, "bestandsinhoud", id="exe-als-pdf"),
    pytest.param("foto.png", bestanden.EXE[:8] + b"IHDR" * 4, "bestandsinhoud", id="exe-als-png"),
    pytest.param("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "bestandsinhoud", id="png-zonder-ihdr"),
    pytest.param("foto.jpg", bestanden.png(), "bestandsinhoud", id="png-als-jpg"),
    pytest.param("plan.docx", bestanden.odt(), "bestandsinhoud", id="odt-als-docx"),
    pytest.param("plan.xlsx", bestanden.docx(), "bestandsinhoud", id="docx-als-xlsx"),
    pytest.param("plan.docx", b"PK\x03\x04 kapot", "bestandsinhoud", id="kapotte-zip"),
    pytest.param("plan.ods", bestanden.odt(), "bestandsinhoud", id="odt-als-ods"),
    pytest.param("plan.xls", bestanden.ole("WordDocument"), "bestandsinhoud", id="doc-als-xls"),
    pytest.param("plan.doc", bestanden.OLE_MAGIC + b"\x00" * 600, "bestandsinhoud", id="kapotte-ole"),
    pytest.param("notitie.txt", "tekst".encode("utf-16"), "bestandsinhoud", id="txt-utf16"),
    pytest.param("notitie.txt", bestanden.EXE, "bestandsinhoud", id="exe-als-txt"),
    pytest.param("notitie.txt", b"  <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "bestandsinhoud",
                 id="svg-als-txt"),
    pytest.param("notitie.txt", b"<!DOCTYPE html><script>alert(1)</script>", "bestandsinhoud", id="html-als-txt"),
    pytest.param("tekening.svg", b"<svg/>", "bestandstype", id="svg"),
    pytest.param("pagina.html", b"<html/>", "bestandstype", id="html"),
    pytest.param("begroting.pdf", b"%PDF-1.7\n1 0 obj kapot", "bestand_onleesbaar", id="kapotte-pdf"),
    pytest.param("begroting.pdf", bestanden.PDF_MET_JAVASCRIPT, "actieve_inhoud", id="pdf-javascript"),
    pytest.param("begroting.pdf", bestanden.PDF_MET_VERSTOPT_JAVASCRIPT, "actieve_inhoud",
                 id="pdf-javascript-als-hex-naam"),
    pytest.param("begroting.pdf", bestanden.PDF_MET_LAUNCH, "actieve_inhoud", id="pdf-launch"),
    pytest.param("begroting.pdf", bestanden.PDF_MET_BIJLAGE, "actieve_inhoud", id="pdf-ingesloten-bestand"),
    pytest.param("begroting.pdf", bestanden.pdf(b"/AcroForm << /Fields [] /XFA 4 0 R >>",
                                                 b"<< /Length 9 >>\nstream\n<xdp:xdp>\nendstream"),
                 "actieve_inhoud", id="pdf-xfa-formulier"),
    pytest.param("plan.docx", bestanden.docx(extra={"word/vbaProject.bin": b"\xd0\xcf"}), "actieve_inhoud",
                 id="docx-met-vbaproject"),
    pytest.param("plan.docx", bestanden.docx(main="application/vnd.ms-word.document.macroEnabled.main+xml"),
                 "actieve_inhoud", id="docm-als-docx"),
    pytest.param("plan.odt", bestanden.odt(extra={"Basic/Standard/Module1.xml": b"<script/>"}), "actieve_inhoud",
                 id="odt-met-macro"),
    pytest.param("plan.doc", bestanden.ole("WordDocument", opslag="Macros"), "actieve_inhoud", id="doc-met-macro"),
])
def test_refused_files_leave_nothing_behind(concept, aanvrager, geweigerd, settings, naam, data, code):
    with geweigerd(InvalidInput, code) as refusal:
        voeg_document_toe(concept, bestand=upload(naam, data), omschrijving="Bijlage", user=aanvrager)
    assert refusal.value.details == {"velden": ["bestand"]}
    assert not opgeslagen_bestanden(settings)


def test_no_documents_after_submission_or_from_strangers(concept, aanvrager, auditor, geweigerd):
    with geweigerd(NotPermitted):
        voeg_document_toe(concept, bestand=pdf(), omschrijving="Bijlage", user=auditor)
    ingediend = breng_naar(concept, "ingediend", aanvrager=aanvrager)
    with geweigerd(TransitionNotPossible, "documenten_gesloten"):
        voeg_document_toe(ingediend, bestand=pdf(), omschrijving="Bijlage", user=aanvrager)


def test_the_migration_moves_earlier_documents_into_the_private_folder(concept, settings,
                                                                         django_capture_on_commit_callbacks):
    """Before, files lay under MEDIA_ROOT by the client's name; the migration gives each a random private name."""
    from django.apps import apps

    migratie = importlib.import_module("subsidies.migrations.0006_document_private_storage")
    oud = Path(settings.MEDIA_ROOT) / "aanvragen" / "2025" / "Begroting De Wilg.pdf"
    oud.parent.mkdir(parents=True)
    oud.write_bytes(bestanden.pdf())
    document = Document.objects.create(aanvraag=concept, omschrijving="Begroting", grootte=0,
                                       bestand="aanvragen/2025/Begroting De Wilg.pdf")

    with django_capture_on_commit_callbacks(execute=True):
        migratie.naar_prive_opslag(apps, None)

    document.refresh_from_db()
    assert (document.oorspronkelijke_naam, document.content_type, document.grootte, document.sha256) == (
        "Begroting De Wilg.pdf", "application/pdf", len(bestanden.pdf()), hashlib.sha256(bestanden.pdf()).hexdigest())
    assert "Wilg" not in document.bestand.name and document.bestand.read() == bestanden.pdf()
    assert not oud.exists()
