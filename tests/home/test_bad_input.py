"""Whatever a visitor types into a URL, the portal answers with a normal status, never a 500."""

from urllib.parse import quote

from wagtail.models import Page

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal")]
OK_STATUSES = {200, 301, 302, 400, 403, 404}
PARAMETER_NAMES = [
    "q",
    "side",
    "seksjon",
    "niva",
    "nivaa",
    "omrade",
    "omraade",
    "malgruppe",
    "tema",
    "type",
    "enhet",
    "page",
    "next",
]
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Everything a browser can send, including NUL, lone surrogates and very long values.
values = st.one_of(
    st.text(max_size=400),
    st.sampled_from(["\x00", "%00", "' OR 1=1 --", "-1", "9" * 40, "😀", "\ud800", "x" * 10_000]),
)


def filterable_page_urls():
    """Pages that read GET parameters: search, plus every listing with filters that the apps define."""
    urls = ["/nb/sok/", "/nn/sok/"]
    for page in Page.objects.live().public().filter(depth__gt=2).specific():
        if type(page).__name__.endswith(("LibraryPage", "ListPage", "DirectoryPage", "IndexPage")):
            urls.append(page.url)
    return sorted(set(urls))


@FUZZ
@given(data=st.data())
def test_get_parameters_never_cause_an_error(client, data):
    url = data.draw(st.sampled_from(filterable_page_urls()))
    params = data.draw(st.dictionaries(st.sampled_from(PARAMETER_NAMES), values, max_size=4))
    query = "&".join(f"{quote(k)}={quote(v, safe='', errors='replace')}" for k, v in params.items())
    response = client.get(f"{url}?{query}")
    assert response.status_code in OK_STATUSES


@FUZZ
@given(prefix=st.sampled_from(["", "nb/", "nn/", "no/", "en/", "nb/nn/"]), path=st.text(max_size=200))
def test_any_path_under_any_language_prefix(client, prefix, path):
    response = client.get("/" + prefix + quote(path, safe="/", errors="replace"))
    assert response.status_code in OK_STATUSES
