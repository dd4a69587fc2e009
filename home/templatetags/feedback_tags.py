"""«Fant du det du lette etter?» under a page (home/feedback/)."""

from django import template

from wagtail.models import Page

from home.memo import view_restrictions

register = template.Library()


def is_public(page) -> bool:
    """No view restriction on the page or above it: the intranet never asks for feedback. Read from
    the restrictions memoised per cache generation, so a cached page costs no query."""
    return page.live and not any(page.path.startswith(r.page.path) for r in view_restrictions())


@register.inclusion_tag("feedback/form.html", takes_context=True)
def page_feedback(context):
    page = context.get("page")
    # Only a Wagtail page served as itself: other views may put something else under "page".
    return {"feedback_page": page if isinstance(page, Page) and page.pk and is_public(page) else None}
