"""The token endpoints: get a token with username and password, revoke the current one or all of one's tokens."""
from django.contrib.auth import authenticate, user_logged_in
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from workflows.errors import InvalidInput

from . import services
from .lockout import locked_out


class InloggegevensSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, trim_whitespace=False)
    password = serializers.CharField(max_length=4096, trim_whitespace=False, style={"input_type": "password"})


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Stuur mee als `Authorization: Token <token>`; u ziet het maar één keer.")
    verloopt_op = serializers.DateTimeField()


class TokenView(APIView):
    """POST username and password, get a token that expires after API_TOKEN_DAYS days.

    Throttled per client address (scope `token`); after AXES_FAILURE_LIMIT wrong passwords for one username from
    one address, logging in is blocked for the cool-off (429 `tijdelijk_geblokkeerd`).
    """

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"

    @extend_schema(request=InloggegevensSerializer, responses=TokenSerializer, operation_id="token_create")
    def post(self, request):
        invoer = InloggegevensSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        # With the request, so django-axes counts the failure and can refuse a locked-out client.
        gebruiker = authenticate(request, **invoer.validated_data)
        if gebruiker is None:
            if getattr(request, "axes_locked_out", False):
                raise locked_out(request, getattr(request, "axes_credentials", None))
            raise InvalidInput("Deze gebruikersnaam en dit wachtwoord horen niet bij elkaar.",
                               "This username and password do not match.", code="inloggegevens_onjuist")
        # A login like the admin's (as django-rest-knox does): last_login is set and axes forgets earlier failures.
        user_logged_in.send(sender=type(gebruiker), request=request, user=gebruiker)
        token, sleutel = services.uitgeven(gebruiker)
        return Response(TokenSerializer({"token": sleutel, "verloopt_op": token.verloopt_op}).data)


class TokenIntrekkenView(APIView):
    """Revoke the token this request was sent with (log out)."""

    zonder_twee_stappen = True  # closing a door is never refused (access.tweestaps)

    @extend_schema(request=None, responses={204: None}, operation_id="token_intrekken")
    def post(self, request):
        if request.auth is None:
            raise InvalidInput("U bent niet met een token ingelogd; er is geen token om in te trekken.",
                               "You are not logged in with a token; there is none to revoke.", code="geen_token")
        services.intrekken(request.user.api_tokens.filter(pk=request.auth.pk), door=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AlleTokensIntrekkenView(APIView):
    """Revoke every token of the logged-in user, e.g. after a key may have leaked."""

    zonder_twee_stappen = True

    @extend_schema(request=None, operation_id="token_alle_intrekken",
                   responses=inline_serializer("TokensIngetrokken", {"ingetrokken": serializers.IntegerField()}))
    def post(self, request):
        return Response({"ingetrokken": services.intrekken(request.user.api_tokens.all(), door=request.user)})
