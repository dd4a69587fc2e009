"""Which restricted pages a user may see. Search and menus use this so private pages never
show up for visitors who cannot open them."""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction


def restriction_admits(restriction: PageViewRestriction, user, user_group_ids: set[int]) -> bool:
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        return any(group.pk in user_group_ids for group in restriction.groups.all())
    # Password-protected pages are never listed: a listing cannot ask for the password.
    return False


def hidden_pages_q(user) -> Q:
    """A Q matching every page (and its descendants) the user is not allowed to view."""
    if not user.is_authenticated:
        # No restriction admits an anonymous visitor: every restricted subtree is hidden, and the
        # restrictions are memoised per cache generation (home/chrome.py).
        from .chrome import private_pages_q

        return private_pages_q()
    hidden = Q()
    user_group_ids = set(user.groups.values_list("pk", flat=True))
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if not restriction_admits(restriction, user, user_group_ids):
            hidden |= Page.objects.descendant_of_q(restriction.page, inclusive=True)
    return hidden


def visible_to(queryset, user):
    hidden = hidden_pages_q(user)
    return queryset.exclude(hidden) if hidden else queryset
