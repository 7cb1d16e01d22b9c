"""Binds the request's user and a request id to the audit context."""
import uuid

from .context import acting_as


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
        with acting_as(user, request_id):
            response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response
