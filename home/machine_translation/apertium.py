"""Apertium for Bokmål ⇄ Nynorsk: two backends, sentence-by-sentence batching, unknown words and a cache.

`Apertium.translate(mode, texts)` takes wagtail-localize string data (inline HTML such as
`Les <a id="a1">mer</a>`), sends all uncached texts to Apertium in one call and returns a `Draft`
per text: the translated HTML with Apertium's `*`, `#` and `@` markers removed, and the words those
markers flagged.

Each sentence is translated as if it were the first thing Apertium sees. apertium-nno-nob 1.5.0's
tagger gives a capitalised homograph its proper-noun reading whenever the word follows another
sentence in the same stream: "Eg skriv ikkje. Kven kan hjelpa deg?" keeps "Kven" (the noun *kven*,
a Kven person) instead of "Hvem". Apertium's HTML deformatter puts a sentence break before every
block element, so wrapping segments in `<div>`s made *every* segment's first word follow a sentence;
only the first word of a whole plain-text run escaped. So the texts are cut into sentences
(`split_sentences`), and the command backend runs Apertium's pipeline in null-flush mode with one
flush per sentence, which starts the tagger afresh each time: the same result as translating each
sentence on its own, at the cost of one pipeline start for the batch."""

import hashlib
import logging
import os
import re
import shutil
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

import requests

logger = logging.getLogger(__name__)

# v2: drafts made before sentence-by-sentence translation (#24) may keep Nynorsk words; not reused.
CACHE_VERSION = "apertium:v2"
# Ends each sentence on its way through the command backend's pipeline. Apertium's HTML
# deformatter ends a sentence before a block element, as its plain-text one does at a line end
# (a sentence without a full stop keeps its last word that way), and passes the element through
# untouched as a "superblank".
CHUNK_MARK = '<hr class="apertium-chunk">'
# The deformatted mark: its superblank ends at the first unescaped "]".
DEFORMATTED_CHUNK_MARK = re.compile(re.escape(CHUNK_MARK) + r"(?:[^\]\\]|\\.)*\]")
# Apertium marks unknown words with *, failed generation with # and missing transfer with @.
# Literal * # @ in the source are swapped for private-use characters first, so every
# marker left in the output is Apertium's own.
LITERALS = {"*": "\ue000", "#": "\ue001", "@": "\ue002"}
MARKED_TOKEN = re.compile(r"(?<!&)([*#@])([^\s<>*#@]+)")
WORD_EDGE_PUNCTUATION = ".,;:!?«»\"'()[]…–-"
# E-mail addresses and web addresses are never translated: each is replaced by one
# private-use character for the trip through Apertium.
PROTECTED = re.compile(r"https?://[^\s<>\"]*[^\s<>\".,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PROTECTED_BASE = 0xE100
PROTECTED_MAX = 0x0700
OPEN_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?>")
CLOSE_TAG = re.compile(r"</([a-zA-Z][a-zA-Z0-9]*)\s*>")
BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
VOID_TAGS = {"br", "wbr", "img", "hr"}
MAX_BATCH_CHARS = 100_000
# A sentence ends at . ! ? or … (and any closing tags after it), then space, then a capital.
SENTENCE_BREAK = re.compile(r"[.!?…](?:</[a-zA-Z][a-zA-Z0-9]*\s*>)*(\s+)")
SENTENCE_LEAD = re.compile(r"(?:<[^<>]*>|[«\"'(\[–—-])*")
# Slugs ("hva-er-bti") are segments too; Apertium leaves them as they are, so do not report them.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ApertiumError(Exception):
    """Apertium could not translate. `str(error)` is a translated message for editors."""


class ApertiumUnavailable(ApertiumError):
    """Apertium is not installed here, or the APy server cannot be reached."""


@dataclass(frozen=True)
class Draft:
    text: str
    unknown: tuple[str, ...] = field(default_factory=tuple)


# --- Backends -----------------------------------------------------------------------------


class CommandBackend:
    """Runs the local `apertium` command once per batch (about 0.3 s start-up per call)."""

    name = "command"

    def __init__(self, command: str = "apertium", timeout: float = 30):
        self.command = command
        self.timeout = timeout

    def executable(self) -> str | None:
        return shutil.which(self.command)

    def is_available(self) -> bool:
        return self.executable() is not None

    def run(self, mode: str, chunks: list[str]) -> list[str]:
        """Translate each chunk (inline HTML, one sentence) as if it stood alone."""
        executable = self.executable()
        if executable is None:
            raise ApertiumUnavailable(
                _(
                    "Maskinoversettelse er ikke tilgjengelig: Apertium er ikke installert på serveren "
                    "(fant ikke kommandoen «%(command)s»). Be driftsansvarlig installere pakken "
                    "apertium-nno-nob eller sette APERTIUM_APY_URL."
                )
                % {"command": self.command}
            )
        # What `apertium -f html` does, with a null flush after each chunk in between: the
        # deformatter would otherwise drop the flushes, and the tagger would carry one sentence's
        # context into the next.
        # One time limit for the three steps together, as for the single call it replaces.
        deadline = time.monotonic() + self.timeout
        source = "".join(chunk + CHUNK_MARK for chunk in chunks)
        stream = self.pipe(mode, [self.helper(executable, "apertium-deshtml")], source, deadline)
        stream = DEFORMATTED_CHUNK_MARK.sub(lambda match: match.group(0) + "\0", stream)
        translated = self.pipe(mode, [executable, "-z", "-f", "none", mode], stream, deadline)
        html = self.pipe(
            mode, [self.helper(executable, "apertium-rehtml")], translated.replace("\0", ""), deadline
        )
        parts = html.split(CHUNK_MARK)
        if parts and not parts[-1].strip():
            parts.pop()
        return parts

    @staticmethod
    def helper(executable: str, name: str) -> str:
        """Apertium's format tools: beside the `apertium` command, or on the PATH."""
        beside = os.path.join(os.path.dirname(executable), name)
        return beside if os.access(beside, os.X_OK) else (shutil.which(name) or name)

    def pipe(self, mode: str, args: list[str], text: str, deadline: float) -> str:
        # Own process group, so a timeout kills the whole pipeline (lt-proc, cg-proc, ...),
        # not only the `apertium` shell script in front of it.
        try:
            process = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell
                args,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except OSError as error:
            logger.warning("apertium %s: could not start %s: %s", mode, args[0], error)
            raise ApertiumError(failure_message(mode)) from None
        try:
            stdout, stderr = process.communicate(
                text.encode(), timeout=max(deadline - time.monotonic(), 0.01)
            )
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ApertiumError(timeout_message(self.timeout)) from None
        if process.returncode != 0:
            logger.warning("apertium %s failed (%s): %s", mode, process.returncode, stderr.decode()[:500])
            raise ApertiumError(failure_message(mode))
        return stdout.decode()


class ApyBackend:
    """Talks to an Apertium-APy server (`/translate`), for app servers that share one translator."""

    name = "apy"

    def __init__(self, url: str, timeout: float = 30):
        self.url = url.rstrip("/")
        self.timeout = timeout

    def is_available(self) -> bool:
        return bool(self.url)

    def run(self, mode: str, chunks: list[str]) -> list[str]:
        """One request per chunk (APy keeps its pipelines running, so each is quick): a request
        starts Apertium's tagger afresh, as the command backend's null flushes do."""
        with requests.Session() as session:
            return [self.translate_one(session, mode, chunk) for chunk in chunks]

    def translate_one(self, session, mode: str, html: str) -> str:
        langpair = mode.replace("-", "|", 1)
        try:
            response = session.post(
                f"{self.url}/translate",
                data={"langpair": langpair, "q": html, "format": "html", "markUnknown": "yes"},
                timeout=self.timeout,
            )
        except requests.Timeout:
            raise ApertiumError(timeout_message(self.timeout)) from None
        except requests.RequestException as error:
            logger.warning("Apertium-APy at %s unreachable: %s", self.url, error)
            raise ApertiumUnavailable(
                _(
                    "Maskinoversettelse er ikke tilgjengelig: fikk ikke kontakt med Apertium-tjeneren "
                    "(%(url)s). Prøv igjen senere, eller si fra til driftsansvarlig."
                )
                % {"url": self.url}
            ) from None
        try:
            payload = response.json()
        except ValueError:
            payload = {}
        translated = (payload.get("responseData") or {}).get("translatedText")
        if response.status_code != 200 or payload.get("responseStatus", 200) != 200 or translated is None:
            logger.warning(
                "Apertium-APy %s answered %s: %s",
                langpair,
                response.status_code,
                payload.get("explanation") or payload.get("responseDetails") or response.text[:500],
            )
            raise ApertiumError(failure_message(mode))
        return translated


def timeout_message(seconds: float) -> str:
    return _(
        "Apertium svarte ikke innen %(seconds)s sekunder. Prøv igjen, eller oversett teksten for hånd."
    ) % {"seconds": f"{seconds:g}"}


def failure_message(mode: str) -> str:
    return _(
        "Apertium kunne ikke oversette teksten (retning %(mode)s). Oversett for hånd, "
        "og si fra til driftsansvarlig."
    ) % {"mode": mode}


# --- HTML handling ----------------------------------------------------------------------------


def protect(text: str) -> tuple[str, list[str]]:
    """Hide e-mail/web addresses and literal marker characters from Apertium."""
    found: list[str] = []

    def hide(match):
        if len(found) >= PROTECTED_MAX:
            return match.group(0)
        found.append(match.group(0))
        return chr(PROTECTED_BASE + len(found) - 1)

    text = PROTECTED.sub(hide, text)
    for literal, stand_in in LITERALS.items():
        text = text.replace(literal, stand_in)
    return text, found


def unprotect(text: str, found: list[str]) -> str:
    for literal, stand_in in LITERALS.items():
        text = text.replace(stand_in, literal)
    for index, original in enumerate(found):
        text = text.replace(chr(PROTECTED_BASE + index), original)
    return text


def strip_markers(text: str) -> tuple[str, list[str]]:
    """Remove Apertium's * # @ markers; return the text and the flagged words in order."""
    words: list[str] = []

    def unmark(match):
        token = match.group(2)
        word = token.strip(WORD_EDGE_PUNCTUATION)
        # Acronyms (BTI, NAV, WCAG) stay as they are and are right in both written standards.
        if word and not word.isupper() and word not in words:
            words.append(word)
        return token

    return MARKED_TOKEN.sub(unmark, text), words


def merge_split_tags(source: str, output: str) -> str:
    """Join inline tags that Apertium's HTML mode split word by word.

    `<a id="a1">skal</a> <a id="a1"><b>vere</b></a>` becomes `<a id="a1">skal <b>vere</b></a>`.
    Merging only happens while a tag occurs more often in the output than in the source, so
    two separate bold runs in the source stay two runs."""
    wanted = Counter(match.group(0) for match in OPEN_TAG.finditer(source))
    while True:
        found = Counter(match.group(0) for match in OPEN_TAG.finditer(output))
        merged = False
        for tag, count in found.items():
            name = OPEN_TAG.match(tag).group(1).lower()
            if name in VOID_TAGS or count <= wanted.get(tag, 0):
                continue
            pattern = re.compile(rf"</{name}>((?:[^<]|<br>)*){re.escape(tag)}")
            output, replaced = pattern.subn(r"\1", output, count=1)
            if replaced:
                merged = True
                break
        if not merged:
            return output


def split_lines(html: str) -> list[str]:
    """Split at <br> when no inline tag spans a line break; otherwise keep the text whole."""
    lines = BR.split(html)
    if len(lines) > 1 and all(balanced(line) for line in lines):
        return lines
    return [BR.sub("<br>", html)]


def split_sentences(line: str) -> list[tuple[str, str]]:
    """Cut a line into (sentence, the space after it). Only where a capital starts the next
    sentence ("5. klasse" stays whole) and no inline tag spans the break."""
    pieces = []
    start = 0
    for match in SENTENCE_BREAK.finditer(line):
        left = line[start : match.start(1)]
        following = line[SENTENCE_LEAD.match(line, match.end(1)).end() :][:1]
        if following.isupper() and balanced(left):
            pieces.append((left, match.group(1)))
            start = match.end(1)
    pieces.append((line[start:], ""))
    return pieces


def balanced(html: str) -> bool:
    opened = Counter(
        match.group(1).lower() for match in OPEN_TAG.finditer(html) if match.group(1).lower() not in VOID_TAGS
    )
    closed = Counter(name.lower() for name in CLOSE_TAG.findall(html))
    return opened == closed


def keep_edges(source: str, output: str) -> str:
    """Apertium may trim or add whitespace at the ends; keep the source's."""
    leading = source[: len(source) - len(source.lstrip())]
    trailing = source[len(source.rstrip()) :]
    return leading + output.strip() + trailing


def tags_of(html: str) -> Counter:
    return Counter(match.group(0) for match in OPEN_TAG.finditer(html))


# --- The engine ------------------------------------------------------------------------------


class Apertium:
    """Translate many strings with one backend call, using the Django cache for repeats."""

    def __init__(self, backend, modes: dict[str, str], cache_timeout: int | None = None):
        self.backend = backend
        self.modes = modes
        self.cache_timeout = cache_timeout
        self.calls = 0

    @classmethod
    def from_settings(cls, options: dict | None = None) -> "Apertium":
        options = options or {}

        def option(name, default):
            return options.get(name, getattr(settings, f"APERTIUM_{name}", default))

        timeout = float(option("TIMEOUT", 30))
        apy_url = option("APY_URL", "")
        if apy_url:
            backend = ApyBackend(apy_url, timeout)
        else:
            backend = CommandBackend(option("COMMAND", "apertium"), timeout)
        modes = option("MODES", {"nb-nn": "nob-nno_e", "nn-nb": "nno-nob"})
        return cls(backend, modes, option("CACHE_SECONDS", 60 * 60 * 24 * 30))

    def mode_for(self, source_language: str, target_language: str) -> str | None:
        return self.modes.get(f"{source_language}-{target_language}")

    def cache_key(self, mode: str, text: str) -> str:
        return f"{CACHE_VERSION}:{mode}:{hashlib.sha256(text.encode()).hexdigest()}"

    def translate(self, mode: str, texts) -> dict[str, Draft]:
        """Return {source text: Draft} for every text. Raises ApertiumError."""
        texts = list(dict.fromkeys(texts))
        drafts: dict[str, Draft] = {}
        todo = []
        for text in texts:
            if not text.strip():
                drafts[text] = Draft(text)
            else:
                todo.append(text)
        keys = {text: self.cache_key(mode, text) for text in todo}
        cached = cache.get_many(keys.values()) if todo else {}
        missing = []
        for text in todo:
            hit = cached.get(keys[text])
            if hit is not None:
                drafts[text] = Draft(hit["text"], tuple(hit["unknown"]))
            else:
                missing.append(text)
        fresh = {}
        for batch in self.batches(missing):
            fresh.update(self.translate_batch(mode, batch))
        if fresh:
            cache.set_many(
                {
                    keys[text]: {"text": draft.text, "unknown": list(draft.unknown)}
                    for text, draft in fresh.items()
                },
                self.cache_timeout,
            )
        drafts.update(fresh)
        return drafts

    @staticmethod
    def batches(texts):
        batch, size = [], 0
        for text in texts:
            if batch and size + len(text) > MAX_BATCH_CHARS:
                yield batch
                batch, size = [], 0
            batch.append(text)
            size += len(text)
        if batch:
            yield batch

    def translate_batch(self, mode: str, texts: list[str]) -> dict[str, Draft]:
        protected = [protect(text) for text in texts]
        # Each line of a text is its own segment (Apertium moves <br> between words otherwise),
        # and each sentence of a line its own chunk.
        lines = [[split_sentences(line) for line in split_lines(hidden)] for hidden, _ in protected]
        chunks = [
            sentence
            for text_lines in lines
            for sentences in text_lines
            for sentence, _ in sentences
            if sentence.strip()
        ]
        self.calls += 1
        parts = self.backend.run(mode, chunks) if chunks else []
        if len(parts) != len(chunks):
            if len(texts) == 1:
                logger.warning("Unexpected Apertium output for %r: %r", texts[0][:200], parts[:5])
                raise ApertiumError(failure_message(mode))
            # Very rarely a batch does not split cleanly; translate one by one instead.
            drafts = {}
            for text in texts:
                drafts.update(self.translate_batch(mode, [text]))
            return drafts
        parts_left = iter(parts)
        drafts = {}
        for text, (hidden, found), text_lines in zip(texts, protected, lines, strict=True):
            translated, words = [], []
            for sentences in text_lines:
                line = []
                for sentence, space in sentences:
                    if not sentence.strip():
                        line.append(sentence + space)
                        continue
                    cleaned, flagged = strip_markers(next(parts_left))
                    line.append(keep_edges(sentence, merge_split_tags(sentence, cleaned)) + space)
                    words += [word for word in flagged if word not in words]
                translated.append("".join(line))
            cleaned = "<br>".join(translated)
            if SLUG.fullmatch(text):
                words = []
            if tags_of(cleaned) != tags_of(BR.sub("<br>", hidden)):
                logger.info("Apertium changed the inline tags of %r: %r", text[:200], cleaned[:200])
            drafts[text] = Draft(unprotect(cleaned, found), tuple(unprotect(word, found) for word in words))
        return drafts
