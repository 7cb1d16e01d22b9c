"""The application forms of the portal: per request family the steps a person goes through (`stappen`), the
draft that keeps what they typed (`concept`), and the submission that turns the draft into the request
(`indienen`). See docs/architecture.md, "Portaal: aanvragen"."""
from initiatieven.models import Soort

from .stappen import BegrotingStap, DocumentenStap, DoelenStap, Stap, WaarStap, WatStap, WerkplanStap

# Per family (Regeling.familie) its steps, in order. A family without an entry cannot be applied for here yet.
STROMEN: dict[str, list[Stap]] = {
    # Quick: a phone in ten minutes — what, where and when, how much, an optional file.
    Soort.BEWONERSINITIATIEF: [WatStap(), WaarStap(wijk_verplicht=True), BegrotingStap(), DocumentenStap()],
    # One-off or multi-year: goals with indicators; multi-year adds a work plan and an amount per boekjaar.
    Soort.MAATSCHAPPELIJK: [WatStap(), WaarStap(), DoelenStap(), BegrotingStap(), WerkplanStap(), DocumentenStap()],
}


def ondersteund(regeling) -> bool:
    return regeling.familie in STROMEN


def stappen_van(aanvraag) -> list[Stap]:
    """The steps that apply to this request, in order."""
    return [stap for stap in STROMEN.get(aanvraag.regeling.familie, []) if stap.is_applicable(aanvraag)]


def zoek_stap(aanvraag, slug: str) -> Stap | None:
    return next((stap for stap in stappen_van(aanvraag) if stap.slug == slug), None)


def stap_van_veld(aanvraag, veld: str) -> Stap | None:
    """The step that holds the field an engine refusal names."""
    return next((stap for stap in stappen_van(aanvraag) if veld in stap.velden), None)
