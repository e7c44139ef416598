import factory

from festivals.models import Festival
from scoculture.models import Sector
from scoculture.tests.factories import (
    CountryFactory,
    PublishedFactory,
    days_from_today,
    many_to_many,
)


class FestivalFactory(PublishedFactory):
    class Meta:
        model = Festival
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Festival {n}")
    slug = factory.Sequence(lambda n: f"festival-{n}")
    kind = Festival.Kind.ARTS_FESTIVAL
    host_country = factory.SubFactory(CountryFactory)
    city = "Qingdao"
    sector = Sector.GOVERNMENT
    start_date = days_from_today(200)  # upcoming
    end_date = days_from_today(205)
    participating_countries = many_to_many("participating_countries")
    heritage_sites = many_to_many("heritage_sites")
