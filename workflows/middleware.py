"""Binds the request's user and a request id to the audit context."""
import re
import uuid

from .context import acting_as

# What the trail stores (AuditRecord.request_id is 64 characters) and a header can carry back safely.
REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get("X-Request-ID", "")
        request_id = offered if REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex
        user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
        with acting_as(user, request_id):
            response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response
