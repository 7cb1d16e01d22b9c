"""One way to write an amount of money, for every face: pages, letters, messages, errors and trail notes.

The house style is the sign, a space and the grouped number: "€ 6.400,00" in Dutch, "€ 6,400.00" in English. The
language is an argument, not the active locale, because a bilingual error (`InvalidInput(nl, en)`) carries both
texts at once; the template filters pass the page's or letter's language.
"""
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

SCHEIDINGSTEKENS = {"nl": (".", ","), "en": (",", ".")}  # (thousands, decimals)


def euro(waarde, taal: str = "nl", decimalen: int = 2) -> str:
    """`waarde` in euros, rounded half up to `decimalen` places ("€ 250.000" with 0, for ceilings and ranges that
    show whole euros). `taal` "en" (or any "en-…" code) writes English, anything else Dutch. A negative amount keeps
    its sign after the space ("€ -12,50"). Empty for None, "" or anything that is not a finite number."""
    try:
        getal = Decimal(str(waarde))
        if not getal.is_finite():
            return ""
        getal = getal.quantize(Decimal(1).scaleb(-int(decimalen)), ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    if getal.is_zero():
        getal = abs(getal)  # no "€ -0,00" from a tiny negative rounded away
    duizend, komma = SCHEIDINGSTEKENS["en" if str(taal or "").lower().startswith("en") else "nl"]
    tekst = f"{getal:,.{int(decimalen)}f}"  # Python writes the English separators
    return "€ " + tekst.translate(str.maketrans({",": duizend, ".": komma}))
