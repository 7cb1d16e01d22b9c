"""The yearly cycle of structural subsidies, run by Celery beat (subsidies/tasks.py) and callable by hand.

- `open_boekjaar(N)`: year N's tranches become definitive once the begrotingsvoorbehoud has lapsed; the werkplan for
  N+1 and the jaarverantwoording over N-1 are asked for.
- `bewaak_termijnen()`: daily; the voorbehoud lapses four weeks after adoption (Awb 4:34), reminders a week before
  and on the due day, overdue jaarverantwoordingen are flagged to the behandelaar, and so is an aanvulling whose
  term passed unused (with the last day to put the request buiten behandeling, Awb 4:5 lid 4); the applicant is
  reminded once when an aanvulling's term ends within three days.

Every step is idempotent (what was done is recorded: a status, a date field, or the outbox key of the message) and
works in batches of its own transaction, so a run that stops halfway is resumed by running it again.
"""
import datetime as dt
from collections import Counter
from functools import partial

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from workflows.berichten import plaats_alle
from workflows.transitions import batch, perform_each

from ..models import Aanvraag, Aanvulling, Begrotingsjaar, Jaartranche
from ..models.aanvragen import laatste_dag_buiten_behandeling
from ..models.tranches import voorbehoud_tot
from . import meldingen
from ..rollen import systeemgebruiker

BATCH = 200
Status = Jaartranche.Status
ORGANISATIE = "subsidie__aanvraag__organisatie"
MET_ONTVANGERS = (f"{ORGANISATIE}__contactpersonen", f"{ORGANISATIE}__leden")  # see `meldingen.ontvangers`


def _in_batches(queryset, stap, user) -> int:
    """Run `stap(tranches, user, post)` over the tranches still matching `queryset`, `BATCH` per transaction
    (`transitions.batch`). A step locks the tranches it changes and appends the messages it sends to `post`; they
    are queued with the batch, in one go.

    Returns how many did something. A tranche that a user changed meanwhile no longer matches and is skipped.
    """
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    gedaan = 0
    for begin in range(0, len(pks), BATCH):
        with batch(user):
            post = []
            gedaan += stap(queryset.filter(pk__in=pks[begin:begin + BATCH]), user, post)
            plaats_alle(post)
    return gedaan


def open_boekjaar(boekjaar: int | None = None) -> dict:
    boekjaar = boekjaar or timezone.localdate().year
    user = systeemgebruiker()
    return {
        "definitief": laat_voorbehoud_vervallen(boekjaar),
        "werkplan_gevraagd": _in_batches(
            Jaartranche.objects.filter(boekjaar=boekjaar + 1, status__in=[Status.GEPLAND, Status.DEFINITIEF],
                                       werkplan_gevraagd_op__isnull=True, werkplan_uiterlijk__isnull=False, werkplan=""),
            _vraag_werkplan, user),
        "verantwoording_gevraagd": _in_batches(
            Jaartranche.objects.filter(boekjaar=boekjaar - 1, status=Status.LOPEND,
                                       verantwoording_gevraagd_op__isnull=True),
            _vraag_verantwoording, user),
    }


def laat_voorbehoud_vervallen(boekjaar: int | None = None) -> int:
    """Conditional tranches of years whose budget was adopted more than four weeks ago become definitive."""
    vandaag = timezone.localdate()
    vastgesteld = {
        jaar: vastgesteld_op for jaar, vastgesteld_op in Begrotingsjaar.objects.filter(vastgesteld_op__isnull=False)
        .values_list("boekjaar", "vastgesteld_op")
        if (boekjaar is None or jaar == boekjaar) and voorbehoud_tot(vastgesteld_op) < vandaag
    }
    gepland = Jaartranche.objects.filter(boekjaar__in=vastgesteld, status=Status.GEPLAND)
    return _in_batches(gepland, partial(_maak_definitief, vastgesteld=vastgesteld), systeemgebruiker())


def _maak_definitief(tranches, user, post, *, vastgesteld: dict[int, dt.date]) -> int:
    def reden(tranche) -> str:
        return (f"Begrotingsvoorbehoud vervallen: de begroting {tranche.boekjaar} is vastgesteld op "
                f"{vastgesteld[tranche.boekjaar]:%d-%m-%Y} en de vier weken daarna zijn voorbij (Awb 4:34).")

    # A refused one (e.g. the adoption date was just moved) is left for the next run.
    gedaan, _ = perform_each(tranches.select_related("subsidie__aanvraag", "verplichting__subsidie__aanvraag"),
                             "definitief_maken", user, reden=reden)
    return len(gedaan)


def _vraag_werkplan(tranches, user, post) -> int:
    return _markeer(tranches, "werkplan_gevraagd_op", post, lambda tranche: meldingen.jaarstuk_gevraagd(
        tranche, "werkplan"))


def _vraag_verantwoording(tranches, user, post) -> int:
    return _markeer(tranches, "verantwoording_gevraagd_op", post, lambda tranche: meldingen.jaarstuk_gevraagd(
        tranche, "verantwoording"))


def _markeer(tranches, veld: str, post, berichten) -> int:
    """Date `veld` today on each tranche, under row locks and in one UPDATE, and post `berichten(tranche)`."""
    vergrendeld = list(tranches.select_for_update(of=("self",)).select_related(
        ORGANISATIE, "subsidie__aanvraag__behandelaar").prefetch_related(*MET_ONTVANGERS).order_by("pk"))
    for tranche in vergrendeld:
        setattr(tranche, veld, timezone.localdate())
        post += berichten(tranche)
    Jaartranche.save_fields(vergrendeld, [veld])
    return len(vergrendeld)


# --- daily ------------------------------------------------------------------------------------------------
def bewaak_termijnen(vandaag: dt.date | None = None) -> dict:
    vandaag = vandaag or timezone.localdate()
    week = dt.timedelta(days=7)
    open_werkplan = Jaartranche.objects.filter(status__in=[Status.GEPLAND, Status.DEFINITIEF],
                                               werkplan_uiterlijk__isnull=False, werkplan="")
    open_verantwoording = Jaartranche.objects.filter(status=Status.LOPEND, boekjaar__lt=vandaag.year)
    telling = Counter(definitief=laat_voorbehoud_vervallen())
    for soort, veld, queryset in (("werkplan", "werkplan_uiterlijk", open_werkplan),
                                  ("verantwoording", "verantwoording_uiterlijk", open_verantwoording)):
        # A week before, and on the day; a run that missed the day catches up within the week after.
        for moment, van, tot in (("week", vandaag + dt.timedelta(days=1), vandaag + week),
                                 ("dag", vandaag - week + dt.timedelta(days=1), vandaag)):
            binnen = queryset.filter(**{f"{veld}__range": (van, tot)}).select_related(ORGANISATIE)
            for tranche in binnen.prefetch_related(*MET_ONTVANGERS):
                telling[f"herinnering_{soort}"] += _herinner(tranche, soort, moment, getattr(tranche, veld), vandaag)
    te_laat = open_verantwoording.filter(verantwoording_uiterlijk__lt=vandaag, te_laat_gemeld_op__isnull=True)
    telling["te_laat_gemeld"] = _in_batches(te_laat, _meld_te_laat, systeemgebruiker())
    telling["aanvulling_verstreken"] = _meld_verstreken_aanvullingen(vandaag)
    telling["herinnering_aanvulling"] = _herinner_aanvullingen(vandaag)
    return dict(telling)


def _meld_verstreken_aanvullingen(vandaag: dt.date) -> int:
    """The behandelaar hears once (the outbox key) that a request's aanvulling term passed unused, and until when it
    can still be put buiten behandeling."""
    later = Aanvulling.objects.filter(aanvraag=OuterRef("aanvraag"), pk__gt=OuterRef("pk"))
    verstreken = Aanvulling.objects.filter(
        aanvraag__status=Aanvraag.Status.AANVULLING_GEVRAAGD, ontvangen_op__isnull=True, termijn_tot__lt=vandaag,
    ).exclude(Exists(later)).select_related("aanvraag__behandelaar", "gevraagd_door").order_by("pk")
    gemeld = 0
    for aanvulling in verstreken:
        with transaction.atomic():
            gemeld += meldingen.aanvullingstermijn_verstreken(aanvulling, laatste_dag_buiten_behandeling(aanvulling))
    return gemeld


def _herinner_aanvullingen(vandaag: dt.date) -> int:
    """The applicant is reminded once (the outbox key) when an open aanvulling's term ends within
    `meldingen.URGENT_BINNEN`; a run that missed a day still reminds while the term runs."""
    open_aanvullingen = Aanvulling.objects.filter(
        aanvraag__status=Aanvraag.Status.AANVULLING_GEVRAAGD, ontvangen_op__isnull=True,
        termijn_tot__range=(vandaag, vandaag + meldingen.URGENT_BINNEN),
    ).select_related("aanvraag__organisatie").prefetch_related(
        "aanvraag__organisatie__contactpersonen", "aanvraag__organisatie__leden").order_by("pk")
    herinnerd = 0
    for aanvulling in open_aanvullingen:
        with transaction.atomic():
            herinnerd += meldingen.aanvulling_herinnering(aanvulling)
    return herinnerd


def _herinner(tranche, soort: str, moment: str, uiterlijk: dt.date, vandaag: dt.date) -> int:
    with transaction.atomic():
        return meldingen.herinnering(tranche, soort, moment, uiterlijk, vandaag)


def _meld_te_laat(tranches, user, post) -> int:
    return _markeer(tranches, "te_laat_gemeld_op", post, meldingen.te_laat)
