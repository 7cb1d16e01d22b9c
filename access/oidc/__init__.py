"""allauth's OpenID Connect provider, with the two checks it leaves out.

allauth (65) sends no nonce, and skips the id_token's signature when the token came straight from the token
endpoint (OIDC Core 3.1.3.7 allows that over TLS). A DigiD or eHerkenning broker is a party we trust only as far
as its keys: here every id_token's signature is checked against the provider's JWKS, and its nonce must be the
one this browser's login started with. Switched in by SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"].
"""
