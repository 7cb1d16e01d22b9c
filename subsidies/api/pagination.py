from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import QuerySet
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

from .exceptions import NotFoundHere


class DeferredJoinPaginator(DjangoPaginator):
    """Find a page's primary keys first, then load just those rows with their joins.

    On a deep page (OFFSET 50,000) of the full query PostgreSQL joins every skipped row before discarding it; over
    the keys alone it walks an index. The page keeps the order of the keys.
    """

    def _get_page(self, object_list, number, paginator):
        if isinstance(object_list, QuerySet) and object_list.query.low_mark and not object_list.query.distinct:
            keys = list(object_list.values_list("pk", flat=True))
            rows = {row.pk: row for row in self.object_list.filter(pk__in=keys).order_by()}
            object_list = [rows[key] for key in keys if key in rows]
        return super()._get_page(object_list, number, paginator)


class Pagination(PageNumberPagination):
    django_paginator_class = DeferredJoinPaginator
    page_size_query_param = "page_size"
    max_page_size = 200

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound:
            raise NotFoundHere("Deze pagina bestaat niet. Kies een lager paginanummer.",
                               "This page does not exist. Choose a lower page number.", code="niet_gevonden") from None
