import factory

from programmes.models import FieldOfStudy, Language, Programme
from scoculture.models import Sector
from scoculture.tests.factories import (
    CountryFactory,
    PublishedFactory,
    days_from_today,
    many_to_many,
)


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
    partner_countries = many_to_many("partner_countries")
    host_universities = many_to_many("host_universities")
    fields_of_study = many_to_many("fields_of_study")
    languages = many_to_many("languages")
    heritage_sites = many_to_many("heritage_sites")
