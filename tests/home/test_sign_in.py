"""The staff sign-in path: the login form (home/accounts.py, templates/account/), first-time TOTP
setup with its recovery codes (templates/mfa/), and the way on to where the editor was going."""

from django.urls import reverse

import pytest

from tests.portal import parse

pytestmark = pytest.mark.django_db


def own_text(label):
    """A label's text without the "(må fylles ut)" marker inside it."""
    return "".join(label.find_all(string=True, recursive=False)).strip()


@pytest.mark.parametrize(
    ("language", "expected"), [("nb", "Brukernavn eller e-post"), ("nn", "Brukarnamn eller e-post")]
)
def test_login_field_is_labelled_with_what_it_takes(client, language, expected):
    document = parse(client.get(f"/{language}/konto/login/").content)
    login_input = document.find("input", attrs={"name": "login"})
    label = document.find("label", attrs={"for": login_input["id"]})
    assert own_text(label) == expected


@pytest.mark.parametrize("login_methods", [{"username"}, {"email"}])
def test_login_label_follows_a_single_login_method(client, settings, login_methods):
    settings.ACCOUNT_LOGIN_METHODS = login_methods
    document = parse(client.get("/nb/konto/login/").content)
    login_input = document.find("input", attrs={"name": "login"})
    label = own_text(document.find("label", attrs={"for": login_input["id"]}))
    assert label == ("Brukernavn" if login_methods == {"username"} else "E-post")


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_login_page_has_one_forgot_password_link(client, language):
    document = parse(client.get(f"/{language}/konto/login/").content)
    reset_url = reverse("account_reset_password")
    assert len(document.find_all("a", href=reset_url)) == 1


@pytest.mark.parametrize(
    ("language", "reason"),
    [("nb", "Du må logge inn for å se denne siden."), ("nn", "Du må logge inn for å sjå denne sida.")],
)
def test_login_page_says_why_when_sent_from_a_page(client, language, reason):
    sent = parse(client.get(f"/{language}/konto/login/?next=/{language}/intranett/").content)
    assert reason in [p.get_text(strip=True) for p in sent.find_all("p")]
    direct = parse(client.get(f"/{language}/konto/login/").content)
    assert reason not in direct.get_text()


@pytest.mark.usefixtures("portal")
def test_private_page_sends_to_a_login_page_that_says_why(client, portal):
    intranet = portal.intranet["nn"]
    response = client.get(intranet.url, follow=True)
    assert response.redirect_chain and "/konto/login/" in response.redirect_chain[-1][0]
    assert "Du må logge inn for å sjå denne sida." in parse(response.content).get_text()
