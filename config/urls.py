from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import obtain_auth_token

from subsidies.views import StartView

urlpatterns = [
    path("", StartView.as_view(), name="start"),
    path("admin/", admin.site.urls),
    path("api/token/", obtain_auth_token, name="api-token"),
    path("api/", include("subsidies.api.urls")),
    path("api/", include("accommodaties.api.urls")),
    path("api/", include("initiatieven.api.urls")),
    path("api/", include("bewonersorganisaties.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
]
