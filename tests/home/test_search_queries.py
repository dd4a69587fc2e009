"""The real-query set: what people type (in both written forms, misspelt too) and the page that
must be on the first results page, over the demo content. Prints the share of queries whose pages
are among the first ten results, per written form."""

import io

from django.core.management import call_command

import pytest

from tests.portal import parse

pytestmark = pytest.mark.django_db

FIRST_PAGE = 10

# (query, pages that must be among the first ten results), per language.
QUERIES = {
    "nb": [
        ("bekymring", ["/nb/bekymret-for-et-barn/"]),
        ("bekymret for et barn", ["/nb/bekymret-for-et-barn/"]),
        ("uro", ["/nb/bekymret-for-et-barn/"]),
        ("undring", ["/nb/handlingsveileder/barnehage/niva-0/"]),
        ("vold", ["/nb/hjelpetilbud/krisesenteret/"]),
        ("vald", ["/nb/hjelpetilbud/krisesenteret/"]),
        ("legevakt", ["/nb/hjelpetilbud/legevakten/"]),
        ("helsestasjon", ["/nb/hjelpetilbud/helsestasjonen/"]),
        ("helsestasjn", ["/nb/hjelpetilbud/helsestasjonen/"]),
        ("helsesøster", ["/nb/hjelpetilbud/skolehelsetjenesten/"]),
        ("helsesykepleier", ["/nb/hjelpetilbud/skolehelsetjenesten/"]),
        ("barnevern", ["/nb/hjelpetilbud/barneverntjenesten/"]),
        ("barnevernvakt", ["/nb/hjelpetilbud/barnevernvakten/"]),
        ("handlingsveileder", ["/nb/handlingsveileder/"]),
        ("rettleiar", ["/nb/handlingsveileder/"]),
        ("stafettholder", ["/nb/nettverk/stafettholder/"]),
        ("stafetthaldar", ["/nb/nettverk/stafettholder/"]),
        ("rus", ["/nb/hjelpetilbud/rustelefonen/"]),
        ("jordmor", ["/nb/hjelpetilbud/jordmortjenesten/"]),
        ("tannlege", ["/nb/hjelpetilbud/tannhelsetjenesten/"]),
        ("fastlege", ["/nb/hjelpetilbud/fastlegen/"]),
        ("ppt", ["/nb/hjelpetilbud/ppt/"]),
    ],
    "nn": [
        ("bekymring", ["/nn/uroa-for-eit-barn/"]),
        ("uroa for eit barn", ["/nn/uroa-for-eit-barn/"]),
        ("uro", ["/nn/uroa-for-eit-barn/"]),
        ("undring", ["/nn/handlingsrettleiar/barnehage/niva-0/"]),
        ("vold", ["/nn/hjelpetilbod/krisesenteret/"]),
        ("vald", ["/nn/hjelpetilbod/krisesenteret/"]),
        ("legevakt", ["/nn/hjelpetilbod/legevakta/"]),
        ("helsestasjon", ["/nn/hjelpetilbod/helsestasjonen/"]),
        ("helsestasjn", ["/nn/hjelpetilbod/helsestasjonen/"]),
        ("helsesøster", ["/nn/hjelpetilbod/skulehelsetenesta/"]),
        ("helsesjukepleiar", ["/nn/hjelpetilbod/skulehelsetenesta/"]),
        ("barnevern", ["/nn/hjelpetilbod/barnevernstenesta/"]),
        ("barnevernstjenesten", ["/nn/hjelpetilbod/barnevernstenesta/"]),
        ("handlingsrettleiar", ["/nn/handlingsrettleiar/"]),
        ("veileder", ["/nn/handlingsrettleiar/"]),
        ("stafetthaldar", ["/nn/nettverk/stafetthaldar/"]),
        ("stafettholder", ["/nn/nettverk/stafetthaldar/"]),
        ("rus", ["/nn/hjelpetilbod/rustelefonen/"]),
        ("jordmor", ["/nn/hjelpetilbod/jordmortenesta/"]),
        ("tannlege", ["/nn/hjelpetilbod/tannhelsetenesta/"]),
        ("fastlege", ["/nn/hjelpetilbod/fastlegen/"]),
        ("ppt", ["/nn/hjelpetilbod/ppt/"]),
    ],
}


def first_results(client, language, query):
    html = client.get(f"/{language}/sok/", {"q": query}).content.decode()
    return [link["href"] for link in parse(html).select("li.search-result h2 a")][:FIRST_PAGE]


def test_real_queries_find_their_pages_on_the_first_results_page(client, capsys):
    call_command("load_demo_content", "--no-users", stdout=io.StringIO())
    misses = {}
    for language, queries in QUERIES.items():
        found = 0
        for query, pages in queries:
            shown = first_results(client, language, query)
            if all(page in shown for page in pages):
                found += 1
            else:
                misses[(language, query)] = shown
        precision = f"{found}/{len(queries)} = {found / len(queries):.2f}"
        with capsys.disabled():
            print(f"\nsearch precision at {FIRST_PAGE} ({language}): {precision}")  # noqa: T201 - the figures are the point
    assert not misses, "\n".join(f"{key}: {shown}" for key, shown in misses.items())
