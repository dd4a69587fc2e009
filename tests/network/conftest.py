"""Front pages and network pages the network tests build for themselves (with or without the demo).

`portal` makes a fresh Bokmål front page with its Nynorsk translation the default site's root for
the test (rolled back afterwards), so the demo tree, when it is loaded, is out of the way."""

from wagtail.models import Page, Site

import pytest

from home.factories import HomePageFactory, SiteProfileFactory
from home.models import SiteProfile
from network.factories import NetworkIndexPageFactory, ServiceUnitListPageFactory


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def with_translation(page, nn):
    """The page and its published Nynorsk copy (under the Nynorsk parent)."""
    nn_page = page.copy_for_translation(nn)
    return page, publish(nn_page)


@pytest.fixture
def portal(nb, nn):
    home = publish(HomePageFactory(parent=Page.get_first_root_node(), title="Prøvestad", slug="provestad"))
    nn_home = publish(home.copy_for_translation(nn))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    for locale in (nb, nn):
        if not SiteProfile.objects.filter(locale=locale).exists():
            SiteProfileFactory(locale=locale)
    return home, nn_home


@pytest.fixture
def network_index(portal, nn):
    home, _ = portal
    return with_translation(
        publish(NetworkIndexPageFactory(parent=home, title="Nettverk", slug="nettverk")), nn
    )


@pytest.fixture
def unit_list(network_index, nn):
    index, _ = network_index
    page = publish(ServiceUnitListPageFactory(parent=index, title="Tjenestesteder", slug="tjenestesteder"))
    return with_translation(page, nn)
