"""The API's filters: each list page's own FilterSet, without its `sort`.

The API pages with a cursor over one fixed order (api.pagination), so a sort parameter would
do nothing; it is dropped (django-filter removes a filter set to None) rather than ignored.
"""

from festivals.filters import FestivalFilter
from heritage.filters import HeritageSiteFilter
from programmes.filters import ProgrammeFilter
from universities.filters import UniversityFilter


class ProgrammeApiFilter(ProgrammeFilter):
    sort = None


class FestivalApiFilter(FestivalFilter):
    sort = None


class UniversityApiFilter(UniversityFilter):
    sort = None


class HeritageSiteApiFilter(HeritageSiteFilter):
    sort = None
