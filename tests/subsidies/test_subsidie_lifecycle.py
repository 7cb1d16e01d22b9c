"""After the award: verantwoording by tier, advances, vaststelling and what it settles, closing and withdrawal.

Amounts follow the default tiers (DESIGN §5): up to € 5,000 settled at verlening, up to € 125,000 an activity
report with costs, above that also an accountant's statement. Advances are set off against the final amount and an
overpayment is recovered (Awb 4:46, 4:48, 4:57, 4:95).
"""
import datetime as dt
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from subsidies.models import Aanvraag, Betaling, Subsidie, Verplichting
from tests.factories import breng_naar
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible
from workflows.transitions import perform

pytestmark = pytest.mark.time_machine(dt.datetime(2026, 2, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")), tick=False)

D = Decimal
UITERLIJK = date(2026, 12, 31)
VERSLAG = {"activiteitenverslag": "Veertig ontmoetingen, gemiddeld 25 bezoekers.", "werkelijke_kosten": D("19000")}


@pytest.fixture
def verleen(concept, actoren):
    """A subsidie awarded for `bedrag` (the request asks exactly that), decided by a beslisser."""

    def award(bedrag):
        Aanvraag.objects.filter(pk=concept.pk).update(gevraagd_bedrag=D(bedrag))
        aanvraag = breng_naar(concept, "verleend", aanvrager=actoren["aanvrager"],
                              behandelaar=actoren["behandelaar"], beslisser=actoren["beslisser"])
        return Subsidie.objects.get(aanvraag=aanvraag)  # fresh: direct vaststelling ran on its own copy

    return award


@pytest.fixture
def door(actoren):
    """`door("behandelaar")(subsidie, "vaststellen", bedrag=...)`: perform as that actor."""
    return lambda naam: lambda obj, actie, **params: perform(obj, actie, actoren[naam], **params)


@pytest.fixture
def ingediend(verleen, door):
    """A subsidie whose report is in: € 20,000 granted, € 16,000 advanced and paid out."""

    def submitted(bedrag="20000", voorschot="16000"):
        subsidie = verleen(bedrag)
        behandelaar = door("behandelaar")
        if voorschot:
            subsidie = behandelaar(subsidie, "voorschot_betalen", bedrag=D(voorschot))
            behandelaar(subsidie.betalingen.get(), "uitvoeren")
        subsidie = behandelaar(subsidie, "verantwoording_vragen", uiterlijk=UITERLIJK)
        return door("aanvrager")(subsidie, "verantwoording_indienen", **VERSLAG, accountantsverklaring=True)

    return submitted


def betalingen(subsidie):
    return sorted((b.soort, b.bedrag, b.status) for b in subsidie.betalingen.all())


# --- tiers -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("bedrag", "niveau", "status"), [
    ("5000.00", "direct", "vastgesteld"),
    ("5000.01", "activiteitenverslag", "verleend"),
    ("125000.00", "activiteitenverslag", "verleend"),
    ("125000.01", "accountantsverklaring", "verleend"),
])
def test_tier_follows_the_amount(verleen, bedrag, niveau, status):
    subsidie = verleen(bedrag)
    assert (subsidie.verantwoordingsniveau, subsidie.status) == (niveau, status)
    verlening = subsidie.aanvraag.beschikkingen.get(soort="verlening")
    assert verlening.bedrag == D(bedrag) and verlening.verplichtingen, "the letter says what to report"


def test_small_award_is_settled_at_verlening_with_its_full_payment_planned(verleen, door, geweigerd):
    subsidie = verleen("5000")
    assert subsidie.vastgesteld_bedrag == D("5000.00")
    assert betalingen(subsidie) == [("saldo", D("5000.00"), "gepland")]
    assert list(subsidie.aanvraag.beschikkingen.values_list("soort", flat=True)) == ["verlening", "vaststelling"]
    assert subsidie.verplichtingen.get().vastgesteld_bedrag == D("5000.00")
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        door("behandelaar")(subsidie, "verantwoording_vragen", uiterlijk=UITERLIJK)


def test_a_larger_award_cannot_skip_its_report(verleen, door, geweigerd):
    subsidie = verleen("5000.01")
    with geweigerd(TransitionNotPossible, "verantwoording_nodig"):
        door("behandelaar")(subsidie, "direct_vaststellen")


@pytest.mark.parametrize(("bedrag", "gegeven", "ontbreekt"), [
    ("20000", {}, "het activiteitenverslag, de werkelijke kosten"),
    ("20000", {"activiteitenverslag": "Verslag"}, "de werkelijke kosten"),
    ("20000", {"werkelijke_kosten": D("19000")}, "het activiteitenverslag"),
    ("150000", {**VERSLAG}, "de accountantsverklaring"),
    ("150000", {}, "het activiteitenverslag, de werkelijke kosten, de accountantsverklaring"),
])
def test_incomplete_report_lists_what_is_missing(verleen, door, geweigerd, bedrag, gegeven, ontbreekt):
    subsidie = door("behandelaar")(verleen(bedrag), "verantwoording_vragen", uiterlijk=UITERLIJK)
    with geweigerd(InvalidInput, "verantwoording_onvolledig") as refusal:
        door("aanvrager")(subsidie, "verantwoording_indienen", **gegeven)
    assert refusal.value.nl == f"Nog nodig: {ontbreekt}."


@pytest.mark.parametrize(("bedrag", "accountantsverklaring"), [("20000", False), ("150000", True)])
def test_complete_report_for_its_tier_is_accepted(verleen, door, bedrag, accountantsverklaring):
    subsidie = door("behandelaar")(verleen(bedrag), "verantwoording_vragen", uiterlijk=UITERLIJK)
    subsidie = door("aanvrager")(subsidie, "verantwoording_indienen", **VERSLAG,
                                 accountantsverklaring=accountantsverklaring)
    assert subsidie.status == "verantwoording_ingediend"
    assert subsidie.verantwoordingen.get().werkelijke_kosten == D("19000.00")


@pytest.mark.parametrize("uiterlijk", [None, date(2026, 2, 2)])
def test_report_needs_a_due_date_after_today(verleen, door, geweigerd, uiterlijk):
    subsidie = verleen("20000")
    with geweigerd(InvalidInput, "termijn_ongeldig"):
        door("behandelaar")(subsidie, "verantwoording_vragen", uiterlijk=uiterlijk)


# --- advances --------------------------------------------------------------------------------------------------
def test_advances_never_exceed_the_award(verleen, door, geweigerd):
    behandelaar = door("behandelaar")
    subsidie = behandelaar(verleen("20000"), "voorschot_betalen", bedrag=D("15000"))
    assert subsidie.status == "bevoorschot"
    for te_veel in (D("5000.01"), D("0"), D("-1")):
        with geweigerd(InvalidInput, "bedrag_ongeldig") as refusal:
            behandelaar(subsidie, "voorschot_betalen", bedrag=te_veel)
        assert "(€ 5.000,00)" in refusal.value.nl and "(€ 5,000.00)" in refusal.value.en
    subsidie = behandelaar(subsidie, "voorschot_betalen", bedrag=D("5000"))
    assert sum(b.bedrag for b in subsidie.betalingen.all()) == subsidie.verleend_bedrag
    with geweigerd(InvalidInput, "bedrag_ongeldig"):
        behandelaar(subsidie, "voorschot_betalen", bedrag=D("0.01"))


def test_a_cancelled_advance_frees_its_room(verleen, door):
    behandelaar = door("behandelaar")
    subsidie = behandelaar(verleen("20000"), "voorschot_betalen", bedrag=D("20000"))
    behandelaar(subsidie.betalingen.get(), "annuleren", reden="Verkeerd rekeningnummer.")
    subsidie = behandelaar(subsidie, "voorschot_betalen", bedrag=D("20000"))
    assert betalingen(subsidie) == [("voorschot", D("20000.00"), "geannuleerd"),
                                    ("voorschot", D("20000.00"), "gepland")]


# --- vaststelling ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("voorschot", "vastgesteld", "verrekening"), [
    pytest.param("16000", "12000", [("terugvordering", D("4000.00"))], id="lager-dan-betaald-terugvorderen"),
    pytest.param("16000", "20000", [("saldo", D("4000.00"))], id="hoger-dan-betaald-nabetalen"),
    pytest.param("16000", "16000", [], id="gelijk-niets-te-verrekenen"),
    pytest.param(None, "18000", [("saldo", D("18000.00"))], id="zonder-voorschot"),
    pytest.param("16000", "0", [("terugvordering", D("16000.00"))], id="niets-vastgesteld-alles-terug"),
])
def test_vaststelling_settles_the_difference_with_what_was_paid(ingediend, door, voorschot, vastgesteld,
                                                                verrekening):
    subsidie = door("behandelaar")(ingediend(voorschot=voorschot), "vaststellen", bedrag=D(vastgesteld),
                                   reden="Minder activiteiten uitgevoerd dan begroot.")
    assert (subsidie.status, subsidie.vastgesteld_bedrag) == ("vastgesteld", D(vastgesteld))
    nieuw = [(b.soort, b.bedrag) for b in subsidie.betalingen.filter(status="gepland")]
    assert nieuw == verrekening
    assert subsidie.saldo() == D("0.00")
    verplichting = subsidie.verplichtingen.get()
    assert (verplichting.bedrag, verplichting.vastgesteld_bedrag) == (D(vastgesteld), D(vastgesteld))
    assert subsidie.aanvraag.beschikkingen.get(soort="vaststelling").bedrag == D(vastgesteld)


@pytest.mark.parametrize(("bedrag", "reden", "code"), [
    pytest.param("12000", "", "reden_verplicht", id="lager-zonder-motivering-awb-4-46"),
    pytest.param("20000.01", "Meer kosten", "bedrag_ongeldig", id="hoger-dan-verleend"),
    pytest.param("-1", "Fout", "bedrag_ongeldig", id="negatief"),
])
def test_vaststelling_refused(ingediend, door, geweigerd, bedrag, reden, code):
    subsidie = ingediend()
    with geweigerd(InvalidInput, code):
        door("behandelaar")(subsidie, "vaststellen", bedrag=D(bedrag), reden=reden)


def test_vaststelling_at_the_granted_amount_needs_no_grounds(ingediend, door):
    subsidie = door("behandelaar")(ingediend(), "vaststellen")
    assert subsidie.vastgesteld_bedrag == D("20000.00")


# --- closing ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("vastgesteld", ["12000", "20000"], ids=["na-terugvordering", "na-nabetaling"])
def test_closing_waits_until_every_payment_is_done(ingediend, door, geweigerd, vastgesteld):
    behandelaar = door("behandelaar")
    subsidie = behandelaar(ingediend(), "vaststellen", bedrag=D(vastgesteld), reden="Minder activiteiten.")
    with geweigerd(TransitionNotPossible, "saldo_open"):
        behandelaar(subsidie, "afsluiten")
    behandelaar(subsidie.betalingen.get(status="gepland"), "uitvoeren")
    assert behandelaar(subsidie, "afsluiten").status == "afgesloten"


def test_closing_refused_while_the_balance_is_not_zero(verleen, door, geweigerd):
    """A cancelled saldo payment leaves money owed: no closing until it is settled."""
    behandelaar = door("behandelaar")
    subsidie = verleen("5000")
    behandelaar(subsidie.betalingen.get(), "annuleren", reden="Dubbel geboekt.")
    assert subsidie.saldo() == D("5000.00")
    with geweigerd(TransitionNotPossible, "saldo_open"):
        behandelaar(subsidie, "afsluiten")


# --- withdrawal ------------------------------------------------------------------------------------------------
def test_withdrawal_cancels_planned_payments_recovers_paid_ones_and_releases_the_commitment(verleen, door):
    behandelaar, beslisser = door("behandelaar"), door("beslisser")
    subsidie = behandelaar(verleen("20000"), "voorschot_betalen", bedrag=D("10000"))
    behandelaar(subsidie.betalingen.get(), "uitvoeren")
    subsidie = behandelaar(subsidie, "voorschot_betalen", bedrag=D("5000"))

    subsidie = beslisser(subsidie, "intrekken", reden="Activiteit gaat niet door (Awb 4:48).")

    assert (subsidie.status, subsidie.vastgesteld_bedrag) == ("ingetrokken", D("0.00"))
    assert betalingen(subsidie) == [
        ("terugvordering", D("10000.00"), "gepland"),
        ("voorschot", D("5000.00"), "geannuleerd"),
        ("voorschot", D("10000.00"), "uitgevoerd"),
    ]
    verplichting = Verplichting.objects.get(subsidie=subsidie)
    assert (verplichting.oorspronkelijk_bedrag, verplichting.bedrag) == (D("20000.00"), D("0.00"))
    intrekking = subsidie.aanvraag.beschikkingen.get(soort="intrekking")
    assert (intrekking.bedrag, intrekking.motivering) == (D("0.00"), "Activiteit gaat niet door (Awb 4:48).")


@pytest.mark.parametrize(("wie", "reden", "fout", "code"), [
    ("behandelaar", "Gaat niet door.", NotPermitted, "geen_toestemming"),
    ("beslisser_met_belang", "Gaat niet door.", NotPermitted, "geen_toestemming"),
    ("aanvrager", "Gaat niet door.", NotPermitted, "geen_toestemming"),
    ("beslisser", " ", InvalidInput, "reden_verplicht"),
])
def test_withdrawal_only_by_a_beslisser_with_grounds(verleen, door, geweigerd, wie, reden, fout, code):
    subsidie = verleen("20000")
    with geweigerd(fout, code):
        door(wie)(subsidie, "intrekken", reden=reden)


def test_a_settled_subsidie_cannot_be_withdrawn(verleen, door, geweigerd):
    subsidie = verleen("5000")
    with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
        door("beslisser")(subsidie, "intrekken", reden="Te laat bedacht.")


# --- who may do what after the award --------------------------------------------------------------------------
@pytest.mark.parametrize(("actie", "params", "wie"), [
    ("voorschot_betalen", {"bedrag": D("100")}, "aanvrager"),
    ("voorschot_betalen", {"bedrag": D("100")}, "behandelaar_met_belang"),
    ("voorschot_betalen", {"bedrag": D("100")}, "auditor"),
    ("verantwoording_vragen", {"uiterlijk": UITERLIJK}, "aanvrager"),
])
def test_officer_actions_refused_to_others(verleen, door, geweigerd, actie, params, wie):
    subsidie = verleen("20000")
    with geweigerd(NotPermitted, "geen_toestemming"):
        door(wie)(subsidie, actie, **params)


@pytest.mark.parametrize(("actie", "wie"), [("verantwoording_indienen", "buitenstaander"),
                                            ("vaststellen", "aanvrager"),
                                            ("verantwoording_terugsturen", "aanvrager")])
def test_report_stage_actions_refused_to_others(verleen, door, geweigerd, actie, wie):
    subsidie = door("behandelaar")(verleen("20000"), "verantwoording_vragen", uiterlijk=UITERLIJK)
    if actie != "verantwoording_indienen":
        subsidie = door("aanvrager")(subsidie, "verantwoording_indienen", **VERSLAG)
    with geweigerd(NotPermitted, "geen_toestemming"):
        door(wie)(subsidie, actie, **VERSLAG if actie == "verantwoording_indienen" else {})


def test_report_sent_back_with_grounds_can_be_submitted_again(ingediend, door, geweigerd):
    subsidie = ingediend()
    with geweigerd(InvalidInput, "reden_verplicht"):
        door("behandelaar")(subsidie, "verantwoording_terugsturen")
    subsidie = door("behandelaar")(subsidie, "verantwoording_terugsturen", reden="Kostenoverzicht ontbreekt.")
    assert subsidie.status == "verantwoording_gevraagd"
    subsidie = door("aanvrager")(subsidie, "verantwoording_indienen", **VERSLAG)
    assert subsidie.verantwoordingen.count() == 2


# --- payments --------------------------------------------------------------------------------------------------
def test_payment_is_executed_on_its_date(verleen, door, vandaag):
    betaling = verleen("5000").betalingen.get()
    vandaag(date(2026, 2, 6))
    betaling = door("behandelaar")(betaling, "uitvoeren")
    assert (betaling.status, betaling.uitgevoerd_op) == ("uitgevoerd", date(2026, 2, 6))
    assert betaling.publieke_status == {"nl": "Uitgevoerd", "en": "Done"}


@pytest.mark.parametrize(("actie", "params", "wie", "fout", "code"), [
    ("annuleren", {}, "behandelaar", InvalidInput, "reden_verplicht"),
    ("annuleren", {"reden": "Fout"}, "aanvrager", NotPermitted, "geen_toestemming"),
    ("uitvoeren", {}, "aanvrager", NotPermitted, "geen_toestemming"),
    ("uitvoeren", {}, "behandelaar_met_belang", NotPermitted, "geen_toestemming"),
])
def test_payment_refusals(verleen, door, geweigerd, actie, params, wie, fout, code):
    betaling = verleen("5000").betalingen.get()
    with geweigerd(fout, code):
        door(wie)(betaling, actie, **params)


@pytest.mark.parametrize("eerst", ["uitvoeren", "annuleren"])
def test_a_payment_is_executed_or_cancelled_once(verleen, door, geweigerd, eerst):
    behandelaar = door("behandelaar")
    betaling = behandelaar(verleen("5000").betalingen.get(), eerst, reden="Vervallen.")
    for actie in ("uitvoeren", "annuleren"):
        with geweigerd(TransitionNotPossible, "overgang_niet_toegestaan"):
            behandelaar(betaling, actie, reden="Nog eens.")
    assert Betaling.objects.get(pk=betaling.pk).status == {"uitvoeren": "uitgevoerd", "annuleren": "geannuleerd"}[eerst]


def test_an_advance_planned_but_never_paid_lapses_at_vaststelling(verleen, door):
    """Only money that moved is set off: an unpaid advance is cancelled, not recovered (Awb 4:95)."""
    behandelaar = door("behandelaar")
    subsidie = behandelaar(verleen("20000"), "voorschot_betalen", bedrag=D("16000"))
    subsidie = behandelaar(subsidie, "verantwoording_vragen", uiterlijk=UITERLIJK)
    subsidie = door("aanvrager")(subsidie, "verantwoording_indienen", **VERSLAG)

    subsidie = behandelaar(subsidie, "vaststellen", bedrag=D("12000"), reden="Minder activiteiten dan gepland.")

    assert betalingen(subsidie) == [("saldo", D("12000.00"), "gepland"), ("voorschot", D("16000.00"), "geannuleerd")]


def test_a_cancelled_settlement_can_be_planned_again_and_then_closed(verleen, door, geweigerd):
    behandelaar = door("behandelaar")
    subsidie = verleen("5000")
    saldo = subsidie.betalingen.get()
    behandelaar(saldo, "annuleren", reden="Verkeerd rekeningnummer; eerst laten corrigeren.")
    with geweigerd(TransitionNotPossible, "saldo_open"):
        behandelaar(subsidie, "afsluiten")

    subsidie = behandelaar(subsidie, "verrekening_plannen")
    with geweigerd(TransitionNotPossible, "niets_te_verrekenen"):
        behandelaar(subsidie, "verrekening_plannen")
    behandelaar(subsidie.betalingen.get(status="gepland"), "uitvoeren")
    assert behandelaar(subsidie, "afsluiten").status == "afgesloten"


def test_a_new_object_cannot_start_in_a_later_status(verleen):
    subsidie = verleen("20000")
    with pytest.raises(RuntimeError, match="initial status"):
        Betaling.objects.create(subsidie=subsidie, verplichting=subsidie.verplichtingen.get(), soort="voorschot",
                                bedrag=D("10"), gepland_op=date(2026, 2, 2), status="uitgevoerd")
