"""Pages every face shares."""
import datetime as dt

from django.conf import settings
from django.views.generic import TemplateView


class ToegankelijkheidView(TemplateView):
    """The accessibility statement (toegankelijkheidsverklaring) that Dutch government sites must publish."""

    template_name = "web/toegankelijkheid.html"
    # The date of this statement; change it with the text.
    datum = dt.date(2026, 12, 7)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "email": settings.TOEGANKELIJKHEID_EMAIL, "datum": self.datum}
