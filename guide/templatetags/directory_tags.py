from django import template

from home.templatetags.portal_tags import PageContentCacheNode, page_content_cache_seconds

register = template.Library()


@register.simple_tag(takes_context=True)
def service_json_ld(context, service):
    """The service's schema.org GovernmentService <script>, naming the municipality of the site profile."""
    profile = context.get("site_profile")
    municipality = getattr(profile, "municipality_name", "") if profile else ""
    return service.json_ld(context.get("request"), municipality)


@register.tag("directory_cards_cache")
def directory_cards_cache(parser, token):
    """{% directory_cards_cache shown_key %}…{% enddirectory_cards_cache %} around the cards of the
    services on one page of the directory: the page content cache ({% page_content_cache %}, keyed
    by the directory, site, language and cache generation), also keyed by which services are shown.
    Every filter and page that shows the same services shares the fragment; the cards' rows are
    fetched only when it is rendered."""
    nodelist = parser.parse(("enddirectory_cards_cache",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("directory_cards_cache takes one argument: what the cards show")
    return PageContentCacheNode(
        nodelist,
        parser.compile_filter(str(max(page_content_cache_seconds(), 1))),
        "directory-cards",
        [
            parser.compile_filter("cache_generation"),
            parser.compile_filter("request.LANGUAGE_CODE"),
            parser.compile_filter(bits[1]),
        ],
        None,
    )
