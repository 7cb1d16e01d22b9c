"""What a request must satisfy before it can be submitted — each failure with a specific reason."""
import datetime as dt
import hashlib
import json

from django.db import models
from django.utils import timezone

from workflows.audit import to_json_value
from workflows.errors import InvalidInput
from workflows.lifecycle import Onderdeel

from .. import families
from ..bedragen import euro
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
            f"Vraag een bedrag van {euro(regeling.min_bedrag)} tot en met {euro(regeling.max_bedrag)}.",
            f"Ask for an amount from {euro(regeling.min_bedrag, 'en')} up to {euro(regeling.max_bedrag, 'en')}.",
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


# What the applicant wrote: the content that is decided on (Awb 4:5), without the workflow's own bookkeeping.
INHOUD_VELDEN = ("regeling", "organisatie", "titel", "omschrijving", "gevraagd_bedrag", "periode_van", "periode_tot",
                 "gebied", "wijk", "werkplan", "voortzetting_van", "ontvangen_op")


def ingediende_inhoud(aanvraag) -> dict:
    """The request as submitted, in a canonical form: its fields, and every row that belongs to it (`Onderdeel`:
    budget lines, jaarbedragen, documents with their SHA-256, the family's data and the rows under it), found through
    the models, so the core names no family. Ids and timestamps are left out: two requests with the same content
    give the same dict."""
    inhoud = {naam: _waarde(aanvraag, aanvraag._meta.get_field(naam)) for naam in INHOUD_VELDEN}
    inhoud.update(_onderdelen(aanvraag))
    return inhoud


def inhoud_hash(inhoud: dict) -> str:
    """SHA-256 over the canonical JSON of `ingediende_inhoud`."""
    return hashlib.sha256(json.dumps(inhoud, sort_keys=True, ensure_ascii=False,
                                     separators=(",", ":")).encode()).hexdigest()


def _waarde(obj, veld):
    if isinstance(veld, models.FileField):
        return None  # the row's sha256 says what the file held; its random storage name is no content
    return to_json_value(getattr(obj, veld.attname))


def _rij(obj) -> dict:
    eigenaar = getattr(type(obj), "onderdeel_van", "")
    rij = {
        veld.name: _waarde(obj, veld) for veld in obj._meta.concrete_fields
        if not veld.primary_key and veld.name != eigenaar and not getattr(veld, "auto_now", False)
        and not getattr(veld, "auto_now_add", False) and not isinstance(veld, models.FileField)
    }
    rij.update({veld.name: sorted(obj.serializable_value(veld.name).values_list("pk", flat=True))
                for veld in obj._meta.many_to_many})
    rij.update(_onderdelen(obj))
    return rij


def _onderdelen(obj) -> dict:
    """The rows that belong to `obj`, under their related names, each list in a canonical order."""
    result = {}
    for rel in obj._meta.related_objects:
        model = rel.related_model
        if not (isinstance(model, type) and issubclass(model, Onderdeel) and model.onderdeel_van == rel.field.name):
            continue
        naam = rel.get_accessor_name()
        if rel.one_to_one:
            rij = model._base_manager.filter(**{rel.field.name: obj}).first()
            result[naam] = _rij(rij) if rij is not None else None
        else:
            rijen = [_rij(rij) for rij in model._base_manager.filter(**{rel.field.name: obj})]
            result[naam] = sorted(rijen, key=lambda r: json.dumps(r, sort_keys=True))
    return result
