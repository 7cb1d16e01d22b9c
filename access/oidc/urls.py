"""The same URLs and names as allauth's openid_connect provider, served by access.oidc's views."""
from django.urls import include, path

from . import views

urlpatterns = [
    path("oidc/<str:provider_id>/", include([
        path("login/", views.login, name="openid_connect_login"),
        path("login/callback/", views.callback, name="openid_connect_callback"),
    ])),
]
