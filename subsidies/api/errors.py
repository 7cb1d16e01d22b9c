"""Every API error as JSON with a stable code and a message in Dutch and English — never a bare 500 or an HTML page.

One voice in both languages: the messages are our own (formal "u", plain Dutch), per kind of error, whatever
language DRF or Django would have answered in. Field errors inside `details` follow the house style
"Nederlandse tekst. / English text."; DRF's and Django's standard ones are rewritten by their error code.
"""
import re

from django.core.exceptions import (
    PermissionDenied, RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent, TooManyFilesSent,
    ValidationError as DjangoValidationError,
)
from django.http import Http404, JsonResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.exceptions import ErrorDetail
from rest_framework.fields import get_error_detail
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from workflows.errors import DomainError

from .exceptions import Bilingual


def _wait(exc) -> tuple[str, str]:
    seconds = int(exc.wait or 1)
    return f"{seconds} seconde{'n' if seconds != 1 else ''}", f"{seconds} second{'s' if seconds != 1 else ''}"


# Per kind of error, first match wins: (exception class, status, code, Dutch, English). The texts may use
# {method}, {media_type} (from the request) and {wait_nl}/{wait_en} (seconds until a throttle lets go).
KINDS = [
    (exceptions.ParseError, 400, "onleesbare_invoer",
     "Wij kunnen de inhoud van uw verzoek niet lezen. Controleer de opmaak, bijvoorbeeld of het geldige JSON is.",
     "The request body could not be read. Check its format, for example that it is valid JSON."),
    (exceptions.NotAuthenticated, 401, "niet_ingelogd",
     "U bent niet ingelogd. Log eerst in of stuur uw token mee.",
     "You are not logged in. Log in first or send your token."),
    (exceptions.AuthenticationFailed, 401, "inloggen_mislukt",
     "Inloggen is niet gelukt. Controleer uw gegevens.", "Authentication failed. Check your credentials."),
    (exceptions.PermissionDenied, 403, "geen_toestemming",
     "U heeft hier geen toegang toe.", "You do not have access to this."),
    (exceptions.NotFound, 404, "niet_gevonden",
     "Dit hebben wij niet gevonden. Controleer het adres.", "Not found. Check the address."),
    (exceptions.MethodNotAllowed, 405, "methode_niet_toegestaan",
     "De methode {method} kan hier niet.", "The method {method} is not allowed here."),
    (exceptions.NotAcceptable, 406, "niet_acceptabel",
     "Wij kunnen het gevraagde formaat niet leveren. Vraag om JSON.",
     "The requested format cannot be delivered. Ask for JSON."),
    (exceptions.UnsupportedMediaType, 415, "mediatype_niet_ondersteund",
     "Het formaat {media_type} kunnen wij niet lezen. Stuur JSON.",
     "The media type {media_type} is not supported. Send JSON."),
    (exceptions.Throttled, 429, "te_veel_verzoeken",
     "U heeft te veel verzoeken gedaan. Probeer het over {wait_nl} opnieuw.",
     "Too many requests. Try again in {wait_en}."),
    (exceptions.ValidationError, 400, "ongeldige_invoer",
     "De invoer is niet geldig. Bij elk veld staat wat er niet klopt.",
     "The input is not valid. Each field says what is wrong."),
]
TOO_LARGE = (413, "te_groot", "Uw verzoek is te groot. Stuur minder gegevens of een kleiner bestand.",
             "The request is too large. Send less data or a smaller file.")
MALFORMED = (400, "ongeldig_verzoek", "Wij kunnen uw verzoek niet verwerken. Het is niet goed opgebouwd.",
             "The request cannot be processed. It is malformed.")
UNKNOWN = ("fout", "Er ging iets mis.", "Something went wrong.")


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response(exc.as_dict(), status=exc.status)
    if isinstance(exc, SuspiciousOperation):  # e.g. a body over DATA_UPLOAD_MAX_MEMORY_SIZE
        status_code, code, nl, en = _suspicious(exc)
        return Response(DomainError(nl, en, code=code).as_dict(), status=status_code)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(get_error_detail(exc))
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    code, nl, en = _message(exc, context.get("request"), response.status_code)
    details = bilingual_details(response.data) if isinstance(exc, exceptions.ValidationError) else None
    response.data = DomainError(nl, en, code=code, details=details).as_dict()  # the one error shape
    return response


def _suspicious(exc) -> tuple[int, str, str, str]:
    return TOO_LARGE if isinstance(exc, (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)) else MALFORMED


def _message(exc, request, status_code: int) -> tuple[str, str, str]:
    if isinstance(exc, Bilingual):
        return exc.code, exc.nl, exc.en
    for kind, _status, code, nl, en in KINDS:
        if isinstance(exc, kind):
            wait_nl, wait_en = _wait(exc) if isinstance(exc, exceptions.Throttled) else ("", "")
            values = {"method": getattr(request, "method", ""), "wait_nl": wait_nl, "wait_en": wait_en,
                      "media_type": getattr(request, "content_type", "") or "?"}
            return code, nl.format(**values), en.format(**values)
    return UNKNOWN


# --- field errors: DRF's and Django's standard texts in our voice, by their code --------------------------------
# {n} is the limit that the original text names (a length, a value, a number of digits).
FIELD_MESSAGES = {
    "required": ("Dit veld is verplicht.", "This field is required."),
    "null": ("Dit veld mag niet leeg (null) zijn.", "This field may not be null."),
    "blank": ("Dit veld mag niet leeg zijn.", "This field may not be blank."),
    "empty": ("Dit mag niet leeg zijn.", "This may not be empty."),
    "max_length": ("Gebruik hoogstens {n} tekens.", "Use at most {n} characters."),
    "min_length": ("Gebruik minstens {n} tekens.", "Use at least {n} characters."),
    "max_value": ("Dit mag hoogstens {n} zijn.", "This may be at most {n}."),
    "min_value": ("Dit moet minstens {n} zijn.", "This must be at least {n}."),
    "max_digits": ("Gebruik hoogstens {n} cijfers.", "Use at most {n} digits."),
    "max_decimal_places": ("Gebruik hoogstens {n} cijfers achter de komma.", "Use at most {n} decimal places."),
    "max_whole_digits": ("Gebruik hoogstens {n} cijfers voor de komma.", "Use at most {n} digits before the point."),
    "max_string_length": ("Dit getal is te lang.", "This number is too long."),
    "invalid": ("Deze waarde heeft niet de goede vorm.", "This value is not in the right format."),
    "invalid_choice": ("Kies een van de toegestane waarden.", "Choose one of the allowed values."),
    "does_not_exist": ("Dit object bestaat niet.", "This object does not exist."),
    "incorrect_type": ("Stuur hier een id.", "Send an id here."),
    "not_a_list": ("Stuur hier een lijst.", "Send a list here."),
    "not_a_dict": ("Stuur hier een object.", "Send an object here."),
    "unique": ("Deze waarde bestaat al.", "This value already exists."),
    "date": ("Stuur een datum met tijd.", "Send a date with a time."),
    "datetime": ("Stuur een datum zonder tijd.", "Send a date without a time."),
    "overflow": ("Deze datum valt buiten het bereik.", "This date is out of range."),
    "surrogate_characters_not_allowed": ("Deze tekst bevat ongeldige tekens.", "This text has invalid characters."),
    "null_characters_not_allowed": ("Deze tekst bevat ongeldige tekens.", "This text has invalid characters."),
}
LIST_MESSAGES = {  # a list's own max/min_length: "elements" in DRF's text in every language it ships
    "max_length": ("Geef hoogstens {n} regels.", "Give at most {n} items."),
    "min_length": ("Geef minstens {n} regels.", "Give at least {n} items."),
}
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def bilingual_details(data):
    """The same structure, each standard DRF/Django error text replaced by "Nederlands. / English."."""
    if isinstance(data, dict):
        return {key: bilingual_details(value) for key, value in data.items()}
    if isinstance(data, list):
        return [bilingual_details(item) for item in data]
    if not isinstance(data, ErrorDetail) or " / " in data:  # already our own, in both languages
        return data
    texts = (LIST_MESSAGES if "element" in data else {}).get(data.code) or FIELD_MESSAGES.get(data.code)
    if texts is None:
        return str(data)
    numbers = NUMBER.findall(data)
    nl, en = (text.format(n=numbers[-1] if numbers else "") for text in texts)
    return ErrorDetail(f"{nl} / {en}", code=data.code)


# --- Django's own error pages: JSON under /api/, HTML elsewhere as before -----------------------------------------
def _json_or_html(html_view, message):
    """A handler for config/urls.py; `message(exception)` gives (status, code, Dutch, English)."""
    def view(request, exception=None):
        if request.path.startswith("/api/"):
            status_code, code, nl, en = message(exception)
            return JsonResponse(DomainError(nl, en, code=code).as_dict(), status=status_code)
        return html_view(request, exception) if exception is not None else html_view(request)
    return view


handler400 = _json_or_html(defaults.bad_request, _suspicious)
handler403 = _json_or_html(defaults.permission_denied, lambda exception: KINDS[3][1:])
handler404 = _json_or_html(defaults.page_not_found, lambda exception: KINDS[4][1:])
handler500 = _json_or_html(defaults.server_error, lambda exception: (
    500, "serverfout", "Er ging bij ons iets mis. Probeer het later opnieuw.",
    "Something went wrong on our side. Please try again later."))
