"""The rules of the bewonersorganisatie family, registered with the core from `apps.py` (DESIGN §9).

Only an organisation in the register, registered on the day its request is received and with complete register
data, applies; once per boekjaar. The regeling's formula proposes the amount. Under the convenant, plans for a wijk
are first put to the bewonersorganisaties registered for it.
"""
from decimal import Decimal

from django.utils import timezone

from subsidies.models import Aanvraag
from workflows.errors import InvalidInput

from .models import FAMILIE, Bewonersorganisatie, Formule

REGISTERVELDEN = {  # what `Bewonersorganisatie.ontbrekende_gegevens` names, in words
    "aantal_bewoners": ("het aantal bewoners dat zij vertegenwoordigt", "the number of residents it represents"),
    "wijken": ("de wijken of dorpen waarvoor zij spreekt", "the wijken or villages it speaks for"),
    "contactpersoon": ("een contactpersoon", "a contact person"),
}
# A request in these states does not count as the organisation's request for its boekjaren.
VERVALLEN = [Aanvraag.Status.CONCEPT, Aanvraag.Status.GEWEIGERD, Aanvraag.Status.BUITEN_BEHANDELING,
             Aanvraag.Status.INGETROKKEN]


def bewonersorganisatie_van(aanvraag) -> Bewonersorganisatie | None:
    return Bewonersorganisatie.objects.select_related("organisatie").filter(
        organisatie_id=aanvraag.organisatie_id).first()


def controleer(aanvraag) -> None:
    """At submission, after the generic checks: registered on the day of receipt, complete, once per boekjaar."""
    registratie, organisatie, dag = bewonersorganisatie_van(aanvraag), aanvraag.organisatie, aanvraag.ontvangen_op
    if registratie is None or registratie.registratiedatum > dag:
        raise InvalidInput(
            f"{organisatie} staat niet geregistreerd als bewonersorganisatie. Alleen een geregistreerde wijk-, buurt- "
            "of dorpsorganisatie kan deze subsidie aanvragen; de gemeente registreert u op verzoek. Uw concept is "
            "bewaard.",
            f"{organisatie} is not registered as a residents' organisation. Only a registered neighbourhood or "
            "village organisation can apply for this subsidy; the municipality registers you on request. Your draft "
            "is saved.",
            code="niet_geregistreerd", details={"velden": ["organisatie"]},
        )
    if not registratie.geregistreerd_op(dag):
        raise InvalidInput(
            f"{organisatie} is op {registratie.afgemeld_op:%d-%m-%Y} afgemeld als bewonersorganisatie "
            f"({registratie.reden_afmelding}) en kan deze subsidie niet meer aanvragen. Uw concept is bewaard.",
            f"{organisatie} was deregistered as a residents' organisation on {registratie.afgemeld_op:%d-%m-%Y} "
            f"({registratie.reden_afmelding}) and can no longer apply for this subsidy. Your draft is saved.",
            code="bewonersorganisatie_afgemeld", details={"velden": ["organisatie"]},
        )
    ontbreekt = registratie.ontbrekende_gegevens()
    if ontbreekt:
        raise InvalidInput(
            "In het register van bewonersorganisaties ontbreekt nog "
            + ", ".join(REGISTERVELDEN[veld][0] for veld in ontbreekt)
            + ". Vraag de gemeente het register aan te vullen; uw concept is bewaard.",
            "The register of residents' organisations still lacks "
            + ", ".join(REGISTERVELDEN[veld][1] for veld in ontbreekt)
            + ". Ask the municipality to complete it; your draft is saved.",
            code="registergegevens_onvolledig", details={"velden": ontbreekt},
        )
    eerder = Aanvraag.objects.filter(
        organisatie=organisatie, regeling__familie=FAMILIE, periode_van__year__lte=aanvraag.periode_tot.year,
        periode_tot__year__gte=aanvraag.periode_van.year,
    ).exclude(status__in=VERVALLEN).exclude(pk=aanvraag.pk).order_by("periode_van").first()
    if eerder is not None:
        raise InvalidInput(
            f"{organisatie} heeft voor {eerder.boekjaar} al een aanvraag lopen of toegekend gekregen "
            f"({eerder.nummer}); een bewonersorganisatie krijgt één subsidie per jaar. Uw concept is bewaard.",
            f"{organisatie} already has a request for {eerder.boekjaar} pending or granted ({eerder.nummer}); a "
            "residents' organisation gets one subsidy per year. Your draft is saved.",
            code="al_aangevraagd", details={"velden": ["periode_van"], "aanvraag": eerder.nummer},
        )


def jaarbedragen(aanvraag) -> dict[int, Decimal]:
    """What the regeling's formula gives the organisation, per boekjaar of the request: every year follows the
    formula. Empty without a formula or a number of residents. For a multi-year request these are the amounts to
    propose per year (`besluit_voorstellen` with `jaarbedragen`)."""
    formule = Formule.objects.filter(regeling_id=aanvraag.regeling_id).first()
    registratie = bewonersorganisatie_van(aanvraag)
    if formule is None or registratie is None or registratie.aantal_bewoners is None:
        return {}
    jaren = aanvraag.boekjaren if aanvraag.regeling.meerjarig else [aanvraag.boekjaar]
    return dict.fromkeys(jaren, formule.jaarbedrag(registratie.aantal_bewoners))


def voorstel(aanvraag) -> Decimal | None:
    """The formula's amount for the request: one year's, or for a multi-year request the year's amount times its
    years (see `jaarbedragen`). None leaves the proposal to the amount asked."""
    per_jaar = jaarbedragen(aanvraag)
    return sum(per_jaar.values()) if per_jaar else None


def adviseurs(wijk) -> list:
    """The Organisaties of the bewonersorganisaties registered today for `wijk`: under the convenant plans for a
    wijk are first put to them."""
    registraties = (Bewonersorganisatie.objects.geregistreerd_op(timezone.localdate()).filter(wijken=wijk)
                    .select_related("organisatie").order_by("organisatie__naam"))
    return [registratie.organisatie for registratie in registraties]
