"""Who may call what: role-based access for the API (DESIGN §1). Object-level rules live in the transitions."""
from rest_framework.permissions import SAFE_METHODS, BasePermission

from ..rollen import Rol, heeft_rol, is_medewerker, ziet_alles


class ReadOnlyForAll(BasePermission):
    """Public data (regelingen): anyone may read, nobody writes through the API (beheerders use the admin)."""

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS


class StaffRead(BasePermission):
    """Read-only data for everyone who may see all organisations: staff, auditors, beheerders."""

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS and ziet_alles(request.user)


class ApplicantOrStaff(BasePermission):
    """Applicants work on their own organisations' data; staff work on all; auditors only read."""

    def has_permission(self, request, view):
        user = request.user
        if not user.is_authenticated:
            return False
        if request.method in SAFE_METHODS:
            return True
        if heeft_rol(user, Rol.AUDITOR) and not heeft_rol(user, Rol.AANVRAGER, Rol.BEHANDELAAR, Rol.BESLISSER):
            return False
        return heeft_rol(user, Rol.AANVRAGER, Rol.BEHANDELAAR, Rol.BESLISSER, Rol.BEHEERDER)


class AuditorRead(BasePermission):
    def has_permission(self, request, view):
        return request.method in SAFE_METHODS and heeft_rol(request.user, Rol.AUDITOR, Rol.BEHEERDER)


class BeheerderWrites(BasePermission):
    """Configuration: staff, auditors and beheerders read; only a beheerder writes."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return ziet_alles(request.user)
        return heeft_rol(request.user, Rol.BEHEERDER)


class Medewerker(BasePermission):
    """Work of the officers themselves (a payment run): behandelaar or beslisser."""

    def has_permission(self, request, view):
        return is_medewerker(request.user)
