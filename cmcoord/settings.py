"""CMCoord settings, read from the environment.

Two modes, chosen by DJANGO_ENV:
- ``local`` (the default): SQLite file database, Celery runs tasks in-process (no Redis),
  e-mail printed to the console, DEBUG on. This is what ``make run`` and ``make test`` use
  unless DATABASE_URL / REDIS_URL say otherwise.
- ``production``: every required variable must be set and valid, or start-up stops with a
  message naming it; the security settings pass ``manage.py check --deploy``.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from cmcoord.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DJANGO_ENV = env_str("DJANGO_ENV", "local")
if DJANGO_ENV not in {"local", "production"}:
    raise ImproperlyConfigured(
        f"Environment variable DJANGO_ENV must be 'local' or 'production', not {DJANGO_ENV!r}."
    )
PRODUCTION = DJANGO_ENV == "production"

# --- Core -------------------------------------------------------------------------------------
if PRODUCTION:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
        raise ImproperlyConfigured(
            "Environment variable DJANGO_SECRET_KEY must be a random string of at least 50 "
            "characters (python -c 'import secrets; print(secrets.token_urlsafe(64))')."
        )
    DEBUG = env_bool("DJANGO_DEBUG", False)
    if DEBUG:
        raise ImproperlyConfigured("Environment variable DJANGO_DEBUG must be false in production.")
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", required=True)
else:
    # A fixed key is fine for a laptop demo: nothing it signs leaves the machine.
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "local-only-insecure-key-do-not-use-in-production")
    DEBUG = env_bool("DJANGO_DEBUG", True)
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("CMCOORD_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "cmcoord.admin_site.AdministratorAdminConfig",  # django.contrib.admin, for the administrator
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",  # user API tokens: hashed at rest, expiring
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "guardian",
    "simple_history",
    "axes",
    "cmcoord",
    "actors",
    "contacts",
    "meetings",
    "cell",
    "assets",
    "hns",
    "accounts",
    "imports",
    "web",
]

MIDDLEWARE = [
    "cmcoord.logs.RequestIdMiddleware",  # first: every log line of the request carries its id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # the browser's language (Accept-Language)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cmcoord.middleware.UserLanguageMiddleware",  # the user's saved language, the operation's default
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",  # half-signed-in sessions reach only the 2FA pages
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "cmcoord.middleware.ResetTimeZoneMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "web.urls"
WSGI_APPLICATION = "cmcoord.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",  # LANGUAGE_CODE, LANGUAGE_BIDI, LANGUAGES
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cmcoord.context_processors.notifications",
                "cmcoord.context_processors.waiting",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
_database_url = env_str("DATABASE_URL", required=PRODUCTION)
if _database_url:
    try:
        DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"Environment variable DATABASE_URL is not valid: {exc}") from exc
    if PRODUCTION and DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("Environment variable DATABASE_URL must point at PostgreSQL.")
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6's default for links typed without a scheme

# --- Auth -----------------------------------------------------------------------------------------
AUTH_USER_MODEL = "cmcoord.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out username + address
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# Guardian's anonymous user is not used (no object permissions for anonymous visitors).
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Password guessing: after 5 failures for one username from one address, 30 minutes' pause.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cmcoord.lockout.lockout_response"
# The address behind DJANGO_NUM_PROXIES trusted proxies, as the API rate limits count it.
AXES_CLIENT_IP_CALLABLE = "cmcoord.client_ip.client_ip"
LOGIN_URL = "login"
# Two-factor sign-in (TOTP + recovery codes, django-otp): required for officers, HCT members and
# administrators when on; enrolled users always give a code. Off only for the local demo.
TWO_FACTOR_REQUIRED = env_bool("DJANGO_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "CMCoord")
# Failed codes slow the device down (1, 2, 4... seconds) and count towards the sign-in lockout.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# --- I18N ---------------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
# The interface's languages (issue 9): English, French, Spanish, Arabic (right to left), Portuguese.
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("ar", "العربية"), ("pt", "Português")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates as operations write them (cmcoord/locale_formats/en/formats.py), not American.
FORMAT_MODULE_PATH = ["cmcoord.locale_formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
# Uploaded files: on an S3-compatible bucket (AWS S3, MinIO, ...) when S3_BUCKET is set, so that
# web and worker processes on several hosts share them; else on this machine's disk (MEDIA_ROOT).
# Either way they are only served by the app, after its permission checks (cmcoord/files.py):
# the bucket stays private and nothing is served under MEDIA_URL.
S3_BUCKET = env_str("S3_BUCKET", "")
# The largest guideline document an officer may upload, in MB (cmcoord/uploads.py checks it on
# the form; deploy/nginx.conf's client_max_body_size must stay above it).
GUIDELINE_MAX_UPLOAD_MB = env_int("GUIDELINE_MAX_UPLOAD_MB", 20, minimum=1)
_s3_options = {
    "endpoint_url": env_str("S3_ENDPOINT_URL", None),  # MinIO and other S3-compatible services
    "region_name": env_str("S3_REGION", None),
    # Without keys boto3 finds credentials itself (instance role, AWS_* variables).
    "access_key": env_str("S3_ACCESS_KEY_ID", None),
    "secret_key": env_str("S3_SECRET_ACCESS_KEY", None),
}
if not S3_BUCKET and any(_s3_options.values()):
    raise ImproperlyConfigured("Environment variable S3_BUCKET is required when other S3_ variables are set.")
if bool(_s3_options["access_key"]) != bool(_s3_options["secret_key"]):
    raise ImproperlyConfigured("Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither.")
if S3_BUCKET:
    _addressing_style = env_str("S3_ADDRESSING_STYLE", "path" if _s3_options["endpoint_url"] else "auto")
    if _addressing_style not in {"auto", "path", "virtual"}:
        raise ImproperlyConfigured("Environment variable S3_ADDRESSING_STYLE must be auto, path or virtual.")
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_options,
            "bucket_name": S3_BUCKET,
            "location": env_str("S3_PREFIX", "media"),
            "addressing_style": _addressing_style,
            "signature_version": "s3v4",
            "default_acl": None,  # the bucket's own (private) policy
            "file_overwrite": False,  # a second upload of report.pdf gets its own name
            "querystring_auth": True,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- E-mail -------------------------------------------------------------------------------------
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "CMCoord <cmcoord@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST", required=False)
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
    if EMAIL_USE_TLS and EMAIL_USE_SSL:
        raise ImproperlyConfigured("Set only one of EMAIL_USE_TLS and EMAIL_USE_SSL.")
elif PRODUCTION:
    raise ImproperlyConfigured("Environment variable EMAIL_HOST is required in production.")
else:
    EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# --- Celery -------------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL", required=PRODUCTION)
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("Environment variable REDIS_URL must start with redis:// or rediss://.")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    # No broker: tasks run in-process, and `manage.py send_reminders` does the periodic work.
    CELERY_BROKER_URL = "memory://localhost/"
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "UTC"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
# Guarantees for reminders: a task is acknowledged only once done, is requeued if its worker
# dies, never runs for ever, and is redelivered only after it had time to finish.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# One queue name per deployment (tests give each run its own so parallel runs never mix).
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
REMINDER_DISPATCH_EVERY_SECONDS = env_int("REMINDER_DISPATCH_EVERY_SECONDS", 300, minimum=10)
# A reminder claimed (or failed) this long ago without being sent lost its worker or its message:
# the next dispatch sends it again. Longer than the task time limit, so no live send is doubled.
REMINDER_RETRY_STALE_AFTER_SECONDS = env_int(
    "REMINDER_RETRY_STALE_AFTER_SECONDS", CELERY_TASK_TIME_LIMIT + 60, minimum=1
)
# An e-mail the SMTP server did not take is retried (never given up while the reminder matters)
# after 1, 2, 4 ... minutes, at most this long apart; the in-app notification is out already.
REMINDER_EMAIL_BACKOFF_FIRST_SECONDS = 60
REMINDER_EMAIL_BACKOFF_MAX_SECONDS = env_int("REMINDER_EMAIL_BACKOFF_MAX_SECONDS", 3600, minimum=60)
# Reminder e-mails still undelivered this many minutes after their claim: the dispatcher logs an
# error and /healthz/ answers 503.
REMINDER_EMAIL_BACKLOG_ALERT = env_int("REMINDER_EMAIL_BACKLOG_ALERT", 60, minimum=1)
# /healthz/ fails when the dispatcher has not completed a run for this long.
REMINDER_DISPATCH_STALE_AFTER_SECONDS = env_int(
    "REMINDER_DISPATCH_STALE_AFTER_SECONDS", 3 * REMINDER_DISPATCH_EVERY_SECONDS, minimum=60
)
# One beat at a time (cmcoord/beat.py): a second one waits as a standby and takes over at most
# BEAT_LOCK_TIMEOUT_SECONDS after the first stopped.
BEAT_LOCK_TIMEOUT_SECONDS = 60
if REDIS_URL:
    CELERY_BEAT_SCHEDULER = "cmcoord.beat.LockedScheduler"
# One periodic dispatcher finds what is due in the database: no reminder waits as a far ETA in
# Redis (visibility timeout). `expires` drops dispatches queued while no worker was running.
NOTIFICATION_DIGEST_HOUR_UTC = env_int("NOTIFICATION_DIGEST_HOUR_UTC", 5, minimum=0)
if NOTIFICATION_DIGEST_HOUR_UTC > 23:
    raise ImproperlyConfigured("Environment variable NOTIFICATION_DIGEST_HOUR_UTC must be an hour, 0 to 23.")
CELERY_BEAT_SCHEDULE = {
    "dispatch-reminders": {
        "task": "cmcoord.tasks.dispatch_reminders",
        "schedule": float(REMINDER_DISPATCH_EVERY_SECONDS),
        "options": {"expires": REMINDER_DISPATCH_EVERY_SECONDS},
    },
    # The daily digest of the notifications people chose to receive once a day (UTC hour).
    "send-digests": {
        "task": "cmcoord.tasks.send_digests",
        "schedule": crontab(minute=0, hour=NOTIFICATION_DIGEST_HOUR_UTC),
        "options": {"expires": 3600},
    },
    # Expired idempotency keys, API tokens and sessions (cmcoord/housekeeping.py), off-peak.
    "tidy": {
        "task": "cmcoord.tasks.tidy",
        "schedule": crontab(minute=30, hour=(NOTIFICATION_DIGEST_HOUR_UTC + 21) % 24),
        "options": {"expires": 3600},
    },
}

# --- REST framework -----------------------------------------------------------------------------
# Partner keys (cmp_...) are read before user tokens: both use `Authorization: Token ...`. The
# first class also names the WWW-Authenticate scheme, so anonymous callers get 401, not 403.
REST_FRAMEWORK = {
    # Client addresses for rate limits: trust X-Forwarded-For only from this many proxies.
    "NUM_PROXIES": env_int("DJANGO_NUM_PROXIES", 0, minimum=0),
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "cmcoord.authentication.PartnerTokenAuthentication",
        "cmcoord.authentication.UserTokenAuthentication",
        "cmcoord.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["cmcoord.api.permissions.ApiAccess"],
    "DEFAULT_SCHEMA_CLASS": "cmcoord.api.schema.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "cmcoord.search.SearchFilter",
        "cmcoord.api.filters.StableOrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "cmcoord.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["cmcoord.api.parsers.JSONParser"],
    "EXCEPTION_HANDLER": "cmcoord.api.exceptions.api_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "cmcoord.api.throttling.UserThrottle",
        "cmcoord.api.throttling.PartnerThrottle",
        "cmcoord.api.throttling.AnonThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env_str("API_THROTTLE_USER", "3000/hour"),
        "partner": env_str("API_THROTTLE_PARTNER", "3000/hour"),
        "anon": env_str("API_THROTTLE_ANON", "300/hour"),
        "auth-token": env_str("API_THROTTLE_AUTH_TOKEN", "10/minute"),
        "feed": env_str("API_THROTTLE_FEED", "120/hour"),
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DATETIME_FORMAT": "iso-8601",
}
# User tokens (knox): only a SHA-512 digest is stored; each token expires after API_TOKEN_TTL_DAYS.
KNOX_TOKEN_MODEL = "cmcoord.UserToken"  # noqa: S105 (a model name): knox's token with a last-used time
# knox's own token model is swapped for ours; its migrations would still create its table, which
# nothing uses and whose key to the users table blocks the test database's flush on PostgreSQL.
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=env_int("API_TOKEN_TTL_DAYS", 30, minimum=1)),
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CMCoord API",
    "DESCRIPTION": (
        "Civil-military coordination records of humanitarian operations. Authenticate with "
        "`Authorization: Token <key>`: a user token (POST /api/v1/auth/token/ with your username, "
        "password and, if you use two-factor sign-in, a current `otp` code; it expires after "
        "30 days by default and is revoked with POST /api/v1/auth/logout/ or logout-all/) or a "
        "partner key (`cmp_...`, read-only, one operation's shareable records). Lists are paginated "
        "(`page`, `page_size` up to 200); sync with `updated_since`; `?format=hxl` gives CSV "
        "with HXL hashtags. Records you may not read answer 404."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cmcoord.api.schema.postprocess",
    ],
    "ENUM_NAME_OVERRIDES": {
        "SensitivityEnum": "cmcoord.models.base.Sensitivity",
        "InterlocutorStatusEnum": "actors.models.InterlocutorStatus",
        "MeetingStatusEnum": "meetings.models.Meeting.Status",
        "MeetingKindEnum": "meetings.models.Meeting.Kind",
        "ActionPointStatusEnum": "meetings.models.ActionPoint.Status",
        "CellRequestStatusEnum": "cell.models.CellRequest.Status",
        "CellRequestKindEnum": "cell.models.CellRequest.Kind",
        "ForumKindEnum": "meetings.models.ForumKind",
        "AssetStatusEnum": "assets.models.AssetStatus",
        "StrategyStatusEnum": "cmcoord.models.operations.StrategyStatus",
        "SectorKindEnum": "cmcoord.models.places.Sector.Kind",
        "NotificationKindEnum": "cmcoord.models.notifications.NotificationKind",
        "LinkKindEnum": "actors.models.LinkKind",
        "MilitaryResponseEnum": "cell.models.AssistanceRequest.MilitaryResponse",
        "HnsSiteStatusEnum": "hns.models.SiteStatus",
        "HnsMovementStatusEnum": "hns.models.MovementStatus",
    },
}

# --- Cache and sessions: shared by every process on every host ----------------------------------
# The cache (API rate-limit counters) is Redis whenever REDIS_URL is set (always in production),
# else this process's memory (local mode without Redis). Sessions live in the database.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"cmcoord:{CELERY_TASK_DEFAULT_QUEUE}",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Security -----------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 60 * 60 * 24 * 14, minimum=300)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)

# --- Logs and error reports (cmcoord/logs.py) ----------------------------------------------------
# One line per record on standard error: JSON in production (DJANGO_LOG_FORMAT=plain for text),
# each with the request id (or the Celery task id), secrets and tokens redacted. One access line
# per request (logger cmcoord.access; gunicorn's own access log is off).
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "json" if PRODUCTION else "plain")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured(
        f"Environment variable DJANGO_LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}."
    )
LOGGING_CONFIG = "cmcoord.logs.configure"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "cmcoord.logs.ContextFilter"}},
    "formatters": {
        "json": {"()": "cmcoord.logs.JsonFormatter"},
        "plain": {
            "()": "cmcoord.logs.PlainFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["context"]}
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # runserver prints its own line per request; production logs this one.
        "cmcoord.access": {"level": "INFO" if env_bool("DJANGO_ACCESS_LOG", PRODUCTION) else "WARNING"},
    },
}

# Errors (web requests, Celery tasks, logged errors) go to Sentry when SENTRY_DSN is set: no
# personal data, no local variables, no request bodies, the same redaction as the logs.
SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    from cmcoord.logs import init_sentry

    init_sentry(
        SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", DJANGO_ENV),
        release=env_str("SENTRY_RELEASE", None),
    )
