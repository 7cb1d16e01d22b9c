"""The draft store: what a person typed, per step, saved when they move on and while they type.

Saving is a conditional update on the draft's `versie` (`UPDATE … WHERE versie = v`): two members of the same
organisation who edit the same draft never overwrite each other silently. The one whose form was loaded from an
older version is refused, and what they typed stays in their form.
"""
import json

from django.db.models import F
from django.utils import timezone

from ..models import Formulierconcept

MAX_TEKENS = 200_000  # a draft holds at most this much typed text (the longest fields are 20,000 each)
NIET_BEWAARD = ("csrfmiddlewaretoken", "versie", "actie", "verwijder")


class Versieconflict(Exception):
    """Someone else saved the draft since this form was loaded; `actueel` is the draft as it is now."""

    def __init__(self, actueel: Formulierconcept):
        super().__init__("versieconflict")
        self.actueel = actueel


class TeGroot(Exception):
    """More text than a draft keeps."""


def van(aanvraag) -> Formulierconcept:
    """The draft of a request: made when the person starts; for a request that came through another door (the
    API, the demo data) made here from what the request already holds, so nothing it holds is lost."""
    from . import uit_aanvraag

    concept, _ = Formulierconcept.objects.get_or_create(aanvraag=aanvraag,
                                                        defaults={"gegevens": uit_aanvraag(aanvraag)})
    return concept


def ruw(post) -> dict[str, list[str]]:
    """The posted values as typed (raw strings, even invalid), without the form's own bookkeeping."""
    return {sleutel: post.getlist(sleutel) for sleutel in post if sleutel not in NIET_BEWAARD}


def bewaar(concept: Formulierconcept, slug: str, gegevens: dict, versie: int, user) -> Formulierconcept:
    """Save what step `slug` holds, if the draft is still at `versie` (the version the form was loaded with).

    Raises Versieconflict when someone else saved in between. A newer version saved by the same person (their
    own autosave that crossed a click, another tab) is no conflict: it is theirs to overwrite. Writes no audit
    record: a draft is no legal act."""
    for _poging in range(3):
        nieuw = {**concept.gegevens, slug: gegevens}
        if len(json.dumps(nieuw)) > MAX_TEKENS:
            raise TeGroot
        bijgewerkt = concept.versie == versie and Formulierconcept.objects.filter(
            pk=concept.pk, versie=versie).update(gegevens=nieuw, versie=F("versie") + 1, gewijzigd_op=timezone.now(),
                                                 gewijzigd_door=user)
        if bijgewerkt:
            concept.gegevens, concept.versie = nieuw, versie + 1
            concept.gewijzigd_op, concept.gewijzigd_door = timezone.now(), user
            return concept
        actueel = Formulierconcept.objects.select_related("gewijzigd_door").get(pk=concept.pk)
        if actueel.gewijzigd_door_id != user.pk:
            raise Versieconflict(actueel)
        concept, versie = actueel, actueel.versie
    raise Versieconflict(actueel)
