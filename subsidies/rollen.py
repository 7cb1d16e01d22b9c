"""The five roles (DESIGN §1) as Django groups, and the checks transitions and API permissions share."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    AANVRAGER = "aanvrager", _("Aanvrager")
    BEHANDELAAR = "behandelaar", _("Behandelaar")
    BESLISSER = "beslisser", _("Beslisser")
    AUDITOR = "auditor", _("Auditor")
    BEHEERDER = "beheerder", _("Beheerder")
    SYSTEEM = "systeem", _("Systeem (geplande taken)")


def rollen(user) -> frozenset[str]:
    """The user's roles, read once per user object."""
    if user is None or not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_rollen"):
        user._rollen = frozenset(user.groups.values_list("name", flat=True))
    return user._rollen


def heeft_rol(user, *gevraagd: str) -> bool:
    return bool(rollen(user) & set(gevraagd))


def is_medewerker(user) -> bool:
    """Staff who work on requests: behandelaar or beslisser."""
    return heeft_rol(user, Rol.BEHANDELAAR, Rol.BESLISSER)


def ziet_alles(user) -> bool:
    """Staff, auditors and beheerders read every organisation's data; applicants only their own."""
    return heeft_rol(user, Rol.BEHANDELAAR, Rol.BESLISSER, Rol.AUDITOR, Rol.BEHEERDER)


def zichtbaar(queryset, user, organisatie_pad: str):
    """The rows of `queryset` that `user` may see: all for staff, auditors and beheerders; for an applicant those of
    their own organisations (`organisatie_pad` leads from the model to its Organisatie; "" for Organisatie itself)."""
    if ziet_alles(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(**{f"{organisatie_pad}__leden" if organisatie_pad else "leden": user})


def is_lid(user, organisatie) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return organisatie.leden.filter(pk=user.pk).exists()


def heeft_belang(user, organisatie) -> bool:
    """A declared tie to the organisation: the officer may not act on its requests (DESIGN §5)."""
    return organisatie.belangenverklaringen.filter(medewerker=user).exists()


def mag_behandelen(user, organisatie) -> bool:
    return is_medewerker(user) and not heeft_belang(user, organisatie)


def mag_beslissen(user, organisatie) -> bool:
    return heeft_rol(user, Rol.BESLISSER) and not heeft_belang(user, organisatie)


# Transition permissions (django-fsm `permission=`): the object tells whose it is through `obj.organisatie`.
def aanvrager(obj, user) -> bool:
    """aanvrager: lid van de organisatie"""
    return is_lid(user, obj.organisatie)


def behandelaar(obj, user) -> bool:
    """behandelaar of beslisser zonder belang bij de organisatie"""
    return mag_behandelen(user, obj.organisatie)


def beslisser(obj, user) -> bool:
    """beslisser zonder belang bij de organisatie"""
    return mag_beslissen(user, obj.organisatie)


def behandelaar_of_systeem(obj, user) -> bool:
    """behandelaar, of het systeem in een geplande taak"""
    return heeft_rol(user, Rol.SYSTEEM) or behandelaar(obj, user)


def systeemgebruiker():
    """The account scheduled jobs act as, so the trail names them; it cannot log in."""
    from django.contrib.auth.models import Group, User

    user, created = User.objects.get_or_create(username="systeem", defaults={"first_name": "Geplande taak"})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get_or_create(name=Rol.SYSTEEM)[0])
    return user


def aanvrager_of_behandelaar(obj, user) -> bool:
    """aanvrager (lid) of behandelaar"""
    return aanvrager(obj, user) or behandelaar(obj, user)
