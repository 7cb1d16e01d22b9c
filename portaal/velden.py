"""Form fields the portal's pages share."""
import re

from django import forms

DUIZENDTALLEN = re.compile(r"\d{1,3}(\.\d{3})+")


class BedragVeld(forms.DecimalField):
    """An amount in euros as people type it: "5000", "5.000", "€ 5.000,50" or "5000.50". A Dutch "5.000" is five
    thousand, not five: Django's own parsing would read the dot as a decimal point."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 11)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)
        self.widget.input_type = "text"
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            elif DUIZENDTALLEN.fullmatch(value):
                value = value.replace(".", "")
        return super().to_python(value)
