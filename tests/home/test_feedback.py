"""Page feedback «Fant du det du lette etter?» (home/feedback/, issue 22): the anonymous form under
public pages, its guards, retention, and the editors' report with CSV export."""

import csv
import datetime
import io

from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from home.editorial import setup
from home.models import PageFeedback
from tests.portal import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]

ANSWER = "/nb/tilbakemelding/"
COMMENT = "/nb/tilbakemelding/kommentar/"
REPORT = "/admin/rapporter/tilbakemeldinger/"
EXPORT = "/admin/rapporter/tilbakemeldinger/csv/"
OWN = {"HTTP_ORIGIN": "http://testserver"}
NATIONAL_ID = "15038712345"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def send(client, page, answer, **headers):
    return client.post(ANSWER, {"page": page.pk, "svar": answer, "nettsted": ""}, **{**OWN, **headers})


def receipt(response):
    return parse(response.content).find("input", attrs={"name": "kvittering"})["value"]


def feedback_form(response):
    return parse(response.content).find("section", id="tilbakemelding")


# --- the form on the page ------------------------------------------------------------------------


def test_public_pages_carry_the_form_in_their_language(client, portal):
    for language in ("nb", "nn"):
        form = feedback_form(client.get(portal.about[language].url)).find("form")
        assert form["action"] == f"/{language}/tilbakemelding/"
        assert form.find("input", attrs={"name": "page"})["value"] == str(portal.about[language].pk)
        assert {b["value"] for b in form.find_all("button")} == {"ja", "nei"}
    heading = feedback_form(client.get(portal.about["nn"].url)).find("h2").get_text()
    assert heading == "Fann du det du leita etter?"


def test_intranet_and_error_pages_have_no_form(client, portal, make_user):
    client.force_login(make_user("agnes", setup.AGENTS))
    assert client.get(portal.intranet["nb"].url).status_code == 200
    assert feedback_form(client.get(portal.intranet["nb"].url)) is None
    missing = client.get("/nb/finnes-ikke/")
    assert missing.status_code == 404 and feedback_form(missing) is None


def test_cached_page_is_identical_for_two_visitors_and_holds_no_csrf_token(client, portal, settings):
    settings.PAGE_CACHE_ENABLED = True
    url = portal.about["nb"].url
    first = client.get(url)
    client.cookies.clear()
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert b"csrfmiddlewaretoken" not in second.content and "csrftoken" not in second.cookies
    assert feedback_form(second) is not None


# --- storing -------------------------------------------------------------------------------------


def test_yes_is_stored_with_page_locale_and_site_only(client, portal):
    response = send(client, portal.about["nn"], "ja")
    assert response.status_code == 200
    assert "Takk for tilbakemeldinga" in response.content.decode()
    back = parse(response.content).find("a", string=lambda s: s and "Tilbake til" in s)
    assert back["href"] == portal.about["nn"].url
    row = PageFeedback.objects.get()
    assert (row.page_id, row.locale.language_code, row.site_id, row.found) == (
        portal.about["nn"].pk,
        "nn",
        portal.site.pk,
        True,
    )
    # Nothing that could tell who answered.
    assert {f.name for f in PageFeedback._meta.get_fields()} == {
        "id", "page", "locale", "site", "found", "comment", "created_at"
    }  # fmt: skip


def test_no_then_comment_is_stored_on_the_same_answer(client, portal):
    step = send(client, portal.about["nb"], "nei")
    assert "Ikke skriv navn, fødselsnummer eller andre personopplysninger" in step.content.decode()
    assert PageFeedback.objects.get().found is False
    done = client.post(COMMENT, {"kvittering": receipt(step), "kommentar": "Fant ikke åpningstidene"}, **OWN)
    assert done.status_code == 200
    assert PageFeedback.objects.get().comment == "Fant ikke åpningstidene"
    # The receipt is spent: it cannot replace the comment afterwards.
    again = client.post(COMMENT, {"kvittering": receipt(step), "kommentar": "Noe annet"}, **OWN)
    assert again.status_code == 400 and PageFeedback.objects.get().comment == "Fant ikke åpningstidene"


def test_a_forged_receipt_cannot_comment_on_an_answer(client, portal):
    send(client, portal.about["nb"], "nei")
    row = PageFeedback.objects.get()
    response = client.post(COMMENT, {"kvittering": str(row.pk), "kommentar": "Spam"}, **OWN)
    assert response.status_code == 400 and PageFeedback.objects.get().comment == ""


def test_national_id_in_comment_is_refused_with_text_kept(client, portal):
    step = send(client, portal.about["nb"], "nei")
    typed = f"Gjelder barnet {NATIONAL_ID}"
    response = client.post(COMMENT, {"kvittering": receipt(step), "kommentar": typed}, **OWN)
    assert response.status_code == 400
    page = parse(response.content)
    assert "ser ut til å inneholde et fødselsnummer" in page.find(class_="ds-validation-message").get_text()
    assert page.find("textarea").get_text() == typed
    assert PageFeedback.objects.get().comment == ""


def test_honeypot_gets_thanks_and_stores_nothing(client, portal):
    response = client.post(ANSWER, {"page": portal.about["nb"].pk, "svar": "ja", "nettsted": "x"}, **OWN)
    assert response.status_code == 200 and not PageFeedback.objects.exists()


def test_rate_limit_per_client(client, portal, settings):
    settings.PAGE_FEEDBACK_RATE_LIMIT = "3/10m"
    statuses = [send(client, portal.about["nb"], "ja").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = parse(send(client, portal.about["nb"], "ja").content)
    assert "Prøv igjen senere" in limited.find(role="alert").get_text()
    assert limited.find("a", string=lambda s: s and "Tilbake til" in s)["href"] == portal.about["nb"].url
    assert PageFeedback.objects.count() == 3
    assert send(client, portal.about["nb"], "ja", REMOTE_ADDR="198.51.100.20").status_code == 200


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_ORIGIN": "null"}, {"HTTP_ORIGIN": ""}],
)
def test_foreign_or_missing_origin_is_refused(client, portal, headers):
    response = send(client, portal.about["nb"], "ja", **headers)
    assert response.status_code == 403 and not PageFeedback.objects.exists()


def test_own_referer_is_enough_without_origin(client, portal):
    response = client.post(
        ANSWER,
        {"page": portal.about["nb"].pk, "svar": "ja"},
        HTTP_REFERER=f"http://testserver{portal.about['nb'].url}",
    )
    assert response.status_code == 200 and PageFeedback.objects.count() == 1


def test_private_missing_or_draft_page_is_refused(client, portal):
    draft = portal.about["nb"].copy(update_attrs={"slug": "utkast", "title": "Utkast"}, keep_live=False)
    for page_id in (portal.intranet["nb"].pk, portal.meeting_plan["nb"].pk, draft.pk, 999999):
        response = client.post(ANSWER, {"page": page_id, "svar": "ja"}, **OWN)
        assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_get_is_not_allowed(client):
    assert client.get(ANSWER).status_code == 405


# --- retention -----------------------------------------------------------------------------------


def test_delete_old_feedback_is_a_dry_run_unless_applied(client, portal, settings):
    settings.PAGE_FEEDBACK_RETENTION_MONTHS = 12
    send(client, portal.about["nb"], "ja")
    send(client, portal.about["nb"], "nei")
    PageFeedback.objects.filter(found=True).update(created_at=timezone.now() - datetime.timedelta(days=400))
    out = io.StringIO()
    call_command("delete_old_feedback", stdout=out)
    assert "Tørrkjøring: 1 tilbakemeldinger" in out.getvalue() and PageFeedback.objects.count() == 2
    call_command("delete_old_feedback", "--apply", stdout=io.StringIO())
    assert list(PageFeedback.objects.values_list("found", flat=True)) == [False]


# --- the editors' report -------------------------------------------------------------------------


@pytest.fixture
def editor(make_user):
    user = make_user("rita", setup.EDITORS)
    TOTP.activate(user, generate_totp_secret())
    return user


def test_report_access(client, editor, make_user):
    admin_only = make_user("alf")
    admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for url in (REPORT, EXPORT):
        client.logout()
        anonymous = client.get(url)
        assert anonymous.status_code == 302 and "/konto/login/" in anonymous["Location"]
        # Agents never reach the admin: Wagtail sends them to the login page, as for every admin URL.
        client.force_login(make_user(f"agnes-{len(url)}", setup.AGENTS))
        assert client.get(url).status_code == 302
        # Admin access without the editors' or coordinators' group is not enough (Wagtail turns the
        # view's PermissionDenied into a redirect to the dashboard with a message).
        client.force_login(admin_only)
        refused = client.get(url)
        assert refused.status_code == 302 and refused["Location"] == "/admin/"
        client.force_login(editor)
        assert client.get(url).status_code == 200


def test_report_shows_answers_share_and_comments(client, portal, editor):
    send(client, portal.about["nb"], "ja")
    step = send(client, portal.about["nb"], "nei")
    client.post(COMMENT, {"kvittering": receipt(step), "kommentar": "Mangler telefonnummer"}, **OWN)
    send(client, portal.about["nn"], "nei")
    client.force_login(editor)
    page = parse(client.get(REPORT).content)
    table = page.find("caption", string="Svar per side og språk").parent
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert [portal.about["nb"].title, "nb", "2", "1", "50 %", "1"] in rows
    assert [portal.about["nn"].title, "nn", "1", "1", "0 %", "0"] in rows
    assert "Mangler telefonnummer" in page.get_text()
    dashboard = parse(client.get("/admin/").content).find(
        "section", id=lambda i: i and i.startswith("feedback-most-no")
    )
    assert portal.about["nb"].title in dashboard.get_text()


def test_csv_export_is_formula_safe(client, portal, editor):
    step = send(client, portal.about["nb"], "nei")
    client.post(COMMENT, {"kvittering": receipt(step), "kommentar": '=HYPERLINK("http://x")'}, **OWN)
    client.force_login(editor)
    response = client.get(EXPORT)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1:] == [portal.about["nb"].title, "nb", "Nei", '\'=HYPERLINK("http://x")']
