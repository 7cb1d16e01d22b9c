"""Beheer changes only what may still change: each gap found in the admin, tried through the door where it was found.

The rule lives in the models (workflows.lifecycle: Lifecycle.wijzigbaar, Onderdeel, vaste_velden), so the API and
jobs obey it too; the admin shows what is fixed read-only and answers a refused save with the reason, not a 500.
"""
import datetime as dt
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from accommodaties.models import Accommodatiegegevens
from initiatieven.models import Doel
from subsidies.models import Begrotingsregel, Budget, Document, Jaarbedrag, Plafond
from tests import doors
from tests.accommodaties.factories import AccommodatieFactory, OnderhoudspostFactory
from tests.conftest import database_state, in_beheer
from tests.factories import AanvraagFactory, breng_naar
from tests.initiatieven.factories import InitiatiefFactory
from workflows.errors import TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import perform

BEDRAG = Decimal("12000.00")


@pytest.fixture
def beheer(client, beheerder):
    return in_beheer(client, beheerder)


@pytest.fixture
def verleend(concept, actoren):
    return breng_naar(concept, "verleend", aanvrager=actoren["aanvrager"], behandelaar=actoren["behandelaar"],
                      beslisser=actoren["beslisser"])


def wijzig(beheer, beheerder, obj, rijwaarden=doors.gewijzigd, **waarden):
    """Post the admin change form of `obj` as it stands, with `waarden` changed (and its inline rows with
    `rijwaarden(row)`)."""
    return doors.admin_post(beheer, beheerder, obj, waarden, rijwaarden)


def veld_bewerkbaar(beheer, obj, naam) -> bool:
    pagina = beheer.get(f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/")
    return naam in pagina.context["adminform"].form.fields


# --- the finding: a granted request's amount -------------------------------------------------------------------
def test_the_admin_does_not_change_the_amount_of_a_granted_request(beheer, beheerder, verleend):
    assert not veld_bewerkbaar(beheer, verleend, "gevraagd_bedrag")
    voor = database_state()

    antwoord = wijzig(beheer, beheerder, verleend, gevraagd_bedrag=Decimal("99000.00"))

    assert antwoord.status_code in (200, 302)
    verleend.refresh_from_db()
    assert verleend.gevraagd_bedrag == BEDRAG
    assert {k: v for k, v in database_state().items() if k not in doors.TECHNISCH} == {
        k: v for k, v in voor.items() if k not in doors.TECHNISCH}


def test_the_api_refuses_the_same_change(verleend, aanvrager, geweigerd):
    api = APIClient()
    api.force_authenticate(aanvrager)
    voor = database_state()

    antwoord = api.patch(f"/api/aanvragen/{verleend.pk}/", {"gevraagd_bedrag": "99000.00"}, format="json")

    assert (antwoord.status_code, antwoord.json()["code"]) == (409, "niet_meer_wijzigbaar")
    assert antwoord.json()["message"]["nl"] and antwoord.json()["message"]["en"]
    assert database_state() == voor


def test_a_draft_stays_editable_in_the_admin(beheer, beheerder, concept):
    assert veld_bewerkbaar(beheer, concept, "gevraagd_bedrag")
    wijzig(beheer, beheerder, concept, gevraagd_bedrag=Decimal("11000.00"))
    concept.refresh_from_db()
    assert concept.gevraagd_bedrag == Decimal("11000.00")


def test_the_model_itself_refuses_a_fixed_field_whoever_saves(verleend, geweigerd):
    verleend.gevraagd_bedrag = Decimal("99000.00")
    with geweigerd(TransitionNotPossible, "niet_meer_wijzigbaar") as info:
        verleend.save()
    assert info.value.details == {"velden": ["gevraagd_bedrag"]}


# --- lines of a request: asked of the request itself -----------------------------------------------------------
@pytest.mark.parametrize("maak", [
    lambda aanvraag, _: Begrotingsregel.objects.create(aanvraag=aanvraag, omschrijving="Huur", bedrag=Decimal("10")),
    lambda aanvraag, _: Jaarbedrag.objects.create(aanvraag=aanvraag, boekjaar=2031, gevraagd_bedrag=Decimal("10")),
    lambda aanvraag, _: Document.objects.create(aanvraag=aanvraag, omschrijving="Offerte", bestand="x.pdf"),
    lambda aanvraag, _: InitiatiefFactory(aanvraag=aanvraag, themas=[], dimensies=[]),
    lambda aanvraag, accommodatie: Accommodatiegegevens.objects.create(aanvraag=aanvraag, accommodatie=accommodatie),
], ids=["begrotingsregel", "jaarbedrag", "document", "initiatief", "accommodatiegegevens"])
def test_no_line_is_added_to_a_submitted_request(concept, aanvrager, maak, geweigerd):
    ingediend = breng_naar(concept, "ingediend", aanvrager=aanvrager)
    accommodatie = AccommodatieFactory()
    with geweigerd(TransitionNotPossible, "niet_meer_wijzigbaar"):
        maak(ingediend, accommodatie)


def test_lines_of_a_submitted_request_are_neither_changed_nor_removed(concept, aanvrager, geweigerd):
    regel = Begrotingsregel.objects.create(aanvraag=concept, omschrijving="Huur", bedrag=Decimal("10"))
    doel = Doel.objects.create(initiatief=InitiatiefFactory(aanvraag=concept), omschrijving="Minder eenzaamheid")
    breng_naar(concept, "ingediend", aanvrager=aanvrager)
    regel.bedrag = Decimal("20")
    with geweigerd(TransitionNotPossible, "niet_meer_wijzigbaar"):
        regel.save()
    with geweigerd(TransitionNotPossible, "niet_meer_wijzigbaar"):
        Begrotingsregel.objects.get(pk=regel.pk).delete()
    doel.omschrijving = "Iets anders"
    with geweigerd(TransitionNotPossible, "niet_meer_wijzigbaar"):
        doel.save()


def test_the_initiative_data_of_a_submitted_request_is_read_only_in_the_admin(beheer, beheerder, concept, aanvrager):
    initiatief = InitiatiefFactory(aanvraag=concept)
    breng_naar(concept, "ingediend", aanvrager=aanvrager)
    assert not veld_bewerkbaar(beheer, initiatief, "doelgroep")

    wijzig(beheer, beheerder, initiatief, doelgroep="Iedereen", verwachte_deelnemers=999)

    initiatief.refresh_from_db()
    assert (initiatief.doelgroep, initiatief.verwachte_deelnemers) == ("Ouderen in de wijk die weinig mensen zien", 30)


def test_the_admin_cannot_delete_a_submitted_request(beheer, concept, aanvrager):
    ingediend = breng_naar(concept, "ingediend", aanvrager=aanvrager)
    antwoord = beheer.post(f"/admin/subsidies/aanvraag/{ingediend.pk}/delete/", {"post": "yes"})
    assert antwoord.status_code == 403
    assert type(ingediend).objects.filter(pk=ingediend.pk).exists()


# --- configuration with legal effect ---------------------------------------------------------------------------
def test_a_budget_with_commitments_keeps_its_place_and_does_not_go_below_them(beheer, beheerder, verleend):
    budget = Budget.objects.get(verplichtingen__subsidie__aanvraag=verleend)
    assert not veld_bewerkbaar(beheer, budget, "boekjaar")
    voor = database_state()

    antwoord = wijzig(beheer, beheerder, budget, bedrag=Decimal("11999.99"), boekjaar=budget.boekjaar + 1)

    assert antwoord.status_code == 200  # the form again, with the reason
    assert "lager worden dan wat er al op is verplicht (€ 12.000,00)" in antwoord.content.decode()
    assert database_state() == voor
    wijzig(beheer, beheerder, budget, bedrag=Decimal("12000.00"))
    budget.refresh_from_db()
    assert budget.bedrag == Decimal("12000.00")  # down to what is committed is fine


def test_a_published_ceiling_is_not_lowered_below_what_it_committed_nor_moved(verleend, geweigerd):
    plafond = Plafond.objects.get(verplichtingen__subsidie__aanvraag=verleend)
    plafond.bedrag = Decimal("100.00")
    with geweigerd(TransitionNotPossible, "onder_verplicht"):
        plafond.save()
    plafond = Plafond.objects.get(pk=plafond.pk)
    plafond.boekjaar += 1
    with geweigerd(TransitionNotPossible, "niet_meer_wijzigbaar"):
        plafond.save()


def test_the_regeling_admin_shows_a_published_ceiling_read_only_and_ignores_a_posted_change(
        beheer, beheerder, verleend):
    plafond = Plafond.objects.get(verplichtingen__subsidie__aanvraag=verleend)
    regeling = plafond.regeling
    pagina = beheer.get(f"/admin/subsidies/regeling/{regeling.pk}/change/")
    [formset] = [f for f in pagina.context["inline_admin_formsets"] if f.formset.model is Plafond]
    assert formset.formset.forms[0].fields["boekjaar"].disabled

    wijzig(beheer, beheerder, regeling, rijwaarden=doors.gewijzigd)  # every field of the ceiling changed
    assert Plafond.objects.get(pk=plafond.pk).boekjaar == plafond.boekjaar
    voor = database_state()

    antwoord = wijzig(beheer, beheerder, regeling, rijwaarden=lambda rij: {"bedrag": Decimal("100.00")})

    assert "lager worden dan wat er al op is verplicht" in antwoord.content.decode()
    assert database_state() == voor


def test_an_mjop_item_a_request_was_submitted_on_stays_as_it_was_in_the_admin(beheer, beheerder, aanvrager):
    accommodatie = AccommodatieFactory()
    post = OnderhoudspostFactory(accommodatie=accommodatie)
    aanvraag = AanvraagFactory(organisatie=accommodatie.bestuur)
    Accommodatiegegevens.objects.create(aanvraag=aanvraag, accommodatie=accommodatie).onderhoudsposten.add(post)
    aanvraag.organisatie.leden.add(aanvrager)
    breng_naar(aanvraag, "ingediend", aanvrager=aanvrager)

    wijzig(beheer, beheerder, accommodatie)

    post_na = type(post).objects.get(pk=post.pk)
    assert (post_na.geraamde_kosten, post_na.jaar) == (post.geraamde_kosten, post.jaar)


# --- payments, tranches, decisions -----------------------------------------------------------------------------
def test_a_payment_made_is_fixed_and_a_planned_one_can_only_move_in_time(beheer, beheerder, verleend, behandelaar):
    subsidie = perform(verleend.subsidie, "voorschot_betalen", behandelaar, bedrag=Decimal("5000.00"))
    betaling = subsidie.betalingen.get()
    assert veld_bewerkbaar(beheer, betaling, "gepland_op") and not veld_bewerkbaar(beheer, betaling, "bedrag")
    betaling = perform(betaling, "uitvoeren", behandelaar, uitgevoerd_op=dt.date(2026, 3, 2))
    assert not veld_bewerkbaar(beheer, betaling, "uitgevoerd_op")

    wijzig(beheer, beheerder, betaling, uitgevoerd_op=dt.date(2026, 1, 1), gepland_op=dt.date(2026, 1, 1))

    betaling.refresh_from_db()
    assert betaling.uitgevoerd_op == dt.date(2026, 3, 2)


def test_a_decision_cannot_be_changed_in_the_admin(beheer, verleend):
    beschikking = verleend.beschikkingen.get()
    antwoord = beheer.post(f"/admin/subsidies/beschikking/{beschikking.pk}/change/", {"bedrag": "99000.00"})
    assert antwoord.status_code == 403


def test_a_refused_save_in_the_admin_is_a_message_not_a_500(beheer, verleend, monkeypatch):
    """A refusal the form did not see coming (here: from the save path itself) undoes the save and is shown."""
    budget = Budget.objects.get(verplichtingen__subsidie__aanvraag=verleend)
    monkeypatch.setattr(Budget, "clean", lambda self: None)  # as if only the save path knew the rule
    voor = database_state()

    antwoord = beheer.post(f"/admin/subsidies/budget/{budget.pk}/change/", {"bedrag": "1.00"}, follow=True)

    assert antwoord.status_code == 200
    assert "lager worden dan wat er al op is verplicht" in antwoord.content.decode()
    assert database_state() == voor


# --- the history is the audit trail ----------------------------------------------------------------------------
def test_the_history_page_lists_the_transitions_of_the_request(beheer, verleend):
    pagina = beheer.get(f"/admin/subsidies/aanvraag/{verleend.pk}/history/")

    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "geen wijzigingsgeschiedenis" not in tekst.lower()
    handelingen = ["indienen", "in_behandeling_nemen", "volledig_verklaren", "besluit_voorstellen", "verlenen"]
    posities = [tekst.index(f": {handeling}<") for handeling in handelingen]
    assert posities == sorted(posities), "newest last"
    assert "besluit_voorgesteld → verleend" in tekst
    records = AuditRecord.objects.filter(object_id=str(verleend.pk), object_type__model="aanvraag")
    begin = tekst.index('id="change-history"')
    tabel = tekst[begin:tekst.index("</table>", begin)]
    assert tabel.count("<tr>") - 1 == records.count() == 6  # a row per record (created, 5 transitions), and a header
