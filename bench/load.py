"""Fifty visitors at once: requests/s, errors and latency percentiles of each kind of page, with
and without Redis, as ratios of the same server's static-file rate.

    .venv/bin/python bench/load.py                      # make bench-load: 50 users, 60 s, both
    .venv/bin/python bench/load.py --users 20 --seconds 20 --configs locmem

The site runs as in production (scratch_site.py: gunicorn.conf.py with 2 workers x 4 threads,
settings.prod, a scratch SQLite database with the demo data and a copy of each row). For each
configuration (`redis`: REDIS_URL=--redis-url, whose database is emptied first; `locmem`: no
REDIS_URL, each process's own memory cache; `uncached`: Redis, but with the page cache for
anonymous visitors off, DJANGO_PAGE_CACHE=false, so every page is built, from cached cards;
`bare`: that, with the cards' cache off too, DJANGO_FRAGMENT_CACHE=false) a fresh gunicorn is
started and:

1. the URLs are found by asking the server, not by importing the apps: home pages; the lists
   of /sitemap-pages-*.xml (programmes, festivals, universities, heritage, routes: the pages
   there that show a staff user a CSV export link), with filter combinations built from the
   options of each list's own filter form, and their page 2; the other pages there (the map),
   as kind `page`: warmed up and checked like every URL, in the mix only if --mix names it;
   detail and country pages from the other sitemaps; searches; the stylesheet that the home
   page links to; and the CSV export links that the list pages show to a staff user;
2. every user (a thread with its own keep-alive connection) signs the staff user in once
   through the admin login form (CSRF token and cookie), before the clock starts;
3. every URL is requested once (warm-up; any non-2xx is listed and counts as an error);
4. the mix: each user picks a kind by weight (--mix), then a URL of it at random, and asks
   for the next when the last is answered (closed loop, no think time) for --seconds. Public
   pages go without the staff session, as an anonymous visitor's browser would (keeping the
   cookies that public pages set); the export goes with it;
5. each kind alone, and the stylesheet alone, for --kind-seconds with all users: the rate the
   server sustains for that kind, printed as a ratio of the stylesheet's.

Prints, per configuration: requests, errors (non-2xx by URL), requests/s, p50/p95/p99 per
kind and overall in the mix; then the rate of each kind alone and its ratio to the static
rate; then both configurations side by side. Exits 1 if any request failed. gunicorn is
stopped and the scratch folder removed on exit, on error and on SIGTERM.
"""

import argparse
import html
import http.client
import os
import random
import re
import sys
import threading
import time
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from scratch_site import LANGUAGES, STAFF_USER, ScratchSite, exit_on_sigterm

LISTS = ["programmes", "festivals", "universities", "heritage", "routes"]
SEARCHES = {
    "en": ["silk road", "music", "university", "festival", "summer school", "heritage"],
    "ru": ["фестиваль", "университет", "музыка", "Шёлковый путь"],
    "zh-hans": ["大学", "文化", "节", "丝绸之路"],
}
DEFAULT_MIX = "home=10,list=20,list-filtered=20,list-page2=5,detail=25,search=8,country=10,export=2"
HEADERS = {
    "User-Agent": "scoculture-bench-load",
    "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
    "Accept-Encoding": "gzip, br",
}


class Client:
    """One keep-alive connection and a browser's cookie jar (name -> value)."""

    def __init__(self, host, timeout=60):
        self.host, self.port = host.split(":")
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, jar=None, body=None, headers=()):
        headers = {**HEADERS, **dict(headers)}
        if jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed an idle keep-alive connection: reconnect once.
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        if jar is not None:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    jar[name] = morsel.value
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return response.status, response.headers, data

    def close(self):
        if self.conn is not None:
            self.conn.close()


def text(data):
    return data.decode("utf-8", "replace")


class FormOptions(HTMLParser):
    """The filter form's fields: select name -> option values; checkboxes; sort values."""

    def __init__(self):
        super().__init__()
        self.in_form = False
        self.select = None
        self.selects = {}
        self.checkboxes = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "filter-form" in (attrs.get("class") or ""):
            self.in_form = True
        elif not self.in_form:
            return
        elif tag == "select":
            self.select = attrs.get("name")
            self.selects[self.select] = []
        elif tag == "option" and self.select and attrs.get("value"):
            self.selects[self.select].append(attrs["value"])
        elif tag == "input" and attrs.get("type") == "checkbox":
            self.checkboxes.append(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


def sitemap_paths(client, path):
    status, _, data = client.request("GET", path)
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return [
        urlsplit(html.unescape(loc)).path for loc in re.findall(r"<loc>([^<]+)</loc>", text(data))
    ]


def filter_queries(options, rng, count):
    """`count` filter combinations: one field, two fields, a checkbox, a sort, and mixes."""
    fields = {name: values for name, values in options.selects.items() if values}
    sorts = fields.pop("sort", [])
    queries = set()
    names = sorted(fields)
    for _ in range(count * 20):
        if len(queries) >= count:
            break
        params = {}
        for name in rng.sample(names, k=min(len(names), rng.choice([1, 1, 2, 2, 3]))):
            params[name] = rng.choice(fields[name])
        if options.checkboxes and rng.random() < 0.3:
            params[rng.choice(options.checkboxes)] = "on"
        if sorts and rng.random() < 0.3:
            params["sort"] = rng.choice(sorts)
        queries.add(urlencode(sorted(params.items())))
    return sorted(queries)


def discover(host, password, rng):
    """The URLs of each kind, found by asking the server."""
    client = Client(host)
    kinds = {k: [] for k in ("home", "list", "list-filtered", "list-page2", "detail")}
    kinds.update(search=[], country=[], export=[], static=[], page=[])
    index = sitemap_paths(client, "/sitemap.xml")
    pages = {}  # name -> {language: path}: the lists, and pages such as the map
    for section in index:
        kind = None
        if "/sitemap-pages-" in section:
            for path in sitemap_paths(client, section):
                parts = path.strip("/").split("/")
                if len(parts) == 1:
                    kinds["home"].append(path)
                elif parts[1] == "countries":
                    kinds["country"].append(path)
                else:
                    pages.setdefault(parts[1], {})[parts[0]] = path
            continue
        kind = "country" if "/sitemap-countries-" in section else "detail"
        kinds[kind].extend(sitemap_paths(client, section))
    # A list is a page that shows the staff user an export link; the others (the map) have no
    # filter combinations or page 2 to find: they are requested as they are.
    jar = login(client, password)
    lists = {}
    for name, by_language in sorted(pages.items()):
        if export_link(client, by_language["en"], jar):
            lists[name] = by_language
            kinds["list"].extend(by_language.values())
        else:
            kinds["page"].extend(by_language.values())
    first_query = {}
    missing = set(LISTS) - set(lists)
    if missing:
        raise RuntimeError(f"the sitemap names no list page for {sorted(missing)}")
    for name, by_language in sorted(lists.items()):
        _, _, data = client.request("GET", by_language["en"])
        options = FormOptions()
        options.feed(text(data))
        if not options.selects:
            raise RuntimeError(f"no filter form found on {by_language['en']}")
        queries = filter_queries(options, rng, 8)
        first_query[name] = queries[0]
        page2 = next_pages(client, by_language["en"], options, queries)
        if not page2:
            print(f"note: no list of {name} has a page 2 (fewer than 25 rows)")
        for path in by_language.values():
            kinds["list-filtered"].extend(f"{path}?{q}" for q in queries)
            kinds["list-page2"].extend(f"{path}{q}" for q in page2)
    for language in LANGUAGES:
        for query in SEARCHES[language]:
            kinds["search"].append(f"/{language}/search/?{urlencode({'q': query})}")
    _, _, data = client.request("GET", "/en/")
    css = re.search(r'<link rel="stylesheet" href="([^"]+\.css)"', text(data))
    if not css:
        raise RuntimeError("the home page links no stylesheet")
    kinds["static"].append(css.group(1))

    # The export links: those a list page shows the staff user, for no filter and for one.
    for name, by_language in sorted(lists.items()):
        path = by_language["en"]
        for page in (path, f"{path}?{first_query[name]}"):
            link = export_link(client, page, jar)
            if not link:
                raise RuntimeError(f"no export link on {page} for the staff user")
            kinds["export"].append(link)
    client.close()
    kinds = {kind: sorted(set(paths)) for kind, paths in kinds.items()}
    return kinds


def export_link(client, path, jar):
    """The CSV export link that `path` shows the staff user of `jar`, or None."""
    _, _, data = client.request("GET", path, jar)
    link = re.search(r'class="export-link"><a[^>]*href="([^"]+)"', text(data))
    return html.unescape(link.group(1)) if link else None


def next_pages(client, path, options, queries, limit=4):
    """Up to `limit` page-2 links ("?...page=2") that this list's pages show: of the list
    itself, of the filter combinations and of each value of its short selects (sort, when)."""
    candidates = [""] + [f"?{q}" for q in queries]
    for name, values in options.selects.items():
        if len(values) <= 6:
            candidates.extend(f"?{urlencode({name: v})}" for v in values)
    found = []
    for query in candidates:
        _, _, data = client.request("GET", path + query)
        link = re.search(r'href="(\?[^"]*)" rel="next"', text(data))
        if link and html.unescape(link.group(1)) not in found:
            found.append(html.unescape(link.group(1)))
            if len(found) == limit:
                break
    return found


def login(client, password):
    """Sign the staff user in through the admin login form; returns its cookie jar."""
    jar = {}
    status, _, data = client.request("GET", "/admin/login/", jar)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(data))
    if status != 200 or not token or "csrftoken" not in jar:
        raise RuntimeError(f"/admin/login/ answered {status} without a CSRF token and cookie")
    body = urlencode(
        {
            "csrfmiddlewaretoken": token.group(1),
            "username": STAFF_USER,
            "password": password,
            "next": "/admin/",
        }
    )
    status, headers, _ = client.request(
        "POST",
        "/admin/login/",
        jar,
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"http://{client.host}:{client.port}/admin/login/",
        },
    )
    if status != 302 or "sessionid" not in jar:
        raise RuntimeError(f"the admin login answered {status}, not a redirect with a session")
    return jar


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.records = []  # (kind, path, status, seconds)
        self.failures = []  # (kind, path, exception text)

    def extend(self, records, failures):
        with self.lock:
            self.records.extend(records)
            self.failures.extend(failures)


def timed(client, kind, path, jar, records, failures):
    start = time.perf_counter()
    try:
        status, _, _ = client.request("GET", path, jar)
    except (OSError, http.client.HTTPException) as error:
        status = 0
        failures.append((kind, path, f"{type(error).__name__}: {error}"))
        client.close()
        client.conn = None
    records.append((kind, path, status, time.perf_counter() - start))


def run_users(host, users, seconds, choose, jars, seed):
    """`users` closed-loop threads for `seconds`; `choose(rng)` gives the next (kind, path)."""
    recorder = Recorder()
    stop = threading.Event()
    barrier = threading.Barrier(users + 1)

    def user(number):
        rng = random.Random(seed * 1000 + number)
        client = Client(host)
        anonymous, staff = {}, jars[number]
        records, failures = [], []
        try:
            barrier.wait()
            while not stop.is_set():
                kind, path = choose(rng)
                timed(
                    client, kind, path, staff if kind == "export" else anonymous, records, failures
                )
        finally:
            client.close()
            recorder.extend(records, failures)

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(120)
    # Requests answered after the stop still count, over the time they took to finish.
    elapsed = time.perf_counter() - started
    return recorder, elapsed


def percentile(sorted_values, q):
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values)) - 1))
    return sorted_values[index]


def summary(records, elapsed):
    times = sorted(r[3] for r in records)
    errors = sum(1 for r in records if not 200 <= r[2] < 300)
    return {
        "requests": len(records),
        "errors": errors,
        "req/s": len(records) / elapsed if elapsed else 0,
        "p50 ms": percentile(times, 50) * 1000,
        "p95 ms": percentile(times, 95) * 1000,
        "p99 ms": percentile(times, 99) * 1000,
    }


def print_table(title, rows, columns):
    print(f"\n{title}")
    cells = [[fmt(row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    print(
        "  ".join(
            c.rjust(w) if i else c.ljust(w)
            for i, (c, w) in enumerate(zip(columns, widths, strict=True))
        )
    )
    for r in cells:
        print(
            "  ".join(
                v.rjust(w) if i else v.ljust(w)
                for i, (v, w) in enumerate(zip(r, widths, strict=True))
            )
        )


def fmt(value):
    if isinstance(value, float):
        if value != value:
            return "-"
        return f"{value:,.0f}" if value >= 100 else f"{value:.1f}" if value >= 1 else f"{value:.3f}"
    return str(value)


def errors_by_url(records, failures):
    bad = {}
    for kind, path, status, _ in records:
        if not 200 <= status < 300:
            bad.setdefault((kind, path, status), 0)
            bad[(kind, path, status)] += 1
    return bad, failures


def measure(site, name, extra_env, args, mix):
    if extra_env.get("REDIS_URL"):
        import redis

        redis.Redis.from_url(extra_env["REDIS_URL"]).flushdb()
    result = {"config": name}
    with site.serve(extra_env) as host:
        rng = random.Random(args.seed)
        kinds = discover(host, site.password, rng)
        result["urls"] = {k: len(v) for k, v in kinds.items()}
        print(
            f"\n== {name}: gunicorn on {host}; URLs: "
            + ", ".join(f"{k} {v}" for k, v in result["urls"].items())
        )

        # Each user signs in once, before the clock starts (a login costs a password hash).
        start = time.perf_counter()
        jars = [None] * args.users
        clients = [Client(host) for _ in range(args.users)]

        def sign_in(n):
            jars[n] = login(clients[n], site.password)
            clients[n].close()

        sign_ins = [threading.Thread(target=sign_in, args=(n,)) for n in range(args.users)]
        for thread in sign_ins:
            thread.start()
        for thread in sign_ins:
            thread.join()
        if None in jars:
            raise RuntimeError("a staff login failed (see above)")
        result["login s"] = time.perf_counter() - start
        print(
            f"{args.users} staff logins in {result['login s']:.1f} s; load average "
            + " ".join(f"{x:.1f}" for x in os.getloadavg())
        )

        # Warm-up: every URL once, as the staff user for exports.
        warm = Client(host)
        warm_records, warm_failures = [], []
        for kind, paths in kinds.items():
            for path in paths:
                timed(
                    warm,
                    kind,
                    path,
                    jars[0] if kind == "export" else {},
                    warm_records,
                    warm_failures,
                )
        warm.close()

        weighted = [(k, w) for k, w in mix.items() if kinds.get(k)]
        names, weights = zip(*weighted, strict=True)

        def choose(rng):
            kind = rng.choices(names, weights)[0]
            return kind, rng.choice(kinds[kind])

        recorder, elapsed = run_users(host, args.users, args.seconds, choose, jars, args.seed)
        records = recorder.records
        rows = [{"kind": "overall", **summary(records, elapsed)}]
        for kind in names:
            rows.append({"kind": kind, **summary([r for r in records if r[0] == kind], elapsed)})
        result["mix"] = rows
        result["mix seconds"] = elapsed
        print_table(
            f"{name}: mix, {args.users} users, {elapsed:.1f} s; weights "
            + ", ".join(f"{k} {w:g}" for k, w in weighted),
            rows,
            ["kind", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms"],
        )

        # Each kind alone with all users: its sustained rate, as a ratio of the static file's.
        alone = []
        for kind in ["static", *names]:
            rec, secs = run_users(
                host,
                args.users,
                args.kind_seconds,
                lambda rng, k=kind: (k, rng.choice(kinds[k])),
                jars,
                args.seed + 1,
            )
            alone.append({"kind": kind, **summary(rec.records, secs)})
            recorder.extend(rec.records, rec.failures)
        static_rate = alone[0]["req/s"]
        for row in alone:
            row["static/x"] = static_rate / row["req/s"] if row["req/s"] else float("nan")
            row["x/static"] = row["req/s"] / static_rate if static_rate else float("nan")
        result["alone"] = alone
        result["load"] = os.getloadavg()
        print_table(
            f"{name}: each kind alone, {args.users} users, {args.kind_seconds:g} s each "
            "(x/static: the kind's rate over the stylesheet's; static/x: 1 in ...); "
            "load average after: " + " ".join(f"{x:.1f}" for x in result["load"]),
            alone,
            [
                "kind",
                "requests",
                "errors",
                "req/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "x/static",
                "static/x",
            ],
        )

    bad, failures = errors_by_url(
        warm_records + recorder.records, warm_failures + recorder.failures
    )
    result["errors"] = sum(bad.values())
    if bad:
        print(f"\n{name}: NON-2XX ANSWERS ({sum(bad.values())})")
        for (kind, path, status), count in sorted(bad.items()):
            print(f"  {status or 'no answer'}  x{count}  {kind:13} {path}")
        for kind, path, error in failures[:20]:
            print(f"  no answer: {kind} {path}: {error}")
    else:
        print(f"\n{name}: 0 errors ({len(warm_records)} warm-up requests, all 2xx)")
    return result


def parse_mix(text):
    mix = {}
    for part in text.split(","):
        kind, _, weight = part.partition("=")
        mix[kind.strip()] = float(weight)
    return mix


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--kind-seconds", type=float, default=10, help="each kind alone (default 10)"
    )
    parser.add_argument(
        "--configs",
        default="redis,locmem,uncached",
        help="redis, locmem, uncached, bare (or several)",
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14")
    parser.add_argument(
        "--mix", default=DEFAULT_MIX, help=f"kind=weight,... (default {DEFAULT_MIX})"
    )
    parser.add_argument("--copies", type=int, default=1, help="extra copies of each published row")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    configs = {
        "redis": {"REDIS_URL": args.redis_url},
        "locmem": {},
        "uncached": {"REDIS_URL": args.redis_url, "DJANGO_PAGE_CACHE": "false"},
        "bare": {
            "REDIS_URL": args.redis_url,
            "DJANGO_PAGE_CACHE": "false",
            "DJANGO_FRAGMENT_CACHE": "false",
        },
    }
    names = args.configs.split(",")
    if set(names) - set(configs):
        parser.error(f"--configs: choose from {', '.join(configs)}")
    mix = parse_mix(args.mix)

    exit_on_sigterm()
    site = ScratchSite(copies=args.copies)
    results = []
    try:
        site.prepare()
        for name in names:
            results.append(measure(site, name, configs[name], args, mix))
    except BaseException:
        sys.stderr.write("\n--- gunicorn log (end) ---\n" + site.log_tail())
        raise
    finally:
        site.remove()

    if len(results) > 1:
        rows = []
        for i, row in enumerate(results[0]["mix"]):
            merged = {"kind": row["kind"]}
            for result in results:
                other = result["mix"][i]
                alone = {r["kind"]: r for r in result["alone"]}
                c = result["config"]
                merged[f"{c} req/s"] = other["req/s"]
                merged[f"{c} p50"] = other["p50 ms"]
                merged[f"{c} p99"] = other["p99 ms"]
                if row["kind"] in alone:
                    merged[f"{c} alone/static"] = f"1/{alone[row['kind']]['static/x']:.1f}"
            rows.append(merged)
        columns = ["kind"] + [k for k in rows[1] if k != "kind"]
        print_table(
            "Side by side (mix req/s, p50/p99 ms; alone/static: the kind alone over static)",
            rows,
            columns,
        )
        statics = ", ".join(f"{r['config']} {r['alone'][0]['req/s']:,.0f}/s" for r in results)
        print(f"Stylesheet alone: {statics}")
    total_errors = sum(r["errors"] for r in results)
    print(f"\nErrors: {total_errors}")
    return 1 if total_errors else 0


if __name__ == "__main__":
    sys.exit(main())
