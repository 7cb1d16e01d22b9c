"""A small OpenID Connect provider for tests, standing in for a DigiD or eHerkenning broker.

It runs `http.server` in a thread on a free port of 127.0.0.1 and speaks the authorization code flow: the
discovery document, `authorize` (which logs the configured person in at once and redirects back with a code),
`token` (checks the client's secret, the redirect URI and the PKCE verifier, and returns an RS256-signed id_token
with the nonce it was given), `jwks` and `userinfo`. `fout` makes it misbehave the way a forged answer would:
"handtekening" signs the id_token with another key under the same kid, "nonce" puts a different nonce in it.
"""
import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

KID = "test-sleutel-1"


def _sleutel():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class OIDCTestProvider:
    def __init__(self, *, client_id="subsidies", secret="geheim", persoon=None, fout=None):
        self.client_id, self.secret, self.fout = client_id, secret, fout
        self.persoon = persoon or {"sub": "digid-123456789", "email": "sanne@example.org", "email_verified": True,
                                   "given_name": "Sanne", "family_name": "de Vries"}
        self.sleutel, self.andere_sleutel = _sleutel(), _sleutel()
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        self.verzoeken: list[str] = []  # the paths asked, in order
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    # --- what the endpoints answer ---------------------------------------------------------------------------
    def discovery(self) -> dict:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
        }

    def jwks(self) -> dict:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.sleutel.public_key()))
        return {"keys": [{**jwk, "kid": KID, "use": "sig", "alg": "RS256"}]}

    def authorize(self, query: dict) -> str:
        """The person is logged in at once; the answer is the redirect back to the client with a code."""
        assert query["client_id"] == self.client_id and query["response_type"] == "code"
        code = secrets.token_urlsafe(16)
        self.codes[code] = query
        return f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query.get('state', '')})}"

    def token(self, form: dict, basic: tuple[str, str] | None) -> tuple[int, dict]:
        client_id, secret = basic or (form.get("client_id"), form.get("client_secret"))
        if (client_id, secret) != (self.client_id, self.secret):
            return 401, {"error": "invalid_client"}
        verzoek = self.codes.pop(form.get("code", ""), None)
        if verzoek is None or form.get("redirect_uri") != verzoek["redirect_uri"]:
            return 400, {"error": "invalid_grant"}
        if "code_challenge" in verzoek:
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != verzoek["code_challenge"]:
                return 400, {"error": "invalid_grant"}
        access_token = secrets.token_urlsafe(24)
        self.tokens[access_token] = self.persoon
        nu = int(time.time())
        claims = {**self.persoon, "iss": self.url, "aud": self.client_id, "iat": nu, "exp": nu + 300,
                  "nonce": "een-andere-nonce" if self.fout == "nonce" else verzoek.get("nonce")}
        sleutel = self.andere_sleutel if self.fout == "handtekening" else self.sleutel
        id_token = jwt.encode(claims, sleutel, algorithm="RS256", headers={"kid": KID})
        return 200, {"access_token": access_token, "token_type": "Bearer", "expires_in": 300, "id_token": id_token}

    def userinfo(self, authorization: str) -> tuple[int, dict]:
        persoon = self.tokens.get(authorization.removeprefix("Bearer "))
        return (200, persoon) if persoon else (401, {"error": "invalid_token"})

    # --- HTTP ----------------------------------------------------------------------------------------------------
    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):  # noqa: N802
                url = urlsplit(self.path)
                provider.verzoeken.append(url.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/.well-known/openid-configuration":
                    self._json(200, provider.discovery())
                elif url.path == "/jwks":
                    self._json(200, provider.jwks())
                elif url.path == "/authorize":
                    self.send_response(302)
                    self.send_header("Location", provider.authorize(query))
                    self.end_headers()
                elif url.path == "/userinfo":
                    self._json(*provider.userinfo(self.headers.get("Authorization", "")))
                else:
                    self._json(404, {"error": "not_found"})

            def do_POST(self):  # noqa: N802
                provider.verzoeken.append(self.path)
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                basic = None
                if self.headers.get("Authorization", "").startswith("Basic "):
                    raw = base64.b64decode(self.headers["Authorization"][6:]).decode()
                    basic = tuple(raw.split(":", 1))
                if self.path == "/token":
                    self._json(*provider.token(form, basic))
                else:
                    self._json(404, {"error": "not_found"})

        return Handler
