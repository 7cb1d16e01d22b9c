"""The five roles (DESIGN §1) as Django groups, and the checks transitions and API permissions share."""
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.errors import NotPermitted

from .bedragen import euro


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


def auditor_adressen() -> list[str]:
    """The addresses the audit trail's digests are mailed to (settings.AUDIT_DIGEST_RECIPIENTS): active auditors."""
    return list(get_user_model().objects.filter(groups__name=Rol.AUDITOR, is_active=True).exclude(email="")
                .order_by("email").values_list("email", flat=True))


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
    return van_leden(queryset, user, organisatie_pad)


def van_leden(queryset, user, organisatie_pad: str):
    """The rows of `queryset` of organisations `user` is a member of, whatever their role: what an applicant sees
    (`zichtbaar`), and all the portal shows anyone."""
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


class VierOgen:
    """Four-eyes (DESIGN §5): above the regeling's `vier_ogen_drempel` a beslisser decides who is not `niet_door` of
    the request ("voorgesteld_door": who made the proposal; "behandelaar": who handled the request).

    A transition names it as its guard (`custom={"guard": ...}`), so `transitions.check` and the available actions
    apply and explain it; `bedrag(obj)` is the amount at stake, None when it is only known from the action's input —
    then the transition calls `toets(obj, user, bedrag)` itself once it knows the amount.
    """

    WIE = {"voorgesteld_door": ("het voorstel niet zelf deed", "the proposer"),
           "behandelaar": ("de aanvraag niet zelf behandelde", "the officer who handled the request")}

    def __init__(self, bedrag: Callable, niet_door: str, op: str, aanvraag: Callable = lambda obj: obj):
        self.bedrag, self.niet_door, self.aanvraag = bedrag, niet_door, aanvraag
        # what docs/lifecycle.md shows for this guard
        self.__doc__ = f"vier ogen: boven de drempel ({op}) beslist een beslisser die {self.WIE[niet_door][0]}"

    def __call__(self, obj, user) -> None:
        bedrag = self.bedrag(obj)
        if bedrag is not None:
            self.toets(obj, user, bedrag)

    def toets(self, obj, user, bedrag) -> None:
        aanvraag = self.aanvraag(obj)
        drempel = aanvraag.regeling.vier_ogen_drempel
        if bedrag <= drempel:
            return
        if mag_beslissen(user, aanvraag.organisatie) and user.pk != getattr(aanvraag, f"{self.niet_door}_id"):
            return
        wie_nl, wie_en = self.WIE[self.niet_door]
        raise NotPermitted(
            f"Boven {euro(drempel)} beslist een beslisser die {wie_nl} (vier-ogenprincipe).",
            f"Above {euro(drempel, 'en')} a beslisser other than {wie_en} decides (four eyes).",
            code="vier_ogen",
        )


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
