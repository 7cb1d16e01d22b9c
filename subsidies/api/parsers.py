"""The API's JSON parser: DRF's, but a body nested deeper than any real request is refused with a 400.

A body nested a thousand levels deep made the decoder or the code after it overflow Python's stack (RecursionError,
an HTML 500) on every JSON endpoint, the anonymous token endpoint included.
"""
from rest_framework import parsers

from .exceptions import UnreadableInput

MAX_DEPTH = 64  # our deepest real body (an action with nested voorwaarden or doelen) is four levels deep


def too_deep() -> UnreadableInput:
    return UnreadableInput(
        f"De JSON in uw verzoek is te diep genest. Gebruik hoogstens {MAX_DEPTH} niveaus.",
        f"The JSON in the request is nested too deeply. Use at most {MAX_DEPTH} levels.",
        code="te_diep_genest",
    )


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise too_deep() from None
        if depth(data) > MAX_DEPTH:
            raise too_deep()
        return data


def depth(data) -> int:
    """How deeply lists and objects nest in `data`, counted without recursion (a scalar is depth 0)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is not None:
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in children)
    return deepest
