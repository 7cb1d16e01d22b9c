"""The OpenAPI schema, with the bounds of amounts shown.

Amounts travel as strings ("12.50"); drf-spectacular then gives only a pattern with any sign and twelve whole digits,
and OpenAPI's minimum and maximum are defined for numbers. So an amount's pattern is narrowed to its bounds (no minus
sign when it cannot be negative, as many whole digits as its maximum has) and the bounds are stated beside it.
"""
import re

from drf_spectacular import openapi
from rest_framework import serializers


class AutoSchema(openapi.AutoSchema):
    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if isinstance(field, serializers.DecimalField) and "pattern" in schema:
            if field.min_value is not None:
                schema["minimum"] = float(field.min_value)
                if field.min_value >= 0:
                    schema["pattern"] = schema["pattern"].replace("^-?", "^", 1)
            if field.max_value is not None:
                schema["maximum"] = float(field.max_value)
                cijfers = len(str(int(abs(field.max_value))))
                schema["pattern"] = re.sub(r"\\d\{0,\d+\}", rf"\\d{{0,{cijfers}}}", schema["pattern"], count=1)
        return schema
