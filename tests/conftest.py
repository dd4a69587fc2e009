"""Fixtures for the whole suite.

The test database holds only what the migrations make (locales, groups, the workflow): pytest-django's
own `django_db_setup`, with nothing added. It used to be filled with the demo (load_demo_content), so
editing the demo's prose broke unrelated tests. Tests now build what they assert on: the `portal`
fixture (tests/portal.py) or the apps' factories. tests/home/test_demo_smoke.py is the one test that
loads the demo."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import translation

from wagtail.models import Locale

import pytest


@pytest.fixture(autouse=True)
def forget_cached_rendering():
    """Each test starts with no memoised chrome and no cached fragments: a test's rows are rolled
    back afterwards, but the cache generation it moved to is not, so what was cached under it would
    outlive the rows it came from."""
    from django.core.cache import caches

    from home import cache, memo

    memo.memo.forget()
    cache.page_cache().clear()
    caches["template_fragments"].clear()
    yield


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in Bokmål, whatever language the previous test left active."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(scope="module")
def built_portal(django_db_setup, django_db_blocker):
    """The portal of tests/portal.py, built once per test module (like Django's setUpTestData).

    Building it takes seconds (two language trees through wagtail-localize), too long for every
    test. It is built inside a transaction that stays open for the module and is rolled back at
    its end; each test runs in a savepoint inside it, as usual, so what a test changes is undone
    after the test and the next module starts from an empty database again."""
    from tests.portal import build_portal

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with translation.override(settings.LANGUAGE_CODE):
                built = build_portal()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def portal(built_portal, db):
    """The module's portal, its pages read afresh for this test (tests/portal.py)."""
    return built_portal.fresh()


@pytest.fixture
def nb(db):
    return Locale.objects.get(language_code="nb")


@pytest.fixture
def nn(db):
    return Locale.objects.get(language_code="nn")


@pytest.fixture
def make_user(db):
    def make(username, *groups, **extra):
        user = get_user_model().objects.create_user(username=username, password="test-pass-123", **extra)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make
