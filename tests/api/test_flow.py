"""One complete one-off request, from a new organisation to the closed subsidy, through the API only.

This is what a portal and a workbench do together; the auditor then reads the whole story back from the trail.
"""
import datetime as dt
from decimal import Decimal

from django.utils import timezone

from subsidies.models import Budget
from subsidies.rollen import Rol
from tests.api import assert_error, client_for
from tests.factories import PlafondFactory, UserFactory

TRANSITIONS = [
    ("indienen", "concept", "ingediend", "aanvrager"),
    ("in_behandeling_nemen", "ingediend", "in_behandeling", "behandelaar"),
    ("aanvulling_vragen", "in_behandeling", "aanvulling_gevraagd", "behandelaar"),
    ("aanvulling_ontvangen", "aanvulling_gevraagd", "in_behandeling", "aanvrager"),
    ("volledig_verklaren", "in_behandeling", "in_beoordeling", "behandelaar"),
    ("besluit_voorstellen", "in_beoordeling", "besluit_voorgesteld", "behandelaar"),
    ("verlenen", "besluit_voorgesteld", "verleend", "beslisser"),
]


def _act(client, resource: str, pk: int, actie: str, **data):
    response = client.post(f"/api/{resource}/{pk}/acties/{actie}/", data, format="json",
                           HTTP_X_REQUEST_ID=f"flow-{actie}")
    assert response.status_code == 200, (actie, response.content)
    return response.json()


def test_one_off_request_from_application_to_settlement(db):
    jaar = timezone.localdate().year
    regeling = PlafondFactory(regeling__vier_ogen_drempel=Decimal("25000.00")).regeling
    budget = Budget.objects.get(begrotingspost=regeling.begrotingspost, fondsbron=regeling.fondsbron, boekjaar=jaar)
    people = {
        "aanvrager": UserFactory(username="fatima", first_name="Fatima", last_name="El Amrani", rollen=[Rol.AANVRAGER]),
        # the proposer holds a decision mandate too: four eyes still means someone else decides
        "behandelaar": UserFactory(username="joost", first_name="Joost", last_name="Bakker",
                                   rollen=[Rol.BEHANDELAAR, Rol.BESLISSER]),
        "beslisser": UserFactory(username="ingrid", first_name="Ingrid", last_name="Smit", rollen=[Rol.BESLISSER]),
        "auditor": UserFactory(username="rekenkamer", rollen=[Rol.AUDITOR]),
    }
    aanvrager, behandelaar, beslisser, auditor = (client_for(people[r]) for r in
                                                  ("aanvrager", "behandelaar", "beslisser", "auditor"))

    # The applicant registers their organisation; a wrong IBAN or KvK number is explained in both languages.
    organisatie = {"naam": "Stichting Buurtkracht Beijum", "rechtsvorm": "stichting", "kvk_nummer": "4123",
                   "iban": "NL91ABNA0417164301", "postcode": "9737 AB"}
    fouten = assert_error(aanvrager.post("/api/organisaties/", organisatie, format="json"), 400)["details"]
    assert "8 cijfers" in fouten["kvk_nummer"][0] and "8 digits" in fouten["kvk_nummer"][0]
    assert "Controleer het rekeningnummer" in fouten["iban"][0] and "not valid" in fouten["iban"][0]
    response = aanvrager.post("/api/organisaties/", {**organisatie, "kvk_nummer": "41234567",
                                                     "iban": "nl91 abna 0417 1643 00"}, format="json")
    assert response.status_code == 201, response.content
    org = response.json()
    assert org["iban"] == "NL91ABNA0417164300"

    # The scheme is public; the applicant drafts a request with a budget, then submits it.
    assert regeling.code in [r["code"] for r in client_for().get("/api/regelingen/").json()["results"]]
    response = aanvrager.post("/api/aanvragen/", {
        "regeling": regeling.pk, "organisatie": org["id"], "titel": "Samen koken in Beijum",
        "omschrijving": "Wekelijks samen koken en eten met buurtbewoners die alleen wonen.",
        "gevraagd_bedrag": "35000.00", "periode_van": f"{jaar}-01-01", "periode_tot": f"{jaar}-12-31",
        "begroting": [{"soort": "kosten", "omschrijving": "Huur keuken", "bedrag": "28000.00"},
                      {"soort": "kosten", "omschrijving": "Boodschappen", "bedrag": "12000.00"},
                      {"soort": "dekking", "omschrijving": "Eigen bijdrage deelnemers", "bedrag": "5000.00"}],
    }, format="json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert len(response.json()["begroting"]) == 3
    ingediend = _act(aanvrager, "aanvragen", pk, "indienen")
    assert ingediend["publieke_status"] == {"nl": "Ontvangen", "en": "Received"}
    assert ingediend["uiterste_beslisdatum"]

    # The officer takes it from the queue, asks for more, the applicant answers, the officer proposes to award.
    queue = behandelaar.get("/api/aanvragen/", {"status": "ingediend", "zonder_behandelaar": "true"}).json()
    assert [row["id"] for row in queue["results"]] == [pk]
    _act(behandelaar, "aanvragen", pk, "in_behandeling_nemen")
    termijn = timezone.localdate() + dt.timedelta(days=14)
    _act(behandelaar, "aanvragen", pk, "aanvulling_vragen", reden="Stuur de offerte van de keuken mee.",
         termijn_tot=termijn.isoformat())
    _act(aanvrager, "aanvragen", pk, "aanvulling_ontvangen", reden="Offerte bijgevoegd.")
    _act(behandelaar, "aanvragen", pk, "volledig_verklaren")
    voorstel = _act(behandelaar, "aanvragen", pk, "besluit_voorstellen", uitkomst="verlenen", bedrag="30000.00",
                    reden="Past binnen de regeling; boodschappen deels eigen bijdrage.")
    assert voorstel["voorstel_bedrag"] == "30000.00"

    # Above the four-eyes threshold the proposer cannot decide, even with a mandate; another beslisser does.
    assert_error(behandelaar.post(f"/api/aanvragen/{pk}/acties/verlenen/", {}, format="json"), 403, "vier_ogen")
    assert _act(beslisser, "aanvragen", pk, "verlenen")["status"] == "verleend"
    beschikkingen = aanvrager.get("/api/beschikkingen/", {"aanvraag": pk}).json()["results"]
    assert [(b["soort"], b["bedrag"]) for b in beschikkingen] == [("verlening", "30000.00")]

    # The subsidy: advance, report, settled lower than granted, the overpayment is recovered.
    subsidie = aanvrager.get("/api/subsidies/", {"aanvraag": pk}).json()["results"][0]
    assert (subsidie["verleend_bedrag"], subsidie["verantwoordingsniveau"]) == ("30000.00", "activiteitenverslag")
    sid = subsidie["id"]
    _act(behandelaar, "subsidies", sid, "voorschot_betalen", bedrag="24000.00")
    voorschot = behandelaar.get("/api/betalingen/", {"subsidie": sid}).json()["results"][0]
    _act(behandelaar, "betalingen", voorschot["id"], "uitvoeren")
    uiterlijk = timezone.localdate() + dt.timedelta(days=60)
    _act(behandelaar, "subsidies", sid, "verantwoording_vragen", uiterlijk=uiterlijk.isoformat())
    _act(aanvrager, "subsidies", sid, "verantwoording_indienen", activiteitenverslag="48 kookavonden, 30 vaste gasten.",
         werkelijke_kosten="20000.00")
    vastgesteld = _act(behandelaar, "subsidies", sid, "vaststellen", bedrag="20000.00",
                       reden="Minder avonden gehouden dan begroot (Awb 4:46 lid 2).")
    assert (vastgesteld["status"], vastgesteld["vastgesteld_bedrag"]) == ("vastgesteld", "20000.00")
    terug = [b for b in vastgesteld["betalingen"] if b["soort"] == "terugvordering"]
    assert [(b["bedrag"], b["status"]) for b in terug] == [("4000.00", "gepland")]
    assert_error(behandelaar.post(f"/api/subsidies/{sid}/acties/afsluiten/", {}, format="json"), 409, "saldo_open")
    _act(behandelaar, "betalingen", terug[0]["id"], "uitvoeren")
    assert _act(behandelaar, "subsidies", sid, "afsluiten")["status"] == "afgesloten"

    # The ledger adds up: the settled amount is committed, what was paid minus recovered equals it.
    rows = {row["id"]: row for row in auditor.get("/api/begroting/", {"boekjaar": jaar}).json()}
    regel = {k: Decimal(v) if k not in ("id", "begrotingspost", "boekjaar", "fondsbron", "gebied") else v
             for k, v in rows[budget.pk].items()}
    assert regel["budget"] == Decimal("1000000.00")
    assert (regel["verplicht"], regel["vastgesteld"]) == (Decimal("20000.00"), Decimal("20000.00"))
    assert (regel["betaald"], regel["teruggevorderd"]) == (Decimal("24000.00"), Decimal("4000.00"))
    assert regel["betaald"] - regel["teruggevorderd"] == regel["vastgesteld"]
    for row in rows.values():
        assert Decimal(row["vrij"]) + Decimal(row["verplicht"]) == Decimal(row["budget"])

    # The auditor reads the request's trail: every transition in order, by name, with the request id it came in on.
    trail = auditor.get("/api/audittrail/", {"object_type": "subsidies.aanvraag", "object_id": pk,
                                             "actie": "overgang"}).json()["results"]
    assert [(r["handeling"], r["van_status"], r["naar_status"]) for r in trail] == [t[:3] for t in TRANSITIONS]
    names = {"aanvrager": "fatima (Fatima El Amrani)", "behandelaar": "joost (Joost Bakker)",
             "beslisser": "ingrid (Ingrid Smit)"}
    assert [r["actor_weergave"] for r in trail] == [names[t[3]] for t in TRANSITIONS]
    assert [r["request_id"] for r in trail] == [f"flow-{t[0]}" for t in TRANSITIONS]
    assert [r["volgnummer"] for r in trail] == sorted(r["volgnummer"] for r in trail)
    assert trail[2]["toelichting"] == "Stuur de offerte van de keuken mee."
