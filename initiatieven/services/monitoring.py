"""The figures the council gets twice a year: funded initiatives, amounts and reach per boekjaar, per soort, gebied,
theme and dimension of positieve gezondheid.

Funded in a boekjaar: a commitment (Verplichting) for that year on a regeling of this family, not withdrawn and not
lapsed. Amounts: what was granted for the year and what has been settled so far. Reach: what the recipients reported
for that year (and how many did), beside the participants expected in the requests. An initiative counts once per
gebied and soort, so those rows add up to the total; it counts under each of its themes and dimensions, so those
rows do not. Every breakdown is one GROUP BY query, however many initiatives there are.
"""
from decimal import Decimal

from django.db.models import Count, F, FilteredRelation, Q, Sum, Value
from django.db.models.functions import Coalesce

from subsidies.models import Gebied, Jaartranche, Subsidie, Verplichting

from ..models import Dimensie, Soort, Thema

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
CIJFERS = ("aantal", "verleend", "vastgesteld", "verwachte_deelnemers", "deelnemers", "vrijwilligers", "met_bereik")
INITIATIEF = "subsidie__aanvraag__initiatief"


def gefinancierd(boekjaar: int):
    """One row per initiative funded in `boekjaar`, with the reach reported for that year joined (at most one)."""
    return (
        Verplichting.objects.filter(boekjaar=boekjaar, subsidie__aanvraag__regeling__familie__in=Soort.values)
        .exclude(subsidie__status=Subsidie.Status.INGETROKKEN)
        .exclude(tranche__status=Jaartranche.Status.VERVALLEN)
        .annotate(gemeld=FilteredRelation("subsidie__bereik", condition=Q(subsidie__bereik__boekjaar=F("boekjaar"))))
        .order_by()
    )


def _cijfers():
    geld = {"output_field": Verplichting._meta.get_field("bedrag")}
    return {
        "aantal": Count("pk"),
        "verleend": Coalesce(Sum("oorspronkelijk_bedrag"), Value(ZERO), **geld),
        "vastgesteld": Coalesce(Sum("vastgesteld_bedrag"), Value(ZERO), **geld),
        "verwachte_deelnemers": Coalesce(Sum(f"{INITIATIEF}__verwachte_deelnemers"), 0),
        "deelnemers": Coalesce(Sum("gemeld__deelnemers"), 0),
        "vrijwilligers": Coalesce(Sum("gemeld__vrijwilligers"), 0),
        "met_bereik": Count("gemeld__pk"),
    }


def _in_centen(rij: dict) -> dict:
    """Amounts with two decimals, as everywhere (SQLite sums without them)."""
    return {**rij, "verleend": rij["verleend"].quantize(CENT), "vastgesteld": rij["vastgesteld"].quantize(CENT)}


def _per(rijen, sleutel: str, referentie: list[tuple], zonder: str = "") -> list[dict]:
    """Grouped rows in the order of `referentie` ((key, name) pairs), with zeros where nothing was funded, and a row
    for initiatives without one (key None) only when there are any."""
    gevonden = {rij.pop(sleutel): _in_centen(rij) for rij in rijen.values(sleutel).annotate(**_cijfers())}
    leeg = {naam: (ZERO if naam in ("verleend", "vastgesteld") else 0) for naam in CIJFERS}
    uitkomst = [{"code": code, "naam": naam, **gevonden.get(code, leeg)} for code, naam in referentie]
    if None in gevonden:
        uitkomst.append({"code": None, "naam": zonder, **gevonden[None]})
    return uitkomst


def cijfers(boekjaar: int) -> dict:
    rijen = gefinancierd(boekjaar)
    return {
        "boekjaar": boekjaar,
        "totaal": _in_centen(rijen.aggregate(**_cijfers())),
        "per_soort": _per(rijen, "subsidie__aanvraag__regeling__familie", [(s.value, str(s.label)) for s in Soort]),
        "per_gebied": _per(rijen, "subsidie__aanvraag__gebied", list(Gebied.objects.values_list("pk", "naam")),
                           "geen gebied (gemeentebreed)"),
        "per_thema": _per(rijen, f"{INITIATIEF}__themas__code", list(Thema.objects.values_list("code", "naam")),
                          "zonder thema"),
        "per_dimensie": _per(rijen, f"{INITIATIEF}__dimensies__code",
                             list(Dimensie.objects.values_list("code", "naam")), "zonder dimensie"),
    }


def als_tabel(uitkomst: dict) -> list[list]:
    """The figures as one table (for CSV): a row per breakdown and group, the total first."""
    kop = ["boekjaar", "indeling", "code", "naam", *CIJFERS]
    regels = [[uitkomst["boekjaar"], "totaal", "", "", *(uitkomst["totaal"][naam] for naam in CIJFERS)]]
    for indeling in ("soort", "gebied", "thema", "dimensie"):
        for rij in uitkomst[f"per_{indeling}"]:
            regels.append([uitkomst["boekjaar"], indeling, "" if rij["code"] is None else rij["code"], rij["naam"],
                           *(rij[naam] for naam in CIJFERS)])
    return [kop, *regels]
