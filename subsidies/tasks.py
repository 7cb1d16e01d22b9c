"""Scheduled work of the multi-year cycle; Celery beat runs these (schedules editable in the admin)."""
import datetime as dt

from celery import shared_task

from .services import betaalrun, boekjaar, dwangsom


@shared_task(name="subsidies.open_boekjaar")
def open_boekjaar(jaar: int | None = None) -> dict:
    """Open a boekjaar's cycle for every running structural subsidie (default: the current year)."""
    return boekjaar.open_boekjaar(jaar)


@shared_task(name="subsidies.bewaak_termijnen")
def bewaak_termijnen() -> dict:
    """Daily: lapse of the begrotingsvoorbehoud, reminders, overdue jaarverantwoordingen."""
    return boekjaar.bewaak_termijnen()


@shared_task(name="subsidies.betaalrun")
def plan_voorschotten(peildatum: str | None = None) -> int:
    """Daily: plan the advances that are due; running it again plans nothing twice."""
    datum = dt.date.fromisoformat(peildatum) if peildatum else None
    return len(betaalrun.betaalrun(datum))


@shared_task(name="subsidies.bewaak_dwangsommen")
def bewaak_dwangsommen() -> dict:
    """Daily: a dwangsom that starts running today, or stopped (Awb 4:17); running it twice changes nothing."""
    return dwangsom.bewaak_dwangsommen()


@shared_task(name="subsidies.maak_brief")
def maak_brief(soort: str, pk: int, taal: str) -> int:
    """Render the letter of a beschikking or aanvulling (`soort`) after its commit; running it twice makes one."""
    from .services import brieven

    return brieven.maak(soort, pk, taal)
