"""Editors (Redaktører) maintain people and service units in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["person", "serviceunit"]
ACTIONS = ["add", "change", "delete", "view"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("network")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Redaktører")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="network",
            codename__in=[f"{action}_{model}" for action in ACTIONS for model in MODELS],
        )
    )


class Migration(migrations.Migration):
    dependencies = [("network", "0001_initial"), ("home", "0002_locales_and_groups")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
