"""What people are told: one small function per event that asks something of someone or that must be made known,
with its text (Dutch, then English; B1; formal "u").

Each queues its message in the outbox (`workflows.berichten.plaats`) inside the transaction of the event, so a
refused or rolled-back change tells nobody anything. The key names the event, so calling it again (a retried job)
queues nothing new. Applicants are reached through `ontvangers` (the organisation, its contact persons and members,
among them the user who submitted the request); officers through their own address.
"""
import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from workflows.berichten import plaats
from workflows.models import AuditRecord

from ..rollen import Rol, heeft_belang
from .budgetstatus import budgetstatus


def ontvangers(organisatie) -> list[str]:
    """The organisation's own address, its contact persons and its members with an account (prefetch
    `contactpersonen` and `leden` when asking for many)."""
    return [organisatie.email, *(c.email for c in organisatie.contactpersonen.all()),
            *(lid.email for lid in organisatie.leden.all())]


def volgnummer(obj, handeling: str) -> int:
    """The how-many-th time `handeling` happens to `obj` (counted from the trail, called inside the transition, before
    its own record): an event that can repeat gets a key per occurrence, and the same key again on a retry."""
    return AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk),
                                      handeling=handeling).count() + 1


def _datum(dag: dt.date) -> str:
    return f"{dag:%d-%m-%Y}"


def _aan_aanvrager(aanvraag, sleutel: str, onderwerp: str, nl: str, en: str, obj=None) -> int:
    """To the organisation (`ontvangers`; the applicant who submitted is one of its members). Not to an officer who
    registered a paper request for it."""
    return plaats(sleutel, ontvangers(aanvraag.organisatie), f"{onderwerp} {aanvraag.nummer}", f"{nl}\n\n{en}",
                  obj=obj or aanvraag)


def _aan_medewerker(user, sleutel: str, onderwerp: str, tekst: str, obj) -> int:
    return plaats(sleutel, [user.email] if user is not None else [], onderwerp, tekst, obj=obj)


# --- the request --------------------------------------------------------------------------------------------
def ontvangst(aanvraag) -> int:
    """Receipt (Awb 4:3a): the date received, the latest decision date, and the budget notice when it applies."""
    nl = [f"Wij hebben uw aanvraag '{aanvraag.titel}' ontvangen op {_datum(aanvraag.ontvangen_op)}.",
          f"Wij beslissen uiterlijk op {_datum(aanvraag.uiterste_beslisdatum)}."]
    en = [f"We received your application '{aanvraag.titel}' on {_datum(aanvraag.ontvangen_op)}.",
          f"We will decide by {_datum(aanvraag.uiterste_beslisdatum)}."]
    for status in budgetstatus(aanvraag):
        if status.waarschuwing:
            nl.append(status.nl)
            en.append(status.en)
    return _aan_aanvrager(aanvraag, f"ontvangst-{aanvraag.pk}", "Aanvraag ontvangen / Application received",
                          " ".join(nl), " ".join(en))


def aanvulling_gevraagd(aanvulling) -> int:
    """What is missing, by when, and that the decision term waits meanwhile (Awb 4:5, 4:15)."""
    aanvraag, tot = aanvulling.aanvraag, _datum(aanvulling.termijn_tot)
    return _aan_aanvrager(
        aanvraag, f"aanvulling-{aanvulling.pk}", "Wij hebben informatie van u nodig / We need information from you",
        f"Voor uw aanvraag hebben wij nog dit nodig:\n{aanvulling.omschrijving}\n"
        f"Stuur dit uiterlijk {tot}. Zolang wij wachten, staat de termijn voor ons besluit stil. Krijgen wij het "
        "niet op tijd, dan kunnen wij uw aanvraag buiten behandeling stellen.",
        f"For your application we still need this:\n{aanvulling.omschrijving}\n"
        f"Please send it by {tot}. While we wait, the term for our decision is on hold. If we do not receive it in "
        "time, we may decide not to consider your application.", obj=aanvulling)


def aanvulling_ontvangen(aanvulling) -> int:
    """The applicant hears the information arrived and the new decision date; the behandelaar that it is back."""
    aanvraag = aanvulling.aanvraag
    beslisdatum, ontvangen = _datum(aanvraag.uiterste_beslisdatum), _datum(aanvulling.ontvangen_op)
    nieuw = _aan_aanvrager(
        aanvraag, f"aanvulling-ontvangen-{aanvulling.pk}", "Aanvulling ontvangen / Information received",
        f"Wij hebben uw aanvulling ontvangen op {ontvangen}. Wij beslissen uiterlijk op {beslisdatum}.",
        f"We received your additional information on {ontvangen}. We will decide by {beslisdatum}.", obj=aanvulling)
    return nieuw + _aan_medewerker(
        aanvraag.behandelaar, f"aanvulling-binnen-{aanvulling.pk}", f"Aanvulling binnen: {aanvraag}",
        f"De aanvulling op {aanvraag.nummer} is ontvangen op {ontvangen}. Uiterste beslisdatum: {beslisdatum}.",
        aanvulling)


def aanvullingstermijn_verstreken(aanvulling, laatste_dag: dt.date) -> int:
    """To the behandelaar, once: the term passed unused; buiten behandeling only until `laatste_dag` (4:5 lid 4)."""
    aanvraag = aanvulling.aanvraag
    return _aan_medewerker(
        aanvraag.behandelaar or aanvulling.gevraagd_door, f"aanvulling-verstreken-{aanvulling.pk}",
        f"Aanvullingstermijn verstreken: {aanvraag}",
        f"De aanvulling op {aanvraag.nummer} is niet ontvangen; de termijn liep tot en met "
        f"{_datum(aanvulling.termijn_tot)}. U kunt de aanvraag tot en met {_datum(laatste_dag)} buiten behandeling "
        "stellen (Awb 4:5 lid 4). Daarna beoordeelt u de aanvraag zoals hij is.", aanvulling)


def verdaagd(aanvraag, reden: str) -> int:
    """Notice of the extension, with the new date and the reason (Awb 4:14 lid 3)."""
    datum = _datum(aanvraag.uiterste_beslisdatum)
    return _aan_aanvrager(
        aanvraag, f"verdaging-{aanvraag.pk}", "Later besluit / Decision postponed",
        f"Wij hebben meer tijd nodig om over uw aanvraag te beslissen. Wij beslissen nu uiterlijk op {datum}. "
        f"De reden: {reden}",
        f"We need more time to decide on your application. We will now decide by {datum}. The reason: {reden}")


def voorstel_ter_beslissing(aanvraag) -> int:
    """A proposal above the four-eyes threshold waits for a beslisser: every beslisser who may decide it."""
    beslissers = get_user_model().objects.filter(groups__name=Rol.BESLISSER, is_active=True).exclude(
        pk=aanvraag.voorgesteld_door_id).exclude(email="")
    aan = [b.email for b in beslissers if not heeft_belang(b, aanvraag.organisatie)]
    voorstel = aanvraag.get_voorstel_uitkomst_display()
    bedrag = f" (€ {aanvraag.voorstel_bedrag})" if aanvraag.voorstel_bedrag is not None else ""
    sleutel = f"voorstel-{aanvraag.pk}-{volgnummer(aanvraag, 'besluit_voorstellen')}"  # one per proposal
    return plaats(sleutel, aan, f"Besluit nodig (vier ogen): {aanvraag}",
                  f"Voorstel: {voorstel}{bedrag}, door {aanvraag.voorgesteld_door}. Beslis uiterlijk op "
                  f"{_datum(aanvraag.uiterste_beslisdatum)}.", obj=aanvraag)


# --- decisions and money --------------------------------------------------------------------------------------
def beschikking(beschikking) -> int:
    """Every beschikking is made known to the applicant, with the right to object and its term (Awb 3:41, 6:7)."""
    aanvraag, soort = beschikking.aanvraag, beschikking.get_soort_display()
    jaar = f" {beschikking.boekjaar}" if beschikking.boekjaar else ""
    bedrag_nl = f" Bedrag: € {beschikking.bedrag}." if beschikking.bedrag is not None else ""
    bedrag_en = f" Amount: € {beschikking.bedrag}." if beschikking.bedrag is not None else ""
    bezwaar = _datum(beschikking.bezwaartermijn_tot)
    return _aan_aanvrager(
        aanvraag, f"beschikking-{beschikking.pk}", f"Besluit ({soort}{jaar}) / Decision",
        f"Wij hebben een besluit genomen over uw aanvraag: {soort}{jaar}.{bedrag_nl}\n{beschikking.motivering}\n"
        f"Bent u het niet eens met dit besluit? Dan kunt u tot en met {bezwaar} bezwaar maken.",
        f"We have taken a decision on your application: {beschikking.soort}{jaar}.{bedrag_en} "
        f"If you disagree with it, you can object until {bezwaar}.", obj=beschikking)


def terugvordering(betaling) -> int:
    """A recovery: what the recipient pays back, and why (Awb 4:57)."""
    aanvraag = betaling.subsidie.aanvraag
    return _aan_aanvrager(
        aanvraag, f"terugvordering-{betaling.pk}", "Terugbetalen / Repayment",
        f"U hebt € {betaling.bedrag} meer ontvangen dan de vastgestelde subsidie. Dit bedrag vorderen wij terug. "
        "U krijgt van ons een betaalverzoek.",
        f"You received € {betaling.bedrag} more than the settled subsidy. We will recover this amount. You will "
        "receive a payment request from us.", obj=betaling)


def gevraagd(obj, handeling: str, wat_nl: str, wat_en: str, uiterlijk: dt.date | None) -> int:
    """The recipient of a subsidie (or of one of its jaartranches, `obj`) is asked for, or asked again for, a report
    or plan by transition `handeling`: what is needed and by when."""
    wanneer_nl = f" Stuur dit uiterlijk {_datum(uiterlijk)}." if uiterlijk else ""
    wanneer_en = f" Please send it by {_datum(uiterlijk)}." if uiterlijk else ""
    subsidie = getattr(obj, "subsidie", obj)
    sleutel = f"{handeling}-{obj._meta.model_name}-{obj.pk}-{volgnummer(obj, handeling)}"
    return _aan_aanvrager(subsidie.aanvraag, sleutel, "Wij vragen iets van u / We need something from you",
                          f"{wat_nl}{wanneer_nl}", f"{wat_en}{wanneer_en}", obj=obj)


def uitnodiging(uitnodiging, link: str) -> int:
    """An invitation to act for an organisation, with the link to accept it (it works once, for fourteen days)."""
    organisatie, door = uitnodiging.organisatie, uitnodiging.uitgenodigd_door
    wie = door.get_full_name() or door.get_username()
    tot = _datum(timezone.localtime(uitnodiging.verloopt_op).date())
    return plaats(
        f"uitnodiging-{uitnodiging.pk}", [uitnodiging.email],
        f"Uitnodiging / Invitation: {organisatie}",
        f"{wie} nodigt u uit om namens {organisatie} subsidie aan te vragen en aanvragen te volgen bij de gemeente "
        f"Groningen. Log in of maak een account, en open deze link:\n{link}\n"
        f"De link werkt één keer, tot en met {tot}. Kent u deze uitnodiging niet? Dan hoeft u niets te doen.\n\n"
        f"{wie} invites you to apply for subsidies and follow requests on behalf of {organisatie} at the "
        f"municipality of Groningen. Log in or create an account, and open this link:\n{link}\n"
        f"The link works once, until {tot}. If you do not know this invitation, you need not do anything.",
        obj=uitnodiging)


def adviesvraag(adviesaanvraag, aan: list[str]) -> int:
    """An adviser (a bewonersorganisatie, a gebiedsteam) is asked for advice on a request in its area, by a date."""
    aanvraag, tot = adviesaanvraag.aanvraag, _datum(adviesaanvraag.termijn_tot)
    return plaats(
        f"advies-{adviesaanvraag.pk}", aan, f"Adviesvraag / Request for advice {aanvraag.nummer}",
        f"De gemeente vraagt uw advies over de aanvraag '{aanvraag.titel}' van {aanvraag.organisatie}.\n"
        f"Onze vraag: {adviesaanvraag.vraag}\nGeef uw advies uiterlijk {tot}.\n\n"
        f"The municipality asks your advice on the application '{aanvraag.titel}' of {aanvraag.organisatie}. "
        f"Please give your advice by {tot}.", obj=adviesaanvraag)


# --- not deciding on time (Awb 4:17–4:18) ---------------------------------------------------------------------
def _behandelaars(aanvraag) -> list[str]:
    """The request's behandelaar; while it has none, every behandelaar who may take it."""
    if aanvraag.behandelaar is not None:
        return [aanvraag.behandelaar.email]
    behandelaars = get_user_model().objects.filter(groups__name=Rol.BEHANDELAAR, is_active=True).exclude(email="")
    return [b.email for b in behandelaars if not heeft_belang(b, aanvraag.organisatie)]


def ingebrekestelling_ontvangen(ingebrekestelling, stand) -> int:
    """The applicant gets the receipt (4:17 lid 4 with 4:3a) and when the dwangsom would start; the behandelaar
    the risk: from which day it runs and what it comes to."""
    aanvraag, ontvangen, eerste = ingebrekestelling.aanvraag, _datum(ingebrekestelling.ontvangen_op), _datum(
        stand.eerste_dag)
    nieuw = _aan_aanvrager(
        aanvraag, f"ingebrekestelling-{ingebrekestelling.pk}",
        "Ingebrekestelling ontvangen / Notice of default received",
        f"Wij hebben uw ingebrekestelling ontvangen op {ontvangen}. Wij hebben nog twee weken om te beslissen. "
        f"Hebben wij dan nog niet beslist, dan krijgt u vanaf {eerste} een bedrag per dag (dwangsom), "
        "ten hoogste 42 dagen.",
        f"We received your notice of default on {ontvangen}. We have two more weeks to decide. If we have not "
        f"decided by then, you will receive an amount per day (penalty) from {eerste}, for at most 42 days.",
        obj=ingebrekestelling)
    return nieuw + plaats(
        f"ingebrekestelling-binnen-{ingebrekestelling.pk}", _behandelaars(aanvraag),
        f"Ingebrekestelling: {aanvraag}",
        f"Voor {aanvraag.nummer} is op {ontvangen} een ingebrekestelling ontvangen; de beslistermijn liep tot en met "
        f"{_datum(ingebrekestelling.beslistermijn_tot)}. Beslis vóór {eerste}: vanaf die dag loopt een dwangsom van "
        "€ 23 per dag, oplopend tot ten hoogste € 1.442 (Awb 4:17).", obj=ingebrekestelling)


def dwangsom_loopt(ingebrekestelling, stand) -> int:
    """To the behandelaar, once: the dwangsom runs from today, and what tomorrow adds."""
    aanvraag = ingebrekestelling.aanvraag
    return plaats(
        f"dwangsom-loopt-{ingebrekestelling.pk}", _behandelaars(aanvraag), f"Dwangsom loopt: {aanvraag}",
        f"Op {aanvraag.nummer} is niet beslist binnen twee weken na de ingebrekestelling. Sinds "
        f"{_datum(stand.eerste_dag)} loopt een dwangsom: nu € {stand.bedrag}, morgen € {stand.bedrag_morgen}. "
        "Beslis zo snel mogelijk (Awb 4:17).", obj=ingebrekestelling)


def dwangsom_gestopt(ingebrekestelling, stand) -> int:
    """To the behandelaar, once: the last day, the amount, and the date by which it must be set (4:18)."""
    aanvraag = ingebrekestelling.aanvraag
    return plaats(
        f"dwangsom-gestopt-{ingebrekestelling.pk}", _behandelaars(aanvraag), f"Dwangsom vaststellen: {aanvraag}",
        f"De dwangsom op {aanvraag.nummer} liep tot en met {_datum(stand.laatste_dag)} ({stand.dagen} dagen, "
        f"€ {stand.bedrag}). Stel het bedrag uiterlijk {_datum(stand.vaststellen_uiterlijk)} vast bij beschikking "
        "(Awb 4:18).", obj=ingebrekestelling)
