from decimal import Decimal

from tests.factories import breng_naar


def test_one_off_request_walks_to_verleend(concept, aanvrager, behandelaar, beslisser):
    aanvraag = breng_naar(concept, "verleend", aanvrager=aanvrager, behandelaar=behandelaar, beslisser=beslisser)
    assert aanvraag.status == "verleend"
    assert aanvraag.subsidie.verleend_bedrag == Decimal("12000.00")
    assert aanvraag.beschikkingen.get().soort == "verlening"
