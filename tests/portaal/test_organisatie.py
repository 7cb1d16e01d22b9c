"""An applicant's organisation: create it, change its data (KvK and IBAN checked by the model, the IBAN change
from the trail), its board; invitations and members (services.organisaties)."""
import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from subsidies.models import Contactpersoon, Organisatie, Uitnodiging
from subsidies.services import organisaties as service
from tests.factories import AanvraagFactory, maak_gebruiker
from workflows.berichten import Bericht
from workflows.errors import NotPermitted, TransitionNotPossible

pytestmark = pytest.mark.django_db

GEGEVENS = {"naam": "Stichting Nieuw Begin", "rechtsvorm": "stichting", "kvk_nummer": "12345678",
            "iban": "NL91 ABNA 0417 1643 00", "plaats": "Groningen", "postcode": "9711 AB"}


def test_a_person_creates_an_organisation_and_becomes_its_first_member(client, aanvrager):
    client.force_login(aanvrager)
    antwoord = client.post(reverse("portaal:organisaties"), GEGEVENS)
    organisatie = Organisatie.objects.get(naam="Stichting Nieuw Begin")
    assert antwoord.url == reverse("portaal:organisatie", args=[organisatie.pk])
    assert list(organisatie.leden.all()) == [aanvrager]
    assert organisatie.iban == "NL91ABNA0417164300"  # normalised by the model


def test_a_legal_person_without_kvk_gets_the_error_beside_the_field_and_nothing_is_made(client, aanvrager):
    client.force_login(aanvrager)
    antwoord = client.post(reverse("portaal:organisaties"), {**GEGEVENS, "kvk_nummer": ""})
    assert antwoord.status_code == 400
    assert antwoord.context["form"].errors["kvk_nummer"] == [
        "Een rechtspersoon staat ingeschreven bij de KvK: vul het KvK-nummer in."]
    assert not Organisatie.objects.exists()


def test_an_initiatiefgroep_needs_no_kvk(client, aanvrager):
    client.force_login(aanvrager)
    client.post(reverse("portaal:organisaties"), {**GEGEVENS, "rechtsvorm": "initiatiefgroep", "kvk_nummer": ""})
    assert Organisatie.objects.get().is_initiatiefgroep


def test_a_wrong_iban_is_refused_beside_the_field_in_the_pages_language(client, organisatie, aanvrager):
    client.force_login(aanvrager)
    url = reverse("portaal:organisatie", args=[organisatie.pk])
    data = {**GEGEVENS, "naam": organisatie.naam, "kvk_nummer": organisatie.kvk_nummer, "iban": "NL00ABNA0000000000"}
    antwoord = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert antwoord.status_code == 400
    assert antwoord.context["form"].errors["iban"][0].startswith("This IBAN is not valid")
    organisatie.refresh_from_db()
    assert organisatie.iban == "NL91ABNA0417164300"


def test_a_member_changes_the_iban_and_the_page_says_when_and_by_whom(client, organisatie, aanvrager):
    aanvrager.first_name, aanvrager.last_name = "Anouk", "Bakker"
    aanvrager.save()
    client.force_login(aanvrager)
    url = reverse("portaal:organisatie", args=[organisatie.pk])
    data = {**GEGEVENS, "naam": organisatie.naam, "kvk_nummer": organisatie.kvk_nummer, "iban": "NL20INGB0001234567"}
    assert client.post(url, data).status_code == 302
    organisatie.refresh_from_db()
    assert organisatie.iban == "NL20INGB0001234567"
    pagina = client.get(url).content.decode()
    assert "Laatst gewijzigd op" in pagina and "door Anouk Bakker" in pagina


def test_an_iban_changed_by_staff_shows_as_the_municipality(client, organisatie, aanvrager, behandelaar):
    from workflows.context import acting_as

    with acting_as(behandelaar):
        organisatie.iban = "NL20INGB0001234567"
        organisatie.save()
    client.force_login(aanvrager)
    pagina = client.get(reverse("portaal:organisatie", args=[organisatie.pk])).content.decode()
    assert "door de gemeente" in pagina and behandelaar.username not in pagina


def test_board_members_are_added_and_removed(client, organisatie, aanvrager):
    client.force_login(aanvrager)
    url = reverse("portaal:organisatie", args=[organisatie.pk])
    client.post(url, {"formulier": "contactpersoon", "contact-naam": "Gerda Wiersma", "contact-functie": "voorzitter",
                      "contact-email": "gerda@example.org"})
    persoon = Contactpersoon.objects.get(organisatie=organisatie)
    assert "Gerda Wiersma" in client.get(url).content.decode()
    client.post(url, {"formulier": "contactpersoon_verwijderen", "contactpersoon": persoon.pk})
    assert not Contactpersoon.objects.filter(organisatie=organisatie).exists()


def test_a_board_member_without_email_is_refused_beside_the_field(client, organisatie, aanvrager):
    client.force_login(aanvrager)
    antwoord = client.post(reverse("portaal:organisatie", args=[organisatie.pk]),
                           {"formulier": "contactpersoon", "contact-naam": "Gerda"})
    assert antwoord.status_code == 400 and "email" in antwoord.context["contactform"].errors


def test_a_person_in_several_organisations_chooses_among_them(client, aanvrager, organisatie):
    from tests.factories import OrganisatieFactory

    tweede = OrganisatieFactory(leden=[aanvrager], naam="Vereniging Twee")
    client.force_login(aanvrager)
    pagina = client.get(reverse("portaal:organisaties")).content.decode()
    for org in (organisatie, tweede):
        assert reverse("portaal:organisatie", args=[org.pk]) in pagina


# --- invitations -------------------------------------------------------------------------------------------
def _nodig_uit(client, organisatie, email="nieuw@example.org") -> str:
    """Invite through the page; return the accept link from the mail in the outbox."""
    client.post(reverse("portaal:organisatie_leden", args=[organisatie.pk]),
                {"formulier": "uitnodigen", "email": email})
    tekst = Bericht.objects.get(aan=email).tekst
    return re.search(r"https?://\S+/portaal/uitnodiging/\S+", tekst).group()


def test_an_invited_person_with_any_account_accepts_and_sees_the_same_requests(client, organisatie, aanvrager):
    aanvraag = AanvraagFactory(organisatie=organisatie, titel="Gezamenlijke aanvraag")
    client.force_login(aanvrager)
    link = _nodig_uit(client, organisatie)
    uitnodiging = Uitnodiging.objects.get()
    assert link.split("/uitnodiging/")[1].rstrip("/") not in uitnodiging.token_hash  # only the hash is kept

    nieuw = maak_gebruiker("aanvrager", username="nieuw", email="ander-adres@example.org")
    client.force_login(nieuw)
    assert "Uitnodiging accepteren" in client.get(link).content.decode()
    antwoord = client.post(link)
    assert antwoord.url == reverse("portaal:organisatie", args=[organisatie.pk])
    assert organisatie.leden.filter(pk=nieuw.pk).exists()
    assert client.get(reverse("portaal:aanvraag", args=[aanvraag.pk])).status_code == 200
    assert client.post(link).status_code == 410  # once only


def test_an_expired_invitation_is_refused_with_a_clear_page(client, organisatie, aanvrager, time_machine):
    client.force_login(aanvrager)
    link = _nodig_uit(client, organisatie)
    time_machine.move_to(timezone.now() + dt.timedelta(days=15))
    nieuw = maak_gebruiker("aanvrager", username="te-laat")
    client.force_login(nieuw)
    antwoord = client.post(link)
    assert antwoord.status_code == 410 and "verlopen" in antwoord.content.decode()
    assert not organisatie.leden.filter(pk=nieuw.pk).exists()


def test_a_revoked_invitation_does_nothing_for_a_stranger(client, organisatie, aanvrager):
    client.force_login(aanvrager)
    link = _nodig_uit(client, organisatie)
    uitnodiging = Uitnodiging.objects.get()
    client.post(reverse("portaal:organisatie_leden", args=[organisatie.pk]),
                {"formulier": "intrekken", "uitnodiging": uitnodiging.pk})
    assert Uitnodiging.objects.get().ingetrokken_op is not None
    vreemde = maak_gebruiker("aanvrager", username="vreemde")
    client.force_login(vreemde)
    for antwoord in (client.get(link), client.post(link)):
        assert antwoord.status_code == 410 and "ingetrokken" in antwoord.content.decode()
        assert organisatie.naam not in antwoord.content.decode()
    assert not organisatie.leden.filter(pk=vreemde.pk).exists()


def test_an_unknown_token_answers_404(client, aanvrager):
    client.force_login(aanvrager)
    assert client.post(reverse("portaal:uitnodiging", args=["verzonnen"])).status_code == 404


def test_only_a_member_invites(organisatie, db):
    buitenstaander = maak_gebruiker("aanvrager", username="buiten")
    with pytest.raises(NotPermitted):
        service.uitnodigen(organisatie, "x@example.org", buitenstaander, link=str)
    assert not Uitnodiging.objects.exists() and not Bericht.objects.exists()


def test_a_member_removes_another_and_the_last_member_cannot_leave(client, organisatie, aanvrager):
    tweede = maak_gebruiker("aanvrager", username="tweede")
    organisatie.leden.add(tweede)
    client.force_login(aanvrager)
    url = reverse("portaal:organisatie_leden", args=[organisatie.pk])
    client.post(url, {"formulier": "verwijderen", "lid": tweede.pk})
    assert list(organisatie.leden.all()) == [aanvrager]
    antwoord = client.post(url, {"formulier": "verwijderen", "lid": aanvrager.pk})
    assert antwoord.status_code == 409 and "laatste lid" in antwoord.content.decode()
    assert list(organisatie.leden.all()) == [aanvrager]
    with pytest.raises(TransitionNotPossible):
        service.lid_verwijderen(organisatie, aanvrager, aanvrager)


def test_a_member_leaves_and_no_longer_sees_the_organisation(client, organisatie, aanvrager):
    tweede = maak_gebruiker("aanvrager", username="tweede")
    organisatie.leden.add(tweede)
    client.force_login(tweede)
    antwoord = client.post(reverse("portaal:organisatie_leden", args=[organisatie.pk]),
                           {"formulier": "verwijderen", "lid": tweede.pk})
    assert antwoord.url == reverse("portaal:organisaties")
    assert client.get(reverse("portaal:organisatie", args=[organisatie.pk])).status_code == 404


def test_the_organisation_pages_stay_within_20_queries(client, organisatie, aanvrager, django_assert_max_num_queries):
    """With several members, board members, invitations and a changed IBAN."""
    from tests.factories import OrganisatieFactory

    for n in range(4):
        organisatie.leden.add(maak_gebruiker("aanvrager", username=f"lid-{n}"))
        Contactpersoon.objects.create(organisatie=organisatie, naam=f"Bestuurslid {n}", email=f"b{n}@example.org")
        service.uitnodigen(organisatie, f"nieuw{n}@example.org", aanvrager, link=str)
        OrganisatieFactory(leden=[aanvrager])
    client.force_login(aanvrager)
    data = {**GEGEVENS, "naam": organisatie.naam, "kvk_nummer": organisatie.kvk_nummer, "iban": "NL20INGB0001234567"}
    client.post(reverse("portaal:organisatie", args=[organisatie.pk]), data)
    for url in (reverse("portaal:organisaties"), reverse("portaal:organisatie", args=[organisatie.pk]),
                reverse("portaal:organisatie_leden", args=[organisatie.pk])):
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200


def test_the_trail_records_the_invitation_and_the_new_member_but_not_the_token(organisatie, aanvrager):
    from django.contrib.contenttypes.models import ContentType

    from workflows.models import AuditRecord

    tokens = []
    uitnodiging = service.uitnodigen(organisatie, "Nieuw@Example.org", aanvrager,
                                     link=lambda token: tokens.append(token) or f"https://x/{token}/")
    assert uitnodiging.email == "Nieuw@example.org"  # the domain normalised by the model
    assert f"https://x/{tokens[0]}/" in Bericht.objects.get(aan="nieuw@example.org").tekst
    nieuw = maak_gebruiker("aanvrager", username="nieuw")
    assert service.accepteren(tokens[0], nieuw) == organisatie
    records = AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(Uitnodiging))
    assert [r.actie for r in records] == ["aangemaakt", "gewijzigd"]
    assert all(tokens[0] not in str(r.wijzigingen) and uitnodiging.token_hash not in str(r.wijzigingen)
               for r in records)
    lid_erbij = AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(Organisatie),
                                           object_id=str(organisatie.pk)).last()
    assert lid_erbij.wijzigingen == {"leden": {"toegevoegd": [nieuw.pk]}} and lid_erbij.actor_id == nieuw.pk


def test_the_admin_shows_an_organisations_invitations_read_only(admin_client, organisatie, aanvrager):
    service.uitnodigen(organisatie, "gast@example.org", aanvrager, link=str)
    antwoord = admin_client.get(reverse("admin:subsidies_organisatie_change", args=[organisatie.pk]))
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    assert "gast@example.org" in pagina and 'name="uitnodigingen-0-email"' not in pagina


def test_a_kvk_number_already_registered_is_refused_beside_the_field_with_a_way_in(client, aanvrager):
    from tests.factories import OrganisatieFactory

    OrganisatieFactory(kvk_nummer="12345678")
    client.force_login(aanvrager)
    antwoord = client.post(reverse("portaal:organisaties"), GEGEVENS, HTTP_ACCEPT_LANGUAGE="en")
    assert antwoord.status_code == 400
    assert antwoord.context["form"].errors["kvk_nummer"] == [
        "An organisation with this KvK number already exists. Ask one of its members to invite you."]
    assert Organisatie.objects.count() == 1
