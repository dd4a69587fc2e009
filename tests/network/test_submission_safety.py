"""Report forms under bad input, under concurrency, and their retention.

- Property-based (hypothesis): whatever an agent POSTs – NUL, lone surrogates, huge values, missing
  and extra fields, repeated keys, national identity numbers – the answer is 200/302/400/403/404,
  never a 500, and a refused submission leaves every stored answer exactly as it was.
- Concurrency on PostgreSQL, out of process (the session's demo data must not be flushed): 50 units
  send at once and each answer is stored once; two agents of one unit sending at once leave one row.
- Retention: `delete_old_submissions` is a dry run unless told `--apply`.
"""

import datetime
import io
import json
import os
import secrets
import subprocess
import sys
import unicodedata
from urllib.parse import quote, quote_plus

from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django.utils.html import escape

from wagtail.contrib.forms.models import FormSubmission

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from home.retention import months_before
from network.factories import (
    IntranetPageFactory,
    ReportFormFieldFactory,
    ReportFormPageFactory,
    ServiceUnitAgentFactory,
    ServiceUnitFactory,
)
from network.models import ReportSubmission
from network.national_id import contains_national_id

pytestmark = pytest.mark.django_db

OK_STATUSES = {200, 302, 400, 403, 404}
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

# (label, field type, required, choices). Labels are ASCII so the keys are easy to read in failures.
QUESTIONS = [
    ("Hva har fungert", "multiline", True, ""),
    ("Kort svar", "singleline", False, ""),
    ("Antall moter", "number", False, ""),
    ("Kontakt", "email", False, ""),
    ("Dato", "date", False, ""),
    ("Tema", "checkboxes", False, "Samtaler\nStafettlogg\nKompetanse"),
    ("Niva", "dropdown", False, "Niva 0\nNiva 1\nNiva 2\nNiva 3"),
]


# --- helpers -------------------------------------------------------------------------------------


# The control digits as Skatteetaten describes them, written out here rather than taken from
# network/national_id.py, so the tests do not check the code with itself.
SPEC_WEIGHTS_1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
SPEC_WEIGHTS_2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def spec_control_digit(digits: str, weights) -> int | None:
    check = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return {11: 0, 10: None}.get(check, check)


def national_id(birth: datetime.date, serial: int, d_number: bool, h_number: bool = False) -> str | None:
    """A valid fødselsnummer (D-nummer: day + 40, H-nummer: month + 40), or None when the serial
    has no valid control digit."""
    day = birth.day + 40 if d_number else birth.day
    month = birth.month + 40 if h_number else birth.month
    digits = f"{day:02d}{month:02d}{birth.year % 100:02d}{serial:03d}"
    first = spec_control_digit(digits, SPEC_WEIGHTS_1)
    if first is None:
        return None
    second = spec_control_digit(digits + str(first), SPEC_WEIGHTS_2)
    if second is None:
        return None
    return f"{digits}{first}{second}"


@st.composite
def national_ids(draw):
    birth = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2039, 12, 31)))
    d_number, h_number = draw(st.booleans()), draw(st.booleans())
    serial = draw(st.integers(0, 999))
    # About a third of the serials have no valid control digit: take the next one that has.
    return next(
        number
        for offset in range(1000)
        if (number := national_id(birth, (serial + offset) % 1000, d_number, h_number)) is not None
    )


def with_wrong_control_digits(draw, number: str) -> str:
    """Same date, same shape, control digits wrong (a typo, or a number made up to look real)."""
    return number[:9] + f"{(int(number[9:]) + draw(st.integers(1, 99))) % 100:02d}"


@st.composite
def written_national_ids(draw, valid=True):
    """A national ID as people type it: plain, or with a space, dot or dash after the date part."""
    number = draw(national_ids())
    if not valid:
        number = with_wrong_control_digits(draw, number)
    separator = draw(st.sampled_from(["", " ", ".", "-"]))
    return number[:6] + separator + number[6:]


# What may stand between two digits: what people type, what copy-paste brings along (no-break and
# zero-width spaces, soft hyphens, word joiners, byte order marks) and full-width punctuation.
SEPARATORS = [
    " ", ".", "-", "/", ",", "\t", "\u00a0", "\u2009", "\u202f", "\u3000",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad",
    "\uff0e", "\uff0d", "\uff0f", "\u2010", "\u2011", "\u2013", "\u2212",
]  # fmt: skip


def digit_variants(digit: str) -> list[str]:
    """The digit in other scripts and forms: full-width, Arabic-Indic, Devanagari, mathematical."""
    value = int(digit)
    return [digit, chr(0xFF10 + value), chr(0x0660 + value), chr(0x0966 + value), chr(0x1D7CE + value)]


@st.composite
def disguised(draw, number: str) -> str:
    """The 11 digits, each perhaps in another script, with up to two separators between any two."""
    written = []
    for index, digit in enumerate(number):
        if index:
            written.append("".join(draw(st.lists(st.sampled_from(SEPARATORS), max_size=2))))
        written.append(draw(st.sampled_from(digit_variants(digit))))
    return "".join(written)


@st.composite
def disguised_national_ids(draw):
    """Valid or not, D/H or not, written in any of the ways above."""
    number = draw(national_ids())
    if draw(st.booleans()):
        number = with_wrong_control_digits(draw, number)
    return draw(disguised(number))


def spec_is_date(digits: str) -> bool:
    """ddmmyy is a date in 1800–2099, with the D- and H-nummer offsets (written out for the tests)."""
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    day, month = day - 40 * (day > 40), month - 40 * (month > 40)
    for century in (1800, 1900, 2000):
        try:
            datetime.date(century + year, month, day)
        except ValueError:
            continue
        return True
    return False


eleven_digits_without_a_date = st.text(alphabet="0123456789", min_size=11, max_size=11).filter(
    lambda digits: not spec_is_date(digits)
)


# Text with no digits around an embedded number (a digit next to it would make it a longer number).
prose = st.text(
    alphabet=st.characters(exclude_categories=("N", "Cs", "Cc"), exclude_characters="\x00").filter(
        lambda char: not any(c.isdecimal() for c in unicodedata.normalize("NFKC", char))
    ),
    max_size=60,
)

nasty_values = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "\x00",
            "a\x00b",
            "\ud800",
            "x\udfff",
            "😀" * 50,
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            '=HYPERLINK("x")',
            "-1",
            "1e999999999",
            "NaN",
            "Infinity",
            "9" * 400,
            "9999-12-31",
            "0000-00-00",
            "a@b",
            "Samtaler",
            "Niva 2",
        ]
    ),
    # Long values, the last larger than DATA_UPLOAD_MAX_MEMORY_SIZE (built lazily: short reprs).
    st.sampled_from([1_000, 100_000, 3_000_000]).map(lambda size: "x" * size),
    written_national_ids(valid=True),
    written_national_ids(valid=False),
)


def encode(pairs) -> bytes:
    """application/x-www-form-urlencoded as a (possibly broken) browser would send it: lone
    surrogates become invalid UTF-8 bytes, which the server must cope with."""
    return "&".join(
        f"{quote_plus(key.encode('utf-8', 'surrogatepass'))}={quote_plus(value.encode('utf-8', 'surrogatepass'))}"
        for key, value in pairs
    ).encode("ascii")


def post(client, url, pairs, many_fields=False):
    if many_fields:  # more than DATA_UPLOAD_MAX_NUMBER_FIELDS
        pairs = [*pairs, *((f"ekstra{n}", "x") for n in range(1_100))]
    return client.post(url, encode(pairs), content_type="application/x-www-form-urlencoded")


def stored(page):
    """Everything a submission row holds, per unit, to compare before and after."""
    return {
        row["unit_id"]: row
        for row in ReportSubmission.objects.filter(page=page).values(
            "pk", "unit_id", "user_id", "form_data", "submit_time", "updated_at"
        )
    }


def link_agent(make_user, username, unit_name, pilot=True):
    """A BTI-agent's login, linked to a new unit of that name (a pilot unless told otherwise)."""
    user = make_user(username, "BTI-agenter")
    link = ServiceUnitAgentFactory(unit__name=unit_name, unit__is_pilot=pilot, person__user=user)
    return user, link.unit


@pytest.fixture
def fuzz_form(portal):
    """A form with one field of every kind an editor uses, open for the pilots, in the test's own
    intranet."""
    home, _ = portal
    intranet = IntranetPageFactory(parent=home, title="Intranett", slug="intranett")
    intranet.save_revision().publish()
    page = ReportFormPageFactory(
        parent=intranet,
        title="Skjema for feiltesting",
        slug="skjema-for-feiltesting",
        deadline=timezone.now() + datetime.timedelta(days=5),
    )
    for label, field_type, required, choices in QUESTIONS:
        ReportFormFieldFactory(
            page=page, label=label, field_type=field_type, required=required, choices=choices
        )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def answered(fuzz_form, make_user):
    """Two pilot units that have already answered; the logged-in agent belongs to the first."""
    keys = [field.clean_name for field in fuzz_form.get_form_fields()]
    agent, own_unit = link_agent(make_user, "agent-fuzz", "Åsen skole")
    other_agent, other_unit = link_agent(make_user, "agent-annen", "Fjordvik skole")
    for user, unit in ((agent, own_unit), (other_agent, other_unit)):
        ReportSubmission.objects.create(
            page=fuzz_form,
            unit=unit,
            user=user,
            form_data={keys[0]: f"Svaret fra {unit.name}", keys[2]: "3", keys[5]: ["Samtaler"]},
        )
    return agent, own_unit, keys


BASELINE = {0: ["Gyldig svar"], 2: ["4"], 5: ["Samtaler", "Kompetanse"], 6: ["Niva 1"]}


@st.composite
def submissions(draw, keys):
    """A valid answer, then broken: fields left out, fields replaced by nasty values (also several
    times over), invented fields added. Starting from a valid answer keeps many examples near the
    border between stored and refused, where a bug would change saved data."""
    dropped = draw(st.sets(st.sampled_from(keys), max_size=3))
    names = st.one_of(st.sampled_from(keys), st.text(max_size=30), st.just("csrfmiddlewaretoken"))
    changes = draw(st.lists(st.tuples(names, nasty_values), max_size=6))
    changed = {name for name, _value in changes}
    pairs = [
        (keys[index], value)
        for index, values in BASELINE.items()
        for value in values
        if keys[index] not in dropped | changed
    ]
    return pairs + changes


# --- bad input -----------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_any_post_from_an_agent_is_answered_and_refusals_change_nothing(client, fuzz_form, answered, data):
    agent, own_unit, keys = answered
    client.force_login(agent)
    pairs = data.draw(submissions(keys))
    before = stored(fuzz_form)

    response = post(client, fuzz_form.url, pairs)

    event(f"status {response.status_code}")
    assert response.status_code in OK_STATUSES
    after = stored(fuzz_form)
    if response.status_code != 200:
        assert after == before
        return
    # Saved: only the agent's own unit changed, and only the form's own keys were stored.
    assert {unit: row for unit, row in after.items() if unit != own_unit.pk} == {
        unit: row for unit, row in before.items() if unit != own_unit.pk
    }
    row = after[own_unit.pk]
    assert row["pk"] == before[own_unit.pk]["pk"] and row["user_id"] == agent.pk
    assert set(row["form_data"]) == set(keys)
    values = [
        v for value in row["form_data"].values() for v in (value if isinstance(value, list) else [value])
    ]
    assert not any("\x00" in str(v) or contains_national_id(str(v)) for v in values)


@FUZZ
@given(pairs=st.lists(st.tuples(st.text(max_size=20), nasty_values), max_size=5), many=st.booleans())
def test_too_many_fields_or_too_much_data_is_a_400_not_a_500(client, fuzz_form, answered, pairs, many):
    agent, _unit, keys = answered
    client.force_login(agent)
    before = stored(fuzz_form)
    response = post(client, fuzz_form.url, [(keys[0], "Gyldig svar"), *pairs], many_fields=many)
    assert response.status_code in OK_STATUSES
    if many:
        assert response.status_code == 400
    if response.status_code != 200:
        assert stored(fuzz_form) == before


@pytest.fixture
def bystanders(make_user):
    """A member linked to no unit, and the agent of a unit outside the form's audience."""
    outsider = make_user("agent-uten-enhet", "BTI-agenter")
    lia_agent, _lia = link_agent(make_user, "agent-lia", "Lia skole", pilot=False)
    return {"outsider": outsider, "other-unit": lia_agent}


@FUZZ
@given(data=st.data(), who=st.sampled_from(["anonymous", "outsider", "other-unit", "locked"]))
def test_people_who_may_not_answer_change_nothing(client, fuzz_form, answered, bystanders, data, who):
    agent, _unit, keys = answered
    client.logout()
    deadline = timezone.now() + datetime.timedelta(days=5)
    if who == "locked":
        deadline = timezone.now() - datetime.timedelta(minutes=1)
    type(fuzz_form).objects.filter(pk=fuzz_form.pk).update(deadline=deadline)
    if who != "anonymous":
        client.force_login(agent if who == "locked" else bystanders[who])
    before = stored(fuzz_form)

    response = post(client, fuzz_form.url, data.draw(submissions(keys)))

    assert response.status_code == (302 if who == "anonymous" else 403)
    assert stored(fuzz_form) == before


@FUZZ
@given(before_text=prose, after_text=prose, number=written_national_ids(valid=True))
def test_a_valid_national_id_anywhere_is_refused_and_nothing_changes(
    client, fuzz_form, answered, before_text, after_text, number
):
    agent, _unit, keys = answered
    client.force_login(agent)
    text = f"{before_text}{number}{after_text}"
    for key in (keys[0], keys[1]):  # the long and the short text field
        previous = stored(fuzz_form)
        pairs = [(keys[0], "Gyldig svar"), (key, text)] if key != keys[0] else [(key, text)]
        response = post(client, fuzz_form.url, pairs)
        assert response.status_code == 400
        assert "fødselsnummer eller D-nummer" in response.content.decode()
        assert stored(fuzz_form) == previous


@FUZZ
@given(number=national_ids(), field=st.sampled_from([2, 3]))
def test_a_national_id_in_a_number_or_email_field_is_refused(client, fuzz_form, answered, number, field):
    """A number field would store «15038712345» as a number, which the text check once missed."""
    agent, _unit, keys = answered
    client.force_login(agent)
    previous = stored(fuzz_form)
    value = number if field == 2 else f"{number}@fjordvik.example"
    response = post(client, fuzz_form.url, [(keys[0], "Gyldig svar"), (keys[field], value)])
    assert response.status_code == 400
    assert "fødselsnummer eller D-nummer" in response.content.decode()
    assert stored(fuzz_form) == previous


@FUZZ
@given(before_text=prose, after_text=prose, number=disguised_national_ids())
def test_a_disguised_national_id_is_refused_whatever_its_control_digits(
    client, fuzz_form, answered, before_text, after_text, number
):
    """Separators between any digits, digits of other scripts, wrong control digits: all refused
    with the same message, and the typed text stays in the form."""
    agent, _unit, keys = answered
    client.force_login(agent)
    previous = stored(fuzz_form)
    text = f"{before_text}{number}{after_text}"
    response = post(client, fuzz_form.url, [(keys[0], text)])
    assert response.status_code == 400
    html = response.content.decode()
    assert "fødselsnummer eller D-nummer" in html
    assert escape(text.strip()) in html or escape(text) in html
    assert stored(fuzz_form) == previous


@settings(max_examples=300, deadline=None)
@given(number=national_ids(), data=st.data())
def test_the_guard_finds_every_disguise(number, data):
    """The same, without the web round trip, so many more examples run."""
    if data.draw(st.booleans()):
        number = with_wrong_control_digits(data.draw, number)
    text = data.draw(prose) + data.draw(disguised(number)) + data.draw(prose)
    assert contains_national_id(text)


@FUZZ
@given(before_text=prose, after_text=prose, digits=eleven_digits_without_a_date)
def test_eleven_digits_that_do_not_start_with_a_date_are_stored(
    client, fuzz_form, answered, before_text, after_text, digits
):
    agent, own_unit, keys = answered
    client.force_login(agent)
    text = f"{before_text}{digits[:6]} {digits[6:]}{after_text}"
    assume(text.strip())
    response = post(client, fuzz_form.url, [(keys[0], text)])
    assert response.status_code == 200
    assert stored(fuzz_form)[own_unit.pk]["form_data"][keys[0]] == text.strip()


# --- concurrency (PostgreSQL, out of process) --------------------------------------------------

SINGLE_UNITS = 50  # each answers once, all at the same moment
DOUBLE_UNITS = 5  # each answers twice at the same moment: a double click and two agents of one unit

CONCURRENT_SUBMISSIONS = """
import json, threading, datetime
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connections
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Site
from network.models import IntranetPage, ReportFormField, ReportFormPage, ReportSubmission
from network.models import Person, ServiceUnit, ServiceUnitAgent

SINGLE, DOUBLE = %(single)d, %(double)d
locale = Locale.get_default()
root = Site.objects.get(is_default_site=True).root_page
intranet = root.add_child(instance=IntranetPage(title="Intranett", slug="intranett", locale=locale))
form_page = intranet.add_child(instance=ReportFormPage(
    title="Samtidig", slug="samtidig", locale=locale, audience=ReportFormPage.ALL_UNITS,
    deadline=timezone.now() + datetime.timedelta(days=1)))
ReportFormField.objects.create(page=form_page, label="Svar", field_type="singleline", required=True, locale=locale)
form_page.save_revision().publish()
agents_group = Group.objects.get(name="BTI-agenter")

def agent(unit, username):
    user = get_user_model().objects.create_user(username=username, password="x-not-used-123")
    user.groups.add(agents_group)
    person = Person.objects.create(name=username, user=user, locale=locale)
    ServiceUnitAgent.objects.create(unit=unit, person=person, locale=locale)
    return user

def logged_in(user):
    client = Client()
    client.force_login(user)
    return client

jobs = []  # (unit name, client, answer)
for n in range(SINGLE):
    unit = ServiceUnit.objects.create(name=f"Enhet {n:02d}", unit_type="skole", locale=locale)
    jobs.append((unit.name, logged_in(agent(unit, f"agent{n:02d}")), f"Svar fra enhet {n:02d}"))
for n in range(DOUBLE):
    unit = ServiceUnit.objects.create(name=f"Dobbel {n}", unit_type="skole", locale=locale)
    first = agent(unit, f"dobbel{n}a")
    second = first if n %% 2 == 0 else agent(unit, f"dobbel{n}b")  # double click, or two agents
    jobs += [(unit.name, logged_in(first), f"Dobbel {n} A"), (unit.name, logged_in(second), f"Dobbel {n} B")]
url = form_page.url
connections.close_all()

barrier = threading.Barrier(len(jobs))
results = []
def send(name, client, answer):
    try:
        barrier.wait(timeout=60)
        response = client.post(url, {"svar": answer})
        results.append([name, answer, response.status_code])
    finally:
        connections.close_all()

threads = [threading.Thread(target=send, args=job) for job in jobs]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
rows = ReportSubmission.objects.filter(page=form_page).select_related("unit")
print(json.dumps({
    "url": url,
    "results": sorted(results),
    "rows": sorted([row.unit.name, row.get_data()["svar"]] for row in rows),
}))
"""


def postgres_server():
    """Connection parameters for the server the test database lives on, or None on SQLite."""
    if connection.vendor != "postgresql":
        return None
    db = django_settings.DATABASES["default"]
    return {
        "host": db.get("HOST") or "localhost",
        "port": str(db.get("PORT") or 5432),
        "user": db.get("USER") or "",
        "password": db.get("PASSWORD") or "",
    }


@pytest.mark.slow
def test_parallel_submissions_are_stored_exactly_once_on_postgresql(tmp_path):
    server = postgres_server()
    if server is None:
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://… (SQLite serialises every write)")
    import psycopg
    from psycopg import sql

    name = f"conc_{secrets.token_hex(6)}"
    admin = psycopg.connect(dbname="postgres", autocommit=True, **server)
    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        credentials = quote(server["user"], safe="") + (
            ":" + quote(server["password"], safe="") if server["password"] else ""
        )
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": f"postgres://{credentials}@{server['host']}:{server['port']}/{name}",
            "MEDIA_ROOT": str(tmp_path / "media"),
        }

        def manage(*args):
            result = subprocess.run(
                [sys.executable, "manage.py", *args],
                cwd=django_settings.BASE_DIR,
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=600,
            )
            assert result.returncode == 0, result.stderr[-3000:]
            return result.stdout

        manage("migrate", "--noinput")
        script = CONCURRENT_SUBMISSIONS % {"single": SINGLE_UNITS, "double": DOUBLE_UNITS}
        outcome = json.loads(manage("shell", "-c", script).strip().splitlines()[-1])
    finally:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.close()

    assert outcome["url"] == "/nb/intranett/samtidig/"
    results, rows = outcome["results"], outcome["rows"]
    assert len(results) == SINGLE_UNITS + 2 * DOUBLE_UNITS
    assert {status for _name, _answer, status in results} == {200}  # every sender was told «saved»
    stored_units = [unit for unit, _answer in rows]
    assert len(stored_units) == len(set(stored_units)) == SINGLE_UNITS + DOUBLE_UNITS  # once per unit
    by_unit = dict(rows)
    for n in range(SINGLE_UNITS):
        assert by_unit[f"Enhet {n:02d}"] == f"Svar fra enhet {n:02d}"  # nobody's answer lost or swapped
    for n in range(DOUBLE_UNITS):
        assert by_unit[f"Dobbel {n}"] in {f"Dobbel {n} A", f"Dobbel {n} B"}  # one of the two, whole


# --- retention -----------------------------------------------------------------------------------


def months_ago(months, days=0):
    return months_before(timezone.now(), months) - datetime.timedelta(days=days)


@pytest.fixture
def aged_submissions(fuzz_form, portal):
    """Answers of different ages: last changed 37 and 35 months ago, corrected lately, and plain
    Wagtail form submissions 40 months and 1 day old."""
    units = {
        name: ServiceUnitFactory(name=name, is_pilot=True)
        for name in ["Åsen skole", "Fjordvik skole", "Bjørkelia barnehage"]
    }
    rows = {
        "old": ReportSubmission.objects.create(
            page=fuzz_form, unit=units["Åsen skole"], form_data={"a": "1"}
        ),
        "kept": ReportSubmission.objects.create(page=fuzz_form, unit=units["Fjordvik skole"], form_data={}),
        "corrected": ReportSubmission.objects.create(
            page=fuzz_form, unit=units["Bjørkelia barnehage"], form_data={}
        ),
    }
    ReportSubmission.objects.filter(pk=rows["old"].pk).update(
        submit_time=months_ago(40), updated_at=months_ago(37)
    )
    ReportSubmission.objects.filter(pk=rows["kept"].pk).update(
        submit_time=months_ago(35), updated_at=months_ago(35)
    )
    ReportSubmission.objects.filter(pk=rows["corrected"].pk).update(submit_time=months_ago(40))
    page = portal[0]
    plain_old = FormSubmission.objects.create(page=page, form_data={"svar": "gammelt"})
    plain_new = FormSubmission.objects.create(page=page, form_data={"svar": "nytt"})
    FormSubmission.objects.filter(pk=plain_old.pk).update(submit_time=months_ago(40))
    return rows, plain_old, plain_new


def run_retention(*args):
    out = io.StringIO()
    call_command("delete_old_submissions", *args, stdout=out)
    return out.getvalue()


def test_retention_is_a_dry_run_by_default(aged_submissions):
    rows, plain_old, _plain_new = aged_submissions
    before = (ReportSubmission.objects.count(), FormSubmission.objects.count())
    out = run_retention()
    assert "Skjema for feiltesting: 1 svar" in out
    assert "Tørrkjøring: 2 svar eldre enn" in out and "--apply" in out
    assert (ReportSubmission.objects.count(), FormSubmission.objects.count()) == before


def test_retention_apply_deletes_only_what_is_older_than_the_setting(aged_submissions):
    rows, plain_old, plain_new = aged_submissions
    recent = ReportSubmission.objects.create(page=rows["kept"].page, unit=ServiceUnitFactory(), form_data={})
    others = ReportSubmission.objects.exclude(pk__in=[r.pk for r in rows.values()]).count()
    out = run_retention("--apply")
    assert "2 svar eldre enn" in out and "er slettet" in out
    assert not ReportSubmission.objects.filter(pk=rows["old"].pk).exists()
    assert not FormSubmission.objects.filter(pk=plain_old.pk).exists()
    assert set(ReportSubmission.objects.filter(pk__in=[r.pk for r in rows.values()])) == {
        rows["kept"],
        rows["corrected"],  # sent long ago, but corrected lately: age counts from the last change
    }
    assert FormSubmission.objects.filter(pk=plain_new.pk).exists()
    assert ReportSubmission.objects.filter(pk=recent.pk).exists()
    assert ReportSubmission.objects.count() == others + 2  # nothing else was deleted
    assert "Tørrkjøring: 0 svar" in run_retention()  # nothing left to delete


def test_retention_months_from_setting_and_option(aged_submissions):
    rows, _plain_old, _plain_new = aged_submissions
    with override_settings(SUBMISSION_RETENTION_MONTHS=34):
        assert "Tørrkjøring: 3 svar" in run_retention()
        run_retention("--months", "36", "--apply")  # the option wins over the setting
    assert set(ReportSubmission.objects.filter(pk__in=[r.pk for r in rows.values()])) == {
        rows["kept"],
        rows["corrected"],
    }
    with pytest.raises(CommandError, match="minst 1"):
        run_retention("--months", "0", "--apply")


@pytest.mark.parametrize(
    ("now", "months", "expected"),
    [
        ((2026, 3, 31), 1, (2026, 2, 28)),
        ((2028, 3, 31), 1, (2028, 2, 29)),
        ((2026, 1, 15), 36, (2023, 1, 15)),
        ((2026, 1, 15), 13, (2024, 12, 15)),
    ],
)
def test_months_before_counts_calendar_months(now, months, expected):
    moment = timezone.make_aware(datetime.datetime(*now, 12, 0))
    assert months_before(moment, months).date() == datetime.date(*expected)
