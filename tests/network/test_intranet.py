"""The intranet: closed by every URL in both languages, training, meetings, feeds and report forms."""

import csv
import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import Locale, PageViewRestriction

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from home.demo.bilingual import Glossary, translate
from home.factories import ContentPageFactory
from network.factories import (
    IntranetPageFactory,
    MeetingFactory,
    ReportFormFieldFactory,
    ReportFormPageFactory,
    ServiceUnitAgentFactory,
    TrainingIndexPageFactory,
    TrainingPackagePageFactory,
)
from network.models import (
    CalendarFeedToken,
    IntranetPage,
    MeetingPlanPage,
    ProgressPlanPage,
    ReportFormPage,
    ReportSubmission,
    TrainingIndexPage,
    TrainingPackagePage,
)
from network.national_id import is_valid_national_id

pytestmark = pytest.mark.django_db

MEMBER_GROUPS = ["BTI-agenter", "Koordinatorer", "Redaktører"]


def with_mfa(user):
    TOTP.activate(user, generate_totp_secret())
    return user


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def section(response, heading_id):
    """The <section> a heading with that id labels."""
    return soup(response).find("section", attrs={"aria-labelledby": heading_id})


def in_language(intranet, language, name):
    return getattr(intranet, name) if language == "nb" else intranet.nn[name]


def intranet_urls(intranet, language):
    root = in_language(intranet, language, "root")
    urls = [page.url for page in root.get_descendants(inclusive=True).live()]
    urls.append(f"{in_language(intranet, language, 'plan').url}?gruppe=provemotet")
    return urls


def test_the_walk_covers_every_intranet_page_type_in_both_languages(intranet):
    for language in ("nb", "nn"):
        root = in_language(intranet, language, "root")
        pages = root.get_descendants(inclusive=True).live().specific()
        assert {type(page) for page in pages} == {
            IntranetPage,
            TrainingIndexPage,
            TrainingPackagePage,
            MeetingPlanPage,
            ProgressPlanPage,
            ReportFormPage,
        }
        assert all(url.startswith(f"/{language}/intranett/") for url in intranet_urls(intranet, language))


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_anonymous_visitors_are_sent_to_login_from_every_intranet_url(client, intranet, language):
    for url in intranet_urls(intranet, language):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"/{language}/konto/login/?next="), url


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_logged_in_outsiders_get_403_on_every_intranet_url(client, make_user, intranet, language):
    client.force_login(make_user("utenfor"))
    for url in intranet_urls(intranet, language):
        response = client.get(url)
        assert response.status_code == 403, url
        assert {"nb": "Ingen tilgang", "nn": "Inga tilgang"}[language] in response.content.decode()


@pytest.mark.parametrize("group", MEMBER_GROUPS)
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_members_of_each_group_see_every_intranet_url(client, make_user, intranet, group, language):
    client.force_login(make_user("medlem", group))
    for url in intranet_urls(intranet, language):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def coordinator_urls(form_page):
    return [f"{form_page.url}oversikt/", f"{form_page.url}eksport/csv/", f"{form_page.url}eksport/xlsx/"]


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_coordinator_urls_are_closed_to_everyone_else(client, make_user, intranet, language):
    urls = coordinator_urls(in_language(intranet, language, "form"))
    for url in urls:
        assert client.get(url).status_code == 302, url
    plan = in_language(intranet, language, "plan")
    assert client.post(f"{plan.url}kalender/", {"action": "renew"}).status_code == 302
    assert not CalendarFeedToken.objects.exists()
    for user, expected in [(make_user("utenfor"), 403), (make_user("agent1", "BTI-agenter"), 403)]:
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == expected, url
    for group in ("Koordinatorer", "Redaktører"):
        coordinator = make_user(f"k-{group}", group)
        client.force_login(coordinator)
        assert "/konto/2fa/totp/activate/" in client.get(urls[0])["Location"]  # two-factor first
        TOTP.activate(coordinator, generate_totp_secret())
        for url in urls:
            assert client.get(url).status_code == 200, url


def test_private_documents_redirect_forbid_and_serve(client, make_user, intranet):
    documents = intranet.documents  # a training handout and a meeting's minutes
    for document in documents:
        assert client.get(document.url).status_code == 302, document.url
    client.force_login(make_user("utenfor"))
    for document in documents:
        assert client.get(document.url).status_code == 403, document.url
    client.force_login(make_user("agent1", "BTI-agenter"))
    for document in documents:
        response = client.get(document.url)
        assert response.status_code == 200, document.url
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.logout()
    for document in documents:
        assert client.get(f"/media/{document.file.name}").status_code == 404


def test_intranet_stays_closed_even_if_the_restriction_is_removed(client, make_user, intranet):
    PageViewRestriction.objects.filter(page__in=[intranet.root, intranet.nn["root"]]).delete()
    for url in (intranet.nn["root"].url, intranet.form.url):
        assert client.get(url).status_code == 302, url
    client.force_login(make_user("utenfor"))
    for url in (intranet.nn["root"].url, intranet.form.url):
        assert client.get(url).status_code == 403, url


def test_intranet_is_not_in_menu_sitemap_or_search_for_outsiders(client, intranet):
    page = intranet.root
    page.show_in_menus = True
    page.save_revision().publish()
    links = {a["href"] for a in soup(client.get("/nb/")).find_all("a", href=True)}
    assert not any("/intranett/" in link for link in links)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/intranett/" not in sitemap and "/nettverk/" in sitemap


# --- training material -------------------------------------------------------------------------


def package_titles(response, theme):
    return [h3.a.get_text(strip=True) for h3 in section(response, f"theme-{theme}").find_all("h3")]


def new_tags(response, theme):
    return [
        h3.a.get_text(strip=True)
        for h3 in section(response, f"theme-{theme}").find_all("h3")
        if h3.find("span", class_="ds-tag")
    ]


def test_training_packages_newest_first_and_new_since_last_visit(client, make_user, intranet):
    client.force_login(make_user("agent1", "BTI-agenter"))
    index = intranet.training
    first = client.get(index.url)
    assert "ny siden ditt forrige besøk" not in first.content.decode()  # no previous visit
    fresh = TrainingPackagePageFactory(parent=index, title="Ny pakke om samtaler", theme="samtaler")
    fresh.save_revision().publish()
    second = client.get(index.url)
    assert "1 pakke er ny siden ditt forrige besøk." in second.content.decode()
    assert package_titles(second, "samtaler") == ["Ny pakke om samtaler", "Samtalen med foreldre"]
    assert new_tags(second, "samtaler") == ["Ny pakke om samtaler"]
    third = client.get(index.url)
    assert "0 pakker er nye siden ditt forrige besøk." in third.content.decode()
    assert new_tags(third, "samtaler") == []


def test_training_audience_filter(client, make_user, intranet):
    client.force_login(make_user("agent1", "BTI-agenter"))
    TrainingPackagePageFactory(
        parent=intranet.training, title="Pakke for agenter", theme="samtaler", audience="agenter"
    ).save_revision().publish()
    everyone = package_titles(client.get(intranet.training.url), "samtaler")
    assert set(everyone) == {"Samtalen med foreldre", "Pakke for agenter"}
    leaders = package_titles(client.get(intranet.training.url, {"malgruppe": "ledere"}), "samtaler")
    assert leaders == ["Samtalen med foreldre"]


# --- meetings and feeds ------------------------------------------------------------------------


def test_meeting_plan_upcoming_past_and_per_group(client, make_user, intranet, groups):
    client.force_login(make_user("agent1", "BTI-agenter"))
    other = MeetingFactory(group=groups["ledermotet"], title="Ledernes møte")
    plan = intranet.plan
    response = client.get(plan.url, {"gruppe": "provemotet"})
    upcoming = section(response, "upcoming-heading").get_text(" ", strip=True)
    earlier = section(response, "past-heading").get_text(" ", strip=True)
    past, coming = intranet.meetings
    assert coming.title in upcoming and past.title not in upcoming
    assert past.title in earlier and coming.title not in earlier
    assert "Del 2: med samtykke" in upcoming
    assert other.title not in response.content.decode()  # only the chosen group
    everything = section(client.get(plan.url), "upcoming-heading").get_text(" ", strip=True)
    assert coming.title in everything and other.title in everything


def feed_urls(plan, token):
    return [f"{plan.url}kalender/{token}/alle/", f"{plan.url}kalender/{token}/provemotet/"]


def make_token(client, plan):
    response = client.post(f"{plan.url}kalender/", {"action": "renew"})
    assert response.status_code == 302
    return CalendarFeedToken.objects.get().token


def events(response):
    """The summaries of the events in an iCalendar answer (RFC 5545 folds long lines)."""
    unfolded = response.content.decode().replace("\r\n ", "")
    return [line.removeprefix("SUMMARY:") for line in unfolded.split("\r\n") if line.startswith("SUMMARY:")]


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_calendar_feeds_work_without_a_session(client, make_user, intranet, groups, language):
    MeetingFactory(group=groups["ledermotet"], title="Ledernes møte")
    user = make_user("agent1", "BTI-agenter")
    client.force_login(user)
    plan = in_language(intranet, language, "plan")
    token = make_token(client, plan)
    assert token in client.get(plan.url).content.decode()
    client.logout()
    all_feed, group_feed = (client.get(url) for url in feed_urls(plan, token))
    assert all_feed.status_code == group_feed.status_code == 200
    assert all_feed["Content-Type"] == "text/calendar; charset=utf-8"
    past_title = {"nb": "Forrige prøvemøte", "nn": "Førre prøvemøte"}[language]
    assert {past_title, "Neste prøvemøte"} <= set(events(all_feed))
    assert ("Ledernes møte" in events(all_feed)) == (language == "nb")  # not translated: nb only
    assert sorted(events(group_feed)) == sorted([past_title, "Neste prøvemøte"])
    unfolded = group_feed.content.decode().replace("\r\n ", "")
    assert "Drøfting med samtykke" in unfolded
    assert f"X-WR-CALNAME:{plan.title}" in unfolded


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_meeting_plan_offers_the_feeds_first_with_subscribe_links(client, make_user, intranet, language):
    """The feeds before the meetings; each a webcal:// link and the https address as selectable
    text; the past meetings folded away, the upcoming ones open."""
    client.force_login(make_user("agent1", "BTI-agenter"))
    plan = in_language(intranet, language, "plan")
    token = make_token(client, plan)
    page = soup(client.get(plan.url))
    headings = [heading["id"] for heading in page.find_all("h2", id=True)]
    assert headings.index("kalender") < headings.index("upcoming-heading") < headings.index("past-heading")
    calendar = page.find("section", attrs={"aria-labelledby": "kalender"})
    addresses = [field["value"] for field in calendar.find_all("input", readonly=True)]
    assert addresses == [f"http://testserver{url}" for url in feed_urls(plan, token)]
    subscribe = [
        link["href"] for link in calendar.find_all("a", href=lambda href: href.startswith("webcal:"))
    ]
    assert subscribe == [f"webcal://testserver{url}" for url in feed_urls(plan, token)]
    for field in calendar.find_all("input", readonly=True):
        assert calendar.find("label", attrs={"for": field["id"]}).get_text(strip=True)
        copy = calendar.find("button", attrs={"data-copy-address": field["id"]})
        assert copy.has_attr("hidden")  # shown by the script; without it the field is the way
        assert calendar.find(id=copy["data-copy-status"])["role"] == "status"
    past = page.find(id="past-heading")
    assert past.find_parent("summary") and not past.find_parent("details").has_attr("open")
    assert not page.find(id="upcoming-heading").find_parent("details")
    assert page.find("script", src=lambda src: src and src.endswith("/js/copy-address.js"))


def test_feed_addresses_follow_the_sites_scheme(client, make_user, intranet):
    client.force_login(make_user("agent1", "BTI-agenter"))
    token = make_token(client, intranet.plan)
    page = soup(client.get(intranet.plan.url, secure=True))
    field = page.find("input", id="feed-alle")
    assert field["value"] == f"https://testserver{feed_urls(intranet.plan, token)[0]}"
    assert page.find("a", href=f"webcal://testserver{feed_urls(intranet.plan, token)[0]}")


def test_feed_tokens_are_revocable(client, make_user, intranet):
    client.force_login(make_user("agent1", "BTI-agenter"))
    plan = intranet.plan
    old = make_token(client, plan)
    new = make_token(client, plan)
    assert old != new
    assert client.get(feed_urls(plan, old)[0]).status_code == 404
    assert client.get(feed_urls(plan, new)[0]).status_code == 200
    client.post(f"{plan.url}kalender/", {"action": "revoke"})
    assert not CalendarFeedToken.objects.exists()
    for url in feed_urls(plan, new):
        assert client.get(url).status_code == 404


def test_feed_stops_when_the_user_leaves_the_groups(client, make_user, intranet):
    user = make_user("agent1", "BTI-agenter")
    client.force_login(user)
    plan = intranet.nn["plan"]
    token = make_token(client, plan)
    client.logout()
    assert client.get(feed_urls(plan, token)[0]).status_code == 200
    user.groups.clear()
    for url in feed_urls(plan, token):
        assert client.get(url).status_code == 404
    assert client.get(feed_urls(plan, "gjetta-token")[0]).status_code == 404


# --- report forms ------------------------------------------------------------------------------


# The control digits as Skatteetaten describes them, written out here rather than taken from
# network/national_id.py, so the tests do not check the code with itself.
SPEC_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
SPEC_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def spec_control_digit(digits: str, weights) -> int | None:
    check = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return {11: 0, 10: None}.get(check, check)


def make_national_id(prefix: str) -> str:
    for serial in range(1000):
        digits = f"{prefix}{serial:03d}"
        first = spec_control_digit(digits, SPEC_WEIGHTS_1)
        if first is None:
            continue
        second = spec_control_digit(digits + str(first), SPEC_WEIGHTS_2)
        if second is not None:
            return f"{digits}{first}{second}"
    raise AssertionError(prefix)


@pytest.fixture
def intranet_root(portal, nn):
    """A published intranet start page of the test's own front page, with its Nynorsk translation."""
    home, _ = portal
    root = IntranetPageFactory(parent=home, title="Intranett", slug="intranett")
    root.save_revision().publish()
    root.copy_for_translation(nn).save_revision().publish()
    return root


@pytest.fixture
def report_form(intranet_root):
    """A fresh form for the pilots in both languages, with two questions."""
    t = Glossary()
    page = ReportFormPageFactory(
        parent=intranet_root,
        title=t.text("Testskjema", "Testskjema"),
        slug=t.text("testskjema", "testskjema"),
        intro=t.text("Ingress", "Ingress"),
        deadline=timezone.now() + datetime.timedelta(days=5),
    )
    ReportFormFieldFactory(
        page=page, label=t.text("Hva har fungert?", "Kva har fungert?"), field_type="multiline"
    )
    ReportFormFieldFactory(
        page=page, label=t.text("Antall møter", "Tal på møte"), field_type="singleline", required=False
    )
    page.save_revision().publish()
    translate(page, t)
    return page


def agent_of(unit_name, make_user, username, pilot=True):
    """A BTI-agent's login, linked to a new unit of that name (a pilot unless told otherwise)."""
    user = make_user(username, "BTI-agenter")
    link = ServiceUnitAgentFactory(unit__name=unit_name, unit__is_pilot=pilot, person__user=user)
    return user, link.unit


def nynorsk(page):
    return page.get_translation(Locale.objects.get(language_code="nn"))


TEXT, COUNT = "hva_har_fungert", "antall_mxf8ter"  # clean names Wagtail derives from the nb labels
ANSWER = {TEXT: "Fast punkt på teammøtene.", COUNT: "4"}


def test_field_keys_are_the_same_in_both_languages(report_form):
    nn_page = nynorsk(report_form)
    assert [f.clean_name for f in report_form.form_fields.all()] == [TEXT, COUNT]
    assert [f.clean_name for f in nn_page.form_fields.all()] == [TEXT, COUNT]
    assert [f.label for f in nn_page.form_fields.all()] == ["Kva har fungert?", "Tal på møte"]


def test_submission_is_bound_to_user_and_unit_and_can_be_corrected(client, make_user, report_form):
    user, unit = agent_of("Åsen skole", make_user, "agent-asen")
    client.force_login(user)
    response = client.post(report_form.url, ANSWER)
    assert response.status_code == 200
    submission = ReportSubmission.objects.get(page=report_form)
    assert (submission.user, submission.unit) == (user, unit)
    nn_page = nynorsk(report_form)
    html = client.get(nn_page.url).content.decode()
    assert "Fast punkt på teammøtene." in html  # the unit's answer, shown for correction in nn too
    client.post(nn_page.url, {**ANSWER, TEXT: "Retta i nynorsk."})
    assert ReportSubmission.objects.filter(page=report_form).count() == 1
    assert ReportSubmission.objects.get(page=report_form).get_data()[TEXT] == "Retta i nynorsk."


def test_after_the_deadline_the_answer_is_locked(client, make_user, report_form):
    user, unit = agent_of("Åsen skole", make_user, "agent-asen")
    client.force_login(user)
    client.post(report_form.url, ANSWER)
    ReportFormPage.objects.filter(pk=report_form.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    html = client.get(report_form.url).content.decode()
    assert f'action="{report_form.url}"' not in html  # no form to send
    assert "fristen er ute, svaret er låst" in html and "Fast punkt på teammøtene." in html
    response = client.post(report_form.url, {**ANSWER, TEXT: "For seint"})
    assert response.status_code == 403
    assert ReportSubmission.objects.get(page=report_form).get_data()[TEXT] == "Fast punkt på teammøtene."


def test_units_outside_the_audience_and_unlinked_users_cannot_answer(client, make_user, report_form):
    user, _unit = agent_of("Lia skole", make_user, "agent-lia", pilot=False)
    client.force_login(user)
    assert client.post(report_form.url, ANSWER).status_code == 403
    client.force_login(make_user("koord", "Koordinatorer"))
    assert "er ikke koblet til et av dem" in client.get(report_form.url).content.decode()
    assert not ReportSubmission.objects.filter(page=report_form).exists()


@pytest.mark.parametrize("prefix", ["150387", "550387", "010100"])  # fødselsnummer, D-nummer, year 2000
def test_valid_national_id_numbers_are_refused_and_the_typed_text_kept(
    client, make_user, report_form, prefix
):
    number = make_national_id(prefix)
    assert is_valid_national_id(number)
    user, _unit = agent_of("Åsen skole", make_user, "agent-asen")
    client.force_login(user)
    text = f"Gjelder eleven med nr. {number[:6]} {number[6:]}."
    response = client.post(report_form.url, {TEXT: text, COUNT: "7"}, HTTP_ACCEPT_LANGUAGE="nb")
    html = response.content.decode()
    assert response.status_code == 400
    assert "ser ut til å inneholde et fødselsnummer eller D-nummer" in html
    assert text in html and 'value="7"' in html
    assert not ReportSubmission.objects.filter(page=report_form).exists()


def test_the_refusal_is_translated(client, make_user, report_form):
    user, _unit = agent_of("Åsen skole", make_user, "agent-asen")
    client.force_login(user)
    nn_page = nynorsk(report_form)
    html = client.post(nn_page.url, {TEXT: make_national_id("150387")}).content.decode()
    assert "ser ut til å innehalde eit fødselsnummer eller D-nummer" in html


@pytest.mark.parametrize(
    "text",
    [
        "01017012345",  # a real date, wrong control digits
        "Født 15.03.87 10041",  # dots and a space
        "0101701\u200b2345",  # a zero-width space inside
        "０１０１７０１２３４５",  # full-width digits
        "01/01/70-123 45",  # slashes, hyphen, spaces
        "55038712345",  # D-nummer (day + 40)
        "15438712345",  # H-nummer (month + 40)
    ],
)
def test_anything_that_may_be_a_national_id_is_refused_and_the_typed_text_kept(
    client, make_user, report_form, text
):
    """The guard errs on the side of refusing: control digits or not, separators or not."""
    user, _unit = agent_of("Åsen skole", make_user, "agent-asen")
    client.force_login(user)
    response = client.post(report_form.url, {TEXT: text, COUNT: "7"}, HTTP_ACCEPT_LANGUAGE="nb")
    html = response.content.decode()
    assert response.status_code == 400
    assert "ser ut til å inneholde et fødselsnummer eller D-nummer" in html
    assert escape(text) in html and 'value="7"' in html
    assert not ReportSubmission.objects.filter(page=report_form).exists()


@pytest.mark.parametrize(
    "text",
    [
        "32138712345",  # impossible date
        "15138712345",  # month 13
        "Kontonummer 1234.56.78903 og telefon +47 12345678901",
        "Vi hadde 12345678901 deltakere",
    ],
)
def test_other_eleven_digit_numbers_are_accepted(client, make_user, report_form, text):
    user, _unit = agent_of("Åsen skole", make_user, "agent-asen")
    client.force_login(user)
    assert client.post(report_form.url, {TEXT: text}).status_code == 200
    assert ReportSubmission.objects.get(page=report_form).get_data()[TEXT] == text


def test_interleaved_submissions_from_different_units_are_all_stored(client, make_user, report_form):
    clients = []
    for number, name in enumerate(
        ["Åsen skole", "Fjordvik skole", "Bjørkelia barnehage", "Jordmortjenesten"]
    ):
        user, _unit = agent_of(name, make_user, f"agent{number}")
        other = Client()
        other.force_login(user)
        other.get(report_form.url)  # everyone opens the form first …
        clients.append((other, name))
    for other, name in clients:  # … then all send
        assert other.post(report_form.url, {TEXT: f"Svar fra {name}"}).status_code == 200
    stored = {s.unit.name: s.get_data()[TEXT] for s in ReportSubmission.objects.filter(page=report_form)}
    assert stored == {name: f"Svar fra {name}" for _c, name in clients}


def answer(client, user, page, text):
    client.force_login(user)
    assert client.post(page.url, {TEXT: text}).status_code == 200


def dashboard_rows(response):
    """(unit, status) per row of the coordinators' dashboard table."""
    rows = soup(response).find("table").find("tbody").find_all("tr")
    return [
        (row.th.get_text(strip=True), row.find("span", class_="ds-tag").get_text(strip=True)) for row in rows
    ]


def test_dashboard_shows_done_and_missing_pilots(client, make_user, report_form, only_our_units):
    asen, _ = agent_of("Åsen skole", make_user, "agent-asen")
    fjordvik, _ = agent_of("Fjordvik skole", make_user, "agent-fjordvik")
    agent_of("Bakken skole", make_user, "agent-bakken")
    agent_of("Lia skole", make_user, "agent-lia", pilot=False)  # not asked: not on the dashboard
    answer(client, asen, report_form, "Fast punkt på teammøtene.")
    answer(client, fjordvik, report_form, "Kort introduksjon for alle.")

    client.force_login(asen)
    assert client.get(f"{report_form.url}oversikt/").status_code == 403
    assert client.get(f"{report_form.url}eksport/csv/").status_code == 403
    client.force_login(with_mfa(make_user("koord", "Koordinatorer")))
    response = client.get(f"{report_form.url}oversikt/")
    assert "2 har svart, 1 mangler." in response.content.decode()
    assert dashboard_rows(response) == [
        ("Bakken skole", "Mangler"),
        ("Fjordvik skole", "Har svart"),
        ("Åsen skole", "Har svart"),
    ]
    nn_response = client.get(f"{nynorsk(report_form).url}oversikt/")
    assert "2 har svart, 1 manglar." in nn_response.content.decode()
    assert [name for name, _status in dashboard_rows(nn_response)] == [
        "Bakken skole",
        "Fjordvik skole",
        "Åsen skole",
    ]


def test_exports_contain_every_answer(client, make_user, report_form, only_our_units):
    asen, _ = agent_of("Åsen skole", make_user, "agent-asen")
    fjordvik, _ = agent_of("Fjordvik skole", make_user, "agent-fjordvik")
    agent_of("Bakken skole", make_user, "agent-bakken")  # has not answered: on the list, marked
    client.force_login(asen)
    client.post(report_form.url, {TEXT: "Casearbeidet på personalmøtene.", COUNT: "6"})
    answer(client, fjordvik, report_form, '=HYPERLINK("x")')
    client.force_login(with_mfa(make_user("koord", "Koordinatorer")))

    response = client.get(f"{report_form.url}eksport/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Tjenestested",
        "Pilot",
        "Status",
        "Sendt av",
        "Sendt",
        "Sist endret",
        "Hva har fungert?",
        "Antall møter",
    ]
    by_unit = {row[0]: row for row in rows[1:]}
    assert set(by_unit) == {"Åsen skole", "Fjordvik skole", "Bakken skole"}
    assert by_unit["Åsen skole"][1:4] == ["Ja", "Har svart", "agent-asen"]
    assert by_unit["Åsen skole"][6:] == ["Casearbeidet på personalmøtene.", "6"]
    assert by_unit["Fjordvik skole"][6] == '\'=HYPERLINK("x")'  # no formula injection
    assert by_unit["Bakken skole"][1:] == ["Ja", "Ikke svart", "", "", "", "", ""]

    response = client.get(f"{report_form.url}eksport/xlsx/")
    sheet = load_workbook(io.BytesIO(response.content)).active
    xlsx_rows = [
        [
            cell.strftime("%Y-%m-%d %H:%M") if isinstance(cell, datetime.datetime) else cell or ""
            for cell in row
        ]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert xlsx_rows == rows


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_admins_own_submission_export_is_neutralised_too(
    client, admin_client, make_user, report_form, only_our_units, export
):
    """Wagtail's export at /admin/forms/submissions/<id>/ writes the same answers: no formulas."""
    fjordvik, _ = agent_of("Fjordvik skole", make_user, "agent-fjordvik")
    answer(client, fjordvik, report_form, '=HYPERLINK("http://example.com","klikk")')
    response = admin_client.get(f"/admin/forms/submissions/{report_form.pk}/", {"export": export})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        cells = [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for cell in row]
    else:
        sheet = load_workbook(io.BytesIO(body)).active
        cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row if isinstance(cell, str)]
    assert '\'=HYPERLINK("http://example.com","klikk")' in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]


def test_a_too_long_answer_is_refused_with_a_message_and_nothing_is_lost(
    client, make_user, report_form, only_our_units
):
    user, unit = agent_of("Fjordvik skole", make_user, "agent-fjordvik")
    client.force_login(user)
    response = client.post(report_form.url, {TEXT: "x" * 10_001, COUNT: "7"})
    assert response.status_code == 400  # the form again, with the message (as for any refusal)
    page = soup(response)
    assert "10000" in page.get_text().replace("\xa0", "").replace(" ", "")  # Django's own message
    assert page.find("input", attrs={"name": COUNT})["value"] == "7"  # the other answer is kept
    assert not ReportSubmission.objects.filter(unit=unit).exists()
    assert client.post(report_form.url, {TEXT: "x" * 10_000, COUNT: "7"}).status_code == 200
    assert ReportSubmission.objects.filter(unit=unit).exists()


def test_reminder_command_mails_agents_of_missing_units_only(client, make_user, report_form, only_our_units):
    answered_user, answered = agent_of("Åsen skole", make_user, "agent-asen")
    _user, missing = agent_of("Fjordvik skole", make_user, "agent-fjordvik")
    _other, not_asked = agent_of("Lia skole", make_user, "agent-lia", pilot=False)
    answer(client, answered_user, report_form, "Svar")
    out = io.StringIO()
    call_command("send_report_reminders", "--days", "7", stdout=out)  # the deadline is in 5 days
    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {person.email for person in missing.agents}
    assert f"Påminnelse: {report_form.title}" in mail.outbox[0].subject
    assert report_form.url in mail.outbox[0].body
    mail.outbox.clear()
    call_command("send_report_reminders", "--days", "1", stdout=out)  # deadline further away
    assert mail.outbox == []


def test_intranet_page_types_can_only_be_created_inside_the_intranet(portal):
    home, _ = portal
    intranet_root = IntranetPageFactory(parent=home)
    training = TrainingIndexPageFactory(parent=intranet_root)
    content_page = ContentPageFactory(parent=home)
    assert IntranetPage.can_create_at(home)
    for model in (TrainingIndexPage, MeetingPlanPage, ProgressPlanPage, ReportFormPage):
        assert model.can_create_at(intranet_root), model
        assert not model.can_create_at(home) and not model.can_create_at(content_page), model
    assert TrainingPackagePage.can_create_at(training)
    assert not TrainingPackagePage.can_create_at(intranet_root)
    assert not IntranetPage.can_create_at(intranet_root)


def test_feeds_and_intranet_pages_never_enter_the_page_cache(client, make_user, settings, intranet):
    settings.PAGE_CACHE_ENABLED = True
    user = make_user("agent1", "BTI-agenter")
    client.force_login(user)
    plan = intranet.plan
    url = feed_urls(plan, make_token(client, plan))[0]
    client.logout()
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200 and "X-Page-Cache" not in response
    user.groups.clear()
    assert client.get(url).status_code == 404
    for _ in range(2):
        response = client.get(intranet.nn["root"].url)
        assert response.status_code == 302 and "X-Page-Cache" not in response


def test_person_change_reaches_cached_public_pages(client, settings, unit_list):
    settings.PAGE_CACHE_ENABLED = True
    page, _ = unit_list
    agent = ServiceUnitAgentFactory(unit__name="Åsen skole").person
    url = f"{page.url}?q=%C3%85sen"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    agent.phone = "12 34 00 02"
    agent.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss" and "12 34 00 02" in response.content.decode()


MEETING_PLAN_QUERIES = 15
TRAINING_INDEX_QUERIES = 17


def test_meeting_plan_query_count_does_not_grow_with_meetings(
    client, make_user, intranet, groups, django_assert_num_queries
):
    client.force_login(make_user("agent1", "BTI-agenter"))
    plan = intranet.plan
    client.get(plan.url)
    with django_assert_num_queries(MEETING_PLAN_QUERIES):
        assert client.get(plan.url).status_code == 200
    for number in range(30):
        MeetingFactory(
            group=groups["ledermotet"], starts_at=timezone.now() + datetime.timedelta(days=number + 1)
        )
    client.get(plan.url)  # the meetings moved the cache generation: rebuild the chrome memo
    with django_assert_num_queries(MEETING_PLAN_QUERIES):
        response = client.get(plan.url)
    upcoming = section(response, "upcoming-heading")
    assert len(upcoming.find_all("a", string="Ledermøtet")) == 30


def test_training_index_query_count_does_not_grow_with_packages(
    client, make_user, intranet, django_assert_num_queries
):
    client.force_login(make_user("agent1", "BTI-agenter"))
    index = intranet.training
    client.get(index.url)
    with django_assert_num_queries(TRAINING_INDEX_QUERIES):
        assert client.get(index.url).status_code == 200
    for number in range(20):
        TrainingPackagePageFactory(
            parent=index, title=f"Pakke {number}", theme="kompetanse"
        ).save_revision().publish()
    client.get(index.url)  # publishing moved the cache generation: rebuild the chrome memo
    with django_assert_num_queries(TRAINING_INDEX_QUERIES):
        response = client.get(index.url)
    assert len(package_titles(response, "kompetanse")) == 20


def test_editors_build_forms_in_the_admin(client, make_user, report_form):
    client.force_login(with_mfa(make_user("red", "Redaktører")))
    html = client.get(f"/admin/pages/{report_form.pk}/edit/").content.decode()
    assert "Hva har fungert?" in html and "Antall møter" in html
    assert client.get(f"/admin/forms/submissions/{report_form.pk}/").status_code == 200
    parent = report_form.get_parent()
    assert client.get(f"/admin/pages/add/network/reportformpage/{parent.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("language", "link_text"), [("nb", "Referat fra møtet"), ("nn", "Referat frå møtet")]
)
def test_minutes_are_linked_in_the_pages_language(client, make_user, intranet, language, link_text):
    """The minutes file is one document for both languages: its link text comes from the page,
    not from the document's one (Bokmål) title."""
    client.force_login(make_user("agent1", "BTI-agenter"))
    page = soup(client.get(in_language(intranet, language, "plan").url))
    past = page.find(id="past-heading").find_parent("details")
    link = past.find("a", href=lambda href: href and "/documents/" in href)
    assert link.get_text(" ", strip=True).startswith(link_text)
    assert "Referat fra prøvemøtet" not in page.get_text()
