"""Wijkteam settings: one file, every value from the environment.

Every variable is listed with its meaning in `.env.example`. The helpers below fail
loudly (ImproperlyConfigured) on a value they cannot read, rather than guessing.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Environment variable {name} is required.")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    lowered = raw.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {raw!r}."
        ) from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# Demo mode: demo accounts exist and may skip 2FA (see docs/security.md).
DEMO_MODE = env_bool("WIJKTEAM_DEMO", False)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-" + "x" * 40)
else:
    SECRET_KEY = env_str("SECRET_KEY")
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured("SECRET_KEY must be at least 50 varied characters.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wijkteam",
    "cases",
    "gebiedsanalyse",
    "bouwstenen",
    "brp",
    "iwmo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A body larger than the largest upload is refused before anything reads it.
    "wijkteam.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything reads the submitted values: control characters removed.
    "wijkteam.middleware.StripControlCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wijkteam.middleware.NoStoreMiddleware",
    # Inside the header middleware, so their redirects carry the headers too: end
    # sessions past 12 hours, then demand the second factor.
    "wijkteam.security.AbsoluteSessionTimeoutMiddleware",
    "wijkteam.security.TwoFactorMiddleware",
    # Demo mode (DEBUG on): the Dutch 404 page instead of Django's debug page.
    "wijkteam.middleware.DemoErrorPagesMiddleware",
    # Writes each refused attempt (404/403 from the access check) to the access log.
    "wijkteam.security.DeniedAccessLogMiddleware",
    # Last: turns a locked-out login attempt into the Dutch lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wijkteam.urls"
WSGI_APPLICATION = "wijkteam.wsgi.application"
ASGI_APPLICATION = "wijkteam.asgi.application"

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
                "wijkteam.context_processors.navigation",
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://user:pass@host:port/name). `make run`/`make test`
# start an embedded PostgreSQL and set it when it is not given.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wijkteam"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# No JIT compilation: the app's queries are short, and for the larger aggregates
# (team figures over 100k casussen) compiling took longer than running them
# (333 ms of 718 ms; docs/performance.md).
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
# No server-side cursors: Django reads every select of a form (ModelChoiceField)
# through one, a DECLARE … WITH HOLD and a CLOSE round trip per select on each page
# (7 ms of the casus page under load); they also break behind a pgbouncer in
# transaction mode. The one large read, the access-log CSV, goes in keyset chunks.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL.")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "wijkteam.User"
_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + "UserAttributeSimilarityValidator"},
    {
        "NAME": _VALIDATORS + "MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": _VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _VALIDATORS + "NumericPasswordValidator"},
]
# django-axes must come first: it refuses locked-out attempts before the password
# is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
# A forgotten password: the team's beheerder makes a link to choose a new one
# (wijkteam/member_views.py), valid once and for this many hours.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_HOURS", 24) * 3600

# Optional single sign-on with OpenID Connect (wijkteam/oidc.py), off by default.
# Users must already exist (matched by e-mail, else user name); roles stay in the app.
OIDC_ENABLED = env_bool("OIDC_ENABLED", False)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("wijkteam.oidc.ExistingUserBackend")
    OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email profile")
    OIDC_USERNAME_CLAIM = env_str("OIDC_USERNAME_CLAIM", "preferred_username")
    OIDC_CREATE_USER = False
    OIDC_CALLBACK_CLASS = "wijkteam.oidc.CallbackView"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["wijkteam.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / ".data" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Bad input: a post's form fields may hold at most 1 MB (more is refused with 400
# before a view sees it); uploaded files over 2.5 MB go to a temporary file instead of
# memory. The CBS import (gebiedsanalyse) refuses files over CBS_UPLOAD_MAX_MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 5
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640
CBS_UPLOAD_MAX_MB = env_int("CBS_UPLOAD_MAX_MB", 20)
# The iWmo import page (iwmo): files or one zip up to this size in one post (the
# request itself is capped at CBS_UPLOAD_MAX_MB + 1 by RequestSizeLimitMiddleware).
# Posts with more than IWMO_INLINE_MAX messages go to a Celery worker.
IWMO_UPLOAD_MAX_MB = env_int("IWMO_UPLOAD_MAX_MB", 20)
IWMO_INLINE_MAX = env_int("IWMO_INLINE_MAX", 50)
# The CBS files the demo reads: by default the compact Rotterdam copies in the
# repository; point this at a folder with bigger files (plain or .gz) to use those.
CBS_DATA_DIR = Path(
    env_str("CBS_DATA_DIR", "") or BASE_DIR / "gebiedsanalyse" / "data" / "cbs"
)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Redis: broker, results and cache.
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "wijkteam",
    }
}

# Celery (read by wijkteam/celery.py with namespace CELERY).
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "wijkteam")
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 180)
# A message a worker took and never acknowledged (acks_late tasks, a worker killed)
# is handed out again after this many seconds; Celery's default is an hour. It must
# exceed the hard time limit, or a task still running would be handed out twice,
# and the point where an export left running counts as stale (hard limit + 60 s,
# wijkteam/exports.py), so the redelivered task may take the job over.
_visibility_timeout = env_int("CELERY_VISIBILITY_TIMEOUT", CELERY_TASK_TIME_LIMIT + 120)
if _visibility_timeout <= CELERY_TASK_TIME_LIMIT + 60:
    raise ImproperlyConfigured(
        "CELERY_VISIBILITY_TIMEOUT must exceed CELERY_TASK_TIME_LIMIT + 60 seconds."
    )
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": _visibility_timeout}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# Celery beat (the `beat` service in docker-compose.yml): periodic tasks.
CELERY_BEAT_SCHEDULE = {
    "bewaartermijnen": {
        "task": "cases.apply_retention",
        "schedule": crontab(hour=env_int("RETENTION_HOUR", 3), minute=30),
    },
    # Exports left "running" by a lost worker go back to the queue (exports.py).
    "exports-vastgelopen": {
        "task": "wijkteam.requeue_stale_exports",
        "schedule": 60.0,
    },
}

# Bewaartermijnen (cases/retention.py): years after a casus is closed, by wettelijk
# kader (a Wmo casus whose plan was never vastgesteld: the shorter term); years
# after the last change of a vraag that never became a casus; days an inzage-PDF
# is kept.
RETENTION_WMO_YEARS = env_int("RETENTION_WMO_YEARS", 15)
RETENTION_WMO_NOT_ADOPTED_YEARS = env_int("RETENTION_WMO_NOT_ADOPTED_YEARS", 5)
RETENTION_JEUGD_YEARS = env_int("RETENTION_JEUGD_YEARS", 20)
RETENTION_QUESTION_YEARS = env_int("RETENTION_QUESTION_YEARS", 2)
RETENTION_INZAGE_EXPORT_DAYS = env_int("RETENTION_INZAGE_EXPORT_DAYS", 30)

# Mail: the regievoerder may be notified by e-mail (sent by Celery after commit).
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "wijkteam@localhost")

# Sessions: personal data, so short idle time; the cookie dies with the browser.
# Sessions live in the database so that logout and deactivation end them on the
# server (wijkteam.models.UserSession points at django_session rows).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
# Absolute limit, counted from login, whatever the user does (wijkteam.security).
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Security headers. HTTPS-only settings are on whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the app append the client's address to
# X-Forwarded-For. 0: the header is ignored (anyone can send it) and REMOTE_ADDR is
# the client. The address goes to the access log and the login throttle
# (wijkteam.accesslog.client_ip); behind a proxy, REMOTE_ADDR is the proxy's.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")

# Content-Security-Policy (django-csp): no inline script, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Login throttling (django-axes): 5 failures lock that username from that IP address
# for the cool-off time; a colleague behind the same office IP is not locked.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # our own access log records every login
AXES_LOCKOUT_CALLABLE = "wijkteam.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "wijkteam.security.axes_client_ip"
AXES_USERNAME_FORM_FIELD = "username"

# Two-factor authentication (django-otp, TOTP + recovery codes) for every role that
# sees personal data. OTP_ENFORCED exists for the test suite only (tests that are
# about 2FA switch it on); production leaves it unset.
OTP_REQUIRED_ROLES = env_list(
    "OTP_REQUIRED_ROLES", "balie,wijkteamlid,teamleider,beheerder,gemeentebeheerder"
)
OTP_ENFORCED = env_bool("OTP_ENFORCED", True)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Wijkteam")
OTP_RECOVERY_CODES = 10

# Access log review: a user who viewed more distinct persons in one day is reported,
# and so is one who viewed more persons outside their own casussen (persons not in
# the household of a casus where they are or were regievoerder).
ACCESSLOG_UNUSUAL_PERSONS_PER_DAY = env_int("ACCESSLOG_UNUSUAL_PERSONS_PER_DAY", 25)
ACCESSLOG_UNUSUAL_OUTSIDE_PER_DAY = env_int("ACCESSLOG_UNUSUAL_OUTSIDE_PER_DAY", 10)

# The BRP (Haal Centraal BRP Personen bevragen v2), read by brp/client.py. Empty URL:
# no BRP (in demo mode `make run` starts the local one, brp/localservice.py).
BRP_URL = env_str("BRP_URL", "")
BRP_API_KEY = env_str("BRP_API_KEY", "")
BRP_API_KEY_HEADER = env_str("BRP_API_KEY_HEADER", "X-API-KEY")
# Protocolling headers the gemeente requires (x-doelbinding, x-verwerking,
# x-origin-oin); x-gebruiker is the signed-in user's username.
BRP_DOELBINDING = env_str("BRP_DOELBINDING", "")
BRP_VERWERKING = env_str("BRP_VERWERKING", "")
BRP_OIN = env_str("BRP_OIN", "")
# Seconds. The whole answer must be in within BRP_READ_TIMEOUT of asking (the desk
# must hear within 5 s that it should register by hand); connecting may take at
# most BRP_CONNECT_TIMEOUT of that.
BRP_CONNECT_TIMEOUT = env_int("BRP_CONNECT_TIMEOUT", 2)
BRP_READ_TIMEOUT = env_int("BRP_READ_TIMEOUT", 5)
if not 1 <= BRP_CONNECT_TIMEOUT < BRP_READ_TIMEOUT:
    raise ImproperlyConfigured(
        "BRP_CONNECT_TIMEOUT must be at least 1 and less than BRP_READ_TIMEOUT."
    )
# Optional mutual TLS (PEM files) and a CA bundle for the gemeente's gateway.
BRP_CLIENT_CERT = env_str("BRP_CLIENT_CERT", "")
BRP_CLIENT_KEY = env_str("BRP_CLIENT_KEY", "")
BRP_CA_BUNDLE = env_str("BRP_CA_BUNDLE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "filters": {"redact": {"()": "wijkteam.logfilters.RedactFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
