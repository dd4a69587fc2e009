"""Backup and restore (django-dbbackup) into an empty database, run like an operator would."""

import json
import os
import subprocess
import sys

from django.conf import settings

import pytest

SNAPSHOT = """
import json, os
from wagtail.models import Page
from wagtail.documents import get_document_model
from wagtail.contrib.forms.models import FormSubmission
documents = get_document_model().objects.all()
print(json.dumps({
    "pages": sorted(Page.objects.values_list("url_path", "locale__language_code", "live")),
    "documents": sorted((d.title, d.file.name, os.path.exists(d.file.path)) for d in documents),
    "submissions": FormSubmission.objects.count(),
}))
"""

SEED_DOCUMENT_AND_SUBMISSION = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page
get_document_model().objects.create(title="Referat styringsgruppe", file=ContentFile(b"%PDF-1.4 referat", name="referat.pdf"))
FormSubmission.objects.create(page=Page.objects.filter(depth=2).first(), form_data={"svar": "Evaluering fra pilot"})
"""


def run(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def portal_env(directory, name):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{directory / (name + '.sqlite3')}",
        "MEDIA_ROOT": str(directory / f"media-{name}"),
        "BACKUP_DIR": str(directory / "backups"),
    }


def snapshot(env):
    return json.loads(run(env, "shell", "-c", SNAPSHOT).strip().splitlines()[-1])


@pytest.mark.slow
def test_restore_into_an_empty_database_finds_pages_documents_and_submissions(tmp_path):
    original = portal_env(tmp_path, "original")
    run(original, "migrate", "--noinput")
    # The tests' portal: two language trees, snippets, translations, a view restriction.
    run(original, "shell", "-c", "from tests.portal import build_portal; build_portal()")
    run(original, "shell", "-c", SEED_DOCUMENT_AND_SUBMISSION)
    before = snapshot(original)
    assert before["pages"] and before["documents"] and before["submissions"] >= 1

    run(original, "dbbackup", "--noinput", "-o", "portal.dump")
    run(original, "mediabackup", "--noinput", "-o", "media.tar")

    restored = portal_env(tmp_path, "restored")  # a database file that does not exist yet
    run(restored, "dbrestore", "--noinput", "-i", "portal.dump")
    run(restored, "mediarestore", "--noinput", "-i", "media.tar")
    assert snapshot(restored) == before
