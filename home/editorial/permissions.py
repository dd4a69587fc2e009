"""Under a workflow, only the workflow (or a superuser) publishes.

Wagtail lets anyone with publish permission on a page publish it directly, which cancels the
workflow – so an editor could publish their own change to the guide without a coordinator.
Page permissions propagate down the tree and cannot be denied for a subtree, and editors must keep
publish permission for the general pages. So this policy removes *publish* (and with it unpublish,
scheduling, view restrictions and deleting live pages) on every page under an active workflow for
users who are not approvers of that workflow.

Wagtail's policy registry calls a registered callable with the object
(`ObjectTypeRegistry.get`); the policy object is callable and returns a view of itself scoped to
the page, which is what `PagePermissionTester` uses. Everywhere else (the explorer, the dashboard)
it is Wagtail's own `PagePermissionPolicy`. The registration must run before the first permission
check: this module is imported from `home/wagtail_hooks.py`."""

from wagtail.models import Page, Workflow, WorkflowPage
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

GATES_CACHE = "_editorial_workflow_gates"
PUBLISH = "publish_page"


def workflow_gates(user) -> list[tuple[str, bool]]:
    """(path of a page with an active workflow, whether `user` approves that workflow). Two queries,
    once per request (cached on the user object as Wagtail caches page permissions)."""
    if not hasattr(user, GATES_CACHE):
        approving = set(
            Workflow.objects.filter(
                active=True,
                workflow_tasks__task__active=True,
                workflow_tasks__task__groupapprovaltask__groups__user=user,
            ).values_list("pk", flat=True)
        )
        gates = [
            (path, workflow_id in approving)
            for path, workflow_id in WorkflowPage.objects.filter(workflow__active=True).values_list(
                "page__path", "workflow_id"
            )
        ]
        setattr(user, GATES_CACHE, gates)
    return getattr(user, GATES_CACHE)


def publishing_goes_through_workflow(page, user) -> bool:
    """True if `user` must submit `page` for approval instead of publishing it."""
    if user.is_superuser or not getattr(page, "path", None):
        return False
    return any(page.path.startswith(path) and not approver for path, approver in workflow_gates(user))


class PageScopedPolicy(PagePermissionPolicy):
    def __init__(self, page):
        super().__init__(Page)
        self.page = page

    def get_cached_permissions_for_user(self, user):
        permissions = super().get_cached_permissions_for_user(user)
        if not any(perm.permission.codename == PUBLISH for perm in permissions):
            return permissions
        if publishing_goes_through_workflow(self.page, user):
            return [perm for perm in permissions if perm.permission.codename != PUBLISH]
        return permissions


class WorkflowAwarePagePermissionPolicy(PagePermissionPolicy):
    def __call__(self, page):
        return PageScopedPolicy(page)


if not isinstance(policy_registry.get_by_type(Page), WorkflowAwarePagePermissionPolicy):
    register_permission_policy(Page, WorkflowAwarePagePermissionPolicy(Page))
