"""Bounds in the model, so that every door applies them: the Django admin's change form, the database's own
constraints, and what a transition writes."""
import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError

from subsidies.models import Aanvraag, Begrotingsregel
from tests.conftest import database_state
from tests.factories import PlafondFactory, breng_naar, meerjarige_aanvraag, meerjarige_regeling, verleen_meerjarig
from workflows.errors import InvalidInput
from workflows.transitions import perform

pytestmark = pytest.mark.django_db


def _formulier(client, url: str) -> dict:
    """What the admin's change form sends back unchanged: its fields and its inlines' management forms."""
    response = client.get(url)
    assert response.status_code == 200
    data = {}
    for veld in response.context["adminform"].form:
        waarde = veld.value()
        if isinstance(waarde, bool):
            if waarde:
                data[veld.html_name] = "on"
        elif waarde is not None:
            data[veld.html_name] = waarde.isoformat() if isinstance(waarde, dt.date) else waarde
    for inline in response.context["inline_admin_formsets"]:
        beheer = inline.formset.management_form
        data.update({beheer[naam].html_name: beheer[naam].value() for naam in beheer.fields})
    return data


@pytest.mark.parametrize(("anders", "veld", "fout"), [
    pytest.param({"omschrijving": "x" * 2_000_000}, "omschrijving", "10000 tekens", id="omschrijving"),
    pytest.param({"periode_van": "9999-01-01"}, "periode_van", "Kies een datum van 2000", id="jaar-9999"),
    pytest.param({"periode_van": "2026-06-30", "periode_tot": "2026-03-01"}, "periode_tot",
                 "De einddatum ligt vóór de begindatum", id="einde-voor-begin"),
    pytest.param({"gevraagd_bedrag": "-100"}, "gevraagd_bedrag", "groter dan € 0", id="bedrag-min-100"),
])
def test_the_admin_change_form_shows_the_error_and_saves_nothing(admin_client, concept, vandaag, anders, veld, fout):
    vandaag(dt.date(2026, 2, 2))
    url = f"/admin/subsidies/aanvraag/{concept.pk}/change/"
    data = {**_formulier(admin_client, url), **anders}
    voor = database_state()
    response = admin_client.post(url, data)
    assert response.status_code == 200, "the form is shown again, not saved and redirected"
    fouten = response.context["adminform"].form.errors
    assert veld in fouten and fout in fouten[veld][0], fouten
    assert database_state() == voor


def test_the_admin_form_unchanged_still_saves(admin_client, concept, vandaag):
    """The helper above sends a valid form: the refusals there come from the bounds, not from a bad form."""
    vandaag(dt.date(2026, 2, 2))
    url = f"/admin/subsidies/aanvraag/{concept.pk}/change/"
    response = admin_client.post(url, {**_formulier(admin_client, url), "titel": "Nieuwe titel"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Aanvraag.objects.get(pk=concept.pk).titel == "Nieuwe titel"


@pytest.mark.parametrize("soort", ["kosten", "dekking"])
def test_the_database_refuses_a_negative_budget_line(concept, soort):
    with pytest.raises(IntegrityError):
        Begrotingsregel.objects.create(aanvraag=concept, soort=soort, omschrijving="Korting", bedrag=Decimal("-100"))


def test_a_period_in_9999_is_refused_by_full_clean(concept):
    concept.periode_tot = dt.date(9999, 12, 31)
    with pytest.raises(Exception) as info:
        concept.full_clean(exclude=["status"])  # only a transition sets the status
    assert "periode_tot" in info.value.message_dict


def test_a_too_long_reason_is_refused_by_the_engine(geweigerd, concept, aanvrager):
    with geweigerd(InvalidInput, "reden_te_lang"):
        perform(concept, "intrekken", aanvrager, reden="x" * 5_001)


def test_what_a_transition_writes_obeys_the_models_bounds(geweigerd, vandaag, aanvrager, behandelaar, beslisser):
    """A werkplan of 20,001 characters is refused by the transition itself (the engine checks what it changed),
    whichever door called it."""
    vandaag(dt.date(2026, 2, 2))
    regeling = meerjarige_regeling(2027, 3)
    aanvraag = meerjarige_aanvraag(regeling, {2027: Decimal("50000"), 2028: Decimal("50000"), 2029: Decimal("50000")})
    aanvraag.organisatie.leden.add(aanvrager)
    tranche = verleen_meerjarig(aanvraag, aanvrager=aanvrager, behandelaar=behandelaar,
                                beslisser=beslisser).tranches.get(boekjaar=2028)
    with geweigerd(InvalidInput) as refusal:
        perform(tranche, "werkplan_indienen", aanvrager, werkplan="x" * 20_001)
    assert refusal.value.details["velden"] == ["werkplan"]
    assert "Ten hoogste 20000 tekens" in refusal.value.nl and "At most 20000 characters" in refusal.value.en


def test_a_payment_executed_in_the_future_is_refused(geweigerd, concept, behandelaar, vandaag):
    vandaag(dt.date(2026, 2, 2))
    subsidie = breng_naar(concept, "verleend").subsidie
    subsidie = perform(subsidie, "voorschot_betalen", behandelaar, bedrag=Decimal("1000"))
    with geweigerd(InvalidInput, "datum_ongeldig"):
        perform(subsidie.betalingen.get(), "uitvoeren", behandelaar, uitgevoerd_op=dt.date(9999, 1, 1))


def test_a_notice_term_without_end_is_refused(geweigerd, vandaag, aanvrager, behandelaar, beslisser):
    vandaag(dt.date(2026, 2, 2))
    regeling = meerjarige_regeling(2027, 3)
    aanvraag = meerjarige_aanvraag(regeling, {2027: Decimal("50000"), 2028: Decimal("50000"), 2029: Decimal("50000")})
    aanvraag.organisatie.leden.add(aanvrager)
    subsidie = verleen_meerjarig(aanvraag, aanvrager=aanvrager, behandelaar=behandelaar, beslisser=beslisser)
    with geweigerd(InvalidInput, "einde_boekjaar_ongeldig"):
        perform(subsidie, "beeindigen", beslisser, reden="Beleid gewijzigd.", grond="4:51", einde_boekjaar=2999)


def test_a_regeling_maximum_above_the_cap_is_refused():
    """A beheerder cannot configure a scheme whose maximum is above what any amount field accepts."""
    regeling = PlafondFactory().regeling
    regeling.max_bedrag = Decimal("1000000000.00")
    with pytest.raises(Exception) as info:
        regeling.full_clean()
    assert "max_bedrag" in info.value.message_dict
