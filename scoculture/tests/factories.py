import factory
from django.utils import timezone

from scoculture.models import Country, Publishable


def days_from_today(days):
    """A factory default that moves with the calendar, so no test expires on a fixed date."""
    return factory.LazyFunction(lambda: timezone.localdate() + timezone.timedelta(days=days))


class PublishedFactory(factory.django.DjangoModelFactory):
    """Content is published unless a test says otherwise (`status=Publishable.Status.DRAFT`)."""

    class Meta:
        abstract = True

    status = Publishable.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=1))


class CountryFactory(PublishedFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Country {n}")
    slug = factory.Sequence(lambda n: f"country-{n}")
    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    sco_status = Country.SCOStatus.MEMBER
