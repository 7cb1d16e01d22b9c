"""What an initiative must show before it can be submitted; the core runs these after its generic checks.

Both kinds: what the initiative is about and for whom, where, how many residents take part, its themes and
dimensions of positieve gezondheid, and a budget whose gap (costs minus other funds and own contribution) covers the
amount asked. An initiatiefgroep (residents without legal personality) names a contact person and the holder of the
account the money goes to. A bewonersinitiatief takes place in a wijk or dorp (its budget is the gebied's); a
maatschappelijk initiatief names its goals with at least one indicator each.

Multi-year requests: the budget lines carry no boekjaar, so the gap is checked over the whole period — the sum of
the yearly amounts asked against all costs minus all other funds. (Per year would need a boekjaar on the budget line.)
"""
from decimal import Decimal

from django.db.models import Count, Q, Sum

from subsidies.bedragen import euro
from subsidies.models import Begrotingsregel
from workflows.errors import InvalidInput

from ..models import Initiatief

ZERO = Decimal("0.00")
CENT = Decimal("0.01")

VELDEN = {  # the family's fields an applicant fills in, as the errors name them
    "doelgroep": ("voor wie het is", "who it is for"),
    "locatie": ("waar het plaatsvindt", "where it takes place"),
    "verwachte_deelnemers": ("hoeveel bewoners meedoen", "how many residents take part"),
    "themas": ("minstens één thema", "at least one theme"),
    "dimensies": ("minstens één dimensie van positieve gezondheid", "at least one dimension of positive health"),
}


def controleer_bewonersinitiatief(aanvraag) -> None:
    initiatief = _gegevens(aanvraag)
    if not aanvraag.wijk_id:
        raise InvalidInput("Kies de wijk of het dorp waar het initiatief plaatsvindt.",
                           "Choose the wijk or village where the initiative takes place.",
                           code="wijk_verplicht", details={"velden": ["wijk"]})
    _controleer_gemeenschappelijk(aanvraag, initiatief)


def controleer_maatschappelijk_initiatief(aanvraag) -> None:
    initiatief = _gegevens(aanvraag)
    _controleer_gemeenschappelijk(aanvraag, initiatief)
    doelen = list(initiatief.doelen.annotate(aantal=Count("indicatoren")))
    if not doelen:
        raise InvalidInput("Beschrijf de doelen van het initiatief, elk met een indicator.",
                           "Describe the goals of the initiative, each with an indicator.",
                           code="doelen_ontbreken", details={"velden": ["doelen"]})
    zonder = [doel.omschrijving[:60] for doel in doelen if not doel.aantal]
    if zonder:
        raise InvalidInput("Geef bij elk doel minstens één indicator: " + "; ".join(zonder) + ".",
                           "Give each goal at least one indicator: " + "; ".join(zonder) + ".",
                           code="indicator_ontbreekt", details={"velden": ["doelen"]})


def _gegevens(aanvraag) -> Initiatief:
    initiatief = Initiatief.objects.filter(aanvraag=aanvraag).first()
    if initiatief is None:
        raise InvalidInput("Vul de gegevens van het initiatief in: voor wie, waar, hoeveel bewoners en de thema's.",
                           "Fill in the initiative's details: who it is for, where, how many residents, the themes.",
                           code="initiatief_ontbreekt", details={"velden": list(VELDEN)})
    return initiatief


def _controleer_gemeenschappelijk(aanvraag, initiatief: Initiatief) -> None:
    ontbreekt = [naam for naam in ("doelgroep", "locatie") if not getattr(initiatief, naam).strip()]
    if not initiatief.verwachte_deelnemers:
        ontbreekt.append("verwachte_deelnemers")
    ontbreekt += [naam for naam in ("themas", "dimensies") if not getattr(initiatief, naam).exists()]
    if ontbreekt:
        raise InvalidInput(
            "Vul nog in: " + ", ".join(VELDEN[naam][0] for naam in ontbreekt) + ". Uw concept is bewaard.",
            "Still to fill in: " + ", ".join(VELDEN[naam][1] for naam in ontbreekt) + ". Your draft is saved.",
            code="initiatief_onvolledig", details={"velden": ontbreekt},
        )
    if aanvraag.organisatie.is_initiatiefgroep:
        controleer_initiatiefgroep(aanvraag.organisatie)
    controleer_cofinanciering(aanvraag)


def controleer_initiatiefgroep(organisatie) -> None:
    """Residents without legal personality apply through one of them: who to contact, whose account is paid."""
    ontbreekt_nl, ontbreekt_en = [], []
    if not organisatie.contactpersonen.exclude(email="").exists():
        ontbreekt_nl.append("een contactpersoon met e-mailadres")
        ontbreekt_en.append("a contact person with an e-mail address")
    if not (organisatie.iban and organisatie.tenaamstelling.strip()):
        ontbreekt_nl.append("het IBAN en op wiens naam de rekening staat")
        ontbreekt_en.append("the IBAN and the name the account is in")
    if ontbreekt_nl:
        raise InvalidInput(
            "Een initiatiefgroep zonder rechtspersoonlijkheid geeft " + " en ".join(ontbreekt_nl) + " op.",
            "A group of residents without legal personality gives " + " and ".join(ontbreekt_en) + ".",
            code="initiatiefgroep_onvolledig", details={"organisatie": organisatie.pk},
        )


def tekort(aanvraag) -> dict[str, Decimal]:
    """The applicant's budget: costs, what other funds and the own contribution cover, and the gap between them."""
    totalen = aanvraag.begroting.aggregate(
        kosten=Sum("bedrag", filter=Q(soort=Begrotingsregel.Soort.KOSTEN)),
        dekking=Sum("bedrag", filter=Q(soort=Begrotingsregel.Soort.DEKKING)),
    )
    kosten, dekking = ((totalen[naam] or ZERO).quantize(CENT) for naam in ("kosten", "dekking"))
    return {"kosten": kosten, "dekking": dekking, "tekort": kosten - dekking}


def controleer_cofinanciering(aanvraag) -> None:
    """The subsidy fills the gap, no more: costs minus other funds and own contribution (co-funding)."""
    begroting = tekort(aanvraag)
    if not begroting["kosten"]:
        raise InvalidInput("Zet in de begroting wat het initiatief kost.",
                           "List in the budget what the initiative costs.", code="begroting_ontbreekt",
                           details={"velden": ["begroting"]})
    if aanvraag.gevraagd_bedrag > begroting["tekort"]:
        kosten, dekking, gat = begroting["kosten"], begroting["dekking"], begroting["tekort"]
        raise InvalidInput(
            f"U vraagt {euro(aanvraag.gevraagd_bedrag)}, maar de kosten ({euro(kosten)}) min andere financiering en "
            f"eigen bijdrage ({euro(dekking)}) laten een tekort van {euro(gat)}: vraag ten hoogste dat bedrag.",
            f"You ask {euro(aanvraag.gevraagd_bedrag, 'en')}, but the costs ({euro(kosten, 'en')}) minus other funds "
            f"and own contribution ({euro(dekking, 'en')}) leave a gap of {euro(gat, 'en')}: ask at most that amount.",
            code="bedrag_boven_tekort",
            details={"velden": ["gevraagd_bedrag", "begroting"], "kosten": str(kosten), "dekking": str(dekking),
                     "tekort": str(gat)},
        )
