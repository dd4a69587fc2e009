"""The browser tab's icon: /favicon.ico answers with an image and every page links its icon."""

from django.templatetags.static import static

import wagtail_factories

from home import chrome

ICO_MAGIC = b"\x00\x00\x01\x00"


def icon_link(html: str) -> str:
    start = html.index('<link rel="icon" href="') + len('<link rel="icon" href="')
    return html[start : html.index('"', start)]


def test_favicon_ico_is_the_portals_icon(client, portal):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content).startswith(ICO_MAGIC)
    assert "max-age" in response["Cache-Control"]


def test_every_page_links_the_icon(client, portal):
    for language in ("nb", "nn"):
        assert icon_link(client.get(portal.about[language].url).content.decode()) == static(
            chrome.PORTAL_ICON
        )


def test_the_municipalitys_logo_is_the_icon_when_there_is_one(client, portal):
    profile = portal.profile["nb"]
    profile.logo = wagtail_factories.ImageFactory(width=240, height=80)
    profile.save()
    linked = icon_link(client.get(portal.about["nb"].url).content.decode())
    assert linked != static(chrome.PORTAL_ICON) and linked.endswith(".png")
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == linked
