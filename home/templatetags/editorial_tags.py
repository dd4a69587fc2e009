"""Template tags for the editorial workflow in wagtail-localize's screens (home/editorial)."""

from django import template

from wagtail.models import Page

from home.editorial.workflow import submittable_pages

register = template.Library()


@register.simple_tag
def can_send_for_approval(instance) -> bool:
    """Whether «Send til godkjenning» applies to this translated object: a page under a workflow
    with none in progress (the same rule as the translation report)."""
    return isinstance(instance, Page) and instance.pk in submittable_pages([instance.pk])
