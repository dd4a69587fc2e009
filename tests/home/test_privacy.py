"""«Mine data»: a signed-in user downloads what the portal holds about them, and only that."""

import json

from django.urls import reverse
from django.utils import translation

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from network.factories import ReportFormFieldFactory, ReportFormPageFactory
from network.models import CalendarFeedToken, IntranetPage, IntranetVisit, ReportSubmission, ServiceUnit

pytestmark = pytest.mark.django_db

# Fixed however many answers the user has sent (measured: see test_query_count_…).
MY_DATA_QUERIES = 18


def url(language="nb"):
    with translation.override(language):
        return reverse("my_data")


def link_agent(make_user, username, unit_name, **extra):
    user = make_user(username, "BTI-agenter", **extra)
    unit = ServiceUnit.objects.get(locale__language_code="nb", name=unit_name)
    person = unit.agents[0]
    person.user = user
    person.save()
    return user, unit, person


def new_form(number):
    intranet = IntranetPage.objects.get(locale__language_code="nb")
    page = ReportFormPageFactory(parent=intranet, title=f"Evaluering {number}", slug=f"evaluering-{number}")
    ReportFormFieldFactory(page=page, label="Hva har fungert?", field_type="multiline")
    ReportFormFieldFactory(page=page, label="Antall møter", field_type="number", required=False)
    page.save_revision().publish()
    return page


def download(client):
    response = client.get(url())
    assert response.status_code == 200
    return response, json.loads(response.content)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_anonymous_visitors_are_sent_to_login(client, language):
    response = client.get(url(language))
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/konto/login/?next=/{language}/konto/mine-data/"


def test_an_agent_downloads_their_account_links_and_own_answers_only(client, make_user):
    agent, unit, person = link_agent(
        make_user,
        "agent-asen",
        "Åsen skole",
        first_name="Kari",
        last_name="Nordmann",
        email="kari@fjordvik.example",
    )
    other, other_unit, _other_person = link_agent(make_user, "agent-fjordvik", "Fjordvik skole")
    EmailAddress.objects.create(user=agent, email="kari@fjordvik.example", verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(agent, secret)
    codes = RecoveryCodes.activate(agent)
    token = CalendarFeedToken.renew(agent)
    IntranetVisit.previous_and_touch(agent, "training-x")
    form = new_form(1)
    ReportSubmission.objects.create(
        page=form,
        unit=unit,
        user=agent,
        form_data={
            "hva_har_fungert": "Faste møter med helsesykepleier.",
            "antall_mxf8ter": "4",
            "fjernet": "x",
        },
    )
    ReportSubmission.objects.create(
        page=form, unit=other_unit, user=other, form_data={"hva_har_fungert": "Svaret fra en annen skole."}
    )
    client.force_login(agent)

    response, data = download(client)

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="bti-portalen-mine-data-agent-asen.json"'
    assert "no-store" in response["Cache-Control"]
    account = data["account"]
    assert (account["username"], account["first_name"], account["last_name"]) == (
        "agent-asen",
        "Kari",
        "Nordmann",
    )
    assert account["groups"] == ["BTI-agenter"]
    assert account["email_addresses"] == [
        {"email": "kari@fjordvik.example", "verified": True, "primary": True}
    ]
    assert account["mfa"] == {"enabled": True, "methods": ["recovery_codes", "totp"]}
    network = data["network"]
    assert [p["name"] for p in network["people"]] == [person.name]
    assert network["agent_for_units"] == [{"name": "Åsen skole", "type": "skole", "pilot": True}]
    assert network["calendar_feed"]["exists"] is True
    assert [visit["area"] for visit in network["intranet_visits"]] == ["training-x"]
    assert data["report_submissions"] == [
        {
            "form": "Evaluering 1",
            "unit": "Åsen skole",
            "submitted": data["report_submissions"][0]["submitted"],
            "updated": data["report_submissions"][0]["updated"],
            "answers": [
                {"question": "Hva har fungert?", "answer": "Faste møter med helsesykepleier."},
                {"question": "Antall møter", "answer": "4"},
                {"question": "fjernet", "answer": "x"},  # a removed question's answer is still held
            ],
        }
    ]
    body = response.content.decode()
    assert "Svaret fra en annen skole." not in body and "agent-fjordvik" not in body
    # Never secrets: not the password hash, the TOTP secret, recovery codes or the feed token.
    for secret_value in [agent.password, secret, token, *codes.get_unused_codes()]:
        assert secret_value not in body


def test_a_user_without_links_gets_an_empty_but_complete_file(client, make_user):
    client.force_login(make_user("utenfor"))
    _response, data = download(client)
    assert data["account"]["mfa"] == {"enabled": False, "methods": []}
    assert data["network"]["agent_for_units"] == [] and data["network"]["calendar_feed"]["exists"] is False
    assert data["report_submissions"] == []
    assert "Passord" in data["about"]


def test_the_explanation_follows_the_language(client, make_user):
    client.force_login(make_user("agent"))
    data = json.loads(client.get(url("nn")).content)
    assert data["about"].startswith("Dette er det BTI-portalen lagrar om deg")


def test_only_get(client, make_user):
    client.force_login(make_user("agent"))
    assert client.post(url()).status_code == 405


def test_query_count_does_not_grow_with_answers(client, make_user, django_assert_num_queries):
    agent, unit, _person = link_agent(make_user, "agent-asen", "Åsen skole")
    client.force_login(agent)
    ReportSubmission.objects.create(
        page=new_form(1), unit=unit, user=agent, form_data={"hva_har_fungert": "1"}
    )
    client.get(url())
    with django_assert_num_queries(MY_DATA_QUERIES):
        assert len(download(client)[1]["report_submissions"]) == 1
    for number in range(2, 12):
        ReportSubmission.objects.create(
            page=new_form(number), unit=unit, user=agent, form_data={"hva_har_fungert": str(number)}
        )
    client.get(url())  # publishing the forms moved the cache generation: rebuild the chrome memo
    with django_assert_num_queries(MY_DATA_QUERIES):
        assert len(download(client)[1]["report_submissions"]) == 11
