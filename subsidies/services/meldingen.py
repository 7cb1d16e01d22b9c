"""What people are told: one small function per event that asks something of someone or that must be made known.

Each event has a mail template per language, `subsidies/templates/meldingen/<event>.<nl|en>.txt` (blocks
`onderwerp`, `tekst`, `knop`; rendered by `workflows.berichten.opmaken` into text and HTML), with an absolute link to
the page where the reader acts. Every recipient gets one message in their own language (`talen`).

Each queues its messages in the outbox inside the transaction of the event, so a refused or rolled-back change tells
nobody anything. The key names the event, so calling it again (a retried job) queues nothing new. Applicants are
reached through `ontvangers` (the organisation, its contact persons and members, among them the user who submitted
the request); officers through their own address. A message is urgent (always at once) when it is a decision or its
deadline is at most `URGENT_BINNEN` away; the rest may wait for a reader's daily digest.
"""
import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models.functions import Lower, Trim
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from workflows.berichten import absolute_url, opmaken, plaats_alle
from workflows.berichten import opstellen as _opstellen
from workflows.models import AuditRecord, Berichtvoorkeur

from ..rollen import Rol, heeft_belang
from .budgetstatus import budgetstatus

URGENT_BINNEN = dt.timedelta(days=3)


def ontvangers(organisatie) -> list[str]:
    """The organisation's own address, its contact persons and its members with an account (prefetch
    `contactpersonen` and `leden` when asking for many)."""
    return [organisatie.email, *(c.email for c in organisatie.contactpersonen.all()),
            *(lid.email for lid in organisatie.leden.all())]


def talen(aan, organisatie=None) -> dict[str, str]:
    """Each address (trimmed, lower case) with the language its message is written in: the user's own choice
    (Berichtvoorkeur), else the organisation's correspondence language, else Dutch. The one place this is decided."""
    adressen = {adres.strip().lower() for adres in aan if adres and adres.strip()}
    standaard = organisatie.correspondentietaal if organisatie is not None else "nl"
    eigen = dict(Berichtvoorkeur.objects.exclude(taal="").annotate(adres=Lower(Trim("user__email")))
                 .filter(adres__in=adressen).values_list("adres", "taal"))
    return {adres: eigen.get(adres, standaard) for adres in sorted(adressen)}


def urgent(uiterlijk: dt.date | None) -> bool:
    """A deadline at most three days away cannot wait for tomorrow's digest."""
    return uiterlijk is not None and uiterlijk <= timezone.localdate() + URGENT_BINNEN


def link(naam: str, *args) -> str:
    """The absolute address of the page named `naam` (a face's URL name: a name, not an import), or the start page
    when that face is not installed."""
    try:
        return absolute_url(reverse(naam, args=args))
    except NoReverseMatch:
        return absolute_url("/")


def beheer(obj) -> str:
    """Where an officer acts on `obj`: its page in the admin."""
    return link(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", obj.pk)


def opstellen(event: str, sleutel: str, aan, context: dict, obj, *, organisatie=None,
              is_urgent: bool = True) -> list:
    """The unsaved messages of `event`, one per address, each rendered in the reader's language."""
    per_taal: dict[str, list[str]] = {}
    for adres, taal in talen(aan, organisatie).items():
        per_taal.setdefault(taal, []).append(adres)
    return [bericht for taal, adressen in sorted(per_taal.items())
            for bericht in _opstellen(sleutel, adressen, obj=obj, taal=taal, urgent=is_urgent,
                                      **opmaken(f"meldingen/{event}", taal, context))]


def meld(event: str, sleutel: str, aan, context: dict, obj, **opties) -> int:
    """Queue `event` for every address (see `opstellen`); returns how many messages are new."""
    return plaats_alle(opstellen(event, sleutel, aan, context, obj, **opties))


def volgnummer(obj, handeling: str) -> int:
    """The how-many-th time `handeling` happens to `obj` (counted from the trail, called inside the transition, before
    its own record): an event that can repeat gets a key per occurrence, and the same key again on a retry."""
    return AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk),
                                      handeling=handeling).count() + 1


def _aan_aanvrager(aanvraag, event: str, sleutel: str, context: dict, obj=None, uiterlijk=None,
                   is_urgent: bool | None = None) -> int:
    """To the organisation (`ontvangers`; the applicant who submitted is one of its members). Not to an officer who
    registered a paper request for it."""
    return meld(event, sleutel, ontvangers(aanvraag.organisatie), {"aanvraag": aanvraag, **context},
                obj or aanvraag, organisatie=aanvraag.organisatie,
                is_urgent=urgent(uiterlijk) if is_urgent is None else is_urgent)


def _aan_medewerker(user, event: str, sleutel: str, context: dict, obj, uiterlijk=None) -> int:
    return meld(event, sleutel, [user.email] if user is not None else [], {"link": beheer(obj), **context}, obj,
                is_urgent=urgent(uiterlijk))


# --- the request --------------------------------------------------------------------------------------------
def ontvangst(aanvraag) -> int:
    """Receipt (Awb 4:3a): the date received, the latest decision date, and the budget notice when it applies."""
    waarschuwingen = [status for status in budgetstatus(aanvraag) if status.waarschuwing]
    return _aan_aanvrager(aanvraag, "ontvangst", f"ontvangst-{aanvraag.pk}",
                          {"waarschuwingen": waarschuwingen, "link": link("portaal:aanvraag", aanvraag.pk)})


def aanvulling_gevraagd(aanvulling) -> int:
    """What is missing, by when, and that the decision term waits meanwhile (Awb 4:5, 4:15)."""
    aanvraag = aanvulling.aanvraag
    return _aan_aanvrager(aanvraag, "aanvulling_gevraagd", f"aanvulling-{aanvulling.pk}",
                          {"aanvulling": aanvulling, "link": link("portaal:aanvulling", aanvraag.pk)},
                          obj=aanvulling, uiterlijk=aanvulling.termijn_tot)


def aanvulling_herinnering(aanvulling) -> int:
    """A few days before the aanvulling term ends, once: what is still missing, and what happens after that day."""
    aanvraag = aanvulling.aanvraag
    return _aan_aanvrager(aanvraag, "aanvulling_herinnering", f"herinnering-aanvulling-{aanvulling.pk}",
                          {"aanvulling": aanvulling, "link": link("portaal:aanvulling", aanvraag.pk)},
                          obj=aanvulling, uiterlijk=aanvulling.termijn_tot)


def aanvulling_ontvangen(aanvulling) -> int:
    """The applicant hears the information arrived and the new decision date; the behandelaar that it is back."""
    aanvraag = aanvulling.aanvraag
    context = {"aanvulling": aanvulling, "aanvraag": aanvraag}
    nieuw = _aan_aanvrager(aanvraag, "aanvulling_ontvangen", f"aanvulling-ontvangen-{aanvulling.pk}",
                           {**context, "link": link("portaal:aanvraag", aanvraag.pk)}, obj=aanvulling)
    return nieuw + _aan_medewerker(aanvraag.behandelaar, "aanvulling_binnen", f"aanvulling-binnen-{aanvulling.pk}",
                                   {**context, "link": beheer(aanvraag)}, aanvulling)


def aanvullingstermijn_verstreken(aanvulling, laatste_dag: dt.date) -> int:
    """To the behandelaar, once: the term passed unused; buiten behandeling only until `laatste_dag` (4:5 lid 4)."""
    aanvraag = aanvulling.aanvraag
    return _aan_medewerker(aanvraag.behandelaar or aanvulling.gevraagd_door, "aanvullingstermijn_verstreken",
                           f"aanvulling-verstreken-{aanvulling.pk}",
                           {"aanvulling": aanvulling, "aanvraag": aanvraag, "laatste_dag": laatste_dag,
                            "link": beheer(aanvraag)}, aanvulling, uiterlijk=laatste_dag)


def verdaagd(aanvraag, reden: str) -> int:
    """Notice of the extension, with the new date and the reason (Awb 4:14 lid 3)."""
    return _aan_aanvrager(aanvraag, "verdaagd", f"verdaging-{aanvraag.pk}",
                          {"reden": reden, "link": link("portaal:aanvraag", aanvraag.pk)})


def voorstel_ter_beslissing(aanvraag) -> int:
    """A proposal above the four-eyes threshold waits for a beslisser: every beslisser who may decide it."""
    beslissers = get_user_model().objects.filter(groups__name=Rol.BESLISSER, is_active=True).exclude(
        pk=aanvraag.voorgesteld_door_id).exclude(email="")
    aan = [b.email for b in beslissers if not heeft_belang(b, aanvraag.organisatie)]
    sleutel = f"voorstel-{aanvraag.pk}-{volgnummer(aanvraag, 'besluit_voorstellen')}"  # one per proposal
    return meld("voorstel_ter_beslissing", sleutel, aan, {"aanvraag": aanvraag, "link": beheer(aanvraag)}, aanvraag,
                is_urgent=urgent(aanvraag.uiterste_beslisdatum))


# --- decisions and money --------------------------------------------------------------------------------------
def beschikking(beschikking) -> int:
    """Every beschikking is made known to the applicant, with the right to object and its term (Awb 3:41, 6:7).
    A decision is always urgent."""
    aanvraag = beschikking.aanvraag
    return _aan_aanvrager(aanvraag, "beschikking", f"beschikking-{beschikking.pk}",
                          {"beschikking": beschikking, "link": link("portaal:aanvraag", aanvraag.pk)},
                          obj=beschikking, is_urgent=True)


def terugvordering(betaling) -> int:
    """A recovery: what the recipient pays back, and why (Awb 4:57). It follows a decision: urgent."""
    subsidie = betaling.subsidie
    return _aan_aanvrager(subsidie.aanvraag, "terugvordering", f"terugvordering-{betaling.pk}",
                          {"betaling": betaling, "link": link("portaal:subsidie", subsidie.pk)}, obj=betaling,
                          is_urgent=True)


def _pagina(obj) -> str:
    """Where the recipient sends what is asked about `obj`: a jaartranche's werkplan page, or the subsidy's page."""
    if obj._meta.model_name == "jaartranche":
        return link("portaal:werkplan", obj.pk) if obj.status in ("gepland", "definitief") else link(
            "portaal:subsidie", obj.subsidie_id)
    return link("portaal:verantwoording", obj.pk)


def gevraagd(obj, handeling: str, wat_nl: str, wat_en: str, uiterlijk: dt.date | None) -> int:
    """The recipient of a subsidie (or of one of its jaartranches, `obj`) is asked for, or asked again for, a report
    or plan by transition `handeling`: what is needed and by when."""
    subsidie = getattr(obj, "subsidie", obj)
    sleutel = f"{handeling}-{obj._meta.model_name}-{obj.pk}-{volgnummer(obj, handeling)}"
    return _aan_aanvrager(subsidie.aanvraag, "gevraagd", sleutel,
                          {"wat": {"nl": wat_nl, "en": wat_en}, "uiterlijk": uiterlijk, "link": _pagina(obj)},
                          obj=obj, uiterlijk=uiterlijk)


def jaarstuk_gevraagd(tranche, soort: str) -> list:
    """The werkplan for a coming year, or the jaarverantwoording over a past one, is asked (`soort`): unsaved, for
    the yearly job's batch."""
    uiterlijk = tranche.werkplan_uiterlijk if soort == "werkplan" else tranche.verantwoording_uiterlijk
    return opstellen(f"{soort}_gevraagd", f"{soort}-{tranche.pk}", ontvangers(tranche.organisatie),
                     {"tranche": tranche, "uiterlijk": uiterlijk, "link": _pagina(tranche)}, tranche,
                     organisatie=tranche.organisatie, is_urgent=urgent(uiterlijk))


def herinnering(tranche, soort: str, moment: str, uiterlijk: dt.date, vandaag: dt.date) -> int:
    """A week before a werkplan or jaarverantwoording is due, and on the day (`moment`); a run that missed the day
    says the day has passed."""
    return meld("herinnering", f"herinnering-{soort}-{tranche.pk}-{moment}", ontvangers(tranche.organisatie),
                {"tranche": tranche, "soort": soort, "uiterlijk": uiterlijk, "vandaag": vandaag,
                 "link": _pagina(tranche)}, tranche, organisatie=tranche.organisatie, is_urgent=urgent(uiterlijk))


def te_laat(tranche) -> list:
    """To the behandelaar, once (unsaved, for the batch): a jaarverantwoording is overdue."""
    behandelaar = tranche.subsidie.aanvraag.behandelaar
    if behandelaar is None or not behandelaar.email:
        return []
    return opstellen("te_laat", f"te-laat-{tranche.pk}", [behandelaar.email],
                     {"tranche": tranche, "link": beheer(tranche.subsidie)}, tranche)


def uitnodiging(uitnodiging, link: str) -> int:
    """An invitation to act for an organisation, with the link to accept it (it works once, for fourteen days)."""
    door = uitnodiging.uitgenodigd_door
    return meld("uitnodiging", f"uitnodiging-{uitnodiging.pk}", [uitnodiging.email],
                {"uitnodiging": uitnodiging, "wie": door.get_full_name() or door.get_username(),
                 "tot": timezone.localtime(uitnodiging.verloopt_op).date(), "link": link},
                uitnodiging, organisatie=uitnodiging.organisatie)


def adviesvraag(adviesaanvraag, aan: list[str]) -> int:
    """An adviser (a bewonersorganisatie, a gebiedsteam) is asked for advice on a request in its area, by a date."""
    return meld("adviesvraag", f"advies-{adviesaanvraag.pk}", aan,
                {"adviesaanvraag": adviesaanvraag, "aanvraag": adviesaanvraag.aanvraag,
                 "link": link("portaal:overzicht")}, adviesaanvraag, is_urgent=urgent(adviesaanvraag.termijn_tot))


# --- bezwaar (objection) --------------------------------------------------------------------------------------
def _behandelaar_van(bezwaar):
    """Who hears of an objection: its own officer, else the request's, else who took the contested decision."""
    return bezwaar.behandelaar or bezwaar.beschikking.aanvraag.behandelaar or bezwaar.beschikking.beslisser


def bezwaar_ontvangen(bezwaar) -> int:
    """Receipt of an objection (Awb 6:14) with the date we decide by (7:10); the officer hears of it too (both
    queued together: filing is a page the applicant waits for)."""
    aanvraag, behandelaar = bezwaar.beschikking.aanvraag, _behandelaar_van(bezwaar)
    return plaats_alle([
        *opstellen("bezwaar_ontvangen", f"bezwaar-ontvangen-{bezwaar.pk}", ontvangers(aanvraag.organisatie),
                   {"aanvraag": aanvraag, "bezwaar": bezwaar, "link": link("portaal:bezwaar", bezwaar.pk)}, bezwaar,
                   organisatie=aanvraag.organisatie, is_urgent=False),
        *opstellen("bezwaar_binnen", f"bezwaar-binnen-{bezwaar.pk}", [behandelaar.email] if behandelaar else [],
                   {"bezwaar": bezwaar, "link": beheer(bezwaar)}, bezwaar,
                   is_urgent=urgent(bezwaar.uiterste_beslisdatum)),
    ])


def bezwaar_verdaagd(bezwaar, reden: str, sleutel: str = "") -> int:
    """Written notice of the postponement, with the new date and the reason (Awb 7:10 lid 3); also of each further
    delay the objector agreed to (lid 4), under a `sleutel` of its own."""
    sleutel = sleutel or f"bezwaar-verdaagd-{bezwaar.pk}"
    return _aan_aanvrager(bezwaar.beschikking.aanvraag, "bezwaar_verdaagd", sleutel,
                          {"bezwaar": bezwaar, "reden": reden, "link": link("portaal:bezwaar", bezwaar.pk)},
                          obj=bezwaar, is_urgent=False)


def bezwaar_beslist(bezwaar, uitkomst: str) -> int:
    """To the officer: the objection is decided; on gegrond what the revision did or what is left to them
    (`Bezwaar.herziening`). (The objector hears it from the beschikking itself, with the beroep clause.)"""
    return _aan_medewerker(_behandelaar_van(bezwaar), "bezwaar_beslist", f"bezwaar-beslist-{bezwaar.pk}",
                           {"bezwaar": bezwaar, "uitkomst": uitkomst}, bezwaar)


def bezwaar_ingetrokken(bezwaar) -> int:
    """To the officer: the objector withdrew the objection; nothing to decide any more."""
    return _aan_medewerker(_behandelaar_van(bezwaar), "bezwaar_ingetrokken", f"bezwaar-ingetrokken-{bezwaar.pk}",
                           {"bezwaar": bezwaar}, bezwaar)


# --- not deciding on time (Awb 4:17–4:18) ---------------------------------------------------------------------
def _behandelaars(aanvraag) -> list[str]:
    """The request's behandelaar; while it has none, every behandelaar who may take it."""
    if aanvraag.behandelaar is not None:
        return [aanvraag.behandelaar.email]
    behandelaars = get_user_model().objects.filter(groups__name=Rol.BEHANDELAAR, is_active=True).exclude(email="")
    return [b.email for b in behandelaars if not heeft_belang(b, aanvraag.organisatie)]


def _aan_behandelaars(aanvraag, event: str, sleutel: str, context: dict, obj) -> int:
    return meld(event, sleutel, _behandelaars(aanvraag), {"aanvraag": aanvraag, "link": beheer(obj), **context}, obj)


def ingebrekestelling_ontvangen(ingebrekestelling, stand) -> int:
    """The applicant gets the receipt (4:17 lid 4 with 4:3a) and when the dwangsom would start; the behandelaar
    the risk: from which day it runs and what it comes to."""
    aanvraag = ingebrekestelling.aanvraag
    context = {"ingebrekestelling": ingebrekestelling, "stand": stand}
    nieuw = _aan_aanvrager(aanvraag, "ingebrekestelling_ontvangen", f"ingebrekestelling-{ingebrekestelling.pk}",
                           {**context, "link": link("portaal:aanvraag", aanvraag.pk)}, obj=ingebrekestelling,
                           is_urgent=False)
    return nieuw + _aan_behandelaars(aanvraag, "ingebrekestelling_binnen",
                                     f"ingebrekestelling-binnen-{ingebrekestelling.pk}", context, ingebrekestelling)


def dwangsom_loopt(ingebrekestelling, stand) -> int:
    """To the behandelaar, once: the dwangsom runs from today, and what tomorrow adds."""
    return _aan_behandelaars(ingebrekestelling.aanvraag, "dwangsom_loopt", f"dwangsom-loopt-{ingebrekestelling.pk}",
                             {"stand": stand}, ingebrekestelling)


def dwangsom_gestopt(ingebrekestelling, stand) -> int:
    """To the behandelaar, once: the last day, the amount, and the date by which it must be set (4:18)."""
    return _aan_behandelaars(ingebrekestelling.aanvraag, "dwangsom_gestopt",
                             f"dwangsom-gestopt-{ingebrekestelling.pk}", {"stand": stand}, ingebrekestelling)
