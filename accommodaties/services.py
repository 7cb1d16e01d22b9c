"""The rules of the two accommodation families, registered with the core from `apps.py` (DESIGN §9).

Exploitatiesubsidie: the board of the accommodation applies, for years with an approved exploitation budget, and
never for more than that year's deficit (costs of operation and management minus own income).
Onderhoudssubsidie: only a board that owns its building, against items of the accommodation's MJOP, for at most
their estimated costs.
"""
from decimal import Decimal

from django.db import transaction

from subsidies.bedragen import euro
from subsidies.models import Aanvraag
from subsidies.services.budget import som
from workflows.errors import InvalidInput

from .models import ZERO, Accommodatiegegevens, BegrotingStatus, Exploitatiebegroting

EXPLOITATIE = "exploitatiesubsidie"
ONDERHOUD = "onderhoudssubsidie"
FAMILIES = (EXPLOITATIE, ONDERHOUD)
# A request in these states no longer holds on to its MJOP items; in any other state (after the draft) it does.
LOSGELATEN = [Aanvraag.Status.CONCEPT, Aanvraag.Status.GEWEIGERD, Aanvraag.Status.BUITEN_BEHANDELING,
              Aanvraag.Status.INGETROKKEN]


def _gegevens(aanvraag) -> Accommodatiegegevens:
    gegevens = Accommodatiegegevens.objects.select_related("accommodatie__bestuur").filter(aanvraag=aanvraag).first()
    if gegevens is None:
        raise InvalidInput("Kies de accommodatie waarvoor u aanvraagt. Uw concept is bewaard.",
                           "Choose the accommodation you are applying for. Your draft is saved.",
                           code="accommodatie_ontbreekt", details={"velden": ["accommodatie"]})
    return gegevens


def _controleer_bestuur(aanvraag, accommodatie) -> None:
    """Only the accommodation's own board applies for it, and the request draws on the accommodation's gebied."""
    if aanvraag.organisatie_id != accommodatie.bestuur_id:
        raise InvalidInput(
            f"Alleen het bestuur van {accommodatie} ({accommodatie.bestuur}) kan voor deze accommodatie subsidie "
            "aanvragen.",
            f"Only the board of {accommodatie} ({accommodatie.bestuur}) can apply for this accommodation.",
            code="niet_het_bestuur", details={"velden": ["organisatie"]},
        )
    if aanvraag.gebied_id and aanvraag.gebied_id != accommodatie.gebied_id:
        raise InvalidInput(
            f"{accommodatie} ligt in {accommodatie.gebied}, niet in het gebied van de aanvraag.",
            f"{accommodatie} is in {accommodatie.gebied}, not in the area of the request.",
            code="gebied_wijkt_af", details={"velden": ["gebied"]},
        )


def gevraagd_per_jaar(aanvraag) -> dict[int, Decimal]:
    """The amount asked per boekjaar: the meerjarenbegroting, or the one amount of a yearly request."""
    jaren = {j.boekjaar: j.gevraagd_bedrag for j in aanvraag.jaarbedragen.all()}
    return jaren or ({aanvraag.boekjaar: aanvraag.gevraagd_bedrag} if aanvraag.boekjaar else {})


def geldende_begrotingen(accommodatie, jaren) -> dict[int, Exploitatiebegroting]:
    """Per boekjaar the budget that counts or may still count (at most one; refused ones do not), with its totals."""
    rijen = accommodatie.exploitatiebegrotingen.met_totalen().filter(boekjaar__in=list(jaren))
    return {b.boekjaar: b for b in rijen.exclude(status=BegrotingStatus.AFGEKEURD)}


# --- exploitatiesubsidie ----------------------------------------------------------------------------------------
def controleer_exploitatie(aanvraag) -> None:
    """At submission: the board applies, every year requested has an approved budget, and no year asks for more
    than that budget's deficit."""
    accommodatie = _gegevens(aanvraag).accommodatie
    _controleer_bestuur(aanvraag, accommodatie)
    gevraagd = gevraagd_per_jaar(aanvraag)
    begrotingen = geldende_begrotingen(accommodatie, gevraagd)
    ontbreekt = [jaar for jaar in sorted(gevraagd)
                 if jaar not in begrotingen or begrotingen[jaar].status != BegrotingStatus.GOEDGEKEURD]
    if ontbreekt:
        def stand(jaar, taal):
            begroting = begrotingen.get(jaar)
            if begroting is None:
                return f"{jaar}: " + ("er is geen exploitatiebegroting" if taal == "nl" else "there is no budget")
            status = begroting.get_status_display() if taal == "nl" else begroting.status
            return f"{jaar}: " + (f"de exploitatiebegroting is nog niet goedgekeurd ({status})" if taal == "nl"
                                  else f"the budget has not been approved yet ({status})")

        raise InvalidInput(
            f"Exploitatiesubsidie voor {accommodatie} kan alleen op een goedgekeurde exploitatiebegroting per "
            f"boekjaar. " + "; ".join(stand(jaar, "nl") for jaar in ontbreekt) + ". Uw concept is bewaard.",
            f"An exploitation subsidy for {accommodatie} needs an approved exploitation budget for each year. "
            + "; ".join(stand(jaar, "en") for jaar in ontbreekt) + ". Your draft is saved.",
            code="begroting_niet_goedgekeurd", details={"boekjaren": ontbreekt},
        )
    te_hoog = {jaar: bedrag for jaar, bedrag in sorted(gevraagd.items()) if bedrag > begrotingen[jaar].tekort}
    if te_hoog:
        def regel(jaar, taal):
            b = begrotingen[jaar]
            if taal == "nl":
                return (f"voor {jaar} vraagt u {euro(te_hoog[jaar])}, meer dan het tekort van {euro(b.tekort)} "
                        f"(kosten {euro(b.kosten)} min eigen inkomsten {euro(b.eigen_inkomsten)})")
            return (f"for {jaar} you ask {euro(te_hoog[jaar], 'en')}, more than the deficit of "
                    f"{euro(b.tekort, 'en')} (costs {euro(b.kosten, 'en')} minus own income "
                    f"{euro(b.eigen_inkomsten, 'en')})")

        raise InvalidInput(
            "De exploitatiesubsidie is ten hoogste het tekort op de goedgekeurde exploitatiebegroting: "
            + "; ".join(regel(jaar, "nl") for jaar in te_hoog) + ".",
            "The exploitation subsidy is at most the deficit on the approved exploitation budget: "
            + "; ".join(regel(jaar, "en") for jaar in te_hoog) + ".",
            code="bedrag_boven_tekort", details={"velden": ["jaarbedragen"], "boekjaren": {
                str(jaar): {"gevraagd": str(bedrag), "tekort": str(begrotingen[jaar].tekort)}
                for jaar, bedrag in te_hoog.items()}},
        )


def tekort_per_jaar(aanvraag) -> dict[int, Decimal] | None:
    """The approved deficit of each year requested (a surplus counts as € 0), or None while a year has none."""
    gegevens = Accommodatiegegevens.objects.filter(aanvraag=aanvraag).select_related("accommodatie").first()
    if gegevens is None:
        return None
    jaren = gevraagd_per_jaar(aanvraag)
    begrotingen = geldende_begrotingen(gegevens.accommodatie, jaren)
    if not jaren or any(jaar not in begrotingen or begrotingen[jaar].status != BegrotingStatus.GOEDGEKEURD
                        for jaar in jaren):
        return None
    return {jaar: max(begrotingen[jaar].tekort, ZERO) for jaar in sorted(jaren)}


def voorstel_exploitatie(aanvraag) -> Decimal | None:
    """The total of the approved deficits over the years requested."""
    tekorten = tekort_per_jaar(aanvraag)
    return None if tekorten is None else sum(tekorten.values(), ZERO)


# --- onderhoudssubsidie -----------------------------------------------------------------------------------------
def controleer_onderhoud(aanvraag) -> None:
    """At submission: the board owns the building, the items are this accommodation's, not held by another
    request, and together cost at least the amount asked."""
    gegevens = _gegevens(aanvraag)
    accommodatie = gegevens.accommodatie
    _controleer_bestuur(aanvraag, accommodatie)
    if not accommodatie.is_eigenaar:
        raise InvalidInput(
            "Alleen een bestuur dat eigenaar is van het gebouw kan onderhoudssubsidie krijgen; "
            f"{accommodatie.bestuur} huurt {accommodatie}, dus het onderhoud is aan de verhuurder.",
            "Only a board that owns its building can receive a maintenance subsidy; "
            f"{accommodatie.bestuur} rents {accommodatie}, so maintenance is the landlord's responsibility.",
            code="alleen_eigenaar", details={"velden": ["accommodatie"]},
        )
    posten = list(gegevens.onderhoudsposten.all())
    if not posten:
        raise InvalidInput("Kies de posten uit het meerjarenonderhoudsplan waarvoor u aanvraagt.",
                           "Choose the items of the maintenance plan you are applying for.",
                           code="geen_onderhoudsposten", details={"velden": ["onderhoudsposten"]})
    controleer_posten(accommodatie, posten)
    bezet = bezette_posten(posten, behalve=aanvraag)
    if bezet:
        namen = ", ".join(f"{post.element} ({post.jaar})" for post in bezet)
        raise InvalidInput(f"Voor {namen} loopt al een andere aanvraag of is al subsidie verleend.",
                           f"Another request is already open or granted for {namen}.",
                           code="onderhoudspost_al_aangevraagd", details={"velden": ["onderhoudsposten"]})
    totaal = sum((post.geraamde_kosten for post in posten), ZERO)
    if aanvraag.gevraagd_bedrag > totaal:
        raise InvalidInput(
            f"U vraagt {euro(aanvraag.gevraagd_bedrag)}, meer dan de geraamde kosten van de gekozen "
            f"onderhoudsposten ({euro(totaal)}).",
            f"You ask {euro(aanvraag.gevraagd_bedrag, 'en')}, more than the estimated costs of the chosen "
            f"maintenance items ({euro(totaal, 'en')}).",
            code="bedrag_boven_onderhoudsposten", details={"velden": ["gevraagd_bedrag"]},
        )


def controleer_posten(accommodatie, posten) -> None:
    """The chosen MJOP items are this accommodation's."""
    vreemd = [post for post in posten if post.accommodatie_id != accommodatie.pk]
    if vreemd:
        namen = ", ".join(post.element for post in vreemd)
        raise InvalidInput(f"Deze onderhoudsposten horen niet bij {accommodatie}: {namen}.",
                           f"These maintenance items do not belong to {accommodatie}: {namen}.",
                           code="onderhoudspost_andere_accommodatie", details={"velden": ["onderhoudsposten"]})


def bezette_posten(posten, *, behalve=None) -> list:
    """The items that another submitted, still open or granted request already asks for."""
    andere = Accommodatiegegevens.objects.filter(onderhoudsposten__in=posten).exclude(
        aanvraag__status__in=LOSGELATEN)
    if behalve is not None:
        andere = andere.exclude(aanvraag=behalve)
    bezet = set(andere.values_list("onderhoudsposten", flat=True))
    return [post for post in posten if post.pk in bezet]


def voorstel_onderhoud(aanvraag) -> Decimal | None:
    """The estimated costs of the chosen MJOP items together."""
    gegevens = Accommodatiegegevens.objects.filter(aanvraag=aanvraag).first()
    if gegevens is None or not gegevens.onderhoudsposten.exists():
        return None
    return som(gegevens.onderhoudsposten.all(), "geraamde_kosten")


# --- writing the family data and the budget -----------------------------------------------------------------------
def leg_vast(aanvraag, accommodatie, onderhoudsposten=None, gegevens=None) -> Accommodatiegegevens:
    """Link a draft to its accommodation (and MJOP items); a draft without gebied takes the accommodation's."""
    aanvraag.controleer_onderdeel("accommodatiegegevens")
    posten = onderhoudsposten if onderhoudsposten is not None else (
        list(gegevens.onderhoudsposten.all()) if gegevens is not None else [])
    if posten and aanvraag.regeling.familie != ONDERHOUD:
        raise InvalidInput("Onderhoudsposten horen alleen bij een aanvraag voor onderhoudssubsidie.",
                           "Maintenance items belong only to a request for a maintenance subsidy.",
                           code="onderhoudsposten_niet_bij_exploitatie", details={"velden": ["onderhoudsposten"]})
    controleer_posten(accommodatie, posten)
    with transaction.atomic():
        if gegevens is None:
            gegevens = Accommodatiegegevens.objects.create(aanvraag=aanvraag, accommodatie=accommodatie)
        elif gegevens.accommodatie_id != accommodatie.pk:
            gegevens.accommodatie = accommodatie
            gegevens.save()
        if onderhoudsposten is not None:
            gegevens.onderhoudsposten.set(onderhoudsposten)
        if aanvraag.gebied_id is None:
            aanvraag.gebied, aanvraag.wijk = accommodatie.gebied, accommodatie.wijk
            aanvraag.save()
    return gegevens
