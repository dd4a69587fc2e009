from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from guide import tool_documents
from home import document_serving, mfa_setup, password_restriction, privacy
from home import views as home_views
from home.feedback import views as feedback_views

urlpatterns = [
    # The admin signs in through allauth (with its MFA step), never through Wagtail's own form.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view with honest cache and encoding headers (home/document_serving.py).
    path(
        "documents/<int:document_id>/<str:document_filename>",
        document_serving.serve,
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    # The guide's tools as Word and PDF files, made from their form content (guide/tool_documents.py).
    path("verktoy/<int:tool_id>/<str:filename>", tool_documents.serve, name="tool_document"),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots, name="robots"),
    path("favicon.ico", home_views.favicon, name="favicon"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Only image renditions are served from media in development. Documents are never served
    # from /media/: they go through Wagtail's permission-checking /documents/ view.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>(?:images|original_images)/.+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("konto/mine-data/", privacy.my_data, name="my_data"),
    # allauth's TOTP setup and recovery codes, carrying `next` through (home/mfa_setup.py).
    path("konto/2fa/totp/activate/", mfa_setup.activate_totp),
    path("konto/2fa/recovery-codes/", mfa_setup.view_recovery_codes),
    path("konto/", include("allauth.urls")),
    path("sok/", home_views.search, name="search"),
    # «Fant du det du lette etter?»: POST only, no CSRF token so pages stay cacheable (home/feedback/views.py).
    path("tilbakemelding/", feedback_views.answer, name="feedback_answer"),
    path("tilbakemelding/kommentar/", feedback_views.comment, name="feedback_comment"),
    # Wagtail's password form, only for password restrictions the visitor may use (home/password_restriction.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        password_restriction.authenticate_with_password,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# The benchmark's constant-response view (scripts/bench/), only when BENCH_VIEWS_ENABLED is set.
if getattr(settings, "BENCH_VIEWS_ENABLED", False):
    from home.bench_views import constant

    urlpatterns += [path("bench/constant/", constant)]
