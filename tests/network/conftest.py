"""Front pages and network pages the network tests build for themselves (with or without the demo).

`portal` makes a fresh Bokmål front page with its Nynorsk translation the default site's root for
the test (rolled back afterwards), so the demo tree, when it is loaded, is out of the way."""

import datetime
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

import pytest

from home.demo.bilingual import Glossary, translate
from home.demo.files import demo_pdf
from home.factories import HomePageFactory, SiteProfileFactory
from home.models import SiteProfile
from network.access import INTRANET_COLLECTION, INTRANET_GROUPS
from network.factories import (
    IntranetPageFactory,
    MeetingFactory,
    MeetingPlanPageFactory,
    NetworkGroupPageFactory,
    NetworkIndexPageFactory,
    ProgressPlanPageFactory,
    ReportFormFieldFactory,
    ReportFormPageFactory,
    ServiceUnitFactory,
    ServiceUnitListPageFactory,
    TrainingIndexPageFactory,
    TrainingPackagePageFactory,
)
from network.models import ReportSubmission, ServiceUnit


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def with_translation(page, nn):
    """The page and its published Nynorsk copy (under the Nynorsk parent)."""
    nn_page = page.copy_for_translation(nn)
    return page, publish(nn_page)


@pytest.fixture
def portal(nb, nn):
    home = publish(HomePageFactory(parent=Page.get_first_root_node(), title="Prøvestad", slug="provestad"))
    nn_home = publish(home.copy_for_translation(nn))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    for locale in (nb, nn):
        if not SiteProfile.objects.filter(locale=locale).exists():
            SiteProfileFactory(locale=locale)
    return home, nn_home


@pytest.fixture
def network_index(portal, nn):
    home, _ = portal
    return with_translation(
        publish(NetworkIndexPageFactory(parent=home, title="Nettverk", slug="nettverk")), nn
    )


@pytest.fixture
def unit_list(network_index, nn):
    index, _ = network_index
    page = publish(ServiceUnitListPageFactory(parent=index, title="Tjenestesteder", slug="tjenestesteder"))
    return with_translation(page, nn)


def restrict_to_members(page):
    """The GROUPS view restriction the intranet root carries (translations may copy it already)."""
    restriction, _ = PageViewRestriction.objects.get_or_create(
        page=page, defaults={"restriction_type": PageViewRestriction.GROUPS}
    )
    restriction.groups.set(Group.objects.filter(name__in=INTRANET_GROUPS))
    return restriction


def private_collection():
    """The closed «Intranett» document collection (the demo has one already when it is loaded)."""
    collection = Collection.objects.filter(name=INTRANET_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=INTRANET_COLLECTION)
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    restriction.groups.set(Group.objects.filter(name__in=INTRANET_GROUPS))
    return collection


def private_document(title):
    return get_document_model().objects.create(
        title=title,
        collection=private_collection(),
        file=ContentFile(demo_pdf([title]), name=f"{title.lower().replace(' ', '-')}.pdf"),
    )


@pytest.fixture
def groups(network_index, nn):
    """Two network groups in both languages: the Prøvemøtet and the Ledermøtet."""
    index, _ = network_index
    return {
        slug: with_translation(
            publish(NetworkGroupPageFactory(parent=index, title=title, slug=slug, chair=None)), nn
        )[0]
        for slug, title in (("provemotet", "Prøvemøtet"), ("ledermotet", "Ledermøtet"))
    }


@pytest.fixture
def intranet(portal, groups, nn):
    """The smallest whole intranet, in both languages: the restricted start page, training with one
    package and its private file, the meeting plan with one past and one coming meeting of the
    Prøvemøtet (minutes in the private collection), the progress plan and one report form."""
    home, _ = portal
    t = Glossary()
    root = publish(
        IntranetPageFactory(
            parent=home, title=t.text("Intranett", "Intranett"), slug=t.text("intranett", "intranett")
        )
    )
    restrict_to_members(root)
    training = publish(
        TrainingIndexPageFactory(
            parent=root, title=t.text("Opplæring", "Opplæring"), slug=t.text("opplaering", "opplaering")
        )
    )
    handout = private_document("Utdelingsark om samtalen")
    package = publish(
        TrainingPackagePageFactory(
            parent=training,
            title=t.text("Samtalen med foreldre", "Samtalen med foreldre"),
            slug=t.text("samtalen", "samtalen"),
            theme="samtaler",
            audience="ledere",
            body=[("documents", {"title": "", "documents": [{"document": handout, "title": ""}]})],
        )
    )
    plan = publish(
        MeetingPlanPageFactory(
            parent=root, title=t.text("Møteplan", "Møteplan"), slug=t.text("moteplan", "moteplan")
        )
    )
    progress = publish(
        ProgressPlanPageFactory(
            parent=root,
            title=t.text("Framdriftsplan", "Framdriftsplan"),
            slug=t.text("framdriftsplan", "framdriftsplan"),
            year=t.text("2026/2027", "2026/2027"),
        )
    )
    form = ReportFormPageFactory(
        parent=root, title=t.text("Rapportskjemaet", "Rapportskjemaet"), slug=t.text("rapport", "rapport")
    )
    ReportFormFieldFactory(page=form, label=t.text("Hva har fungert?", "Kva har fungert?"))
    publish(form)
    pages = [root, training, package, plan, progress, form]
    nn_pages = [translate(page, t) for page in pages]
    restrict_to_members(nn_pages[0])

    agenda = [
        (
            "item",
            {
                "title": t.text("Drøfting med samtykke", "Drøfting med samtykke"),
                "part": "consent",
                "note": "",
            },
        )
    ]
    past = MeetingFactory(
        group=groups["provemotet"],
        title=t.text("Forrige prøvemøte", "Førre prøvemøte"),
        place=t.text("Rådhuset", "Rådhuset"),
        starts_at=timezone.now() - datetime.timedelta(days=10),
        minutes=private_document("Referat fra prøvemøtet"),
        agenda=agenda,
    )
    coming = MeetingFactory(
        group=groups["provemotet"],
        title=t.text("Neste prøvemøte", "Neste prøvemøte"),
        place=t.text("Rådhuset", "Rådhuset"),
        agenda=agenda,
    )
    for meeting in (past, coming):
        translate(meeting, t)
    return SimpleNamespace(
        root=root,
        training=training,
        package=package,
        plan=plan,
        progress=progress,
        form=form,
        pages=pages,
        nn_pages=nn_pages,
        meetings=[past, coming],
        documents=[handout, past.minutes],
        nn=dict(zip(("root", "training", "package", "plan", "progress", "form"), nn_pages, strict=True)),
    )


@pytest.fixture
def only_our_units(db):
    """No service units but the ones the test makes (the demo's, when loaded, come back at rollback)."""
    ServiceUnit.objects.all().delete()


# 10:15:42.123456 UTC in June is 12:15 in Oslo (summer time): the file shows the Oslo minute.
SENT = datetime.datetime(2026, 6, 3, 10, 15, 42, 123456, tzinfo=datetime.UTC)
UPDATED = datetime.datetime(2026, 11, 20, 7, 5, 9, 999999, tzinfo=datetime.UTC)  # 08:05 in winter


@pytest.fixture
def answered_form(portal, nn, only_our_units):
    """A form with a text, a number and a date question; Åsen has answered, Bakken and Lia have not
    (Lia is no pilot, and this form asks all units)."""
    home, _ = portal
    t = Glossary()
    intranet = IntranetPageFactory(parent=home, title="Intranett", slug="intranett")
    intranet.save_revision().publish()
    intranet.copy_for_translation(nn).save_revision().publish()
    page = ReportFormPageFactory(
        parent=intranet,
        title=t.text("Eksportskjema", "Eksportskjema"),
        slug=t.text("eksportskjema", "eksportskjema"),
        intro=t.text("Ingress", "Ingress"),
        deadline=timezone.now() + datetime.timedelta(days=5),
        audience="all",
    )
    for label, field_type in (
        (t.text("Hva har fungert?", "Kva har fungert?"), "multiline"),
        (t.text("Antall møter", "Tal på møte"), "number"),
        (t.text("Andel", "Del"), "number"),
        (t.text("Dato for møtet", "Dato for møtet"), "date"),
    ):
        ReportFormFieldFactory(page=page, label=label, field_type=field_type, required=False)
    page.save_revision().publish()
    translate(page, t)
    asen = ServiceUnitFactory(name="Åsen skole", is_pilot=True)
    ServiceUnitFactory(name="Bakken skole", is_pilot=True)
    ServiceUnitFactory(name="Lia skole", is_pilot=False)
    keys = [field.clean_name for field in page.get_form_fields()]
    user = get_user_model().objects.create_user("agent-asen", first_name="Åse", last_name="Agent")
    submission = ReportSubmission.objects.create(
        page=page,
        unit=asen,
        user=user,
        form_data={keys[0]: "=1+1 i teksten", keys[1]: "6", keys[2]: "0.75", keys[3]: "2026-05-28"},
    )
    ReportSubmission.objects.filter(pk=submission.pk).update(submit_time=SENT, updated_at=UPDATED)
    return page
