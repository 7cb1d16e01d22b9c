import pytest
from allauth.account.models import EmailAddress

from subsidies.rollen import Rol
from tests.factories import maak_gebruiker

WACHTWOORD = "Kraaiheide-31-Beijum"


def account(email: str, *, verified: bool = True, username: str | None = None, rol: str = Rol.AANVRAGER):
    """A person with a password and an email address that allauth knows (verified or not)."""
    user = maak_gebruiker(rol, username=username or email.split("@")[0], email=email)
    user.set_password(WACHTWOORD)
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


@pytest.fixture
def anouk(db):
    return account("anouk@buurtkamer.example.org")


def ingelogd(client):
    """Who the client's session belongs to, asked the way every page asks it."""
    response = client.get("/portaal/")
    return response.wsgi_request.user if response.status_code == 200 else None
