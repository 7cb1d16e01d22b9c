"""Every door obeys the same rules: whatever the lifecycle has fixed does not change through the admin or the API.

For each model with a lifecycle, in every state, a beheerder posts the admin change form with a new value for every
field it could save (also the ones it shows read-only), and the applicant or officer PATCHes the API where it has a
write endpoint. Only the fields that stay open in that state (OPEN, stated here independently of the models'
declarations) may change; no other row changes at all.
"""
import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accommodaties.models import Exploitatiebegroting
from initiatieven.models import Adviesaanvraag
from subsidies.models import Aanvraag, Begrotingsjaar, Betaling, Bezwaar, Jaartranche, Subsidie
from subsidies.services import bezwaren
from tests import doors
from tests.accommodaties.factories import ExploitatiebegrotingFactory
from tests.api import meerjarig
from tests.conftest import in_beheer
from tests.factories import breng_naar
from tests.initiatieven.factories import AdviesaanvraagFactory
from workflows import termijnen
from workflows.transitions import perform

ALLES = "*"
DEADLINES = {"werkplan_uiterlijk", "verantwoording_uiterlijk"}
OPEN = {  # (model, status) → the fields a beheerder may still change there; not named: none
    ("aanvraag", "concept"): ALLES,
    ("subsidie", "verantwoording_gevraagd"): {"verantwoording_uiterlijk"},
    ("betaling", "gepland"): {"gepland_op"},
    **{("jaartranche", status): DEADLINES
       for status in ("gepland", "definitief", "werkplan_ingediend", "lopend", "verantwoord")},
    ("exploitatiebegroting", "concept"): ALLES,
    ("adviesaanvraag", "gevraagd"): {"termijn_tot"},
}
API = {"aanvraag": "/api/aanvragen/", "subsidie": "/api/subsidies/", "betaling": "/api/betalingen/",
       "jaartranche": "/api/tranches/", "exploitatiebegroting": "/api/exploitatiebegrotingen/",
       "adviesaanvraag": "/api/adviesaanvragen/", "bezwaar": "/api/bezwaren/"}


# --- bringing each model to each of its states through perform() ------------------------------------------------
def aanvraag(status, concept, a):
    if status in ("concept", "ingediend", "in_behandeling", "in_beoordeling", "besluit_voorgesteld", "verleend"):
        return breng_naar(concept, status, **a) if status != "concept" else concept
    if status == "ingetrokken":
        return perform(concept, "intrekken", a["aanvrager"])
    if status == "geweigerd":
        voorgesteld = perform(breng_naar(concept, "in_beoordeling", **a), "besluit_voorstellen", a["behandelaar"],
                              uitkomst="weigeren", reden="Past niet binnen de regeling.")
        return perform(voorgesteld, "weigeren", a["behandelaar"])
    gevraagd = perform(breng_naar(concept, "in_behandeling", **a), "aanvulling_vragen", a["behandelaar"],
                       reden="De begroting ontbreekt.", termijn_tot=timezone.localdate() + dt.timedelta(days=1))
    if status == "aanvulling_gevraagd":
        return gevraagd
    vandaag = timezone.localdate()  # the term passed unused, within the four weeks of Awb 4:5 lid 4
    gevraagd.aanvullingen.update(gevraagd_op=vandaag - dt.timedelta(days=10), termijn_tot=vandaag - dt.timedelta(days=3))
    return perform(gevraagd, "buiten_behandeling_stellen", a["behandelaar"])  # buiten_behandeling


def subsidie(status, concept, a):
    verleend = breng_naar(concept, "verleend", **a).subsidie
    stappen = {
        "verleend": [],
        "bevoorschot": [("voorschot_betalen", "behandelaar", {"bedrag": Decimal("5000.00")})],
        "verantwoording_gevraagd": [("verantwoording_vragen", "behandelaar",
                                     {"uiterlijk": timezone.localdate() + dt.timedelta(days=30)})],
        "ingetrokken": [("intrekken", "beslisser", {"reden": "De activiteit gaat niet door."})],
    }
    stappen["verantwoording_ingediend"] = [*stappen["verantwoording_gevraagd"], (
        "verantwoording_indienen", "aanvrager",
        {"activiteitenverslag": "Veertig ochtenden.", "werkelijke_kosten": Decimal("12000.00")})]
    stappen["vastgesteld"] = [*stappen["verantwoording_ingediend"], ("vaststellen", "behandelaar", {})]
    stappen["afgesloten"] = stappen["vastgesteld"]
    for actie, rol, params in stappen[status]:
        verleend = perform(verleend, actie, a[rol], **params)
    if status == "afgesloten":
        perform(verleend.betalingen.get(), "uitvoeren", a["behandelaar"])
        verleend = perform(verleend, "afsluiten", a["behandelaar"])
    return verleend


def betaling(status, concept, a):
    voorschot = perform(breng_naar(concept, "verleend", **a).subsidie, "voorschot_betalen", a["behandelaar"],
                        bedrag=Decimal("5000.00")).betalingen.get()
    if status == "uitgevoerd":
        return perform(voorschot, "uitvoeren", a["behandelaar"])
    if status == "geannuleerd":
        return perform(voorschot, "annuleren", a["behandelaar"], reden="Dubbel ingevoerd.")
    return voorschot


def jaartranche(status, concept, a):
    jaar = meerjarig.JAAR
    structureel = meerjarig.subsidie(meerjarig.regeling(), concept.organisatie, [jaar - 1, jaar, jaar + 1], actors=a)
    if status == "gepland":
        return structureel.tranches.get(boekjaar=jaar + 1)
    if status == "vervallen":
        Begrotingsjaar.objects.create(boekjaar=jaar + 1, vastgesteld_op=timezone.localdate() - dt.timedelta(days=1))
        return perform(structureel.tranches.get(boekjaar=jaar + 1), "voorbehoud_inroepen", a["beslisser"],
                       bedrag=Decimal("0"), reden="De raad heeft bezuinigd.")
    vorig_jaar = status in ("verantwoord", "vastgesteld")
    return meerjarig.tranche(structureel, jaar - 1 if vorig_jaar else jaar, status, actors=a)


def exploitatiebegroting(status, concept, a):
    begroting = ExploitatiebegrotingFactory()
    begroting.accommodatie.bestuur.leden.add(a["aanvrager"])
    if status == "concept":
        return begroting
    ingediend = perform(begroting, "indienen", a["aanvrager"])
    if status == "ingediend":
        return ingediend
    actie = {"goedgekeurd": "goedkeuren", "afgekeurd": "afkeuren"}[status]
    return perform(ingediend, actie, a["behandelaar"], reden="Beoordeeld op de kengetallen.")


def adviesaanvraag(status, concept, a):
    in_behandeling = breng_naar(concept, "in_behandeling", **a)
    gevraagd = AdviesaanvraagFactory(aanvraag=in_behandeling, gevraagd_door=a["behandelaar"])
    if status == "uitgebracht":
        return perform(gevraagd, "uitbrengen", a["behandelaar"], advies="Positief.")
    if status == "verlopen":
        Adviesaanvraag.objects.filter(pk=gevraagd.pk).update(termijn_tot=dt.date(2020, 1, 1))
        return perform(Adviesaanvraag.objects.get(pk=gevraagd.pk), "verlopen", a["behandelaar"])
    if status == "ingetrokken":
        return perform(gevraagd, "intrekken", a["behandelaar"], reden="Niet meer nodig.")
    return gevraagd


def bezwaar(status, concept, a):
    ingediend = bezwaren.dien_in(aanvraag("geweigerd", concept, a).beschikkingen.get(), a["aanvrager"],
                                 gronden="Wij zijn het niet eens met de weigering.")
    if status in ("ingediend", "ingetrokken"):
        return perform(ingediend, "intrekken", a["aanvrager"]) if status == "ingetrokken" else ingediend
    in_behandeling = perform(ingediend, "in_behandeling_nemen", a["behandelaar"])
    if status == "in_behandeling":
        return in_behandeling
    if status == "hoorzitting":
        return perform(in_behandeling, "hoorzitting_plannen", a["behandelaar"],
                       hoorzitting_op=termijnen.volgende_werkdag(timezone.localdate() + dt.timedelta(days=7)))
    actie = {"gegrond": "gegrond_verklaren", "ongegrond": "ongegrond_verklaren",
             "niet_ontvankelijk": "niet_ontvankelijk_verklaren"}[status]
    return perform(in_behandeling, actie, a["behandelaar"], reden="Beoordeeld op de gronden.")


BOUW = {Aanvraag: aanvraag, Subsidie: subsidie, Betaling: betaling, Jaartranche: jaartranche,
        Exploitatiebegroting: exploitatiebegroting, Adviesaanvraag: adviesaanvraag, Bezwaar: bezwaar}
GEVALLEN = [(model, status) for model in BOUW for status, _ in model._meta.get_field("status").choices]
VAST = [(model, status) for model, status in GEVALLEN if OPEN.get((model._meta.model_name, status)) != ALLES]


@pytest.fixture
def a(actoren):
    return {rol: actoren[rol] for rol in ("aanvrager", "behandelaar", "beslisser")}


def _open_velden(obj) -> set | str:
    return OPEN.get((obj._meta.model_name, obj.status), set())


def _toegestaan(verschil: dict, obj, open_velden) -> dict:
    """What changed beyond what may: the object's own open fields (with its technical timestamp) are allowed."""
    sleutel = (obj._meta.label, obj.pk)
    rest = {k: v for k, v in verschil.items() if k != sleutel}
    eigen = {naam: w for naam, w in verschil.get(sleutel, {}).items()
             if open_velden != ALLES and naam.removesuffix("_id") not in {*open_velden, *obj.audit_exclude}}
    return {**rest, **({sleutel: eigen} if eigen else {})}


@pytest.mark.parametrize(("model", "status"), VAST, ids=[f"{m.__name__}-{s}" for m, s in VAST])
def test_no_door_changes_what_the_lifecycle_has_fixed(model, status, concept, a, beheerder, client):
    obj = BOUW[model](status, concept, a)
    assert obj.status == status
    open_velden = _open_velden(obj)
    waarden = doors.gewijzigd(obj)
    voor = doors.rijen()

    antwoord = doors.admin_post(in_beheer(client, beheerder), beheerder, obj, waarden)
    assert antwoord.status_code in (200, 302), antwoord.status_code
    na_admin = doors.rijen()
    assert _toegestaan(doors.verschillen(voor, na_admin), obj, open_velden) == {}, "the admin changed a fixed field"

    api = APIClient()
    api.force_authenticate(a["aanvrager"] if model in (Aanvraag, Exploitatiebegroting) else a["behandelaar"])
    vast = {naam: w for naam, w in waarden.items() if naam not in open_velden}
    antwoord = api.patch(f"{API[obj._meta.model_name]}{obj.pk}/", doors.als_json(vast), format="json")
    assert antwoord.status_code in (400, 403, 405, 409), (antwoord.status_code, antwoord.content)
    assert doors.rijen() == na_admin, "the API changed a fixed field"


@pytest.mark.parametrize(("model", "status"), GEVALLEN, ids=[f"{m.__name__}-{s}" for m, s in GEVALLEN])
def test_the_admin_shows_exactly_the_open_fields_editable(model, status, concept, a, beheerder, client):
    obj = BOUW[model](status, concept, a)
    pagina = in_beheer(client, beheerder).get(f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/")
    assert pagina.status_code == 200
    bewerkbaar = set(pagina.context["adminform"].form.fields)
    open_velden = _open_velden(obj)
    if open_velden == ALLES:
        assert "titel" in bewerkbaar or "toelichting" in bewerkbaar
    else:
        assert bewerkbaar <= open_velden, sorted(bewerkbaar - open_velden)
