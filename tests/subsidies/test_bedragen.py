"""One way to write an amount (`subsidies.bedragen.euro`): the sign, a space and the grouped number, in the language
asked for, whatever the active locale; and both template filters write it the same way."""
from decimal import Decimal as D

import pytest
from django.template import Context, Template
from django.utils import translation

from subsidies.bedragen import euro


@pytest.mark.parametrize(("waarde", "taal", "decimalen", "tekst"), [
    (D("6400"), "nl", 2, "€ 6.400,00"),
    (D("6400"), "en", 2, "€ 6,400.00"),
    (D("1234567.89"), "nl", 2, "€ 1.234.567,89"),
    (D("1234567.89"), "en-gb", 2, "€ 1,234,567.89"),  # a regional English code is English
    (D("999.99"), "nl", 2, "€ 999,99"),  # no separator below a thousand
    (D("-4000"), "nl", 2, "€ -4.000,00"),  # negative: the minus after the sign and space
    (D("-4000"), "en", 2, "€ -4,000.00"),
    (D("2.345"), "nl", 2, "€ 2,35"),  # half up, not to even
    (D("2.344"), "nl", 2, "€ 2,34"),
    (D("-2.345"), "en", 2, "€ -2.35"),  # half away from zero for a negative amount too
    (D("-0.004"), "nl", 2, "€ 0,00"),  # rounded to nothing: no "€ -0,00"
    (2.675, "nl", 2, "€ 2,68"),  # a float as written, not its binary neighbour 2.67499…
    (250000, "nl", 0, "€ 250.000"),  # whole euros for ceilings and ranges
    (D("249999.50"), "en", 0, "€ 250,000"),
    ("12000.00", "nl", 2, "€ 12.000,00"),  # as the API and forms carry it
    (D("1.1500"), "nl", 4, "€ 1,1500"),
])
def test_an_amount_is_written_in_the_house_style(waarde, taal, decimalen, tekst):
    assert euro(waarde, taal, decimalen) == tekst


@pytest.mark.parametrize("waarde", [None, "", "geen bedrag", D("NaN"), D("Infinity")])
def test_no_amount_writes_nothing(waarde):
    assert euro(waarde) == "" and euro(waarde, "en") == ""


def test_dutch_is_the_default_and_the_active_language_does_not_matter():
    with translation.override("en"):
        assert euro(D("6400")) == "€ 6.400,00" and euro(D("6400"), "en") == "€ 6,400.00"


@pytest.mark.parametrize(("taal", "tekst"), [("nl", "€ 12.345,67|€ 12.346"), ("en", "€ 12,345.67|€ 12,346")])
def test_the_page_and_the_letter_filters_write_the_same(taal, tekst):
    pagina = Template("{% load bedragen %}{{ b|bedrag }}|{{ b|bedrag:0 }}")
    brief = Template("{% load briefopmaak %}{{ b|bedrag }}")
    with translation.override(taal):
        context = Context({"b": D("12345.67")})
        assert pagina.render(context) == tekst
        assert brief.render(context) == tekst.split("|")[0]
