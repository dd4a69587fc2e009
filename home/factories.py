from wagtail.models import Locale

import factory
import wagtail_factories

from .models import AccessibilityStatementPage, ContentPage, HomePage, SiteProfile, SynonymGroup


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Forside {n}")
    intro = factory.Faker("sentence", locale="no_NO")

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Innholdsside {n}")
    intro = factory.Faker("sentence", locale="no_NO")

    class Meta:
        model = ContentPage


class SiteProfileFactory(factory.django.DjangoModelFactory):
    municipality_name = "Prøvestad kommune"
    phone = "12 34 56 00"
    email = "post@provestad.example"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = SiteProfile


class SynonymGroupFactory(factory.django.DjangoModelFactory):
    terms = "uro, undring, bekymring"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = SynonymGroup


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Tilgjengelighetserklæring"
    feedback_email = "uu@provestad.example"
    last_reviewed = factory.Faker("date_this_year")

    class Meta:
        model = AccessibilityStatementPage
