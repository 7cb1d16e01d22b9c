"""allauth's OpenID Connect provider, with the two checks it leaves out.

allauth (65) sends no nonce, and skips the id_token's signature when the token came straight from the token
endpoint (OIDC Core 3.1.3.7 allows that over TLS). A DigiD or eHerkenning broker is a party we trust only as far
as its keys: here every id_token's signature is checked against the provider's JWKS, and its nonce must be the
one this browser's login started with. Switched in by SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"].
"""


def apps_uit_omgeving(env) -> list[dict]:
    """The provider's app for SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"], from OIDC_* variables (django-environ
    `env`, or anything with its str/bool methods); none without OIDC_SERVER_URL, so there is no button."""
    server_url = env.str("OIDC_SERVER_URL", default="")
    if not server_url:
        return []
    return [{
        "provider_id": env.str("OIDC_PROVIDER_ID", default="oidc"),
        "name": env.str("OIDC_NAAM", default="DigiD"),
        "client_id": env.str("OIDC_CLIENT_ID"),
        "secret": env.str("OIDC_CLIENT_SECRET", default=""),
        "settings": {
            "server_url": server_url,
            "oauth_pkce_enabled": env.bool("OIDC_PKCE", default=True),
            "scope": env.str("OIDC_SCOPES", default="openid email profile").split(),
        },
    }]
