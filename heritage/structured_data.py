"""schema.org JSON-LD of a heritage site page."""

from scoculture.links import web_url
from scoculture.seo import absolute_url, distinct_urls, geo


def one_or_list(items):
    return items[0] if len(items) == 1 else items


def site_json_ld(request, site, image="", map_url=""):
    data = {
        "@context": "https://schema.org",
        "@type": "LandmarksOrHistoricalBuildings",
        "name": site.name,
        "url": absolute_url(request, site.get_absolute_url()),
    }
    if image:
        data["image"] = image
    if map_url:
        data["hasMap"] = map_url
    if site.summary:
        data["description"] = site.summary
    if site.has_coordinates:
        data["geo"] = geo(site)
    countries = site.published_countries
    if countries:
        # A transboundary property lies in several countries: one address in each.
        data["address"] = one_or_list(
            [{"@type": "PostalAddress", "addressCountry": country.code} for country in countries]
        )
        data["containedInPlace"] = one_or_list(
            [
                {"@type": "Country", "name": country.name, "identifier": country.code}
                for country in countries
            ]
        )
    # The official page is often UNESCO's own, written a little differently: one link each.
    same_as = distinct_urls([site.unesco_url, web_url(site.official_url)])
    if same_as:
        data["sameAs"] = same_as
    return data
