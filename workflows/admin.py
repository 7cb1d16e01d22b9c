"""Admin for the trail (read-only) and the calendar data, plus the helpers domain admins use for transitions."""
from django import forms
from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseRedirect

from .context import acting_as
from .errors import DomainError
from . import berichten
from .models import AuditRecord, Bericht, Berichtvoorkeur, GelijkgesteldeDag
from .transitions import perform


def transition_action(actie: str, label: str):
    """An admin action that runs `actie` through the one transition service on each selected object."""

    def run(modeladmin, request, queryset):
        done = 0
        for obj in queryset:
            try:
                perform(obj, actie, request.user, reden=f"Via beheer: {label}")
                done += 1
            except DomainError as refusal:
                modeladmin.message_user(request, f"{obj}: {refusal.nl}", messages.ERROR)
        if done:
            modeladmin.message_user(request, f"{label}: {done} uitgevoerd.", messages.SUCCESS)

    run.__name__ = f"actie_{actie}"
    run.short_description = label
    return run


def _vast(obj) -> list[str]:
    """What the model says may no longer change by hand (Auditable.vaste_velden): shown read-only."""
    return [] if obj is None or obj.pk is None else sorted(obj.vaste_velden())


def _verwijderbaar(obj) -> bool:
    try:
        obj.controleer_verwijdering()
    except DomainError:
        return False
    return True


class AuditedAdmin(admin.ModelAdmin):
    """Attributes admin saves to the logged-in user in the audit trail; shows what the model has fixed read-only and
    answers a refused save with its reason (nothing is saved); the history is the object's audit trail."""

    object_history_template = "admin/workflows/geschiedenis.html"

    def get_readonly_fields(self, request, obj=None):
        eigen = list(super().get_readonly_fields(request, obj))
        return [*eigen, *(naam for naam in _vast(obj) if naam not in eigen)]

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or _verwijderbaar(obj))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._geweigerd_als_bericht(request, super().changeform_view, request, object_id, form_url,
                                           extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        return self._geweigerd_als_bericht(request, super().delete_view, request, object_id, extra_context)

    def _geweigerd_als_bericht(self, request, view, *args):
        """The view runs in one transaction: a refusal (DomainError) from the model undoes it all and is shown."""
        try:
            return view(*args)
        except DomainError as refusal:
            self.message_user(request, refusal.nl, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def history_view(self, request, object_id, extra_context=None):
        """The object's audit trail: every create, change and transition, oldest first."""
        records = AuditRecord.objects.filter(object_type=ContentType.objects.get_for_model(self.model),
                                             object_id=str(object_id)).order_by("volgnummer")
        return super().history_view(request, object_id, {**(extra_context or {}), "audit_records": records})

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed():
            return  # nothing was changed (or everything is read-only): no save, not even of a timestamp
        with acting_as(request.user):
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with acting_as(request.user):
            super().save_related(request, form, formsets, change)

    def delete_model(self, request, obj):
        with acting_as(request.user):
            super().delete_model(request, obj)


class VasteVeldenForm(forms.ModelForm):
    """For inline rows, whose read-only fields the admin cannot set per row: the fields the row's model has fixed
    are disabled, so a posted value for them is ignored and the row is shown as it is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in _vast(self.instance):
            if naam in self.fields:
                self.fields[naam].disabled = True


class OnderdeelInline(admin.TabularInline):
    """Rows that belong to a lifecycle object (workflows.lifecycle.Onderdeel): added, changed and removed only while
    the object is open for them, as its model says."""

    form = VasteVeldenForm
    extra = 0

    def _open(self, obj) -> bool:
        return obj is None or obj.mag_wijzigen(self.model.onderdeel_naam())

    def has_add_permission(self, request, obj=None):
        return self._open(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._open(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._open(obj) and super().has_delete_permission(request, obj)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records of what was decided or booked: shown, never added, changed or removed by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdmin):
    list_display = ["volgnummer", "tijdstip", "actor_weergave", "object_weergave", "actie", "handeling",
                    "van_status", "naar_status"]
    list_filter = ["actie", "object_type"]
    search_fields = ["object_weergave", "actor_weergave", "toelichting"]


@admin.register(GelijkgesteldeDag)
class GelijkgesteldeDagAdmin(AuditedAdmin):
    list_display = ["datum", "omschrijving", "bron"]


class BerichtStatus(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"
    FILTERS = {
        "wachtend": {"verzonden_op__isnull": True, "mislukt_op__isnull": True, "overzicht__isnull": True},
        "in_overzicht": {"verzonden_op__isnull": True, "overzicht__isnull": False},
        "verzonden": {"verzonden_op__isnull": False},
        "mislukt": {"mislukt_op__isnull": False, "verzonden_op__isnull": True},
    }

    def lookups(self, request, model_admin):
        return [("wachtend", "wacht op verzending"), ("in_overzicht", "in een dagoverzicht"),
                ("verzonden", "verzonden"), ("mislukt", "definitief mislukt")]

    def queryset(self, request, queryset):
        return queryset.filter(**self.FILTERS[self.value()]) if self.value() in self.FILTERS else queryset


@admin.register(Bericht)
class BerichtAdmin(ReadOnlyAdmin):
    """The outbox, to see what was sent to whom and what failed; a message given up can be tried again."""

    list_display = ["aangemaakt_op", "aan", "onderwerp", "taal", "urgent", "verzonden_op", "pogingen", "mislukt_op",
                    "laatste_fout"]
    list_filter = [BerichtStatus, "urgent", "taal"]
    search_fields = ["aan", "onderwerp", "sleutel"]
    actions = ["opnieuw_proberen"]

    @admin.action(description="Opnieuw proberen te verzenden", permissions=["view"])
    def opnieuw_proberen(self, request, queryset):
        if not request.user.is_superuser and not request.user.has_perm("workflows.change_bericht"):
            self.message_user(request, "U mag berichten niet opnieuw laten verzenden.", messages.ERROR)
            return
        aantal = berichten.opnieuw_proberen(queryset)
        self.message_user(request, f"{aantal} bericht(en) worden bij de volgende ronde opnieuw verzonden.",
                          messages.SUCCESS)


@admin.register(Berichtvoorkeur)
class BerichtvoorkeurAdmin(admin.ModelAdmin):
    list_display = ["user", "taal", "bezorging"]
    list_filter = ["taal", "bezorging"]
    search_fields = ["user__username", "user__email"]
