"""Lighthouse's four scores for home, a list and a detail page in each language, mobile and
desktop, flagging any under 95.

    .venv/bin/python bench/lighthouse.py                  # make bench-lighthouse
    .venv/bin/python bench/lighthouse.py --languages en --presets desktop --list festivals

Installs npm's lighthouse 12 into bench/.node/ (git-ignored) when it is not there, starts the
site as production runs it (scratch_site.py: gunicorn.conf.py, 2 workers, settings.prod, a
scratch SQLite database with the demo data) and runs Lighthouse with Debian's Chromium
(CHROME_PATH, default /usr/bin/chromium; --headless=new --no-sandbox --disable-gpu) on
/<language>/, /<language>/<list>/ and the first detail page that /sitemap-<list>-<language>.xml
names. Prints the performance, accessibility, best-practices and SEO scores of each run, and
for each category under the bar the audits that cost it points (id, score, weight) with the
elements they name. The JSON reports go to --out (default /tmp/lighthouse/), with summary.json.
The performance score is Lighthouse's simulated throttling (mobile: a slow 4G phone) computed
on a machine shared with other jobs, so it moves by a few points between runs.
"""

import argparse
import contextlib
import html
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from scratch_site import LANGUAGES, ScratchSite, exit_on_sigterm

HERE = Path(__file__).resolve().parent
NODE_PREFIX = HERE / ".node"
LIGHTHOUSE = NODE_PREFIX / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"


def ensure_lighthouse():
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        raise SystemExit("npm is needed to install lighthouse (apt-get install npm)")
    print("Installing lighthouse@12 into bench/.node/ ...", flush=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(NODE_PREFIX),
            "--no-audit",
            "--no-fund",
            "lighthouse@12",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def first_detail(host, list_name, language):
    conn = http.client.HTTPConnection(*host.split(":"), timeout=30)
    conn.request("GET", f"/sitemap-{list_name}-{language}.xml")
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    locs = re.findall(r"<loc>([^<]+)</loc>", body)
    if response.status != 200 or not locs:
        raise RuntimeError(f"/sitemap-{list_name}-{language}.xml lists no page")
    return html.unescape(locs[0]).split(host, 1)[1]


def run_lighthouse(url, preset, report, chrome_path):
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    # Its own process group: Chromium goes with it when we stop it.
    proc = subprocess.Popen(
        command,
        env={**os.environ, "CHROME_PATH": chrome_path},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, stderr = proc.communicate(timeout=240)
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if proc.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed on {url} ({preset}): {stderr[-2000:]}")
    return json.loads(report.read_text())


def scores(lhr):
    return {c: round((lhr["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}


def elements(audit, limit=3):
    """What an audit names: DOM nodes (selector and snippet), else source locations and URLs,
    else its display value. Details nest (tables of tables, insight lists), so walk them."""
    nodes, others = [], []

    def walk(value):
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            if value.get("type") == "node":
                nodes.append(f"{value.get('selector', '')} {value.get('snippet', '')}".strip())
            elif str(value.get("url", "")).startswith("http"):
                others.append(value["url"])  # a source location, a request
            for key, item in value.items():
                if key not in ("headings", "debugData"):
                    walk(item)

    walk(audit.get("details"))
    found = list(dict.fromkeys(nodes or others))[:limit]
    if audit.get("displayValue"):
        found.insert(0, audit["displayValue"])
    return found


def failing_audits(lhr, category, limit=6):
    """The audits that cost `category` points, the most costly first."""
    rows = []
    for ref in lhr["categories"][category]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        score = audit.get("score")
        if (
            score is None
            or score >= 1
            or audit.get("scoreDisplayMode")
            in (
                "informative",
                "notApplicable",
                "manual",
            )
        ):
            continue
        if ref["weight"] == 0 and score >= 0.9:
            continue
        rows.append((ref["weight"] * (1 - score), ref["id"], score, ref["weight"], audit))
    rows.sort(key=lambda row: (-row[0], row[1]))
    return [
        {
            "id": audit_id,
            "score": score,
            "weight": weight,
            "title": audit.get("title", ""),
            "elements": elements(audit),
        }
        for _, audit_id, score, weight, audit in rows[:limit]
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--presets", default="mobile,desktop")
    parser.add_argument("--list", default="programmes", help="the list (and its detail page)")
    parser.add_argument("--pages", default="home,list,detail", help="which of home, list, detail")
    parser.add_argument("--bar", type=int, default=95)
    parser.add_argument("--out", default="/tmp/lighthouse")
    parser.add_argument("--chrome-path", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--redis-url", default="", help="run the site with this REDIS_URL")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a score is under --bar")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if not Path(args.chrome_path).exists():
        raise SystemExit(f"no Chromium at {args.chrome_path} (apt-get install chromium)")

    exit_on_sigterm()
    ensure_lighthouse()
    site = ScratchSite(copies=0)
    results = []
    try:
        site.prepare()
        extra = {"REDIS_URL": args.redis_url} if args.redis_url else {}
        with site.serve(extra) as host:
            for language in args.languages.split(","):
                pages = {
                    "home": f"/{language}/",
                    "list": f"/{language}/{args.list}/",
                    "detail": first_detail(host, args.list, language),
                }
                pages = {p: pages[p] for p in args.pages.split(",")}
                for page, path in pages.items():
                    for preset in args.presets.split(","):
                        report = out / f"{language}-{page}-{preset}.json"
                        report.unlink(missing_ok=True)
                        lhr = run_lighthouse(
                            f"http://{host}{path}", preset, report, args.chrome_path
                        )
                        row = {
                            "language": language,
                            "page": page,
                            "path": path,
                            "preset": preset,
                            "scores": scores(lhr),
                            "report": str(report),
                        }
                        row["failing"] = {
                            c: failing_audits(lhr, c)
                            for c, score in row["scores"].items()
                            if score < args.bar
                        }
                        row["lost"] = {
                            c: [a["id"] for a in failing_audits(lhr, c, limit=20)]
                            for c, score in row["scores"].items()
                            if score < 100
                        }
                        results.append(row)
                        flag = f"  <-- under {args.bar}" if row["failing"] else ""
                        print(
                            f"{language:8} {page:7} {preset:8} "
                            + "  ".join(f"{c[:4]} {s:3d}" for c, s in row["scores"].items())
                            + f"  {path}{flag}",
                            flush=True,
                        )
    except BaseException:
        sys.stderr.write("\n--- gunicorn log (end) ---\n" + site.log_tail())
        raise
    finally:
        site.remove()

    (out / "summary.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    under = [row for row in results if row["failing"]]
    print(f"\n{len(results)} runs; {len(under)} with a category under {args.bar}. Reports: {out}/")
    for row in under:
        for category, audits in row["failing"].items():
            print(
                f"\n{row['language']} {row['page']} {row['preset']}: {category} "
                f"{row['scores'][category]} ({row['path']})"
            )
            for audit in audits:
                print(
                    f"  {audit['id']} (score {audit['score']}, weight {audit['weight']}): "
                    + audit["title"]
                )
                for element in audit["elements"]:
                    print(f"      {element[:160]}")
    # Every audit that costs a point anywhere, and where: the short list of what to fix.
    lost = {}
    for row in results:
        for category, ids in row["lost"].items():
            for audit_id in ids:
                lost.setdefault((category, audit_id), []).append(
                    f"{row['language']}/{row['page']}/{row['preset']}"
                )
    if lost:
        print("\nAudits that cost points (category under 100), and the runs:")
        for (category, audit_id), runs in sorted(lost.items()):
            print(f"  {category}: {audit_id} ({len(runs)} runs): {', '.join(runs)}")
    return 1 if under and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
