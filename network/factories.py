import datetime

from django.utils import timezone

from wagtail.models import Locale

import factory
import wagtail_factories

from .models import (
    IntranetPage,
    Meeting,
    MeetingPlanPage,
    NetworkGroupPage,
    NetworkIndexPage,
    Person,
    ProgressPlanPage,
    ReportFormField,
    ReportFormPage,
    RolePage,
    ServiceUnit,
    ServiceUnitAgent,
    ServiceUnitListPage,
    TrainingIndexPage,
    TrainingPackagePage,
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


class IntranetPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Intranett {n}")

    class Meta:
        model = IntranetPage


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Opplæring {n}")

    class Meta:
        model = TrainingIndexPage


class TrainingPackagePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Opplæringspakke {n}")
    theme = "modellen"
    audience = "alle"

    class Meta:
        model = TrainingPackagePage


class MeetingPlanPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Møteplan {n}")

    class Meta:
        model = MeetingPlanPage


class ProgressPlanPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Framdriftsplan {n}")
    year = "2026/2027"

    class Meta:
        model = ProgressPlanPage


class ReportFormPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rapportskjema {n}")
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    audience = ReportFormPage.PILOTS

    class Meta:
        model = ReportFormPage


class ReportFormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ReportFormPageFactory)
    label = factory.Sequence(lambda n: f"Spørsmål {n}")
    field_type = "multiline"
    required = True
    locale = factory.SelfAttribute("page.locale")

    class Meta:
        model = ReportFormField


class MeetingFactory(factory.django.DjangoModelFactory):
    group = factory.SubFactory(NetworkGroupPageFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda meeting: meeting.starts_at + datetime.timedelta(hours=3))
    place = "Rådhuset, møterom 1"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Meeting
