"""Issuing and revoking API tokens; both are written to the audit trail in the same transaction."""
import datetime as dt
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from workflows import audit
from workflows.models import AuditRecord

from .models import ApiToken, sleutel_hash


def uitgeven(gebruiker) -> tuple[ApiToken, str]:
    """A new token for `gebruiker`, valid for API_TOKEN_DAYS; returns it and its key (shown once, never stored)."""
    sleutel = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            gebruiker=gebruiker, sleutel_hash=sleutel_hash(sleutel), prefix=sleutel[:8],
            verloopt_op=timezone.now() + dt.timedelta(days=settings.API_TOKEN_DAYS),
        )
        audit.record(token, AuditRecord.Actie.AANGEMAAKT, actor=gebruiker,
                     wijzigingen={"verloopt_op": token.verloopt_op})
    return token, sleutel


def intrekken(tokens, door) -> int:
    """Revoke the tokens in the queryset `tokens` that still work; returns how many. `door` is who revokes."""
    nu = timezone.now()
    with transaction.atomic():
        geldig = list(tokens.select_for_update().filter(ingetrokken_op__isnull=True, verloopt_op__gt=nu))
        for token in geldig:
            token.ingetrokken_op = nu
            token.save(update_fields=["ingetrokken_op"])
            audit.record(token, AuditRecord.Actie.HANDELING, handeling="intrekken", actor=door,
                         wijzigingen={"ingetrokken_op": nu})
    return len(geldig)
