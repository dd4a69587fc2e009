"""Each thing lives where its name says: every model of the portal's apps in its app's `models`
(module or package), every StreamField block in its app's `blocks`."""

import importlib
import pkgutil

from django.apps import apps

from wagtail import blocks

import pytest

PORTAL_APPS = ("home", "guide", "network")


def import_every_module():
    """Import all app modules (not tests, migrations or demo data), so every class is defined."""
    for app in PORTAL_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" in module.name or module.name.endswith(".bench") or ".demo" in module.name:
                continue
            importlib.import_module(module.name)


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


@pytest.mark.parametrize("app", PORTAL_APPS)
def test_every_model_is_defined_under_its_apps_models(app):
    import_every_module()
    misplaced = [
        f"{model.__name__} in {model.__module__}"
        for model in apps.get_app_config(app).get_models()
        if model.__module__ != f"{app}.models" and not model.__module__.startswith(f"{app}.models.")
    ]
    assert not misplaced


def test_every_block_is_defined_in_a_blocks_module():
    import_every_module()
    misplaced = sorted(
        f"{block.__name__} in {block.__module__}"
        for block in set(subclasses(blocks.Block))
        if block.__module__.split(".")[0] in PORTAL_APPS and block.__module__.split(".")[-1] != "blocks"
    )
    assert not misplaced
