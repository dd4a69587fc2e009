"""Template tags for the site's frame that come from the network app: the header's intranet link."""

from django import template

from network import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def intranet_url(context):
    """Where the signed-in member's intranet is, or "" (network/navigation.py)."""
    request = context.get("request")
    return navigation.intranet_url(request) if request is not None else ""
