"""Advice during review: asked of the wijk's bewonersorganisatie (convenant) or the gebiedsteam, with a deadline;
the advice and its date join the file. gevraagd → uitgebracht | verlopen | ingetrokken, all through perform()."""
import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from initiatieven.models import Adviesaanvraag
from initiatieven.services.advies import mogelijke_adviseurs, vraag_advies
from subsidies.models import Belangenverklaring, Rechtsvorm
from subsidies.rollen import Rol, systeemgebruiker
from tests.api import client_for
from tests.factories import OrganisatieFactory, WijkFactory, breng_naar, maak_gebruiker
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.models import AuditRecord
from workflows.transitions import perform

from .factories import AdviesaanvraagFactory, GebiedsteamFactory, bewonersinitiatief

pytestmark = pytest.mark.django_db
VRAAG = "Is dit plan in de wijk besproken, en past het bij de wijkagenda?"


@pytest.fixture
def dag(vandaag):
    vandaag(dt.date(2026, 3, 2))
    return dt.date(2026, 3, 2)


@pytest.fixture
def in_behandeling(dag, regeling, groep, aanvrager, behandelaar):
    """A bewonersinitiatief in Beijum that the behandelaar has taken; its decision is due on 16 March."""
    return breng_naar(bewonersinitiatief(regeling, groep, wijk=groep.wijk), "in_behandeling", aanvrager=aanvrager,
                      behandelaar=behandelaar)


@pytest.fixture
def gebiedsteam(oost):
    return GebiedsteamFactory(gebied=oost, naam="Gebiedsteam Oost")


def vraag(aanvraag, user, **kwargs):
    return vraag_advies(aanvraag, user, vraag=VRAAG, termijn_tot=kwargs.pop("termijn_tot", dt.date(2026, 3, 9)),
                        **kwargs)


def test_the_behandelaar_asks_the_wijks_bewonersorganisatie_and_a_member_gives_the_advice(
        in_behandeling, bo_beijum, behandelaar):
    adviesaanvraag = vraag(in_behandeling, behandelaar, adviseur=bo_beijum)
    assert (adviesaanvraag.status, adviesaanvraag.gevraagd_op, adviesaanvraag.gevraagd_door) == (
        "gevraagd", dt.date(2026, 3, 2), behandelaar)

    lid = bo_beijum.leden.get()
    adviesaanvraag = perform(adviesaanvraag, "uitbrengen", lid, advies="Positief: de buurt heeft erom gevraagd.")

    assert adviesaanvraag.status == "uitgebracht"
    assert (adviesaanvraag.advies, adviesaanvraag.uitgebracht_op, adviesaanvraag.uitgebracht_door) == (
        "Positief: de buurt heeft erom gevraagd.", dt.date(2026, 3, 2), lid)
    trail = AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(Adviesaanvraag),
                                       object_id=str(adviesaanvraag.pk)).order_by("volgnummer")
    assert [(r.actie, r.naar_status, r.actor) for r in trail] == [
        ("aangemaakt", "", behandelaar), ("overgang", "uitgebracht", lid)]


def test_the_advice_is_part_of_the_file_the_behandelaar_reads(in_behandeling, bo_beijum, behandelaar):
    perform(vraag(in_behandeling, behandelaar, adviseur=bo_beijum), "uitbrengen", bo_beijum.leden.get(),
            advies="Positief.")
    body = client_for(behandelaar).get("/api/initiatieven/", {"aanvraag": in_behandeling.pk}).json()
    [advies] = body["results"][0]["adviesaanvragen"]
    assert (advies["adviseur_naam"], advies["status"], advies["advies"], advies["uitgebracht_op"]) == (
        "Bewonersorganisatie Beijum", "uitgebracht", "Positief.", "2026-03-02")


def test_the_behandelaar_registers_the_gebiedsteams_advice_with_the_day_it_came_in(in_behandeling, gebiedsteam,
                                                                                  behandelaar, vandaag):
    adviesaanvraag = vraag(in_behandeling, behandelaar, gebiedsteam=gebiedsteam)
    vandaag(dt.date(2026, 3, 6))
    adviesaanvraag = perform(adviesaanvraag, "uitbrengen", behandelaar, advies="Sluit aan bij het buurtplan.",
                             ontvangen_op=dt.date(2026, 3, 4))
    assert (adviesaanvraag.status, adviesaanvraag.uitgebracht_op) == ("uitgebracht", dt.date(2026, 3, 4))


def test_who_can_be_asked(in_behandeling, bo_beijum, gebiedsteam, groep, oost):
    OrganisatieFactory(naam="Bewonersorganisatie Lewenborg", gebied=oost,
                       wijk=WijkFactory(gebied=oost, naam="Lewenborg"))
    organisaties, team = mogelijke_adviseurs(in_behandeling)
    assert (organisaties, team) == ([bo_beijum], gebiedsteam)


def test_an_applicant_that_is_itself_the_bewonersorganisatie_is_not_asked_about_its_own_plan(
        in_behandeling, bewonersorganisaties, groep):
    groep.naam = "Bewonersorganisatie Beijum-Noord"  # the provider would name it
    groep.save()
    assert mogelijke_adviseurs(in_behandeling)[0] == []


@pytest.mark.parametrize("wie", ["ander_wijk", "gebiedsteam_elders", "beide", "geen"])
def test_only_the_wijks_bewonersorganisatie_or_the_gebieds_team_can_be_asked(in_behandeling, bo_beijum, gebiedsteam,
                                                                            behandelaar, west, geweigerd, wie):
    elders = OrganisatieFactory(naam="Bewonersorganisatie Selwerd", rechtsvorm=Rechtsvorm.VERENIGING, gebied=west,
                                wijk=WijkFactory(gebied=west, naam="Selwerd"))
    kwargs = {"ander_wijk": {"adviseur": elders},
              "gebiedsteam_elders": {"gebiedsteam": GebiedsteamFactory(gebied=west)},
              "beide": {"adviseur": bo_beijum, "gebiedsteam": gebiedsteam}, "geen": {}}[wie]
    with geweigerd(InvalidInput, "adviseur_ongeldig"):
        vraag(in_behandeling, behandelaar, **kwargs)


def test_the_deadline_falls_after_today_and_no_later_than_the_decision_date(in_behandeling, gebiedsteam, behandelaar,
                                                                           geweigerd):
    assert in_behandeling.uiterste_beslisdatum == dt.date(2026, 3, 16)
    assert vraag(in_behandeling, behandelaar, gebiedsteam=gebiedsteam, termijn_tot=dt.date(2026, 3, 16))
    for termijn in (dt.date(2026, 3, 2), dt.date(2026, 3, 17)):
        with geweigerd(InvalidInput, "termijn_ongeldig"):
            vraag(in_behandeling, behandelaar, gebiedsteam=gebiedsteam, termijn_tot=termijn)


def test_one_open_question_per_adviser(in_behandeling, gebiedsteam, behandelaar, geweigerd):
    eerste = vraag(in_behandeling, behandelaar, gebiedsteam=gebiedsteam)
    with geweigerd(TransitionNotPossible, "advies_al_gevraagd"):
        vraag(in_behandeling, behandelaar, gebiedsteam=gebiedsteam)
    perform(eerste, "intrekken", behandelaar, reden="Vraag was onduidelijk.")
    assert vraag(in_behandeling, behandelaar, gebiedsteam=gebiedsteam).status == "gevraagd"


@pytest.mark.parametrize("status", ["concept", "ingediend", "besluit_voorgesteld"])
def test_advice_is_asked_during_review_only(dag, regeling, groep, gebiedsteam, behandelaar, geweigerd, status):
    aanvraag = bewonersinitiatief(regeling, groep)
    if status != "concept":
        aanvraag = breng_naar(aanvraag, status)
    with geweigerd(TransitionNotPossible, "advies_niet_in_deze_fase"):
        vraag(aanvraag, behandelaar, gebiedsteam=gebiedsteam)


def test_an_applicant_or_a_tied_behandelaar_does_not_ask(in_behandeling, gebiedsteam, aanvrager, groep, geweigerd):
    gebonden = maak_gebruiker(Rol.BEHANDELAAR, username="gebonden")
    Belangenverklaring.objects.create(medewerker=gebonden, organisatie=groep, toelichting="Buurvrouw van de trekker")
    for user in (aanvrager, gebonden):
        with geweigerd(NotPermitted):
            vraag(in_behandeling, user, gebiedsteam=gebiedsteam)


def test_only_a_member_of_the_adviser_or_the_behandelaar_gives_the_advice(in_behandeling, bo_beijum, behandelaar,
                                                                         aanvrager, geweigerd):
    adviesaanvraag = vraag(in_behandeling, behandelaar, adviseur=bo_beijum)
    for user in (aanvrager, maak_gebruiker(Rol.AUDITOR)):
        with geweigerd(NotPermitted):
            perform(adviesaanvraag, "uitbrengen", user, advies="Ik vind het goed.")
    with geweigerd(NotPermitted):  # a member gives advice today; only staff register another day
        perform(adviesaanvraag, "uitbrengen", bo_beijum.leden.get(), advies="Positief.",
                ontvangen_op=dt.date(2026, 3, 1))
    with geweigerd(InvalidInput, "advies_leeg"):
        perform(adviesaanvraag, "uitbrengen", bo_beijum.leden.get(), advies="  ")
    with geweigerd(InvalidInput, "datum_ongeldig"):
        perform(adviesaanvraag, "uitbrengen", behandelaar, advies="Positief.", ontvangen_op=dt.date(2026, 2, 27))


def test_past_its_deadline_an_unanswered_request_can_be_marked_verlopen(in_behandeling, gebiedsteam, behandelaar,
                                                                       vandaag, geweigerd):
    adviesaanvraag = vraag(in_behandeling, behandelaar, gebiedsteam=gebiedsteam, termijn_tot=dt.date(2026, 3, 9))
    vandaag(dt.date(2026, 3, 9))
    with geweigerd(TransitionNotPossible, "adviestermijn_loopt"):
        perform(adviesaanvraag, "verlopen", behandelaar)

    vandaag(dt.date(2026, 3, 10))
    adviesaanvraag = perform(adviesaanvraag, "verlopen", systeemgebruiker())
    assert adviesaanvraag.status == "verlopen"
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        perform(adviesaanvraag, "uitbrengen", behandelaar, advies="Te laat.")


def test_late_advice_still_counts_while_nobody_closed_the_question(in_behandeling, bo_beijum, behandelaar, vandaag):
    adviesaanvraag = vraag(in_behandeling, behandelaar, adviseur=bo_beijum, termijn_tot=dt.date(2026, 3, 9))
    vandaag(dt.date(2026, 3, 11))
    assert perform(adviesaanvraag, "uitbrengen", bo_beijum.leden.get(), advies="Positief.").status == "uitgebracht"


def test_withdrawing_a_question_needs_the_reason(in_behandeling, gebiedsteam, behandelaar, geweigerd):
    adviesaanvraag = vraag(in_behandeling, behandelaar, gebiedsteam=gebiedsteam)
    with geweigerd(InvalidInput, "reden_verplicht"):
        perform(adviesaanvraag, "intrekken", behandelaar)
    with geweigerd(NotPermitted):
        perform(adviesaanvraag, "intrekken", in_behandeling.organisatie.leden.first(), reden="Niet nodig")
    adviesaanvraag = perform(adviesaanvraag, "intrekken", behandelaar, reden="De aanvraag is ingetrokken.")
    assert adviesaanvraag.status == "ingetrokken"


def test_the_factory_builds_an_open_question_to_the_gebiedsteam(dag):
    adviesaanvraag = AdviesaanvraagFactory()
    assert adviesaanvraag.status == "gevraagd" and adviesaanvraag.gebiedsteam is not None
    assert adviesaanvraag.adviseur_naam == adviesaanvraag.gebiedsteam.naam


# --- what the adviser is told (issue 9, finding 5) and its deadline on a working day (finding 10e) --------------
def test_the_adviser_is_asked_by_message_with_the_question_and_the_deadline(in_behandeling, bo_beijum, behandelaar):
    from workflows.models import Bericht

    adviesaanvraag = vraag(in_behandeling, behandelaar, adviseur=bo_beijum, termijn_tot=dt.date(2026, 3, 7))
    assert adviesaanvraag.termijn_tot == dt.date(2026, 3, 9)  # Saturday 7 March: the next working day
    berichten = Bericht.objects.filter(sleutel__startswith=f"advies-{adviesaanvraag.pk}:")
    assert {b.aan for b in berichten} == {lid.email for lid in bo_beijum.leden.all()}
    tekst = berichten.first().tekst
    assert VRAAG in tekst and "uiterlijk 09-03-2026" in tekst and in_behandeling.titel in tekst


def test_the_gebiedsteam_is_asked_at_its_own_address(in_behandeling, gebiedsteam, behandelaar):
    from workflows.models import Bericht

    adviesaanvraag = vraag(in_behandeling, behandelaar, gebiedsteam=gebiedsteam)
    assert [b.aan for b in Bericht.objects.filter(sleutel__startswith=f"advies-{adviesaanvraag.pk}:")] == [
        gebiedsteam.email]
