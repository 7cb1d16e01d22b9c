"""Every API error as JSON with a stable code and a message in Dutch and English — never a bare 500."""
from django.core.exceptions import PermissionDenied, ValidationError as DjangoValidationError
from django.http import Http404
from django.utils import translation
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from workflows.errors import DomainError

GENERIC = {
    status.HTTP_400_BAD_REQUEST: ("ongeldige_invoer", "De invoer is niet geldig.", "The input is not valid."),
    status.HTTP_401_UNAUTHORIZED: ("niet_ingelogd", "Log eerst in.", "Please log in first."),
    status.HTTP_403_FORBIDDEN: ("geen_toestemming", "U heeft hier geen toegang toe.", "You do not have access to this."),
    status.HTTP_404_NOT_FOUND: ("niet_gevonden", "Niet gevonden.", "Not found."),
    status.HTTP_405_METHOD_NOT_ALLOWED: ("methode_niet_toegestaan", "Deze methode kan hier niet.",
                                         "This method is not allowed here."),
    status.HTTP_406_NOT_ACCEPTABLE: ("niet_acceptabel", "Dit formaat kan niet geleverd worden.",
                                     "This format cannot be delivered."),
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: ("mediatype_niet_ondersteund", "Dit formaat wordt niet ondersteund.",
                                             "This media type is not supported."),
    status.HTTP_429_TOO_MANY_REQUESTS: ("te_veel_verzoeken", "Te veel verzoeken; probeer het later.",
                                        "Too many requests; try again later."),
}


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response(exc.as_dict(), status=exc.status)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    code, nl, en = GENERIC.get(response.status_code, ("fout", "Er ging iets mis.", "Something went wrong."))
    details = response.data if isinstance(exc, exceptions.ValidationError) else None
    if not details and isinstance(response.data, dict) and response.data.get("detail"):
        # DRF's own text is in the request's language only; it replaces the generic message in that language.
        if (translation.get_language() or "nl").startswith("en"):
            en = str(response.data["detail"])
        else:
            nl = str(response.data["detail"])
    response.data = DomainError(nl, en, code=code, details=details).as_dict()  # the one error shape
    return response
