"""Base classes for audited models and their state machines.

`Auditable` writes a trail record for every create, change and delete in the same transaction. `Lifecycle` adds a
protected django-fsm status field: only transitions change it, and only `workflows.transitions.perform` runs them.

What may still change by hand (through the admin, the API, a job) is one rule per model, kept here in its save
path so that every door obeys it: `Auditable.vaste_velden()` names the fields that are fixed now and
`controleer_wijziging()` refuses a change of them (and any rule of the model's own, such as a ceiling that may not
go below what is committed). A `Lifecycle` declares per status which fields stay open (`wijzigbaar`); an `Onderdeel`
(a line of a request, a document) asks the object it belongs to. Inside a transition these rules do not apply:
there the lifecycle itself makes the change.
"""
import functools

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django_fsm import ConcurrentTransitionMixin, FSMFieldMixin

from . import audit
from .context import transitie_loopt
from .errors import DomainError, TransitionNotPossible
from .models import AuditRecord

ALLE = "__all__"  # in `Lifecycle.wijzigbaar`: every field may still change in this status


def niet_meer_wijzigbaar(obj, velden=()) -> TransitionNotPossible:
    """The refusal of a change the lifecycle (or the row's legal effect) has fixed."""
    labels = [str(obj._meta.get_field(naam).verbose_name) for naam in velden]
    wat = f" ({', '.join(labels)})" if labels else ""
    status = f" in status '{obj.get_status_display()}'" if hasattr(obj, "get_status_display") else ""
    return TransitionNotPossible(
        f"Dit kunt u niet meer wijzigen{wat}: {obj._meta.verbose_name} '{obj}'{status} ligt vast.",
        f"This can no longer be changed{wat}: {obj._meta.verbose_name_raw} '{obj}'{status} is fixed.",
        code="niet_meer_wijzigbaar", details={"velden": list(velden)} if velden else None,
    )


def condition(nl: str, en: str, code: str = "voorwaarde_niet_vervuld"):
    """Mark a transition condition with the reason a user is shown when it is not met."""

    def decorate(func):
        func.nl, func.en, func.code = nl, en, code
        return func

    return decorate


class Auditable(models.Model):
    """A model whose every create, change and delete lands in the audit trail."""

    audit_exclude: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._audit_snapshot = self._audit_values()

    def _audit_values(self) -> dict:
        # Read from the instance's own dict: a deferred field is absent there (reading it would load it, and its
        # __init__ would land here again), and this runs for every object loaded, so it is kept lean.
        state = self.__dict__
        names, file_fields = _audited_fields(type(self))
        values = {name: state[name] for name in names if name in state}
        for field in file_fields:
            if field.attname in values:
                values[field.attname] = field.value_from_object(self).name  # the file's path
        return values

    def audit_changes(self) -> dict:
        """Changed fields as {field: [old, new]} since the object was loaded or last saved."""
        current = self._audit_values()
        if self._state.adding:
            return {name: [None, value] for name, value in current.items() if value not in (None, "")}
        return {
            name: [self._audit_snapshot.get(name), value]
            for name, value in current.items()
            if self._audit_snapshot.get(name) != value
        }

    def controleer_velden(self, velden=None) -> None:
        """Refuse (InvalidInput) what the model's field validators refuse, for `velden` (default: the fields changed
        since loading): the bounds a form or serializer applies hold for what a transition or service writes too."""
        from .errors import InvalidInput

        namen = {f.attname: f.name for f in self._meta.concrete_fields  # the status is the transition's own business
                 if not f.is_relation and not isinstance(f, FSMFieldMixin)}
        te_controleren = set(velden) if velden is not None else {namen[n] for n in self.audit_changes() if n in namen}
        try:
            self.clean_fields(exclude={f.name for f in self._meta.concrete_fields} - te_controleren)
        except ValidationError as exc:
            raise InvalidInput.uit_validatie(exc) from exc

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._audit_snapshot = self._audit_values()

    # --- what may still change by hand -------------------------------------------------------------------------
    def vaste_velden(self) -> frozenset[str]:
        """The names of the fields that may no longer change outside a transition (the admin shows them read-only)."""
        return frozenset()

    def controleer_wijziging(self) -> None:
        """Raise the DomainError that refuses saving this row as it is now; models add rules of their own (and call
        super). Not inside a transition: there the lifecycle itself makes the change."""
        if self._state.adding or transitie_loopt():
            return
        vast = self.vaste_velden()
        gewijzigd = self.audit_changes()
        velden = [f.name for f in self._meta.concrete_fields if f.name in vast and f.attname in gewijzigd]
        if velden:
            raise niet_meer_wijzigbaar(self, velden)

    def controleer_verwijdering(self) -> None:
        """Raise the DomainError that refuses deleting this row; by default anything may go that the database lets go."""

    def clean(self):
        """Forms (the admin) show the same refusal as the save path, as an error on the form."""
        super().clean()
        try:
            self.controleer_wijziging()
        except DomainError as refusal:
            raise ValidationError(refusal.nl, code=refusal.code) from refusal

    def save(self, *args, audit_action: str | None = None, **kwargs):
        self.controleer_wijziging()
        # Row and record land together; inside a caller's transaction no savepoint of its own is needed for that.
        with transaction.atomic(savepoint=False):
            creating = self._state.adding
            changes = self.audit_changes()
            super().save(*args, **kwargs)
            if audit_action != "none" and (creating or changes):
                actie = AuditRecord.Actie.AANGEMAAKT if creating else AuditRecord.Actie.GEWIJZIGD
                audit.record(self, audit_action or actie, wijzigingen=changes)
        self._audit_snapshot = self._audit_values()

    @classmethod
    def save_fields(cls, objects: list, fields: list[str]) -> None:
        """Save `fields` of many objects, each change in the trail: what `save(update_fields=fields)` on each does,
        for jobs that change thousands at once. Objects given the same values share one UPDATE (like
        `QuerySet.update`, it sets no auto_now field by itself)."""
        attnames = [cls._meta.get_field(name).attname for name in fields]
        groups: dict[str, tuple[dict, list]] = {}
        with transaction.atomic(savepoint=False):
            for obj in objects:
                obj._check_status_unchanged()
                obj.controleer_wijziging()
                changes = {name: change for name, change in obj.audit_changes().items() if name in attnames}
                if changes:
                    audit.record(obj, AuditRecord.Actie.GEWIJZIGD, wijzigingen=changes)
                values = {name: getattr(obj, name) for name in attnames}
                groups.setdefault(repr(values), (values, []))[1].append(obj.pk)
            for values, pks in groups.values():
                cls.objects.filter(pk__in=pks).update(**values)
        for obj in objects:
            current = obj._audit_values()
            obj._audit_snapshot.update({name: current[name] for name in attnames if name in current})

    def _check_status_unchanged(self) -> None:
        """Only a lifecycle has a status to protect (see Lifecycle)."""

    def delete(self, *args, **kwargs):
        if not transitie_loopt():
            self.controleer_verwijdering()
        with transaction.atomic():
            audit.record(self, AuditRecord.Actie.VERWIJDERD, wijzigingen={"id": [self.pk, None]})
            return super().delete(*args, **kwargs)


@functools.cache
def _audited_fields(model) -> tuple[tuple[str, ...], tuple[models.FileField, ...]]:
    """The attnames of `model`'s audited fields, and its file fields among them."""
    fields = [field for field in model._meta.concrete_fields if field.attname not in model.audit_exclude]
    return tuple(field.attname for field in fields), tuple(f for f in fields if isinstance(f, models.FileField))


class Lifecycle(ConcurrentTransitionMixin, Auditable):
    """An audited model with a django-fsm state machine on its `status` field.

    Subclasses declare `status = FSMField(protected=True, ...)`, their transitions with `permission` and
    `conditions`, and `PUBLIEKE_STATUS`: the plain-language name an applicant sees for each state.
    """

    PUBLIEKE_STATUS: dict = {}  # status -> (Dutch, English)
    # Per status: the fields (and the related names of its `Onderdeel` rows) that may still change outside a
    # transition, or ALLE. A status not named fixes everything: from there on only transitions change the object.
    wijzigbaar: dict[str, tuple[str, ...] | str] = {}
    # Related rows (select_related paths) that transitions change: read and locked together with the object.
    lock_with: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            if self.status != self._meta.get_field("status").get_default():
                raise RuntimeError("A new object starts in its initial status; perform() takes it further.")
        else:
            self._check_status_unchanged()
        super().save(*args, **kwargs)

    def _check_status_unchanged(self) -> None:
        if self._audit_snapshot.get("status") != self.status and not getattr(self, "_performing", False):
            raise RuntimeError("A status changes only through workflows.transitions.perform().")

    def _open(self) -> tuple[str, ...] | str:
        """What `wijzigbaar` leaves open in the status the object was loaded in (the status of the saved row)."""
        return self.wijzigbaar.get(self._audit_snapshot.get("status", self.status), ())

    def mag_wijzigen(self, naam: str) -> bool:
        """Whether field or `Onderdeel` rows `naam` may still change outside a transition."""
        open_ = self._open()
        return open_ == ALLE or naam in open_

    def vaste_velden(self) -> frozenset[str]:
        if self._open() == ALLE:
            return frozenset()
        velden = [*self._meta.concrete_fields, *self._meta.many_to_many]
        return frozenset(f.name for f in velden if f.name != "status" and not self.mag_wijzigen(f.name))

    def controleer_onderdeel(self, naam: str) -> None:
        """Raise when rows `naam` that belong to this object (see Onderdeel) may no longer be added, changed or removed."""
        if not self.mag_wijzigen(naam):
            raise niet_meer_wijzigbaar(self)

    def controleer_verwijdering(self) -> None:
        """Only what is still wholly open (a draft) may be removed; after that it is part of the file."""
        if self._open() != ALLE:
            raise niet_meer_wijzigbaar(self)

    @classmethod
    def lifecycle_summary(cls) -> str:
        """The first paragraph of the model's own docstring (Django's generated one says nothing)."""
        doc = cls.__doc__ or ""
        return "" if doc.startswith(f"{cls.__name__}(") else doc.strip().split("\n\n")[0].replace("\n", " ")

    @property
    def publieke_status(self) -> dict:
        nl, en = self.PUBLIEKE_STATUS[self.status]
        return {"nl": nl, "en": en}


class Onderdeel(Auditable):
    """A row that belongs to a lifecycle object (a line of a request's budget, a document, a family's data): it is
    added, changed and removed only while that object is open for it, as its `wijzigbaar` says under this row's
    related name. Rows that belong to an Onderdeel follow the object that one belongs to."""

    onderdeel_van: str = ""  # the foreign key to the object this row belongs to

    class Meta:
        abstract = True

    def _eigenaar(self):
        """The owner as it is in the database now: an instance kept in memory may be from before its transition."""
        field = self._meta.get_field(self.onderdeel_van)
        return field.related_model._base_manager.get(pk=getattr(self, field.attname))

    @classmethod
    def onderdeel_naam(cls) -> str:
        """The name under which the owner's `wijzigbaar` names rows of this model: the foreign key's related name."""
        field = cls._meta.get_field(cls.onderdeel_van)
        return field.remote_field.related_name or field.related_query_name()

    def mag_wijzigen(self, naam: str = "") -> bool:
        """Whether this row, and the rows that belong to it, may still change outside a transition."""
        return self._eigenaar().mag_wijzigen(self.onderdeel_naam())

    def controleer_onderdeel(self, naam: str = "") -> None:
        if getattr(self, self._meta.get_field(self.onderdeel_van).attname) is not None:  # else the database refuses
            self._eigenaar().controleer_onderdeel(self.onderdeel_naam())

    def vaste_velden(self) -> frozenset[str]:
        if getattr(self, self._meta.get_field(self.onderdeel_van).attname) is None or self.mag_wijzigen():
            return frozenset()
        return frozenset(f.name for f in [*self._meta.concrete_fields, *self._meta.many_to_many])

    def controleer_wijziging(self) -> None:
        if self._state.adding and not transitie_loopt():
            self.controleer_onderdeel()
        super().controleer_wijziging()

    def controleer_verwijdering(self) -> None:
        self.controleer_onderdeel()


def _audit_m2m_change(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Membership changes (e.g. who belongs to an organisation) are changes of the owning object."""
    if reverse or not isinstance(instance, Auditable):
        return
    if action in ("pre_add", "pre_remove", "pre_clear"):
        field = _m2m_field(instance, sender)
        if not transitie_loopt() and field.name in instance.vaste_velden():
            raise niet_meer_wijzigbaar(instance, [field.name])
        if action == "pre_clear":
            instance._audit_cleared = sorted(getattr(instance, field.name).values_list("pk", flat=True))
        return
    field = _m2m_field(instance, sender)
    if action == "post_clear":
        pks, label = getattr(instance, "_audit_cleared", []), "verwijderd"
    else:
        pks, label = sorted(pk_set or []), "toegevoegd" if action == "post_add" else "verwijderd"
    if pks:
        audit.record(instance, AuditRecord.Actie.GEWIJZIGD, wijzigingen={field.name: {label: pks}})


def _m2m_field(instance, through):
    return next(f for f in instance._meta.many_to_many if f.remote_field.through is through)


def connect_m2m_auditing() -> None:
    """Hook every many-to-many field of every Auditable model into the trail (called from AppConfig.ready)."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed

    for model in apps.get_models():
        if issubclass(model, Auditable):
            for field in model._meta.many_to_many:
                m2m_changed.connect(_audit_m2m_change, sender=field.remote_field.through,
                                    dispatch_uid=f"audit-m2m-{model._meta.label}-{field.name}")
