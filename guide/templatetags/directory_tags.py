from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def service_json_ld(context, service):
    """The service's schema.org GovernmentService <script>, naming the municipality of the site profile."""
    profile = context.get("site_profile")
    municipality = getattr(profile, "municipality_name", "") if profile else ""
    return service.json_ld(context.get("request"), municipality)
