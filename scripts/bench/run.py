"""`make bench`: the portal's numbers on this machine (docs/performance.md).

1. Builds the large dataset on PostgreSQL (demo content + scripts/bench/dataset.py), idempotent.
2. Counts SQL queries per page (in-process, page cache off), at demo size and at full size, with
   every page rendered in full and ("uncached") with page content fragments from their cache.
3. Starts the production profile under gunicorn (2 sync workers) on loopback, page cache OFF,
   and measures each page with wrk for a fixed time: one connection (server time) and
   BENCH_CONNECTIONS connections (throughput, p50/p99). The same run measures a constant-response
   view through the same middleware: the stack's upper bound.
4. Restarts gunicorn with the content fragments OFF too and measures server time again: the cost
   of building each page from scratch.
5. Restarts gunicorn with the anonymous page cache ON and measures the public pages again.
6. Weighs each public page: HTML + CSS + JS, gzip.
7. Prints the table and writes artifacts/bench/latest.{json,md}.

Everything it starts (gunicorn) is stopped by PID, also on Ctrl-C or an error.

Environment (defaults in brackets): BENCH_DATABASE_URL [postgres://postgres@127.0.0.1:5432/bti_bench],
BENCH_REDIS_URL [redis://127.0.0.1:6379/9], BENCH_PORT [8301], BENCH_DURATION [10] seconds per
throughput run, BENCH_LATENCY_DURATION [5], BENCH_CONNECTIONS [8], BENCH_SKIP_BUILD [0].
"""

import gzip
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bti_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
PORT = int(os.environ.get("BENCH_PORT", "8301"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
LATENCY_DURATION = int(os.environ.get("BENCH_LATENCY_DURATION", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
SKIP_BUILD = os.environ.get("BENCH_SKIP_BUILD", "0") == "1"
CONSTANT = "constant view"
CONSTANT_URL = "/bench/constant/"
OUT = ROOT / "artifacts" / "bench"

STATIC_ROOT = Path(tempfile.gettempdir()) / f"bti-bench-static-{PORT}"
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "STATIC_ROOT": str(STATIC_ROOT),
    "BENCH_VIEWS_ENABLED": "true",
    "LOG_LEVEL": "WARNING",
    "PYTHONDONTWRITEBYTECODE": "1",
}

started: list[subprocess.Popen] = []


def say(message: str) -> None:
    print(f"== {message}", flush=True)


def django(*args: str, env=None, capture=False) -> str:
    result = subprocess.run(
        [PYTHON, *args], cwd=ROOT, env=env or ENV, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def probe(command: str, **extra) -> str:
    return django("scripts/bench/probe.py", command, env={**ENV, **extra}, capture=True).strip()


def ensure_database() -> None:
    name = DATABASE_URL.rsplit("/", 1)[1].split("?")[0]
    server = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            say(f"creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def analyze() -> None:
    """Planner statistics for the freshly grown tables, as autovacuum would give a live server."""
    with psycopg.connect(DATABASE_URL, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


# --- gunicorn -------------------------------------------------------------------------------


def start_gunicorn(page_cache: bool, content_cache: bool = True) -> subprocess.Popen:
    phase = "cached" if page_cache else ("uncached" if content_cache else "rendered")
    log = open(OUT / f"gunicorn-{phase}.log", "w")  # noqa: SIM115
    process = subprocess.Popen(
        [
            GUNICORN,
            "portal.wsgi:application",
            "--workers=2",
            f"--bind=127.0.0.1:{PORT}",
            "--access-logfile=-" if os.environ.get("BENCH_ACCESS_LOG") else "--error-logfile=-",
        ],
        cwd=ROOT,
        env={
            **ENV,
            "PAGE_CACHE_ENABLED": "true" if page_cache else "false",
            "PAGE_CONTENT_CACHE_SECONDS": "3600" if content_cache else "0",
        },
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    started.append(process)
    for _ in range(100):
        time.sleep(0.2)
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}; see {log.name}")
        try:
            if fetch(CONSTANT_URL)[0] == 200:
                return process
        except OSError:
            continue
    raise SystemExit("gunicorn did not answer within 20 s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)  # the master stops its workers
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
    if process in started:
        started.remove(process)


def stop_all(*_args) -> None:
    for process in list(started):
        stop(process)


# --- measuring ----------------------------------------------------------------------------------


def fetch(path: str, cookie: str = "", gzip_ok: bool = False) -> tuple[int, dict, bytes]:
    headers = {"X-Forwarded-Proto": "https"}
    if cookie:
        headers["Cookie"] = cookie
    if gzip_ok:
        headers["Accept-Encoding"] = "gzip"
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(path: str, connections: int, duration: int, cookie: str = "") -> dict:
    command = [
        "wrk",
        "--latency",
        "-t1",
        f"-c{connections}",
        f"-d{duration}s",
        "-H",
        "X-Forwarded-Proto: https",
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{PORT}{path}"], check=True, text=True, capture_output=True
    ).stdout
    latency = dict(re.findall(r"^\s*(50|99)%\s+([\d.]+[a-z]+)", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": to_ms(latency["50"]),
        "p99_ms": to_ms(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
    }


def page_weight(path: str) -> dict:
    status, _headers, body = fetch(path)
    html = body.decode()
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(
        r'<script[^>]+src="([^"]+)"', html
    )
    html_gz = len(gzip.compress(body, compresslevel=6))
    asset_gz = 0
    for asset in dict.fromkeys(assets):
        _status, headers, data = fetch(asset, gzip_ok=True)
        if headers.get("Content-Encoding") not in ("gzip", "br"):
            data = gzip.compress(data, compresslevel=6)
        asset_gz += len(data)
    return {"html_kb": round(len(body) / 1024, 1), "total_gz_kb": round((html_gz + asset_gz) / 1024, 1)}


# --- the run --------------------------------------------------------------------------------------


def build() -> None:
    ensure_database()
    say("migrate, demo content, large dataset (skips what exists)")
    django("manage.py", "migrate", "--noinput", "-v0")
    django("manage.py", "load_demo_content", "--no-users")


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    OUT.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: (stop_all(), sys.exit(1)))
    say("collectstatic (WhiteNoise manifest, compressed)")
    django("manage.py", "collectstatic", "--noinput", "-v0")
    if not SKIP_BUILD:
        build()
    rendered = {"PAGE_CACHE_ENABLED": "false", "PAGE_CONTENT_CACHE_SECONDS": "0"}
    queries_demo = json.loads(probe("queries", **rendered)) if not SKIP_BUILD else {}
    if not SKIP_BUILD:
        django("scripts/bench/dataset.py")
        analyze()
    queries = json.loads(probe("queries", **rendered))
    queries_uncached = json.loads(probe("queries", PAGE_CACHE_ENABLED="false"))
    urls = {name: url for name, url in json.loads(probe("urls")).items() if url}
    agent_cookie = f"sessionid={probe('session')}"
    public = [name for name in urls if "agent" not in name and name != "search"]

    results: dict[str, dict] = {name: {"url": url} for name, url in urls.items()}
    results[CONSTANT] = {"url": CONSTANT_URL}
    try:
        say(
            f"gunicorn, 2 workers, page cache OFF; wrk {LATENCY_DURATION}s x 1 conn + {DURATION}s x {CONNECTIONS} conn"
        )
        server = start_gunicorn(page_cache=False)
        for name, entry in results.items():
            cookie = agent_cookie if "agent" in name else ""
            status, _headers, _body = fetch(entry["url"], cookie)
            if status != 200:
                raise SystemExit(f"{name} {entry['url']} answered {status}")
            for _ in range(20):
                fetch(entry["url"], cookie)  # warm-up
            entry["server_ms"] = wrk(entry["url"], 1, LATENCY_DURATION, cookie)["p50_ms"]
            entry["uncached"] = wrk(entry["url"], CONNECTIONS, DURATION, cookie)
            if name in public:
                entry["weight"] = page_weight(entry["url"])
            print(f"   {name:24} {entry['uncached']['rps']:8.0f} req/s  server {entry['server_ms']:.1f} ms")
        stop(server)

        say("gunicorn, 2 workers, page cache OFF and content fragments OFF: every page rendered in full")
        server = start_gunicorn(page_cache=False, content_cache=False)
        for name, entry in results.items():
            cookie = agent_cookie if "agent" in name else ""
            for _ in range(10):
                fetch(entry["url"], cookie)  # warm-up (the chrome memo)
            entry["rendered_ms"] = wrk(entry["url"], 1, LATENCY_DURATION, cookie)["p50_ms"]
            print(f"   {name:24} server {entry['rendered_ms']:.1f} ms")
        stop(server)

        say("gunicorn, 2 workers, page cache ON (anonymous visitors)")
        server = start_gunicorn(page_cache=True)
        for name in [*public, CONSTANT]:
            entry = results[name]
            for _ in range(5):
                fetch(entry["url"])
            entry["cached"] = wrk(entry["url"], CONNECTIONS, DURATION)
            print(f"   {name:24} {entry['cached']['rps']:8.0f} req/s")
        stop(server)
    finally:
        stop_all()

    for name, entry in results.items():
        entry["queries"] = queries.get(name, 0 if name == CONSTANT else None)
        entry["queries_demo"] = queries_demo.get(name)
        entry["queries_uncached"] = queries_uncached.get(name, 0 if name == CONSTANT else None)
    table = render(results)
    print(table)
    (OUT / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    (OUT / "latest.md").write_text(table)


def render(results: dict) -> str:
    limit_uncached = results[CONSTANT]["uncached"]["rps"]
    limit_cached = results[CONSTANT].get("cached", {}).get("rps") or limit_uncached
    lines = [
        f"wrk -t1 -c{CONNECTIONS} -d{DURATION}s against gunicorn (2 sync workers), production profile, "
        f"PostgreSQL + Redis, on {os.cpu_count()} CPUs. Server time = median with one connection. "
        "% = share of the constant view's rate in the same phase.",
        "",
        "| page | queries rendered (demo → large) | queries uncached | server ms p50 uncached "
        "| server ms p50 rendered "
        "| uncached req/s | p50 ms | p99 ms | % of constant "
        "| cached req/s | p50 ms | p99 ms | % of constant | KB gzip (HTML+CSS+JS) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, entry in results.items():
        uncached = entry["uncached"]
        cached = entry.get("cached")
        queries = (
            f"{entry['queries_demo'] if entry['queries_demo'] is not None else '–'} → {entry['queries']}"
        )
        row = [
            name,
            queries,
            str(entry["queries_uncached"]),
            f"{entry['server_ms']:.1f}",
            f"{entry['rendered_ms']:.1f}" if "rendered_ms" in entry else "–",
            f"{uncached['rps']:.0f}",
            f"{uncached['p50_ms']:.1f}",
            f"{uncached['p99_ms']:.1f}",
            f"{100 * uncached['rps'] / limit_uncached:.0f} %",
        ]
        if cached:
            row += [
                f"{cached['rps']:.0f}",
                f"{cached['p50_ms']:.1f}",
                f"{cached['p99_ms']:.1f}",
                f"{100 * cached['rps'] / limit_cached:.0f} %",
            ]
        else:
            row += ["–", "–", "–", "never cached" if name != CONSTANT else "–"]
        weight = entry.get("weight")
        row.append(f"{weight['total_gz_kb']}" if weight else "–")
        errors = uncached["errors"] + (cached or {}).get("errors", 0)
        if errors:
            row[0] += f" ({errors} non-2xx)"
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        stop_all()
        raise SystemExit(130) from None
