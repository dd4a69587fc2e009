from wagtail.models import Locale

import factory
import wagtail_factories

from .models import (
    ConcernPage,
    GuideIndexPage,
    GuideLevelPage,
    ServiceAreaGuidePage,
    ServiceDirectoryPage,
    ServicePage,
    Tool,
    ToolLibraryPage,
)


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Handlingsveileder {n}")
    intro = "Slik arbeider vi når vi er bekymret for et barn."

    class Meta:
        model = GuideIndexPage


class ServiceAreaGuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tjenesteområde {n}")

    class Meta:
        model = ServiceAreaGuidePage


class GuideLevelPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nivå {n % 4}")
    level = factory.Sequence(lambda n: n % 4)

    class Meta:
        model = GuideLevelPage


class ToolLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Verktøy"

    class Meta:
        model = ToolLibraryPage


class ConcernPageFactory(wagtail_factories.PageFactory):
    title = "Er du bekymret for et barn?"

    class Meta:
        model = ConcernPage


class ToolDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Skjema {n}")
    file = factory.django.FileField(filename="skjema.pdf", data=b"%PDF-1.4\n%%EOF\n")


class ToolFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Verktøy {n}")
    description = "Et skjema til bruk i samarbeidet med foreldrene."
    document = factory.SubFactory(ToolDocumentFactory)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Tool


class ServiceDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Hjelpetilbud"
    intro = "Hvem kan hjelpe? Alle tilbud for gravide, barn, unge og familier."
    brochure_intro = "Her finner du hjelp i kommunen."

    class Meta:
        model = ServiceDirectoryPage


class ServicePageFactory(wagtail_factories.PageFactory):
    """A published service. Its target groups and topics are vocabulary slugs (guide/vocabulary.py);
    the ways to get help are the model's defaults (free, contact them yourself) unless given.
    Traits: `emergency=True` (akutt hjelp, listed first), `open_all_day=True` (åpent hele døgnet)."""

    title = factory.Sequence(lambda n: f"Hjelpetilbud {n}")
    intro = "Samtaler og råd for barn og foreldre."
    provider = "Fjordvik kommune"
    target_groups = factory.LazyFunction(lambda: ["6-12", "foreldre"])
    topics = factory.LazyFunction(lambda: ["familie"])
    is_emergency = False
    always_open = False
    is_free = True
    self_referral = True
    needs_referral = False
    drop_in = False
    anonymous = False
    phone = factory.Sequence(lambda n: f"12 34 {60 + n // 100 % 40:02d} {n % 100:02d}")
    email = factory.Sequence(lambda n: f"tilbud{n}@fjordvik.example")
    address = "Storgata 1, 9999 Fjordvik"
    opening_hours = "Hverdager kl. 08.00–15.30"

    class Meta:
        model = ServicePage

    class Params:
        emergency = factory.Trait(is_emergency=True, topics=factory.LazyFunction(lambda: ["akutt"]))
        open_all_day = factory.Trait(always_open=True, opening_hours="Hele døgnet")
