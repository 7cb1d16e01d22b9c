"""DRF exceptions that carry our own code and Dutch and English message (see errors.exception_handler).

A module of its own, without DRF's views: the authentication classes import it while DRF's settings load.
"""
from rest_framework import exceptions


class Bilingual:
    """Mixed into a DRF exception: it carries our own code and messages instead of DRF's translated detail."""

    def __init__(self, nl: str, en: str, *, code: str, **kwargs):
        super().__init__(detail=en, code=code, **kwargs)
        self.code, self.nl, self.en = code, nl, en


class AuthenticationRefused(Bilingual, exceptions.AuthenticationFailed):
    """401 with a specific reason (e.g. an expired token); DRF adds the WWW-Authenticate header."""


class LockedOut(Bilingual, exceptions.Throttled):
    """429: too many failed logins; `wait` (seconds) becomes the Retry-After header."""


class UnreadableInput(Bilingual, exceptions.ParseError):
    """400: a body the parser refuses for a reason of its own (e.g. nested too deep)."""


class NotFoundHere(Bilingual, exceptions.NotFound):
    """404 that says what was not found (e.g. a page beyond the last)."""
