"""What the editors see: answers per page and language, share of «Ja», and the comments."""

from django.db.models import Count, Q

from home.models import PageFeedback

DASHBOARD_ROWS = 5
REPORT_COMMENTS = 200


def per_page():
    """One row per page and language, most «Nei» first."""
    rows = (
        PageFeedback.objects.values("page_id", "page__title", "locale__language_code")
        .annotate(
            total=Count("pk"),
            yes=Count("pk", filter=Q(found=True)),
            no=Count("pk", filter=Q(found=False)),
            commented=Count("pk", filter=~Q(comment="")),
        )
        .order_by("-no", "-total", "page__title")
    )
    for row in rows:
        row["yes_share"] = round(100 * row["yes"] / row["total"])
    return list(rows)


def most_no(limit: int = DASHBOARD_ROWS):
    return [row for row in per_page() if row["no"]][:limit]


def comments():
    return PageFeedback.objects.exclude(comment="").select_related("page", "locale").order_by("-created_at")
