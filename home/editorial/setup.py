"""Groups, permissions and the «Faglig godkjenning» workflow.

Every function takes an `apps` registry so the data migration can run it with historical models
and `signals.py` with the real ones. All of it is idempotent."""

EDITORS, COORDINATORS, AGENTS = "Redaktører", "Koordinatorer", "BTI-agenter"

WORKFLOW_NAME = "Faglig godkjenning"
DEFAULT_WAGTAIL_WORKFLOW = "Moderators approval"
TASK_NAME = "Godkjenning av koordinator"

# The workflow sits on these page types (in every language); their subpages inherit it.
WORKFLOW_PAGE_TYPES = {("guide", "guideindexpage"), ("guide", "servicedirectorypage")}
# Coordinators manage these subtrees (the closed intranet).
COORDINATOR_PAGE_TYPES = {("network", "intranetpage")}
COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Wagtail checks that whoever approves the last task may publish the page: approvers need publish
# permission on the workflow pages (see permissions.py: only approvers keep it there).
APPROVER_PAGE_PERMISSIONS = ["publish_page"]

EDITOR_MODEL_PERMISSIONS = {
    ("guide", "tool"): ["add", "change", "delete", "view"],
    ("network", "person"): ["add", "change", "delete", "view"],
    ("network", "serviceunit"): ["add", "change", "delete", "view"],
}
COORDINATOR_MODEL_PERMISSIONS = {
    ("wagtailadmin", "admin"): ["access"],
    ("wagtail_localize", "translation"): ["submit"],
}
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]


def _permissions(apps, spec):
    Permission = apps.get_model("auth", "Permission")
    wanted = []
    for (app_label, model), actions in spec.items():
        for action in actions:
            codename = f"{action}_{model}" if model != "admin" else f"{action}_admin"
            wanted.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
    return wanted


def configure_groups(apps):
    """Editors edit public content; coordinators reach the admin to approve and run the intranet;
    agents never reach the admin."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    agents, _ = Group.objects.get_or_create(name=AGENTS)

    editors.permissions.add(*_permissions(apps, EDITOR_MODEL_PERMISSIONS))
    coordinators.permissions.add(*_permissions(apps, COORDINATOR_MODEL_PERMISSIONS))

    # Agents: no admin, no page or collection permissions, whatever was added by hand.
    agents.permissions.remove(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupPagePermission.objects.filter(group=agents).delete()
    GroupCollectionPermission.objects.filter(group=agents).delete()

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, codename in COLLECTION_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=coordinators, collection=root_collection, permission=permission
                )
    return editors, coordinators, agents


def ensure_workflow(apps):
    """The workflow «Faglig godkjenning» with one task: a coordinator approves."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=content_type)
    task.groups.add(Group.objects.get_or_create(name=COORDINATORS)[0])
    WorkflowTask.objects.get_or_create(workflow=workflow, task_id=task.pk, defaults={"sort_order": 0})
    return workflow


def content_type_ids(apps, types) -> list[int]:
    ContentType = apps.get_model("contenttypes", "ContentType")
    ids = []
    for app_label, model in types:
        ids += ContentType.objects.filter(app_label=app_label, model=model).values_list("id", flat=True)
    return ids


def assign_pages(apps, page_ids=None):
    """Put the workflow on every workflow page and give coordinators the intranet pages.

    `page_ids` limits the work to some pages (the signal passes the page just saved)."""
    Page = apps.get_model("wagtailcore", "Page")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    pages = Page.objects.all() if page_ids is None else Page.objects.filter(pk__in=page_ids)
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)

    def grant(page, codenames):
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ):
            GroupPagePermission.objects.get_or_create(group=coordinators, page=page, permission=permission)

    workflow_pages = list(pages.filter(content_type_id__in=content_type_ids(apps, WORKFLOW_PAGE_TYPES)))
    if workflow_pages:
        workflow = ensure_workflow(apps)
        for page in workflow_pages:
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
            grant(page, APPROVER_PAGE_PERMISSIONS)

    for page in pages.filter(content_type_id__in=content_type_ids(apps, COORDINATOR_PAGE_TYPES)):
        grant(page, COORDINATOR_PAGE_PERMISSIONS)


def retire_default_workflow(apps):
    """Wagtail's own «Moderators approval» on the root would put every page under a workflow whose
    group (Moderators) the portal does not have: general pages publish directly."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.filter(page__depth=1).exclude(workflow__name=WORKFLOW_NAME).delete()
    Workflow.objects.filter(name=DEFAULT_WAGTAIL_WORKFLOW).update(active=False)


def configure(apps):
    retire_default_workflow(apps)
    configure_groups(apps)
    ensure_workflow(apps)
    assign_pages(apps)
