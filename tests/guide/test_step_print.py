"""Every step of a level page has its own print view: that step alone, with the page's title, the
municipality, the date and the step's absolute address, kept out of search engines."""

import pytest
from bs4 import BeautifulSoup

from tests.portal import LANGUAGES, STEP_TITLE


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_step_links_its_print_view(client, portal, language):
    level = portal.level[language]
    html = parse(client.get(level.url))
    assert html.find("a", href=f"{level.url}utskrift/1/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_print_view_shows_the_step_alone_with_where_it_came_from(client, portal, language):
    level = portal.level[language]
    response = client.get(f"{level.url}utskrift/1/")
    assert response.status_code == 200
    html = parse(response)
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    main = html.find("main")
    assert main.find("h1").get_text(strip=True) == level.title
    assert STEP_TITLE[LANGUAGES.index(language)] in main.find("h2").get_text()
    assert len(main.select(".guide-step__heading")) == 1
    source = main.select_one(".guide-step-print__source").get_text(" ", strip=True)
    assert portal.profile[language].municipality_name in source
    assert f"http://testserver{level.url}#steg-1" in source
    assert any(character.isdigit() for character in source.split("·")[1])  # the date
    tool = main.select_one(".guide-step__tools a")  # the tool's file, as an address that prints
    assert tool["href"].startswith("http://testserver/documents/")


def test_a_step_that_does_not_exist_is_not_found(client, portal):
    assert client.get(f"{portal.level['nb'].url}utskrift/9/").status_code == 404
    assert client.get(f"{portal.level['nb'].url}utskrift/null/").status_code == 404
