"""Admin for beheerders: the register of bewonersorganisaties and the formula of each regeling of this family."""
from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.admin import AuditedAdmin

from .models import Bewonersorganisatie, Formule, controleer_wijken


class BewonersorganisatieForm(forms.ModelForm):
    class Meta:
        model = Bewonersorganisatie
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        try:
            controleer_wijken(cleaned.get("gebied"), cleaned.get("wijken") or [])
        except ValidationError as exc:
            self.add_error(None, exc)  # names the field `wijken` itself
        return cleaned


class GeregistreerdFilter(admin.SimpleListFilter):
    title = _("geregistreerd vandaag")
    parameter_name = "geregistreerd"

    def lookups(self, request, model_admin):
        return [("ja", _("ja")), ("nee", _("nee (afgemeld of nog niet)"))]

    def queryset(self, request, queryset):
        geregistreerd = queryset.geregistreerd_op(timezone.localdate())
        if self.value() == "ja":
            return geregistreerd
        if self.value() == "nee":
            return queryset.exclude(pk__in=geregistreerd.values("pk"))
        return queryset


@admin.register(Bewonersorganisatie)
class BewonersorganisatieAdmin(AuditedAdmin):
    form = BewonersorganisatieForm
    list_display = ["organisatie", "soort", "gebied", "aantal_bewoners", "registratiedatum", "afgemeld_op"]
    list_filter = [GeregistreerdFilter, "soort", "gebied"]
    list_select_related = ["organisatie", "gebied"]
    search_fields = ["organisatie__naam", "werkgebied", "wijken__naam"]
    autocomplete_fields = ["organisatie"]
    filter_horizontal = ["wijken"]


@admin.register(Formule)
class FormuleAdmin(AuditedAdmin):
    list_display = ["regeling", "basisbedrag", "bedrag_per_bewoner", "maximum"]
