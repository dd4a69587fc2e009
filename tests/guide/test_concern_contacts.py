"""The concern page's contacts are chosen from the service directory by the editor (a block, not
template text): each shows the service's name linked to its page and its phone as a tel: link, in
the page's language."""

from wagtail.rich_text import RichText

import pytest

from home.demo.bilingual import Glossary, translate
from home.phone import tel_href
from tests.portal import parse

pytestmark = pytest.mark.django_db


def test_own_child_section_links_the_chosen_services_in_each_language(client, portal):
    t = Glossary()
    concern = portal.concern["nb"]
    for nb_text, nn_text in (
        ("Er du bekymret for et barn?", "Er du uroa for eit barn?"),
        ("bekymret-for-et-barn", "uroa-for-eit-barn"),
        ("Hva du kan gjøre.", "Kva du kan gjere."),
        ("12 34 52 00", "12 34 52 00"),
        ("12 34 59 99", "12 34 59 99"),
    ):
        t.text(nb_text, nn_text)
    helsestasjonen, familieteamet = portal.services["nb"]
    concern.body = [
        (
            "heading",
            {
                "text": t.text("Er du bekymret for ditt eget barn?", "Er du uroa for ditt eige barn?"),
                "level": "h2",
            },
        ),
        ("paragraph", RichText(t.html("<p>Snakk med oss.</p>", "<p>Snakk med oss.</p>"))),
        ("contacts", {"services": [familieteamet, helsestasjonen]}),
    ]
    concern.save_revision().publish()
    translate(concern, t)

    for language in ("nb", "nn"):
        page = portal.concern[language]
        services = {service.translation_key: service for service in portal.services[language]}
        html = parse(client.get(page.url).content.decode())
        cards = html.select(".service-contacts li.directory-card")
        assert [card.select_one("h3 a")["href"] for card in cards] == [
            services[familieteamet.translation_key].url,
            services[helsestasjonen.translation_key].url,
        ], language
        for card, service in zip(cards, (familieteamet, helsestasjonen), strict=True):
            assert card.select_one('a[href^="tel:"]')["href"] == tel_href(service.phone)
