"""Who is acting, and in which request: read by the audit trail without passing it through every call."""
import contextlib
import uuid
from contextvars import ContextVar

_actor: ContextVar = ContextVar("audit_actor", default=None)
_request_id: ContextVar = ContextVar("audit_request_id", default="")


def current_actor():
    return _actor.get()


def current_request_id() -> str:
    return _request_id.get()


@contextlib.contextmanager
def acting_as(user, request_id: str | None = None):
    """Attribute every audit record written inside the block to `user` (None for the system)."""
    actor_token = _actor.set(user)
    request_token = _request_id.set(request_id or _request_id.get() or uuid.uuid4().hex)
    try:
        yield
    finally:
        _actor.reset(actor_token)
        _request_id.reset(request_token)
