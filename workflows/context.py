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


_memo: ContextVar = ContextVar("batch_memo", default=None)


@contextlib.contextmanager
def remembering():
    """Inside the block `remembered` computes each key once: reference data that a batch reads for every object
    (a budget year, a holiday list) is read once per batch instead of once per object. Nested blocks share one memo.
    """
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered(key, compute):
    """`compute()`, or inside a `remembering` block the value it gave the first time for `key`."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


_transitie: ContextVar = ContextVar("in_transitie", default=False)


@contextlib.contextmanager
def in_transitie():
    """Mark the block as the inside of a transition run by `transitions.perform`: what it changes (the object, its
    lines, related records) is the lifecycle's own doing, so the rules for changes by hand do not apply there."""
    token = _transitie.set(True)
    try:
        yield
    finally:
        _transitie.reset(token)


def transitie_loopt() -> bool:
    return _transitie.get()
