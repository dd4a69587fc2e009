"""Apertium drafts of real demo sentences agree with Apertium's plain-text translation of each.

The reference is `apertium -f txt` run on one sentence alone, where the sentence's first word is
the first word Apertium sees. The engine translates the same sentences the way editors use it:
many at once in HTML mode, inside paragraphs and after other sentences. apertium-nno-nob 1.5.0
gives capitalised homographs ("Kven", a Kven person) their proper-noun reading whenever they follow
a sentence, which in HTML mode is every segment; translating sentence by sentence must make
both agree."""

import ast
import html
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.core.cache import cache

from wagtail_localize.strings import StringValue, extract_strings

import pytest

from home.machine_translation import Apertium
from home.machine_translation.apertium import strip_markers

from .test_machine_translation import needs_apertium

ROOT = Path(__file__).resolve().parents[2]
SENTENCES_PER_DIRECTION = 120
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
TAG = re.compile(r"<[^<>]*>")
BLOCK_END = re.compile(r"</(?:p|li|h[1-6])>|<br\s*/?>")


def demo_text_pairs() -> list[tuple[str, str]]:
    """Every (Bokmål, Nynorsk) pair written in the demo content's source: the arguments of
    `Glossary.text()`/`.html()` and the two-string tuples the loaders read them from."""
    pairs = []
    for app in ("home", "guide", "network"):
        for path in sorted((ROOT / app).glob("**/demo*/**/*.py")) + sorted((ROOT / app).glob("**/demo*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    candidates = node.args if node.func.attr in {"text", "html"} else []
                elif isinstance(node, ast.Tuple):
                    candidates = node.elts
                else:
                    continue
                if len(candidates) == 2 and all(
                    isinstance(c, ast.Constant) and isinstance(c.value, str) for c in candidates
                ):
                    pairs.append((candidates[0].value, candidates[1].value))
    return pairs


def demo_sentences(texts, count):
    """Up to `count` distinct sentences of three words or more, spread over the demo texts."""
    found = []
    for text in texts:
        plain = html.unescape(TAG.sub("", BLOCK_END.sub(" ", text)))
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
    texts = [nb if locale_code == "nb" else nn for nb, nn in demo_text_pairs() if nb != nn]
    sentences = demo_sentences(texts, SENTENCES_PER_DIRECTION)
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
