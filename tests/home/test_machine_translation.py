"""Apertium as wagtail-localize's machine translator, the bulk command and the editor messages.

Tests marked `needs_apertium` run the real `apertium` command (Debian: apertium-nno-nob) and are
skipped, with the reason shown in pytest's summary, where it is not installed."""

import io
import json
import re
import shutil
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.management import call_command
from django.urls import path, resolve, reverse

from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.strings import StringValue, extract_strings, restore_strings

import pytest

from home import wagtail_hooks as home_wagtail_hooks
from home.factories import ContentPageFactory, HomePageFactory, SiteProfileFactory
from home.machine_translation import Apertium, ApertiumError, ApertiumTranslator, ApertiumUnavailable
from home.machine_translation.apertium import (
    ApyBackend,
    CommandBackend,
    merge_split_tags,
    protect,
    strip_markers,
    unprotect,
)
from home.machine_translation.hooks import MACHINE_TRANSLATE_PATH
from home.machine_translation.views import machine_translate
from home.models import ContentPage
from portal.urls import urlpatterns as portal_urlpatterns


def apertium_has_modes() -> bool:
    executable = shutil.which("apertium")
    if executable is None:
        return False
    listed = subprocess.run([executable, "-l"], capture_output=True, text=True, check=False).stdout.split()
    return {"nob-nno_e", "nno-nob"} <= set(listed)


needs_apertium = pytest.mark.skipif(
    not apertium_has_modes(),
    reason="Apertium with nob-nno_e/nno-nob is not installed (Debian: apt-get install apertium-nno-nob)",
)

# The machine-translate URL with this project's view in front, as home/machine_translation/hooks.py
# registers it in the real admin. Used with @pytest.mark.urls(__name__).
urlpatterns = [
    path("admin/" + MACHINE_TRANSLATE_PATH, require_admin_access(machine_translate)),
    *portal_urlpatterns,
]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


class FakeBackend:
    """Records calls; answers like Apertium would (one translation per chunk, markers)."""

    name = "fake"

    def __init__(self, replace=None):
        self.replace = replace or {}
        self.calls = []

    def run(self, mode, chunks):
        self.calls.append((mode, chunks))
        translated = []
        for chunk in chunks:
            for old, new in self.replace.items():
                chunk = chunk.replace(old, new)
            translated.append(chunk)
        return translated


# --- Text handling (no Apertium needed) ---------------------------------------------------


def test_markers_are_removed_and_reported():
    text, words = strip_markers("Han *xyzzy og #kunne, @foo. Og *xyzzy igjen; NAV *BTI")
    assert text == "Han xyzzy og kunne, foo. Og xyzzy igjen; NAV BTI"
    assert words == ["xyzzy", "kunne", "foo"]  # once each; acronyms are not reported


def test_literal_marker_characters_and_addresses_survive():
    source = "Skriv til kari@fjordvik.example, se https://fjordvik.example/bti. 5 * 3 #1"
    hidden, found = protect(source)
    assert "*" not in hidden and "#" not in hidden and "@" not in hidden
    assert found == ["kari@fjordvik.example", "https://fjordvik.example/bti"]
    assert unprotect(hidden, found) == source


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        (
            'Barnehagen <a id="a1">skal <b>være</b> med</a>.',
            'Barnehagen <a id="a1">skal</a> <a id="a1"><b>vere</b></a> <a id="a1">med</a>.',
            'Barnehagen <a id="a1">skal <b>vere</b> med</a>.',
        ),
        (
            '<a id="a1">hjelp, råd</a>',
            '<a id="a1">hjelp</a>, <a id="a1">råd</a>',
            '<a id="a1">hjelp, råd</a>',
        ),
        ("<b>BTI</b> <b>her</b>", "<b>BTI</b> <b>her</b>", "<b>BTI</b> <b>her</b>"),
        (
            '<b><a id="a1">x y</a></b>',
            '<b><a id="a1">x</a></b> <b><a id="a1">y</a></b>',
            '<b><a id="a1">x y</a></b>',
        ),
        ("linje<br>to", "linje<br>to", "linje<br>to"),
        ("<b>hei<br>hallo</b>", "<b>hei</b><br><b>hallo</b>", "<b>hei<br>hallo</b>"),
    ],
)
def test_split_inline_tags_are_joined_back(source, output, expected):
    assert merge_split_tags(source, output) == expected


def test_batch_splits_segments_and_keeps_edges():
    backend = FakeBackend({"Hvem": "Kven", "xyzzy": "*xyzzy"})
    engine = Apertium(backend, {"nb-nn": "nob-nno_e"})
    drafts = engine.translate("nob-nno_e", ["Hvem da?", " xyzzy ", "", "a@b.example"])
    assert len(backend.calls) == 1  # one Apertium run for the whole batch
    assert drafts["Hvem da?"].text == "Kven da?"
    assert drafts[" xyzzy "].text == " xyzzy "
    assert drafts[" xyzzy "].unknown == ("xyzzy",)
    assert drafts[""].text == ""
    assert drafts["a@b.example"].text == "a@b.example"


def test_translator_makes_no_database_queries(django_assert_num_queries, nb, nn):
    translator = ApertiumTranslator({})
    translator.engine = Apertium(FakeBackend({"Hvem": "Kven"}), {"nb-nn": "nob-nno_e"})
    strings = [StringValue(f"Hvem {n}") for n in range(50)]
    with django_assert_num_queries(0):
        result = translator.translate(nb, nn, strings)
    assert result[strings[7]].data == "Kven 7"


def test_lines_are_separate_segments_unless_a_tag_spans_them():
    backend = FakeBackend()
    engine = Apertium(backend, {"nb-nn": "nob-nno_e"})
    engine.translate("nob-nno_e", ["a<br/>b", "<b>c<br/>d</b>"])
    assert backend.calls[0][1] == ["a", "b", "<b>c<br>d</b>"]


def test_each_sentence_is_its_own_chunk_where_no_tag_spans_the_break():
    backend = FakeBackend({"Hvem": "Kven"})
    engine = Apertium(backend, {"nb-nn": "nob-nno_e"})
    drafts = engine.translate(
        "nob-nno_e", ["Jeg skriver ikke.  Hvem kan hjelpe? fra 5. klasse. <b>Ja. Nei</b>! Hvem"]
    )
    assert backend.calls[0][1] == [
        "Jeg skriver ikke.",
        "Hvem kan hjelpe? fra 5. klasse.",
        "<b>Ja. Nei</b>!",
        "Hvem",
    ]
    assert (
        drafts[next(iter(drafts))].text
        == "Jeg skriver ikke.  Kven kan hjelpe? fra 5. klasse. <b>Ja. Nei</b>! Kven"
    )


def test_cache_hit_skips_the_backend():
    backend = FakeBackend({"Hvem": "Kven", "xyzzy": "*xyzzy"})
    engine = Apertium(backend, {"nb-nn": "nob-nno_e"})
    first = engine.translate("nob-nno_e", ["Hvem xyzzy", "Hvem"])
    second = engine.translate("nob-nno_e", ["Hvem", "Hvem xyzzy"])
    assert len(backend.calls) == 1
    assert second == first
    assert second["Hvem xyzzy"].unknown == ("xyzzy",)  # the report survives the cache
    engine.translate("nno-nob", ["Hvem"])  # another direction is another cache entry
    assert len(backend.calls) == 2


# --- Failures: missing binary, timeout (no Apertium needed) -------------------------------


def test_missing_command_gives_an_editor_message(settings, nb, nn):
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    settings.APERTIUM_APY_URL = ""
    with pytest.raises(ApertiumUnavailable, match="apertium-nno-nob"):
        Apertium.from_settings().translate("nob-nno_e", ["Hei"])
    translator = get_machine_translator()
    assert isinstance(translator, ApertiumTranslator)
    assert translator.can_translate(nb, nn) and translator.can_translate(nn, nb)
    assert translator.translate(nb, nn, [StringValue("Hei")]) == {}  # never raises into the editor
    assert "ikke installert" in str(translator.error)


def fake_apertium(folder, script):
    """An `apertium` command with pass-through format tools beside it, as Debian installs them."""
    mark = '<hr class="apertium-chunk">'
    for name, expression in (
        ("apertium-deshtml", f"s/{mark}/[{mark}]/g"),  # block elements become superblanks
        ("apertium-rehtml", f"s/\\[{mark}\\]/{mark}/g"),
    ):
        tool = folder / name
        tool.write_text(f"#!/bin/sh\nexec {shutil.which('sed')} '{expression}'\n")
        tool.chmod(0o755)
    command = folder / "apertium"
    command.write_text(script)
    command.chmod(0o755)
    return str(command)


def test_command_timeout_kills_the_pipeline(tmp_path):
    command = fake_apertium(tmp_path, f"#!/bin/sh\n{shutil.which('sleep')} 30 | {shutil.which('cat')}\n")
    backend = CommandBackend(command, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(ApertiumError, match="0.5 sekunder"):
        backend.run("nob-nno_e", ["Hei"])
    assert time.monotonic() - started < 5


def test_command_failure_is_reported(tmp_path):
    command = fake_apertium(tmp_path, "#!/bin/sh\necho 'Error: Mode nob-nno_e does not exist' >&2\nexit 1\n")
    with pytest.raises(ApertiumError, match="nob-nno_e"):
        CommandBackend(command, timeout=5).run("nob-nno_e", ["Hei"])


def test_command_runs_one_null_flushed_chunk_per_sentence(tmp_path):
    """The pipeline gets Apertium's stream format with a flush after each chunk's mark."""
    seen = tmp_path / "stream"
    command = fake_apertium(tmp_path, f"#!/bin/sh\n{shutil.which('tee')} {seen}\n")
    assert CommandBackend(command, timeout=5).run("nno-nob", ["Eg.", "Kven?"]) == ["Eg.", "Kven?"]
    mark = b'[<hr class="apertium-chunk">]'
    assert seen.read_bytes() == b"Eg." + mark + b"\0Kven?" + mark + b"\0"


# --- APy client against a fake server on loopback -----------------------------------------


class FakeApy(BaseHTTPRequestHandler):
    requests: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        form = {key: values[0] for key, values in parse_qs(body).items()}
        FakeApy.requests.append((self.path, form))
        if self.path.startswith("/slow/"):
            time.sleep(1.5)
        if self.path.startswith("/broken/"):
            status, payload = (
                400,
                {"status": "error", "code": 400, "explanation": "That pair is not installed"},
            )
        else:
            text = form["q"].replace("Hvem", "Kven").replace("xyzzy", "*xyzzy")
            # APy's HTML mode splits inline tags word by word, like the command.
            text = text.replace("<b>være med</b>", "<b>vere</b> <b>med</b>")
            status = 200
            payload = {
                "responseData": {"translatedText": text},
                "responseDetails": None,
                "responseStatus": 200,
            }
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_apy():
    FakeApy.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeApy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_apy_backend_translates_html(fake_apy, settings, nb, nn):
    settings.APERTIUM_APY_URL = fake_apy + "/ok/"
    translator = get_machine_translator()
    assert isinstance(translator.engine.backend, ApyBackend)
    source = StringValue('Hvem kan <b>være med</b> på xyzzy? <a id="a1">Les</a>')
    result = translator.translate(nb, nn, [source])
    assert result[source].data == 'Kven kan <b>vere med</b> på xyzzy? <a id="a1">Les</a>'
    assert translator.unknown_words == ["xyzzy"]
    path_, form = FakeApy.requests[-1]
    assert path_ == "/ok/translate"
    assert form["langpair"] == "nob|nno_e"
    assert form["format"] == "html"
    assert form["markUnknown"] == "yes"


def test_apy_errors_and_timeouts_become_messages(fake_apy, nb, nn):
    with pytest.raises(ApertiumError, match="nob-nno_e"):
        ApyBackend(fake_apy + "/broken", timeout=5).run("nob-nno_e", ["Hei"])
    with pytest.raises(ApertiumError, match="sekunder"):
        ApyBackend(fake_apy + "/slow", timeout=0.3).run("nob-nno_e", ["Hei"])
    with pytest.raises(ApertiumUnavailable, match="Apertium-tjeneren"):
        ApyBackend("http://127.0.0.1:9", timeout=2).run("nob-nno_e", ["Hei"])


# --- Real Apertium ------------------------------------------------------------------------


@needs_apertium
def test_plain_text_both_directions(nb, nn):
    translator = ApertiumTranslator({})
    question = StringValue.from_plaintext("Hvem kan hjelpe deg når du er bekymret for et barn?")
    assert translator.translate(nb, nn, [question])[question].data == (
        "Kven kan hjelpe deg når du er bekymra for eit barn?"
    )
    back = StringValue.from_plaintext("Kven kan hjelpa deg? Eg skriv ikkje.")
    assert translator.translate(nn, nb, [back])[back].data == "Hvem kan hjelpe deg? Jeg skriver ikke."
    # A capitalised "Kven" after another sentence, and in rich text, is the pronoun too.
    after = StringValue("Eg skriv ikkje. Kven kan hjelpa deg?")
    rich = StringValue('<b>Kven</b> kan <a id="a1">hjelpa</a> deg?')
    drafts = translator.translate(nn, nb, [after, rich])
    assert drafts[after].data == "Jeg skriver ikke. Hvem kan hjelpe deg?"
    assert drafts[rich].data == '<b>Hvem</b> kan <a id="a1">hjelpe</a> deg?'
    assert translator.error is None


@needs_apertium
def test_rich_text_keeps_links_lists_and_bold(nb, nn):
    html = (
        '<p>Ta kontakt med <a href="https://fjordvik.example/hjelp">helsestasjonen eller '
        "<b>skolen</b></a> hvis du er bekymret.</p>"
        "<ul><li>Barnehagen skal være med</li><li>Lærere og <i>helsesykepleier</i></li></ul>"
        "<p>Send e-post til post@fjordvik.example.</p>"
    )
    template, strings = extract_strings(html)
    translator = ApertiumTranslator({})
    values = [value for value, _ in strings]
    translated = translator.translate(nb, nn, values)
    restored = restore_strings(template, [(translated[value], attrs) for value, attrs in strings])
    assert restored == (
        '<p>Ta kontakt med <a href="https://fjordvik.example/hjelp">helsestasjonen eller '
        "<b>skulen</b></a> viss du er bekymra.</p>"
        "<ul><li>Barnehagen skal vere med</li><li>Lærarar og <i>helsesjukepleiar</i></li></ul>"
        "<p>Send e-post til post@fjordvik.example.</p>"
    )


@needs_apertium
def test_line_breaks_stay_between_the_same_words(nb, nn):
    # Apertium moves a <br> inside a line ("Svært <br>nyttig"); each line is translated on its own.
    translator = ApertiumTranslator({})
    lines = StringValue("Svært nyttig<br/>Hvem vet?<br/><br/>Barnet sa: <b>hei<br/>hvem</b> og gikk.")
    assert translator.translate(nb, nn, [lines])[lines].data == (
        "Svært nyttig<br/>Kven veit?<br/><br/>Barnet sa: <b>hei<br/>kven</b> og gjekk."
    )


@needs_apertium
def test_unknown_words_are_unmarked_and_collected(nb, nn):
    translator = ApertiumTranslator({})
    source = StringValue("Barnet møter en xyzzyfant og en *stjerne* i #BTI-gruppa.")
    result = translator.translate(nb, nn, [source])
    assert result[source].data == "Barnet møter ein xyzzyfant og ei *stjerne* i #BTI-gruppa."
    assert translator.unknown_words == ["xyzzyfant"]


@needs_apertium
def test_real_cache_hit_makes_no_second_run():
    engine = Apertium.from_settings()
    texts = ["Foreldre skal være med fra start.", "Barnet skal bli hørt."]
    first = engine.translate("nob-nno_e", texts)
    assert engine.calls == 1
    started = time.monotonic()
    assert engine.translate("nob-nno_e", list(reversed(texts))) == first
    assert engine.calls == 1
    assert time.monotonic() - started < 0.1


# --- The editor's button (translation screen) ---------------------------------------------


@pytest.fixture
def bilingual_home(nb, nn):
    """A published front page in Bokmål with its Nynorsk translation, built for the test."""
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Prøvestad", slug="provestad-nb")
    home.save_revision().publish()
    nn_home = home.copy_for_translation(nn)
    nn_home.save_revision().publish()
    return home, nn_home


def nb_page_with_nn_translation(bilingual_home, nn, **fields):
    home, _ = bilingual_home
    page = ContentPageFactory(parent=home, **fields)
    page.save_revision().publish()
    translate_object(page, [nn])
    return page, Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(page), target_locale=nn
    )


def press_machine_translate(client, translation, nn_page):
    edit_url = reverse("wagtailadmin_pages:edit", args=[nn_page.id])
    url = reverse("wagtail_localize:machine_translate", args=[translation.id])
    response = client.post(url, {"next": edit_url})
    assert response.status_code == 302
    assert response["Location"] == edit_url
    return [str(message) for message in get_messages(response.wsgi_request)], edit_url


@needs_apertium
@pytest.mark.urls(__name__)
def test_button_drafts_and_lists_unknown_words(client, make_user, nb, nn, bilingual_home):
    client.force_login(make_user("redaksjon", is_superuser=True))
    page, translation = nb_page_with_nn_translation(
        bilingual_home, nn, title="Hvem kan hjelpe?", intro="Spør en xyzzyfant på skolen."
    )
    nn_page = page.get_translation(nn)
    shown, edit_url = press_machine_translate(client, translation, nn_page)
    assert any("maskinutkast" in message for message in shown)
    assert any("xyzzyfant" in message for message in shown)
    strings = dict(
        StringTranslation.objects.filter(locale=nn, context__object=translation.source.object).values_list(
            "context__path", "data"
        )
    )
    assert strings["title"] == "Kven kan hjelpe?"
    assert strings["intro"] == "Spør ein xyzzyfant på skulen."
    assert StringTranslation.objects.filter(
        locale=nn, tool_name="Apertium", translation_type="machine"
    ).exists()
    nn_page.refresh_from_db()
    assert nn_page.title == "Hvem kan hjelpe?"  # nothing reaches the page before an editor publishes
    response = client.get(edit_url)  # the translation screen shows the report
    assert "xyzzyfant" in response.content.decode()


@pytest.mark.urls(__name__)
def test_button_without_apertium_explains_and_editor_keeps_working(
    client, make_user, settings, nb, nn, bilingual_home
):
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    client.force_login(make_user("redaksjon", is_superuser=True))
    page, translation = nb_page_with_nn_translation(bilingual_home, nn, title="Hvem kan hjelpe?")
    nn_page = page.get_translation(nn)
    shown, edit_url = press_machine_translate(client, translation, nn_page)
    assert len(shown) == 1 and "Apertium er ikke installert" in shown[0]
    assert not StringTranslation.objects.filter(locale=nn, context__object=translation.source.object).exists()
    assert client.get(edit_url).status_code == 200


def test_admin_uses_the_apertium_view():
    assert home_wagtail_hooks.machine_translation_hooks  # registers the view in the real admin
    match = resolve(reverse("wagtail_localize:machine_translate", args=[1]))
    assert match.url_name == "apertium_machine_translate"


# --- Bulk command ---------------------------------------------------------------------------


def run(*args):
    out = io.StringIO()
    call_command("draft_nynorsk", *args, stdout=out)
    return out.getvalue()


def drafts_planned(output: str) -> int:
    return int(re.search(r"(\d+)  nye nynorske utkast", output).group(1))


def test_dry_run_counts_and_changes_nothing(bilingual_home, nb, nn):
    home, _ = bilingual_home
    before = drafts_planned(run())
    parent = ContentPageFactory(parent=home, title="Hvem kan hjelpe?", intro="Barnet skal bli hørt.")
    ContentPageFactory(parent=parent, title="Undersiden", intro="")
    SiteProfileFactory(municipality_name="Prøvestad kommune")
    sources, pages = TranslationSource.objects.count(), Page.objects.count()
    output = run()
    assert "prøvekjøring" in output
    assert drafts_planned(output) == before + 2
    assert "      1  snippets uten nynorsk" in output
    assert "Prøvestad kommune" in output
    assert TranslationSource.objects.count() == sources and Page.objects.count() == pages


@needs_apertium
def test_apply_saves_unpublished_drafts(bilingual_home, nb, nn):
    home, _ = bilingual_home
    parent = ContentPageFactory(
        parent=home,
        title="Hvem kan hjelpe?",
        intro="Barnet skal bli hørt.",
        body=[
            (
                "paragraph",
                RichText('<p>Snakk med <a href="https://fjordvik.example">skolen</a>, xyzzyfant.</p>'),
            )
        ],
    )
    parent.save_revision().publish()
    child = ContentPageFactory(parent=parent, title="Foreldre", intro="")
    child.save_revision().publish()
    profile = SiteProfileFactory(municipality_name="Prøvestad kommune")
    output = run("--apply")
    assert "Nytt utkast: innholdsside «Hvem kan hjelpe?»" in output
    assert "xyzzyfant" in output
    nn_parent = ContentPage.objects.get(translation_key=parent.translation_key, locale=nn)
    nn_child = ContentPage.objects.get(translation_key=child.translation_key, locale=nn)
    assert (nn_parent.title, nn_parent.intro) == ("Kven kan hjelpe?", "Barnet skal bli høyrt.")
    assert (
        str(nn_parent.body[0].value)
        == '<p>Snakk med <a href="https://fjordvik.example">skulen</a>, xyzzyfant.</p>'
    )
    assert nn_child.title == "Foreldre" and nn_child.get_parent().id == nn_parent.id
    assert not nn_parent.live and not nn_child.live  # never published
    assert not profile.has_translation(nn)  # a snippet that cannot be a draft is left to an editor
    assert "      0  tekstbiter å oversette" in run()


@needs_apertium
def test_apply_leaves_live_nynorsk_untouched(nb, nn, bilingual_home):
    page, translation = nb_page_with_nn_translation(
        bilingual_home, nn, title="Hvem kan hjelpe?", intro="Ring oss."
    )
    nn_page = page.get_translation(nn)
    nn_page.save_revision().publish()
    nn_title = nn_page.title
    page.intro = "Ring skolen."
    page.save_revision().publish()
    output = run("--apply")
    assert "Til gjennomgang: innholdsside «Hvem kan hjelpe?»" in output
    nn_page.refresh_from_db()
    assert nn_page.live and nn_page.title == nn_title and nn_page.intro == "Ring oss."
    suggestion = StringTranslation.objects.get(
        locale=nn, context__path="intro", context__object=translation.source.object
    )
    assert suggestion.data == "Ring skulen."
