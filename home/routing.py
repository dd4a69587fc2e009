"""Finding the page for a URL in two queries instead of two per level.

Wagtail's default routing walks the tree one slug at a time: a query for each child and another
for its specific model, so a page five levels down costs ten queries before it renders. Every page's
`url_path` already holds its slugs from the front page down, so all pages on the way to the URL are
one query (by their `url_path`s) and the page itself one more (its specific fields). Pages that route
differently (a brochure below the directory, RoutablePage sub-URLs) still get the rest of the path
to route themselves, exactly where Wagtail's walk would have handed it to them.

The pages passed on the way are kept on the page (`routed_ancestors`) so breadcrumbs and the view
restriction check need no further queries, and the way to each page is memoised per cache
generation (home/chrome.py). So is the page's own row for anonymous visitors (`fresh_specific`), so
serving a page to them usually costs no query at all.
"""

import copy

from django.http import Http404

from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


def _routes_by_default(page, next_component=None) -> bool:
    """Whether Wagtail's walk would simply look up the next slug among the page's children.

    A page type that overrides `route` for a few paths of its own declares them in
    `own_sub_paths`; its children are found the ordinary way."""
    specific_class = page.specific_class
    if specific_class is None or specific_class.route is Page.route:
        return True
    own_sub_paths = getattr(specific_class, "own_sub_paths", None)
    return own_sub_paths is not None and next_component not in own_sub_paths


def pages_on_the_way(root, path_components) -> list:
    """`root` and the pages its leading path components lead to, in one query, up to where Wagtail's
    walk would hand the rest of the path to a page's own `route`."""
    url_paths = []
    url_path = root.url_path
    for component in path_components:
        url_path = f"{url_path}{component}/"
        url_paths.append(url_path)
    found = {
        page.url_path: page
        for page in Page.objects.filter(
            path__startswith=root.path,
            depth__gt=root.depth,
            depth__lte=root.depth + len(path_components),
            slug__in=set(path_components),  # indexed: PostgreSQL looks at a handful of rows
            url_path__in=url_paths,
        )
    }
    passed = [root]
    for position, url_path in enumerate(url_paths):
        page = found.get(url_path)
        if page is None or page.depth != root.depth + position + 1:
            # No such child: the page above answers for the rest of the path (its own route may
            # serve sub-URLs; the default route raises 404).
            break
        page._cached_parent_obj = passed[-1]
        passed.append(page)
        next_component = path_components[position + 1] if position + 1 < len(path_components) else None
        if next_component is not None and not _routes_by_default(page, next_component):
            break
    return passed


def route_below(root, request, path_components):
    """Route `path_components` below `root` (a specific page), as Page.route would."""
    if not path_components:
        root.routed_ancestors = []  # the tree's root above it carries no restrictions or aliases
        return Page.route(root, request, path_components)
    from .memo import memo

    # The way to each page is memoised per cache generation (any publish, move or deletion moves
    # it); only ways that reach a page for every component, so made-up URLs cannot fill the memo.
    passed = memo.get(
        ("route", root.pk, tuple(path_components)),
        lambda: pages_on_the_way(root, path_components),
        keep=lambda passed: len(passed) == len(path_components) + 1,
    )
    deepest = passed[-1]
    remaining = path_components[len(passed) - 1 :]
    if deepest is root:
        return Page.route(root, request, remaining)
    if remaining and _routes_by_default(deepest, remaining[0]):
        raise Http404
    specific = fresh_specific(deepest, request)
    specific.routed_ancestors = passed[:-1]
    return specific.route(request, remaining)


def fresh_specific(page, request):
    """The specific page for one request: a new instance every time (views may set attributes on
    it) carrying the generic page's extras, as `page.get_specific()` would return.

    For anonymous visitors its row is memoised per cache generation like the way to it: publishing,
    unpublishing, a save of the live page, a move or a deletion moves the generation on. Signed-in
    users get it from the database, because a draft save leaves the generation alone and changes the
    draft fields (`has_unpublished_changes`, `latest_revision`) that editors' tools read."""
    model = page.specific_class
    if model is None or isinstance(page, model):  # a bare Page is its own specific
        return copy.copy(page)
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return page.get_specific()
    from .memo import memo

    stored = memo.get(("specific", page.pk), lambda: page.get_specific(copy_attrs=()))
    specific = copy.deepcopy(stored)
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)
    return specific


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        # The restrictions come from the per-generation memo instead of a query each time.
        from .memo import private_pages_q

        return private_pages_q()


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


class RoutedViewRestrictionsMixin:
    """A served page's view restrictions without a query, the same list for every check on it.

    Wagtail's own check and the portal's 403 check (home/wagtail_hooks.py) both ask for them; the
    restrictions come from the per-generation memo (home/chrome.py) and the ancestors from routing.
    Aliases keep Wagtail's own lookup (their restrictions are the original page's)."""

    routed_ancestors = None

    def get_view_restrictions(self):
        cached = getattr(self, "_served_view_restrictions", None)
        if cached is not None:
            return cached
        ancestors = self.routed_ancestors
        if ancestors is None or self.alias_of_id or any(page.alias_of_id for page in ancestors):
            return super().get_view_restrictions()
        from .memo import view_restrictions

        found = [r for r in view_restrictions() if self.path.startswith(r.page.path)]
        restrictions = PageViewRestriction.objects.filter(pk__in=[r.pk for r in found])
        restrictions._result_cache = found  # iterating needs no query; .order_by() etc. still query
        restrictions._prefetch_done = True
        self._served_view_restrictions = restrictions
        return restrictions
