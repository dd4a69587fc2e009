"""The brochure PDF follows the portal's one cache generation (home/cache.py): whatever the
brochure shows – a service, the site profile (a snippet), the site, the logo image, a translation –
gives a fresh PDF once it is published or saved, and nothing else builds it again."""

from unittest import mock

from django.template.loader import render_to_string
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

import pytest

from guide import brochure
from guide.factories import ServiceDirectoryPageFactory, ServicePageFactory
from home.models import SiteProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(nb_home):
    directory = ServiceDirectoryPageFactory(parent=nb_home, slug="brosjyretest")
    ServicePageFactory(parent=directory, title="Samtaletilbudet")
    return directory


@pytest.fixture
def builds():
    """Counts the builds; each fake PDF says which build it came from."""
    calls = []

    def fake_build(directory, request=None):
        calls.append(directory.pk)
        return f"%PDF bygg {len(calls)}".encode()

    with mock.patch.object(brochure, "build_brochure", side_effect=fake_build):
        yield calls


def profile_of(locale):
    return SiteProfile.objects.filter(locale=locale).first() or SiteProfile.objects.create(
        locale=locale, municipality_name="Prøvestad kommune"
    )


def assert_rebuilt_after(directory, builds, change):
    first = brochure.get_brochure(directory)
    assert brochure.get_brochure(directory) == first
    assert len(builds) == 1  # the second download came from the cache
    change()
    assert brochure.get_brochure(directory) != first
    assert len(builds) == 2


def test_the_pdf_is_built_once_while_nothing_changes(directory, builds, nb_home):
    brochure.get_brochure(directory)
    ServicePageFactory.build(title="Et utkast", live=False)  # not saved: nothing happened
    brochure.get_brochure(directory)
    assert len(builds) == 1


def test_publishing_a_service(directory, builds):
    def publish():
        new = ServicePageFactory.build(title="Sorggruppe for barn", slug="sorggruppe", live=False)
        directory.add_child(instance=new)
        new.save_revision().publish()

    assert_rebuilt_after(directory, builds, publish)


def test_unpublishing_a_service(directory, builds):
    service = directory.get_children().live().first().specific
    assert_rebuilt_after(directory, builds, service.unpublish)


def test_saving_the_site_profile_snippet(directory, builds, nb):
    profile = profile_of(nb)

    def rename():
        profile.municipality_name = "Nyby kommune"
        profile.save()

    assert_rebuilt_after(directory, builds, rename)


def test_saving_the_site(directory, builds):
    # The brochure's links are full URLs: the site's host name is in the PDF.
    site = Site.objects.get(is_default_site=True)

    def rename():
        site.hostname = "ny.fjordvik.example"
        site.save()

    assert_rebuilt_after(directory, builds, rename)


def test_replacing_the_logo_image(directory, builds, nb):
    logo = get_image_model().objects.create(title="Kommunevåpen", file=get_test_image_file())
    profile = profile_of(nb)
    profile.logo = logo
    profile.save()

    def replace_file():
        logo.file = get_test_image_file(filename="nytt.png", colour="red")
        logo.save()

    assert_rebuilt_after(directory, builds, replace_file)


def test_publishing_a_translation(directory, builds, nn_home, nn):
    nn_directory = directory.copy_for_translation(nn)
    nn_directory.save_revision().publish()
    service = directory.get_children().first().specific

    def translate():
        service.copy_for_translation(nn).save_revision().publish()

    assert_rebuilt_after(nn_directory, builds, translate)


def test_each_language_and_directory_has_its_own_pdf(directory, builds, nn_home, nn):
    nn_directory = directory.copy_for_translation(nn)
    nn_directory.save_revision().publish()
    brochure.get_brochure(directory)
    brochure.get_brochure(nn_directory)
    brochure.get_brochure(directory)
    assert builds == [directory.pk, nn_directory.pk]


@pytest.fixture
def public_host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "bti.fjordvik.kommune.no", "bti.nyby.kommune.no"]
    return "bti.fjordvik.kommune.no"


def cover(directory, request=None) -> str:
    with translation.override(directory.locale.language_code):
        return render_to_string("pdf/guide/brochure.html", brochure.brochure_context(directory, request))


def test_cover_gives_the_address_the_visitor_used(directory, public_host, rf):
    """Downloaded from the public address, the brochure points there, not to the Site's
    placeholder host name (the demo's is «localhost»)."""
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    request = rf.get(directory.url + "brosjyre/", HTTP_HOST=public_host, secure=True)
    html = cover(directory, request)
    expected = f"https://{public_host}{directory.get_url(request)}"
    assert expected in html
    assert "localhost" not in html


def test_cover_without_a_request_gives_the_sites_address(directory, public_host):
    Site.objects.filter(is_default_site=True).update(hostname=public_host, port=443)
    html = cover(directory)
    assert f"https://{public_host}/" in html and "localhost" not in html


def test_each_public_address_has_its_own_pdf(directory, builds, public_host, rf):
    for host in (public_host, "bti.nyby.kommune.no", public_host):
        brochure.get_brochure(directory, rf.get("/", HTTP_HOST=host, secure=True))
    assert len(builds) == 2
