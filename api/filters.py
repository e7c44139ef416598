"""The API's filters: each list page's own FilterSet, without its `sort`.

The API pages with a cursor over one fixed order (api.pagination), so a sort parameter would
do nothing; it is dropped (django-filter removes a filter set to None) rather than ignored.
Filters that run a method have no model field for the schema to read their type from: they
are given one here, on a copy, so the pages' FilterSets stay as they are.
"""

import copy

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from festivals.filters import FestivalFilter
from heritage.filters import HeritageSiteFilter
from programmes.filters import ProgrammeFilter
from routes.filters import RouteFilter
from scoculture.filters import TextFilter
from universities.filters import UniversityFilter


def typed(filterset, name, openapi_type):
    """A copy of `filterset`'s filter `name` that the schema documents as `openapi_type`."""
    return extend_schema_field(openapi_type)(copy.deepcopy(filterset.base_filters[name]))


class ProgrammeApiFilter(ProgrammeFilter):
    sort = None
    country = typed(ProgrammeFilter, "country", OpenApiTypes.STR)
    partner = typed(ProgrammeFilter, "partner", OpenApiTypes.STR)
    open = typed(ProgrammeFilter, "open", OpenApiTypes.BOOL)


class FestivalApiFilter(FestivalFilter):
    sort = None
    country = typed(FestivalFilter, "country", OpenApiTypes.STR)
    partner = typed(FestivalFilter, "partner", OpenApiTypes.STR)


class UniversityApiFilter(UniversityFilter):
    sort = None
    # Every word in the name (the language asked for, or English): the suggestions of the
    # programmes list's university box (static/js/suggest.js), where `q` would also match
    # cities and descriptions.
    name = TextFilter(label=_("Name"), translated=("name",), fields=())


class HeritageSiteApiFilter(HeritageSiteFilter):
    sort = None
    country = typed(HeritageSiteFilter, "country", OpenApiTypes.STR)
    transboundary = typed(HeritageSiteFilter, "transboundary", OpenApiTypes.BOOL)


class RouteApiFilter(RouteFilter):
    country = typed(RouteFilter, "country", OpenApiTypes.STR)
