"""schema.org JSON-LD of a route page: a TouristTrip whose itinerary lists its stops."""

from scoculture.seo import absolute_url


def stop_place(request, stop):
    latitude, longitude = stop.point
    place = {
        "@type": "LandmarksOrHistoricalBuildings" if stop.heritage_site_id else "City",
        "name": stop.place_name,
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(latitude),
            "longitude": float(longitude),
        },
        "address": {"@type": "PostalAddress", "addressCountry": stop.country.code},
    }
    if stop.heritage_site_id:
        place["url"] = absolute_url(request, stop.get_absolute_url())
    return place


def route_json_ld(request, route):
    data = {
        "@context": "https://schema.org",
        "@type": "TouristTrip",
        "name": route.title,
        "url": absolute_url(request, route.get_absolute_url()),
        "itinerary": {
            "@type": "ItemList",
            "numberOfItems": len(route.visible_stops),
            "itemListOrder": "https://schema.org/ItemListOrderAscending",
            "itemListElement": [
                {"@type": "ListItem", "position": number, "item": stop_place(request, stop)}
                for number, stop in enumerate(route.visible_stops, 1)
            ],
        },
    }
    if route.summary:
        data["description"] = route.summary
    return data
