"""Project-wide rules: factories, catalogues, settings, demo command, groups."""

import io
import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Page

import polib
import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

PROJECT_APPS = ["home", "guide", "network"]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


def project_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label in PROJECT_APPS
    ]


def factory_for(model):
    factories = import_module(f"{model._meta.app_label}.factories")
    factory = getattr(factories, f"{model.__name__}Factory", None)
    assert factory is not None, f"{model._meta.app_label}.factories.{model.__name__}Factory is missing"
    assert factory._meta.model is model
    return factory


def build_with_factory(model):
    """A page of `model` made by its factory, under a parent its tree rules allow (built the same way)."""
    parent_model = next(iter(model.allowed_parent_page_models()))
    parent = Page.get_first_root_node() if parent_model is Page else build_with_factory(parent_model)
    return factory_for(model)(parent=parent)


@pytest.mark.django_db
@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_every_page_type_has_a_factory(model):
    page = build_with_factory(model)
    page.save_revision().publish()
    page = Page.objects.get(pk=page.pk).specific
    assert type(page) is model and page.live
    assert page.get_parent().specific_class in model.allowed_parent_page_models()


@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_every_page_type_declares_tree_rules(model):
    assert "parent_page_types" in model.__dict__, f"{model.__name__} must declare parent_page_types"
    assert "subpage_types" in model.__dict__, f"{model.__name__} must declare subpage_types"


@pytest.mark.parametrize(
    "path", sorted(LOCALE_DIR.glob("**/django*.po")), ids=lambda p: str(p.relative_to(LOCALE_DIR))
)
def test_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated in {path}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy in {path}: {fuzzy[:10]}"


def test_nb_and_nn_catalogues_cover_the_same_strings():
    def msgids(lang):
        return {entry.msgid for entry in polib.pofile(str(LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"))}

    assert msgids("nb") == msgids("nn")


def test_nynorsk_catalogue_is_not_bokmal():
    # ("gjennom" is good Nynorsk too, so it is not on the list.)
    bokmal_words = {"ikke", "hjem", "hvordan", "hvem", "hva", "noen", "siden du", "forsiden"}
    offenders = [
        entry.msgstr
        for entry in polib.pofile(str(LOCALE_DIR / "nn" / "LC_MESSAGES" / "django.po"))
        if any(f" {word} " in f" {entry.msgstr.lower()} " for word in bokmal_words)
    ]
    assert not offenders


@pytest.mark.django_db
def test_groups_exist_and_migrations_create_no_users():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Redaktører", "Koordinatorer", "BTI-agenter"}
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert get_user_model().objects.count() == 0


@pytest.mark.django_db
def test_demo_users_are_created_where_allowed(settings, monkeypatch):
    from home.management.commands import load_demo_content

    settings.DEMO_USERS_ALLOWED = True
    monkeypatch.setattr(load_demo_content, "SECTION_LOADERS", [])  # the users only, not the demo
    monkeypatch.setattr(load_demo_content, "call_command", lambda *args, **kwargs: None)
    for _run in range(2):
        call_command("load_demo_content", stdout=io.StringIO())
    users = get_user_model().objects.filter(username__in=["redaktor", "koordinator", "agent"])
    assert sorted(users.values_list("username", "groups__name")) == [
        ("agent", "BTI-agenter"),
        ("koordinator", "Koordinatorer"),
        ("redaktor", "Redaktører"),
    ]


@pytest.mark.django_db
def test_demo_users_are_refused_where_not_allowed(settings):
    from django.core.management.base import CommandError

    settings.DEMO_USERS_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("load_demo_content", stdout=io.StringIO())


def run_settings(module, **env):
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}}
    return subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=settings.BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_settings("portal.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_secret_key():
    assert run_settings("portal.settings.production", SECRET_KEY="x" * 60).returncode == 0


@pytest.mark.django_db
def test_admin_speaks_bokmal_by_default(client):
    editor = get_user_model().objects.create_user("red", password="pw-123456789")
    editor.groups.add(Group.objects.get(name="Redaktører"))
    TOTP.activate(editor, generate_totp_secret())  # editors need two-factor authentication for the admin
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert '<html lang="nb"' in response.content.decode()
