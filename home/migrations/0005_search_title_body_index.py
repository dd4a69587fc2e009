"""GIN index on `title || body` of Wagtail's search index table (PostgreSQL only).

The site search matches `title || body @@ query` (Wagtail's database backend does the same). The
table has GIN indexes on `title` and on `body`, but none on the combination, so every match was a
scan of every entry. modelsearch documents this index as created "in a SQL migration"; Wagtail's
`wagtailsearch` migrations do not create it. SQLite searches through its FTS5 table instead."""

from django.db import migrations

INDEX = "home_search_title_body_gin"
TABLE = "wagtailsearch_indexentry"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ((title || body))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_editorial_workflow"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
