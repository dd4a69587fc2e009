"""The header for signed-in staff: the way into the intranet, who is signed in, and signing out.

Pages are also served from the full-page cache to anonymous visitors (home/cache.py): a signed-in
visitor must never get an anonymous page from it, and no anonymous visitor a signed-in one."""

import pytest
from bs4 import BeautifulSoup

NAME = ("Kari", "Oppdiktet")


def account_area(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".site-account")


@pytest.fixture
def agent(make_user):
    return make_user("agent-header", "BTI-agenter", first_name=NAME[0], last_name=NAME[1])


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_anonymous_visitors_see_no_intranet_and_no_name(client, portal, language):
    area = account_area(client.get(portal.about[language].url))
    assert not area.find("a", string="Intranett")
    assert " ".join(NAME) not in area.get_text()
    assert area.find("a", href=lambda href: href and "/konto/login/" in href)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_agents_see_their_intranet_their_name_and_sign_out(client, portal, agent, language):
    client.force_login(agent)
    area = account_area(client.get(portal.about[language].url))
    link = area.find("a", string="Intranett")
    assert link is not None and link["href"] == portal.intranet[language].url
    assert " ".join(NAME) in area.get_text()
    logout = area.find("form", method="post")
    assert logout["action"] == f"/{language}/konto/logout/"
    assert logout.find("input", attrs={"name": "csrfmiddlewaretoken"})


def test_signed_in_outsiders_see_their_name_but_no_intranet(client, portal, make_user):
    client.force_login(make_user("utenfor", first_name="Per", last_name="Utenfor"))
    area = account_area(client.get(portal.about["nb"].url))
    assert "Per Utenfor" in area.get_text()
    assert not area.find("a", string="Intranett")


def test_the_page_cache_never_mixes_signed_in_and_anonymous_headers(client, portal, agent, settings):
    settings.PAGE_CACHE_ENABLED = True
    url = portal.about["nb"].url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"  # the anonymous page is in the cache
    client.force_login(agent)
    signed_in = client.get(url)
    assert signed_in.get("X-Page-Cache") != "hit" and " ".join(NAME) in signed_in.content.decode()
    client.logout()
    anonymous = client.get(url)
    assert " ".join(NAME) not in anonymous.content.decode()
    assert not account_area(anonymous).find("a", string="Intranett")
