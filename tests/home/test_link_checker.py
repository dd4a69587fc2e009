"""The link checker (issue 22): `check_links` against a local HTTP server, internal links to
unpublished and deleted pages and missing files, and the «Brutte lenker» report."""

import http.server
import threading
import time

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

import pytest
import wagtail_factories
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from home.editorial import setup
from home.factories import ContentPageFactory, HomePageFactory, SiteProfileFactory
from home.links.http import USER_AGENT, ExternalChecker
from home.links.run import check_links
from home.models import LinkCheck

pytestmark = pytest.mark.django_db
hooks.search_for_hooks()

REPORT = "/admin/rapporter/lenker/"
SLOW_SECONDS = 1.0
TIMEOUT = 0.3
QUERIES = (
    21  # the admin frame (session, user, menu: the groups once per request, home/groups.py) and the report
)


class Handler(http.server.BaseHTTPRequestHandler):
    seen = []  # (method, path, user agent)

    def answer(self):
        self.seen.append((self.command, self.path, self.headers.get("User-Agent")))
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path == "/no-head" and self.command == "HEAD":
            return self.reply(405)
        code = {"/ok": 200, "/no-head": 200, "/moved": 301, "/gone": 404, "/error": 500, "/slow": 200}[
            self.path
        ]
        self.reply(code, location="/ok" if code == 301 else None)

    def reply(self, code, location=None):
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = answer

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Handler.seen = []
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def checker():
    return ExternalChecker(timeout=TIMEOUT, delay=0.05)


def link(href, text):
    return f'<a href="{href}">{text}</a>'


@pytest.fixture
def site_pages(nb):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Prøveforside", locale=nb)
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return site, home


@pytest.fixture
def checked(server, site_pages, nb):
    """A page with one link of every kind, checked once."""
    site, home = site_pages
    unpublished = ContentPageFactory(parent=home, title="Upublisert side", live=False)
    deleted = ContentPageFactory(parent=home, title="Slettet side")
    alive = ContentPageFactory(parent=home, title="Levende side")
    document = wagtail_factories.DocumentFactory(title="Referat")
    document.file.delete(save=False)
    html = "".join(
        [
            link(f"{server}/ok", "Virker"),
            link(f"{server}/moved", "Flyttet"),
            link(f"{server}/gone", "Borte"),
            link(f"{server}/error", "Feil"),
            link(f"{server}/slow", "Treg"),
            link(f"{server}/no-head", "Uten HEAD"),
            f'<a linktype="page" id="{unpublished.pk}">Til upublisert</a>',
            f'<a linktype="page" id="{deleted.pk}">Til slettet</a>',
            f'<a linktype="page" id="{alive.pk}">Til levende</a>',
            f'<a linktype="document" id="{document.pk}">Referatet</a>',
            link("mailto:post@provestad.example", "E-post"),
        ]
    )
    page = ContentPageFactory(
        parent=home, title="Lenkeside", body=[("paragraph", RichText(f"<p>{html}</p>"))]
    )
    deleted_id = deleted.pk
    # The footer's chooser points at the deleted page too: a StreamField chooser, not rich text.
    SiteProfileFactory(
        footer_links=[("link", {"title": "Bunnlenke", "page": deleted, "url": f"{server}/gone"})]
    )
    deleted.delete()
    check_links(checker())
    return page, deleted_id, unpublished, alive, document


def rows(page):
    return {row.link_text: row for row in LinkCheck.objects.filter(source_id=str(page.pk))}


def test_external_links_are_checked_against_the_server(checked, server):
    page = checked[0]
    found = rows(page)
    assert (found["Virker"].status, found["Virker"].http_status) == (LinkCheck.OK, 200)
    assert (found["Flyttet"].status, found["Flyttet"].final_url) == (LinkCheck.REDIRECTED, f"{server}/ok")
    assert (found["Borte"].status, found["Borte"].http_status) == (LinkCheck.BROKEN, 404)
    assert (found["Feil"].status, found["Feil"].http_status) == (LinkCheck.BROKEN, 500)
    assert found["Treg"].status == LinkCheck.TIMED_OUT
    assert (found["Uten HEAD"].status, found["Uten HEAD"].http_status) == (LinkCheck.OK, 200)
    assert "E-post" not in found
    assert found["Borte"].first_broken_at is not None and found["Virker"].first_broken_at is None
    assert found["Virker"].site.hostname == "localhost" and found["Virker"].locale.language_code == "nb"


def test_a_server_that_refuses_head_is_asked_with_get_and_every_request_says_who_asks(checked):
    methods = [method for method, path, _agent in Handler.seen if path == "/no-head"]
    assert methods == ["HEAD", "GET"]
    assert {agent for _method, _path, agent in Handler.seen} == {USER_AGENT}


def test_each_address_is_requested_once_although_two_links_point_at_it(checked):
    # /gone is in the page and in the footer.
    assert [m for m, path, _agent in Handler.seen if path == "/gone"] == ["HEAD", "GET"]


def test_internal_links_work_only_to_live_pages_and_existing_files(checked):
    page = checked[0]
    found = rows(page)
    assert found["Til levende"].status == LinkCheck.OK
    assert found["Til upublisert"].status == LinkCheck.BROKEN
    assert found["Til slettet"].status == LinkCheck.BROKEN
    assert found["Referatet"].status == LinkCheck.BROKEN


def test_choosers_in_snippet_streams_are_found_even_when_their_page_is_gone(checked):
    _page, deleted_id, *_rest = checked
    footer = LinkCheck.objects.filter(source_type__model="siteprofile")
    assert {(row.target, row.status) for row in footer} >= {(f"page:{deleted_id}", LinkCheck.BROKEN)}
    assert any(row.target.endswith("/gone") and row.status == LinkCheck.BROKEN for row in footer)


def test_first_seen_broken_is_kept_across_runs_and_cleared_when_the_link_works(checked, server):
    page, _deleted_id, unpublished, *_rest = checked
    first = rows(page)["Til upublisert"].first_broken_at
    unpublished.save_revision().publish()
    check_links(checker())
    assert rows(page)["Borte"].first_broken_at is not None
    assert rows(page)["Til upublisert"].first_broken_at is None
    assert rows(page)["Til upublisert"].status == LinkCheck.OK
    assert first is not None


def test_links_that_are_removed_from_the_page_leave_the_report(checked):
    page = checked[0]
    page.body = []
    page.save_revision().publish()
    check_links(checker())
    assert not rows(page)


def test_at_most_one_request_at_a_time_per_host(server):
    checker = ExternalChecker(timeout=2, delay=0, max_workers=4)
    active, most = [0], [0]
    original = checker.request

    def counting(method, url):
        active[0] += 1
        most[0] = max(most[0], active[0])
        try:
            time.sleep(0.05)
            return original(method, url)
        finally:
            active[0] -= 1

    checker.request = counting
    checker.check_all([f"{server}/ok?{n}" for n in range(6)])
    assert most[0] == 1


def test_the_command_runs_the_checker(site_pages, server):
    _site, home = site_pages
    ContentPageFactory(
        parent=home, body=[("paragraph", RichText(f"<p>{link(server + '/gone', 'Borte')}</p>"))]
    )
    call_command("check_links", "--timeout", "1", "--delay", "0")
    assert LinkCheck.objects.get(link_text="Borte").status == LinkCheck.BROKEN


# --- the report -----------------------------------------------------------------------------------


@pytest.fixture
def editor(make_user):
    user = make_user("rita", setup.EDITORS)
    TOTP.activate(user, generate_totp_secret())
    return user


def test_editors_see_the_broken_links_with_a_link_to_edit_the_page(client, editor, checked):
    page = checked[0]
    client.force_login(editor)
    html = client.get(REPORT).content.decode()
    assert "Brutte lenker" in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "Borte" in html and "Treg" in html and "Til slettet" in html
    assert "Virker" not in html and "Flyttet" not in html


def test_internal_targets_are_named_by_their_title_or_as_deleted(client, editor, checked):
    _page, deleted_id, unpublished, _alive, document = checked
    client.force_login(editor)
    html = client.get(REPORT).content.decode()
    assert f"Side «{unpublished.title}»" in html
    assert f"Slettet side (id {deleted_id})" in html
    assert f"Dokument «{document.title}»" in html


def test_snippet_rows_link_to_the_snippet_editor(client, editor, checked):
    client.force_login(editor)
    html = client.get(REPORT).content.decode()
    profile = LinkCheck.objects.filter(source_type__model="siteprofile").first()
    assert f"/admin/snippets/home/siteprofile/edit/{profile.source_id}/" in html


def test_visitors_are_sent_to_log_in_and_agents_and_other_staff_are_refused(client, make_user, checked):
    response = client.get(REPORT)
    assert response.status_code == 302 and "login" in response["Location"]
    # Agents have no admin at all: Wagtail sends them away before the report is reached.
    client.force_login(make_user("aina", setup.AGENTS))
    assert client.get(REPORT).status_code != 200
    # Staff with the admin but outside the report groups are refused by the report itself.
    staff = make_user("stian")
    staff.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)
    # Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message.
    response = client.get(REPORT)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_the_report_costs_the_same_queries_for_many_rows(client, editor, checked, django_assert_num_queries):
    client.force_login(editor)
    client.get(REPORT)  # warm the caches (content types, site, locales)
    with django_assert_num_queries(QUERIES) as captured:
        client.get(REPORT)
    before = len(captured.captured_queries)
    row = LinkCheck.objects.filter(status=LinkCheck.BROKEN).first()
    for n in range(10):
        row.pk, row.target = None, f"http://127.0.0.1/extra/{n}"
        row.save()
    with django_assert_num_queries(before):
        client.get(REPORT)


def test_the_dashboard_counts_the_broken_links(client, editor, checked):
    client.force_login(editor)
    broken = LinkCheck.objects.filter(status__in=LinkCheck.NOT_WORKING).count()
    html = client.get("/admin/").content.decode()
    assert "Lenkesjekk" in html
    assert f"{broken} brutte lenker i publisert innhold" in html
