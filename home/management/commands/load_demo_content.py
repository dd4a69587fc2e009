"""Build the demo portal in Bokmål and Nynorsk. Safe to run again: what exists is kept."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

# Each app contributes its part; order matters (the guide links to pages the home part made).
SECTION_LOADERS = [
    "home.demo.content.load",
    "guide.demo.services.load",  # before the guide: the concern page links services
    "guide.demo.action_guide.load",
    "network.demo.load",
    "home.demo.editorial.load",
    "home.demo.synonyms.load",
]

# For the demo only: printed by `make run`, never created by migrations or in production.
DEMO_USERS = [
    ("redaktor", "Rita Redaktør", "redaktor@fjordvik.example", "Redaktører", "demo-redaktor-2026"),
    (
        "koordinator",
        "Kari Koordinator",
        "koordinator@fjordvik.example",
        "Koordinatorer",
        "demo-koordinator-2026",
    ),
    ("agent", "Anders Agent", "agent@fjordvik.example", "BTI-agenter", "demo-agent-2026"),
]


class Command(BaseCommand):
    help = "Lager demoinnhold på bokmål og nynorsk (og demobrukere der innstillingene tillater det)."

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help="Ikke lag demobrukere.")

    def handle(self, *args, no_users=False, **options):
        # Users first: the network section links the demo agent to its service unit.
        if not no_users:
            self.create_demo_users()
        for dotted_path in SECTION_LOADERS:
            self.stdout.write(f"Demoinnhold: {dotted_path}")
            import_string(dotted_path)(self.stdout)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demoinnholdet er på plass."))

    def create_demo_users(self):
        if not settings.DEMO_USERS_ALLOWED:
            raise CommandError(
                "Demobrukere kan ikke lages med disse innstillingene (DEMO_USERS_ALLOWED=False)."
            )
        User = get_user_model()
        self.stdout.write("Demobrukere (bare for demo):")
        for username, full_name, email, group_name, password in DEMO_USERS:
            first_name, last_name = full_name.split(" ", 1)
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": email, "first_name": first_name, "last_name": last_name}
            )
            if created:
                user.set_password(password)
                user.save()
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(f"  {username:<12} passord: {password:<22} gruppe: {group_name}")
