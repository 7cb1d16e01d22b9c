"""Every applicant portal page as each demo aanvrager sees it: latency (p50/p95/max) and queries per page.

    python -m bench.portaal [--runs 30] [--warmup 3]

Without DATABASE_URL it builds the demo (`manage.py migrate`, `seed_demo`) in a fresh SQLite database in a temporary
directory (documents there too) and removes it afterwards. With DATABASE_URL pointing at a PostgreSQL database whose
name contains "bench" it migrates and seeds that one (seed_demo is idempotent, so a second run reuses it); create it
fresh first (`createdb -O subsidies subsidies_bench_portaal`).

Each demo aanvrager (`subsidies.demo.logins`, one per request family) is logged in with Django's test `Client`
(`force_login`), and every portal URL (from `portaal.urls`) is filled in with that person's own objects: every
organisation, every request (its page, the withdraw page while it can be withdrawn, the receipt once submitted, the
task list, steps and check page while it is a draft, the aanvulling while one is open), every document, every
subsidie and jaartranche, the verantwoording pages their tasks point to, a keuzehulp with answers that fit them,
the start page of every regeling the portal has a form for, and an invitation they sent. URL names in SKIPPED
take only POSTs; a page for which no demo aanvrager has an object (the demo's requests carry no documents) is
listed in the result as `without_case`. A URL that does not answer 200 fails the run.

Each URL: `--warmup` requests, then `--runs` timed ones, in process (no HTTP server: what is measured is Django,
the middleware, the view, its queries and the template), with DEBUG off so no query log is kept; the queries are
counted in one more request of their own. The table pools the samples of all
URLs of one page (e.g. every request's detail page of every aanvrager); the result file has every URL.
"""
import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from .common import _LOAD_BEFORE, percentile, write_result

AANVRAGERS = ("demo-aanvrager", "demo-bewonersinitiatief", "demo-accommodatie", "demo-bewonersorganisatie")
# Answers to the keuzehulp that fit each aanvrager's family (wie, wat, an amount in euro).
KEUZEHULP = {
    "demo-aanvrager": {"wie": "organisatie", "wat": "meerjarig", "bedrag": "25000"},
    "demo-bewonersinitiatief": {"wie": "bewoners", "wat": "eenmalig", "bedrag": "1500"},
    "demo-accommodatie": {"wie": "accommodatie", "wat": "gebouw"},
    "demo-bewonersorganisatie": {"wie": "bewonersorganisatie", "wat": "bewonersorganisatie"},
}
SKIPPED = {
    "aanvraag_autosave": "POST only (the draft's autosave while typing)",
    "aanvraag_bijlagen": "POST only (adding a file to a draft)",
}
TARGET_P95_MS, MAX_QUERIES = 150, 20
TIME_LIMIT_S = 20  # per URL, on top of the count


def prepare(tmp: Path | None) -> str:
    """Point Django at the benchmark database (a fresh SQLite file in `tmp` unless DATABASE_URL is set); migrate and
    seed the demo. Returns the database's kind."""
    url = os.environ.get("DATABASE_URL", "")
    if url:
        if not url.startswith(("postgres://", "postgresql://")) or "bench" not in url.rsplit("/", 1)[-1]:
            raise SystemExit("DATABASE_URL must be a PostgreSQL database whose name contains 'bench'")
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'db.sqlite3'}"
        os.environ["MEDIA_ROOT"] = str(tmp / "media")
        os.environ["DOCUMENTEN_ROOT"] = str(tmp / "documenten")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
    _LOAD_BEFORE[:] = [round(x, 2) for x in os.getloadavg()]
    import django

    django.setup()
    from django.core.management import call_command

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", force=True, stdout=open(os.devnull, "w"))
    print(f"migrate + seed_demo: {time.perf_counter() - began:.1f} s", file=sys.stderr)
    from django.db import connection

    return connection.vendor


def cases(user) -> list[tuple[str, str]]:
    """(URL name, URL) for every portal page that applies to `user`, from their own objects."""
    from django.urls import reverse

    from portaal.formulieren import ondersteund, stappen_van
    from portaal.views.overzicht import taak_link
    from subsidies.models import Aanvraag, Document, Jaartranche, Organisatie, Regeling
    from subsidies.services.organisaties import uitnodigen
    from subsidies.services.taken import open_taken
    from workflows.transitions import available_actions

    def url(naam, *args, query=""):
        return (naam, reverse(f"portaal:{naam}", args=args) + query)

    organisaties = list(Organisatie.objects.filter(leden=user).order_by("pk"))
    uit = [url("overzicht"), url("organisaties"),
           url("keuzehulp", query="?" + "&".join(f"{k}={v}" for k, v in KEUZEHULP[user.username].items()))]
    for organisatie in organisaties:
        uit += [url("organisatie", organisatie.pk), url("organisatie_leden", organisatie.pk)]
    tokens = []
    uitnodigen(organisaties[0], f"bench-{user.username}-{time.time_ns()}@example.org", user,
               link=lambda token: tokens.append(token) or token)
    uit.append(url("uitnodiging", tokens[0]))
    uit += [url("aanvraag_starten", code) for code in Regeling.objects.filter(actief=True).order_by("code")
            .values_list("code", flat=True) if ondersteund(Regeling.objects.get(code=code))]
    aanvragen = list(Aanvraag.objects.filter(organisatie__in=organisaties).select_related("regeling")
                     .order_by("pk"))
    for aanvraag in aanvragen:
        uit.append(url("aanvraag", aanvraag.pk))
        if any(a["actie"] == "intrekken" and a["mogelijk"] for a in available_actions(aanvraag, user)):
            uit.append(url("intrekken", aanvraag.pk))
        if aanvraag.status == Aanvraag.Status.CONCEPT:
            if ondersteund(aanvraag.regeling):
                uit += [url("aanvraag_invullen", aanvraag.pk), url("aanvraag_controleren", aanvraag.pk)]
                uit += [url("aanvraag_stap", aanvraag.pk, stap.slug) for stap in stappen_van(aanvraag)]
        elif aanvraag.ontvangen_op is not None:  # withdrawn before it was sent: no receipt
            uit.append(url("ontvangstbevestiging", aanvraag.pk))
        if aanvraag.status == Aanvraag.Status.AANVULLING_GEVRAAGD:
            uit.append(url("aanvulling", aanvraag.pk))
    uit += [url("document", pk) for pk in Document.objects.filter(aanvraag__in=aanvragen).order_by("pk")
            .values_list("pk", flat=True)]
    for aanvraag in aanvragen:
        if hasattr(aanvraag, "subsidie"):
            uit.append(url("subsidie", aanvraag.subsidie.pk))
    uit += [url("werkplan", pk) for pk in Jaartranche.objects.filter(subsidie__aanvraag__in=aanvragen)
            .order_by("pk").values_list("pk", flat=True)]
    for taak in open_taken(organisaties):  # the verantwoording pages the tasks point to (per boekjaar)
        if taak.soort == "verantwoording":
            uit.append(("verantwoording", taak_link(taak)))
    return list(dict.fromkeys(uit))


def measure(client, adres: str, runs: int, warmup: int) -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        antwoord = client.get(adres)
    if antwoord.status_code != 200:
        return {"status": antwoord.status_code}
    samples, deadline = [], time.monotonic() + TIME_LIMIT_S
    settings.DEBUG = False  # no query log while timing
    try:
        for _ in range(runs):
            began = time.perf_counter()
            client.get(adres)
            samples.append((time.perf_counter() - began) * 1000)
            if time.monotonic() > deadline:
                break
    finally:
        settings.DEBUG = True
    with CaptureQueriesContext(connection) as queries:
        client.get(adres)
    return {"status": 200, "samples": samples, "queries": len(queries)}


def summary(samples: list[float]) -> dict:
    return {"requests": len(samples), "p50_ms": round(percentile(samples, 50), 1),
            "p95_ms": round(percentile(samples, 95), 1), "max_ms": round(max(samples), 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--name", help="result file name (default portaal_<database>)")
    args = parser.parse_args(argv)

    tmp = None if os.environ.get("DATABASE_URL") else Path(tempfile.mkdtemp(prefix="bench-portaal-"))
    try:
        vendor = prepare(tmp)
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.urls import get_resolver

        namen = {p.name for p in get_resolver("portaal.urls").url_patterns}
        per_url, per_pagina, mislukt = [], defaultdict(list), []
        for username in AANVRAGERS:
            user = get_user_model().objects.get(username=username)
            client = Client()
            client.force_login(user)
            for naam, adres in cases(user):
                resultaat = measure(client, adres, args.runs, args.warmup)
                if resultaat["status"] != 200:
                    mislukt.append((username, adres, resultaat["status"]))
                    continue
                per_url.append({"aanvrager": username, "pagina": naam, "url": adres, "queries": resultaat["queries"],
                                **summary(resultaat["samples"])})
                per_pagina[naam].append((resultaat["samples"], resultaat["queries"], username, adres))
        zonder = sorted(namen - set(per_pagina) - set(SKIPPED))
        pages = []
        for naam in [p.name for p in get_resolver("portaal.urls").url_patterns if p.name in per_pagina]:
            rijen = per_pagina[naam]
            samples = [s for rij in rijen for s in rij[0]]
            traagste = max(rijen, key=lambda rij: percentile(rij[0], 95))
            queries = [rij[1] for rij in rijen]
            pages.append({"pagina": naam, "urls": len(rijen), "aanvragers": len({rij[2] for rij in rijen}),
                          **summary(samples), "queries_min": min(queries), "queries_max": max(queries),
                          "slowest_url": traagste[3], "slowest_url_p95_ms": round(percentile(traagste[0], 95), 1)})
        print(f"\n{'page':24} {'urls':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}  slowest URL (p95)")
        for p in pages:
            q = (f"{p['queries_min']}-{p['queries_max']}" if p["queries_min"] != p["queries_max"]
                 else str(p["queries_max"]))
            print(f"{p['pagina']:24} {p['urls']:>5} {p['p50_ms']:>8} {p['p95_ms']:>8} {p['max_ms']:>8} {q:>8}  "
                  f"{p['slowest_url']} ({p['slowest_url_p95_ms']})")
        over = [u for u in per_url if u["p95_ms"] >= TARGET_P95_MS or u["queries"] > MAX_QUERIES]
        for u in over:
            print(f"OVER TARGET: {u['aanvrager']} {u['url']} p95 {u['p95_ms']} ms, {u['queries']} queries")
        for wie, adres, status in mislukt:
            print(f"NOT 200: {wie} {adres} -> {status}")
        if zonder:  # no demo aanvrager has an object for it (tests/portaal/test_queries.py still covers it)
            print(f"No case in the demo data for: {', '.join(zonder)}")
        write_result(args.name or f"portaal_{vendor}", {
            "database": vendor, "runs": args.runs, "warmup": args.warmup, "target_p95_ms": TARGET_P95_MS,
            "max_queries": MAX_QUERIES, "skipped": SKIPPED, "pages": pages, "urls": per_url,
            "over_target": over, "not_200": mislukt, "without_case": zonder,
        })
        return 1 if mislukt else 0
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
