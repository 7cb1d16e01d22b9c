from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.http import Http404


class OIDCAdapter(OpenIDConnectOAuth2Adapter):
    state: dict | None = None  # the login's stashed state, set by CallbackView

    def _decode_id_token(self, app, id_token):
        claims = jwtkit.verify_and_decode(
            credential=id_token, keys_url=self.openid_config["jwks_uri"], issuer=self.openid_config["issuer"],
            audience=app.client_id, lookup_kid=jwtkit.lookup_kid_jwk, verify_signature=True,
        )
        expected = (self.state or {}).get("nonce")
        if not expected or claims.get("nonce") != expected:
            raise OAuth2Error("The id_token's nonce is not the one this login sent.")
        return claims


class CallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        self.adapter.state = state
        return state, response


@login_not_required
def login(request, provider_id):
    try:
        return OAuth2LoginView.adapter_view(OIDCAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None


@login_not_required
def callback(request, provider_id):
    try:
        return CallbackView.adapter_view(OIDCAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None
