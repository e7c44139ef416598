"""schema.org JSON-LD of a heritage site page."""

from scoculture.links import web_url
from scoculture.seo import absolute_url


def site_json_ld(request, site):
    data = {
        "@context": "https://schema.org",
        "@type": "LandmarksOrHistoricalBuildings",
        "name": site.name,
        "url": absolute_url(request, site.get_absolute_url()),
    }
    if site.summary:
        data["description"] = site.summary
    if site.latitude is not None and site.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(site.latitude),
            "longitude": float(site.longitude),
        }
    countries = [
        {"@type": "Country", "name": country.name, "identifier": country.code}
        for country in site.published_countries
    ]
    if countries:
        data["containedInPlace"] = countries if len(countries) > 1 else countries[0]
    same_as = [url for url in (site.unesco_url, web_url(site.official_url)) if url]
    if same_as:
        data["sameAs"] = same_as
    return data
