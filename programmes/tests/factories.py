import factory

from programmes.models import Festival, FieldOfStudy, Language, PriorityArea, Programme, University
from scoculture.models import Sector
from scoculture.tests.factories import CountryFactory, PublishedFactory, days_from_today


def _m2m(attribute):
    """A post-generation hook that sets a many-to-many from the factory's argument."""

    def hook(self, create, extracted, **kwargs):
        if create and extracted:
            getattr(self, attribute).set(extracted)

    return factory.post_generation(hook)


class PriorityAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Language {n}")
    slug = factory.Sequence(lambda n: f"language-{n}")
    code = factory.Sequence(lambda n: f"l{n}")


class FieldOfStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfStudy
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Field {n}")
    slug = factory.Sequence(lambda n: f"field-{n}")


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
    priority_areas = _m2m("priority_areas")


class ProgrammeFactory(PublishedFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    kind = Programme.Kind.STUDENT_EXCHANGE
    host_country = factory.SubFactory(CountryFactory)
    sector = Sector.UNIVERSITY
    level = Programme.Level.MASTER
    # An open call: the deadline months ahead, the programme starting after it.
    application_deadline = days_from_today(150)
    start_date = days_from_today(280)
    end_date = days_from_today(580)
    places = 20
    partner_countries = _m2m("partner_countries")
    host_universities = _m2m("host_universities")
    fields_of_study = _m2m("fields_of_study")
    languages = _m2m("languages")
    heritage_sites = _m2m("heritage_sites")


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
    participating_countries = _m2m("participating_countries")
    heritage_sites = _m2m("heritage_sites")
