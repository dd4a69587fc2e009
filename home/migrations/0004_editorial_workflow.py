"""Groups and the «Faglig godkjenning» workflow (see home/editorial/setup.py).

Editors edit public content; coordinators reach the admin, approve the workflow and manage the
intranet; agents never reach the admin. The workflow is put on the guide and the service
directory in every language; pages made later get it from home/editorial/signals.py."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.editorial import setup


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    setup.configure(apps)


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=setup.WORKFLOW_NAME).delete()
    Task.objects.filter(name=setup.TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_accessibility_statement"),
        ("guide", "0001_initial"),
        ("network", "0002_editor_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
