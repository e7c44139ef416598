import factory

from scoculture.tests.factories import (
    CountryFactory,
    PublishedFactory,
    many_to_many,
)
from universities.models import PriorityArea, University


class PriorityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")


class UniversityFactory(PublishedFactory):
    class Meta:
        model = University
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"University {n}")
    slug = factory.Sequence(lambda n: f"university-{n}")
    country = factory.SubFactory(CountryFactory)
    city = "Tashkent"
    sco_university_member = True
    sco_university_since = 2010
    priority_areas = many_to_many("priority_areas")
