"""The one entry point for every state change: `perform(obj, actie, user, reden=..., **params)`.

Views, the API, the admin and Celery tasks all call it. Inside one transaction it re-reads the object under a row
lock (no other lock: the trail is written without one), checks that the action exists in the current state, that the user may
perform it and that its conditions hold (each failure with its own reason in Dutch and English), runs the
django-fsm transition and writes the audit record. A refusal changes nothing.

Jobs that move thousands of objects at once use `perform_each`: the same checks, transition and record for each
object, in one batch per call.
"""
import contextlib
import inspect
from collections.abc import Callable

from django.db import transaction
from django.db.models import QuerySet
from django_fsm import ConcurrentTransition

from . import audit
from .context import acting_as, in_transitie, remembering
from .errors import DomainError, InvalidInput, NotPermitted, TransitionNotPossible
from .models import AuditRecord

REDEN_MAX = 5000  # a toelichting in the trail (and the motivering it often becomes); the API's limit too


def _transition_for(obj, actie: str):
    method = getattr(type(obj), actie, None)
    meta = getattr(method, "_django_fsm", None)
    if meta is None:
        raise InvalidInput(
            f"Onbekende actie '{actie}'.", f"Unknown action '{actie}'.", code="onbekende_actie"
        )
    return meta.get_transition(obj.status), method


def action_label(obj, actie: str) -> str:
    method = getattr(type(obj), actie)
    transitions = method._django_fsm.transitions.values()
    return str(next(iter(transitions)).custom.get("label", actie))


def check(obj, actie: str, user):
    """Raise the DomainError that explains why `user` cannot perform `actie` on `obj` now; else return the transition."""
    transition, _ = _transition_for(obj, actie)
    if transition is None:
        raise TransitionNotPossible(
            f"'{action_label(obj, actie)}' kan niet in status '{obj.get_status_display()}'.",
            f"'{actie}' is not possible in status '{obj.status}'.",
            code="overgang_niet_toegestaan",
            details={"status": obj.status, "actie": actie},
        )
    if not transition.has_perm(obj, user):
        raise NotPermitted(
            f"U mag '{action_label(obj, actie)}' hier niet uitvoeren.",
            f"You are not allowed to perform '{actie}' here.",
        )
    for condition in transition.conditions:
        if not condition(obj):
            raise TransitionNotPossible(condition.nl, condition.en, code=condition.code)
    guard = transition.custom.get("guard")
    if guard is not None:
        guard(obj, user)  # rules that depend on who acts on this object, e.g. four-eyes; raises a DomainError
    return transition


def available_actions(obj, user) -> list[dict]:
    """The actions of the object's current state open to `user`, with whether each is possible now and if not, why."""
    actions = []
    for transition in obj._meta.get_field("status").get_all_transitions(type(obj)):
        if transition.source != obj.status or any(a["actie"] == transition.name for a in actions):
            continue
        try:
            check(obj, transition.name, user)
        except DomainError as refusal:
            if refusal.code == NotPermitted.default_code:  # not this user's action at all: hide it
                continue
            actions.append({"actie": transition.name, "label": action_label(obj, transition.name),
                            "mogelijk": False, "reden": refusal.as_dict()["message"]})
        else:
            actions.append({"actie": transition.name, "label": action_label(obj, transition.name),
                            "mogelijk": True, "reden": None})
    return actions


def _accepted_params(method, params: dict) -> dict:
    signature = inspect.signature(inspect.unwrap(method))
    unknown = set(params) - set(signature.parameters)
    if unknown:
        names = ", ".join(sorted(unknown))
        raise InvalidInput(f"Onbekende gegevens voor deze actie: {names}.", f"Unexpected fields for this action: {names}.")
    return params


def perform(obj, actie: str, user, *, reden: str = "", **params):
    """Run transition `actie` on `obj` as `user`; return the updated object."""
    with acting_as(user), transaction.atomic():
        obj = _locked(type(obj).objects).get(pk=obj.pk)
        return _run(obj, actie, user, reden, params)


def _locked(queryset: QuerySet) -> QuerySet:
    """`queryset` read under row locks on its objects and on the related rows their transitions change."""
    lock_with = getattr(queryset.model, "lock_with", ())
    return queryset.select_related(*lock_with).select_for_update(of=("self", *lock_with))


@contextlib.contextmanager
def batch(user):
    """One transaction for a job's many changes as `user`: the trail is written in one go at its end
    (`audit.batched`) and reference data is read once (`context.remembering`)."""
    with acting_as(user), remembering(), audit.batched():
        yield


def perform_each(objects: QuerySet, actie: str, user, *, reden: str | Callable = "", **params) -> tuple[list, list]:
    """Run `actie` on each object of `objects` as `user`, with `perform`'s checks and trail, in one `batch`.

    The objects are read and locked in one query (add the `select_related` their transition needs). A refusal
    changes nothing of its object and the others go on: all are tried together first, and only if one is refused
    is that attempt undone and each tried in a savepoint of its own. `reden` may be a function of the object.
    Returns (done, refused), refused as (object, DomainError) pairs.
    """
    locked = _locked(objects).order_by("pk")
    toelichting = reden if callable(reden) else lambda obj: reden
    with batch(user):
        try:
            with transaction.atomic():
                return [_run(obj, actie, user, toelichting(obj), params) for obj in locked], []
        except DomainError:
            pass
        done, refused = [], []
        for obj in locked.all():  # read again: the undone attempt changed the objects in memory
            try:
                with transaction.atomic():
                    done.append(_run(obj, actie, user, toelichting(obj), params))
            except DomainError as refusal:
                refused.append((obj, refusal))
        return done, refused


def _run(obj, actie: str, user, reden: str, params: dict):
    """Check and run the transition on `obj`, read under its row lock, and write its record."""
    check(obj, actie, user)
    method = getattr(obj, actie)
    params = _accepted_params(method, params)
    van_status = obj.status
    if len(reden) > REDEN_MAX:
        raise InvalidInput(f"Een toelichting heeft ten hoogste {REDEN_MAX} tekens.",
                           f"An explanation has at most {REDEN_MAX} characters.", code="reden_te_lang",
                           details={"velden": ["reden"]})
    obj._performing = True
    try:
        with in_transitie():
            method(user=user, reden=reden, **params)
            obj.controleer_velden()  # what the transition wrote obeys the same bounds as a form
            changes = obj.audit_changes()
            # What the transition wants on its record besides the changed fields (e.g. the content submitted).
            changes.update({naam: [None, waarde] for naam, waarde in obj.__dict__.pop("audit_bijlagen", {}).items()})
            obj.save(audit_action="none")
    except ConcurrentTransition as exc:
        raise TransitionNotPossible(
            "Iemand anders heeft dit tegelijk gewijzigd; bekijk de actuele stand en probeer opnieuw.",
            "Someone else changed this at the same time; reload and try again.",
            code="gelijktijdige_wijziging",
        ) from exc
    finally:
        obj._performing = False
    audit.record(obj, AuditRecord.Actie.OVERGANG, handeling=actie, van_status=van_status,
                 naar_status=obj.status, toelichting=reden, wijzigingen=changes, actor=user)
    return obj
