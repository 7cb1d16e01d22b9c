"""The dwangsom for not deciding on time (Awb 4:17–4:18): the one calculation, the facts it needs from the
database, the daily job that moves ingebrekestellingen on, and the beschikking that sets the amount."""
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from workflows import termijnen
from workflows.models import AuditRecord
from workflows.transitions import perform

from ..bedragen import euro
from ..models import Aanvraag, Beschikking
from ..models.dwangsom import Dwangsombetaling, Dwangsomtarief, GeenDwangsom, Ingebrekestelling

ZERO = Decimal("0.00")
MAX_DAGEN = 42  # Awb 4:17 lid 1
DAGEN_PER_SCHIJF = 14  # Awb 4:17 lid 2: the first fourteen days, the next fourteen, the rest
TWEE_WEKEN = 2  # Awb 4:17 lid 3 (the start) and 4:18 (the term for setting the amount)
# The decisions on the request that end the default; a dwangsom beschikking itself is none of them.
BESLUITEN = (Beschikking.Soort.VERLENING, Beschikking.Soort.WEIGERING, Beschikking.Soort.BUITEN_BEHANDELING)


@dataclass(frozen=True)
class Stand:
    """Where a dwangsom stands on `peildatum`: what officers see as the running risk."""

    ontvangen_op: dt.date
    eerste_dag: dt.date  # the first day the dwangsom is owed for
    beslist_op: dt.date | None  # the day the default ended (decision or withdrawal), if it did
    peildatum: dt.date
    dagen: int  # days owed up to and including the peildatum
    bedrag: Decimal  # owed so far
    bedrag_morgen: Decimal  # owed by the end of tomorrow if no decision comes
    laatste_dag: dt.date | None  # the last day owed, once the dwangsom has stopped running
    vaststellen_uiterlijk: dt.date | None  # Awb 4:18: two weeks after the last day

    @property
    def loopt(self) -> bool:
        """The dwangsom accrues today."""
        return self.dagen > 0 and self.laatste_dag is None

    @property
    def afgelopen(self) -> bool:
        """It ran and has stopped: its amount can be set."""
        return self.laatste_dag is not None


def bereken(ontvangen_op: dt.date, *, beslistermijn_tot: dt.date | None = None, beslist_op: dt.date | None = None,
            peildatum: dt.date | None = None, tarieven=None, gelijkgestelde_dagen=frozenset()) -> Stand:
    """The dwangsom of Awb 4:17 for a notice of default received on `ontvangen_op`, as it stands on `peildatum`.

    Which days count:
    - The first day owed is the day after two weeks have passed since the later of the day the notice was received
      and the day the decision term passed (4:17 lid 3; received on 1 March, the two weeks run 2–15 March, owed
      from 16 March — our reading of "de dag waarop twee weken zijn verstreken"). A notice received before the term
      passed is refused earlier (`Aanvraag.in_gebreke_stellen`), so in practice it is the day of receipt.
    - The two weeks are a term set by a law, so the Algemene termijnenwet applies to them: ending on a Saturday,
      Sunday or holiday they run on to the next working day, and the dwangsom starts the day after that. 4:17 lid 1
      excludes the Atw only for "laatstgenoemde termijn", the 42 days; a contrario it covers the two weeks of lid 3.
      (Our reading; the 42 days are a number of calendar days, not a term, and are never extended.)
    - Every calendar day from the first day counts (4:17 lid 1: "voor elke dag dat het in gebreke is"), weekends and
      holidays too, up to and including the day before the decision (`beslist_op`: the day the beschikking is sent;
      on that day the body is no longer in default), at most 42 days. Withdrawing the request ends the default the
      same way. Until then it counts up to and including `peildatum`.
    - Each day is paid at the amount of its place (days 1–14, 15–28, 29–42, lid 2) in the tariff in force on that
      calendar day (`Dwangsomtarief`; indexation applies to days after its start).

    What the engine does not know and leaves to the officer (documented, not computed): an appeal does not stop it
    (lid 5; nothing to do); the cases of lid 6 (notice unreasonably late, applicant not a belanghebbende, request
    manifestly inadmissible or unfounded) — the officer sets € 0 with that ground in the 4:18 beschikking; several
    applicants share it equally (lid 7; one organisation per request here). A suspension of the decision term
    (4:15) after it has passed suspends nothing: a term that has ended cannot be suspended, so a later aanvulling
    does not stop the dwangsom (our reading).
    """
    peildatum = peildatum or timezone.localdate()
    tarieven = sorted(tarieven if tarieven is not None else Dwangsomtarief.objects.all(), key=lambda t: t.geldig_vanaf)
    vanaf = max(ontvangen_op, beslistermijn_tot) if beslistermijn_tot else ontvangen_op
    eerste_dag = termijnen.termijn_einde(vanaf, weken=TWEE_WEKEN, gelijkgestelde_dagen=gelijkgestelde_dagen) + (
        dt.timedelta(days=1))
    laatst_mogelijk = eerste_dag + dt.timedelta(days=MAX_DAGEN - 1)

    def dagen_tot_en_met(dag: dt.date) -> int:
        einde = min(dag + dt.timedelta(days=1), beslist_op) if beslist_op else dag + dt.timedelta(days=1)
        return max(0, min(MAX_DAGEN, (einde - eerste_dag).days))

    def bedrag(dagen: int) -> Decimal:
        return sum((periode.bedrag for periode in specificatie(eerste_dag, dagen, tarieven)), ZERO)

    dagen = dagen_tot_en_met(peildatum)
    laatste_dag = None  # known once no later day can change the amount: decided (sent), or all 42 days are over
    if beslist_op is not None and beslist_op <= peildatum and dagen:
        laatste_dag = eerste_dag + dt.timedelta(days=dagen - 1)
    elif laatst_mogelijk < peildatum:
        laatste_dag = laatst_mogelijk
    return Stand(
        ontvangen_op=ontvangen_op, eerste_dag=eerste_dag, beslist_op=beslist_op, peildatum=peildatum, dagen=dagen,
        bedrag=bedrag(dagen), bedrag_morgen=bedrag(dagen_tot_en_met(peildatum + dt.timedelta(days=1))),
        laatste_dag=laatste_dag,
        vaststellen_uiterlijk=termijnen.termijn_einde(laatste_dag, weken=TWEE_WEKEN,
                                                      gelijkgestelde_dagen=gelijkgestelde_dagen)
        if laatste_dag else None,
    )


@dataclass(frozen=True)
class Periode:
    """Consecutive days of a dwangsom owed at the same amount per day (one place in lid 2, one tariff)."""

    van: dt.date
    tot: dt.date
    dagen: int
    per_dag: Decimal

    @property
    def bedrag(self) -> Decimal:
        return self.per_dag * self.dagen


def specificatie(eerste_dag: dt.date, dagen: int, tarieven) -> list[Periode]:
    """The `dagen` days from `eerste_dag`, each at the amount of its place (days 1–14, 15–28, 29–42, 4:17 lid 2) in
    the tariff in force on that calendar day, grouped into periods of the same amount per day: what `bereken` adds
    up, and what the 4:18 letter shows. `tarieven` sorted by `geldig_vanaf`."""
    perioden: list[Periode] = []
    for nummer in range(dagen):
        dag = eerste_dag + dt.timedelta(days=nummer)
        tarief = next((t for t in reversed(tarieven) if t.geldig_vanaf <= dag), None)
        if tarief is None:
            raise ValueError(f"Geen dwangsomtarief geldig op {dag}.")
        per_dag = tarief.schijven[min(nummer // DAGEN_PER_SCHIJF, 2)]
        if perioden and perioden[-1].per_dag == per_dag:
            vorige = perioden[-1]
            perioden[-1] = Periode(vorige.van, dag, vorige.dagen + 1, per_dag)
        else:
            perioden.append(Periode(dag, dag, 1, per_dag))
    return perioden


def einde_verzuim(aanvraag) -> dt.date | None:
    """The day the default on `aanvraag` ended: its first decision was sent, or it was withdrawn."""
    besluiten = [b.verzonden_op for b in aanvraag.beschikkingen.all() if b.soort in BESLUITEN]
    if besluiten:
        return min(besluiten)
    if aanvraag.status == Aanvraag.Status.INGETROKKEN:
        tijdstip = AuditRecord.objects.filter(
            object_type=ContentType.objects.get_for_model(Aanvraag), object_id=str(aanvraag.pk),
            handeling="intrekken").values_list("tijdstip", flat=True).first()
        return timezone.localdate(tijdstip) if tijdstip else None
    return None


def stand(ingebrekestelling, peildatum: dt.date | None = None, tarieven=None) -> Stand:
    """`bereken` with the facts of this ingebrekestelling from the database."""
    return bereken(ingebrekestelling.ontvangen_op, beslistermijn_tot=ingebrekestelling.beslistermijn_tot,
                   beslist_op=einde_verzuim(ingebrekestelling.aanvraag), peildatum=peildatum, tarieven=tarieven,
                   gelijkgestelde_dagen=termijnen.gelijkgestelde_dagen_uit_db())


def maak_ingebrekestelling(aanvraag, user, *, ontvangen_op: dt.date, wijze: str) -> Ingebrekestelling:
    """Record the notice (called from `Aanvraag.in_gebreke_stellen`, which checked that the term has passed)."""
    from . import meldingen

    ingebrekestelling = Ingebrekestelling(aanvraag=aanvraag, ontvangen_op=ontvangen_op, wijze=wijze,
                                          beslistermijn_tot=aanvraag.uiterste_beslisdatum, ingediend_door=user)
    ingebrekestelling.save()
    meldingen.ingebrekestelling_ontvangen(ingebrekestelling, stand(ingebrekestelling))
    return ingebrekestelling


def stel_vast(ingebrekestelling, user, *, reden: str, grond: str) -> Beschikking:
    """The 4:18 beschikking: the days and the amount (or € 0 on a ground of 4:17 lid 6), and, when something is
    owed, the payment obligation from the general funds."""
    from .beschikkingen import maak_beschikking

    huidig = stand(ingebrekestelling)
    bedrag = ZERO if grond else huidig.bedrag
    if grond:
        motivering = (f"Er is geen dwangsom verschuldigd: {GeenDwangsom(grond).label} (Awb 4:17 lid 6). {reden}")
    else:
        motivering = (
            f"Wij hebben niet op tijd beslist op uw aanvraag. U stelde ons in gebreke; wij ontvingen dat op "
            f"{ingebrekestelling.ontvangen_op:%d-%m-%Y}. Vanaf {huidig.eerste_dag:%d-%m-%Y} tot en met "
            f"{huidig.laatste_dag:%d-%m-%Y} ({huidig.dagen} dagen) bent u een dwangsom van {euro(bedrag)} "
            f"verschuldigd (Awb 4:17, 4:18). {reden}".strip())
    beschikking = maak_beschikking(ingebrekestelling.aanvraag, Beschikking.Soort.DWANGSOM, beslisser=user,
                                   motivering=motivering, bedrag=bedrag)
    ingebrekestelling.beschikking, ingebrekestelling.vastgesteld_bedrag = beschikking, bedrag
    ingebrekestelling.geen_dwangsom = grond
    if bedrag > ZERO:
        Dwangsombetaling(ingebrekestelling=ingebrekestelling, bedrag=bedrag,
                         gepland_op=timezone.localdate()).save()
    return beschikking


def bewaak_dwangsommen() -> dict:
    """Daily: start the dwangsommen whose two weeks have passed, stop those whose request was decided or whose 42
    days have run, close those decided within the two weeks. What a status records is done once: a second run the
    same day finds nothing to do."""
    from ..rollen import systeemgebruiker

    systeem, gedaan = systeemgebruiker(), {"gestart": 0, "gestopt": 0, "zonder_dwangsom": 0}
    open_ = Ingebrekestelling.objects.filter(status__in=[Ingebrekestelling.Status.ONTVANGEN,
                                                         Ingebrekestelling.Status.DWANGSOM_LOOPT])
    for ingebrekestelling in open_.select_related("aanvraag").prefetch_related("aanvraag__beschikkingen"):
        huidig = stand(ingebrekestelling)
        if ingebrekestelling.status == Ingebrekestelling.Status.ONTVANGEN:
            if huidig.beslist_op is not None and huidig.dagen == 0:
                perform(ingebrekestelling, "zonder_dwangsom_afsluiten", systeem)
                gedaan["zonder_dwangsom"] += 1
                continue
            if huidig.dagen == 0:
                continue
            ingebrekestelling = perform(ingebrekestelling, "dwangsom_starten", systeem)
            gedaan["gestart"] += 1
        if huidig.afgelopen:
            perform(ingebrekestelling, "dwangsom_stoppen", systeem)
            gedaan["gestopt"] += 1
    return gedaan
