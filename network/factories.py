from wagtail.models import Locale

import factory
import wagtail_factories

from .models import (
    NetworkGroupPage,
    NetworkIndexPage,
    Person,
    RolePage,
    ServiceUnit,
    ServiceUnitAgent,
    ServiceUnitListPage,
)


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    title = "Rådgiver"
    department = "Fagstab oppvekst"
    phone = factory.Sequence(lambda n: f"12 34 {n // 100 % 100:02d} {n % 100:02d}")
    email = factory.Sequence(lambda n: f"person{n}@provestad.example")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Person


class ServiceUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tjenestested {n}")
    unit_type = ServiceUnit.KINDERGARTEN
    leader = factory.SubFactory(PersonFactory)
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ServiceUnit


class ServiceUnitAgentFactory(factory.django.DjangoModelFactory):
    unit = factory.SubFactory(ServiceUnitFactory)
    person = factory.SubFactory(PersonFactory)
    locale = factory.SelfAttribute("unit.locale")

    class Meta:
        model = ServiceUnitAgent


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nettverk {n}")
    intro = factory.Faker("sentence", locale="no_NO")

    class Meta:
        model = NetworkIndexPage


class NetworkGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Gruppe {n}")
    intro = factory.Faker("sentence", locale="no_NO")
    level = NetworkGroupPage.SERVICE
    meeting_rhythm = "Hver 6.–8. uke"

    class Meta:
        model = NetworkGroupPage


class RolePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rolle {n}")
    intro = factory.Faker("sentence", locale="no_NO")
    mandate = "<p>Mandat</p>"

    class Meta:
        model = RolePage


class ServiceUnitListPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tjenestesteder {n}")

    class Meta:
        model = ServiceUnitListPage
