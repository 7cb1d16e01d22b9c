"""The model's own validation at the API's door.

DRF's ModelSerializer copies a model field's validators, but it never calls `Model.clean()`, and an `extra_kwargs`
can quietly loosen a field. `ModelValidatie` applies what the Django admin applies: it builds the object as it will be
after the write (the instance with the sent values, or a new one), runs `clean_fields()` on the fields that were
sent and `clean()` on the whole, and answers Django's ValidationError as DRF field errors — so a rule written once in
the model holds at every door (API, admin, forms, tasks).
"""
import copy

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.settings import api_settings


class ModelValidatie:
    """Mixin for a writable ModelSerializer (nested line serializers too): the model's validation on the candidate.

    Relations are left to the serializer's own (scoped) querysets. `genormaliseerd` names the fields whose value
    `clean()` normalises (e.g. an IBAN written compactly): that value is what gets saved.
    """

    genormaliseerd: tuple[str, ...] = ()

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        velden = {f.name for f in model._meta.concrete_fields}
        geschreven = {naam for naam in attrs if naam in velden}
        kandidaat = copy.copy(self.instance) if isinstance(self.instance, model) else model()
        for naam in geschreven:
            setattr(kandidaat, naam, attrs[naam])
        relaties = {f.name for f in model._meta.concrete_fields if f.is_relation}
        if isinstance(self.instance, model):  # a change the lifecycle has fixed is refused as such (409), not as input
            kandidaat.controleer_wijziging()
        try:
            kandidaat.clean_fields(exclude=(velden - geschreven) | relaties)
            kandidaat.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(veldfouten(exc)) from exc
        return {**attrs, **{naam: getattr(kandidaat, naam) for naam in self.genormaliseerd if naam in attrs}}


def veldfouten(exc: DjangoValidationError) -> dict | list:
    """Django's ValidationError in DRF's shape: per field, and errors of the whole under `non_field_errors`."""
    if not hasattr(exc, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    return {api_settings.NON_FIELD_ERRORS_KEY if veld == NON_FIELD_ERRORS else veld: berichten
            for veld, berichten in exc.message_dict.items()}
