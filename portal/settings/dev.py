from .base import *  # noqa: F403
from .base import os

DEBUG = True
# Development only: production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-for-local-demo-never-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEMO_USERS_ALLOWED = True
