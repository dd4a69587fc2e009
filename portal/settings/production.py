"""Production profile: gunicorn behind nginx (docs/deployment.md). Everything that differs per
server comes from the environment (docs/configuration.md)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE, REDIS_URL, SECRET_KEY, STORAGES, env_bool, os

DEBUG = False

# No default secret: refuse to start rather than run with a guessable key.
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
DEMO_USERS_ALLOWED = False
# `check --deploy` fails without MFA_ENCRYPTION_KEYS (home/checks.py): second factors are
# encrypted at rest in production.
MFA_ENCRYPTION_REQUIRED = True
# gunicorn sits behind one nginx, which appends the client's address to X-Forwarded-For
# (docs/deployment.md): allauth's login limits count that address, not nginx's 127.0.0.1.
# Set TRUSTED_PROXY_COUNT=0 only where gunicorn faces visitors directly.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

# --- Database ---------------------------------------------------------------------------
# gunicorn's sync workers keep one connection each; reusing it saves a connect per request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# --- Static files -----------------------------------------------------------------------
# WhiteNoise serves the hashed, pre-compressed (gzip + Brotli) files from `collectstatic` with
# far-future cache headers, straight from gunicorn or behind nginx. It goes right after
# SecurityMiddleware so static requests skip everything else.
MIDDLEWARE = list(MIDDLEWARE)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Media ------------------------------------------------------------------------------
# Local disk (MEDIA_ROOT) by default. With AWS_STORAGE_BUCKET_NAME set, uploads go to
# S3-compatible object storage through django-storages (`pip install "django-storages[s3]"`).
# Objects stay private and are reached by signed URLs; documents are still streamed through
# Wagtail's permission-checking view (WAGTAILDOCS_SERVE_METHOD = "serve_view").
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    try:
        import storages  # noqa: F401
    except ImportError as error:
        raise ImproperlyConfigured(
            'AWS_STORAGE_BUCKET_NAME is set but django-storages is missing: pip install "django-storages[s3]"'
        ) from error
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "3600")),
            "file_overwrite": False,
        },
    }

# --- Cache, sessions and the anonymous page cache ---------------------------------------------
# With REDIS_URL (base.py) the cache is shared by every app server: the page cache and its purge,
# allauth's login rate limits and the sessions. Sessions are written to the database too
# (cached_db), so a Redis restart or eviction logs nobody out.
# The cached copy is keyed by the cache generation, so none from before a Redis outage is used
# after it (home/sessions.py).
if REDIS_URL:
    SESSION_ENGINE = "home.sessions"
# `check --deploy` fails without a shared cache (home/checks.py), unless this is one process.
SHARED_CACHE_REQUIRED = not env_bool("PORTAL_SINGLE_PROCESS", False)
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# `make bench` only (scripts/bench/): routes /bench/constant/, the stack's upper bound.
BENCH_VIEWS_ENABLED = env_bool("BENCH_VIEWS_ENABLED", False)
