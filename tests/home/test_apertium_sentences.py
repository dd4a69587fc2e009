"""Apertium drafts of real demo sentences agree with Apertium's plain-text translation of each.

The reference is `apertium -f txt` run on one sentence alone, where the sentence's first word is
the first word Apertium sees. The engine translates the same sentences the way editors use it:
many at once in HTML mode, inside paragraphs and after other sentences. apertium-nno-nob 1.5.0
gives capitalised homographs ("Kven", a Kven person) their proper-noun reading whenever they follow
a sentence, which in HTML mode is every segment; the engine's sentence-case handling must make
both agree."""

import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

from django.core.cache import cache

from wagtail_localize.models import String, StringTranslation
from wagtail_localize.strings import StringValue, extract_strings

import pytest

from home.machine_translation import Apertium
from home.machine_translation.apertium import strip_markers

from .test_machine_translation import needs_apertium

pytestmark = pytest.mark.django_db

SENTENCES_PER_DIRECTION = 120
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
TAG = re.compile(r"<[^<>]*>")


def demo_sentences(texts, count):
    """Up to `count` distinct sentences of three words or more, spread over the demo texts."""
    found = []
    for text in texts:
        plain = TAG.sub("", StringValue(text).render_text())
        for sentence in SENTENCE_END.split(plain):
            sentence = " ".join(sentence.split())
            if len(sentence.split()) >= 3 and sentence[0].isupper() and sentence not in found:
                found.append(sentence)
    step = max(1, len(found) // count)
    return found[::step][:count]


def plain_reference(mode, sentence):
    output = subprocess.run(
        [shutil.which("apertium"), "-f", "txt", mode],
        input=sentence + "\n",  # without a final newline Apertium drops a closing full stop
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return strip_markers(output.strip())[0]


@needs_apertium
@pytest.mark.parametrize(
    ("mode", "locale_code"),
    [("nob-nno_e", "nb"), ("nno-nob", "nn")],
)
def test_html_batch_agrees_with_plain_translation_of_each_sentence(mode, locale_code):
    if locale_code == "nb":
        texts = String.objects.filter(locale__language_code="nb").values_list("data", flat=True)
    else:
        texts = StringTranslation.objects.filter(locale__language_code="nn").values_list("data", flat=True)
    sentences = demo_sentences(sorted(texts), SENTENCES_PER_DIRECTION)
    assert len(sentences) >= 100, "the demo content should give a real corpus"

    with ThreadPoolExecutor(max_workers=2) as pool:
        reference = dict(zip(sentences, pool.map(lambda s: plain_reference(mode, s), sentences), strict=True))

    cache.clear()
    engine = Apertium.from_settings({"CACHE_SECONDS": 0})
    # As editors send them: each sentence after another one in a paragraph, and each on its own,
    # in one batch.
    follows = [
        (first, second) for first, second in zip(sentences, sentences[1:], strict=False) if first[-1] in ".!?"
    ]
    segments = [
        value.data for first, second in follows for value, _ in extract_strings(f"<p>{first} {second}</p>")[1]
    ]
    drafts = engine.translate(mode, segments + [StringValue.from_plaintext(s).data for s in sentences])

    alone = {s: StringValue(drafts[StringValue.from_plaintext(s).data].text).render_text() for s in sentences}

    disagree = [(s, reference[s], alone[s]) for s in sentences if alone[s] != reference[s]]
    assert not disagree, f"{len(disagree)} of {len(sentences)} sentences differ: {disagree[:5]}"
    for segment, (first, second) in zip(segments, follows, strict=True):
        assert StringValue(drafts[segment].text).render_text() == f"{alone[first]} {alone[second]}", segment
