"""Pages every face shares."""
import datetime as dt

from django.conf import settings
from django.templatetags.static import static
from django.views.generic import RedirectView, TemplateView


class ToegankelijkheidView(TemplateView):
    """The accessibility statement (toegankelijkheidsverklaring) that Dutch government sites must publish."""

    template_name = "web/toegankelijkheid.html"
    # The date of this statement; change it with the text.
    datum = dt.date(2026, 12, 7)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "email": settings.TOEGANKELIJKHEID_EMAIL, "datum": self.datum}


class FaviconView(RedirectView):
    """/favicon.ico, which browsers ask for on pages without an icon of their own (the admin): our icon."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("web/favicon.svg")
