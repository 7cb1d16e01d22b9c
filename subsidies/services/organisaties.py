"""Who acts for an organisation: creating it, keeping its data, inviting others and leaving.

Every face (the portal now, the API later) calls these, so the rules hold at each door: only a member changes the
organisation's data (its IBAN too) or its members; an invitation's token is accepted once, within fourteen days,
unless it was withdrawn; the last member cannot leave, or nobody could act for the organisation any more. The trail
records each change (Organisatie, its membership and Uitnodiging are Auditable).
"""
import hashlib
import secrets
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from workflows.context import acting_as
from workflows.errors import InvalidInput, NotPermitted, TransitionNotPossible

from .. import rollen
from ..models import Organisatie, Uitnodiging
from . import meldingen


def controleer_lid(organisatie, user) -> None:
    """Only a member acts for the organisation: changes its data, its board and its members."""
    if not rollen.is_lid(user, organisatie):
        raise NotPermitted("Alleen wie lid is van de organisatie kan dit doen.",
                           "Only a member of the organisation can do this.", code="geen_lid")


def maak_organisatie(organisatie: Organisatie, user) -> Organisatie:
    """Save a new organisation (validated by the caller with `full_clean`); its creator is its first member."""
    with acting_as(user), transaction.atomic():
        organisatie.save()
        organisatie.leden.add(user)
    return organisatie


def bewaar(obj, user):
    """Save a change of the organisation's own data or of one of its rows (a Contactpersoon) by a member."""
    controleer_lid(getattr(obj, "organisatie", obj), user)
    with acting_as(user), transaction.atomic():
        obj.save()
    return obj


def verwijder_contactpersoon(contactpersoon, user) -> None:
    controleer_lid(contactpersoon.organisatie, user)
    with acting_as(user), transaction.atomic():
        contactpersoon.delete()


# --- invitations ---------------------------------------------------------------------------------------------
def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def uitnodigen(organisatie, email: str, door, link: Callable[[str], str]) -> Uitnodiging:
    """Invite `email` to act for `organisatie`; the mail (through the outbox) carries `link(token)`, the accept page."""
    controleer_lid(organisatie, door)
    token = secrets.token_urlsafe(32)
    uitnodiging = Uitnodiging(organisatie=organisatie, email=email, token_hash=_hash(token), uitgenodigd_door=door,
                              verloopt_op=timezone.now() + Uitnodiging.GELDIG)
    uitnodiging.full_clean(exclude=["token_hash"])
    with acting_as(door), transaction.atomic():
        uitnodiging.save()
        meldingen.uitnodiging(uitnodiging, link(token))
    return uitnodiging


def zoek(token: str) -> Uitnodiging | None:
    """The invitation this token belongs to, whatever its state; None for a token that never existed."""
    return Uitnodiging.objects.select_related("organisatie").filter(token_hash=_hash(token)).first()


def controleer_open(uitnodiging: Uitnodiging | None) -> None:
    """Raise the refusal that explains why this invitation cannot be accepted (unknown, withdrawn, used, expired)."""
    if uitnodiging is None:
        raise InvalidInput("Deze uitnodiging bestaat niet. Controleer de link in de e-mail.",
                           "This invitation does not exist. Check the link in the e-mail.",
                           code="uitnodiging_onbekend")
    if uitnodiging.ingetrokken_op is not None:
        raise TransitionNotPossible("Deze uitnodiging is ingetrokken. Vraag een lid van de organisatie om een nieuwe.",
                                    "This invitation was withdrawn. Ask a member of the organisation for a new one.",
                                    code="uitnodiging_ingetrokken")
    if uitnodiging.geaccepteerd_op is not None:
        raise TransitionNotPossible("Deze uitnodiging is al gebruikt. Een uitnodiging werkt maar één keer.",
                                    "This invitation has already been used. An invitation works only once.",
                                    code="uitnodiging_gebruikt")
    if timezone.now() >= uitnodiging.verloopt_op:
        raise TransitionNotPossible("Deze uitnodiging is verlopen. Vraag een lid van de organisatie om een nieuwe.",
                                    "This invitation has expired. Ask a member of the organisation for a new one.",
                                    code="uitnodiging_verlopen")


def accepteren(token: str, user) -> Organisatie:
    """`user` (logged in, with any e-mail address) becomes a member; the invitation is used up."""
    with acting_as(user), transaction.atomic():
        uitnodiging = Uitnodiging.objects.select_for_update().filter(token_hash=_hash(token)).first()
        controleer_open(uitnodiging)
        uitnodiging.geaccepteerd_op, uitnodiging.geaccepteerd_door = timezone.now(), user
        uitnodiging.save()
        uitnodiging.organisatie.leden.add(user)
    return uitnodiging.organisatie


def intrekken(uitnodiging: Uitnodiging, door) -> None:
    """A member withdraws an invitation that was not used yet: its token no longer works."""
    controleer_lid(uitnodiging.organisatie, door)
    with acting_as(door), transaction.atomic():
        uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
        if uitnodiging.geaccepteerd_op is not None or uitnodiging.ingetrokken_op is not None:
            raise TransitionNotPossible("Deze uitnodiging is al gebruikt of ingetrokken.",
                                        "This invitation has already been used or withdrawn.",
                                        code="uitnodiging_niet_open")
        uitnodiging.ingetrokken_op = timezone.now()
        uitnodiging.save()


def lid_verwijderen(organisatie, lid, door) -> None:
    """A member leaves (`lid` is `door`) or removes another member; the last member stays."""
    controleer_lid(organisatie, door)
    with acting_as(door), transaction.atomic():
        organisatie = Organisatie.objects.select_for_update().get(pk=organisatie.pk)  # two removals at once: in turn
        leden = set(organisatie.leden.values_list("pk", flat=True))
        if lid.pk not in leden:
            raise InvalidInput("Deze persoon is geen lid van de organisatie.",
                               "This person is not a member of the organisation.", code="geen_lid")
        if leden == {lid.pk}:
            raise TransitionNotPossible(
                "U bent het laatste lid. Nodig eerst iemand anders uit; anders kan niemand meer voor de organisatie "
                "handelen.",
                "You are the last member. Invite someone else first; otherwise nobody can act for the organisation.",
                code="laatste_lid")
        organisatie.leden.remove(lid)
