from django.urls import path

from . import views

urlpatterns = [
    path("token/", views.TokenView.as_view(), name="api-token"),
    path("token/intrekken/", views.TokenIntrekkenView.as_view(), name="api-token-intrekken"),
    path("token/alle-intrekken/", views.AlleTokensIntrekkenView.as_view(), name="api-token-alle-intrekken"),
]
