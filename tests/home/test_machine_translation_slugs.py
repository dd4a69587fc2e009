"""Machine drafts never send a slug through Apertium: the slug follows the translated title.

Issue #17: Apertium turned `foreldretelefonen-fjordvik` into `foreldre telefonein-fjordvik` (with a
space) and `foreldremøter-om-søvn-og-samspill` into `foreldremter-om-svn-og-samspill`, and "Send til
godkjenning" then failed with a server error."""

import io

from django.core.management import call_command
from django.urls import reverse

from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from home.editorial.workflow import submit_translation_for_approval
from home.factories import ContentPageFactory
from home.machine_translation.slugs import slug_from_title, unique_among
from home.models import ContentPage

from . import test_machine_translation

needs_apertium = test_machine_translation.needs_apertium
bilingual_home = test_machine_translation.bilingual_home  # the fixture, shared

TITLE = "Foreldremøter om søvn og samspill"


def test_slug_from_title_keeps_norwegian_letters_and_is_valid():
    assert slug_from_title("Foreldremøte om søvn og samspel") == "foreldremøte-om-søvn-og-samspel"
    assert slug_from_title("  Hva skjer nå? «Nivå 2» – råd  ") == "hva-skjer-nå-nivå-2-råd"
    assert slug_from_title("!!!") == ""


def test_a_taken_slug_gets_a_number():
    assert unique_among("foreldremøte", set()) == "foreldremøte"
    assert unique_among("foreldremøte", {"foreldremøte", "foreldremøte-2"}) == "foreldremøte-3"
    long = "a" * 255
    assert len(unique_among(long, {long})) == 255


def nb_page_translated_to_nn(home, nn, **fields):
    page = ContentPageFactory(parent=home, **fields)
    page.save_revision().publish()
    translate_object(page, [nn])
    source = TranslationSource.objects.get_for_instance(page)
    return page, Translation.objects.get(source=source, target_locale=nn)


def nn_slug(translation) -> str:
    return StringTranslation.objects.get(
        locale=translation.target_locale, context__object=translation.source.object, context__path="slug"
    ).data


def nn_title(translation) -> str:
    return StringTranslation.objects.get(
        locale=translation.target_locale, context__object=translation.source.object, context__path="title"
    ).data


@needs_apertium
def test_the_button_makes_the_slug_from_the_translated_title(client, make_user, bilingual_home, nb, nn):
    home, nn_home = bilingual_home
    editor = make_user("redaksjon", is_superuser=True)
    client.force_login(editor)
    page, translation = nb_page_translated_to_nn(
        home, nn, title=TITLE, slug="foreldremøter-om-søvn-og-samspill"
    )
    nn_page = page.get_translation(nn)
    edit_url = reverse("wagtailadmin_pages:edit", args=[nn_page.id])
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]), {"next": edit_url}
    )
    assert response.status_code == 302
    title = nn_title(translation)
    assert title != TITLE  # Apertium translated the title…
    assert nn_slug(translation) == slug_from_title(title)  # …and the slug follows it, ø and all
    assert " " not in nn_slug(translation)
    # Sending the draft to approval saves a valid revision: no ValidationError, no server error.
    target, _state = submit_translation_for_approval(translation, editor)
    target.full_clean()
    assert target.get_latest_revision().as_object().slug == nn_slug(translation)


@needs_apertium
def test_a_slug_a_sibling_has_gets_a_number(client, make_user, bilingual_home, nb, nn):
    home, nn_home = bilingual_home
    client.force_login(make_user("redaksjon", is_superuser=True))
    # A Nynorsk sibling already has the slug the translated title gives.
    ContentPageFactory(parent=nn_home, title="Foreldretelefonen", slug="foreldretelefonen", locale=nn)
    page, translation = nb_page_translated_to_nn(
        home, nn, title="Foreldretelefonen", slug="foreldretelefonen"
    )
    nn_page = page.get_translation(nn)
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]), {"next": "/admin/"})
    assert nn_slug(translation) == "foreldretelefonen-2"
    assert nn_page.get_parent().pk == nn_home.pk


def test_a_slug_the_editor_translated_is_kept(client, make_user, settings, bilingual_home, nb, nn):
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"  # nothing else gets translated
    settings.APERTIUM_APY_URL = ""
    home, _ = bilingual_home
    client.force_login(make_user("redaksjon", is_superuser=True))
    page, translation = nb_page_translated_to_nn(home, nn, title=TITLE, slug="foreldremoter")
    slug = StringTranslation.objects.create(
        translation_of=translation.source.stringsegment_set.get(context__path="slug").string,
        context=translation.source.stringsegment_set.get(context__path="slug").context,
        locale=nn,
        data="foreldremøte",
    )
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]), {"next": "/admin/"})
    slug.refresh_from_db()
    assert slug.data == "foreldremøte"


@needs_apertium
def test_bulk_drafts_make_slugs_from_titles(bilingual_home, nb, nn):
    home, _ = bilingual_home
    page = ContentPageFactory(parent=home, title=TITLE, slug="foreldremøter-om-søvn-og-samspill")
    page.save_revision().publish()
    call_command("draft_nynorsk", "--apply", stdout=io.StringIO())
    nn_page = ContentPage.objects.get(translation_key=page.translation_key, locale=nn)
    assert nn_page.title != TITLE
    assert nn_page.slug == slug_from_title(nn_page.title)
    nn_page.full_clean()


def test_send_to_approval_reports_an_invalid_translation_instead_of_failing(
    client, make_user, bilingual_home, nb, nn
):
    home, nn_home = bilingual_home
    client.force_login(make_user("redaksjon", is_superuser=True))
    page, translation = nb_page_translated_to_nn(
        home, nn, title="Foreldretelefonen", slug="foreldretelefonen"
    )
    ContentPageFactory(parent=nn_home, title="Opptatt", slug="opptatt", locale=nn)
    slug_segment = translation.source.stringsegment_set.get(context__path="slug")
    # A sibling has this slug: Wagtail refuses the revision.
    StringTranslation.objects.update_or_create(
        translation_of=slug_segment.string,
        context=slug_segment.context,
        locale=nn,
        defaults={"data": "opptatt"},
    )
    nn_page = page.get_translation(nn)
    response = client.post(
        reverse("editorial_submit_translation", args=[nn_page.id]), {"next": "/admin/"}, follow=True
    )
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any("ble ikke sendt til godkjenning" in message and "opptatt" in message for message in shown)
    nn_page.refresh_from_db()
    assert nn_page.slug != "opptatt"
