import secrets

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

from .views import OIDCAdapter


class OIDCProvider(OpenIDConnectProvider):
    """Sends a fresh nonce with every login and keeps it in the login's state (the session) for the callback."""

    oauth2_adapter_class = OIDCAdapter

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None) or self.get_auth_params()
        return super().redirect(request, process, next_url, data,
                                auth_params={**auth_params, "nonce": nonce}, nonce=nonce, **kwargs)


provider_classes = [OIDCProvider]
