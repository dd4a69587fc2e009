"""«Mine data»: a signed-in user downloads what the portal holds about them, as one JSON file.

It holds the account (allauth e-mail addresses, groups, whether two-factor is on and how), the
network records linked to the account (Person, service units), whether a calendar feed address
exists, the intranet areas last visited, and the report answers the user sent. Never secrets:
no password hash, no TOTP secret, no recovery codes, no feed token, no session keys.

Answers a unit sent through another agent belong to the unit, not to this user, and are not in
the file; a coordinator exports them from the form's overview. The number of queries is fixed,
however many answers the user has sent (tests/home/test_privacy.py).
"""

import re

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from wagtail.models import Locale, PageLogEntry


def account_data(user):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    methods = sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "mfa": {"enabled": bool(methods), "methods": methods},
        "admin_actions_logged": PageLogEntry.objects.filter(user=user).count(),
    }


def network_data(user):
    from network.models import CalendarFeedToken, IntranetVisit, Person, ServiceUnit

    default_locale = Locale.get_default()
    people = Person.objects.filter(user=user, locale=default_locale).order_by("name")
    feed = CalendarFeedToken.objects.filter(user=user).values("created_at").first()
    return {
        "people": [
            {
                "name": person.name,
                "title": person.title,
                "department": person.department,
                "phone": person.phone,
                "email": person.email,
            }
            for person in people
        ],
        "agent_for_units": [
            {"name": unit.name, "type": unit.unit_type, "pilot": unit.is_pilot}
            for unit in ServiceUnit.for_user(user).order_by("name")
        ],
        "leader_of_units": [
            {"name": unit.name, "type": unit.unit_type, "pilot": unit.is_pilot}
            for unit in ServiceUnit.objects.filter(locale=default_locale, leader__user=user).order_by("name")
        ],
        # Whether a personal feed address exists, never the address itself (it is a secret).
        "calendar_feed": {"exists": feed is not None, "created_at": feed["created_at"] if feed else None},
        "intranet_visits": list(
            IntranetVisit.objects.filter(user=user).order_by("area").values("area", "seen_at")
        ),
    }


def submissions_data(user):
    from network.models import ReportFormField, ReportSubmission

    submissions = list(
        ReportSubmission.objects.filter(user=user)
        .select_related("page", "unit")
        .order_by("submit_time", "pk")
    )
    questions: dict[int, list] = {}
    for field in ReportFormField.objects.filter(page_id__in={s.page_id for s in submissions}).order_by(
        "sort_order", "pk"
    ):
        questions.setdefault(field.page_id, []).append(field)
    result = []
    for submission in submissions:
        data = dict(submission.form_data)
        answers = [
            {"question": field.label, "answer": data.pop(field.clean_name, "")}
            for field in questions.get(submission.page_id, [])
        ]
        # Answers to questions an editor has since removed are still stored, so they are shown too.
        answers += [{"question": key, "answer": value} for key, value in data.items()]
        result.append(
            {
                "form": submission.page.title,
                "unit": submission.unit.name,
                "submitted": submission.submit_time,
                "updated": submission.updated_at,
                "answers": answers,
            }
        )
    return result


def collect(user) -> dict:
    return {
        "about": gettext(
            "Dette er det BTI-portalen lagrer om deg: kontoen din, koblingene til nettverket og "
            "skjemasvarene du har sendt. Passord, tofaktornøkler og kalenderadressen er ikke med."
        ),
        "generated_at": timezone.now(),
        "account": account_data(user),
        "network": network_data(user),
        "report_submissions": submissions_data(user),
    }


@require_GET
@login_required
def my_data(request):
    username = re.sub(r"[^A-Za-z0-9_-]", "_", request.user.get_username())
    response = JsonResponse(collect(request.user), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="bti-portalen-mine-data-{username}.json"'
    response["Cache-Control"] = "private, no-store"
    return response
