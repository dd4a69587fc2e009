"""Data the guide tests build for themselves (they pass with and without the demo portal loaded)."""

from wagtail.models import Page, Site

import pytest

from home.models import HomePage


def front_page_of(locale):
    """The front page of `locale`'s tree: the demo's if it is loaded, otherwise a new one (the
    default site's root). Nynorsk: see `nn_home`."""
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title=f"Forside {locale.language_code}", slug=f"forside-{locale.language_code}", locale=locale
        )
    )
    if locale.language_code == "nb":
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True, site_name="Fjordvik"
            )
        else:
            site.root_page = home
            site.save()
    return home


@pytest.fixture
def nb_home(nb):
    return front_page_of(nb)


@pytest.fixture
def nn_home(nb, nn):
    """The Nynorsk front page, a translation of the Bokmål one (as in the demo)."""
    home = HomePage.objects.filter(depth=2, locale=nn).first()
    if home is not None:
        return home
    home = front_page_of(nb).copy_for_translation(nn)
    home.save_revision().publish()
    return home
