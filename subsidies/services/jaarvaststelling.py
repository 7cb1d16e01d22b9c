"""Jaarverantwoording and vaststelling per boekjaar (Awb 4:73, 4:74), the egalisatiereserve (4:72) and the
eindafrekening of a structural subsidie.

Per year: the result is the tranche minus the net costs (costs minus own income). With a reserve a surplus is added
to it up to its maximum and a deficit is drawn from it; what exceeds the maximum lowers the vaststelling. Without a
reserve a surplus lowers the vaststelling and a deficit stays with the recipient. At the end the share of the
reserve that the subsidy paid for is recovered pro rata; the rest is the recipient's.
"""
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from workflows.errors import InvalidInput
from workflows.transitions import perform

from .. import families
from ..bedragen import euro
from ..models import Beschikking, Betaling, Reservemutatie, Verantwoording, Verantwoordingsniveau, Verplichting
from ..models.subsidies import netto_betaald
from ..models.tranches import vier_ogen_verlaging
from . import meldingen
from .beschikkingen import maak_beschikking
from .documenten import koppel_aan

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def controleer_verantwoording(niveau: str, *, activiteitenverslag: str, werkelijke_kosten, accountantsverklaring: bool,
                              eigen_inkomsten=ZERO) -> None:
    """What the tier asks for: activities always; costs; an accountant's statement above the limit."""
    missing_nl, missing_en = [], []
    if not activiteitenverslag.strip():
        missing_nl.append("het activiteitenverslag")
        missing_en.append("the activity report")
    if werkelijke_kosten is None:
        missing_nl.append("de werkelijke kosten")
        missing_en.append("the actual costs")
    if niveau == Verantwoordingsniveau.ACCOUNTANTSVERKLARING and not accountantsverklaring:
        missing_nl.append("de accountantsverklaring")
        missing_en.append("the accountant's statement")
    if missing_nl:
        raise InvalidInput("Nog nodig: " + ", ".join(missing_nl) + ".", "Still needed: " + ", ".join(missing_en) + ".",
                           code="verantwoording_onvolledig")
    if Decimal(werkelijke_kosten) < ZERO or Decimal(eigen_inkomsten) < ZERO:
        raise InvalidInput("Kosten en inkomsten zijn niet negatief.", "Costs and income are not negative.",
                           code="bedrag_ongeldig")


def ontvang_jaarverantwoording(tranche, user, *, activiteitenverslag: str, werkelijke_kosten, eigen_inkomsten,
                               accountantsverklaring: bool, resultaten: list) -> Verantwoording:
    eigen_inkomsten = ZERO if eigen_inkomsten is None else eigen_inkomsten
    controleer_verantwoording(tranche.subsidie.verantwoordingsniveau, activiteitenverslag=activiteitenverslag,
                              werkelijke_kosten=werkelijke_kosten, accountantsverklaring=accountantsverklaring,
                              eigen_inkomsten=eigen_inkomsten)
    if len(resultaten) < len(tranche.doelen) or not all(isinstance(r, dict) for r in resultaten):
        raise InvalidInput(
            f"Geef voor elk van de {len(tranche.doelen)} doelen uit het werkplan wat er bereikt is, in dezelfde volgorde.",
            f"Give for each of the {len(tranche.doelen)} goals of the work plan what was achieved, in the same order.",
            code="resultaten_onvolledig", details={"velden": ["resultaten"]},
        )
    families.controleer_verantwoording(tranche.subsidie, tranche.boekjaar)
    verantwoording = Verantwoording(
        subsidie=tranche.subsidie, tranche=tranche, activiteitenverslag=activiteitenverslag,
        werkelijke_kosten=werkelijke_kosten, eigen_inkomsten=eigen_inkomsten,
        accountantsverklaring=accountantsverklaring, resultaten=resultaten, ingediend_door=user,
    )
    verantwoording.controleer_velden()  # the text's length, the amounts' cap
    verantwoording.save()
    koppel_aan(verantwoording)  # the documents added for the year's report
    return verantwoording


def reservesaldo(subsidie) -> Decimal:
    laatste = subsidie.reservemutaties.order_by("-pk").values_list("saldo_na", flat=True).first()
    return laatste if laatste is not None else ZERO


def _boek(subsidie, tranche, soort: str, bedrag: Decimal, toelichting: str) -> None:
    if bedrag:
        Reservemutatie.objects.create(subsidie=subsidie, tranche=tranche, boekjaar=tranche.boekjaar, soort=soort,
                                      bedrag=bedrag, saldo_na=reservesaldo(subsidie) + bedrag, toelichting=toelichting)


def stel_jaar_vast(tranche, user, bedrag: Decimal | None, reden: str) -> None:
    subsidie = tranche.subsidie
    basis = tranche.bedrag if bedrag is None else bedrag
    if not ZERO <= basis <= tranche.bedrag:
        raise InvalidInput(f"Het bedrag ligt tussen € 0 en het bedrag voor dit jaar ({euro(tranche.bedrag)}).",
                           "The amount lies between € 0 and the amount for this year "
                           f"({euro(tranche.bedrag, 'en')}).",
                           code="bedrag_ongeldig", details={"velden": ["bedrag"]})
    if basis < tranche.bedrag and not reden.strip():
        raise InvalidInput("Motiveer waarom lager wordt vastgesteld dan verleend (Awb 4:46 lid 2).",
                           "Give the grounds for settling below the amount granted (Awb 4:46(2)).",
                           code="reden_verplicht")
    verslag = tranche.verantwoordingen.order_by("-pk").first()
    netto_lasten = max(verslag.werkelijke_kosten - verslag.eigen_inkomsten, ZERO)
    resultaat = basis - netto_lasten
    toelichting = [reden] if reden.strip() else []
    if subsidie.egalisatiereserve:
        saldo = reservesaldo(subsidie)
        maximum = (tranche.bedrag * subsidie.reserve_max_percentage / 100).quantize(CENT, ROUND_HALF_UP)
        if resultaat > ZERO:
            dotatie = min(resultaat, max(maximum - saldo, ZERO))
            _boek(subsidie, tranche, Reservemutatie.Soort.DOTATIE, dotatie, f"Overschot {tranche.boekjaar}")
            vastgesteld = basis - (resultaat - dotatie)
            toelichting.append(f"Overschot {euro(resultaat)}: {euro(dotatie)} naar de egalisatiereserve (Awb 4:72)"
                               + (f", {euro(resultaat - dotatie)} boven het maximum wordt niet vastgesteld."
                                  if resultaat > dotatie else "."))
        else:
            onttrekking = min(-resultaat, saldo)
            _boek(subsidie, tranche, Reservemutatie.Soort.ONTTREKKING, -onttrekking, f"Tekort {tranche.boekjaar}")
            vastgesteld = basis
            if resultaat:
                toelichting.append(f"Tekort {euro(-resultaat)}: {euro(onttrekking)} uit de egalisatiereserve "
                                   "(Awb 4:72).")
    else:
        vastgesteld = min(basis, netto_lasten)
        if vastgesteld < basis:
            toelichting.append(f"De netto kosten ({euro(netto_lasten)}) bleven onder de subsidie; vastgesteld op de "
                               "kosten.")
    vier_ogen_verlaging.toets(tranche, user, tranche.bedrag - vastgesteld)
    _vervallen_geplande_voorschotten(tranche, user)
    verplichting = Verplichting.objects.select_for_update().get(pk=tranche.verplichting_id)
    verplichting.bedrag = verplichting.vastgesteld_bedrag = tranche.vastgesteld_bedrag = vastgesteld
    verplichting.save()
    maak_beschikking(subsidie.aanvraag, Beschikking.Soort.VASTSTELLING, beslisser=user, bedrag=vastgesteld,
                     boekjaar=tranche.boekjaar,
                     motivering="\n".join(toelichting) or f"De subsidie voor {tranche.boekjaar} wordt vastgesteld op "
                                                          "het verleende bedrag (Awb 4:73).")
    _verreken_jaar(subsidie, verplichting)


def _vervallen_geplande_voorschotten(tranche, user) -> None:
    for betaling in tranche.verplichting.betalingen.filter(status=Betaling.Status.GEPLAND,
                                                            soort=Betaling.Soort.VOORSCHOT):
        perform(betaling, "annuleren", user, reden=f"Vervallen door de vaststelling over {tranche.boekjaar}.")


def _verreken_jaar(subsidie, verplichting) -> None:
    """Pay what the year still owes on its commitment, or recover what it overpaid (Awb 4:95, 4:57)."""
    saldo = verplichting.bedrag - netto_betaald(verplichting.betalingen.all())
    if saldo:
        betaling = Betaling.objects.create(
            subsidie=subsidie, verplichting=verplichting, bedrag=abs(saldo), gepland_op=timezone.localdate(),
            soort=Betaling.Soort.SALDO if saldo > ZERO else Betaling.Soort.TERUGVORDERING)
        if betaling.soort == Betaling.Soort.TERUGVORDERING:
            meldingen.terugvordering(betaling)


def maak_eindafrekening(subsidie, user, reden: str) -> None:
    """Settle the whole: the years' vaststellingen minus the subsidised share of the reserve (Awb 4:72)."""
    saldo = reservesaldo(subsidie)
    terug = rond_jaren_af(subsidie)
    regels = [reden] if reden.strip() else []
    regels.append(f"Eindafrekening {subsidie.eerste_boekjaar}–{subsidie.laatste_boekjaar}: de jaren samen "
                  f"{euro(subsidie.vastgesteld_bedrag + terug)}.")
    if saldo:
        regels.append(f"De egalisatiereserve ({euro(saldo)}) is voor {euro(terug)} uit subsidie gevormd; dat deel "
                      "wordt teruggevorderd (Awb 4:72 lid 5).")
    maak_beschikking(subsidie.aanvraag, Beschikking.Soort.VASTSTELLING, beslisser=user,
                     bedrag=subsidie.vastgesteld_bedrag, motivering="\n".join(regels))


def rond_jaren_af(subsidie) -> Decimal:
    """The end of a structural subsidie (eindafrekening or intrekking): recover the reserve's subsidised share, fix
    the total, and settle every year on its own commitment; money paid for a lapsed year comes back. Returns the
    share of the reserve recovered."""
    jaren = list(subsidie.tranches.filter(status="vastgesteld").order_by("boekjaar"))
    terug = _vorder_reserve_terug(subsidie, jaren)
    subsidie.vastgesteld_bedrag = sum((tranche.vastgesteld_bedrag for tranche in jaren), ZERO) - terug
    for verplichting in subsidie.verplichtingen.all():
        _verreken_jaar(subsidie, verplichting)
    return terug


def _vorder_reserve_terug(subsidie, jaren) -> Decimal:
    """The recipient repays the reserve in proportion to what the subsidy contributed to it: the subsidy's share of
    the income of the settled years (Awb 4:72 lid 5); the rest, formed from own income, is theirs."""
    saldo = reservesaldo(subsidie)
    if not saldo:
        return ZERO
    subsidie_totaal = sum((tranche.vastgesteld_bedrag for tranche in jaren), ZERO)
    inkomsten = sum((tranche.verantwoordingen.order_by("-pk").first().eigen_inkomsten for tranche in jaren), ZERO)
    aandeel = subsidie_totaal / (subsidie_totaal + inkomsten)
    terug = (saldo * aandeel).quantize(CENT, ROUND_HALF_UP)
    _boek(subsidie, jaren[-1], Reservemutatie.Soort.TERUGVORDERING, -terug,
          f"Subsidiedeel van de reserve ({aandeel:.0%}) terug")
    _boek(subsidie, jaren[-1], Reservemutatie.Soort.VRIJVAL, -(saldo - terug), "Deel uit eigen middelen")
    rest = terug
    for tranche in reversed(jaren):  # the repayment lowers what the last years finally cost the budget
        if not rest:
            break
        verplichting = Verplichting.objects.select_for_update().get(pk=tranche.verplichting_id)
        deel = min(rest, verplichting.bedrag)
        verplichting.bedrag -= deel
        verplichting.vastgesteld_bedrag -= deel
        verplichting.save()
        rest -= deel
    return terug
