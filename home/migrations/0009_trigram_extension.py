# pg_trgm for the search's «Mente du …?» (home/suggestions.py). Django's TrigramExtension does
# nothing on other databases (SQLite), where the suggestions use difflib.
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("home", "0008_search_synonyms")]

    operations = [TrigramExtension()]
