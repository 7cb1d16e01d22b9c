"""Sealing N waiting audit records: how long `workflows.audit.seal()` takes to link them into the chain.

    python -m bench.audit_seal [--records 1000000] [--no-write]

Copies N unlinked records (what writers insert: content and content hash, no place in the chain) in one
transaction, as if that many had been written while the sealer stood still, then times `seal()` (one transaction,
`SEAL_BATCH` records per statement) and checks the result with `verify()`. Target (issue 12): 1,000,000 in under
60 s.
"""
import argparse
import datetime as dt
import time

from .common import setup_django, write_result


def copy_waiting(n: int) -> float:
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from subsidies.models import Organisatie
    from workflows.audit import content_hash

    from .seed import COLUMNS

    ct = ContentType.objects.get_for_model(Organisatie).pk
    started, moment = time.perf_counter(), dt.datetime.now(dt.timezone.utc)
    with transaction.atomic():
        connection.ensure_connection()
        with connection.connection.cursor() as cursor, cursor.copy(
                f"COPY workflows_auditrecord ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for k in range(n):
                values = {"tijdstip": moment + dt.timedelta(microseconds=k), "actor_id": None,
                          "actor_weergave": "systeem", "object_type_id": ct, "object_id": str(k),
                          "object_weergave": f"Bench {k}", "actie": "gewijzigd", "handeling": "", "van_status": "",
                          "naar_status": "", "toelichting": "", "wijzigingen": {"naam": ["oud", f"nieuw {k}"]},
                          "request_id": f"{k:032x}", "vorige_hash": "", "hash": ""}
                values["inhoud_hash"] = content_hash(values)
                copy.write_row(['{"naam": ["oud", "nieuw %d"]}' % k if c == "wijzigingen" else values[c]
                                for c in COLUMNS])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--no-write", action="store_true", help="seal what already waits; copy nothing")
    args = parser.parse_args()
    setup_django()
    from workflows.audit import seal, verify
    from workflows.models import AuditRecord

    copy_s = 0.0 if args.no_write else copy_waiting(args.records)
    waiting = AuditRecord.objects.filter(positie__isnull=True).count()
    started = time.perf_counter()
    sealed = seal()
    seal_s = time.perf_counter() - started
    started = time.perf_counter()
    check = verify()
    verify_s = time.perf_counter() - started
    print(f"sealed {sealed} of {waiting} waiting records in {seal_s:.1f} s "
          f"({sealed / seal_s if seal_s else 0:,.0f}/s); verify: {check.intact}, {check.summary()}, {verify_s:.1f} s")
    write_result("audit_seal", {"parameters": vars(args), "copy_s": round(copy_s, 2), "waiting": waiting,
                                "sealed": sealed, "seal_s": round(seal_s, 2), "verify_s": round(verify_s, 2),
                                "intact": check.intact, "problem": check.problem, "chain_length": check.checked})


if __name__ == "__main__":
    main()
