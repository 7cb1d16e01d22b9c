"""The demo's logins, one per role with its published password; who plays which role in the stories; and the tie
one behandelaar declared with an organisation.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Login:
    username: str
    rol: str
    voornaam: str
    achternaam: str

    @property
    def wachtwoord(self) -> str:
        return f"{self.username}-2026"


LOGINS = [
    Login("demo-aanvrager", "aanvrager", "Anouk", "Bakker"),
    Login("demo-behandelaar", "behandelaar", "Sanne", "Huizinga"),
    Login("demo-behandelaar2", "behandelaar", "Joost", "Mulder"),
    Login("demo-beslisser", "beslisser", "Marieke", "Postma"),
    Login("demo-auditor", "auditor", "Erik", "Veenstra"),
    Login("demo-beheerder", "beheerder", "Ingrid", "Smit"),
]
AANVRAGER, BEHANDELAARS, BESLISSER = "demo-aanvrager", ("demo-behandelaar", "demo-behandelaar2"), "demo-beslisser"
BEHEERDER = "demo-beheerder"

# A declared tie: the second behandelaar may not handle this organisation's requests (DESIGN §5).
BELANGEN = [("demo-behandelaar2", "dorpsvereniging-glimmen", "Is penningmeester van de dorpsvereniging.")]
