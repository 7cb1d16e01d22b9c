"""Only members of the request's organisation reach its form; every page stays within 20 queries."""
import pytest
from django.test import Client
from django.urls import reverse

from subsidies.models import Aanvraag
from subsidies.rollen import Rol
from tests import bestanden
from tests.factories import OrganisatieFactory, maak_gebruiker

from .aanvragen import (  # noqa: F401 - fixtures
    begroting, beijum, bewoner, bi_regeling, groep, ingelogd, oost, start, stap, url, versie, waar, wat,
)

PAGINAS = [("aanvraag_invullen", ()), ("aanvraag_stap", ("wat",)), ("aanvraag_stap", ("begroting",)),
           ("aanvraag_autosave", ("wat",)), ("aanvraag_bijlagen", ()), ("aanvraag_controleren", ()),
           ("ontvangstbevestiging", ())]


@pytest.fixture
def vreemde_aanvraag(bi_regeling, beijum):
    """A draft of another organisation, with its draft filled in by its own member."""
    lid = maak_gebruiker(Rol.AANVRAGER, username="ander-lid")
    client = Client()
    client.force_login(lid)
    aanvraag = start(client, bi_regeling, OrganisatieFactory(naam="Andere Stichting", leden=[lid]))
    stap(client, aanvraag, "wat", wat(titel="Geheim plan"))
    return aanvraag


@pytest.mark.parametrize(("naam", "args"), PAGINAS)
def test_another_organisations_draft_answers_404_to_get_and_post(ingelogd, groep, vreemde_aanvraag, naam, args):
    adres = reverse(f"portaal:{naam}", args=[vreemde_aanvraag.pk, *args])
    assert ingelogd.get(adres).status_code == 404
    assert ingelogd.post(adres, {**wat(titel="Overschreven"), "versie": 1, "actie": "volgende"}).status_code == 404
    vreemde_aanvraag.refresh_from_db()
    assert vreemde_aanvraag.status == Aanvraag.Status.CONCEPT
    assert vreemde_aanvraag.formulierconcept.gegevens["wat"]["titel"] == ["Geheim plan"]


def test_a_regeling_without_a_form_cannot_be_started(ingelogd, groep):
    from tests.factories import RegelingFactory

    regeling = RegelingFactory(familie="")
    assert ingelogd.get(reverse("portaal:aanvraag_starten", args=[regeling.code])).status_code == 404


def test_every_page_within_20_queries(ingelogd, bi_regeling, groep, beijum, django_assert_max_num_queries):
    for _ in range(3):  # other requests of the organisation do not add queries
        start(ingelogd, bi_regeling, groep)
    aanvraag = start(ingelogd, bi_regeling, groep)
    stap(ingelogd, aanvraag, "wat", wat())
    stap(ingelogd, aanvraag, "waar-en-wanneer", waar(beijum))
    stap(ingelogd, aanvraag, "begroting", begroting())
    for naam in ("offerte.pdf", "foto.png"):
        inhoud = bestanden.pdf() if naam.endswith("pdf") else bestanden.png()
        ingelogd.post(url("aanvraag_bijlagen", aanvraag),
                      {"omschrijving": naam, "bestand": bestanden.upload(naam, inhoud)})
    stap(ingelogd, aanvraag, "bijlagen", {})
    paginas = [reverse("portaal:aanvraag_starten", args=[bi_regeling.code]), url("aanvraag_invullen", aanvraag),
               *(url("aanvraag_stap", aanvraag, slug) for slug in ("wat", "waar-en-wanneer", "begroting", "bijlagen")),
               url("aanvraag_controleren", aanvraag)]
    for adres in paginas:
        with django_assert_max_num_queries(20):
            assert ingelogd.get(adres).status_code == 200, adres
    with django_assert_max_num_queries(20):
        assert ingelogd.post(reverse("portaal:aanvraag_autosave", args=[aanvraag.pk, "wat"]),
                             {**wat(), "versie": versie(aanvraag)}).status_code == 200
    ingelogd.post(url("aanvraag_controleren", aanvraag))
    with django_assert_max_num_queries(20):
        assert ingelogd.get(url("ontvangstbevestiging", aanvraag)).status_code == 200
