"""Network pages: tree rules, factories, both languages, people edited once, the agent lookup."""

import re

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.demo.bilingual import Glossary, translate
from home.models import HomePage
from network.factories import (
    NetworkGroupPageFactory,
    PersonFactory,
    RolePageFactory,
    ServiceUnitAgentFactory,
    ServiceUnitFactory,
)
from network.models import (
    NetworkGroupPage,
    NetworkIndexPage,
    Person,
    RolePage,
    ServiceUnit,
    ServiceUnitListPage,
)

pytestmark = pytest.mark.django_db


class TestTreeRules(WagtailPageTestCase):
    def test_network_index_lives_under_the_front_page(self):
        self.assertAllowedParentPageTypes(NetworkIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NetworkIndexPage, {NetworkGroupPage, RolePage, ServiceUnitListPage})

    def test_groups_roles_and_unit_list_live_under_the_network_page_only(self):
        for model in (NetworkGroupPage, RolePage, ServiceUnitListPage):
            self.assertAllowedParentPageTypes(model, {NetworkIndexPage})
            self.assertAllowedSubpageTypes(model, set())

    def test_home_accepts_the_network_page(self):
        self.assertCanCreateAt(HomePage, NetworkIndexPage)
        self.assertCanNotCreateAt(HomePage, NetworkGroupPage)
        self.assertCanNotCreateAt(Page, NetworkGroupPage)


def network_index(language="nb"):
    return NetworkIndexPage.objects.get(locale__language_code=language)


def test_factories_build_pages_that_render(client, network_index):
    index, _ = network_index
    chair = PersonFactory(name="Frida Faktor", title="Leder")
    group = NetworkGroupPageFactory(
        parent=index,
        title="Testgruppen",
        level=NetworkGroupPage.COORDINATING,
        chair=chair,
        members=[("member", {"person": chair, "role": "leder"})],
    )
    role = RolePageFactory(parent=index, title="Testrollen", holders=[("person", chair)])
    unit = ServiceUnitAgentFactory(person=PersonFactory(name="Agnes Agent")).unit
    assert unit.agents[0].name == "Agnes Agent"

    html = client.get(group.url).content.decode()
    assert "Testgruppen" in html and "Frida Faktor" in html and "Koordinerende nivå" in html
    assert "Frida Faktor" in client.get(role.url).content.decode()
    index_html = client.get(index.url).content.decode()
    assert f'href="{group.url}"' in index_html and f'href="{role.url}"' in index_html


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_every_network_page_answers_in_both_languages(client, language):
    pages = network_index(language).get_descendants(inclusive=True).live()
    assert pages.count() == 1 + 7 + 6 + 1
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{language}"' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", ["Kommunenivå", "Koordinerende nivå", "Tjenestenivå"]),
        ("nn", ["Kommunenivå", "Koordinerande nivå", "Tenestenivå"]),
    ],
)
def test_three_levels_as_nested_lists_with_every_group_linked(client, language, expected):
    index = network_index(language)
    html = client.get(index.url).content.decode()
    structure = html.split('class="network-levels"', 1)[1].split("</ol>", 1)[0]
    headings = re.findall(r'<h3 class="ds-heading" data-size="sm">([^<]+)</h3>', structure)
    assert headings == expected
    groups = NetworkGroupPage.objects.child_of(index).live()
    assert groups.count() == 7
    for group in groups:
        assert f'<a class="ds-link" href="{group.url}">{group.title}</a>' in structure
    # Levels are list items that hold the list of their groups.
    assert structure.count('<li class="network-level">') == 3
    assert structure.count('<ul class="network-groups">') == 3


def test_nynorsk_pages_show_nynorsk_people_and_meeting_rules(client):
    nn_slt = NetworkGroupPage.objects.get(locale__language_code="nn", slug="slt-motet")
    html = client.get(nn_slt.url).content.decode()
    assert "Kvar 6.–8. veke" in html
    assert "skriftleg samtykke" in html
    assert "Jonas Hovland" in html
    assert nn_slt.chair.locale.language_code == "nn"
    nb_slt = NetworkGroupPage.objects.get(locale__language_code="nb", slug="slt-motet")
    assert "Hver 6.–8. uke" in client.get(nb_slt.url).content.decode()


def test_a_person_edited_once_changes_on_every_page_in_both_languages(client):
    nb_person = Person.objects.get(locale__language_code="nb", name="Ingrid Sæther")
    nn_person = Person.objects.get(translation_key=nb_person.translation_key, locale__language_code="nn")

    def urls_naming(name):
        return [
            page.url
            for page in Page.objects.type(NetworkGroupPage, RolePage).live()
            if name in client.get(page.url).content.decode()
        ]

    before = urls_naming("Ingrid Sæther")
    assert len(before) >= 10  # groups and roles in nb and nn
    assert any(url.startswith("/nn/") for url in before) and any(url.startswith("/nb/") for url in before)

    admin = get_user_model().objects.create_superuser("admin", "admin@x.example", "pw-123456789")
    client.force_login(admin)
    response = client.post(
        f"/admin/snippets/network/person/edit/{nb_person.pk}/",
        {
            "name": "Ingrid Sæther Nyli",
            "title": nb_person.title,
            "department": nb_person.department,
            "phone": "12 34 99 99",
            "email": "ingrid.nyli@fjordvik.example",
            "photo_alt_text": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()

    nn_person.refresh_from_db()
    assert (nn_person.name, nn_person.phone, nn_person.title) == (
        "Ingrid Sæther Nyli",
        "12 34 99 99",
        "Teamleiar for tverrfagleg samarbeid og prosjektleiar for BTI",
    )
    for url in before:
        html = client.get(url).content.decode()
        assert "Ingrid Sæther Nyli" in html, url
        assert "12 34 99 99" in html and "12 34 60 10" not in html, url


def test_unit_agents_edited_once_change_in_the_unit_list_in_both_languages(client):
    unit = ServiceUnit.objects.get(locale__language_code="nb", name="Åsen skole")
    agent = unit.agents[0]
    agent.phone = "12 34 00 01"
    agent.save()
    for url in ("/nb/nettverk/tjenestesteder/?q=Åsen", "/nn/nettverk/tenestestader/?q=Åsen"):
        html = client.get(url).content.decode()
        assert agent.name in html and "12 34 00 01" in html, url


def unit_rows(html):
    return re.findall(r'<th scope="row">([^<]+)</th>', html)


def test_agent_lookup_finds_the_unit_and_its_agent(client, unit_list):
    page, _ = unit_list
    agent = ServiceUnitAgentFactory(unit__name="Øvre Ådal skole", person__name="Åse Agent")
    ServiceUnitFactory(name="Bakken skole", unit_type=ServiceUnit.SCHOOL)
    html = client.get(page.url, {"q": "øvre ådal"}).content.decode()
    assert unit_rows(html) == ["Øvre Ådal skole"]  # case-insensitive beyond ASCII, the other unit left out
    assert "Åse Agent" in html and agent.unit.leader.name in html
    assert "1 tjenestested passer med søket." in html
    assert 'value="øvre ådal"' in html  # the search is kept in the form


def test_agent_lookup_filters_by_type_and_ignores_unknown_types(client, unit_list):
    page, _ = unit_list
    ServiceUnitFactory(name="Helsestasjonen i Prøvestad", unit_type=ServiceUnit.HEALTH)
    ServiceUnitFactory(name="Prøvestad barnehage", unit_type=ServiceUnit.KINDERGARTEN)
    health = unit_rows(client.get(page.url, {"type": "helse"}).content.decode())
    assert "Helsestasjonen i Prøvestad" in health and "Prøvestad barnehage" not in health
    html = client.get(page.url, {"q": "finnes-ikke", "type": "x"}).content.decode()
    assert unit_rows(html) == []
    assert "Fant ingen tjenestested" in html
    everything = unit_rows(client.get(page.url, {"type": "x"}).content.decode())
    assert {"Helsestasjonen i Prøvestad", "Prøvestad barnehage"} <= set(everything)


def test_agent_lookup_in_nynorsk_filters_by_type(client):
    html = client.get("/nn/nettverk/tenestestader/", {"type": "helse"}).content.decode()
    assert unit_rows(html) == [
        "Helsestasjon og skulehelseteneste, nord",
        "Helsestasjon og skulehelseteneste, sentrum",
        "Jordmortenesta",
    ]
    assert "3 tenestestader passar med søket." in html
    assert '<option value="helse" selected>' in html


def test_unit_list_is_grouped_by_type_with_pilots_marked(client):
    html = client.get("/nb/nettverk/tjenestesteder/").content.decode()
    captions = re.findall(r"<caption>([^<:]+):", html)
    assert captions == ["Barnehager", "Skoler", "Helsestasjon og skolehelsetjeneste", "Hjelpetjenester"]
    assert len(unit_rows(html)) == 22
    assert html.count('<span class="ds-tag" data-color="success">Pilot</span>') == 7
    # The pilot mark is text, not colour only.
    assert "august 2025–juni 2026" in html


def test_demo_has_enough_units_and_pilots_and_only_invented_people():
    for language in ("nb", "nn"):
        units = ServiceUnit.objects.filter(locale__language_code=language)
        assert units.count() >= 20
        assert units.filter(is_pilot=True).count() == 7
        assert all(unit.agent_links.exists() and unit.leader_id for unit in units)
    emails = Person.objects.values_list("email", flat=True)
    assert all(email.endswith("@fjordvik.example") for email in emails)
    assert all(
        re.fullmatch(r"12 34 \d\d \d\d", phone) for phone in Person.objects.values_list("phone", flat=True)
    )


def test_a_unit_is_linked_to_its_agents_user_accounts(make_user):
    user = make_user("agent-asen", "BTI-agenter")
    unit = ServiceUnit.objects.get(locale__language_code="nb", name="Åsen skole")
    agent = unit.agents[0]
    agent.user = user
    agent.save()
    assert list(ServiceUnit.for_user(user)) == [unit]
    # The link is language independent: the nn person points to the same account.
    assert Person.objects.get(translation_key=agent.translation_key, locale__language_code="nn").user == user


def test_editors_see_network_snippets_in_admin(client, make_user):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    editor = make_user("red", "Redaktører")
    TOTP.activate(editor, generate_totp_secret())  # the admin requires two-factor authentication
    client.force_login(editor)
    assert client.get("/admin/snippets/network/person/").status_code == 200
    assert client.get("/admin/snippets/network/serviceunit/").status_code == 200


def test_translated_factory_unit_gets_translated_people(nn):
    t = Glossary()
    leader = PersonFactory(
        name="Lea Leder", title=t.text("Styrer", "Styrar"), department=t.text("Test", "Test")
    )
    unit = ServiceUnitFactory(name=t.text("Prøve barnehage", "Prøve barnehage"), leader=leader)
    translate(leader, t)
    nn_unit = translate(unit, t)
    assert nn_unit.leader.locale == nn and nn_unit.leader.title == "Styrar"


UNIT_LIST_QUERIES = 2


@pytest.mark.parametrize("count", [20, 200])
def test_unit_list_query_count_does_not_grow_with_units(client, django_assert_num_queries, count):
    ServiceUnit.objects.all().delete()
    for number in range(count):
        ServiceUnitAgentFactory(
            unit=ServiceUnitFactory(name=f"Enhet {number:03d}", is_pilot=number % 3 == 0),
        )
    url = "/nb/nettverk/tjenestesteder/"
    client.get(url)  # the chrome memo, as on a server that has served any page
    with django_assert_num_queries(UNIT_LIST_QUERIES):
        html = client.get(url).content.decode()
    assert len(unit_rows(html)) == count
