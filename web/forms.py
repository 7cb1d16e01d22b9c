"""Forms in NL Design System (Utrecht) markup: `{{ form }}` and `{{ form.veld.as_field_group }}` render labels,
descriptions, errors and choice groups the way the Utrecht CSS expects, linked for screen readers.

settings.FORM_RENDERER points at `Renderer`. Django 5.2 already links a field's help text and error to its input
(`aria-describedby="id_x_helptext id_x_error"`, `aria-invalid="true"`); `Veld` adds the Utrecht classes, and the
templates under web/templates/web/forms/ give the markup. The error summary at the top of a form is
web/templates/web/foutsamenvatting.html.
"""
from django.forms import BoundField, widgets
from django.forms.renderers import TemplatesSetting

# The Utrecht component of each kind of widget; the first match wins, so subclasses come before their parents.
UTRECHT_KLASSEN = [
    (widgets.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (widgets.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (widgets.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (widgets.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (widgets.Select, "utrecht-select utrecht-select--html-select"),
    (widgets.FileInput, ""),  # no Utrecht component for a file input: the browser's own
    (widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
]


def utrecht_klasse(widget) -> str:
    for soort, klasse in UTRECHT_KLASSEN:
        if isinstance(widget, soort):
            return klasse
    return ""


class Veld(BoundField):
    """A form field that gives its widget the Utrecht classes (with `--invalid` when it has an error)."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        klasse = utrecht_klasse(widget)
        if klasse and not widget.is_hidden:
            klassen = [widget.attrs.get("class", ""), attrs.get("class", ""), klasse]
            if self.errors:
                klassen.append(klasse.split()[0] + "--invalid")
            attrs["class"] = " ".join(k for k in klassen if k)
        return attrs

    @property
    def fout_anker(self) -> str:
        """The id the error summary links to: the input itself, or a choice group's first option."""
        return self.id_for_label or (f"{self.auto_id}_0" if self.auto_id else "")

    @property
    def soort(self) -> str:
        """'checkbox' for a single checkbox (label after the box), otherwise 'text'."""
        return "checkbox" if isinstance(self.field.widget, widgets.CheckboxInput) else "text"


class Renderer(TemplatesSetting):
    """Renders forms with the project's templates (TEMPLATES), in Utrecht markup."""

    form_template_name = "web/forms/formulier.html"
    field_template_name = "web/forms/veld.html"
    bound_field_class = Veld
    # Choice groups get our markup; Django's own templates for every other widget.
    EIGEN_SJABLONEN = {
        "django/forms/widgets/radio.html": "web/forms/widgets/keuzes.html",
        "django/forms/widgets/checkbox_select.html": "web/forms/widgets/keuzes.html",
    }

    def get_template(self, template_name):
        return super().get_template(self.EIGEN_SJABLONEN.get(template_name, template_name))
