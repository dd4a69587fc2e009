"""The staff sign-in path: the login form (home/accounts.py, templates/account/), first-time TOTP
setup with its recovery codes (templates/mfa/), and the way on to where the editor was going."""

from urllib.parse import urlsplit

from django.urls import reverse

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

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


# --- first-time TOTP setup ------------------------------------------------------------------------


CONTINUE = {"nb": "Fortsett", "nn": "Hald fram"}


def continue_link(page):
    label = CONTINUE[page.find("html")["lang"]]
    return page.find("a", string=lambda text: text and text.strip() == label)


def current_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def sign_in_and_set_up_totp(client, next_url, language="nb"):
    """An editor without TOTP signs in on the way to `next_url`, as a browser would: every redirect
    followed, every form posted as the page renders it. Returns the recovery-codes page."""
    response = client.post(
        f"/{language}/konto/login/?next={next_url}",
        {"login": "ny-redaktor", "password": "test-pass-123", "next": next_url},
        follow=True,
    )
    assert response.status_code == 200
    setup = parse(response.content)
    # Straight on to the QR code: the password typed a moment ago is not asked for again.
    assert urlsplit(response.redirect_chain[-1][0]).path == reverse("mfa_activate_totp")
    form = setup.find("input", attrs={"name": "code"}).find_parent("form")
    fields = {field["name"]: field.get("value", "") for field in form.find_all("input") if field.get("name")}
    fields["code"] = current_code(setup.find(id="authenticator_secret")["value"])
    response = client.post(form.get("action"), fields, follow=True)
    assert response.status_code == 200
    assert urlsplit(response.redirect_chain[-1][0]).path == reverse("mfa_view_recovery_codes")
    return parse(response.content)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_first_sign_in_goes_through_totp_setup_and_recovery_codes_to_the_admin(client, make_user, language):
    make_user("ny-redaktor", "Redaktører")
    codes_page = sign_in_and_set_up_totp(client, "/admin/", language)
    # The portal's own layout, the codes readable, and one clear way on to where the editor was going.
    assert codes_page.find("main", class_="site-main") and codes_page.find("footer", class_="site-footer")
    assert len(codes_page.find(id="recovery_codes").get_text().split()) == 10
    way_on = continue_link(codes_page)
    assert way_on["href"] == "/admin/"
    assert client.get(way_on["href"]).status_code == 200


def test_next_survives_totp_setup_to_any_portal_page(client, make_user):
    make_user("ny-redaktor", "Redaktører")
    codes_page = sign_in_and_set_up_totp(client, "/admin/pages/")
    assert continue_link(codes_page)["href"] == "/admin/pages/"


def test_a_next_elsewhere_is_never_followed(client, make_user):
    make_user("ny-redaktor", "Redaktører")
    response = client.post(
        "/nb/konto/login/", {"login": "ny-redaktor", "password": "test-pass-123"}, follow=True
    )
    assert response.status_code == 200
    response = client.get("/nb/konto/2fa/totp/activate/?next=https://evil.example/")
    setup = parse(response.content)
    assert not setup.find("input", attrs={"name": "next"})
    form = setup.find("input", attrs={"name": "code"}).find_parent("form")
    code = current_code(setup.find(id="authenticator_secret")["value"])
    response = client.post(form["action"] + "?next=https://evil.example/", {"code": code})
    assert "evil.example" not in response["Location"]
    codes_page = parse(client.get(response["Location"] + "?next=https://evil.example/").content)
    assert continue_link(codes_page)["href"] == "/"


def test_admin_opens_straight_after_sign_in_with_totp(client, make_user):
    """An editor who has TOTP: password, code, and the admin opens without a further password."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(make_user("red-med-totp", "Redaktører"), secret)
    response = client.post(
        "/nb/konto/login/?next=/admin/",
        {"login": "red-med-totp", "password": "test-pass-123", "next": "/admin/"},
    )
    assert urlsplit(response["Location"]).path == reverse("mfa_authenticate")
    response = client.post(response["Location"], {"code": current_code(secret)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.usefixtures("portal")
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_choosing_to_sign_in_from_the_header_gives_no_reason(client, portal, language):
    page = parse(client.get(portal.about[language].url).content)
    link = page.find("a", href=lambda href: href and "/konto/login/" in href)
    assert f"next=/{language}/" in link["href"]  # back to the page afterwards
    login = parse(client.get(link["href"]).content).get_text()
    assert "Du må logge inn" not in login
