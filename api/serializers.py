"""What the API says of each kind: published records, and of their links only the published.

Translated fields (title, name, summary...) read in the active language with English as the
fallback (modeltranslation), so the view's language choice is all it takes. Related records
come from the `published_*` attributes that each model's `for_detail()` joins or prefetches: a draft
or scheduled country, university or site at the other end never appears.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from festivals.models import Festival
from heritage.models import HeritageSite
from programmes.models import Programme
from routes.models import Route
from scoculture.models import Country
from universities.models import University

PUBLIC_FIELDS = ("slug", "url", "is_example", "published_at", "updated_at")


class PageURLField(serializers.CharField):
    """The record's public page, in the language of the response."""

    def __init__(self, **kwargs):
        super().__init__(source="get_absolute_url", read_only=True, **kwargs)

    def to_representation(self, value):
        return self.context["request"].build_absolute_uri(value)


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class LinesField(serializers.Field):
    """A text of one entry a line, as a list (empty lines dropped)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return [line.strip() for line in value.splitlines() if line.strip()]


class CoordinatesMixin(serializers.Serializer):
    """The point of a Located record in degrees (WGS 84), as numbers; null when unknown."""

    latitude = serializers.FloatField(read_only=True, allow_null=True)
    longitude = serializers.FloatField(read_only=True, allow_null=True)


class CountryRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Country
        fields = ("slug", "name", "code")


class NamedRefSerializer(serializers.Serializer):
    """A university, heritage site or vocabulary entry named in another record."""

    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class TitledRefSerializer(serializers.Serializer):
    """A programme or festival named in another record."""

    slug = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)


class CountrySerializer(serializers.ModelSerializer):
    url = PageURLField()

    class Meta:
        model = Country
        fields = ("name", "code", "sco_status", "joined_year", "description", *PUBLIC_FIELDS)


class ProgrammeSerializer(serializers.ModelSerializer):
    url = PageURLField()
    website = serializers.CharField(read_only=True)
    host_country = CountryRefSerializer(source="published_host_country", allow_null=True)
    partner_countries = CountryRefSerializer(source="published_partner_countries", many=True)
    host_universities = NamedRefSerializer(source="published_host_universities", many=True)
    heritage_sites = NamedRefSerializer(source="published_heritage_sites", many=True)
    fields_of_study = NamedRefSerializer(many=True, read_only=True)
    languages = NamedRefSerializer(many=True, read_only=True)

    class Meta:
        model = Programme
        fields = (
            "title", "kind", "summary", "description", "host_country", "partner_countries",
            "host_universities", "organiser", "sector", "level", "fields_of_study", "languages",
            "format", "application_deadline", "start_date", "end_date", "places", "funding",
            "website", "heritage_sites", *PUBLIC_FIELDS,
        )  # fmt: skip


class FestivalSerializer(CoordinatesMixin, serializers.ModelSerializer):
    url = PageURLField()
    website = serializers.CharField(read_only=True)
    host_country = CountryRefSerializer(source="published_host_country", allow_null=True)
    participating_countries = CountryRefSerializer(
        source="published_participating_countries", many=True
    )
    heritage_sites = NamedRefSerializer(source="published_heritage_sites", many=True)

    class Meta:
        model = Festival
        fields = (
            "title", "kind", "summary", "description", "host_country", "city", "venue",
            "latitude", "longitude", "participating_countries", "organiser", "sector", "format",
            "edition", "start_date", "end_date", "website", "heritage_sites", *PUBLIC_FIELDS,
        )  # fmt: skip


class UniversitySerializer(CoordinatesMixin, serializers.ModelSerializer):
    url = PageURLField()
    website = serializers.CharField(read_only=True)
    country = CountryRefSerializer(source="published_country", allow_null=True)
    priority_areas = NamedRefSerializer(many=True, read_only=True)
    programmes = TitledRefSerializer(source="published_programmes", many=True)

    class Meta:
        model = University
        fields = (
            "name", "country", "city", "latitude", "longitude", "website",
            "sco_university_member", "sco_university_since", "priority_areas", "description",
            "programmes", *PUBLIC_FIELDS,
        )  # fmt: skip


class HeritageSiteSerializer(CoordinatesMixin, serializers.ModelSerializer):
    url = PageURLField()
    alternate_names = LinesField()
    countries = CountryRefSerializer(source="published_countries", many=True)
    criteria = serializers.ListField(
        source="criteria_list", child=serializers.CharField(), read_only=True
    )
    programmes = TitledRefSerializer(source="published_programmes", many=True)
    festivals = TitledRefSerializer(source="published_festivals", many=True)

    class Meta:
        model = HeritageSite
        fields = (
            "name", "alternate_names", "countries", "unesco_reference", "unesco_status",
            "category", "criteria", "year_inscribed", "in_danger", "latitude", "longitude",
            "region", "summary", "description", "programmes", "festivals", *PUBLIC_FIELDS,
        )  # fmt: skip


class RouteStopSerializer(serializers.Serializer):
    """A stop: a heritage site (named, with its page) or a city of its own."""

    name = serializers.CharField(source="place_name", read_only=True)
    heritage_site = NamedRefSerializer(read_only=True, allow_null=True)
    country = CountryRefSerializer(read_only=True)
    latitude = serializers.FloatField(source="place_latitude", read_only=True)
    longitude = serializers.FloatField(source="place_longitude", read_only=True)
    note = serializers.CharField(read_only=True)
    km_from_previous = serializers.FloatField(
        read_only=True, allow_null=True, help_text="Great-circle distance; null for the first."
    )


class RouteSerializer(serializers.ModelSerializer):
    url = PageURLField()
    length_km = serializers.FloatField(read_only=True, help_text="Sum of the legs.")
    countries = CountryRefSerializer(many=True, read_only=True)
    stops = RouteStopSerializer(source="measured_stops", many=True, read_only=True)

    class Meta:
        model = Route
        fields = (
            "title", "theme", "summary", "description", "suggested_days", "length_km",
            "countries", "stops", *PUBLIC_FIELDS,
        )  # fmt: skip
