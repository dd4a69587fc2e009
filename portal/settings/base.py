"""Settings shared by every profile. Values that differ per machine come from the environment
(documented in docs/configuration.md)."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = False
# Wagtail's preview views set SAMEORIGIN themselves, so everything else can refuse framing.
X_FRAME_OPTIONS = "DENY"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "home",
    "guide",
    "network",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "dbbackup",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# Rendered page content ({% page_content_cache %} in page templates), keyed by the page's state,
# language and the cache generation, so never stale; the time only bounds memory. 0 turns it off.
PAGE_CONTENT_CACHE_SECONDS = int(os.environ.get("PAGE_CONTENT_CACHE_SECONDS", "3600"))
# How many values each app process memoises per cache generation (home/chrome.py): the site's
# frame, the way to each visited page and its row. Bounds memory on a site with many pages.
MEMO_MAX_ENTRIES = int(os.environ.get("MEMO_MAX_ENTRIES", "5000"))

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Full-page cache for anonymous visitors; off unless PAGE_CACHE_ENABLED (on in production.py).
    "home.cache.PageCacheMiddleware",
    # Uploaded files get a sandboxing CSP of their own instead of the site's (home/uploads.py).
    "home.uploads.MediaHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Django's SessionMiddleware, with a 503 "try again" when the database drops a session save.
    "home.sessions.SessionSaveMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Sign-in POSTs get a 503 while allauth's rate-limit counters (Redis) cannot be read.
    "home.unavailable.LoginNeedsCacheMiddleware",
    "home.security.SecurityPolicyMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_profile",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # django-redis keeps one client (and its connection pool) per process; Django's own RedisCache
    # builds a new client for every cache call, a noticeable part of a page that makes three.
    # Redis is a cache, never a dependency (docs/security.md): short timeouts, and the default
    # alias (sessions' copy, allauth's counters, translation drafts) ignores Redis errors. The
    # page cache has an alias of its own that raises, so home/cache.py can tell an outage from a
    # miss; logins fail closed while it is down (home/unavailable.py).
    _REDIS_OPTIONS = {
        "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
        "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
    }
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {**_REDIS_OPTIONS, "IGNORE_EXCEPTIONS": True},
        },
        "pagecache": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": _REDIS_OPTIONS,
        },
    }
    PAGE_CACHE_ALIAS = "pagecache"
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered page content and parts of the frame ({% page_content_cache %}, {% chrome_fragment %};
# Django's cache tag looks for this alias) stay in each app process's memory: their keys carry the
# cache generation, so a shared store would add only a network round trip per page.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "page-content",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CONTENT_CACHE_MAX_ENTRIES", "2000"))},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# One backend: allauth's (which inherits Django's permission checks), checking a password once
# per attempt so a login by e-mail costs the same whether the address exists (home/accounts.py).
AUTHENTICATION_BACKENDS = ["home.accounts.EvenCostAuthenticationBackend"]

# --- Languages ---------------------------------------------------------------
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål"), ("nn", "Norsk nynorsk")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Oslo"
# Our own catalogue first; the vendor catalogues add Nynorsk for allauth's and Wagtail's
# visitor-facing strings, which those packages ship only in Bokmål, and Bokmål for the admin
# strings Wagtail and wagtail-localize leave in English (locale/vendor/nb, docs/conventions.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
# The Wagtail admin speaks Bokmål unless an editor picks English in their profile.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]

# --- Static and media ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Backups (manage.py dbbackup / mediabackup, see docs/operations.md). Keep them off the web server.
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": os.environ.get("BACKUP_DIR", str(BASE_DIR / "backups")),
            # Backups hold sessions and password hashes: readable by the portal's user only.
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
}

# --- Wagtail --------------------------------------------------------------------
WAGTAIL_SITE_NAME = "BTI-portalen"
# No Gravatar: the admin's CSP allows images from the portal only (so Gravatar's showed as broken),
# and it would send a hash of every editor's e-mail address to a third party. Editors without an
# uploaded picture get Wagtail's default avatar, served from our own static files.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Private documents are streamed through Wagtail's permission-checking view, never as raw media.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "norwegian"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# No SVG: it can carry script (home/uploads.py). The form says so.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.uploads.SafeImageForm"

# --- Accounts (django-allauth) -------------------------------------------------
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "home.accounts.PortalAccountAdapter"
ACCOUNT_FORMS = {"login": "home.accounts.PortalLoginForm"}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
# A password reset for an address without an account sends nothing (nor says so).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# Client address for allauth's rate limits: 0 trusts only REMOTE_ADDR (runserver, tests);
# production.py trusts the X-Forwarded-For entry nginx adds (docs/configuration.md).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Without this a logged-in user who lacks access to a page would loop between Wagtail's
# login redirect and allauth's "already logged in" redirect (wagtail#4297).
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False

# Two-factor authentication (TOTP + recovery codes). Members of these groups must set it up
# before they reach the Wagtail admin or coordinator pages (home/security.py).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "BTI-portalen"
# TOTP secrets and recovery seeds are encrypted at rest with these Fernet keys, newest first;
# older keys only decrypt (rotation: docs/security.md, manage.py encrypt_mfa_secrets).
MFA_ADAPTER = "home.accounts.PortalMFAAdapter"
MFA_ENCRYPTION_KEYS = env_list("MFA_ENCRYPTION_KEYS", [])
MFA_REQUIRED_FOR_GROUPS = ["Redaktører", "Koordinatorer"]
MFA_REQUIRED_PATH_PREFIXES = ["/admin/"]
# The admin signs in through allauth too, so its MFA step is never bypassed.
WAGTAILADMIN_LOGIN_URL = "account_login"

# Sessions: the intranet logs out after 8 idle hours, the admin after 2 (home/security.py).
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
ADMIN_IDLE_TIMEOUT = int(os.environ.get("ADMIN_IDLE_TIMEOUT", str(2 * 60 * 60)))

# GPG-encrypted backups (manage.py dbbackup --encrypt): the recipient's key id or e-mail.
DBBACKUP_GPG_RECIPIENT = os.environ.get("DBBACKUP_GPG_RECIPIENT") or None

# --- Security headers -------------------------------------------------------------
# No inline scripts or styles anywhere on the public site and intranet. The Wagtail admin
# needs inline code and is left to X-Frame-Options and its own login.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sent by home/security.py on every response.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# The Wagtail admin needs inline scripts and styles, so it is outside CONTENT_SECURITY_POLICY;
# this narrower policy (built with django-csp, home/security.py) still applies there.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}

# --- Uploads ----------------------------------------------------------------------
# Only these document types, recognised by their content and not just their name.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "txt", "csv"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.SafeDocumentForm"
DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_SIZE", str(20 * 1024 * 1024)))
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "BTI-portalen <ikke-svar@bti.example.no>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Demo accounts (editor, coordinator, agent) may only be created where this is true.
DEMO_USERS_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Background-task and page-edit chatter drowns real messages at INFO.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Machine translation (Apertium, docs/apertium.md) ----------------------------------
# The local `apertium` command by default; an Apertium-APy server when APERTIUM_APY_URL is set.
# Drafts are never published automatically: an editor reviews them in the translation editor.
APERTIUM_APY_URL = os.environ.get("APERTIUM_APY_URL", "")
APERTIUM_COMMAND = os.environ.get("APERTIUM_COMMAND", "apertium")
APERTIUM_TIMEOUT = float(os.environ.get("APERTIUM_TIMEOUT", "30"))
APERTIUM_CACHE_SECONDS = int(os.environ.get("APERTIUM_CACHE_SECONDS", str(60 * 60 * 24 * 30)))
APERTIUM_MODES = {
    "nb-nn": os.environ.get("APERTIUM_NB_NN_MODE", "nob-nno_e"),
    "nn-nb": os.environ.get("APERTIUM_NN_NB_MODE", "nno-nob"),
}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "home.machine_translation.ApertiumTranslator", "OPTIONS": {}}

# --- Retention ---------------------------------------------------------------------
# Form answers are deleted this many months after their last change (manage.py delete_old_submissions).
SUBMISSION_RETENTION_MONTHS = int(os.environ.get("SUBMISSION_RETENTION_MONTHS", "36"))
# Visitors' page feedback is deleted this many months after it was given (manage.py delete_old_feedback).
PAGE_FEEDBACK_RETENTION_MONTHS = int(os.environ.get("PAGE_FEEDBACK_RETENTION_MONTHS", "12"))
# Feedback answers per client address (allauth's rate-limit counters in the cache; home/feedback/views.py).
PAGE_FEEDBACK_RATE_LIMIT = os.environ.get("PAGE_FEEDBACK_RATE_LIMIT", "10/10m")
