"""How a demo request's story is told: the request (`DemoAanvraag`), its steps (`Stap`) and the step builders
(`indienen()`, `verleend()`, …) that the stories of `eenmalig`, `structureel` and the other families' demos are
written with.

A story starts `start` days before today and every step happens `na` days after the previous one (either may
instead be an ISO date); `builder` replays all steps of all requests in calendar order through `perform()`.
"""
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Dagen:
    """A date `n` days after the day of the step (negative: before it)."""

    n: int


@dataclass(frozen=True)
class Werkdag:
    """The first working day from `n` days after the day of the step (a hearing is held on one)."""

    n: int


@dataclass(frozen=True)
class Deel:
    """A share of the subsidy granted, e.g. Deel("0.5")."""

    fractie: str


@dataclass(frozen=True)
class Stap:
    """One action in a request's story, `na` days after the previous step (or on the ISO date `na`), by a role:
    `aanvrager`, `behandelaar`, `beslisser`, or `beslist` (the beslisser above the four-eyes threshold, else the
    behandelaar)."""

    na: int | str
    actie: str
    door: str
    reden: str = ""
    params: dict = field(default_factory=dict)
    # aanvraag | subsidie | betaling (the oldest planned payment) | tranche (of `jaar`) | bezwaar (the latest one) |
    # beschikking: file an objection against the request's latest decision (`reden` holds its grounds)
    op: str = "aanvraag"
    jaar: int = 0


@dataclass(frozen=True)
class DemoAanvraag:
    """A one-off request (`bedrag`, `periode` in the current boekjaar), or a multi-year one (`jaarbedragen`)."""

    titel: str
    organisatie: str
    regeling: str
    bedrag: str | None
    periode: tuple[str, str] | None  # ("MM-DD", "MM-DD") in the current boekjaar
    omschrijving: str
    start: int | str  # days before today the draft was made, or its ISO date
    verloop: tuple[Stap, ...] = ()
    wijk: str = ""  # default: the organisation's wijk
    jaarbedragen: dict[int, str] | None = None  # the meerjarenbegroting: {boekjaar: bedrag}
    werkplan: str = ""  # for the first year
    voortzetting_van: str = ""  # the titel of the request whose subsidie this one continues

    @property
    def gevraagd(self) -> Decimal | None:
        if self.jaarbedragen:
            return sum(Decimal(bedrag) for bedrag in self.jaarbedragen.values())
        return Decimal(self.bedrag) if self.bedrag else None


MOTIVERING = "Het initiatief past bij de doelen van de regeling en de begroting is reëel."


def indienen(na=1):
    return (Stap(na, "indienen", "aanvrager"),)


def papier(na=0, dagen_oud=3):
    """A paper request: the behandelaar types it in and registers it with the day it arrived."""
    return (Stap(na, "indienen", "behandelaar", "Papieren aanvraag, per post ontvangen.",
                 {"ontvangen_op": Dagen(-dagen_oud)}),)


def behandelen(na=2):
    return (Stap(na, "in_behandeling_nemen", "behandelaar"),)


def aanvulling(reden, termijn=14, na=1):
    return (Stap(na, "aanvulling_vragen", "behandelaar", reden, {"termijn_tot": Dagen(termijn)}),)


def aangevuld(na=6):
    return (Stap(na, "aanvulling_ontvangen", "aanvrager", "De gevraagde stukken zijn bijgevoegd."),)


def volledig(na=2):
    return (Stap(na, "volledig_verklaren", "behandelaar"),)


def verdagen(reden, weken=4, na=1):
    return (Stap(na, "beslistermijn_verdagen", "behandelaar", reden, {"weken": weken}),)


def voorstel(motivering=MOTIVERING, bedrag=None, na=3):
    params = {"uitkomst": "verlenen"} | ({"bedrag": Decimal(bedrag)} if bedrag else {})
    return (Stap(na, "besluit_voorstellen", "behandelaar", motivering, params),)


def weigervoorstel(motivering, na=3):
    return (Stap(na, "besluit_voorstellen", "behandelaar", motivering, {"uitkomst": "weigeren"}),)


def terugsturen(reden, na=2):
    return (Stap(na, "voorstel_terugsturen", "beslisser", reden),)


def ter_beoordeling():
    return indienen() + behandelen() + volledig()


def verleend(motivering=MOTIVERING, bedrag=None):
    return ter_beoordeling() + voorstel(motivering, bedrag) + (Stap(2, "verlenen", "beslist"),)


def geweigerd(motivering):
    return ter_beoordeling() + weigervoorstel(motivering) + (Stap(2, "weigeren", "beslist"),)


def intrekken(reden, na=3):
    return (Stap(na, "intrekken", "aanvrager", reden),)


def voorschot(na, deel="1", uitgevoerd_na=None):
    stap = Stap(na, "voorschot_betalen", "behandelaar", "Voorschot volgens de beschikking.", {"bedrag": Deel(deel)},
                op="subsidie")
    return (stap,) + (uitgevoerd(uitgevoerd_na) if uitgevoerd_na else ())


def uitgevoerd(na):
    return (Stap(na, "uitvoeren", "behandelaar", op="betaling"),)


def verantwoording_vragen(na, termijn=120):
    return (Stap(na, "verantwoording_vragen", "behandelaar", "De activiteiten zijn afgelopen; graag uw verantwoording.",
                 {"uiterlijk": Dagen(termijn)}, op="subsidie"),)


def verantwoording(na, verslag, kosten):
    return (Stap(na, "verantwoording_indienen", "aanvrager", "",
                 {"activiteitenverslag": verslag, "werkelijke_kosten": Decimal(kosten)}, op="subsidie"),)


def vaststellen(na, bedrag=None, reden=""):
    params = {"bedrag": Decimal(bedrag)} if bedrag else {}
    return (Stap(na, "vaststellen", "behandelaar", reden, params, op="subsidie"),)


def afsluiten(na=1):
    return (Stap(na, "afsluiten", "behandelaar", op="subsidie"),)


def subsidie_intrekken(na, reden):
    return (Stap(na, "intrekken", "beslisser", reden, op="subsidie"),)



# --- bezwaar ------------------------------------------------------------------------------------------------------
def bezwaar(gronden, na=8, door="aanvrager", **params):
    """An objection against the request's latest decision; the behandelaar registers a paper one with its date."""
    return (Stap(na, "dien_in", door, gronden, params, op="beschikking"),)


def bezwaar_behandelen(na=2, **params):
    return (Stap(na, "in_behandeling_nemen", "behandelaar", params=params, op="bezwaar"),)


def hoorzitting(na=3, over=10):
    return (Stap(na, "hoorzitting_plannen", "behandelaar", params={"hoorzitting_op": Werkdag(over)}, op="bezwaar"),)


def bezwaar_stap(actie, reden="", na=3, door="behandelaar", **params):
    """A decision or other step on the latest objection: gegrond_verklaren (with `bedrag`, the new amount of a
    verlening that was too low), ongegrond_verklaren, verdagen, ..."""
    return (Stap(na, actie, door, reden, params, op="bezwaar"),)

def in_gebreke(na):
    """The decision term passed: the applicant sends an ingebrekestelling from the portal (Awb 4:17)."""
    return (Stap(na, "in_gebreke_stellen", "aanvrager",
                 "U hebt niet binnen de termijn beslist. Ik verzoek u alsnog te beslissen."),)


def dwangsom_vastgesteld(na, betaald_na=None):
    """The behandelaar sets the dwangsom by beschikking (4:18), and it is paid."""
    stap = Stap(na, "dwangsom_vaststellen", "behandelaar", "Excuses voor het late besluit.", op="ingebrekestelling")
    return (stap,) + ((Stap(betaald_na, "uitvoeren", "behandelaar", op="dwangsombetaling"),) if betaald_na else ())
