"""Network pages: tree rules, factories, both languages, people edited once, the agent lookup."""

import datetime

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest
from bs4 import BeautifulSoup

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


def html_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def bilingual_person(t, name, title_nb, title_nn, **extra):
    """A person in Bokmål with a real Nynorsk translation (title translated, the rest synchronised)."""
    person = PersonFactory(
        name=name, title=t.text(title_nb, title_nn), department=t.text("Oppvekst", "Oppvekst"), **extra
    )
    return person, translate(person, t)


def bilingual_group(index, t, title, slug, rhythm=("Hver 6.–8. uke", "Kvar 6.–8. veke"), **extra):
    group = NetworkGroupPageFactory(
        parent=index,
        title=t.text(title, title),
        slug=t.text(slug, slug),
        intro=t.text(f"Om {title}", f"Om {title}"),
        meeting_rhythm=t.text(*rhythm),
        **extra,
    )
    group.save_revision().publish()
    return group, translate(group, t)


def bilingual_role(index, t, **extra):
    role = RolePageFactory(
        parent=index,
        title=t.text("Prøverollen", "Prøverolla"),
        slug=t.text("proverollen", "proverolla"),
        intro=t.text("Om rolla", "Om rolla"),
        mandate=t.html("<p>Mandat</p>", "<p>Mandat</p>"),
        **extra,
    )
    role.save_revision().publish()
    return role, translate(role, t)


def bilingual_unit(t, name_nb, name_nn, agent_name, **extra):
    leader, _ = bilingual_person(t, f"Leder for {name_nb}", "Rektor", "Rektor")
    agent, _ = bilingual_person(t, agent_name, "Lærer", "Lærar")
    unit = ServiceUnitFactory(name=t.text(name_nb, name_nn), leader=leader, **extra)
    ServiceUnitAgentFactory(unit=unit, person=agent)
    return unit, translate(unit, t)


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
def test_every_network_page_answers_in_both_languages(client, network_index, unit_list, language):
    index, _ = network_index
    t = Glossary()
    bilingual_group(index, t, "Prøvemøtet", "provemotet")
    bilingual_role(index, t)
    root = index if language == "nb" else network_index[1]
    pages = root.get_descendants(inclusive=True).live().specific()
    assert {type(page) for page in pages} == {
        NetworkIndexPage,
        NetworkGroupPage,
        RolePage,
        ServiceUnitListPage,
    }
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert html_of(response).html["lang"] == language


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", ["Kommunenivå", "Koordinerende nivå", "Tjenestenivå"]),
        ("nn", ["Kommunenivå", "Koordinerande nivå", "Tenestenivå"]),
    ],
)
def test_three_levels_as_nested_lists_with_every_group_linked(client, network_index, language, expected):
    index, nn_index = network_index
    t = Glossary()
    made = {}
    for level, title, slug in [
        (NetworkGroupPage.SERVICE, "Tjenestemøtet", "tjenestemotet"),
        (NetworkGroupPage.MUNICIPAL, "Styringsmøtet", "styringsmotet"),
        (NetworkGroupPage.COORDINATING, "Koordineringsmøtet", "koordineringsmotet"),
        (NetworkGroupPage.SERVICE, "Teammøtet", "teammotet"),
    ]:
        nb_group, nn_group = bilingual_group(index, t, title, slug, level=level)
        made[level] = [*made.get(level, []), nb_group if language == "nb" else nn_group]
    page = index if language == "nb" else nn_index
    structure = html_of(client.get(page.url)).find("ol", class_="network-levels")
    # Levels are list items that hold the list of their groups.
    levels = structure.find_all("li", class_="network-level", recursive=False)
    assert [level.h3.get_text(strip=True) for level in levels] == expected
    in_order = [NetworkGroupPage.MUNICIPAL, NetworkGroupPage.COORDINATING, NetworkGroupPage.SERVICE]
    for level, item in zip(in_order, levels, strict=True):
        links = {
            (a["href"], a.get_text(strip=True))
            for a in item.find("ul", class_="network-groups").find_all("a")
        }
        assert links == {(group.url, group.title) for group in made[level]}


def test_nynorsk_pages_show_nynorsk_people_and_meeting_rules(client, network_index, nn):
    index, _ = network_index
    t = Glossary()
    chair, nn_chair = bilingual_person(t, "Jonas Prøvesen", "Enhetsleder", "Einingsleiar")
    nb_group, nn_group = bilingual_group(
        index,
        t,
        "Prøvemøtet",
        "provemotet",
        chair=chair,
        agenda_and_consent=t.html("<p>Med skriftlig samtykke.</p>", "<p>Med skriftleg samtykke.</p>"),
    )
    assert nn_group.chair == nn_chair and nn_chair.locale == nn
    html = client.get(nn_group.url).content.decode()
    assert "Kvar 6.–8. veke" in html and "skriftleg samtykke" in html
    assert "Jonas Prøvesen, Einingsleiar" in html
    nb_html = client.get(nb_group.url).content.decode()
    assert "Hver 6.–8. uke" in nb_html and "Jonas Prøvesen, Enhetsleder" in nb_html


def test_a_person_edited_once_changes_on_every_page_in_both_languages(client, network_index):
    index, _ = network_index
    t = Glossary()
    nb_person, nn_person = bilingual_person(
        t, "Ingrid Prøve", "Teamleder", "Teamleiar", phone="12 34 60 10", email="ingrid@provestad.example"
    )
    pages = [
        *bilingual_group(
            index,
            t,
            "Prøvemøtet",
            "provemotet",
            chair=nb_person,
            members=[("member", {"person": nb_person, "role": t.text("leder", "leiar")})],
        )
    ]
    pages += bilingual_role(index, t, holders=[("person", nb_person)])
    urls = [page.url for page in pages]
    for url in urls:
        assert "Ingrid Prøve" in client.get(url).content.decode(), url

    admin = get_user_model().objects.create_superuser("admin", "admin@x.example", "pw-123456789")
    client.force_login(admin)
    response = client.post(
        f"/admin/snippets/network/person/edit/{nb_person.pk}/",
        {
            "name": "Ingrid Prøve Nyli",
            "title": nb_person.title,
            "department": nb_person.department,
            "phone": "12 34 99 99",
            "email": "ingrid.nyli@provestad.example",
            "photo_alt_text": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()

    nn_person.refresh_from_db()
    assert (nn_person.name, nn_person.phone, nn_person.title) == (
        "Ingrid Prøve Nyli",
        "12 34 99 99",
        "Teamleiar",
    )
    for url in urls:
        html = client.get(url).content.decode()
        assert "Ingrid Prøve Nyli" in html, url
        assert "12 34 99 99" in html and "12 34 60 10" not in html, url


def test_unit_agents_edited_once_change_in_the_unit_list_in_both_languages(client, unit_list, only_our_units):
    t = Glossary()
    unit, _ = bilingual_unit(t, "Åsen skole", "Åsen skule", "Aksel Agent", unit_type=ServiceUnit.SCHOOL)
    agent = unit.agents[0]
    agent.phone = "12 34 00 01"
    agent.save()
    for page in unit_list:
        html = client.get(page.url, {"q": "Åsen"}).content.decode()
        assert "Aksel Agent" in html and "12 34 00 01" in html, page.url


def unit_rows(html):
    return [th.get_text(strip=True) for th in BeautifulSoup(html, "html.parser").find_all("th", scope="row")]


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


def test_agent_lookup_in_nynorsk_filters_by_type(client, unit_list, only_our_units):
    t = Glossary()
    for nb_name, nn_name, unit_type in [
        ("Helsestasjonen nord", "Helsestasjonen nord", ServiceUnit.HEALTH),
        ("Jordmortjenesten", "Jordmortenesta", ServiceUnit.HEALTH),
        ("Åsen skole", "Åsen skule", ServiceUnit.SCHOOL),
    ]:
        bilingual_unit(t, nb_name, nn_name, f"Agent ved {nb_name}", unit_type=unit_type)
    response = client.get(unit_list[1].url, {"type": "helse"})
    html = response.content.decode()
    assert unit_rows(html) == ["Helsestasjonen nord", "Jordmortenesta"]
    assert "2 tenestestader passar med søket." in html
    assert BeautifulSoup(html, "html.parser").find("option", selected=True)["value"] == "helse"


def test_unit_list_is_grouped_by_type_with_pilots_marked(client, unit_list, only_our_units):
    for name, unit_type, pilot in [
        ("Åsen skole", ServiceUnit.SCHOOL, True),
        ("Bakken skole", ServiceUnit.SCHOOL, False),
        ("Solsiden barnehage", ServiceUnit.KINDERGARTEN, True),
        ("Barnevernet", ServiceUnit.HELP_SERVICE, False),
    ]:
        ServiceUnitAgentFactory(
            unit__name=name,
            unit__unit_type=unit_type,
            unit__is_pilot=pilot,
            unit__pilot_start=datetime.date(2025, 8, 1) if pilot else None,
            unit__pilot_end=datetime.date(2026, 6, 30) if pilot else None,
        )
    page = BeautifulSoup(client.get(unit_list[0].url).content.decode(), "html.parser")
    tables = page.find_all("table")
    assert [table.caption.get_text(strip=True).split(":")[0] for table in tables] == [
        "Barnehager",
        "Skoler",
        "Hjelpetjenester",
    ]
    pilots = {
        row.th.get_text(strip=True): row.get_text(" ", strip=True)
        for table in tables
        for row in table.tbody.find_all("tr")
    }
    assert set(pilots) == {"Åsen skole", "Bakken skole", "Solsiden barnehage", "Barnevernet"}
    marked = {
        row.th.get_text(strip=True)
        for row in page.find_all("tr")
        if row.find("span", class_="ds-tag", string="Pilot")
    }
    assert marked == {"Åsen skole", "Solsiden barnehage"}
    # The pilot mark is text, not colour only, and it says when.
    assert "august 2025–juni 2026" in pilots["Åsen skole"]
    assert "Nei" in pilots["Bakken skole"]


def test_a_unit_is_linked_to_its_agents_user_accounts(make_user, nn):
    user = make_user("agent-asen", "BTI-agenter")
    t = Glossary()
    unit, nn_unit = bilingual_unit(t, "Åsen skole", "Åsen skule", "Aksel Agent")
    agent = unit.agents[0]
    agent.user = user
    agent.save()
    assert list(ServiceUnit.for_user(user)) == [unit]
    # The link is language independent: the nn person points to the same account.
    assert Person.objects.get(translation_key=agent.translation_key, locale=nn).user == user


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
def test_unit_list_query_count_does_not_grow_with_units(
    client, unit_list, only_our_units, django_assert_num_queries, count
):
    for number in range(count):
        ServiceUnitAgentFactory(
            unit=ServiceUnitFactory(name=f"Enhet {number:03d}", is_pilot=number % 3 == 0),
        )
    url = unit_list[0].url
    client.get(url)  # the chrome memo, as on a server that has served any page
    with django_assert_num_queries(UNIT_LIST_QUERIES):
        html = client.get(url).content.decode()
    assert len(unit_rows(html)) == count
