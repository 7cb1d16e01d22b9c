"""The multi-year path: proposal per boekjaar, verlening with one tranche per year, the begrotingsvoorbehoud and
indexation (Awb 4:34), and ending structural funding (4:50, 4:51)."""
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import timezone

from workflows import termijnen
from workflows.context import remembered
from workflows.errors import InvalidInput
from workflows.transitions import perform

from ..bedragen import euro
from ..models import (
    Aanvraag, Beeindiging, Begrotingsjaar, Beschikking, Betaling, Jaartranche, Subsidie, Verantwoordingsniveau,
    Voorschotschema,
)
from ..models.tranches import begroting_vastgesteld_op
from ..validators import binnen_bedraggrens
from . import budget
from .beschikkingen import maak_beschikking

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
STRUCTUREEL_NA_JAREN = 3  # Awb 4:51: from three consecutive years of funding on, ending needs a reasonable term
AFBOUW_MAX_JAREN = 5  # a notice term (and its phase-out) reaches at most this many years past the award or the earliest end
VOORWAARDEN = {"indexeren", "voorschotschema", "egalisatiereserve"}


def _bedrag(waarde, veld: str) -> Decimal:
    try:
        return Decimal(str(waarde)).quantize(CENT)
    except (InvalidOperation, TypeError, ValueError):
        raise InvalidInput(f"'{waarde}' is geen bedrag.", f"'{waarde}' is not an amount.", code="bedrag_ongeldig",
                           details={"velden": [veld]}) from None


def _jaar(waarde) -> int:
    try:
        return int(waarde)
    except (TypeError, ValueError):
        raise InvalidInput("Geef het laatste boekjaar, zoals 2028.", "Give the last year, like 2028.",
                           code="einde_boekjaar_ongeldig", details={"velden": ["einde_boekjaar"]}) from None


def _per_jaar(bedragen: dict, veld: str) -> dict[int, Decimal]:
    try:
        return {int(jaar): _bedrag(bedrag, veld) for jaar, bedrag in bedragen.items()}
    except (AttributeError, ValueError):
        raise InvalidInput("Geef de bedragen per boekjaar, zoals {\"2027\": 10000}.",
                           "Give the amounts per year, like {\"2027\": 10000}.", code="jaarbedragen_ongeldig",
                           details={"velden": [veld]}) from None


def controleer_meerjarenbegroting(aanvraag) -> None:
    """At submission: one amount per boekjaar of the period, within the scheme's limits, adding up to the total."""
    regeling, jaren = aanvraag.regeling, aanvraag.boekjaren
    gevraagd = {j.boekjaar: j.gevraagd_bedrag for j in aanvraag.jaarbedragen.all()}
    if len(jaren) > regeling.max_boekjaren:
        raise InvalidInput(
            f"U kunt voor ten hoogste {regeling.max_boekjaren} boekjaren aanvragen; de periode beslaat er {len(jaren)}.",
            f"You can apply for at most {regeling.max_boekjaren} years; the period covers {len(jaren)}.",
            code="te_veel_boekjaren", details={"velden": ["periode_tot"]},
        )
    if sorted(gevraagd) != jaren:
        lijst = ", ".join(map(str, jaren))
        raise InvalidInput(f"Geef in de meerjarenbegroting een bedrag voor elk boekjaar: {lijst}.",
                           f"Give an amount in the multi-year budget for every year: {lijst}.",
                           code="meerjarenbegroting_onvolledig", details={"velden": ["jaarbedragen"]})
    for jaar, bedrag in gevraagd.items():
        if not regeling.min_bedrag <= bedrag <= regeling.max_bedrag:
            raise InvalidInput(
                f"Vraag voor {jaar} een bedrag van {euro(regeling.min_bedrag)} tot en met "
                f"{euro(regeling.max_bedrag)}.",
                f"Ask for {jaar} an amount from {euro(regeling.min_bedrag, 'en')} up to "
                f"{euro(regeling.max_bedrag, 'en')}.",
                code="bedrag_buiten_grenzen", details={"velden": ["jaarbedragen"]},
            )
    if sum(gevraagd.values()) != aanvraag.gevraagd_bedrag:
        raise InvalidInput(
            f"Het gevraagde bedrag ({euro(aanvraag.gevraagd_bedrag)}) is niet de som van de jaarbedragen "
            f"({euro(sum(gevraagd.values()))}).",
            f"The amount requested ({euro(aanvraag.gevraagd_bedrag, 'en')}) is not the sum of the yearly amounts "
            f"({euro(sum(gevraagd.values()), 'en')}).",
            code="meerjarenbegroting_telt_niet_op", details={"velden": ["gevraagd_bedrag"]},
        )
    if not aanvraag.werkplan.strip():
        raise InvalidInput("Beschrijf in het werkplan wat u het eerste jaar gaat doen.",
                           "Describe in the work plan what you will do in the first year.", code="werkplan_leeg",
                           details={"velden": ["werkplan"]})


def controleer_voortzetting(aanvraag) -> None:
    """A follow-up request continues the same organisation's structural subsidie without a gap or overlap."""
    vorige = aanvraag.voortzetting_van
    if vorige.organisatie.pk != aanvraag.organisatie_id or not vorige.structureel:
        raise InvalidInput("Een voortzetting hoort bij een meerjarige subsidie van dezelfde organisatie.",
                           "A continuation belongs to a multi-year subsidy of the same organisation.",
                           code="voortzetting_ongeldig", details={"velden": ["voortzetting_van"]})
    if aanvraag.boekjaar != vorige.laatste_boekjaar + 1:
        raise InvalidInput(
            f"Een voortzetting begint in {vorige.laatste_boekjaar + 1}, direct na de lopende subsidie.",
            f"A continuation starts in {vorige.laatste_boekjaar + 1}, right after the current subsidy.",
            code="voortzetting_sluit_niet_aan", details={"velden": ["periode_van"]},
        )


def controleer_aanvraagtermijn(aanvraag) -> None:
    """Apply before the boekjaar (Awb 4:60); a late request gets one new term (Groningen's nadere regels)."""
    regeling = aanvraag.regeling
    uiterlijk = regeling.aanvraag_uiterlijk(aanvraag.boekjaar)
    nieuwe_termijn = termijnen.termijn_einde(uiterlijk, weken=regeling.herkansing_weken,
                                             gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db())
    aanvraag.na_aanvraagtermijn = aanvraag.ontvangen_op > uiterlijk
    if aanvraag.ontvangen_op > nieuwe_termijn:
        raise InvalidInput(
            f"Aanvragen voor {aanvraag.boekjaar} moesten uiterlijk {uiterlijk:%d-%m-%Y} binnen zijn; de nieuwe termijn "
            f"voor late aanvragen liep tot en met {nieuwe_termijn:%d-%m-%Y}. Uw concept is bewaard.",
            f"Applications for {aanvraag.boekjaar} were due by {uiterlijk:%d-%m-%Y}; the new term for late "
            f"applications ran until {nieuwe_termijn:%d-%m-%Y}. Your draft is saved.",
            code="aanvraagtermijn_verstreken", details={"velden": ["periode_van"]},
        )


def stel_meerjarig_voor(aanvraag, jaarbedragen: dict | None, voorwaarden: dict | None) -> Decimal:
    """Record the proposed amount per boekjaar and the conditions of the award; return the total."""
    gevraagd = {j.boekjaar: j for j in aanvraag.jaarbedragen.all()}
    voorstel = _per_jaar(jaarbedragen, "jaarbedragen") if jaarbedragen else {
        jaar: j.gevraagd_bedrag for jaar, j in gevraagd.items()
    }
    if sorted(voorstel) != sorted(gevraagd):
        lijst = ", ".join(map(str, sorted(gevraagd)))
        raise InvalidInput(f"Stel een bedrag voor elk gevraagd boekjaar voor: {lijst}.",
                           f"Propose an amount for every year requested: {lijst}.", code="jaarbedragen_ongeldig")
    for jaar, bedrag in voorstel.items():
        if not ZERO < bedrag <= min(gevraagd[jaar].gevraagd_bedrag, aanvraag.regeling.max_bedrag):
            raise InvalidInput(
                f"Het bedrag voor {jaar} moet groter zijn dan € 0 en ten hoogste het gevraagde "
                f"({euro(gevraagd[jaar].gevraagd_bedrag)}) en het maximum van de regeling.",
                f"The amount for {jaar} must be above € 0 and at most the amount requested and the scheme's maximum.",
                code="bedrag_ongeldig",
            )
    aanvraag.voorstel_voorwaarden = _voorwaarden(aanvraag.regeling, voorwaarden or {})
    for jaar, regel in gevraagd.items():
        regel.voorstel_bedrag = voorstel[jaar]
        regel.save()
    return sum(voorstel.values())


def _voorwaarden(regeling, voorwaarden: dict) -> dict:
    onbekend = set(voorwaarden) - VOORWAARDEN
    if onbekend:
        namen = ", ".join(sorted(onbekend))
        raise InvalidInput(f"Onbekende voorwaarden: {namen}.", f"Unknown conditions: {namen}.",
                           code="voorwaarden_ongeldig")
    schema = voorwaarden.get("voorschotschema", regeling.voorschotschema)
    if schema not in Voorschotschema.values:
        keuzes = ", ".join(Voorschotschema.values)
        raise InvalidInput(f"Kies een voorschotschema: {keuzes}.", f"Choose an advance schedule: {keuzes}.",
                           code="voorwaarden_ongeldig")
    return {
        "indexeren": bool(voorwaarden.get("indexeren", False)),
        "voorschotschema": schema,
        "egalisatiereserve": bool(voorwaarden.get("egalisatiereserve", regeling.egalisatiereserve)),
    }


def jaarverantwoording_uiterlijk(regeling, boekjaar: int) -> dt.date:
    """Within the regeling's months (default six) after the end of the boekjaar (Awb 4:74)."""
    return termijnen.termijn_einde(dt.date(boekjaar, 12, 31), maanden=regeling.verantwoording_maanden,
                                   gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db())


def verleen_meerjarig(aanvraag, user, reden: str) -> str:
    """One beschikking for all years: a tranche and a (conditional) commitment per boekjaar."""
    regeling = aanvraag.regeling
    jaren = {j.boekjaar: j.voorstel_bedrag for j in aanvraag.jaarbedragen.all()}
    eerste = min(jaren)
    toekenning = budget.toe_te_kennen(aanvraag, jaren[eerste])
    if toekenning.bedrag != jaren[eerste]:
        # A structural award is not split at the ceiling: part of a year's work cannot carry a multi-year plan.
        motivering = toekenning.reden_nl.replace("laat nog", "laat voor het eerste jaar nog")
        maak_beschikking(aanvraag, Beschikking.Soort.WEIGERING, beslisser=user, motivering=motivering)
        return Aanvraag.Status.GEWEIGERD
    toekenningen = {eerste: toekenning} | {
        jaar: budget.later_jaar(aanvraag, jaar, bedrag) for jaar, bedrag in jaren.items() if jaar != eerste
    }
    voorwaarden = aanvraag.voorstel_voorwaarden or _voorwaarden(regeling, {})
    subsidie = Subsidie.objects.create(
        aanvraag=aanvraag, verleend_bedrag=sum(jaren.values()), structureel=True,
        verantwoordingsniveau=max_niveau(regeling, jaren.values()), eerste_boekjaar=eerste,
        laatste_boekjaar=max(jaren), indexeren=voorwaarden["indexeren"],
        voorschotschema=voorwaarden["voorschotschema"], egalisatiereserve=voorwaarden["egalisatiereserve"],
        reserve_max_percentage=regeling.reserve_max_percentage,
    )
    tranches = [maak_tranche(subsidie, jaar, t) for jaar, t in sorted(toekenningen.items())]
    motivering = "\n\n".join(filter(None, [aanvraag.voorstel_motivering, reden, beschikkingstekst(subsidie)]))
    maak_beschikking(aanvraag, Beschikking.Soort.VERLENING, beslisser=user, motivering=motivering,
                     bedrag=subsidie.verleend_bedrag, niveau=subsidie.verantwoordingsniveau)
    eerste_tranche = tranches[0]
    eerste_tranche.werkplan = aanvraag.werkplan
    eerste_tranche.save()
    for tranche in tranches:
        if begroting_vastgesteld_op(tranche.boekjaar):
            perform(tranche, "definitief_maken", user, reden="De begroting voor dit jaar is al vastgesteld.")
    if begroting_vastgesteld_op(eerste):  # the werkplan that came with the request is approved with it
        perform(eerste_tranche, "werkplan_goedkeuren", user, reden="Werkplan bij de aanvraag, goedgekeurd met de verlening.")
    return Aanvraag.Status.VERLEEND


def max_niveau(regeling, bedragen) -> str:
    """A multi-year subsidy always reports per year (4:73); the largest year decides how much it reports."""
    niveau = regeling.verantwoordingsniveau(max(bedragen))
    return Verantwoordingsniveau.ACTIVITEITENVERSLAG if niveau == Verantwoordingsniveau.DIRECT else niveau


def maak_tranche(subsidie, boekjaar: int, toekenning, *, afbouw: bool = False) -> Jaartranche:
    regeling = subsidie.regeling
    verplichting = budget.verplicht(subsidie, toekenning, boekjaar,
                                    voorwaardelijk=begroting_vastgesteld_op(boekjaar) is None)
    return Jaartranche.objects.create(
        subsidie=subsidie, verplichting=verplichting, boekjaar=boekjaar, basisbedrag=toekenning.bedrag,
        bedrag=toekenning.bedrag, afbouw=afbouw,
        werkplan_uiterlijk=None if boekjaar == subsidie.eerste_boekjaar else regeling.aanvraag_uiterlijk(boekjaar),
        verantwoording_uiterlijk=jaarverantwoording_uiterlijk(regeling, boekjaar),
    )


def beschikkingstekst(subsidie) -> str:
    """What the verlening says about the years, the money and the obligations per year."""
    regels = [f"Deze subsidie is meerjarig: {subsidie.eerste_boekjaar} tot en met {subsidie.laatste_boekjaar}."]
    for tranche in subsidie.tranches.order_by("boekjaar"):
        voorbehoud = " (onder voorbehoud dat de raad voldoende middelen beschikbaar stelt, Awb 4:34)" \
            if tranche.verplichting.voorwaardelijk else ""
        regels.append(f"- {tranche.boekjaar}: {euro(tranche.basisbedrag)}{voorbehoud}")
    if subsidie.indexeren:
        regels.append("De bedragen vanaf het tweede jaar worden geïndexeerd met de loon- en prijscompensatie van de "
                      "gemeente voor dat jaar.")
    regels.append(f"Voorschotten: {subsidie.get_voorschotschema_display()}.")
    if subsidie.egalisatiereserve:
        regels.append(f"Overschotten en tekorten gaan via een egalisatiereserve van ten hoogste "
                      f"{subsidie.reserve_max_percentage}% van de jaarsubsidie (Awb 4:72).")
    regels.append("Per jaar: een werkplan vóór het jaar, en een jaarverantwoording binnen "
                  f"{subsidie.regeling.verantwoording_maanden} maanden na afloop (Awb 4:74). Wij stellen de subsidie "
                  "per boekjaar vast (Awb 4:73).")
    return "\n".join(regels)


def geindexeerd(tranche) -> Decimal:
    """The tranche's amount in that year's prices: the compensation of every year after the first, compounded."""
    subsidie = tranche.subsidie
    if not subsidie.indexeren:
        return tranche.bedrag
    factor = Decimal(1)
    percentages = remembered(("indexatie", subsidie.eerste_boekjaar, tranche.boekjaar), lambda: list(
        Begrotingsjaar.objects.filter(boekjaar__gt=subsidie.eerste_boekjaar, boekjaar__lte=tranche.boekjaar)
        .values_list("indexatie_percentage", flat=True)))
    for percentage in percentages:
        factor *= 1 + percentage / 100
    return (tranche.basisbedrag * factor).quantize(CENT, ROUND_HALF_UP)


def _zet_bedrag(tranche, bedrag: Decimal) -> None:
    verplichting = tranche.verplichting  # locked with the tranche (Jaartranche.lock_with)
    tranche.bedrag = verplichting.bedrag = bedrag
    verplichting.voorwaardelijk = False
    verplichting.save(update_fields=["bedrag", "voorwaardelijk"])


def maak_definitief(tranche) -> None:
    _zet_bedrag(tranche, geindexeerd(tranche))


def roep_voorbehoud_in(tranche, user, bedrag, reden: str) -> str:
    bedrag = _bedrag(bedrag if bedrag is not None else "", "bedrag")
    if not ZERO <= bedrag < tranche.bedrag:
        raise InvalidInput(
            f"Het nieuwe bedrag ligt tussen € 0 (het jaar vervalt) en het huidige bedrag ({euro(tranche.bedrag)}).",
            f"The new amount lies between € 0 (the year lapses) and the current amount "
            f"({euro(tranche.bedrag, 'en')}).",
            code="bedrag_ongeldig", details={"velden": ["bedrag"]},
        )
    _zet_bedrag(tranche, bedrag)
    gevolg = "vervalt" if bedrag == ZERO else f"wordt verlaagd tot {euro(bedrag)}"
    maak_beschikking(tranche.subsidie.aanvraag, Beschikking.Soort.WIJZIGING, beslisser=user, bedrag=bedrag,
                     boekjaar=tranche.boekjaar,
                     motivering=f"De subsidie voor {tranche.boekjaar} {gevolg}: de raad heeft niet voldoende middelen "
                                f"beschikbaar gesteld (begrotingsvoorbehoud, Awb 4:34).\n\n{reden}")
    return Jaartranche.Status.VERVALLEN if bedrag == ZERO else Jaartranche.Status.DEFINITIEF


def laat_vervallen(tranche, user) -> None:
    """Planned advances lapse with the year; money already paid for it is recovered in the eindafrekening."""
    for betaling in tranche.verplichting.betalingen.filter(status=Betaling.Status.GEPLAND):
        perform(betaling, "annuleren", user, reden="Het jaar vervalt.")
    _zet_bedrag(tranche, ZERO)


def controleer_doelen(doelen: list) -> list:
    """Goals per kernactiviteit in a werkplan: each names its goal; indicator and target are optional."""
    velden = {"kernactiviteit", "doel", "indicator", "streefwaarde"}
    if not isinstance(doelen, list) or len(doelen) > 50 or not all(isinstance(d, dict) for d in doelen):
        raise InvalidInput("Geef de doelen als lijst (ten hoogste 50).", "Give the goals as a list (at most 50).",
                           code="doelen_ongeldig", details={"velden": ["doelen"]})
    for nummer, doel in enumerate(doelen, start=1):
        if set(doel) - velden or not str(doel.get("doel", "")).strip():
            raise InvalidInput(f"Doel {nummer}: beschrijf het doel (velden: {', '.join(sorted(velden))}).",
                               f"Goal {nummer}: describe the goal (fields: {', '.join(sorted(velden))}).",
                               code="doelen_ongeldig", details={"velden": ["doelen"]})
    return doelen


# --- ending structural funding ----------------------------------------------------------------------------
def gesubsidieerde_jaren(subsidie, tot_en_met: int | None = None) -> int:
    """Consecutive boekjaren funded up to this year, through the chain of continuations (for Awb 4:51)."""
    tot_en_met = tot_en_met or timezone.localdate().year
    jaren = set()
    while subsidie is not None:
        if subsidie.structureel:
            jaren |= set(subsidie.tranches.exclude(status=Jaartranche.Status.VERVALLEN)
                         .values_list("boekjaar", flat=True))
        else:
            jaren.add(subsidie.eerste_boekjaar)
        subsidie = subsidie.aanvraag.voortzetting_van
    telling, jaar = 0, tot_en_met
    while jaar in jaren:
        telling, jaar = telling + 1, jaar - 1
    return telling


def beeindig(subsidie, user, *, grond: str, einde_boekjaar, afbouw: dict | None, compensatie, reden: str) -> None:
    if grond not in Beeindiging.Grond.values:
        raise InvalidInput("Kies de grond: 4:51 (beëindiging) of 4:50 (veranderde omstandigheden).",
                           "Choose the ground: 4:51 (ending) or 4:50 (changed circumstances).", code="grond_ongeldig")
    if not reden.strip():
        raise InvalidInput("Motiveer de beëindiging.", "Give the grounds for ending the subsidy.",
                           code="reden_verplicht")
    vandaag = timezone.localdate()
    einde = _jaar(einde_boekjaar)
    jaren = gesubsidieerde_jaren(subsidie)
    vroegst = vandaag.year + 1 if grond == Beeindiging.Grond.BEEINDIGING and jaren >= STRUCTUREEL_NA_JAREN else vandaag.year
    if einde < vroegst:
        raise InvalidInput(
            f"Na {jaren} jaar aaneengesloten subsidie is een redelijke opzegtermijn nodig: de subsidie loopt ten "
            f"minste tot en met {vroegst} (Awb 4:51)." if vroegst > vandaag.year else
            f"Het laatste jaar ligt niet vóór {vroegst}.",
            f"After {jaren} consecutive years of funding a reasonable notice term is needed: the subsidy runs at least "
            f"until the end of {vroegst} (Awb 4:51)." if vroegst > vandaag.year else
            f"The last year is not before {vroegst}.",
            code="opzegtermijn_te_kort", details={"velden": ["einde_boekjaar"], "vroegst": vroegst},
        )
    laatst = max(subsidie.laatste_boekjaar, vroegst) + AFBOUW_MAX_JAREN
    if einde > laatst:
        raise InvalidInput(f"Het laatste jaar ligt uiterlijk in {laatst}.", f"The last year is {laatst} at the latest.",
                           code="einde_boekjaar_ongeldig", details={"velden": ["einde_boekjaar"], "uiterlijk": laatst})
    compensatie = _bedrag(compensatie or 0, "compensatie")
    if not binnen_bedraggrens(compensatie) or (compensatie and grond != Beeindiging.Grond.GEWIJZIGDE_OMSTANDIGHEDEN):
        raise InvalidInput("Compensatie hoort alleen bij intrekking wegens veranderde omstandigheden (Awb 4:50).",
                           "Compensation belongs only to withdrawal for changed circumstances (Awb 4:50).",
                           code="compensatie_ongeldig", details={"velden": ["compensatie"]})
    for tranche in subsidie.tranches.filter(boekjaar__gt=einde).exclude(status=Jaartranche.Status.VERVALLEN):
        perform(tranche, "vervallen", user, reden=f"De subsidie eindigt na {einde}.")
    plan = _afbouwplan(subsidie, einde, afbouw)
    for jaar, bedrag in plan.items():
        toekenning = budget.wettelijk_verplicht(subsidie.aanvraag, jaar, bedrag)
        tranche = maak_tranche(subsidie, jaar, toekenning, afbouw=True)
        if begroting_vastgesteld_op(jaar):
            perform(tranche, "definitief_maken", user, reden="Afbouwjaar; de begroting is al vastgesteld.")
    subsidie.laatste_boekjaar = einde
    Beeindiging.objects.create(subsidie=subsidie, grond=grond, laatste_boekjaar=einde, gesubsidieerde_jaren=jaren,
                               compensatie=compensatie, motivering=reden, besloten_op=vandaag, besloten_door=user)
    regels = [reden, f"De subsidie eindigt na het boekjaar {einde} ({Beeindiging.Grond(grond).label})."]
    regels += [f"Afbouw {jaar}: {euro(bedrag)}" for jaar, bedrag in plan.items()]
    if compensatie:
        regels.append(f"Compensatie voor de schade door de intrekking: {euro(compensatie)} (Awb 4:50 lid 2).")
    maak_beschikking(subsidie.aanvraag, Beschikking.Soort.BEEINDIGING, beslisser=user, motivering="\n".join(regels))


def _afbouwplan(subsidie, einde: int, afbouw: dict | None) -> dict[int, Decimal]:
    """Phase-out years after the award's last year up to the end of the notice term; by default a linear decline."""
    nieuwe_jaren = list(range(subsidie.laatste_boekjaar + 1, einde + 1))
    if not nieuwe_jaren:
        if afbouw:
            raise InvalidInput("Afbouwbedragen horen bij jaren na de lopende beschikking.",
                               "Phase-out amounts belong to years after the current award.", code="afbouw_ongeldig")
        return {}
    laatste = subsidie.tranches.exclude(status=Jaartranche.Status.VERVALLEN).order_by("-boekjaar").first()
    # In the award's prices, as every year's basisbedrag (definitief_maken indexes it), and never above what the last
    # year actually got (a begrotingsvoorbehoud may have lowered it).
    basis = min(laatste.basisbedrag, laatste.bedrag) if laatste else ZERO
    if afbouw:
        plan = _per_jaar(afbouw, "afbouw")
        if sorted(plan) != nieuwe_jaren or not all(ZERO < b <= basis for b in plan.values()):
            lijst = ", ".join(map(str, nieuwe_jaren))
            raise InvalidInput(f"Geef voor {lijst} een afbouwbedrag boven € 0 en ten hoogste {euro(basis)}.",
                               f"Give for {lijst} a phase-out amount above € 0 and at most {euro(basis, 'en')}.",
                               code="afbouw_ongeldig", details={"velden": ["afbouw"]})
        return plan
    stappen = len(nieuwe_jaren) + 1
    return {jaar: (basis * (stappen - i) / stappen).quantize(CENT, ROUND_HALF_UP)
            for i, jaar in enumerate(nieuwe_jaren, start=1)}


def weiger_voortzetting(aanvraag, user, *, einde_boekjaar, afbouw) -> None:
    """Refusing to continue funding of 3+ consecutive years ends the current subsidie with a notice term (4:51)."""
    vorige = aanvraag.voortzetting_van
    if hasattr(vorige, "beeindiging") or gesubsidieerde_jaren(vorige, vorige.laatste_boekjaar) < STRUCTUREEL_NA_JAREN:
        return
    if einde_boekjaar is None:
        raise InvalidInput(
            "Deze organisatie krijgt al drie jaar of langer subsidie voor deze activiteiten: geef bij de weigering "
            "een redelijke opzegtermijn (het laatste boekjaar, einde_boekjaar) en zo nodig een afbouwplan (Awb 4:51).",
            "This organisation has been funded for three years or more for these activities: give a reasonable notice "
            "term with the refusal (the last year, einde_boekjaar) and a phase-out plan if needed (Awb 4:51).",
            code="opzegtermijn_verplicht", details={"velden": ["einde_boekjaar"]},
        )
    perform(vorige, "beeindigen", user, grond=Beeindiging.Grond.BEEINDIGING, einde_boekjaar=einde_boekjaar,
            afbouw=afbouw, reden=f"Voortzetting geweigerd ({aanvraag.nummer}): {aanvraag.voorstel_motivering}")
