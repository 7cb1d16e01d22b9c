"""Domain errors with a stable code and a message in Dutch and English.

Every refusal the engine gives (a transition that is not allowed, a condition not met, bad input) is one of these,
so the API, the admin and the portal can all show the same specific reason — and nothing answers with a 500.
"""


class DomainError(Exception):
    """A refusal a user can act on. `status` is the HTTP status the API answers with."""

    status = 409
    default_code = "geweigerd"

    def __init__(self, nl: str, en: str, *, code: str | None = None, details: dict | None = None):
        super().__init__(en)
        self.code = code or self.default_code
        self.nl = nl
        self.en = en
        self.details = details or {}

    def as_dict(self) -> dict:
        data = {"code": self.code, "message": {"nl": self.nl, "en": self.en}}
        if self.details:
            data["details"] = self.details
        return data


class TransitionNotPossible(DomainError):
    """The object is not in a state that allows the action, or a condition is not met (HTTP 409)."""

    status = 409
    default_code = "overgang_niet_mogelijk"


class NotPermitted(DomainError):
    """The user may not perform this action on this object (HTTP 403)."""

    status = 403
    default_code = "geen_toestemming"


class InvalidInput(DomainError):
    """The input for an action is missing or wrong (HTTP 400)."""

    status = 400
    default_code = "ongeldige_invoer"

    @classmethod
    def uit_validatie(cls, exc) -> "InvalidInput":
        """A Django ValidationError per field (messages "Nederlands. / English.") as one refusal naming the fields."""
        fouten = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        nl, en = [], []
        for veld, berichten in fouten.items():
            for bericht in berichten:
                tekst_nl, _, tekst_en = bericht.partition(" / ")
                nl.append(f"{veld}: {tekst_nl}")
                en.append(f"{veld}: {tekst_en or tekst_nl}")
        return cls(" ".join(nl), " ".join(en), details={"velden": sorted(fouten), "fouten": fouten})


class Unavailable(DomainError):
    """A service the action needs cannot be reached now; nothing was changed, try again later (HTTP 503)."""

    status = 503
    default_code = "tijdelijk_niet_beschikbaar"
