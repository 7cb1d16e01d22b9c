"""Background work of the engine."""
from celery import shared_task

from .audit import verify


@shared_task(name="workflows.verify_audit_trail")
def verify_audit_trail() -> dict:
    """Nightly check of the hash chain; the result says where it breaks, if anywhere."""
    result = verify()
    return {"intact": result.intact, "checked": result.checked, "problem": result.problem,
            "volgnummer": result.volgnummer}
