"""Wagtail's password form for a page (`/<lang>/_util/authenticate_with_password/<r>/<page>/`),
answered only where it belongs.

Wagtail's own view takes any restriction id and any page id and renders the page's
"password required" response, which runs the page's get_context: an intranet page's visit log
and member queries ran for anonymous visitors (500) and for users outside the group (an
IntranetVisit row). Here the restriction must be a password restriction on the page itself or an
ancestor, and every other restriction on the page must already let the visitor in; anything else
is 404, with nothing computed."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction


def authenticate_with_password(request, page_view_restriction_id, page_id):
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    if restriction.restriction_type != PageViewRestriction.PASSWORD:
        raise Http404
    page = get_object_or_404(Page, id=page_id)
    restricted = restriction.page
    if not (page.pk == restricted.pk or page.is_descendant_of(restricted)):
        raise Http404
    for other in page.get_view_restrictions():
        if other.pk != restriction.pk and not other.accept_request(request):
            raise Http404
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
