"""Trying every door: a crafted admin POST and an API PATCH that change every field of an object, and the rows an
auditor compares before and after."""
import datetime as dt
import json
from decimal import Decimal

from django.contrib import admin
from django.db import models
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.utils import timezone

from tests.conftest import database_state

TECHNISCH = {"workflows.AuditRecord", "workflows.AuditChainHead"}  # the trail grows with every allowed change


def gewijzigd(obj) -> dict:
    """A new value for every field the admin's change form could save (read-only or not): what a crafted POST
    would send to change them all."""
    waarden = {}
    for field in [*obj._meta.concrete_fields, *obj._meta.many_to_many]:
        if not field.editable or field.primary_key or isinstance(field, models.FileField):
            continue
        waarde = andere_waarde(obj, field)
        if waarde is not None:
            waarden[field.name] = waarde
    return waarden


def andere_waarde(obj, field):
    oud = model_to_dict(obj, fields=[field.name]).get(field.name)
    if field.choices:
        return next((keuze for keuze, _ in field.flatchoices if keuze not in (oud, "")), None)
    if field.many_to_many:
        ander = field.related_model._default_manager.exclude(pk__in=[o.pk for o in oud or []]).first()
        return None if ander is None else [*(o.pk for o in oud or []), ander.pk]
    if field.is_relation:
        ander = field.related_model._default_manager.exclude(pk=oud).first()
        return None if ander is None else ander.pk
    if isinstance(field, models.BooleanField):
        return not oud
    if isinstance(field, models.DecimalField):
        return (oud or Decimal("0")) + Decimal("87000.00")
    if isinstance(field, models.IntegerField):
        return (oud or 0) + 1
    if isinstance(field, models.DateTimeField):
        return None  # only ever set by the lifecycle (and shown in two inputs by the admin)
    if isinstance(field, models.DateField):
        return (oud or dt.date(2026, 6, 1)) + dt.timedelta(days=9)
    if isinstance(field, models.JSONField):
        return {"gewijzigd": True} if isinstance(oud, dict) else [{"gewijzigd": True}]
    if isinstance(field, (models.CharField, models.TextField)):
        return f"{oud or ''}gewijzigd"
    return None


def admin_post(client, user, obj, waarden: dict, rijwaarden=gewijzigd):
    """POST the admin change form of `obj` with `waarden` for its own fields, and every inline row with
    `rijwaarden(row)` for its fields (by default a new value for each); returns the response."""
    modeladmin = admin.site._registry[type(obj)]
    data = {**_als_formulier(obj, model_to_dict(obj)), **_als_formulier(obj, waarden), "_save": "Opslaan"}
    request = RequestFactory().get("/")
    request.user = user
    prefixen = {}
    for formset_class, inline in modeladmin.get_formsets_with_inlines(request, obj):
        prefix = formset_class.get_default_prefix()
        prefixen[prefix] = prefixen.get(prefix, 0) + 1
        prefix = prefix if prefixen[prefix] == 1 else f"{prefix}-{prefixen[prefix]}"
        formset = formset_class(instance=obj, prefix=prefix, queryset=inline.get_queryset(request))
        rijen = formset.get_queryset()
        data.update({f"{prefix}-TOTAL_FORMS": len(rijen), f"{prefix}-INITIAL_FORMS": len(rijen),
                     f"{prefix}-MIN_NUM_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000})
        for index, rij in enumerate(rijen):
            velden = {**model_to_dict(rij), **rijwaarden(rij), "id": rij.pk, formset.fk.name: obj.pk}
            data.update({f"{prefix}-{index}-{naam}": waarde for naam, waarde in _als_formulier(rij, velden).items()})
    url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"
    return client.post(url, {naam: waarde for naam, waarde in data.items() if waarde is not None})


def _als_formulier(obj, waarden: dict) -> dict:
    """Python values of `obj`'s fields as a browser posts them (an unchecked box is left out)."""
    data = {}
    for naam, waarde in waarden.items():
        field = obj._meta.get_field(naam)
        if isinstance(field, models.JSONField):
            data[naam] = json.dumps(waarde)
        elif waarde is True:
            data[naam] = "on"
        elif waarde is False or waarde is None:
            continue
        elif field.many_to_many:
            data[naam] = [getattr(w, "pk", w) for w in waarde]
        elif isinstance(waarde, dt.datetime):
            lokaal = timezone.localtime(waarde)
            data[f"{naam}_0"], data[f"{naam}_1"] = lokaal.date().isoformat(), lokaal.time().isoformat()
        else:
            data[naam] = str(waarde)
    return data


def als_json(waarden: dict) -> dict:
    return {naam: str(waarde) if isinstance(waarde, Decimal | dt.date) else waarde for naam, waarde in waarden.items()}


def rijen() -> dict:
    """Every row of our own apps except the trail, keyed by table and primary key."""
    return {(label, rij.get("id")): rij for label, tabel in database_state().items() if label not in TECHNISCH
            for rij in tabel}


def verschillen(voor: dict, na: dict) -> dict:
    """{(table, pk): {field: (old, new)}}, with rows that appeared or went as {"rij": (old, new)}."""
    anders = {}
    for sleutel in voor.keys() | na.keys():
        oud, nieuw = voor.get(sleutel), na.get(sleutel)
        if oud is None or nieuw is None:
            anders[sleutel] = {"rij": (oud, nieuw)}
        elif oud != nieuw:
            anders[sleutel] = {naam: (oud[naam], nieuw[naam]) for naam in oud if oud[naam] != nieuw[naam]}
    return anders
