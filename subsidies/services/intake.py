"""What a request must satisfy before it can be submitted — each failure with a specific reason."""
import datetime as dt

from django.utils import timezone

from workflows.errors import InvalidInput

from .. import families
from .meerjarig import controleer_aanvraagtermijn, controleer_meerjarenbegroting, controleer_voortzetting

FIELD_NAMES = {
    "titel": ("titel", "title"),
    "omschrijving": ("omschrijving van de activiteit", "description of the activity"),
    "gevraagd_bedrag": ("gevraagd bedrag", "amount requested"),
    "periode_van": ("begindatum", "start date"),
    "periode_tot": ("einddatum", "end date"),
}


def controleer_indiening(aanvraag) -> None:
    missing = aanvraag.ontbrekende_gegevens()
    if missing:
        raise InvalidInput(
            "Vul nog in: " + ", ".join(FIELD_NAMES[name][0] for name in missing) + ". Uw concept is bewaard.",
            "Still to fill in: " + ", ".join(FIELD_NAMES[name][1] for name in missing) + ". Your draft is saved.",
            code="aanvraag_onvolledig",
            details={"velden": missing},
        )
    regeling, organisatie = aanvraag.regeling, aanvraag.organisatie
    if aanvraag.ontvangen_op > timezone.localdate():
        raise InvalidInput("De ontvangstdatum ligt in de toekomst.", "The date of receipt lies in the future.",
                           code="datum_ongeldig")
    if aanvraag.ontvangen_op < timezone.localdate() - dt.timedelta(days=365):
        raise InvalidInput("De ontvangstdatum ligt meer dan een jaar terug.",
                           "The date of receipt lies more than a year back.", code="datum_ongeldig")
    if aanvraag.periode_tot < aanvraag.periode_van:
        raise InvalidInput("De einddatum ligt vóór de begindatum.", "The end date is before the start date.",
                           code="periode_ongeldig", details={"velden": ["periode_tot"]})
    if not regeling.is_open(aanvraag.ontvangen_op):
        raise InvalidInput(
            f"Voor '{regeling.naam}' kunt u op dit moment geen aanvraag indienen.",
            f"'{regeling.naam}' is not open for applications at this moment.",
            code="regeling_gesloten",
        )
    if regeling.toegestane_rechtsvormen and organisatie.rechtsvorm not in regeling.toegestane_rechtsvormen:
        raise InvalidInput(
            f"Een {organisatie.get_rechtsvorm_display()} kan voor '{regeling.naam}' geen subsidie aanvragen.",
            f"A {organisatie.rechtsvorm} cannot apply for '{regeling.naam}'.",
            code="aanvrager_niet_toegestaan",
        )
    if regeling.meerjarig:
        controleer_meerjarenbegroting(aanvraag)  # the scheme's limits hold per boekjaar, not for the total
    elif not regeling.min_bedrag <= aanvraag.gevraagd_bedrag <= regeling.max_bedrag:
        raise InvalidInput(
            f"Vraag een bedrag van € {regeling.min_bedrag} tot en met € {regeling.max_bedrag}.",
            f"Ask for an amount from € {regeling.min_bedrag} up to € {regeling.max_bedrag}.",
            code="bedrag_buiten_grenzen",
            details={"velden": ["gevraagd_bedrag"]},
        )
    if regeling.boekjaarregels:
        controleer_aanvraagtermijn(aanvraag)
    if aanvraag.voortzetting_van_id:
        controleer_voortzetting(aanvraag)
    if regeling.per_gebied and not aanvraag.gebied_id:
        raise InvalidInput("Kies het gebied waar de activiteit plaatsvindt: daar komt het geld vandaan.",
                           "Choose the area where the activity takes place: the money comes from its budget.",
                           code="gebied_verplicht", details={"velden": ["gebied"]})
    if aanvraag.wijk_id and aanvraag.gebied_id and aanvraag.wijk.gebied_id != aanvraag.gebied_id:
        raise InvalidInput("Deze wijk hoort niet bij het gekozen gebied.", "This wijk is not in the chosen gebied.",
                           code="wijk_ongeldig", details={"velden": ["wijk"]})
    familie = families.van(aanvraag)
    if familie is not None and familie.controleer is not None:
        familie.controleer(aanvraag)
