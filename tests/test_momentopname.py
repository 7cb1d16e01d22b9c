"""tests/momentopname.py, which the demo tests rely on: a snapshot put back is the database exactly as it was."""
import pytest
from django.contrib.auth.models import Group

from portaal.models import Formulierconcept
from tests import momentopname
from tests.conftest import database_state
from workflows import audit

pytestmark = pytest.mark.django_db


def test_putting_a_snapshot_back_undoes_insertions_changes_and_deletions(concept, aanvrager):
    getypt = {"wat": {"titel": ["Buurtmoestuin"], "themas": ["ontmoeting", "groen"]}, "leeg": {}}
    formulier = Formulierconcept.objects.create(aanvraag=concept, gegevens=getypt, gewijzigd_door=aanvrager, versie=3)
    Group.objects.create(name="weg")
    snapshot = momentopname.take()
    before, groups = database_state(), set(Group.objects.values_list("name", flat=True))

    Formulierconcept.objects.filter(pk=formulier.pk).update(gegevens={"anders": 1}, versie=4)
    Group.objects.filter(name="weg").delete()
    Group.objects.create(name="erbij")
    momentopname.restore(snapshot)

    formulier.refresh_from_db()
    assert formulier.gegevens == getypt and formulier.versie == 3  # JSON back as JSON, not as a string
    assert set(Group.objects.values_list("name", flat=True)) == groups
    assert database_state() == before
    assert audit.verify().intact
    Group.objects.create(name="daarna")  # the ids handed out next do not collide with the ones put back
