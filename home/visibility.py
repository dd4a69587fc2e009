"""Which restricted pages a user may see. Search uses this so private pages never show up for
visitors who cannot open them."""

from wagtail.models import PageViewRestriction


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


def hidden_path_prefixes(user) -> tuple[str, ...]:
    """The tree paths of the restricted pages the user may not view: a page is hidden when its path
    starts with one of them (the page itself and everything below it)."""
    if not user.is_authenticated:
        # No restriction admits an anonymous visitor, and the restrictions are memoised per cache
        # generation (home/chrome.py).
        from .memo import view_restrictions

        return tuple(restriction.page.path for restriction in view_restrictions())
    user_group_ids = set(user.groups.values_list("pk", flat=True))
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    return tuple(
        restriction.page.path
        for restriction in restrictions
        if not restriction_admits(restriction, user, user_group_ids)
    )
