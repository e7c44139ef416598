import string

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


def free_country_code():
    """A two-letter code no country has yet, from ISO's user-assigned X range first, which
    no real country (those tests name, such as "CN") will ever have."""
    taken = set(Country.objects.values_list("code", flat=True))
    letters = string.ascii_uppercase
    candidates = [f"X{b}" for b in letters] + [a + b for a in letters for b in letters]
    return next(code for code in candidates if code not in taken)


class CountryFactory(PublishedFactory):
    class Meta:
        model = Country

    name = factory.Sequence(lambda n: f"Country {n}")
    slug = factory.Sequence(lambda n: f"country-{n}")
    code = factory.LazyFunction(lambda: free_country_code())
    sco_status = Country.SCOStatus.MEMBER


def many_to_many(attribute):
    """A post-generation hook that sets a many-to-many from the factory's argument."""

    def hook(self, create, extracted, **kwargs):
        if create and extracted:
            getattr(self, attribute).set(extracted)

    return factory.post_generation(hook)
