import factory

from heritage.models import HeritageSite
from scoculture.tests.factories import CountryFactory, PublishedFactory


class HeritageSiteFactory(PublishedFactory):
    class Meta:
        model = HeritageSite
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Heritage site {n}")
    slug = factory.Sequence(lambda n: f"heritage-site-{n}")
    unesco_reference = factory.Sequence(lambda n: str(5000 + n))
    category = HeritageSite.Category.CULTURAL
    criteria = "(ii)(iii)"
    year_inscribed = 2014

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create:
            self.countries.set(extracted if extracted is not None else [CountryFactory()])
