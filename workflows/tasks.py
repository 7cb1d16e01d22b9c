"""Background work of the engine."""
from celery import shared_task

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


@shared_task(name="workflows.verstuur_berichten")
def verstuur_berichten() -> int:
    """Empty the outbox: send what the other jobs and transitions queued."""
    from .berichten import verstuur

    return verstuur()
