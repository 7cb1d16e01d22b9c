from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from web.views import FaviconView, StartView, ToegankelijkheidView

urlpatterns = [
    path("", StartView.as_view(), name="start"),
    path("portaal/", include("portaal.urls")),
    path("account/", include("allauth.urls")),
    path("toegankelijkheid/", ToegankelijkheidView.as_view(), name="toegankelijkheid"),
    path("favicon.ico", FaviconView.as_view()),
    path("admin/", admin.site.urls),
    path("api/", include("access.urls")),
    path("api/", include("subsidies.api.urls")),
    path("api/", include("accommodaties.api.urls")),
    path("api/", include("initiatieven.api.urls")),
    path("api/", include("bewonersorganisaties.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Django's own error pages answer in our JSON error shape under /api/, as HTML elsewhere.
handler400 = "subsidies.api.errors.handler400"
handler403 = "subsidies.api.errors.handler403"
handler404 = "subsidies.api.errors.handler404"
handler500 = "subsidies.api.errors.handler500"
