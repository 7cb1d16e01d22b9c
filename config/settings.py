"""Settings, read from the environment (12-factor).

The embedded default is SQLite with eager Celery, so `make run` needs nothing but Python. Production sets
DATABASE_URL (PostgreSQL), REDIS_URL or CELERY_BROKER_URL, SECRET_KEY, DEBUG=false and ALLOWED_HOSTS.
"""
import datetime as dt
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from access.oidc import apps_uit_omgeving

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)
if not DEBUG:
    # Production never falls back to the development defaults below.
    missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not env.str(name, default="").strip()]
    if missing:
        raise ImproperlyConfigured(
            f"DEBUG is false (production), so {' and '.join(missing)} must be set in the environment; "
            "see README.md, section Production."
        )
    if not (env.str("AUDIT_DIGEST_KEY", default="").strip() or env.str("AUDIT_DIGEST_KEY_FILE", default="").strip()):
        raise ImproperlyConfigured(
            "DEBUG is false (production), so AUDIT_DIGEST_KEY or AUDIT_DIGEST_KEY_FILE must be set: the key that "
            "signs the audit trail's digests; see docs/audit-digests.md."
        )
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # the form templates of web/ override Django's own
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's scripts from our own static files: /api/docs/ works on a closed network
    "axes",
    "django_celery_beat",
    "workflows",
    "subsidies",
    "access",
    # The request families, in the order their demo data builds on each other (seed_demo).
    "accommodaties",
    "bewonersorganisaties",
    "initiatieven",
    # The web faces: web/ is what they share; each face is its own app.
    "web",
    "portaal",
    # Accounts (the ACCOUNTS block below): allauth, after web/ so that web's templates of its pages win.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy header: see the web faces block below
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django_htmx.middleware.HtmxMiddleware",  # request.htmx: a page answers an htmx request with just the part asked
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "access.sessies.InactivityMiddleware",  # keeps an active session alive; an idle one expires (ACCOUNTS)
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "access.tweestaps.TweeStappenMiddleware",  # the admin only for staff with a second step (ACCOUNTS)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "workflows.middleware.AuditContextMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out admin login into our lockout page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a writer instead of failing at once; SQLite serialises writes.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The role that owns the tables (PostgreSQL): `manage.py migrate` connects as this one and then grants the
# application's role (DATABASE_URL) what it may do (workflows.dbrollen); unset: the application's role migrates.
DATABASE_OWNER = env.db("DATABASE_OWNER_URL") if env.str("DATABASE_OWNER_URL", default="").strip() else None

# django-axes first: it refuses a locked-out login before the password is checked. allauth's backend logs in by
# username or email address (the portal's login page); it also does what ModelBackend does (the admin, the API).
AUTHENTICATION_BACKENDS = ["access.backends.LockoutBackend", "allauth.account.auth_backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- The web faces (web/ and the face apps): forms, languages, Content-Security-Policy ------------------------------
# Forms render in NL Design System (Utrecht) markup with labels, fieldsets and linked errors (web/forms.py).
FORM_RENDERER = "web.forms.Renderer"
# The face apps: their templates must be translated completely (tests/web/test_vertalingen.py, `make messages`).
# Each keeps its catalogue in <app>/locale/en/LC_MESSAGES/django.po.
WEB_FACES = ["web", "access", "portaal"]  # access: the login lockout page
# Shown on the accessibility statement (/toegankelijkheid/): where to report a problem.
TOEGANKELIJKHEID_EMAIL = env("TOEGANKELIJKHEID_EMAIL", default="subsidies@example.org")
# No inline script or style on any page, nothing from another origin, no framing. CSP_FORM_ACTION (a comma-separated
# list of origins) lets a form post elsewhere, e.g. a login provider's origin for OpenID Connect.
# The Django admin needs no exception: its scripts and styles are static files (checked in a browser by
# tests/browser/test_web.py). Only when a ModelAdmin sets actions_on_top and actions_on_bottom to False does its
# changelist carry an inline <style> (one column's width), which the browser then ignores.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'", *env.list("CSP_FORM_ACTION", default=[])],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# --- end of the web faces block ---------------------------------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# In development WhiteNoise serves from the finders on request instead of scanning STATIC_ROOT at start-up.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded documents: a private folder that nothing serves; only the download view hands a file out, to those who
# may see it (subsidies.opslag). CLAMD_SOCKET, when set, is clamd's unix socket: every upload is scanned first.
DOCUMENTEN_ROOT = env.path("DOCUMENTEN_ROOT", default=BASE_DIR / "documenten")
CLAMD_SOCKET = env("CLAMD_SOCKET", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Lockout after repeated failed logins (/account/login/, the admin, /api/token/), per account and client address;
# recorded in the audit trail (access.lockout). The cool-off runs from the last failed try; tries during it do not
# extend it.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "access.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "access.lockout.client_ip"
AXES_USERNAME_CALLABLE = "access.lockout.username"  # the admin's `username`, allauth's `login` (email or username)
AXES_VERBOSE = False
API_TOKEN_DAYS = env.int("API_TOKEN_DAYS", default=30)
# Throttle counters live in this cache; per process by default, set e.g. redis://127.0.0.1:6379/2 to share them.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

REST_FRAMEWORK = {
    # Token first: an anonymous call then answers 401 with `WWW-Authenticate: Token` instead of a bare 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "access.tweestaps.TokenMetTweeStappen",  # staff write only with a second step set up (access.tweestaps)
        "access.tweestaps.SessieMetTweeStappen",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "subsidies.api.parsers.JSONParser",  # refuses JSON nested too deep
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # Anonymous calls per client address; the token endpoint has a stricter scope of its own.
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/minute"),
        "token": env("API_THROTTLE_TOKEN", default="10/minute"),
    },
    # How many proxies set X-Forwarded-For in front of us (1 behind the reverse proxy); 0 trusts no such header.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "subsidies.api.filters.StableOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "subsidies.api.pagination.Pagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "subsidies.api.schema.AutoSchema",  # amounts show their bounds
    "EXCEPTION_HANDLER": "subsidies.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sociale Basis Subsidies API",
    "DESCRIPTION": "Aanvragen, beschikkingen, betalingen en begroting van de sociale basis (gemeente Groningen).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models name their state machine field `status`: give each choice set its own stable name.
    "ENUM_NAME_OVERRIDES": {
        "AanvraagStatusEnum": "subsidies.models.aanvragen.Status",
        "SubsidieStatusEnum": "subsidies.models.subsidies.Status",
        "BetalingStatusEnum": "subsidies.models.subsidies.Betaling.Status",
        "JaartrancheStatusEnum": "subsidies.models.tranches.Status",
        "UitkomstEnum": "subsidies.models.aanvragen.Uitkomst",
        "ExploitatiebegrotingStatusEnum": "accommodaties.models.BegrotingStatus",
        "AdviesaanvraagStatusEnum": "initiatieven.models.AdviesStatus",
        "DimensieEnum": "initiatieven.models.Dimensie.Code",
    },
}

# --- ACCOUNTS: login, registration, sessions, OpenID Connect (django-allauth) -----------------------------------
# Every face shares one login at /account/ (allauth); staff keep the admin's own login at /admin/login/, and log in in
# two steps (access.tweestaps: the admin asks the code of a session that has not given it). Templates in
# web/templates/allauth/ and web/templates/account/; README.md, section "Accounts and login", explains the choices.
ACCOUNT_ADAPTER = "access.adapter.AccountAdapter"  # our B1 wording of the main messages
ACCOUNT_FORMS = {"login": "access.forms.LoginForm", "confirm_email_verification_code": "access.forms.CodeForm"}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portaal:overzicht"
ACCOUNT_LOGOUT_ON_GET = False  # logging out is a POST (a link or an image cannot log someone out)
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
# Staff and the demo logins have usernames; applicants register with their email address and log in with it.
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# Mandatory verification by a code rather than a link: the code can be typed on the phone the person is registering
# on even when the mail arrives elsewhere, and a link opened from a mail app often lands in another (in-app) browser
# without the person's session. Six digits, as banks send them; valid for 15 minutes, three tries per code.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_TIMEOUT = 15 * 60
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False  # reset by link: it may be opened on any device
ACCOUNT_PREVENT_ENUMERATION = True  # signup and reset answer the same whether the address is known or not
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Gemeente Groningen: "
ACCOUNT_SESSION_REMEMBER = False  # no "remember me": a shared computer in a library must not stay logged in
# Per client address (ip), per typed address or login (key), per user. Axes' lockout (above) comes on top.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/10s/key",  # a new verification code at most every 10 seconds per address
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Subsidies gemeente Groningen"

# Sessions expire after SESSION_IDLE_MINUTES without a request (access.sessies refreshes an active session at most
# once a minute instead of writing it on every request) and when the browser closes.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)
SESSION_REFRESH_SECONDS = 60

# OpenID Connect (e.g. a DigiD or eHerkenning broker): switched on by OIDC_SERVER_URL, no database rows needed.
# access.oidc adds what allauth's provider leaves out: a nonce, and the id_token's signature always checked.
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # an OIDC address never takes over an existing account by itself
SOCIALACCOUNT_LOGIN_ON_GET = False  # the button posts; a GET shows a confirmation page
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {
    "provider_class": "access.oidc.provider.OIDCProvider",
    "APPS": apps_uit_omgeving(env),  # OIDC_SERVER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAAM, ...
}}
# --- end of ACCOUNTS --------------------------------------------------------------------------------------------

# Celery: eager (in-process) unless a broker is configured.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or "cache+memory://")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL == "memory://")
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# The sealer links audit records every few seconds; verification fails when one waited longer than this.
AUDIT_SEAL_MAX_WAIT_SECONDS = env.int("AUDIT_SEAL_MAX_WAIT_SECONDS", default=300)
CELERY_TASK_ACKS_LATE = True

# Notifications leave through the outbox (workflows.berichten); in development they are printed.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)  # seconds; far below BERICHTEN_CLAIM_SECONDEN
# The display name is quoted: a bare comma in it makes the address invalid for a real mail server.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default='"Gemeente Groningen, subsidies" <subsidies@example.org>')
# The public address of this site: the links in mails start with it.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# Sending a message: a sender holds it for BERICHTEN_CLAIM_SECONDEN; a failed try waits BERICHTEN_WACHTTIJD
# seconds, twice as long after each next one; after BERICHTEN_MAX_POGINGEN tries it is given up (shown in the admin).
BERICHTEN_CLAIM_SECONDEN = env.int("BERICHTEN_CLAIM_SECONDEN", default=300)
BERICHTEN_WACHTTIJD = env.int("BERICHTEN_WACHTTIJD", default=60)
BERICHTEN_MAX_POGINGEN = env.int("BERICHTEN_MAX_POGINGEN", default=8)

# The audit trail's signed digests (workflows.digest, docs/audit-digests.md): an Ed25519 private key (PEM, or the
# 32 raw bytes in base64) from the environment or a file; without one in development a generated key in
# AUDIT_DIGEST_DEV_KEY_FILE. Digests go to AUDIT_DIGEST_DIR (one file each, never overwritten) and by mail to the
# addresses of AUDIT_DIGEST_EMAILS and of the users AUDIT_DIGEST_RECIPIENTS returns (the auditors).
AUDIT_DIGEST_KEY = env.str("AUDIT_DIGEST_KEY", default="")
AUDIT_DIGEST_KEY_FILE = env.str("AUDIT_DIGEST_KEY_FILE", default="")
AUDIT_DIGEST_DEV_KEY_FILE = BASE_DIR / ".audit-digest-dev.key"
# Public keys of earlier signing keys (PEM files), so digests signed before a key rotation still verify.
AUDIT_DIGEST_PUBLIC_KEY_FILES = env.list("AUDIT_DIGEST_PUBLIC_KEY_FILES", default=[])
AUDIT_DIGEST_DIR = env.path("AUDIT_DIGEST_DIR", default=BASE_DIR / "audit-digests")
AUDIT_DIGEST_EMAILS = env.list("AUDIT_DIGEST_EMAILS", default=[])
AUDIT_DIGEST_RECIPIENTS = "subsidies.rollen.auditor_adressen"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint reports every rendering step at INFO, and every CSS property it does not know at WARNING
    "loggers": {"weasyprint.progress": {"level": "WARNING"}, "weasyprint": {"level": "ERROR"}},
}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
