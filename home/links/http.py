"""Checks external addresses: a small thread pool, at most one request at a time per host with a
pause between them, short timeouts, HEAD first and GET when a server refuses HEAD, redirects
followed and the final address reported."""

import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

import requests

USER_AGENT = "BTI-portalen-lenkesjekk/1.0 (python-requests; checks links published on the portal)"
MAX_WORKERS = 4
# Statuses after which a GET is worth trying: servers that refuse or mishandle HEAD.
RETRY_WITH_GET = {403, 404, 405, 429, 500, 501, 503}


@dataclass(frozen=True)
class Outcome:
    status: str  # a LinkCheck status
    http_status: int | None = None
    final_url: str = ""


class ExternalChecker:
    def __init__(self, timeout: float = 10.0, delay: float = 1.0, max_workers: int = MAX_WORKERS):
        self.timeout = timeout
        self.delay = delay
        self.max_workers = max_workers
        self.host_locks = defaultdict(threading.Lock)
        self.locks_lock = threading.Lock()
        self.last_request_at = {}

    def check_all(self, urls) -> dict[str, Outcome]:
        urls = sorted(set(urls))
        with ThreadPoolExecutor(max_workers=self.max_workers) as pool:
            return dict(zip(urls, pool.map(self.check, urls), strict=True))

    def host_lock(self, host: str) -> threading.Lock:
        with self.locks_lock:
            return self.host_locks[host]

    def check(self, url: str) -> Outcome:
        from home.models import LinkCheck

        host = urlsplit(url).netloc.lower()
        with self.host_lock(host):
            wait = self.last_request_at.get(host, 0) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                response = self.request("HEAD", url)
                if response.status_code in RETRY_WITH_GET:
                    response = self.request("GET", url)
            except requests.Timeout:
                return Outcome(LinkCheck.TIMED_OUT)
            except requests.RequestException:
                return Outcome(LinkCheck.BROKEN)
            finally:
                self.last_request_at[host] = time.monotonic()
        if response.status_code >= 400:
            return Outcome(LinkCheck.BROKEN, response.status_code, response.url)
        status = LinkCheck.REDIRECTED if response.history else LinkCheck.OK
        return Outcome(status, response.status_code, response.url)

    def request(self, method: str, url: str) -> requests.Response:
        headers = {"User-Agent": getattr(settings, "LINK_CHECKER_USER_AGENT", USER_AGENT)}
        # stream=True: a GET reads the headers only, not a large file behind the link.
        with requests.request(
            method, url, headers=headers, timeout=self.timeout, allow_redirects=True, stream=True
        ) as response:
            return response
