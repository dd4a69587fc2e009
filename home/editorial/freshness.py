"""Content freshness: which pages have not been reviewed for 12 months, and who is responsible.

Fields are discovered, not hard-coded, so page types can add them at their own pace:
- the review date is a DateField/DateTimeField named in REVIEW_FIELD_NAMES (e.g. `last_reviewed`);
  a page type without one is judged by when it was last published;
- the responsible person is read from char fields whose name starts with `responsible`
  (`responsible_name`, `responsible_role`), or from the fields a page type names in
  `freshness_responsible_fields` (a service: the service that provides it), and from a foreign key
  to a user named in RESPONSIBLE_USER_FIELD_NAMES; without such a key, the page's owner in Wagtail
  is the responsible editor, and so is a user whose full name is the `responsible_name`;
- a page type whose pages may leave the responsible person empty names the page type that answers
  for them in `responsible_inherited_from` (a guide level: its service area, as the page shows).

This is the one review report of the portal: one rule (12 months), one admin report and one
dashboard panel (hooks.py). One query per page type in scope, plus one per page type whose empty
responsible person is inherited (only when a row needs it), plus one for the users."""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone

from wagtail.models import Locale, get_page_models

REVIEW_FIELD_NAMES = ("last_reviewed", "reviewed_at", "reviewed_on", "last_reviewed_at")
RESPONSIBLE_USER_FIELD_NAMES = ("responsible_user", "responsible_editor", "responsible")
# Page types in these apps are always in the report; elsewhere only those with a review date.
FRESHNESS_APPS = ("guide", "network")
REVIEW_INTERVAL_MONTHS = 12


def review_field(model):
    for name in REVIEW_FIELD_NAMES:
        try:
            candidate = model._meta.get_field(name)
        except Exception:  # noqa: BLE001, S112 - FieldDoesNotExist: try the next name
            continue
        if isinstance(candidate, models.DateField):  # DateTimeField is a DateField
            return candidate
    return None


def responsible_text_fields(model) -> list:
    named = getattr(model, "freshness_responsible_fields", None)
    if named is not None:
        return [model._meta.get_field(name) for name in named]
    return [
        f
        for f in model._meta.get_fields()
        if isinstance(f, models.CharField) and f.name.startswith("responsible") and f.concrete
    ]


def responsible_user_field(model):
    user_model = get_user_model()
    for name in RESPONSIBLE_USER_FIELD_NAMES:
        try:
            candidate = model._meta.get_field(name)
        except Exception:  # noqa: BLE001, S112
            continue
        if isinstance(candidate, models.ForeignKey) and candidate.related_model is user_model:
            return candidate
    return None


def models_in_scope() -> list:
    return [
        model
        for model in get_page_models()
        if not model._meta.abstract
        and (model._meta.app_label in FRESHNESS_APPS or review_field(model) is not None)
    ]


def cutoff(today: datetime.date | None = None) -> datetime.date:
    """The same day 12 months ago (28 February for 29 February)."""
    today = today or timezone.localdate()
    year, month = divmod(today.month - 1 - REVIEW_INTERVAL_MONTHS, 12)
    year, month = today.year + year, month + 1
    for day in (today.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@dataclass
class FreshnessRow:
    page_id: int
    title: str
    kind: str
    language: str
    reviewed: datetime.date | None
    review_field: str | None  # None: judged by the last publication
    responsible: str
    responsible_users: set = field(default_factory=set)

    @property
    def judged_by_publication(self) -> bool:
        return self.review_field is None


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _joined(values: dict, names) -> str:
    return ", ".join(values[name] for name in names if values[name])


def _inherited_responsible(model, paths) -> dict[str, str]:
    """{parent path: its responsible person} for pages of `model` at `paths` that name no one."""
    label = getattr(model, "responsible_inherited_from", None)
    if not label or not paths:
        return {}
    parent_model = apps.get_model(label)
    names = [f.name for f in responsible_text_fields(parent_model)]
    parents = parent_model.objects.filter(path__in={path[: -model.steplen] for path in paths})
    return {values["path"]: _joined(values, names) for values in parents.values("path", *names)}


def overdue_pages(today: datetime.date | None = None, user=None) -> list[FreshnessRow]:
    """Published pages not reviewed since the cutoff (or never), oldest first. With `user`: only theirs."""
    limit = cutoff(today)
    languages = {locale.pk: locale.get_display_name() for locale in Locale.objects.all()}
    rows = []
    for model in models_in_scope():
        date_field = review_field(model)
        text_fields = [f.name for f in responsible_text_fields(model)]
        user_field = responsible_user_field(model)
        date_name = date_field.name if date_field else None
        values = ["id", "path", "title", "locale_id", "owner_id", "last_published_at", *text_fields]
        if date_name:
            values.append(date_name)
        if user_field is not None:
            values.append(user_field.attname)
        queryset = model.objects.live().filter(alias_of__isnull=True)
        aware_limit = timezone.make_aware(datetime.datetime.combine(limit, datetime.time()))
        # Without a review date (none on the type, or never filled in) the last publication counts.
        published_long_ago = models.Q(last_published_at__lt=aware_limit) | models.Q(
            last_published_at__isnull=True
        )
        if date_field is None:
            overdue = published_long_ago
        else:
            reviewed_before = aware_limit if isinstance(date_field, models.DateTimeField) else limit
            overdue = models.Q(**{f"{date_name}__lt": reviewed_before}) | (
                models.Q(**{f"{date_name}__isnull": True}) & published_long_ago
            )
        items = list(queryset.filter(overdue).values(*values))
        inherited = _inherited_responsible(
            model, [item["path"] for item in items if not _joined(item, text_fields)]
        )
        for item in items:
            users = {item["owner_id"]} - {None}
            if user_field is not None and item[user_field.attname]:
                users = {item[user_field.attname]}
            responsible = _joined(item, text_fields) or inherited.get(item["path"][: -model.steplen], "")
            reviewed = item[date_name] if date_name else None
            rows.append(
                FreshnessRow(
                    page_id=item["id"],
                    title=item["title"],
                    kind=str(model._meta.verbose_name),
                    language=languages.get(item["locale_id"], ""),
                    reviewed=_as_date(reviewed or item["last_published_at"]),
                    review_field=date_name if reviewed else None,
                    responsible=responsible,
                    responsible_users=users,
                )
            )

    if user is not None:
        full_name = user.get_full_name().casefold()
        rows = [
            row
            for row in rows
            if user.pk in row.responsible_users
            or (full_name and row.responsible.casefold().split(", ")[0] == full_name)
        ]
    rows.sort(key=lambda row: (row.reviewed or datetime.date.min, row.title))
    return rows


def responsible_user_names(rows) -> dict[int, str]:
    """Names of the responsible users of `rows`: one query."""
    ids = {pk for row in rows for pk in row.responsible_users}
    if not ids:
        return {}
    return {
        user.pk: user.get_full_name() or user.get_username()
        for user in get_user_model().objects.filter(pk__in=ids)
    }
