"""The demo's logins, one per role with its published password, and an aanvrager for each request family; who plays
which role in the stories; and the tie one behandelaar declared with an organisation.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Login:
    username: str
    rol: str
    voornaam: str
    achternaam: str
    # Organisations (keys of organisaties.ORGANISATIES) this login is a member of, beside the ones whose story the
    # demo aanvrager tells (DemoOrganisatie.lid_is_demo_aanvrager): an aanvrager of each family sees its requests.
    lid_van: tuple[str, ...] = ()

    @property
    def wachtwoord(self) -> str:
        return f"{self.username}-2026"

    @property
    def email(self) -> str:
        """Verified, so the login works on the faces' login page (by this address or the username)."""
        return f"{self.username}@example.org"


LOGINS = [
    # Buurtkamer Beijum, Taalcafé Paddepoel, Mantelzorg Haren: above all maatschappelijke initiatieven.
    Login("demo-aanvrager", "aanvrager", "Anouk", "Bakker"),
    # Initiatiefgroep Hoornse Meer Beweegt: bewonersinitiatieven from the gebiedsbudget.
    Login("demo-bewonersinitiatief", "aanvrager", "Lisa", "Visser", lid_van=("hoornse-meer",)),
    # Buurthuis De Korrel: exploitatie and onderhoud of its accommodatie.
    Login("demo-accommodatie", "aanvrager", "Wendy", "Meijer", lid_van=("buurthuis-korrewegwijk",)),
    # Bewonersorganisatie Selwerd: the yearly subsidy of a bewonersorganisatie.
    Login("demo-bewonersorganisatie", "aanvrager", "Jan", "Hofstra", lid_van=("bo-selwerd",)),
    Login("demo-behandelaar", "behandelaar", "Sanne", "Huizinga"),
    Login("demo-behandelaar2", "behandelaar", "Joost", "Mulder"),
    Login("demo-beslisser", "beslisser", "Marieke", "Postma"),
    Login("demo-auditor", "auditor", "Erik", "Veenstra"),
    Login("demo-beheerder", "beheerder", "Ingrid", "Smit"),
]
# The demo staff's second login step (access.tweestaps): one published TOTP secret, like their passwords. Add it to
# an authenticator app, or let `manage.py demo_code` print the current code. Demo only: real staff set up their own.
DEMO_TOTP_GEHEIM = "DEMOSUBSIDIESGRONINGENTWEESTAPPE"
AANVRAGER, BEHANDELAARS, BESLISSER = "demo-aanvrager", ("demo-behandelaar", "demo-behandelaar2"), "demo-beslisser"
BEHEERDER = "demo-beheerder"

# A declared tie: the second behandelaar may not handle this organisation's requests (DESIGN §5).
BELANGEN = [("demo-behandelaar2", "dorpsvereniging-glimmen", "Is penningmeester van de dorpsvereniging.")]
