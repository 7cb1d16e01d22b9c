"""Objects of the initiatieven family for the API permission matrix (tests/api/test_permission_matrix.py): the lid
of the matrix is a member of the applying stichting; advice goes to the gebiedsteam of its gebied."""
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
