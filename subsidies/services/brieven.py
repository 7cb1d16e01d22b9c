"""Letters: a beschikking or an aanvulling request rendered as a PDF/A document (WeasyPrint), kept for the archive.

The text is a `Briefsjabloon` (data a beheerder edits, versioned) rendered over `context(...)`, a plain dictionary
of what the letter may say — plain data, so a template cannot walk from the organisation to its members. The page
(letterhead, addressee, date, reference, signature, page numbers) is `templates/subsidies/brieven/layout.html` with
`brief.css`. Everything in a letter comes from the model, never from "now", so rendering the same subject again
gives the same text and, with the same template version, the same bytes.

A letter is made after the commit of the transaction that made its subject, by a Celery task (`plan`), since
rendering takes a while and must not hold the trail's lock; and on demand when someone downloads it first.
"""
import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.http import FileResponse
from django.template import Context
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from workflows import termijnen
from workflows.context import acting_as
from workflows.models import AuditRecord

from .. import rollen
from ..models import Aanvulling, Beschikking, Betaling, Brief, Briefsjabloon, Briefsoort, Taal
from ..models.brieven import sjabloon_engine
from ..models.regelingen import Verantwoordingsniveau
from .bezwaren import UITKOMST_TEKST
from .documenten import bijlage

PDF_VARIANT = "pdf/a-2a"  # PDF/A-2 level A: archival (Archiefwet) and tagged (structure, language, reading order)
STANDAARD = Path(__file__).resolve().parent.parent / "briefsjablonen"
LAYOUT = "subsidies/brieven/layout.html"
CSS = Path(__file__).resolve().parent.parent / "templates" / "subsidies" / "brieven" / "brief.css"

SOORT_VAN_BESCHIKKING = {  # a soort not listed here gets the generic letter (Briefsoort.BESLUIT)
    Beschikking.Soort.VERLENING: Briefsoort.VERLENING,
    Beschikking.Soort.WEIGERING: Briefsoort.WEIGERING,
    Beschikking.Soort.BUITEN_BEHANDELING: Briefsoort.BUITEN_BEHANDELING,
    Beschikking.Soort.VASTSTELLING: Briefsoort.VASTSTELLING,
    Beschikking.Soort.WIJZIGING: Briefsoort.WIJZIGING,
    Beschikking.Soort.INTREKKING: Briefsoort.INTREKKING,
    Beschikking.Soort.BEEINDIGING: Briefsoort.BEEINDIGING,
    Beschikking.Soort.BEZWAARBESLISSING: Briefsoort.BEZWAARBESLISSING,
    Beschikking.Soort.DWANGSOM: Briefsoort.DWANGSOM,
}


# --- which letter --------------------------------------------------------------------------------------------
def briefsoort(onderwerp) -> str:
    if isinstance(onderwerp, Aanvulling):
        return Briefsoort.AANVULLING
    soort = SOORT_VAN_BESCHIKKING.get(onderwerp.soort, Briefsoort.BESLUIT)
    if soort == Briefsoort.VERLENING and _subsidie(onderwerp) and _subsidie(onderwerp).structureel:
        return Briefsoort.VERLENING_MEERJARIG
    if soort == Briefsoort.VASTSTELLING and _terugvorderingen(onderwerp):
        return Briefsoort.TERUGVORDERING
    return soort


def sjabloon_voor(soort: str, taal: str) -> Briefsjabloon:
    """The newest active version for the kind and language, else the generic letter's. After a flush of the
    database (the browser tests) the defaults are loaded again, so a letter can always be made."""
    for gezocht in (soort, Briefsoort.BESLUIT):
        sjabloon = (Briefsjabloon.objects.filter(soort=gezocht, taal=taal, actief=True).order_by("-versie").first())
        if sjabloon:
            return sjabloon
    if not Briefsjabloon.objects.exists():
        laad_standaardsjablonen(Briefsjabloon)
        return sjabloon_voor(soort, taal)
    raise Briefsjabloon.DoesNotExist(f"Geen actief briefsjabloon voor {soort} of {Briefsoort.BESLUIT} ({taal}).")


def laad_standaardsjablonen(model) -> None:
    """The default templates (`subsidies/briefsjablonen/<taal>/<soort>.html`: the subject on the first line, the
    text below it) as version 1; also called by the data migration with its historical model."""
    for taal in Taal.values:
        for soort in Briefsoort.values:
            onderwerp, tekst = (STANDAARD / taal / f"{soort}.html").read_text(encoding="utf-8").split("\n", 1)
            model.objects.get_or_create(soort=soort, taal=taal, versie=1,
                                        defaults={"onderwerp": onderwerp.strip(), "tekst": tekst.strip() + "\n"})


def nieuwe_versie(bewerkt: Briefsjabloon) -> Briefsjabloon:
    """Save an edited template as the next version of its kind and language; the row it was edited from keeps
    its text (letters point at it). `bewerkt` is the edited, unsaved copy of a saved version."""
    nieuw = Briefsjabloon(soort=bewerkt.soort, taal=bewerkt.taal, onderwerp=bewerkt.onderwerp, tekst=bewerkt.tekst,
                          actief=bewerkt.actief)
    nieuw.full_clean(exclude=["versie"])
    with transaction.atomic():
        nieuw.save()
    return nieuw


# --- what a letter may say -----------------------------------------------------------------------------------
def context(onderwerp, taal: str) -> dict:
    """The data a template renders over (documented in docs/architecture.md, Letters). Plain values only."""
    aanvraag = onderwerp.aanvraag
    organisatie = aanvraag.organisatie
    gegevens = {
        "taal": taal,
        "organisatie": {"naam": organisatie.naam, "straat": organisatie.straat, "postcode": organisatie.postcode,
                        "plaats": organisatie.plaats},
        "aanvraag": {"nummer": aanvraag.nummer, "titel": aanvraag.titel, "regeling": aanvraag.regeling.naam,
                     "gevraagd_bedrag": aanvraag.gevraagd_bedrag, "periode_van": aanvraag.periode_van,
                     "periode_tot": aanvraag.periode_tot},
        "beschikking": None, "aanvulling": None, "tranches": [], "voorbehoud": False, "terugvordering": None,
        "beeindiging": None, "plafond": False, "direct_vastgesteld": False, "bezwaar": None, "dwangsom": None,
    }
    if isinstance(onderwerp, Aanvulling):
        gegevens["datum"] = onderwerp.gevraagd_op
        gegevens["aanvulling"] = {"omschrijving": onderwerp.omschrijving, "gevraagd_op": onderwerp.gevraagd_op,
                                  "termijn_tot": onderwerp.termijn_tot}
        gegevens["ondertekenaar"] = "behandelaar"
        return gegevens
    beschikking = onderwerp
    gegevens["datum"] = beschikking.verzonden_op
    gegevens["ondertekenaar"] = "beslisser" if rollen.heeft_rol(beschikking.beslisser, rollen.Rol.BESLISSER) \
        else "behandelaar"
    gegevens["beschikking"] = {
        "soort": beschikking.soort, "soort_naam": _soortnaam(beschikking, taal), "bedrag": beschikking.bedrag,
        "boekjaar": beschikking.boekjaar, "motivering": beschikking.motivering,
        "verplichtingen": beschikking.verplichtingen, "verzonden_op": beschikking.verzonden_op,
        "bezwaartermijn_tot": beschikking.bezwaartermijn_tot,
    }
    gegevens["plafond"] = "4:25" in beschikking.motivering
    subsidie = _subsidie(beschikking)
    if beschikking.soort == Beschikking.Soort.VERLENING and subsidie:
        gegevens["direct_vastgesteld"] = subsidie.verantwoordingsniveau == Verantwoordingsniveau.DIRECT
        if subsidie.structureel:
            gegevens["tranches"] = _tranches(beschikking)
            gegevens["voorbehoud"] = any(t["voorwaardelijk"] for t in gegevens["tranches"])
    terug = _terugvorderingen(beschikking)
    if terug:
        gegevens["terugvordering"] = {
            "bedrag": sum(b.bedrag for b in terug),
            # a sum of money owed to the municipality is paid within six weeks of the decision (Awb 4:87)
            "uiterlijk": termijnen.termijn_einde(beschikking.verzonden_op, weken=6,
                                                 gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db()),
        }
    if beschikking.soort == Beschikking.Soort.BEEINDIGING and subsidie and hasattr(subsidie, "beeindiging"):
        einde = subsidie.beeindiging
        gegevens["beeindiging"] = {
            "grond": einde.grond, "laatste_boekjaar": einde.laatste_boekjaar,
            "gesubsidieerde_jaren": einde.gesubsidieerde_jaren, "compensatie": einde.compensatie,
            "afbouw": [{"boekjaar": t.boekjaar, "bedrag": t.basisbedrag}
                       for t in subsidie.tranches.filter(afbouw=True).order_by("boekjaar")],
        }
    if beschikking.soort == Beschikking.Soort.BEZWAARBESLISSING and hasattr(beschikking, "beslist_bezwaar"):
        gegevens["bezwaar"] = _bezwaar(beschikking, taal)
    if beschikking.soort == Beschikking.Soort.DWANGSOM and hasattr(beschikking, "ingebrekestelling"):
        gegevens["dwangsom"] = _dwangsom(beschikking)
    return gegevens


def _bezwaar(beslissing, taal: str) -> dict:
    """The objection this decision decides, the decision it contested and, on gegrond, what took its place: the
    beschikkingen made in the same act (read from the trail, like `_terugvorderingen`), or the award that stands
    again when an intrekking was revoked."""
    bezwaar = beslissing.beslist_bezwaar
    bestreden = bezwaar.beschikking
    besluiten = _aanmaakrecords(Beschikking, beslissing.aanvraag.beschikkingen.values_list("pk", flat=True))
    volgnummer, request_id = besluiten.get(beslissing.pk, (None, None))
    nieuw = sorted(pk for pk, (v, r) in besluiten.items() if volgnummer and r == request_id and v > volgnummer)
    verlening = None
    if bezwaar.herziening == bezwaar.Herziening.HERZIEN and bestreden.soort == Beschikking.Soort.INTREKKING:
        verlening = beslissing.aanvraag.beschikkingen.filter(soort=Beschikking.Soort.VERLENING,
                                                             pk__lt=beslissing.pk).order_by("-pk").first()
    return {
        "nummer": bezwaar.nummer, "ontvangen_op": bezwaar.ontvangen_op, "uitkomst": bezwaar.status,
        "herziening": bezwaar.herziening,
        # The letter states the outcome itself; its grounds are the officer's reasons without that opening sentence.
        "gronden": beslissing.motivering.removeprefix(UITKOMST_TEKST.get(bezwaar.status, "")).strip(),
        "bestreden": {"soort": bestreden.soort, "soort_naam": _soortnaam(bestreden, taal),
                      "verzonden_op": bestreden.verzonden_op, "bedrag": bestreden.bedrag},
        "nieuwe_besluiten": [{"soort": b.soort, "soort_naam": _soortnaam(b, taal), "bedrag": b.bedrag}
                             for b in Beschikking.objects.filter(pk__in=nieuw).order_by("pk")],
        "hersteld_bedrag": verlening.bedrag if verlening else None,
    }


def _dwangsom(beschikking) -> dict:
    """The 4:18 decision's facts: the notice, the days and amounts per period as they stood on the day it was
    sent (so rendering again gives the same text), and when it is paid."""
    from ..models.dwangsom import Dwangsomtarief
    from .dwangsom import specificatie, stand

    ingebrekestelling = beschikking.ingebrekestelling
    tarieven = list(Dwangsomtarief.objects.order_by("geldig_vanaf"))
    huidig = stand(ingebrekestelling, peildatum=beschikking.verzonden_op, tarieven=tarieven)
    return {
        "ontvangen_op": ingebrekestelling.ontvangen_op, "beslistermijn_tot": ingebrekestelling.beslistermijn_tot,
        "eerste_dag": huidig.eerste_dag, "laatste_dag": huidig.laatste_dag, "dagen": huidig.dagen,
        "bedrag": beschikking.bedrag, "geen_dwangsom": ingebrekestelling.geen_dwangsom,
        "perioden": [{"van": p.van, "tot": p.tot, "dagen": p.dagen, "per_dag": p.per_dag, "bedrag": p.bedrag}
                     for p in specificatie(huidig.eerste_dag, huidig.dagen, tarieven)],
        # what the municipality owes is paid within six weeks of the decision (Awb 4:87 lid 1)
        "betaald_uiterlijk": termijnen.termijn_einde(beschikking.verzonden_op, weken=6,
                                                     gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db()),
    }


def _subsidie(beschikking):
    return getattr(beschikking.aanvraag, "subsidie", None)


def _soortnaam(beschikking, taal: str) -> str:
    with translation.override(taal):
        return str(beschikking.get_soort_display())


def _tranches(beschikking) -> list[dict]:
    """The years as awarded (the proposal per boekjaar, fixed with the decision) and whether each was conditional
    on the council's budget (Awb 4:34) on the day of the letter."""
    from ..models import Begrotingsjaar

    vastgesteld = dict(Begrotingsjaar.objects.filter(vastgesteld_op__isnull=False)
                       .values_list("boekjaar", "vastgesteld_op"))
    return [{"boekjaar": jaar.boekjaar, "bedrag": jaar.voorstel_bedrag,
             "voorwaardelijk": not (vastgesteld.get(jaar.boekjaar) and
                                    vastgesteld[jaar.boekjaar] <= beschikking.verzonden_op)}
            for jaar in beschikking.aanvraag.jaarbedragen.order_by("boekjaar")]


def _terugvorderingen(beschikking) -> list:
    """The recoveries this decision set (Awb 4:57): made in the same act (the trail's request id) between the
    request's previous and next beschikking — a vaststelling books them after itself, an intrekking before. Read
    from the trail, which never changes; a recovery re-planned later is still found."""
    if beschikking.soort not in (Beschikking.Soort.VASTSTELLING, Beschikking.Soort.INTREKKING):
        return []
    subsidie = _subsidie(beschikking)
    if subsidie is None:
        return []
    besluiten = _aanmaakrecords(Beschikking, beschikking.aanvraag.beschikkingen.values_list("pk", flat=True))
    if beschikking.pk not in besluiten:
        return []
    volgnummer, request_id = besluiten[beschikking.pk]
    vorige = max((v for v, _ in besluiten.values() if v < volgnummer), default=0)
    volgende = min((v for v, _ in besluiten.values() if v > volgnummer), default=None)
    betalingen = subsidie.betalingen.filter(soort=Betaling.Soort.TERUGVORDERING)
    if beschikking.boekjaar:
        betalingen = betalingen.filter(verplichting__boekjaar=beschikking.boekjaar)
    betalingen = list(betalingen.order_by("pk"))
    gemaakt = _aanmaakrecords(Betaling, [b.pk for b in betalingen])
    return [b for b in betalingen if b.pk in gemaakt and gemaakt[b.pk][1] == request_id
            and vorige < gemaakt[b.pk][0] and (volgende is None or gemaakt[b.pk][0] < volgende)]


def _aanmaakrecords(model, pks) -> dict:
    """pk → (volgnummer, request id) of each object's creation in the trail."""
    records = AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(model),
                                         object_id__in=[str(pk) for pk in pks], actie=AuditRecord.Actie.AANGEMAAKT)
    return {int(object_id): (volgnummer, request_id)
            for object_id, volgnummer, request_id in records.values_list("object_id", "volgnummer", "request_id")}


# --- rendering -----------------------------------------------------------------------------------------------
def html(onderwerp, taal: str, sjabloon: Briefsjabloon) -> str:
    """The letter as HTML: the template's subject and text inside the page layout."""
    gegevens = context(onderwerp, taal)
    engine = sjabloon_engine()
    with translation.override(taal):
        onderwerpregel = engine.from_string(sjabloon.onderwerp).render(Context(gegevens)).strip()
        tekst = engine.from_string(sjabloon.tekst).render(Context(gegevens))
        return render_to_string(LAYOUT, {**gegevens, "onderwerpregel": onderwerpregel, "tekst": mark_safe(tekst),
                                         "css": mark_safe(_css())})


@cache
def _css() -> str:
    return CSS.read_text(encoding="utf-8")


def pdf(onderwerp, taal: str, sjabloon: Briefsjabloon) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(onderwerp, taal, sjabloon), base_url=str(CSS.parent)).write_pdf(pdf_variant=PDF_VARIANT)


# --- making and finding letters ------------------------------------------------------------------------------
def taal_van(onderwerp) -> str:
    return onderwerp.aanvraag.organisatie.correspondentietaal or Taal.NL


def brief_voor(onderwerp, taal: str | None = None) -> Brief:
    """The letter of `onderwerp` in `taal` (default: the organisation's) by the template version now in use: the
    one already made, or a new one. Idempotent: a second call, or a race with the task, finds the first."""
    taal = taal or taal_van(onderwerp)
    soort = briefsoort(onderwerp)
    sjabloon = sjabloon_voor(soort, taal)
    veld = "aanvulling" if isinstance(onderwerp, Aanvulling) else "beschikking"
    bestaand = Brief.objects.filter(**{veld: onderwerp}, taal=taal, sjabloon=sjabloon).first()
    if bestaand:
        return bestaand
    inhoud = pdf(onderwerp, taal, sjabloon)  # outside any transaction: no lock is held while rendering
    brief = Brief(**{veld: onderwerp}, soort=soort, taal=taal, sjabloon=sjabloon, grootte=len(inhoud),
                  sha256=hashlib.sha256(inhoud).hexdigest())
    brief.bestand.save(brief.bestandsnaam, ContentFile(inhoud), save=False)
    try:
        with transaction.atomic(), acting_as(None):  # the system makes letters
            brief.save()
    except IntegrityError:
        brief.bestand.delete(save=False)
        return Brief.objects.get(**{veld: onderwerp}, taal=taal, sjabloon=sjabloon)
    return brief


def laatste_brief(onderwerp, taal: str | None = None) -> Brief:
    """What a download hands out: the newest letter made in the language, or (if none yet) one made now."""
    taal = taal or taal_van(onderwerp)
    veld = "aanvulling" if isinstance(onderwerp, Aanvulling) else "beschikking"
    brief = Brief.objects.filter(**{veld: onderwerp}, taal=taal).order_by("-aangemaakt_op", "-pk").first()
    return brief or brief_voor(onderwerp, taal)


def als_download(brief: Brief) -> FileResponse:
    """The letter as an attachment, the way every stored file leaves (`documenten.bijlage`)."""
    return bijlage(brief.bestand, brief.bestandsnaam, "application/pdf")


_uitgesteld: ContextVar[bool] = ContextVar("brieven_uitgesteld", default=False)


@contextmanager
def uitgesteld():
    """Decisions taken inside the block get no letter now; each is made when first downloaded (or by `maak_voor`).
    For bulk work such as the demo data, where rendering every letter would cost more than the work itself."""
    token = _uitgesteld.set(True)
    try:
        yield
    finally:
        _uitgesteld.reset(token)


def maak_voor(organisaties) -> int:
    """Make the letters of every beschikking and aanvulling of these organisations' requests; returns how many."""
    onderwerpen = [*Beschikking.objects.filter(aanvraag__organisatie__in=organisaties).order_by("pk"),
                   *Aanvulling.objects.filter(aanvraag__organisatie__in=organisaties).order_by("pk")]
    return len([brief_voor(onderwerp) for onderwerp in onderwerpen])


def plan(onderwerp) -> None:
    """Make the letter after the commit, by the Celery task: not while the transaction holds its locks. A failure
    does not undo the decision (robust): the letter is then made when it is first downloaded."""
    from ..tasks import maak_brief

    if _uitgesteld.get():
        return
    soort = "aanvulling" if isinstance(onderwerp, Aanvulling) else "beschikking"
    taal = taal_van(onderwerp)
    transaction.on_commit(lambda: maak_brief.delay(soort, onderwerp.pk, taal), robust=True)


def maak(soort: str, pk: int, taal: str) -> int:
    model = Aanvulling if soort == "aanvulling" else Beschikking
    return brief_voor(model.objects.get(pk=pk), taal).pk
