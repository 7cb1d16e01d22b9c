"""The initiatieven family's part of the API permission matrix (tests/api/test_permission_matrix.py): its rows,
and the objects they name. The lid of the matrix is a member of the applying stichting; advice goes to the
gebiedsteam of its gebied."""
import datetime as dt

from django.utils import timezone

from tests.factories import AanvraagFactory, breng_naar

from .factories import (
    AdviesaanvraagFactory, GebiedsteamFactory, bewonersinitiatief, bewonersregeling, maatschappelijk_initiatief,
    maatschappelijke_regeling,
)

GEGEVENS = {"doelgroep": "Ouderen in de wijk", "locatie": "Buurthuis", "verwachte_deelnemers": 30,
            "themas": ["ouderen"], "dimensies": ["meedoen"]}


def regeling(world):
    return maatschappelijke_regeling()


def initiatief(world):
    """The family data of a draft maatschappelijk initiatief of the lid's organisation."""
    return maatschappelijk_initiatief(world.get("initiatief_regeling"), world.organisatie).initiatief


def nieuw_initiatief(world):
    concept = AanvraagFactory(regeling=world.get("initiatief_regeling"), organisatie=world.organisatie)
    return {"aanvraag": concept.pk, **GEGEVENS}


def initiatief_gewijzigd(world):
    return {"aanvraag": world.get("initiatief").aanvraag_id, **GEGEVENS}


def in_behandeling(world):
    aanvraag = maatschappelijk_initiatief(world.get("initiatief_regeling"), world.organisatie,
                                          gebied=world.organisatie.gebied)
    return breng_naar(aanvraag, "in_behandeling", **world.collega)


def gebiedsteam(world):
    return GebiedsteamFactory(gebied=world.organisatie.gebied)


def adviesaanvraag(world, verlopen=False):
    """Advice asked of the gebiedsteam about the lid's request; `verlopen`: its term passed yesterday."""
    vandaag = timezone.localdate()
    termijn = {"gevraagd_op": vandaag - dt.timedelta(days=8), "termijn_tot": vandaag - dt.timedelta(days=1)}
    return AdviesaanvraagFactory(aanvraag=world.get("initiatief_in_behandeling"), gebiedsteam=world.get("gebiedsteam"),
                                 gevraagd_door=world.collega["behandelaar"], **(termijn if verlopen else {}))


def nieuwe_adviesaanvraag(world):
    aanvraag = world.get("initiatief_in_behandeling")
    return {"aanvraag": aanvraag.pk, "gebiedsteam": world.get("gebiedsteam").pk, "vraag": "Past dit in het gebied?",
            "termijn_tot": str(aanvraag.uiterste_beslisdatum)}


def bereik_subsidie(world):
    """A bewonersinitiatief of the lid's organisation, settled at verlening: reach may be reported any time."""
    gebied = world.organisatie.gebied
    aanvraag = bewonersinitiatief(bewonersregeling([gebied]), world.organisatie)
    return breng_naar(aanvraag, "verleend", **world.collega).subsidie


def nieuw_bereik(world):
    return {"subsidie": world.get("bereik_subsidie").pk, "deelnemers": 60, "vrijwilligers": 12}


def bereik(world):
    from initiatieven.services.bereik import meld_bereik

    return meld_bereik(world.get("bereik_subsidie"), world.users["lid"], boekjaar=None, deelnemers=55, vrijwilligers=9)


# this family's rows of the API permission matrix; the row format is described in tests/api/matrix.py
ROWS = [
    ("initiatieven list", "get", "/api/initiatieven/", None, None, None, "401 200 200 200 200 200 200"),
    ("initiatieven create", "post", "/api/initiatieven/", None, None, "nieuw_initiatief",
     "401 201 400 201 201 403 201"),
    ("initiatieven retrieve", "get", "/api/initiatieven/{id}/", "initiatief", None, None,
     "401 200 404 200 200 200 200"),
    ("initiatieven update concept", "put", "/api/initiatieven/{id}/", "initiatief", None, "initiatief_gewijzigd",
     "401 200 404 200 200 403 200"),
    ("initiatieven partial update concept", "patch", "/api/initiatieven/{id}/", "initiatief", None,
     {"locatie": "Wijkcentrum"}, "401 200 404 200 200 403 200"),
    ("adviesaanvragen list", "get", "/api/adviesaanvragen/", None, None, None, "401 200 200 200 200 200 200"),
    ("adviesaanvragen create", "post", "/api/adviesaanvragen/", None, None, "nieuwe_adviesaanvraag",
     "401 403 403 201 201 403 403"),
    ("adviesaanvragen adviseurs", "get", "/api/adviesaanvragen/adviseurs/", None, None, "adviseurs_vraag",
     "401 403 403 200 200 403 403"),
    ("adviesaanvragen retrieve", "get", "/api/adviesaanvragen/{id}/", "adviesaanvraag", None, None,
     "401 200 404 200 200 200 200"),
    ("adviesaanvragen GET acties", "get", "/api/adviesaanvragen/{id}/acties/", "adviesaanvraag", None, None,
     "401 200 404 200 200 200 200"),
    ("adviesaanvragen uitbrengen (registered by staff)", "post", "/api/adviesaanvragen/{id}/acties/{actie}/",
     "adviesaanvraag", "uitbrengen", {"advies": "Positief."}, "401 403 404 200 200 403 403"),
    ("adviesaanvragen verlopen", "post", "/api/adviesaanvragen/{id}/acties/{actie}/", "adviesaanvraag_verlopen",
     "verlopen", {}, "401 403 404 200 200 403 403"),
    ("adviesaanvragen intrekken", "post", "/api/adviesaanvragen/{id}/acties/{actie}/", "adviesaanvraag",
     "intrekken", {"reden": "Niet meer nodig."}, "401 403 404 200 200 403 403"),
    ("bereik list", "get", "/api/bereik/", None, None, None, "401 200 200 200 200 200 200"),
    ("bereik create", "post", "/api/bereik/", None, None, "nieuw_bereik", "401 201 400 201 201 403 201"),
    ("bereik retrieve", "get", "/api/bereik/{id}/", "bereik", None, None, "401 200 404 200 200 200 200"),
    ("bereik update", "put", "/api/bereik/{id}/", "bereik", None, "nieuw_bereik", "401 200 404 200 200 403 200"),
    ("bereik partial update", "patch", "/api/bereik/{id}/", "bereik", None, {"vrijwilligers": 10},
     "401 200 404 200 200 403 200"),
    ("themas list", "get", "/api/themas/", None, None, None, "200 200 200 200 200 200 200"),
    ("gezondheidsdimensies list", "get", "/api/gezondheidsdimensies/", None, None, None,
     "200 200 200 200 200 200 200"),
    ("monitoring initiatieven", "get", "/api/monitoring/initiatieven/", None, None, None,
     "401 403 403 200 200 200 200"),
]
