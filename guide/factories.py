from wagtail.models import Locale

import factory
import wagtail_factories

from .models import (
    ConcernPage,
    GuideIndexPage,
    GuideLevelPage,
    ServiceAreaGuidePage,
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
