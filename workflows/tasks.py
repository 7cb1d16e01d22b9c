"""Background work of the engine."""
from celery import shared_task

from . import digest
from .audit import seal, verify


@shared_task(name="workflows.verify_audit_trail")
def verify_audit_trail() -> dict:
    """Nightly check of the hash chain; the result says where it breaks, if anywhere, and how much waits."""
    result = verify()
    return {"intact": result.intact, "checked": result.checked, "problem": result.problem,
            "volgnummer": result.volgnummer, "waiting": result.waiting}


@shared_task(name="workflows.seal_audit_trail")
def seal_audit_trail() -> int:
    """Every few seconds: link the records of ended transactions into the chain (one sealer at a time)."""
    return seal()


@shared_task(name="workflows.audit_digest")
def audit_digest() -> dict:
    """Nightly signed digest of the chain head, kept outside the database; fails (an alarm) on a tampered trail."""
    taken = digest.take()
    if taken is None:
        return {"bestand": None}
    path, signed = taken
    return {"bestand": str(path), "volgnummer": signed["volgnummer"]}


@shared_task(name="workflows.verstuur_berichten")
def verstuur_berichten() -> int:
    """Empty the outbox: send what the other jobs and transitions queued."""
    from .berichten import verstuur

    return verstuur()


@shared_task(name="workflows.verstuur_overzichten")
def verstuur_overzichten() -> int:
    """Daily: bundle each digest reader's waiting non-urgent messages into one; the next send run mails it."""
    from .berichten import verstuur_overzichten

    return verstuur_overzichten()
